"""Reading and checks shared by the data files the county can replace (courier rules,
tariffs, billers).

A file from the county is read strictly: a typo in a key would otherwise drop a rule
or a price without a word. Each file names its own error (what the keeper is told to
ask the county about), so the checks take the error maker as an argument.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

from station_app.core.errors import ValidationError


def require_keys(
    data: object,
    allowed: frozenset[str],
    required: set[str],
    where: str,
    error: Callable[[str], ValidationError],
) -> Mapping[Any, Any]:
    """Refuse a non-object, unknown keys and missing ones, naming ``where`` in Chinese."""
    if not isinstance(data, Mapping):
        raise error(f"{where}应是一个对象")
    unknown = sorted(set(data) - allowed)
    if unknown:
        raise error(f"{where}有不认识的字段：{', '.join(map(str, unknown))}")
    missing = sorted(required - set(data))
    if missing:
        raise error(f"{where}缺少字段：{', '.join(missing)}")
    return data


def read_json(
    path: Path | None, bundled: tuple[str, str], error: Callable[[str], ValidationError]
) -> object:
    """The parsed file at ``path``, by default the one bundled with the app under
    ``resources/<bundled[0]>/<bundled[1]>``; a file that is not JSON names itself."""
    if path is None:
        from station_app.resources import resources_dir

        path = resources_dir().joinpath(*bundled)
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as problem:
        raise error(f"{path.name} 不是有效的 JSON（{problem}）") from problem
