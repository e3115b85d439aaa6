"""The data migration carries branches entered as pages into `branches` rows, losing nothing."""

import datetime
import json
import uuid

import pytest

from django.db import connection
from django.db.migrations.executor import MigrationExecutor

BEFORE = [("home", "0004_listing_image"), ("branches", None)]
AFTER = [("home", "0007_branch_facts_move_to_branches")]


def stream(*children):
    return json.dumps([{"type": kind, "value": value, "id": block_id} for kind, value, block_id in children])


@pytest.fixture
def schema_restored():
    """Whatever happens in the test, the next tests find today's schema."""
    yield
    executor = MigrationExecutor(connection)
    executor.migrate(executor.loader.graph.leaf_nodes())


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_branches_hours_and_stops_entered_as_pages_become_rows(schema_restored):
    # One target at a time: before unapplying, Django computes the project's state at each
    # migration of its plan from the first to unapply to the last, and the branches app comes
    # early in that plan, home late: together they would cost every state in between.
    for target in BEFORE:
        executor = MigrationExecutor(connection)
        executor.migrate([target])
    old = executor.loader.project_state(BEFORE[:1]).apps
    Locale, Page = old.get_model("wagtailcore", "Locale"), old.get_model("wagtailcore", "Page")
    ContentType = old.get_model("contenttypes", "ContentType")
    BranchPage, MobileBranchPage = (
        old.get_model("home", "BranchPage"),
        old.get_model("home", "MobileBranchPage"),
    )
    french = Locale.objects.get_or_create(language_code="fr")[0]
    english = Locale.objects.get_or_create(language_code="en")[0]
    # Browser tests empty the database, Wagtail's root page with it.
    root = Page.objects.filter(depth=1).first() or Page.objects.create(
        path="0001",
        depth=1,
        numchild=0,
        title="Root",
        draft_title="Root",
        slug="root",
        url_path="/",
        locale=french,
        content_type=ContentType.objects.get_or_create(app_label="wagtailcore", model="page")[0],
    )
    key = uuid.uuid4()

    def page(model, number, locale, **fields):
        content_type = ContentType.objects.get_or_create(app_label="home", model=model._meta.model_name)[0]
        return model.objects.create(
            path=f"{root.path}{9000 + number:04d}",
            depth=2,
            numchild=0,
            url_path=f"/page-{number}/",
            content_type=content_type,
            locale=locale,
            live=True,
            draft_title=fields["title"],
            **fields,
        )

    common = {
        "street": "24 quai de la Fosse",
        "postcode": "44000",
        "city": "Nantes",
        "latitude": "47.209400",
        "longitude": "-1.563400",
        "phone": "02 40 41 95 95",
        "email": "demy@bibliotheque.example",
        "step_free_access": True,
        "weekly_hours": stream(("opening", {"weekday": "1", "opens": "10:00:00", "closes": "18:00:00"}, "w1")),
        "seasons": stream(
            ("season", {"name": "Été", "start_date": "2026-07-01", "end_date": "2026-08-31", "hours": []}, "s1"),
            # Overlapping the first: before, the first listed won on the days both covered.
            ("season", {"name": "Août", "start_date": "2026-08-15", "end_date": "2026-09-15", "hours": [
                {"type": "item", "value": {"weekday": "2", "opens": "10:00:00", "closes": "12:00:00"}, "id": "i1"}
            ]}, "s2"),
        ),
    }  # fmt: skip
    page(
        BranchPage,
        1,
        french,
        title="Médiathèque Jacques Demy",
        slug="jacques-demy",
        translation_key=key,
        exceptions=stream(
            ("exception", {"start_date": "2026-12-25", "end_date": None, "reason": "Noël", "hours": []}, "e1")
        ),
        **common,
    )
    page(
        BranchPage,
        2,
        english,
        title="Jacques Demy library",
        slug="jacques-demy",
        translation_key=key,
        exceptions=stream(
            (
                "exception",
                {"start_date": "2026-12-25", "end_date": None, "reason": "Christmas Day", "hours": []},
                "e1",
            )
        ),
        **common,
    )
    bus = page(
        MobileBranchPage,
        3,
        french,
        title="Bibliobus",
        slug="bibliobus",
        translation_key=uuid.uuid4(),
        vehicle="bus",
    )
    MobileStop = old.get_model("home", "MobileStop")
    stop = MobileStop.objects.create(
        page=bus, date=datetime.date(2026, 12, 8), starts_at=datetime.time(9, 30), ends_at=datetime.time(12),
        place="Place du Marché", address="Place Émile-Zola", latitude="47.2", longitude="-1.5", sort_order=0,
    )  # fmt: skip

    executor = MigrationExecutor(connection)
    executor.migrate(AFTER)
    new = executor.loader.project_state(AFTER).apps
    Branch, Reason = new.get_model("branches", "Branch"), new.get_model("branches", "Reason")
    branch = Branch.objects.get(code="jacques-demy")
    bus_branch = Branch.objects.get(code="bibliobus")

    assert (branch.name, branch.street, branch.phone, branch.kind) == (
        "Médiathèque Jacques Demy",
        "24 quai de la Fosse",
        "02 40 41 95 95",
        "building",
    )
    assert branch.step_free_access and str(branch.latitude) == "47.209400"
    assert [child["value"]["weekday"] for child in branch.weekly_hours.raw_data] == ["1"]
    # Both translations point at the one branch.
    assert set(new.get_model("home", "BranchPage").objects.values_list("branch", flat=True)) == {branch.pk}
    seasons = list(branch.seasons.order_by("start_date").values_list("name__text", "start_date", "end_date"))
    assert seasons == [
        ("Été", datetime.date(2026, 7, 1), datetime.date(2026, 8, 31)),
        ("Août", datetime.date(2026, 9, 1), datetime.date(2026, 9, 15)),
    ]
    christmas = branch.exceptions.get()
    assert christmas.start_date == datetime.date(2026, 12, 25) and christmas.reason.text == "Noël"
    # The translator's words became the reason's English translation.
    assert (
        Reason.objects.get(translation_key=christmas.reason.translation_key, locale_id=english.pk).text
        == "Christmas Day"
    )
    carried = bus_branch.stops.get()
    assert (carried.pk, carried.date, carried.place.name, carried.place.address) == (
        stop.pk,
        datetime.date(2026, 12, 8),
        "Place du Marché",
        "Place Émile-Zola",
    )
    assert bus_branch.kind == "bus"
