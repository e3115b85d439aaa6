from django.db import connection
from django.test.utils import CaptureQueriesContext

from portal.memory import memory

# What `home.models.branches` keeps with `portal.tree.remembered`: the branches and their hours.
BRANCH_ANSWERS = ("home.branch", "home.branches")


def queries_for(client, url, *, forgetting=()):
    """Number of SQL queries a second visit to `url` costs (the first one warms caches).

    `forgetting`: kinds of the tree's answers (the first item of a `portal.tree.remembered`
    key) forgotten before the second visit, so that the count includes what fetching them
    again costs, as the first visit after a change does.
    """
    client.get(url)
    current = memory("portal.tree").get("current")
    if current and forgetting:
        answers = current[1]
        for key in [key for key in answers if isinstance(key, tuple) and key[0] in forgetting]:
            del answers[key]
    with CaptureQueriesContext(connection) as context:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(context)
