import pytest

from django.conf import settings
from django.core.cache import caches
from django.db import connection, transaction

from wagtail.models import Locale, Page, Site

from home.factories import HomePageFactory
from portal.memory import forget_everything


@pytest.fixture(autouse=True)
def empty_caches():
    """Caches outlive a test's database: start each test without them, whoever keeps them."""
    for cache in caches.all():
        cache.clear()
    forget_everything()


@pytest.fixture(scope="module")
def module_db(request, django_db_setup, django_db_blocker):
    """One transaction around a module, for data all its tests read and build once.

    Each test still runs in its own savepoint, rolled back after it; the module's data is
    rolled back after its last test. A test of the module that does not ask for it would
    find the data there all the same, hence the check.
    """
    strangers = [
        item.name
        for item in request.session.items
        if item.module is request.module and "module_db" not in item.fixturenames
    ]
    assert not strangers, f"every test of {request.module.__name__} must use module_db: {strangers}"
    with django_db_blocker.unblock(), transaction.atomic():
        yield
        transaction.set_rollback(True)


@pytest.fixture
def triggers_at_once(db):
    """PostgreSQL runs the tree version's triggers at commit (portal.tree); a test's transaction
    never commits, so it asks for them at once, as each statement ends."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")


@pytest.fixture
def locales(db):
    return {code: Locale.objects.get_or_create(language_code=code)[0] for code, _name in settings.LANGUAGES}


@pytest.fixture
def home_page(locales):
    """A French home page as the root of the default site."""
    root = Page.get_first_root_node()
    home = HomePageFactory(parent=root)
    Site.objects.update_or_create(
        is_default_site=True,
        defaults={"hostname": "localhost", "port": 80, "root_page": home, "site_name": "Bibo"},
    )
    Page.objects.filter(depth=2).exclude(pk=home.pk).delete()
    return home
