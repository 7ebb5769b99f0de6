"""What people look for and do not find: logged searches and the demand dashboard."""
