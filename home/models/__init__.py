from .branches import BranchIndexPage, BranchPage, MobileBranchPage
from .pages import ContactFormField, ContactPage, HomePage, StandardPage

__all__ = [
    "BranchIndexPage",
    "BranchPage",
    "ContactFormField",
    "ContactPage",
    "HomePage",
    "MobileBranchPage",
    "StandardPage",
]
