from home.factories import BranchIndexPageFactory, BranchPageFactory, MobileStopFactory


def test_factories(home_page):
    index = BranchIndexPageFactory(parent=home_page)
    branch = BranchPageFactory(parent=index)
    stop = MobileStopFactory(page__parent=index)
    assert branch.weekly_hours[0].value["opens"].hour == 10
    assert stop.page.live
