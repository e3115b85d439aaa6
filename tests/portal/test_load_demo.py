import io

import pytest

from django.core.management import CommandError, call_command

from wagtail.models import Page, Revision

from branches.models import Stop
from home.models import BranchPage, MobileBranchPage
from portal.apps import project_apps
from portal.management.commands.load_demo import demo_modules
from portal.models import Alert, IdentityWords, User


def snapshot():
    return {
        "pages": Page.objects.count(),
        "revisions": Revision.objects.count(),
        "stops": Stop.objects.count(),
        "users": User.objects.count(),
        "alerts": Alert.objects.count(),
        "identity words": IdentityWords.objects.count(),
    }


# Browser tests empty the database when they end: restore what Wagtail's migrations put there.
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_demo_builds_a_believable_network_and_running_it_again_changes_nothing(client):
    out = io.StringIO()
    call_command("load_demo", "--force", stdout=out)
    first = snapshot()
    call_command("load_demo", "--force", stdout=io.StringIO())

    assert snapshot() == first
    assert "admin@bibo.example" in out.getvalue()
    french = {"locale__language_code": "fr"}
    assert BranchPage.objects.filter(**french).count() == 8
    assert set(MobileBranchPage.objects.filter(**french).values_list("branch__kind", flat=True)) == {
        "bus",
        "boat",
    }
    assert first["stops"] > 20
    # Translated through wagtail-localize, except one page left French-only on purpose.
    assert client.get("/ar/bibliotheques/mediatheque-centrale/").status_code == 200
    assert client.get("/zh-hans/s-inscrire/").status_code == 200
    assert client.get("/tr/accessibilite/").status_code == 404
    assert client.get("/fr/").status_code == 200
    assert User.objects.get(email="admin@bibo.example").is_superuser
    # The library's name and tagline in every language, not the French ones marked as French.
    assert first["identity words"] == 8
    arabic_home = client.get("/ar/").content.decode()
    assert '<p class="home-hero__tagline">القراءة، اللعب، اللقاء</p>' in arabic_home
    assert '<span class="site-header__name">مكتبات Bellerive</span>' in arabic_home
    assert "<title>مكتبات Bellerive</title>" in arabic_home  # the home page's title is the name
    assert (
        "· مكتبات Bellerive</title>" in client.get("/ar/bibliotheques/mediatheque-centrale/").content.decode()
    )
    chinese_home = client.get("/zh-hans/").content.decode()
    assert '<p class="home-hero__tagline">阅读、游戏、相聚</p>' in chinese_home
    assert '<span class="site-header__name">Bellerive 图书馆</span>' in chinese_home
    assert "<title>Bellerive 图书馆</title>" in chinese_home
    assert "· Bellerive 图书馆</title>" in client.get("/zh-hans/s-inscrire/").content.decode()
    for html in (arabic_home, chinese_home):
        assert '<p class="site-footer__name">' in html  # and the footer's name, not marked as French
        assert "Bibliothèques de Bellerive" not in html
        assert "Lire, jouer, se retrouver" not in html


def test_demo_refuses_to_run_without_debug_unless_forced(db):
    with pytest.raises(CommandError, match="DEBUG"):
        call_command("load_demo", stdout=io.StringIO())


def test_each_app_brings_its_demo_in_the_order_of_installed_apps():
    names = [module.__name__ for module in demo_modules()]

    assert names[0] == "portal.demo"
    assert "home.demo" in names
    # The branches exist before the pages that present them.
    assert names.index("branches.demo") < names.index("home.demo")
    order = [app.name for app in project_apps()]
    assert names == [f"{app}.demo" for app in order if f"{app}.demo" in names]
