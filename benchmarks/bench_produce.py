"""Produce purchasing with a big store: saving a purchase, and looking a trace code up.

A store seeded with ``--purchases`` purchases (default 200,000: a busy township station's
several seasons) through the real ``purchase.buy`` path, ``--per-day`` a business day,
by ``--farmers`` farmers over the bundled catalogue's products and grades, with some lots
split. Then, timed one by one the way the counter does them:

- a purchase saved: one ``store.writing()`` transaction around ``buy`` (checks, price,
  lot, number, ``produce.purchased`` with its chained hash, rows, commit); goal p99 ≤ 30 ms;
- a trace lookup: ``trace.trace`` for a random lot's code, farmer → purchase → lot →
  shipment; goal p99 ≤ 50 ms.

The seeded store is kept in ``--cache`` (by size), so a second run starts timing at once.

    .venv/bin/python -m benchmarks.bench_produce [--purchases 200000] [--samples 500]
"""

from __future__ import annotations

import argparse
import random
import shutil
import statistics
import time
import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path

from sqlalchemy import func, select

from station_app.core import first_run, operators
from station_app.core.clock import FixedClock
from station_app.core.db.models import LedgerEntry
from station_app.core.db.produce_models import ProduceLot, ProducePrice, ProducePurchase
from station_app.core.demo import DEMO_FORM
from station_app.core.operators import OperatorInfo
from station_app.core.produce import farmers, lot_actions, purchase, trace
from station_app.core.produce.catalogue import Catalogue, bundled_catalogue
from station_app.core.produce.weighing import WeighingInput
from station_app.core.store import Store

START = datetime(2025, 6, 1, 1, 0, tzinfo=UTC)
HOUSEHOLDS = ("normal",) * 6 + ("lifted",) * 3 + ("monitored",)
PAYMENTS = ("cash",) * 5 + ("wechat", "alipay", "bank", "owed")


def county_prices(store: Store, catalogue: Catalogue) -> None:
    """One county price per grade from the first day on, as a county list would give."""
    with store.writing() as session:
        for product in catalogue.products.values():
            for grade in product.grades.values():
                session.add(
                    ProducePrice(
                        uid=str(uuid.uuid4()),
                        source="county",
                        product_code=product.code,
                        grade_code=grade.code,
                        day_from="2025-01-01",
                        price_fen=random.randint(150, 4000),
                        per_grams=product.per_grams,
                        list_version=1,
                        set_at=START,
                    )
                )


def register_farmers(
    store: Store, clock: FixedClock, keeper: OperatorInfo, count: int
) -> list[str]:
    rng = random.Random(3)
    surnames, given = "王李张刘陈杨赵黄周吴", "军芳明华秀英建国丽平"
    uids = []
    with store.writing() as session:
        for n in range(count):
            form = farmers.FarmerForm(
                name=rng.choice(surnames) + rng.choice(given) + rng.choice(given),
                phone=f"139{n:08d}",
                village_code=DEMO_FORM.division_code,
                household=rng.choice(HOUSEHOLDS),
                pay_preference="cash",
            )
            uids.append(farmers.register(session, clock, actor=keeper, form=form).uid)
    return uids


def order_for(rng: random.Random, catalogue: Catalogue, farmer_uid: str) -> purchase.PurchaseOrder:
    product = rng.choice(list(catalogue.products.values()))
    crates = rng.randint(1, 6)
    tare = product.default_tare_g or 0
    weighings = [
        WeighingInput(gross_g=rng.randint(8_000, 30_000), tare_g=tare, manual=rng.random() < 0.05)
        for _ in range(crates)
    ]
    return purchase.PurchaseOrder(
        farmer_uid=farmer_uid,
        product=product.code,
        grade=rng.choice(list(product.grades)),
        weighings=weighings,
        impurity_bp=rng.choice((0, 0, 50, 100)),
        moisture_bp=rng.choice((0, 0, 0, 100)),
        payment=rng.choice(PAYMENTS),
    )


