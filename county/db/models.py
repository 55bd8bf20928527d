"""The county's tables, as SQLAlchemy 2 typed mappings.

The naming convention keeps constraint names identical on SQLite and PostgreSQL, so a
batch-mode migration (which re-creates a SQLite table) finds them by name. Instants are
timezone-aware ``DateTime``; ledger fields the hash covers stay the exact text the
station hashed (``occurred_at``, ``business_day``), so the county can re-serve and
re-verify an entry byte for byte.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    TypeDecorator,
    UniqueConstraint,
    false,
    text,
    true,
)
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

Json = JSON().with_variant(JSONB(), "postgresql")
"""JSONB on PostgreSQL so later reports can index into payloads; JSON text on SQLite."""


class Instant(TypeDecorator[datetime]):
    """An aware UTC instant on both databases (SQLite's DATETIME would hand back naive)."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime: instants are timezone-aware")
        return value if value.tzinfo is UTC else value.astimezone(UTC)

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


class Station(Base):
    """A station as the county knows it; ``station_id`` is bound at enrolment.

    ``held_through`` / ``last_hash`` are the head of the county's copy of the ledger,
    kept on this row so a batch locks one row (``FOR UPDATE``) and reads its head
    without scanning ``ledger_entries``.
    """

    __tablename__ = "stations"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    code: Mapped[str] = mapped_column(String(24), unique=True)
    name: Mapped[str] = mapped_column(String(60))
    level: Mapped[str] = mapped_column(String(16))
    division_code: Mapped[str] = mapped_column(String(12))
    township: Mapped[str] = mapped_column(String(40))
    station_id: Mapped[str | None] = mapped_column(String(36), unique=True)
    install_id: Mapped[str | None] = mapped_column(String(36))
    created_at: Mapped[datetime] = mapped_column(Instant())
    enrolled_at: Mapped[datetime | None] = mapped_column(Instant())
    held_through: Mapped[int] = mapped_column(BigInteger, default=0)
    last_hash: Mapped[str | None] = mapped_column(String(64))
    last_batch_at: Mapped[datetime | None] = mapped_column(Instant())
    manifest_seq: Mapped[int] = mapped_column(BigInteger, default=0, server_default="0")
    """The last ``county_seq`` given to a manifest addressed to this station: numbered
    under this row's lock, so a station paging with ``after`` never skips one that
    commits late (a global id would be handed out before commit, in another order)."""


class EnrolmentCode(Base):
    """A one-time code county staff hand to a station; only its sha256 is kept."""

    __tablename__ = "enrolment_codes"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    station: Mapped[int] = mapped_column(ForeignKey("stations.id"), index=True)
    code_hash: Mapped[str] = mapped_column(String(64), unique=True)
    created_at: Mapped[datetime] = mapped_column(Instant())
    expires_at: Mapped[datetime] = mapped_column(Instant())
    used_at: Mapped[datetime | None] = mapped_column(Instant())
    withdrawn_at: Mapped[datetime | None] = mapped_column(Instant())


class Credential(Base):
    """A station's bearer credential, kept as the sha256 of a 32-byte random token.

    Why not argon2: a slow, salted hash protects guessable secrets (passwords) from an
    offline attack on a stolen table. A 256-bit random token cannot be guessed, so a
    plain sha256 is as safe, and being unsalted it can be looked up through a unique
    index in one query on every request, where argon2 would cost ~50 ms per request
    and a scan.
    """

    __tablename__ = "credentials"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    station: Mapped[int] = mapped_column(ForeignKey("stations.id"), index=True)
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    install_id: Mapped[str] = mapped_column(String(36))
    app_version: Mapped[str] = mapped_column(String(32))
    created_at: Mapped[datetime] = mapped_column(Instant())
    revoked_at: Mapped[datetime | None] = mapped_column(Instant())


class LedgerEntry(Base):
    """The county's copy of station ledger entries, append-only, one row per (station, seq).

    ``flagged`` entries passed every chain check but not their payload's schema (or are
    of an event type this county does not know yet): kept in sequence so the chain goes
    on, left out of the projections, and listed for county staff with ``flag_reason``
    (field names and error kinds only, never a value from the payload).
    """

    __tablename__ = "ledger_entries"
    __table_args__ = (
        UniqueConstraint("station", "seq", name="uq_ledger_entries_station_seq"),
        Index(
            "ix_ledger_entries_flagged",
            "station",
            "seq",
            sqlite_where=text("flagged"),
            postgresql_where=text("flagged"),
        ),
    )

    id: Mapped[int] = mapped_column(BigInteger().with_variant(Integer, "sqlite"), primary_key=True)
    station: Mapped[int] = mapped_column(ForeignKey("stations.id"))
    seq: Mapped[int] = mapped_column(BigInteger)
    entry_id: Mapped[str] = mapped_column(String(36))
    station_id: Mapped[str] = mapped_column(String(36))
    type: Mapped[str] = mapped_column(String(64))
    schema_version: Mapped[int] = mapped_column(Integer)
    occurred_at: Mapped[str] = mapped_column(String(27))
    business_day: Mapped[str] = mapped_column(String(10))
    operator: Mapped[str] = mapped_column(String(32))
    payload: Mapped[dict[str, Any]] = mapped_column(Json)
    corrects: Mapped[str | None] = mapped_column(String(36))
    prev_hash: Mapped[str | None] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64))
    received_at: Mapped[datetime] = mapped_column(Instant())
    flagged: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    flag_reason: Mapped[str | None] = mapped_column(String(300))


