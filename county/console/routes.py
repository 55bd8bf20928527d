"""The county centre console (``/console``): server-rendered pages for county staff,
and the public trace page a lot's QR code leads to (``/trace/{code}``).

Sessions are rows in ``staff_sessions`` (``county.staff``), so any app process serves
any request. The session cookie is ``HttpOnly; SameSite=Strict`` (and ``Secure`` over
https), scoped to ``/console``. Every POST carries a CSRF token: the session's own once
logged in; on the login form a random one that must match a cookie set with the form
(login CSRF). Form fields and query parameters are read by hand, so a bad one gets a
Chinese page rather than the station API's JSON refusal.

None of these pages names a farmer or shows a phone or ID number: they read the
stations' rows and the projections, which hold none.
"""

from __future__ import annotations

import logging
import secrets
from datetime import date, datetime
from pathlib import Path
from typing import Any
from urllib.parse import quote

from fastapi import APIRouter, FastAPI, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from starlette.concurrency import run_in_threadpool

from county import produce, staff, stations
from county.api import Service
from county.console import monthly, overview
from county.http import RateLimiter

log = logging.getLogger("county.console")

HERE = Path(__file__).parent
TEMPLATES = Jinja2Templates(directory=str(HERE / "templates"))
STATIC = HERE / "static"


def _beijing(instant: datetime) -> str:
    return instant.astimezone(overview.BEIJING).strftime("%Y-%m-%d %H:%M")


def _kg(grams: int) -> str:
    return f"{grams / 1000:,.3f}".rstrip("0").rstrip(".")


def _amount(value: int, name: str) -> str:
    """Money in yuan; weights (``净重``) in kilograms."""
    return _kg(value) if "重" in name else f"{value / 100:,.2f}"


def _cn_day(day: str) -> str:
    try:
        parsed = date.fromisoformat(day)
    except ValueError:
        return day
    return f"{parsed.year}年{parsed.month}月{parsed.day}日"


TEMPLATES.env.filters.update(beijing=_beijing, kg=_kg, amount=_amount, cn_day=_cn_day)
SESSION_COOKIE = "county_console"
LOGIN_COOKIE = "county_console_login"
CENTRE_NAME = "县级电子商务公共服务中心"
DEFAULT_LOGIN_RATE = 0.2
DEFAULT_LOGIN_BURST = 10.0
"""Per client address, failed logins only: ten wrong passwords at once, then one every
five seconds (a staff member who mistypes a few times never notices)."""
MAX_FORM_BYTES = 16 * 1024
SECURITY_HEADERS = {
    "Cache-Control": "no-store",
    "X-Frame-Options": "DENY",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "same-origin",
    "Content-Security-Policy": "default-src 'self'; form-action 'self'; frame-ancestors 'none'",
}
REFUSAL_NAMES = {
    "fork": "台账分叉（与县中心已收记录不一致）",
    "gap": "序号不衔接",
    "broken_chain": "校验不通过",
    "invalid_payload": "记录内容无法识别",
    "unknown_event_type": "业务类型未知",
    "wrong_station": "凭证与服务站不符",
}
SHIPPED_TO = {"county_supply": "县供销/集采", "buyer": "采购商"}


class ConsoleRefusal(Exception):
    """A console request refused with a Chinese page."""

    def __init__(self, status: int, title: str, message: str) -> None:
        super().__init__(title)
        self.status = status
        self.title = title
        self.message = message


class LoginRequired(Exception):
    def __init__(self, next_path: str) -> None:
        super().__init__(next_path)
        self.next_path = next_path


def render(
    request: Request,
    template: str,
    status: int = 200,
    who: staff.Who | None = None,
    **context: Any,
) -> HTMLResponse:
    response = TEMPLATES.TemplateResponse(
        request,
        template,
        {"centre": CENTRE_NAME, "who": who, **context},
        status_code=status,
    )
    response.headers.update(SECURITY_HEADERS)
    return response


def _secure(request: Request) -> bool:
    return request.url.scheme == "https"


async def _form(request: Request) -> dict[str, str]:
    declared = request.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > MAX_FORM_BYTES:
        raise ConsoleRefusal(413, "提交的内容太多", "表单内容超出了允许的大小。")
    try:
        form = await request.form(max_files=0, max_fields=50)
    except Exception:  # malformed form encodings of every kind
        raise ConsoleRefusal(400, "表单无法识别", "提交的表单格式不对，请返回重新填写。") from None
    return {key: value for key, value in form.items() if isinstance(value, str)}


def _csrf_matches(given: str | None, expected: str | None) -> bool:
    return bool(given) and bool(expected) and secrets.compare_digest(str(given), str(expected))


CSRF_REFUSED = ConsoleRefusal(
    403, "请求已拒绝", "页面已过期或请求来源不对（安全校验未通过）。请刷新页面后重新操作。"
)
ADMIN_ONLY = ConsoleRefusal(403, "没有权限", "这项操作只有管理员可以做。请联系县中心管理员。")


