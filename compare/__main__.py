"""`python -m compare`: the same as the `scodiff` command."""

from .cli import run

run()
