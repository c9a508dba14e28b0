"""``python -m briefmodel``: the command line."""

import sys

from briefmodel._cli import main

if __name__ == "__main__":
    sys.exit(main())