def install(app: FastAPI, service: Service, login_limiter: RateLimiter | None = None) -> None:
    """Mount the console on ``app``: pages, static files and the refusal pages."""
    limiter = login_limiter or RateLimiter(DEFAULT_LOGIN_RATE, DEFAULT_LOGIN_BURST)
    app.include_router(build_router(service, limiter), prefix="/console", include_in_schema=False)
    app.include_router(build_public_router(service), include_in_schema=False)
    from county.console import activity_page  # imports this module: mounted from here

    app.include_router(activity_page.router(service), prefix="/console", include_in_schema=False)
    app.mount("/console/static", StaticFiles(directory=str(STATIC)), name="console-static")

    @app.exception_handler(ConsoleRefusal)
    async def refused(request: Request, error: ConsoleRefusal) -> HTMLResponse:
        who = getattr(request.state, "who", None)
        return render(
            request,
            "error.html",
            error.status,
            who=who,
            title=error.title,
            message=error.message,
        )

    @app.exception_handler(LoginRequired)
    async def login_first(_request: Request, error: LoginRequired) -> RedirectResponse:
        target = "/console/login"
        if error.next_path and error.next_path != "/console/":
            target += "?next=" + quote(error.next_path, safe="/")
        return RedirectResponse(target, status_code=303, headers={"Cache-Control": "no-store"})


class _Auth:
    """Who a console request comes from, and a POST's CSRF check."""

    def __init__(self, service: Service) -> None:
        self.service = service

    def _resolve(self, token: str | None) -> staff.Found | None:
        service = self.service
        now = service.now()
        with service.reading() as session:
            found = staff.resolve(session, now, token)
        if found is not None and found.needs_touch:
            with service.writing.begin() as session:
                staff.touch(session, now, found.session_id)
        return found

    async def who_is(self, request: Request) -> staff.Who:
        """The logged-in staff member, or a redirect to the login page."""
        found = await run_in_threadpool(self._resolve, request.cookies.get(SESSION_COOKIE))
        if found is None:
            raise LoginRequired(request.url.path)
        request.state.who = found.who
        return found.who

    async def posted(self, request: Request) -> tuple[staff.Who, dict[str, str]]:
        """A POST's staff member and form, its CSRF token checked."""
        who = await self.who_is(request)
        form = await _form(request)
        if not _csrf_matches(form.get("csrf"), who.csrf_token):
            log.warning("console: CSRF token missing or wrong (staff=%s)", who.login)
            raise CSRF_REFUSED
        return who, form


def build_router(service: Service, limiter: RateLimiter) -> APIRouter:
    router = APIRouter()
    auth = _Auth(service)
    add_login_routes(router, service, limiter, auth)
    add_station_routes(router, service, auth)
    monthly.add_routes(router, service, auth)
    return router


def add_login_routes(
    router: APIRouter, service: Service, limiter: RateLimiter, auth: _Auth
) -> None:

    @router.get("/login")
    async def login_page(request: Request) -> HTMLResponse:
        return _login_form(request)

    def _login_form(
        request: Request, status: int = 200, error: str = "", login: str = ""
    ) -> HTMLResponse:
        token = secrets.token_urlsafe(24)
        response = render(
            request,
            "login.html",
            status,
            csrf=token,
            error=error,
            login=login,
            next=_safe_next(request.query_params.get("next", "")),
        )
        response.set_cookie(
            LOGIN_COOKIE,
            token,
            httponly=True,
            samesite="strict",
            secure=_secure(request),
            path="/console/login",
        )
        return response

    @router.post("/login")
    async def login(request: Request) -> Response:
        form = await _form(request)
        if not _csrf_matches(form.get("csrf"), request.cookies.get(LOGIN_COOKIE)):
            raise CSRF_REFUSED
        address = request.client.host if request.client else "-"
        wait = limiter.take(address)
        if wait > 0:
            log.warning("console: login attempts from %s held back", address)
            return _login_form(
                request,
                429,
                f"登录失败的次数太多，请 {max(1, round(wait))} 秒后再试。",
                form.get("login", "")[:32],
            )
        login_name = form.get("login", "")[:64]
        password = form.get("password", "")[:256]
        result = await run_in_threadpool(_login, login_name, password)
        if result is None:
            log.info("console: login refused from %s", address)
            return _login_form(request, 401, "登录名或密码不对。", login_name[:32])
        if isinstance(result, str):
            log.info("console: disabled account refused from %s", address)
            return _login_form(request, 403, result, login_name[:32])
        limiter.refund(address)
        log.info("console: %s logged in", result.who.login)
        target = _safe_next(form.get("next", "")) or "/console/"
        response = RedirectResponse(target, status_code=303)
        response.set_cookie(
            SESSION_COOKIE,
            result.token,
            httponly=True,
            samesite="strict",
            secure=_secure(request),
            path="/console",
        )
        response.delete_cookie(LOGIN_COOKIE, path="/console/login")
        return response

    def _login(login_name: str, password: str) -> staff.Opened | str | None:
        with service.writing.begin() as session:
            found = staff.verify(session, login_name, password)
            if found is None:
                return None
            if not found.active:
                return "这个账号已停用，请联系县中心管理员。"
            return staff.open_session(session, service.now(), found)

    @router.post("/logout")
    async def logout(request: Request) -> RedirectResponse:
        who, _form_fields = await auth.posted(request)
        token = request.cookies.get(SESSION_COOKIE, "")
        await run_in_threadpool(_logout, token)
        log.info("console: %s logged out", who.login)
        response = RedirectResponse("/console/login", status_code=303)
        response.delete_cookie(SESSION_COOKIE, path="/console")
        return response

    def _logout(token: str) -> None:
        with service.writing.begin() as session:
            staff.close(session, token)


