from .branches import BranchIndexPage, BranchPage, MobileBranchPage, MobileStop
from .pages import ContactFormField, ContactPage, HomePage, StandardPage

__all__ = [
    "BranchIndexPage",
    "BranchPage",
    "ContactFormField",
    "ContactPage",
    "HomePage",
    "MobileBranchPage",
    "MobileStop",
    "StandardPage",
]
