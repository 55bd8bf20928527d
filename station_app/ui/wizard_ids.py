"""The first-run wizard's page ids, in one place for the wizard and its takeover pages
(each page says which page comes next)."""

from __future__ import annotations

import enum


class PageId(enum.IntEnum):
    INTRO = 0
    STATION = 1
    KEEPER = 2
    ENROL = 3
    TAKEOVER = 4
    TAKEOVER_KEEPER = 5
