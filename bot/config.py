"""Every setting of the product, read from the environment with a sane default.

This is the one module that reads ``os.environ``; everything else asks ``settings()``.
The README lists each variable.

Secrets. Each purpose has its own key (docs/security.md):

* ``WEB_SECRET_KEY``: signs the web session and the student chat cookie;
* ``SENDER_HASH_KEY``: the HMAC that turns a Telegram user id into a ``tg-`` pseudonym;
* ``CHAT_ID_KEY``: the AES-GCM key that seals the Telegram chat id for follow-ups;
* ``TELEGRAM_WEBHOOK_SECRET``: what Telegram sends back with every webhook update.

When one is unset, a random key is made once in ``var/keys/`` (a file of mode 0600, in a
directory of mode 0700) and every service reads it from there, so a development machine works
without set-up and never runs on a public default. A key equal to a known public default is
refused. With ``LEMNISCAAT_ENV=production`` every key must come from the environment: a
service refuses to start otherwise, with one line that says which variables to set.
"""

from __future__ import annotations

import os
import re
import secrets
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent
VAR_DIR = PROJECT_ROOT / "var"
# The saved Dutch spaCy pipeline (blank "nl" + lookup lemmatizer). config.yml names the
# same relative path for Rasa's SpacyNLP, which cannot read environment variables.
SPACY_MODEL_DIR = VAR_DIR / "spacy_nl"
DEFAULT_KEY_DIR = VAR_DIR / "keys"

# Keys that were ever public (old defaults in this code base, examples in docs). Never accepted.
KNOWN_PUBLIC_KEYS = frozenset(
    {
        "change-me-in-production",
        "dev-secret-change-me",
        "changeme",
        "change-me",
        "secret",
        "test-secret",
    }
)
# (environment variable, Settings field) of every secret; all four are needed in production.
SECRET_VARIABLES = (
    ("WEB_SECRET_KEY", "web_secret_key"),
    ("SENDER_HASH_KEY", "sender_hash_key"),
    ("CHAT_ID_KEY", "chat_id_key"),
    ("TELEGRAM_WEBHOOK_SECRET", "telegram_webhook_secret"),
)
MIN_PRODUCTION_KEY_CHARS = 32
# Telegram's rule for secret_token: 1-256 characters, letters, digits, "_" and "-".
_WEBHOOK_SECRET = re.compile(r"^[A-Za-z0-9_-]{1,256}$")


class ConfigError(SystemExit):
    """A setting that must not be used. A SystemExit, so a service that meets it stops with
    this one line on stderr (no traceback), whichever process it is."""

    def __init__(self, message: str) -> None:
        super().__init__(f"lemniscaat: {message}")
        self.message = message


@dataclass(frozen=True)
class Settings:
    database_url: str
    rasa_url: str
    timezone: str
    max_message_chars: int
    sender_hash_key: str
    telegram_bot_token: str
    telegram_api_base_url: str
    telegram_webhook_url: str
    web_host: str
    web_port: int
    web_secret_key: str
    followup_quiet_start_hour: int
    followup_quiet_end_hour: int
    # "production" or "development" (LEMNISCAAT_ENV).
    environment: str = "development"
    chat_id_key: str = ""
    telegram_webhook_secret: str = ""
    # Web hardening (docs/web.md, docs/security.md).
    web_cookie_secure: bool = False
    web_hsts: bool = False
    web_trusted_proxies: int = 0
    web_idle_minutes: int = 30
    invite_valid_days: int = 14
    ratelimit_storage_uri: str = "memory://"
    # Internal services (docs/security.md): with RASA_CHANNEL_TOKEN set, Rasa's student REST
    # channel accepts only requests that carry it (the web app and Telegram do). Where Rasa and
    # the action server listen (RASA_HOST, ACTION_HOST) is read by scripts/run.sh, which starts them.
    rasa_channel_token: str = ""
    # With ACTION_SERVER_TOKEN set, the action server answers only calls that carry it
    # (Authorization: Bearer; endpoints-cluster.yml makes Rasa send it; bot/ops/action_server.py).
    action_server_token: str = ""
    # The date the conversation treats as today (ISO), for demos and tests that move the
    # clock a week ahead without waiting (LEMNISCAAT_TODAY); empty means the real date.
    today: str = ""
    # Observability (docs/deploy.md): /metrics needs "Authorization: Bearer METRICS_TOKEN" when
    # set (in production /metrics is off without it); the Telegram process serves /healthz,
    # /readyz and /metrics on TELEGRAM_PROBE_HOST:TELEGRAM_PROBE_PORT (0 = no probe server).
    metrics_token: str = ""
    telegram_probe_host: str = "127.0.0.1"
    telegram_probe_port: int = 9108
    readiness_timeout: float = 2.0

    @property
    def production(self) -> bool:
        return self.environment == "production"


def _env(name: str, default: str) -> str:
    value = os.environ.get(name, "").strip()
    return value or default


def _flag(name: str, default: bool) -> bool:
    value = os.environ.get(name, "").strip().lower()
    if not value:
        return default
    if value in ("1", "true", "yes", "on", "ja"):
        return True
    if value in ("0", "false", "no", "off", "nee"):
        return False
    raise ConfigError(f"{name}={value!r} is not a yes/no value (use 1 or 0)")


def key_dir() -> Path:
    return Path(_env("LEMNISCAAT_KEY_DIR", str(DEFAULT_KEY_DIR)))


