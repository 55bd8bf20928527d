"""Produce purchasing (农产品收购): farmers, prices, purchases, settlements, lots, reports.

See ``docs/produce.md`` for how the pieces fit together.
"""
