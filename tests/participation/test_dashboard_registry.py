from participation.dashboard import DemandPanel, demand_panel, demand_panels, register_demand_panel


def test_panels_come_back_in_order_and_by_key():
    first = DemandPanel("zz-test-first", "First", ["a"], lambda orgs: [[1]], order=-2)
    second = DemandPanel("aa-test-second", "Second", ["a"], lambda orgs: [[2]], order=-1)
    register_demand_panel(second)
    register_demand_panel(first)
    keys = [panel.key for panel in demand_panels()]
    assert keys.index("zz-test-first") < keys.index("aa-test-second")
    assert demand_panel("aa-test-second") is second
    assert demand_panel("missing") is None
