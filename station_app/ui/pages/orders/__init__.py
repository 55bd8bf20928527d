"""The 代购 page: register an order, follow it to delivery, see a villager's balance."""

from station_app.ui.pages.orders.page import OrdersPage

__all__ = ["OrdersPage"]
