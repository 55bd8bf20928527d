"""Village Station: the desktop app of a rural e-commerce service station."""

__version__ = "0.1.0"
