import pytest

from django.conf import settings
from django.core.cache import caches

from wagtail.models import Locale, Page, Site

from home.factories import HomePageFactory
from portal.memory import forget_everything


@pytest.fixture(autouse=True)
def empty_caches():
    """Caches outlive a test's database: start each test without them, whoever keeps them."""
    for cache in caches.all():
        cache.clear()
    forget_everything()


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
