"""Shared test settings."""

from __future__ import annotations

import os
from collections.abc import Iterator
from typing import TYPE_CHECKING

import pytest
from hypothesis import HealthCheck, settings

if TYPE_CHECKING:
    from tests.lo.uno import LibreOffice

# The machines are shared and noisy: no per-example deadline; tmp_path-scoped fixtures are
# fine with hypothesis here (each example writes its own file).
settings.register_profile(
    "iki",
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
settings.load_profile("iki")


@pytest.fixture(scope="session")
def libreoffice(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LibreOffice]:
    """One LibreOffice headless for the whole test session (per xdist worker), driven
    through UNO (tests/lo/uno.py); stopped at the end. Skips when LibreOffice or
    python3-uno is missing, and fails instead under CI."""
    from tests.lo.uno import libreoffice_session, uno_available

    if not uno_available():
        if os.environ.get("CI"):
            pytest.fail("LibreOffice with python3-uno is required under CI (.ci/run installs it)")
        pytest.skip("LibreOffice (soffice) or python3-uno for /usr/bin/python3 not installed")
    yield from libreoffice_session(tmp_path_factory.mktemp("libreoffice"))