class Refusal(Base):
    """A batch the county refused for its content (fork, gap, broken chain, bad payload),
    kept for county staff. A station retrying the same refusal bumps ``repeats`` on the
    latest row instead of filling the table."""

    __tablename__ = "refusals"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    station: Mapped[int] = mapped_column(ForeignKey("stations.id"), index=True)
    code: Mapped[str] = mapped_column(String(32))
    seq: Mapped[int | None] = mapped_column(BigInteger)
    detail: Mapped[dict[str, Any]] = mapped_column(Json)
    request_id: Mapped[str] = mapped_column(String(64))
    first_at: Mapped[datetime] = mapped_column(Instant())
    last_at: Mapped[datetime] = mapped_column(Instant())
    repeats: Mapped[int] = mapped_column(Integer, default=1)


class DailyTotal(Base):
    """Projection: entries per station × business day × event type, maintained in the
    ingest transaction so county pages never scan the raw ledger. Raw per event type: a
    void is its own row (``entry.voided``); netting it out is a report's job."""

    __tablename__ = "daily_totals"
    __table_args__ = (
        UniqueConstraint(
            "station", "business_day", "type", name="uq_daily_totals_station_day_type"
        ),
        Index("ix_daily_totals_business_day", "business_day"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    station: Mapped[int] = mapped_column(ForeignKey("stations.id"))
    business_day: Mapped[str] = mapped_column(String(10))
    type: Mapped[str] = mapped_column(String(64))
    count: Mapped[int] = mapped_column(BigInteger, default=0)


class DailyAmount(Base):
    """Projection: the sum of one money (``*_fen``) or weight (``*_g``) payload field per
    station × business day × event type. Per field, not one money and one weight column:
    a shipment carries both ``weight_g`` and ``billable_g``, and adding them up would
    mean nothing."""

    __tablename__ = "daily_amounts"
    __table_args__ = (
        UniqueConstraint(
            "station", "business_day", "type", "field", name="uq_daily_amounts_station_day_type"
        ),
        Index("ix_daily_amounts_business_day", "business_day"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    station: Mapped[int] = mapped_column(ForeignKey("stations.id"))
    business_day: Mapped[str] = mapped_column(String(10))
    type: Mapped[str] = mapped_column(String(64))
    field: Mapped[str] = mapped_column(String(64))
    amount: Mapped[int] = mapped_column(BigInteger, default=0)


class ReferenceSet(Base):
    """One published version of a kind of reference data the county owns.

    ``version`` counts per kind across townships, so an ETag (the version) never names
    two different contents of one kind. ``township`` is ``""`` for the whole county;
    only routes are published per township (a station gets its township's newest set,
    or the county-wide one while its township has none).
    """

    __tablename__ = "reference_sets"
    __table_args__ = (
        UniqueConstraint("kind", "version", name="uq_reference_sets_kind_version"),
        Index("ix_reference_sets_kind_township", "kind", "township", "version"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    kind: Mapped[str] = mapped_column(String(16))
    township: Mapped[str] = mapped_column(String(40), default="")
    version: Mapped[int] = mapped_column(Integer)
    data: Mapped[dict[str, Any]] = mapped_column(Json)
    sha256: Mapped[str] = mapped_column(String(64))
    published_at: Mapped[datetime] = mapped_column(Instant())


class RelayedManifest(Base):
    """A manifest a township posted, kept addressed to its destination station until
    that station fetches it (and after: the county's record of the hand-over)."""

    __tablename__ = "manifests"
    __table_args__ = (
        UniqueConstraint("to_station", "county_seq", name="uq_manifests_to_station_seq"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    uid: Mapped[str] = mapped_column(String(36), unique=True)
    number: Mapped[str] = mapped_column(String(32))
    sha256: Mapped[str] = mapped_column(String(64))
    from_station: Mapped[int] = mapped_column(ForeignKey("stations.id"), index=True)
    to_station: Mapped[int] = mapped_column(ForeignKey("stations.id"))
    county_seq: Mapped[int] = mapped_column(BigInteger)
    document: Mapped[dict[str, Any]] = mapped_column(Json)
    received_at: Mapped[datetime] = mapped_column(Instant())


class ProduceFarmer(Base):
    """Projection: a farmer a station buys from, as the ledger names them (``farmer.*``):
    village and household status only; the county never learns who they are."""

    __tablename__ = "produce_farmers"
    __table_args__ = (
        UniqueConstraint("station", "farmer", name="uq_produce_farmers_station_farmer"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    station: Mapped[int] = mapped_column(ForeignKey("stations.id"))
    farmer: Mapped[str] = mapped_column(String(36))
    village: Mapped[str] = mapped_column(String(12))
    household: Mapped[str | None] = mapped_column(String(16))
    changed_day: Mapped[str] = mapped_column(String(10))


class ProducePurchase(Base):
    """Projection: one purchase (``produce.purchased``) with the village and household
    status recorded at the purchase, for the county's 帮扶 figures; ``voided`` by an
    ``entry.voided`` of its entry, ``settlement`` set by ``produce.settled``."""

    __tablename__ = "produce_purchases"
    __table_args__ = (
        UniqueConstraint("station", "purchase", name="uq_produce_purchases_station_purchase"),
        Index("ix_produce_purchases_station_entry", "station", "entry_id"),
        Index("ix_produce_purchases_station_lot", "station", "lot"),
        Index("ix_produce_purchases_business_day", "business_day"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    station: Mapped[int] = mapped_column(ForeignKey("stations.id"))
    purchase: Mapped[str] = mapped_column(String(36))
    entry_id: Mapped[str] = mapped_column(String(36))
    number: Mapped[str] = mapped_column(String(16))
    farmer: Mapped[str] = mapped_column(String(36))
    """The farmer's uid, for counting households reached; never shown or answered."""
    business_day: Mapped[str] = mapped_column(String(10))
    product: Mapped[str] = mapped_column(String(32))
    grade: Mapped[str] = mapped_column(String(16))
    village: Mapped[str] = mapped_column(String(12))
    household: Mapped[str] = mapped_column(String(16))
    net_g: Mapped[int] = mapped_column(BigInteger)
    amount_fen: Mapped[int] = mapped_column(BigInteger)
    payment: Mapped[str] = mapped_column(String(8))
    lot: Mapped[str] = mapped_column(String(36))
    voided: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    settlement: Mapped[str | None] = mapped_column(String(36))


class ProduceLot(Base):
    """Projection: a lot (批次) and its trace code (``lot.opened``, or a child of
    ``lot.split`` with its ``parent``), and where it went (``lot.shipped``). ``net_g``
    is a child's weight out of its parent (an opened lot's weight is its purchases')."""

    __tablename__ = "produce_lots"
    __table_args__ = (
        UniqueConstraint("station", "lot", name="uq_produce_lots_station_lot"),
        Index("ix_produce_lots_trace_code", "trace_code"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    station: Mapped[int] = mapped_column(ForeignKey("stations.id"))
    lot: Mapped[str] = mapped_column(String(36))
    trace_code: Mapped[str] = mapped_column(String(10))
    parent: Mapped[str | None] = mapped_column(String(36))
    product: Mapped[str] = mapped_column(String(32))
    grade: Mapped[str] = mapped_column(String(16))
    lot_day: Mapped[str] = mapped_column(String(10))
    net_g: Mapped[int | None] = mapped_column(BigInteger)
    shipment: Mapped[str | None] = mapped_column(String(36))
    shipped_day: Mapped[str | None] = mapped_column(String(10))
    shipped_to_kind: Mapped[str | None] = mapped_column(String(16))
    shipped_to_name: Mapped[str | None] = mapped_column(String(60))
    """A business (company or market) per the schema, kept for county staff; the public
    trace answer leaves it out."""
    shipped_g: Mapped[int | None] = mapped_column(BigInteger)


class Staff(Base):
    """A county staff account for the console: ``admin`` (enrols stations, publishes
    reference data) or ``viewer``. Only the argon2 hash of the password is kept; a
    disabled account (``active`` false) cannot log in and its sessions stop working."""

    __tablename__ = "staff"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    login: Mapped[str] = mapped_column(String(32), unique=True)
    display_name: Mapped[str] = mapped_column(String(40))
    role: Mapped[str] = mapped_column(String(16))
    password_hash: Mapped[str] = mapped_column(String(200))
    active: Mapped[bool] = mapped_column(Boolean, default=True, server_default=true())
    created_at: Mapped[datetime] = mapped_column(Instant())


class StaffSession(Base):
    """A console login, kept in the database so any app process can serve the next
    request (several workers behind one PostgreSQL). The cookie holds a random token;
    only its sha256 is stored (see ``Credential`` for why not argon2). ``expires_at`` is
    the idle deadline, pushed forward as the session is used."""

    __tablename__ = "staff_sessions"
    __table_args__ = (Index("ix_staff_sessions_staff", "staff"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    staff: Mapped[int] = mapped_column(ForeignKey("staff.id"))
    csrf_token: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(Instant())
    last_seen_at: Mapped[datetime] = mapped_column(Instant())
    expires_at: Mapped[datetime] = mapped_column(Instant())
