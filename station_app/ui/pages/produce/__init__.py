"""The 收购 page (农产品收购): buying at the scale, farmers, prices, lots and reports."""

from station_app.ui.pages.produce.page import ProducePage

__all__ = ["ProducePage"]
