"""The printable manifest (交接单) as a PDF, drawn by Qt: no printer driver needed to make
it, and the keeper prints it from any PDF viewer (or keeps it as the record).

One A4 page per ~40 parcels: a title with the number in big type, who hands over to
whom on which route, the parcels (tracking number, courier, masked phone), the count,
and lines for both signatures, because the paper is what the driver and the village
keeper sign at the handover.
"""

from __future__ import annotations

import html
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QMarginsF
from PySide6.QtGui import QFont, QPageLayout, QPageSize, QPdfWriter, QTextDocument

from station_app.core.manifests.views import ManifestDetail
from station_app.ui.text import format_local_time

RESOLUTION = 300


def _t(text: str) -> str:
    return QCoreApplication.translate("manifests_print", text)


def manifest_html(detail: ManifestDetail, courier_name: Callable[[str], str]) -> str:
    view = detail.manifest
    esc = html.escape
    rows = "".join(
        f"<tr><td align='right'>{i}</td><td>{esc(item.tracking_number)}</td>"
        f"<td>{esc(courier_name(item.courier))}</td><td>{esc(item.phone_masked or '')}</td>"
        "<td></td></tr>"
        for i, item in enumerate(detail.items, start=1)
    )
    facts = [
        (_t("交接单号"), view.number),
        (_t("发出站"), view.from_name),
        (_t("接收站"), f"{view.to_name}（{view.to_division_code}）"),
        (_t("线路"), f"{view.route_code} {view.route_name}"),
        (_t("发出时间"), format_local_time(view.dispatched_at)[:16]),
        (_t("经办人"), view.dispatched_by),
    ]
    fact_rows = "".join(
        f"<tr><td width='18%'><b>{esc(k)}</b></td><td>{esc(v)}</td></tr>" for k, v in facts
    )
    heads = (_t("序号"), _t("运单号"), _t("快递公司"), _t("收件电话"), _t("签收"))
    head = "".join(f"<th>{esc(h)}</th>" for h in heads)
    count = _t("共 {count} 件").format(count=len(detail.items))
    return (
        "<html><body style='font-size:11pt'>"
        f"<h1 align='center'>{esc(_t('包裹交接单'))}</h1>"
        f"<p align='center' style='font-size:20pt'><b>{esc(view.number)}</b></p>"
        f"<table width='100%' cellpadding='3'>{fact_rows}</table><br/>"
        "<table width='100%' border='1' cellspacing='0' cellpadding='4'>"
        f"<thead><tr>{head}</tr></thead>{rows}</table>"
        f"<p style='font-size:14pt'><b>{esc(count)}</b></p><br/>"
        f"<table width='100%'><tr><td>{esc(_t('交件人签字：'))}＿＿＿＿＿＿＿＿</td>"
        f"<td>{esc(_t('接收人签字：'))}＿＿＿＿＿＿＿＿</td></tr>"
        f"<tr><td>{esc(_t('日期：'))}</td><td>{esc(_t('日期：'))}</td></tr></table>"
        "</body></html>"
    )


def write_pdf(detail: ManifestDetail, path: Path, courier_name: Callable[[str], str]) -> Path:
    """Render the manifest to ``path`` (A4, portrait) and return it."""
    path.parent.mkdir(parents=True, exist_ok=True)
    writer = QPdfWriter(str(path))
    writer.setResolution(RESOLUTION)
    writer.setTitle(_t("包裹交接单 {number}").format(number=detail.manifest.number))
    writer.setPageLayout(
        QPageLayout(
            QPageSize(QPageSize.PageSizeId.A4),
            QPageLayout.Orientation.Portrait,
            QMarginsF(15, 15, 15, 15),
            QPageLayout.Unit.Millimeter,
        )
    )
    document = QTextDocument()
    font = QFont()
    font.setPointSize(11)
    document.setDefaultFont(font)
    document.setHtml(manifest_html(detail, courier_name))
    # No page size of our own: print_() then paginates a copy to the writer's page and
    # scales the points to its resolution (a page size in device pixels makes 11 pt tiny).
    document.print_(writer)
    del writer  # finishes the file
    return path
