#!/bin/sh
# The one image runs any service by its first argument (compose.yaml, docs/deploy.md):
#   rasa | actions | web | telegram | migrate | any other command (run as given).
# Inside a container the services listen on every interface of the container; the network
# around it (compose's internal network, Kubernetes Services) decides who can reach them.
set -eu
cmd="${1:-web}"
[ "$#" -gt 0 ] && shift
case "$cmd" in
  rasa)
    exec python -m bot.rasa_cli run --model models/lemniscaat.tar.gz \
      --endpoints "${RASA_ENDPOINTS:-endpoints.yml}" --credentials credentials.yml \
      --interface 0.0.0.0 --port "${RASA_PORT:-5005}" "$@" ;;
  actions)
    export SANIC_HOST=0.0.0.0
    exec rasa run actions --actions actions --port "${ACTION_PORT:-5055}" "$@" ;;
  web)
    exec lemniscaat web --host 0.0.0.0 --port "${WEB_PORT:-8000}" "$@" ;;
  telegram)
    export TELEGRAM_PROBE_HOST="${TELEGRAM_PROBE_HOST:-0.0.0.0}"
    exec lemniscaat telegram "$@" ;;
  migrate)
    exec lemniscaat db "$@" ;;
  *)
    exec "$cmd" "$@" ;;
esac