def add_station_routes(router: APIRouter, service: Service, auth: _Auth) -> None:

    @router.get("/")
    async def home(request: Request) -> HTMLResponse:
        who = await auth.who_is(request)
        silent_days = _bounded_int(
            request.query_params.get("silent_days"), overview.DEFAULT_SILENT_DAYS, 1, 365
        )
        found = await run_in_threadpool(_overview, silent_days)
        return render(request, "overview.html", who=who, view=found, nav="stations")

    def _overview(silent_days: int) -> overview.Overview:
        with service.reading() as session:
            return overview.overview(session, service.now(), silent_days)

    @router.get("/stations/new")
    async def new_station_form(request: Request) -> HTMLResponse:
        who = await auth.who_is(request)
        if not who.is_admin:
            raise ADMIN_ONLY
        return render(request, "station_new.html", who=who, nav="stations", form={}, error="")

    @router.post("/stations/new")
    async def new_station(request: Request) -> HTMLResponse:
        who, form = await auth.posted(request)
        if not who.is_admin:
            raise ADMIN_ONLY
        fields = {
            key: form.get(key, "").strip()[:60] for key in ("name", "level", "division", "township")
        }
        try:
            issued = await run_in_threadpool(_add_station, fields)
        except ValueError as error:
            return render(
                request,
                "station_new.html",
                422,
                who=who,
                nav="stations",
                form=fields,
                error=_station_error(str(error)),
            )
        log.info("console: %s added station %s", who.login, issued.station_code)
        return render(request, "station_added.html", who=who, nav="stations", issued=issued)

    def _add_station(fields: dict[str, str]) -> stations.IssuedCode:
        with service.writing.begin() as session:
            return stations.add_station(
                session,
                service.now(),
                name=fields["name"],
                level=fields["level"],
                division_code=fields["division"],
                township=fields["township"],
            )

    @router.get("/stations/{code}")
    async def station(request: Request, code: str) -> HTMLResponse:
        who = await auth.who_is(request)
        found = await run_in_threadpool(_station, code[:40])
        if found is None:
            raise ConsoleRefusal(404, "没有这个服务站", f"县中心没有编号为 {code[:40]} 的服务站。")
        return render(
            request,
            "station.html",
            who=who,
            nav="stations",
            page=found,
            refusal_names=REFUSAL_NAMES,
        )

    def _station(code: str) -> overview.StationPage | None:
        with service.reading() as session:
            return overview.station_page(session, service.now(), code)


def build_public_router(service: Service) -> APIRouter:
    router = APIRouter()

    @router.get("/trace/{code}")
    async def trace_page(request: Request, code: str) -> HTMLResponse:
        """What a lot's QR code opens on a phone: read-only, public, no farmer named."""
        normalised = produce.normalise(code[:40])
        if normalised is None:
            return _public(request, "trace_missing.html", 400, malformed=True, code="")
        answer = await run_in_threadpool(_trace, normalised)
        if answer is None:
            return _public(request, "trace_missing.html", 404, malformed=False, code=normalised)
        return _public(
            request,
            "trace.html",
            200,
            answer=answer,
            printed=f"{answer.trace_code[:5]}-{answer.trace_code[5:]}",
            shipped_to=SHIPPED_TO.get(answer.shipped_to or "", ""),
        )

    def _trace(code: str) -> produce.TraceAnswer | None:
        with service.reading() as session:
            return produce.trace(session, code)

    return router


def _public(request: Request, template: str, status: int, **context: Any) -> HTMLResponse:
    response = render(request, template, status, **context)
    response.headers["Cache-Control"] = "public, max-age=300" if status == 200 else "no-cache"
    return response


def _safe_next(value: str) -> str:
    """Only a console path of this site: never another host (``//evil``) after login."""
    if value.startswith("/console/") and not value.startswith("//") and "\\" not in value:
        return value[:300]
    return ""


def _bounded_int(text: str | None, default: int, low: int, high: int) -> int:
    if text is None or not text.strip().isdigit():
        return default
    return max(low, min(high, int(text.strip())))


def _station_error(message: str) -> str:
    if "level" in message:
        return "请选择服务站级别（村级或乡镇）。"
    if "division" in message:
        return "区划代码应是 12 位数字（统计用区划代码）。"
    if "required" in message:
        return "请填写服务站名称和所属乡镇。"
    return "无法添加服务站，请检查填写的内容。"
