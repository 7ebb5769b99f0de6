"""The loader: the only code that writes harvested records into the catalogue.

It takes records batch by batch (``Loader.load``), classifies them with read-only queries
(unchanged by content hash, new, changed, matching an entry another source already feeds),
and, unless the run is a dry run, writes the batch in ONE transaction through the catalogue's
bulk services, with the resume cursor and the job's counts in the same transaction. So a job
that dies keeps every finished batch and loses none half-way, and a dry run is the same
classification with the writing left out. ``finish`` withdraws what vanished, only after a
complete listing, and links APIs, series and distributions across batches.

Its steps live in their own modules: ``entry_values`` (record → entry fields),
``matching`` (the entry another source feeds), ``harvest_records`` (the per-record
bookkeeping), ``links`` (links resolved at the end of the job).
"""

from .batch import BatchOutcome, record_hash
from .loader import Loader

__all__ = ["BatchOutcome", "Loader", "record_hash"]
