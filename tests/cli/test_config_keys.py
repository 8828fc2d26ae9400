"""No built-in secret. Keys are made once in var/keys (mode 0600), known public
defaults are refused, production refuses to start without keys from the environment."""

from __future__ import annotations

import os
import stat
import subprocess
import sys

import pytest

from bot import config
from bot.config import ConfigError, reset_settings_cache, settings

SECRETS = [name for name, _ in config.SECRET_VARIABLES]


@pytest.fixture()
def clean_env(tmp_path, monkeypatch):
    for name in SECRETS + ["LEMNISCAAT_ENV", "WEB_COOKIE_SECURE", "WEB_HSTS"]:
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("LEMNISCAAT_KEY_DIR", str(tmp_path / "keys"))
    reset_settings_cache()
    yield tmp_path / "keys"
    reset_settings_cache()


def test_unset_keys_are_made_once_private_and_separate(clean_env):
    first = settings()
    keys = [
        first.web_secret_key,
        first.sender_hash_key,
        first.chat_id_key,
        first.telegram_webhook_secret,
    ]
    assert len(set(keys)) == 4, "each purpose has its own key"
    assert all(len(k) >= 32 for k in keys)
    assert not any(k in config.KNOWN_PUBLIC_KEYS for k in keys)
    for name in SECRETS:
        path = clean_env / name
        assert stat.S_IMODE(os.stat(path).st_mode) == 0o600
    assert stat.S_IMODE(os.stat(clean_env).st_mode) == 0o700
    reset_settings_cache()
    again = settings()  # another process (or a restart) reads the same keys
    assert [
        again.web_secret_key,
        again.sender_hash_key,
        again.chat_id_key,
        again.telegram_webhook_secret,
    ] == keys


def test_environment_keys_win(clean_env, monkeypatch):
    monkeypatch.setenv("SENDER_HASH_KEY", "x" * 40)
    reset_settings_cache()
    assert settings().sender_hash_key == "x" * 40
    assert not (clean_env / "SENDER_HASH_KEY").exists()


@pytest.mark.parametrize("default", ["change-me-in-production", "dev-secret-change-me"])
@pytest.mark.parametrize("variable", SECRETS)
def test_known_public_defaults_are_refused(clean_env, monkeypatch, variable, default):
    monkeypatch.setenv(variable, default)
    reset_settings_cache()
    with pytest.raises(ConfigError) as error:
        settings()
    assert variable in error.value.message


def test_production_needs_every_key_from_the_environment(clean_env, monkeypatch):
    monkeypatch.setenv("LEMNISCAAT_ENV", "production")
    monkeypatch.setenv("WEB_SECRET_KEY", "w" * 40)
    reset_settings_cache()
    with pytest.raises(ConfigError) as error:
        settings()
    message = error.value.message
    assert "production" in message and "\n" not in message
    assert (
        "SENDER_HASH_KEY" in message
        and "CHAT_ID_KEY" in message
        and "TELEGRAM_WEBHOOK_SECRET" in message
    )
    assert "WEB_SECRET_KEY" not in message
    assert not clean_env.exists() or not any(clean_env.iterdir()), (
        "production never makes keys on disk"
    )
    for name in SECRETS:
        monkeypatch.setenv(name, name.lower().replace("_", "-") + "-" + "k" * 32)
    reset_settings_cache()
    conf = settings()
    assert conf.production and conf.web_cookie_secure and conf.web_hsts


def test_production_refusal_is_one_line_for_every_service(clean_env, tmp_path):
    env = {k: v for k, v in os.environ.items() if k not in SECRETS}
    env.update(LEMNISCAAT_ENV="production", LEMNISCAAT_KEY_DIR=str(clean_env))
    for command in (
        [sys.executable, "-c", "from bot.config import settings; settings()"],
        [sys.executable, "-m", "bot.cli", "web"],
    ):
        done = subprocess.run(
            command, env=env, capture_output=True, text=True, timeout=120, cwd=config.PROJECT_ROOT
        )
        assert done.returncode != 0
        lines = [line for line in done.stderr.splitlines() if line.strip()]
        assert len(lines) == 1, done.stderr
        assert lines[0].startswith("lemniscaat: LEMNISCAAT_ENV=production refuses to start")


def test_concurrent_creation_gives_one_key(clean_env):
    code = "from bot.config import stored_key; print(stored_key('SENDER_HASH_KEY'))"
    env = dict(os.environ, LEMNISCAAT_KEY_DIR=str(clean_env))
    processes = [
        subprocess.Popen(
            [sys.executable, "-c", code],
            env=env,
            stdout=subprocess.PIPE,
            text=True,
            cwd=config.PROJECT_ROOT,
        )
        for _ in range(4)
    ]
    printed = {p.communicate(timeout=60)[0].strip() for p in processes}
    assert len(printed) == 1 and printed == {(clean_env / "SENDER_HASH_KEY").read_text().strip()}
