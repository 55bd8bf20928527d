"""The one refusal type of produce purchasing, naming the form field at fault."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from station_app.core.errors import FieldError, on_field

_T = TypeVar("_T")


class ProduceError(FieldError):
    """A refused farmer, price, purchase, settlement or lot action, naming the field
    (``farmer``, ``product``, ``grade``, ``weighings`` (with ``row``), ``impurity``,
    ``moisture``, ``payment``, ``price``, ``lot``, ``parts``, ``to_name`` …)."""


def on_produce_field(field: str, check: Callable[[], _T], row: int | None = None) -> _T:
    return on_field(field, check, ProduceError, row)
