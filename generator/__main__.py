"""`python -m generator` runs the `timeline` command."""

from .cli import main

main()
