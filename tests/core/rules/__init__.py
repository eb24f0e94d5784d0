"""Tests of `iki_xl.core.rules`: one module per rule group, as in the package."""

import pytest

# the shared helpers assert too: rewrite them for readable failures
pytest.register_assert_rewrite("tests.core.rules.document")
