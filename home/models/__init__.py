from .branches import BranchIndexPage, BranchPage, MobileBranchPage, MobileStop
from .legal import AccessibilityStatementPage, LegalNoticePage, PrivacyPage
from .pages import ContactFormField, ContactPage, HomePage, StandardPage

__all__ = [
    "AccessibilityStatementPage",
    "BranchIndexPage",
    "BranchPage",
    "ContactFormField",
    "ContactPage",
    "HomePage",
    "LegalNoticePage",
    "MobileBranchPage",
    "MobileStop",
    "PrivacyPage",
    "StandardPage",
]
