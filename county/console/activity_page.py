"""``GET /console/activity``: the 活动 page (figures from ``county.console.activity``),
for logged-in staff of either role. Mounted from ``routes.install``.

Query parameters are read by hand, so a bad one gets a Chinese page: ``from`` and
``to`` are business days (``YYYY-MM-DD``, this month when left out), at most a year
apart; ``township`` narrows the figures to one township (the whole county when empty).
"""

from __future__ import annotations

import re
from datetime import date

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse
from starlette.concurrency import run_in_threadpool

from county.api import Service
from county.console import activity, overview
from county.console.routes import ConsoleRefusal, _Auth, render

ISO_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")
MAX_TOWNSHIP = 40


def _day(text: str | None, default: date, label: str) -> date:
    if text is None or not text.strip():
        return default
    text = text.strip()
    try:
        if not ISO_DAY.match(text):
            raise ValueError(text)
        return date.fromisoformat(text)
    except ValueError:
        raise ConsoleRefusal(
            400, "日期不对", f"{label}应是 年-月-日 格式的日期，例如 2026-11-01。"
        ) from None


def period(request: Request, today: date) -> tuple[date, date, str | None]:
    """The requested period and township, or a refusal page."""
    first, last = activity.month_of(today)
    params = request.query_params
    day_from = _day(params.get("from"), first, "开始日期")
    day_to = _day(params.get("to"), last, "结束日期")
    if day_from > day_to:
        raise ConsoleRefusal(400, "日期不对", "开始日期不能晚于结束日期。")
    if (day_to - day_from).days + 1 > activity.MAX_DAYS:
        raise ConsoleRefusal(400, "时间段太长", "一次最多查看一年（366 天）的活动。")
    township = (params.get("township") or "").strip()[:MAX_TOWNSHIP] or None
    return day_from, day_to, township


def router(service: Service) -> APIRouter:
    routes = APIRouter()
    auth = _Auth(service)

    @routes.get("/activity")
    async def activity_page(request: Request) -> HTMLResponse:
        who = await auth.who_is(request)
        day_from, day_to, township = period(request, overview.business_today(service.now()))
        found = await run_in_threadpool(_figures, day_from, day_to, township)
        return render(
            request,
            "activity.html",
            who=who,
            nav="activity",
            view=found,
            charts=found.charts(),
            kg=activity.kg_text,
            yuan=activity.yuan_text,
        )

    def _figures(day_from: date, day_to: date, township: str | None) -> activity.Activity:
        with service.reading() as session:
            return activity.activity_figures(session, day_from, day_to, township)

    return routes
