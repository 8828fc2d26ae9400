# syntax=docker/dockerfile:1
# One image for every Lemniscaat service (docs/deploy.md): the pinned requirements, the Dutch
# spaCy pipeline, the crisis model and the Rasa model are built here, so a container starts
# without network access or a writable code directory. The first argument picks the service
# (deploy/entrypoint.sh): rasa, actions, web, telegram, migrate.
FROM python:3.10-slim-bookworm

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    TF_CPP_MIN_LOG_LEVEL=3 \
    SQLALCHEMY_SILENCE_UBER_WARNING=1 \
    RASA_TELEMETRY_ENABLED=false \
    MPLCONFIGDIR=/tmp/.matplotlib

RUN groupadd --system --gid 10001 lemniscaat \
    && useradd --system --uid 10001 --gid lemniscaat --home-dir /home/lemniscaat \
       --create-home --shell /usr/sbin/nologin lemniscaat

WORKDIR /app

# Dependencies first (a layer that changes only with the lock). Every binary package in the
# lock has a manylinux wheel, so no compiler is needed.
COPY requirements.lock pyproject.toml ./
RUN python -m pip install "pip==24.0" \
    && python -m pip install -r requirements.lock \
    && python -m pip check

COPY bot ./bot
COPY actions ./actions
COPY data ./data
COPY domain ./domain
COPY config.yml endpoints.yml endpoints-cluster.yml credentials.yml ./
COPY deploy/entrypoint.sh deploy/healthcheck.py ./deploy/

# Editable, so bot.config.PROJECT_ROOT is /app (domain/, var/ and models/ are found there).
# Then what `make setup train` builds: the spaCy pipeline, the crisis model's cache, the Rasa
# model. No key may be made at build time (var/keys is removed; production reads keys from the
# environment).
RUN python -m pip install --no-deps -e . \
    && python -m bot.nlp.pipeline \
    && python -c "from bot.nlp.crisis_model import bundle; bundle()" \
    && python -m bot.rasa_cli train --domain domain --data data --config config.yml --out models \
       --fixed-model-name lemniscaat \
    && rm -rf .rasa var/keys \
    && chown -R lemniscaat:lemniscaat var

# Every service refuses to start without its keys in the environment (docs/security.md).
ENV LEMNISCAAT_ENV=production \
    LOG_FORMAT=json \
    HOME=/home/lemniscaat

USER 10001:10001
# rasa 5005, actions 5055, web 8000, the Telegram probe 9108
EXPOSE 5005 5055 8000 9108
ENTRYPOINT ["/app/deploy/entrypoint.sh"]
CMD ["web"]
