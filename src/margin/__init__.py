"""margin: a keyboard-driven terminal reader for saved web articles."""

__version__ = "0.1.0"
