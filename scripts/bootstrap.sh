#!/usr/bin/env bash
# Sets up everything Village Station needs, idempotently: system libraries (apt), the
# virtual env in .venv, the pinned Python dependencies, the project itself (editable),
# and the compiled translations. Re-runs are quick: pip runs only when the lock changed.
#   scripts/bootstrap.sh app    # what running the app needs
#   scripts/bootstrap.sh test   # plus what the test suite needs
set -euo pipefail
cd "$(dirname "$0")/.."
kind="${1:-app}"

bash scripts/system-deps.sh "$([ "$kind" = test ] && echo --test || echo --app)"

python="${PYTHON:-python3}"
if ! "$python" -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null; then
  echo "需要 Python 3.11 或更新版本 / Python 3.11+ is required (found: $("$python" --version 2>&1))." >&2
  echo "Set PYTHON=/path/to/python3.11 and run this again." >&2
  exit 1
fi
if [ ! -x .venv/bin/python ]; then
  "$python" -m venv .venv
fi

lock="requirements/$kind.txt"
stamp=".venv/.installed-$kind"
want="$(sha256sum "$lock" pyproject.toml | sha256sum | cut -d' ' -f1)"
if [ "$(cat "$stamp" 2>/dev/null)" != "$want" ]; then
  .venv/bin/python -m pip install --quiet --upgrade pip
  .venv/bin/python -m pip install --quiet --require-hashes -r "$lock"
  .venv/bin/python -m pip install --quiet --no-deps --no-build-isolation -e . 2>/dev/null \
    || .venv/bin/python -m pip install --quiet --no-deps -e .
  echo "$want" > "$stamp"
fi

.venv/bin/python scripts/build_translations.py
