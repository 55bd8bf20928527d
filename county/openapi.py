"""What the OpenAPI document (``/openapi.json``) says beyond what FastAPI can infer.

The handlers read their bodies themselves (bounded and gunzipped by
``county.http.read_body``, parsed by ``county.api.parse``), so FastAPI sees no body
parameter; the bodies are declared here instead, from the same models, so the document
describes the requests stations really send and a client generator or a fuzzer can
build them. Refusals are declared as the ``ErrorBody`` they are, not FastAPI's default
validation error, and the station credential as a bearer scheme. None of this changes
what a handler accepts.
"""

from __future__ import annotations

from typing import Any

from fastapi.security import HTTPBearer
from pydantic import BaseModel

from sync.wire import HASH_PATTERN, UUID_PATTERN, ErrorBody

STATION_CREDENTIAL = HTTPBearer(
    scheme_name="station",
    description="The credential `POST /api/v1/enrol` issued to the station.",
    auto_error=False,
)
"""Declares the scheme only: ``auto_error=False`` lets every request through to
``stations.authenticate``, which gives the county's own refusals."""

REFUSALS: dict[int | str, dict[str, Any]] = {
    "4XX": {
        "model": ErrorBody,
        "description": "Refused; `code` tells the client what to do next (sync/wire.py).",
    }
}


def inline_schema(model: type[BaseModel]) -> dict[str, Any]:
    """The model's JSON schema with its ``$defs`` put in place: an operation's
    ``openapi_extra`` cannot add to ``components``, and a ``#/$defs`` reference would
    be resolved against the whole OpenAPI document. The wire models are not recursive."""
    schema = model.model_json_schema()
    defs: dict[str, Any] = schema.pop("$defs", {})

    def resolve(node: Any) -> Any:
        if isinstance(node, dict):
            ref = node.get("$ref")
            if isinstance(ref, str) and ref.startswith("#/$defs/"):
                siblings = {key: value for key, value in node.items() if key != "$ref"}
                return resolve({**defs[ref.removeprefix("#/$defs/")], **siblings})
            return {key: resolve(value) for key, value in node.items()}
        if isinstance(node, list):
            return [resolve(item) for item in node]
        return node

    resolved: dict[str, Any] = resolve(schema)
    return resolved


def json_body(schema: dict[str, Any], description: str) -> dict[str, Any]:
    """``openapi_extra`` for a route that reads its JSON body itself."""
    return {
        "requestBody": {
            "required": True,
            "description": description,
            "content": {"application/json": {"schema": schema}},
        }
    }


def manifest_file_schema() -> dict[str, Any]:
    """The manifest file as a township exports it (``station_app.core.manifests.files``),
    which ``POST /manifests`` takes byte for byte and checks with the station's reader."""
    # Imported here, as ``county.manifests`` does for its reader: importing a county
    # module does not load the station's manifest code.
    from station_app.core.manifests.files import MANIFEST_FORMAT, VERSION, ManifestBody

    body = inline_schema(ManifestBody)
    # The file format asks only for 36 characters; the county takes UUIDs (``manifests.read``).
    body["properties"]["uid"]["pattern"] = UUID_PATTERN
    return {
        "type": "object",
        "title": "ManifestFile",
        "required": ["format", "version", "sha256", "body"],
        "properties": {
            "format": {"const": MANIFEST_FORMAT},
            "version": {"type": "integer", "minimum": 1, "maximum": VERSION},
            "sha256": {
                "type": "string",
                "pattern": HASH_PATTERN.replace("0-9a-f", "0-9a-fA-F"),
                "description": "sha256 of the canonical JSON of `body` (sync.protocol)",
            },
            "body": body,
        },
    }
