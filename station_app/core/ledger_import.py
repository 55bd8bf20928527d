"""Taking entries into the local ledger exactly as another copy holds them.

A station restored from an older backup (or a new PC taking over a station) is missing
the entries its ledger wrote after the backup; the county has them. They come back
byte for byte: same entry id, sequence, payload, hashes. Appending them anew would
make new hashes, a second history, a fork the county must refuse.

Each entry is checked before it is written: its hash recomputed by the shared rules
(``sync.protocol.entry_hash``), its station, and its link to the local last entry. An
entry the local ledger already holds at that sequence is skipped when its hash is the
same (a page fetched twice) and refused when it differs: that is a fork, and it is
never merged. The ledger table's own triggers (``seq = MAX+1``, ``prev_hash`` = last
hash) still guard every INSERT. The caller's transaction commits a whole page or none.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from station_app.core.db.models import Station
from station_app.core.errors import QT_TRANSLATE_NOOP, BugError, UserError
from sync.protocol import HASHED_FIELDS, canonical_json, entry_hash

FORK = "fork"
BROKEN = "broken_chain"
GAP = "gap"
WRONG_STATION = "wrong_station"

MSG_FORK = QT_TRANSLATE_NOOP(
    "core",
    "本机第{seq}条台账记录与县服务中心的不一样：本机在恢复备份后又记过账，"
    "或另一台电脑在以本站名义记账。没有合并任何记录，请联系县服务中心。",
)
MSG_BROKEN = QT_TRANSLATE_NOOP(
    "core", "从县服务中心取回的第{seq}条台账记录校验不通过，没有导入，请联系县服务中心。"
)
MSG_GAP = QT_TRANSLATE_NOOP(
    "core", "从县服务中心取回的台账序号不连续（缺第{seq}条），没有导入，稍后再试。"
)
MSG_WRONG_STATION = QT_TRANSLATE_NOOP(
    "core", "从县服务中心取回的台账属于另一个服务站，没有导入，请联系县服务中心。"
)

_HEAD = "SELECT seq, hash FROM ledger_entries ORDER BY seq DESC LIMIT 1"
_HASH_AT = "SELECT hash FROM ledger_entries WHERE seq = ?"
_INSERT = (
    f"INSERT INTO ledger_entries ({', '.join(HASHED_FIELDS)}, hash)"
    f" VALUES ({', '.join('?' * (len(HASHED_FIELDS) + 1))})"
)


class ImportRefused(UserError):
    """The entries cannot be taken as they are; ``code`` says why, ``seq`` where."""

    def __init__(self, code: str, template: str, seq: int) -> None:
        super().__init__(template, seq=seq)
        self.code = code
        self.seq = seq


@dataclass(frozen=True)
class Imported:
    """``entries``: the ones written now, as hashed (for replay), in sequence order."""

    entries: list[dict[str, Any]] = field(default_factory=list)
    already_held: int = 0


def import_entries(session: Session, entries: Sequence[Mapping[str, Any]]) -> Imported:
    """Write ``entries`` (hashed fields plus ``hash``, in sequence order) after the local
    last one, in the caller's transaction; raise :class:`ImportRefused` on the first
    that does not fit, leaving the caller to roll the page back."""
    if not session.in_transaction():
        raise BugError("ledger import outside a transaction: a page would land in part")
    dbapi = session.connection().connection.driver_connection
    assert dbapi is not None
    station_id = session.scalar(select(Station.station_id))
    head = dbapi.execute(_HEAD).fetchone()
    last_seq, last_hash = (0, None) if head is None else (head[0], head[1])
    written: list[dict[str, Any]] = []
    held = 0
    for raw in entries:
        fields = {name: raw[name] for name in HASHED_FIELDS}
        seq = fields["seq"]
        if station_id is not None and fields["station_id"] != station_id:
            raise ImportRefused(WRONG_STATION, MSG_WRONG_STATION, seq)
        digest = _checked_hash(fields, raw.get("hash"))
        if seq <= last_seq:
            local = dbapi.execute(_HASH_AT, (seq,)).fetchone()
            if local is None or local[0] != digest:
                raise ImportRefused(FORK, MSG_FORK, seq)
            held += 1
            continue
        if seq != last_seq + 1:
            raise ImportRefused(GAP, MSG_GAP, last_seq + 1)
        if fields["prev_hash"] != last_hash:
            # Chained to another history at the local last entry: the local ledger went
            # on differently after the point the two copies share.
            raise ImportRefused(FORK, MSG_FORK, last_seq)
        payload_text = canonical_json(fields["payload"]).decode("utf-8")
        dbapi.execute(
            _INSERT,
            (*(payload_text if n == "payload" else fields[n] for n in HASHED_FIELDS), digest),
        )
        written.append({**fields, "hash": digest})
        last_seq, last_hash = seq, digest
    return Imported(written, held)


def _checked_hash(fields: dict[str, Any], claimed: object) -> str:
    try:
        digest = entry_hash(fields)
    except (ValueError, TypeError):  # a float or an odd value: cannot be the real entry
        raise ImportRefused(BROKEN, MSG_BROKEN, fields["seq"]) from None
    if digest != claimed:
        raise ImportRefused(BROKEN, MSG_BROKEN, fields["seq"])
    return digest
