"""The product's version, in a room every other room may import (exports print it)."""

__version__ = "0.1.0"
