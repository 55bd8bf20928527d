"""Small steps the manifest tests share: a county list, a scan, a sort, a dispatch."""

from __future__ import annotations

from sqlalchemy import func, select

from station_app.core.db.models import LedgerEntry
from station_app.core.manifests import dispatch, files, receiving, sorting
from station_app.core.manifests.receiving import ListedParcel
from tests.core.manifests.conftest import HUJIA, LIJIA, Station

FOR_HUJIA = ("YT1000000000001", "YT1000000000002", "ZT7000000000003")
FOR_LIJIA = ("YT1000000000011",)
COUNTY_LIST = [
    ListedParcel(FOR_HUJIA[0], "yto", "13812341234", HUJIA.division_code),
    ListedParcel(FOR_HUJIA[1], "yto", "139****5678", HUJIA.division_code),
    ListedParcel(FOR_HUJIA[2], "zto", None, HUJIA.division_code),
    ListedParcel(FOR_LIJIA[0], "yto", None, LIJIA.division_code),
]


def open_list_bag(station: Station, parcels: list[ListedParcel] = COUNTY_LIST):
    bag_list = files.read_bag_list(files.bag_list_file("县中心 第17袋", parcels))
    with station.write() as session:
        return receiving.open_bag(session, station.clock, actor=station.keeper, bag_list=bag_list)


def open_blind_bag(station: Station):
    with station.write() as session:
        return receiving.open_bag(session, station.clock, actor=station.keeper)


def scan(station: Station, text: str, destination: str | None = None):
    with station.write() as session:
        return receiving.receive(
            session, station.clock, actor=station.keeper, text=text, destination=destination
        )


def sort(station: Station, text: str, division_code: str):
    with station.write() as session:
        return sorting.sort(
            session, station.clock, actor=station.keeper, text=text, division_code=division_code
        )


def close_bag(station: Station):
    with station.write() as session:
        return receiving.close_bag(session, station.clock, actor=station.keeper)


def send(station: Station, division_code: str):
    with station.write() as session:
        return dispatch.dispatch(
            session, station.clock, actor=station.keeper, division_code=division_code
        )


def export(station: Station, uid: str) -> bytes:
    with station.read() as session:
        return files.manifest_file(session, uid)


def count_entries(station: Station, event_type: str | None = None) -> int:
    query = select(func.count()).select_from(LedgerEntry)
    if event_type is not None:
        query = query.where(LedgerEntry.type == event_type)
    with station.read() as session:
        return session.scalar(query) or 0
