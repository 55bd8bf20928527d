"""The 缴费 page: bill payments and top-ups taken at the counter and followed to their end."""

from station_app.ui.pages.bills.page import BillsPage

__all__ = ["BillsPage"]
