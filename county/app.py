"""The county centre's web service: the composition root.

``create_app`` opens the database (SQLite under the data dir, or the URL given), runs
the county's migrations, and wires the endpoints to it. Every refusal leaves here as an
``ErrorBody``; input the client got wrong is a 4xx, never a 5xx.
"""

from __future__ import annotations

import json
import logging
import os
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from sqlalchemy.orm import sessionmaker

from county.api import Service, build_router
from county.console import routes as console
from county.db import migrate
from county.db.engine import WriteSessions, make_engine, sqlite_url
from county.errors import Refused
from county.http import RateLimiter, RequestIdMiddleware, configure_logging
from county.paths import default_data_dir
from station_app import __version__
from sync.protocol import PROTOCOL_VERSION
from sync.wire import ErrorCode

log = logging.getLogger("county.app")

DEFAULT_RATE = 20.0
DEFAULT_BURST = 40.0
"""Per station: a backlog of 100k entries is 200 batches, cleared in ten seconds of
tokens; a station looping on an error is held to 20 requests a second."""
DEFAULT_ENROL_RATE = 0.1
DEFAULT_ENROL_BURST = 20.0
"""Per client address, failed enrolments only: twenty mistyped codes at once, then one
every ten seconds."""
SETTINGS_VARIABLE = "COUNTY_CENTRE_SETTINGS"
"""Where ``county-centre serve --workers N`` leaves its settings for the worker processes."""


def database_url_for(data_dir: Path | None, database_url: str | None) -> str:
    if database_url:
        return database_url
    folder = data_dir or default_data_dir()
    folder.mkdir(parents=True, exist_ok=True)
    return sqlite_url(folder)


def create_app(
    database_url: str | None = None,
    *,
    data_dir: Path | None = None,
    rate: float = DEFAULT_RATE,
    burst: float = DEFAULT_BURST,
    enrol_rate: float = DEFAULT_ENROL_RATE,
    enrol_burst: float = DEFAULT_ENROL_BURST,
    login_rate: float = console.DEFAULT_LOGIN_RATE,
    login_burst: float = console.DEFAULT_LOGIN_BURST,
) -> FastAPI:
    """Raises :class:`county.db.migrate.SchemaTooNew` (nothing touched) when the
    database was migrated by a newer release."""
    engine = make_engine(database_url_for(data_dir, database_url))
    try:
        copy = migrate.upgrade(engine)
    except BaseException:
        engine.dispose()
        raise
    if copy is not None:
        log.info("database copied to %s before migrating", copy)
    service = Service(
        reading=sessionmaker(engine, expire_on_commit=False),
        writing=WriteSessions(engine),
        limiter=RateLimiter(rate=rate, burst=burst),
        enrol_limiter=RateLimiter(rate=enrol_rate, burst=enrol_burst),
    )

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        yield
        engine.dispose()

    app = FastAPI(title="县级电商公共服务中心", version=__version__, lifespan=lifespan)
    app.add_middleware(RequestIdMiddleware)
    app.include_router(build_router(service))
    console.install(app, service, RateLimiter(rate=login_rate, burst=login_burst))

    @app.exception_handler(Refused)
    async def refused(_request: Request, error: Refused) -> JSONResponse:
        headers = {}
        if error.code is ErrorCode.RATE_LIMITED:
            headers["Retry-After"] = str(max(1, round(error.detail.get("retry_after_s", 1))))
        return JSONResponse(
            error.body().model_dump(mode="json"), status_code=error.status, headers=headers
        )

    @app.exception_handler(RequestValidationError)
    async def malformed(_request: Request, error: RequestValidationError) -> JSONResponse:
        detail = {"errors": [{"loc": [str(p) for p in e["loc"]]} for e in error.errors()[:20]]}
        return await refused(_request, Refused(ErrorCode.MALFORMED, detail))

    @app.get("/healthz")
    def healthz() -> dict[str, Any]:
        """Answered explicitly, so a captive portal's bare 200 is never taken for us."""
        return {"status": "ok", "service": "county-centre", "protocol": PROTOCOL_VERSION}

    return app


def export_settings(database_url: str, log_level: str, limits: dict[str, float]) -> None:
    """Hand the command line's settings to worker processes: uvicorn starts each worker
    as a fresh interpreter (spawn) that only calls :func:`app_from_environment`, and the
    environment is what it inherits. Not the command line: other users can read that,
    and a PostgreSQL URL may hold a password."""
    os.environ[SETTINGS_VARIABLE] = json.dumps(
        {"database_url": database_url, "log_level": log_level, **limits}
    )


def app_from_environment() -> FastAPI:
    """The app factory each ``--workers`` process runs (``county.app:app_from_environment``).

    The parent migrated the database before starting the workers, so their own
    ``migrate.upgrade`` finds it current and touches nothing."""
    settings = json.loads(os.environ[SETTINGS_VARIABLE])
    configure_logging(settings.pop("log_level"))
    return create_app(settings.pop("database_url"), **settings)
