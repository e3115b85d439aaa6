from http import HTTPStatus

from django.core import mail

from home.factories import ContactPageFactory


def english_contact_page(home_page, locales):
    contact = ContactPageFactory(
        parent=home_page,
        slug="nous-ecrire",
        questions=[("Votre nom", "singleline"), ("Votre e-mail", "email"), ("Votre message", "multiline")],
    )
    home_page.copy_for_translation(locales["en"]).save_revision().publish()
    english = contact.copy_for_translation(locales["en"])
    english.title = "Write to us"
    english.save_revision().publish()
    for field, label in zip(
        english.form_fields.order_by("sort_order"), ["Your name", "Your e-mail", "Your message"], strict=True
    ):
        field.label = label
        field.save()
    return contact, english


def test_staff_reply_to_the_visitor_and_read_the_french_questions(client, home_page, locales):
    contact, english = english_contact_page(home_page, locales)
    response = client.post(
        english.url,
        {"votre_nom": "Oksana", "votre_e_mail": "oksana@example.org", "votre_message": "When do you open?"},
    )
    assert response.status_code == HTTPStatus.OK
    [message] = mail.outbox
    assert message.reply_to == ["oksana@example.org"]
    assert "Nous écrire" in message.subject
    assert "anglais" in message.subject.lower()
    assert message.subject != contact.subject
    assert "Votre nom : Oksana" in message.body
    assert "Votre message : When do you open?" in message.body
    assert "Your name" not in message.body
    assert message.to == ["accueil@bibliotheque.example"]


def test_french_message_names_its_language_too(client, home_page, locales):
    contact, _english = english_contact_page(home_page, locales)
    client.post(
        contact.url, {"votre_nom": "Léa", "votre_e_mail": "lea@example.org", "votre_message": "Bonjour"}
    )
    [message] = mail.outbox
    assert "français" in message.subject.lower()
    assert message.reply_to == ["lea@example.org"]
