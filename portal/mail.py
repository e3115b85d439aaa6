"""Mail goes out after the transaction that asked for it; a failure never reaches the visitor.

Every e-mail (account confirmations, password resets, contact-form messages) is queued in the
database by django-mailer within the request's own transaction, then handed to the real
backend (`MAILER_EMAIL_BACKEND`) once that transaction has committed. When the mail server
cannot be reached the message stays queued as deferred: `manage.py nightly` (or
`retry_deferred` then `send_mail`, run every few minutes) sends it later. Logs name the
message and the kind of failure, never an address or a subject.
"""

import logging

from mailer.backend import DbBackend
from mailer.models import RESULT_FAILURE, MessageLog

from django.conf import settings
from django.db import transaction

logger = logging.getLogger(__name__)


class QueueThenSendBackend(DbBackend):
    def send_messages(self, email_messages):
        count = super().send_messages(email_messages)
        if count and getattr(settings, "MAIL_SEND_ON_COMMIT", True):
            transaction.on_commit(send_queued, robust=True)
        return count


def send_queued():
    """Try the queue now; whatever happens, the visitor's request goes on."""
    from mailer.engine import send_all

    try:
        send_all()
    except Exception as error:  # noqa: BLE001  (the queue keeps the mail; never a 500)
        logger.warning("The mail queue could not be sent now (%s); it will be retried.", type(error).__name__)


def defer_on_failure(connection, message, error):
    """django-mailer's error handler: any failure defers the message, logged without personal data."""
    message.defer()
    logger.warning("Mail %s deferred (%s); it will be retried.", message.pk, type(error).__name__)
    MessageLog.objects.log(message, RESULT_FAILURE, log_message=type(error).__name__)
    return None, "deferred"
