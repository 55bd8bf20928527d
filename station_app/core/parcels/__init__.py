"""Parcels at the station: check-in, pickup codes, hand-over (代收), and what they need."""
