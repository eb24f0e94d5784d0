"""Shared test settings."""

from __future__ import annotations

from hypothesis import HealthCheck, settings

# The machines are shared and noisy: no per-example deadline; tmp_path-scoped fixtures are
# fine with hypothesis here (each example writes its own file).
settings.register_profile(
    "iki",
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
settings.load_profile("iki")
