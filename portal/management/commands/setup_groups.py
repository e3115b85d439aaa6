from django.core.management.base import BaseCommand

from portal.staff import STAFF_GROUPS, setup_groups


class Command(BaseCommand):
    help = "Create or update the staff groups (editors, translators) with their rights on every language."

    def handle(self, *args, **options):
        setup_groups()
        for group in STAFF_GROUPS:
            self.stdout.write(f"{group.name}: {group.description}")
