from wagtail.snippets.models import register_snippet

from branches.viewsets import BranchesGroup

register_snippet(BranchesGroup)
