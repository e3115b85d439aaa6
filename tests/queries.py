from django.db import connection
from django.test.utils import CaptureQueriesContext


def queries_for(client, url):
    """Number of SQL queries a second visit to `url` costs (the first one warms caches)."""
    client.get(url)
    with CaptureQueriesContext(connection) as context:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(context)