def seed(folder: Path, purchases: int, per_day: int, farmer_count: int) -> None:
    clock = FixedClock(START)
    store = Store.open(folder, clock)
    keeper = first_run.set_up(store, DEMO_FORM)
    catalogue = bundled_catalogue()
    county_prices(store, catalogue)
    farmer_uids = register_farmers(store, clock, keeper, farmer_count)
    rng = random.Random(11)
    began, made, day = time.perf_counter(), 0, 0
    while made < purchases:
        clock.set(START + timedelta(days=day))
        batch = min(per_day, purchases - made)
        with store.writing() as session:
            for _ in range(batch):
                clock.advance(timedelta(seconds=30))
                purchase.buy(
                    session,
                    clock,
                    actor=keeper,
                    order=order_for(rng, catalogue, rng.choice(farmer_uids)),
                    catalogue=catalogue,
                )
        if day % 7 == 6:  # a weekly split of one lot, so trace chains have parents
            with store.writing() as session:
                lot = session.scalar(
                    select(ProduceLot)
                    .where(ProduceLot.status == "open", ProduceLot.purchased_g > 2000)
                    .limit(1)
                )
                if lot is not None:
                    lot_actions.split(
                        session, clock, actor=keeper, lot_uid=lot.uid, parts_g=[lot.held_g // 2]
                    )
        made += batch
        day += 1
        if day % 20 == 0:
            rate = made / (time.perf_counter() - began)
            print(f"  seeded {made:,} purchases ({rate:,.0f}/s)", flush=True)
    store.close()


def percentiles(label: str, samples: list[float], goal_ms: float) -> None:
    ordered = sorted(samples)
    p50 = statistics.median(ordered) * 1000
    p99 = ordered[min(len(ordered) - 1, int(len(ordered) * 0.99))] * 1000
    print(
        f"{label:<28} n={len(ordered):<5} p50 {p50:6.2f} ms   p99 {p99:6.2f} ms"
        f"   max {ordered[-1] * 1000:6.2f} ms   (goal p99 ≤ {goal_ms:.0f} ms)"
    )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--purchases", type=int, default=200_000)
    parser.add_argument("--per-day", type=int, default=400)
    parser.add_argument("--farmers", type=int, default=3_000)
    parser.add_argument("--samples", type=int, default=500)
    parser.add_argument("--cache", type=Path, default=Path("/tmp/village-bench-produce"))
    args = parser.parse_args()
    cached = args.cache / f"{args.purchases}"
    if not (cached / "seeded").exists():
        shutil.rmtree(cached, ignore_errors=True)
        cached.mkdir(parents=True)
        print(f"seeding {args.purchases:,} purchases into {cached} (kept for the next run)")
        seed(cached, args.purchases, args.per_day, args.farmers)
        (cached / "seeded").touch()
    work = args.cache / "run"
    shutil.rmtree(work, ignore_errors=True)
    shutil.copytree(cached, work, ignore=shutil.ignore_patterns("seeded"))

    clock = FixedClock(START + timedelta(days=args.purchases // args.per_day + 1))
    store = Store.open(work, clock)
    with store.reading() as session:
        held = session.scalar(select(func.count()).select_from(ProducePurchase))
        entries = session.scalar(select(func.count()).select_from(LedgerEntry))
        codes = list(session.scalars(select(ProduceLot.trace_code)))
        farmer_uids = list(session.scalars(select(ProducePurchase.farmer_uid).distinct()))
    print(f"store: {held:,} purchases, {len(codes):,} lots, {entries:,} ledger entries")
    keeper = store_keeper(store)
    catalogue = bundled_catalogue()
    rng = random.Random(5)

    saves = []
    for _ in range(args.samples):
        clock.advance(timedelta(seconds=20))
        order = order_for(rng, catalogue, rng.choice(farmer_uids))
        began = time.perf_counter()
        with store.writing() as session:
            purchase.buy(session, clock, actor=keeper, order=order, catalogue=catalogue)
        saves.append(time.perf_counter() - began)
    percentiles("purchase saved (commit)", saves, 30)

    lookups = []
    for _ in range(args.samples):
        code = rng.choice(codes)
        began = time.perf_counter()
        with store.reading() as session:
            found = trace.trace(session, code)
        lookups.append(time.perf_counter() - began)
        assert found is not None
    percentiles("trace code looked up", lookups, 50)
    store.close()


def store_keeper(store: Store) -> OperatorInfo:
    with store.reading() as session:
        return next(o for o in operators.list_all(session) if o.login == DEMO_FORM.keeper_login)


if __name__ == "__main__":
    main()
