"""Telling villagers their parcel has arrived: wording, an outbox, senders, dispatch.

A notice is queued in the check-in transaction and sent later, outside any
transaction, by whichever sender the station uses (SMS gateway, printed list,
clipboard). Sending never blocks the counter; each message keeps its own status.
"""
