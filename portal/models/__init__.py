from .alerts import Alert
from .identity import IdentityWords
from .media import CustomDocument, CustomImage, CustomRendition
from .pages import BasePage
from .site_settings import BrandingSettings, SocialLinks
from .tree import TreeVersion
from .users import User

__all__ = [
    "Alert",
    "BasePage",
    "BrandingSettings",
    "CustomDocument",
    "CustomImage",
    "CustomRendition",
    "IdentityWords",
    "SocialLinks",
    "TreeVersion",
    "User",
]
