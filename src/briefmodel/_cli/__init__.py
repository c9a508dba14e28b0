"""The command line (``briefmodel show | parse | check | render | export | schema``) and the export it runs."""

from briefmodel._cli.commands import main

__all__ = ["main"]
