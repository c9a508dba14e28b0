"""Name a missing runtime dependency and the install command, rather than fail deep inside an import.

The usual cause is a checkout put on ``PYTHONPATH`` without installing it.
``briefmodel/__init__.py`` imports this module before anything else.
"""

from importlib.util import find_spec

REQUIRED = (("attrs", "attrs"), ("cattrs", "cattrs"), ("dateutil", "python-dateutil"))
"""(module, distribution) of each runtime dependency."""

for module, distribution in REQUIRED:
    if find_spec(module) is None:
        raise ModuleNotFoundError(
            f"briefmodel needs {distribution}, which is not installed: install briefmodel with "
            "`python -m pip install briefmodel` (from a checkout: `python -m pip install -e .`), "
            "which installs attrs, cattrs and python-dateutil with it",
            name=module,
        )
