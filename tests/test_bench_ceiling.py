"""The benchmark's trivial view exists only when BENCH is on: no new public endpoint."""

import pytest

pytestmark = pytest.mark.django_db


def test_the_benchmark_ceiling_is_not_served_by_default(client):
    # Like any unknown path: redirected into the English tree, where no page answers.
    response = client.get("/bench/ceiling", follow=True)

    assert response.status_code == 404
    assert "ok" != response.content.decode().strip()
