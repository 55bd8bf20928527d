"""Receipts the receipt tests share: a bill payment with every kind of line, and a bare one."""

from __future__ import annotations

from datetime import UTC, datetime

from station_app.core.money import Fen
from station_app.core.receipts import Detail, ItemLine, QrCode, Receipt, Total

ISSUED = datetime(2026, 11, 23, 2, 0, tzinfo=UTC)  # 10:00 Beijing time
REPRINTED = datetime(2026, 11, 24, 1, 5, tzinfo=UTC)  # 09:05 the next day
LONG_NAME = "国网陕西省电力公司 居民生活用电 2026年11月电费"
WATER = "农夫山泉饮用天然水 550ml 整箱装 Nongfu Spring natural water"
QR_PAYLOAD = "https://example.cn/r/JF20261123-0001"
QR_CAPTION = "扫码查询缴费结果"


def full_receipt() -> Receipt:
    return Receipt(
        title="代缴费凭证",
        station_name="柳林镇胡家庄村服务站",
        station_phone="0912-3456789",
        number="JF20261123-0001",
        issued_at=ISSUED,
        operator="王军",
        items=(
            ItemLine(LONG_NAME, Fen(12000)),
            ItemLine(WATER, Fen(4200), 2, Fen(2100)),
            ItemLine("苹果", Fen(3795), "25.30kg", Fen(150)),
        ),
        details=(
            Detail("缴费单位", "国网陕西省电力公司榆林供电公司"),
            Detail("户号", "6101****2345"),
            Detail("状态", "成功"),
        ),
        totals=(
            Total("缴费金额", Fen(12000)),
            Total("服务费", Fen(100)),
            Total("合计", Fen(12100), emphasised=True),
        ),
        payment_method="微信收款码",
        notes=("请妥善保管本凭证，如有疑问请致电服务站。\n到账时间以缴费单位为准",),
        qr=QrCode(QR_PAYLOAD, QR_CAPTION),
    )


def bare_receipt() -> Receipt:
    return Receipt(
        title="收款凭证",
        station_name="胡家庄村服务站",
        number="SK-1",
        issued_at=ISSUED,
        operator="李霞",
        totals=(Total("合计", Fen(1250), emphasised=True),),
    )
