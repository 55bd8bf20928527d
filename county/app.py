"""The county centre's web service. In this release: health only; sync fills it in."""

from __future__ import annotations

from typing import Any

from fastapi import FastAPI

from station_app import __version__
from sync.protocol import PROTOCOL_VERSION


def create_app() -> FastAPI:
    app = FastAPI(title="县级电商公共服务中心", version=__version__)

    @app.get("/healthz")
    def healthz() -> dict[str, Any]:
        """Answered explicitly, so a captive portal's bare 200 is never taken for us."""
        return {"status": "ok", "service": "county-centre", "protocol": PROTOCOL_VERSION}

    return app
