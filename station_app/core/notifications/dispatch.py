"""One round of sending: claim what is due, send each outside any transaction, record.

Called by a background job (and a "send now" button), never by the counter: a slow
or absent network costs the keeper nothing. One bad message is recorded as failed
and the round goes on. Logs name a message by its uid and the masked phone only.

The printed list is a batch, not a per-message send: :func:`take_print_list` claims
the print-channel messages and gives the rows; once the printer has them the UI
calls :func:`finish_print_list`.
"""

from __future__ import annotations

import logging
import random as _random
from dataclasses import dataclass

from station_app.core.clock import Clock
from station_app.core.db.notification_models import Channel, NotificationStatus
from station_app.core.errors import QT_TRANSLATE_NOOP
from station_app.core.notifications import outbox
from station_app.core.notifications.outbox import Claimed, Random
from station_app.core.notifications.senders import PrintRow, Sender, SendFailed
from station_app.core.store import Store

log = logging.getLogger(__name__)

SENDER_CRASHED = QT_TRANSLATE_NOOP("core", "发送时出现程序错误（{kind}）")
PRINTER_FAILED = QT_TRANSLATE_NOOP("core", "打印失败：{detail}")


@dataclass(frozen=True)
class DispatchReport:
    """What one round did: for the status bar and the job's own log line."""

    claimed: int = 0
    sent: int = 0
    retrying: int = 0
    failed: int = 0


def dispatch_once(
    store: Store,
    clock: Clock,
    sender: Sender,
    limit: int = 20,
    *,
    channel: Channel = Channel.SMS,
    random: Random = _random.random,
) -> DispatchReport:
    """Send up to ``limit`` due messages of ``channel`` through ``sender``.

    Only the SMS channel is handed the full number; other senders get the masked one.
    Database trouble (StoreError) does propagate: then no message can be recorded.
    """
    outcomes: list[NotificationStatus] = []
    for message in outbox.claim(store, clock, channel, limit):
        outcomes.append(_send_one(store, clock, sender, message, random))
    report = DispatchReport(
        claimed=len(outcomes),
        sent=outcomes.count(NotificationStatus.SENT),
        retrying=outcomes.count(NotificationStatus.PENDING),
        failed=outcomes.count(NotificationStatus.FAILED),
    )
    if report.claimed:
        log.info("notifications: %s", report)
    return report


def _send_one(
    store: Store, clock: Clock, sender: Sender, message: Claimed, random: Random
) -> NotificationStatus:
    address = message.phone if message.channel is Channel.SMS else message.phone_masked
    try:
        sender.send(address or "", message.text)
    except SendFailed as failure:
        reason = _scrubbed(failure.message, message)
        log.warning("notification %s to %s not sent: %s", message.uid, message.phone_masked, reason)
        return outbox.mark_failed(
            store, clock, message.uid, reason, reached=failure.reached, random=random
        )
    except Exception as error:  # a sender bug must not stop the round
        kind = type(error).__name__
        # The exception's text may hold the phone or the gateway URL: log its type only.
        log.error(
            "notification %s to %s: sender crashed (%s)", message.uid, message.phone_masked, kind
        )
        reason = SENDER_CRASHED.format(kind=kind)
        return outbox.mark_failed(store, clock, message.uid, reason, reached=True, random=random)
    log.info("notification %s sent to %s", message.uid, message.phone_masked)
    return outbox.mark_sent(store, clock, message.uid)


def _scrubbed(reason: str, message: Claimed) -> str:
    """A gateway may echo the number in its error: show the masked one instead."""
    if message.phone:
        reason = reason.replace(message.phone, message.phone_masked)
    return outbox.scrub_phones(reason)


@dataclass(frozen=True)
class PrintList:
    uids: tuple[str, ...]
    rows: tuple[PrintRow, ...]


def take_print_list(store: Store, clock: Clock, limit: int = 200) -> PrintList:
    """Claim the print-channel messages due now, as rows for ``print_list_text``."""
    claimed = outbox.claim(store, clock, Channel.PRINT, limit)
    return PrintList(
        uids=tuple(message.uid for message in claimed),
        rows=tuple(
            PrintRow(message.pickup_code, message.phone_masked, message.courier)
            for message in claimed
        ),
    )


def finish_print_list(
    store: Store,
    clock: Clock,
    printed: PrintList,
    *,
    error: str | None = None,
    random: Random = _random.random,
) -> None:
    """After printing: the list's messages are sent, or (printer trouble) due again."""
    for uid in printed.uids:
        if error is None:
            outbox.mark_sent(store, clock, uid)
        else:
            reason = PRINTER_FAILED.format(detail=error)
            outbox.mark_failed(store, clock, uid, reason, reached=False, random=random)


@dataclass(frozen=True)
class ClipboardBatch:
    uids: tuple[str, ...]
    texts: tuple[str, ...]


def take_clipboard(store: Store, clock: Clock, limit: int = 200) -> ClipboardBatch:
    """Claim the clipboard-channel messages due now, for the keeper to paste elsewhere
    (a village WeChat group, their own phone). The texts carry no phone number."""
    claimed = outbox.claim(store, clock, Channel.CLIPBOARD, limit)
    return ClipboardBatch(
        uids=tuple(message.uid for message in claimed),
        texts=tuple(message.text for message in claimed),
    )


def finish_clipboard(store: Store, clock: Clock, batch: ClipboardBatch) -> None:
    """Once the texts are on the clipboard: the keeper has them, they count as sent."""
    for uid in batch.uids:
        outbox.mark_sent(store, clock, uid)
