#!/usr/bin/env sh
# Print the path of a Python 3.10 interpreter (Rasa 3.6 runs on 3.8-3.10 only).
# Order: $PYTHON, the pyenv version named in .python-version, any pyenv 3.10, python3.10 on PATH.
set -eu
ok() { "$1" -c 'import sys; sys.exit(0 if sys.version_info[:2] == (3, 10) else 1)' 2>/dev/null; }
if [ -n "${PYTHON:-}" ] && ok "$PYTHON"; then echo "$PYTHON"; exit 0; fi
root="${PYENV_ROOT:-$HOME/.pyenv}"
want="$(cat .python-version 2>/dev/null || true)"
for candidate in "$root/versions/$want/bin/python" "$root"/versions/3.10*/bin/python "$(command -v python3.10 || true)" /usr/bin/python3.10 /usr/local/bin/python3.10; do
  if [ -n "$candidate" ] && [ -x "$candidate" ] && ok "$candidate"; then echo "$candidate"; exit 0; fi
done
echo "No Python 3.10 found. Install it (e.g. 'pyenv install 3.10.13') or set PYTHON=/path/to/python3.10." >&2
exit 1
