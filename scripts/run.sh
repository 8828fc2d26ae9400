#!/usr/bin/env bash
# Start every service of Lemniscaat in the foreground; Ctrl-C stops them all.
# Called by `make run` after set-up; the environment (DATABASE_URL, ports, ...) comes from there.
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=.venv/bin
pids=()
stop() { kill "${pids[@]}" 2>/dev/null || true; wait 2>/dev/null || true; }
trap stop EXIT INT TERM

# Internal services listen on loopback unless RASA_HOST / ACTION_HOST say otherwise (containers).
# The action server (rasa_sdk) reads its interface from SANIC_HOST.
SANIC_HOST="${ACTION_HOST:-127.0.0.1}" "$BIN/rasa" run actions --actions actions --port "${ACTION_PORT:-5055}" &
pids+=($!)
"$BIN/python" -m bot.rasa_cli run --model models/lemniscaat.tar.gz --endpoints endpoints.yml --credentials credentials.yml \
  --interface "${RASA_HOST:-127.0.0.1}" --port "${RASA_PORT:-5005}" &
pids+=($!)
"$BIN/lemniscaat" web &
pids+=($!)
if [ -n "${TELEGRAM_BOT_TOKEN:-}" ]; then
  "$BIN/lemniscaat" telegram &
  pids+=($!)
else
  echo "TELEGRAM_BOT_TOKEN is not set: the Telegram bot is not started."
fi
echo "Rasa REST: http://${RASA_HOST:-127.0.0.1}:${RASA_PORT:-5005}/webhooks/rest/webhook  web: http://${WEB_HOST:-127.0.0.1}:${WEB_PORT:-8000}"
wait -n "${pids[@]}"
