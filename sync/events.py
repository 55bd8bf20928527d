"""The event types a ledger may hold, and the payload schema of each.

Shared by both ends: the station refuses to append a payload its schema rejects, and
the county checks it again on ingest. Schemas are strict (no coercion, no extra
fields, integers never accepted as floats) because a county report is only as good as
what went into it. A change to a payload's meaning is a new schema version.
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field
from pydantic import ValidationError as PydanticValidationError


class Payload(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)


class StationCreated(Payload):
    name: str = Field(min_length=1, max_length=60)
    level: Literal["village", "township"]
    division_code: str = Field(pattern=r"^\d{12}$")
    install_id: str = Field(min_length=36, max_length=36)


class OperatorCreated(Payload):
    login: str = Field(min_length=1, max_length=32)
    display_name: str = Field(min_length=1, max_length=40)
    role: Literal["keeper", "assistant"]


class OperatorRef(Payload):
    """Events about an operator that carry nothing but who: never the password."""

    login: str = Field(min_length=1, max_length=32)


class PreferenceChanged(Payload):
    key: str = Field(min_length=1, max_length=64)
    value: str = Field(max_length=1000)


class EntryVoided(Payload):
    """Voids the entry named by the ledger entry's ``corrects``."""

    reason: str = Field(min_length=1, max_length=200)


class ParcelCheckedIn(Payload):
    """No phone, name or address: the county counts parcels, it does not need villagers'
    numbers (DESIGN.md, Privacy). The local store keeps them."""

    parcel: str = Field(min_length=36, max_length=36)
    tracking_number: str = Field(min_length=8, max_length=32)
    courier: str = Field(min_length=2, max_length=16)
    pickup_code: str = Field(min_length=5, max_length=16)
    consent: bool | None = None


class ParcelPickedUp(Payload):
    parcel: str = Field(min_length=36, max_length=36)
    tracking_number: str = Field(min_length=8, max_length=32)
    confirmed_by_scan: bool


class ParcelReturned(Payload):
    """Given back to the courier (退件): refused, unclaimed too long, or misdelivered."""

    parcel: str = Field(min_length=36, max_length=36)
    tracking_number: str = Field(min_length=8, max_length=32)
    reason: Literal["refused", "overdue", "misdelivered", "damaged", "other"]
    note: str = Field(default="", max_length=200)


class ParcelCourierCorrected(Payload):
    """Names the check-in entry it corrects (``corrects``)."""

    parcel: str = Field(min_length=36, max_length=36)
    courier: str = Field(min_length=2, max_length=16)


PaymentMethodName = Literal["cash", "wechat", "alipay", "bank", "owed"]


class ShipmentAccepted(Payload):
    """A parcel accepted for sending (寄件). No names, phones or street address: the
    county counts shipments and fees by courier and destination; the station keeps the
    rest (DESIGN.md, Privacy). ``tariff_version`` and ``zone`` let the county check the
    fee, which the station computes and never lets anyone type."""

    shipment: str = Field(min_length=36, max_length=36)
    courier: str = Field(min_length=2, max_length=16)
    province: str = Field(min_length=2, max_length=16)
    city: str = Field(min_length=1, max_length=40)
    weight_g: int = Field(gt=0)
    billable_g: int = Field(gt=0)
    fee_fen: int = Field(ge=0)
    payment_method: PaymentMethodName
    zone: int = Field(ge=1)
    tariff_version: int = Field(ge=1)


class ShipmentCollected(Payload):
    """Handed to the courier's driver (揽收), with the courier's own tracking number."""

    shipment: str = Field(min_length=36, max_length=36)
    courier_tracking_number: str = Field(min_length=8, max_length=32)


class ShipmentCancelled(Payload):
    """Names the ``shipment.accepted`` entry it corrects (``corrects``); the fee goes back
    to the sender by the way it was paid (or the debt is dropped when ``owed``)."""

    shipment: str = Field(min_length=36, max_length=36)
    reason: str = Field(min_length=1, max_length=200)
    fee_fen: int = Field(ge=0)
    payment_method: PaymentMethodName


EVENT_TYPES: dict[str, dict[int, type[Payload]]] = {
    "station.created": {1: StationCreated},
    "operator.created": {1: OperatorCreated},
    "operator.password_changed": {1: OperatorRef},
    "operator.deactivated": {1: OperatorRef},
    "operator.reactivated": {1: OperatorRef},
    "preference.changed": {1: PreferenceChanged},
    "entry.voided": {1: EntryVoided},
    "parcel.checked_in": {1: ParcelCheckedIn},
    "parcel.picked_up": {1: ParcelPickedUp},
    "parcel.courier_corrected": {1: ParcelCourierCorrected},
    "parcel.returned": {1: ParcelReturned},
    # Shipments (寄件) register below this line.
    "shipment.accepted": {1: ShipmentAccepted},
    "shipment.collected": {1: ShipmentCollected},
    "shipment.cancelled": {1: ShipmentCancelled},
    # Stocktakes (盘点) register below this line.
    # Manifests (交接单) register below this line.
}

CORRECTING_TYPES = frozenset({"entry.voided", "parcel.courier_corrected", "shipment.cancelled"})
"""Event types that must name the entry they correct."""


class UnknownEventType(ValueError):
    pass


class InvalidPayload(ValueError):
    pass


def latest_version(event_type: str) -> int:
    try:
        return max(EVENT_TYPES[event_type])
    except KeyError:
        raise UnknownEventType(event_type) from None


def validate_payload(event_type: str, version: int, payload: dict[str, Any]) -> None:
    """Raise UnknownEventType or InvalidPayload unless ``payload`` fits its schema."""
    versions = EVENT_TYPES.get(event_type)
    if versions is None or version not in versions:
        raise UnknownEventType(f"{event_type} v{version}")
    try:
        versions[version].model_validate(payload)
    except PydanticValidationError as error:
        raise InvalidPayload(
            f"{event_type} v{version}: {error.errors(include_url=False, include_input=False)}"
        ) from None