def stored_key(name: str, directory: Path | None = None) -> str:
    """The key ``name`` from ``var/keys/<name>``, made once (random, mode 0600) when absent.

    Several services may start at the same moment: the file is written under a temporary name
    and linked into place, which fails if another process was first; then that one's key is read.
    """
    directory = directory or key_dir()
    path = directory / name
    if not path.exists():
        directory.mkdir(parents=True, exist_ok=True)
        try:
            os.chmod(directory, 0o700)
        except OSError:  # pragma: no cover - a directory we do not own
            pass
        temporary = directory / f".{name}.{os.getpid()}.{secrets.token_hex(4)}"
        descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(descriptor, "w") as handle:
            handle.write(secrets.token_urlsafe(48) + "\n")
        try:
            os.link(temporary, path)
        except FileExistsError:
            pass
        finally:
            temporary.unlink()
    key = path.read_text(encoding="utf-8").strip()
    if not key:
        raise ConfigError(f"{path} is empty; delete it to make a new key, or set {name}")
    return key


def _secrets(production: bool) -> dict[str, str]:
    missing: list[str] = []
    values: dict[str, str] = {}
    for variable, field in SECRET_VARIABLES:
        value = os.environ.get(variable, "").strip()
        if value and value.lower() in KNOWN_PUBLIC_KEYS:
            raise ConfigError(
                f"{variable} is a publicly known default; set a long random value "
                f"(python -c 'import secrets; print(secrets.token_urlsafe(48))')"
            )
        if production and len(value) < MIN_PRODUCTION_KEY_CHARS:
            missing.append(variable)
            continue
        values[field] = value or stored_key(variable)
    if missing:
        raise ConfigError(
            "LEMNISCAAT_ENV=production refuses to start: set "
            + ", ".join(missing)
            + f" in the environment (each a random value of at least {MIN_PRODUCTION_KEY_CHARS} characters)"
        )
    if not _WEBHOOK_SECRET.match(values["telegram_webhook_secret"]):
        raise ConfigError(
            "TELEGRAM_WEBHOOK_SECRET may hold only letters, digits, '_' and '-' (at most 256)"
        )
    return values


@lru_cache(maxsize=1)
def settings() -> Settings:
    environment = _env("LEMNISCAAT_ENV", "development").lower()
    if environment not in ("development", "production"):
        raise ConfigError(f"LEMNISCAAT_ENV={environment!r}: use 'production' or 'development'")
    production = environment == "production"
    keys = _secrets(production)
    return Settings(
        database_url=_env("DATABASE_URL", f"sqlite:///{VAR_DIR / 'lemniscaat.db'}"),
        rasa_url=_env("RASA_URL", "http://localhost:5005").rstrip("/"),
        timezone=_env("LEMNISCAAT_TIMEZONE", "Europe/Amsterdam"),
        max_message_chars=int(_env("LEMNISCAAT_MAX_MESSAGE_CHARS", "1500")),
        telegram_bot_token=_env("TELEGRAM_BOT_TOKEN", ""),
        telegram_api_base_url=_env("TELEGRAM_API_BASE_URL", "https://api.telegram.org/bot"),
        telegram_webhook_url=_env("TELEGRAM_WEBHOOK_URL", ""),
        web_host=_env("WEB_HOST", "127.0.0.1"),
        web_port=int(_env("WEB_PORT", "8000")),
        followup_quiet_start_hour=int(_env("FOLLOWUP_EARLIEST_HOUR", "9")),
        followup_quiet_end_hour=int(_env("FOLLOWUP_LATEST_HOUR", "21")),
        environment=environment,
        web_cookie_secure=_flag("WEB_COOKIE_SECURE", production),
        web_hsts=_flag("WEB_HSTS", production),
        web_trusted_proxies=int(_env("WEB_TRUSTED_PROXIES", "0")),
        web_idle_minutes=int(_env("WEB_IDLE_MINUTES", "30")),
        invite_valid_days=int(_env("INVITE_VALID_DAYS", "14")),
        ratelimit_storage_uri=_env("RATELIMIT_STORAGE_URI", "memory://"),
        rasa_channel_token=_env("RASA_CHANNEL_TOKEN", ""),
        action_server_token=_env("ACTION_SERVER_TOKEN", ""),
        today=_env("LEMNISCAAT_TODAY", ""),
        metrics_token=_env("METRICS_TOKEN", ""),
        telegram_probe_host=_env("TELEGRAM_PROBE_HOST", "127.0.0.1"),
        telegram_probe_port=int(_env("TELEGRAM_PROBE_PORT", "9108")),
        readiness_timeout=float(_env("READINESS_TIMEOUT", "2")),
        **keys,
    )


def log_options() -> tuple[str, str]:
    """(LOG_FORMAT, LOG_LEVEL): "text" or "json", and a level name ("" when unset: the
    service's default). Read without the keys, so every command can set up logging first."""
    log_format = _env("LOG_FORMAT", "text").lower()
    if log_format not in ("text", "json"):
        raise ConfigError(f"LOG_FORMAT={log_format!r}: use 'text' or 'json'")
    return log_format, _env("LOG_LEVEL", "").upper()


def startup_nice() -> int:
    """LEMNISCAAT_STARTUP_NICE: how far a Rasa or action-server process lowers its CPU priority
    while it loads (0, the default: not at all; bot/ops/startup_priority.py). Read without the
    keys: it is read before anything else starts."""
    value = _env("LEMNISCAAT_STARTUP_NICE", "0")
    if not value.isdigit() or int(value) > 19:
        raise ConfigError(f"LEMNISCAAT_STARTUP_NICE={value!r}: use a whole number from 0 to 19")
    return int(value)


def prometheus_multiproc_dir() -> str:
    """PROMETHEUS_MULTIPROC_DIR: set when several processes share one /metrics (docs/deploy.md)."""
    return _env("PROMETHEUS_MULTIPROC_DIR", "")


def reset_settings_cache() -> None:
    """Tests change the environment and call this to read it again."""
    settings.cache_clear()
