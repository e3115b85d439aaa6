"""The image sizes the site shows, named in one place.

Templates ask for them by name (`{% rendition image "card" %}`, portal_tags), queries fetch
them with their images (`prefetch(images, "card")`), so that a listing of cards costs one
query for its renditions, and a new app reuses the sizes rather than inventing its own.
"""

SPECS = {
    "card": "fill-480x270",  # a card in a list: highlights, branches, posts, events
    "banner": "fill-1280x400",  # the home page's banner
    "content": "width-960",  # an image in a page's text, a branch's photo
    "logo": "height-64",  # the library's logo in the header
    "social": "fill-1200x630",  # the picture of a page shared on social networks (og:image)
}


def spec(name):
    return SPECS[name]


def prefetch(images, *names):
    """An image queryset with the renditions of `names` fetched in the same go."""
    return images.prefetch_renditions(*(SPECS[name] for name in names))


def prefetch_lookup(field, *names):
    """A `Prefetch` for the renditions of an image field of pages (`"photo"`, `"listing_image"`)."""
    from django.db.models import Prefetch

    from wagtail.images import get_image_model

    renditions = (
        get_image_model()
        .get_rendition_model()
        .objects.filter(filter_spec__in=[SPECS[name] for name in names])
    )
    return Prefetch(f"{field}__renditions", queryset=renditions)
