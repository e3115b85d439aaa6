from .branches import BranchIndexPage, BranchPage, MobileBranchPage
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
    "PrivacyPage",
    "StandardPage",
]
