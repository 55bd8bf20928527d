"""The 快递 page: check-in, pickup and the day's overview."""

from station_app.ui.pages.parcels.page import ParcelsPage

__all__ = ["ParcelsPage"]
