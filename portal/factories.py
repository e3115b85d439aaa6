import datetime

import factory
from factory.django import DjangoModelFactory

from django.utils import timezone

from wagtail.models import Locale

from portal.models import Alert, User


class UserFactory(DjangoModelFactory):
    email = factory.Sequence(lambda n: f"lecteur{n}@example.org")
    username = factory.LazyAttribute(lambda user: user.email)
    password = factory.django.Password("une phrase longue 2026")

    class Meta:
        model = User
        django_get_or_create = ("email",)


class AlertFactory(DjangoModelFactory):
    title = "Médiathèque centrale fermée"
    message = "La médiathèque centrale est fermée ce samedi pour une coupure d'électricité."
    level = Alert.Level.CLOSURE
    starts_at = factory.LazyFunction(lambda: timezone.now() - datetime.timedelta(hours=1))
    ends_at = factory.LazyFunction(lambda: timezone.now() + datetime.timedelta(days=2))
    live = True
    locale = factory.LazyFunction(Locale.get_default)

    class Meta:
        model = Alert
