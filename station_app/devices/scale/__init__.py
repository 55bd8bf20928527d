"""Serial produce scales: byte parsers, the settle rule and the pyserial reader.

No Qt here, so all of it runs in tests without a display; the UI wraps the reader
in a worker thread and turns its events into signals.
"""
