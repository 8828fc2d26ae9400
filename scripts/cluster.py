"""`make cluster`: Lemniscaat past one machine, on this machine (docs/cluster.md).

    .venv/bin/python scripts/cluster.py        # foreground; Ctrl-C stops everything

Starts, under supervisord (every service restarted when it dies):

* PostgreSQL (Debian's binaries, data in CLUSTER_DIR/pgdata): the one database, for the app and
  Rasa's tracker store;
* Redis: Rasa's lock store (one student's messages in order, whichever replica gets them) and
  the web app's rate-limit counters;
* RASA_REPLICAS Rasa servers and as many action servers, WEB_WORKERS web app processes and,
  when TELEGRAM_BOT_TOKEN is set, one Telegram process;
* HAProxy in front of them: Rasa's REST channel on RASA_PORT, the action servers on ACTION_PORT
  (for the Rasa replicas), the web app on WEB_PORT; health checks every second take a dead
  process out of the rotation, and a refused connection is retried on another server.

The migrations run once, after PostgreSQL is up and before any other service starts.
Settings (environment): CLUSTER_DIR (var/cluster), RASA_REPLICAS (2), WEB_WORKERS (2),
RASA_PORT (5005), ACTION_PORT (5055), WEB_PORT (8000), CLUSTER_PG_PORT (5433),
CLUSTER_REDIS_PORT (6380), TICKET_LOCK_LIFETIME (3). The processes behind the balancer listen
on the ports just above each public port (Rasa 5006, 5007, ...; actions 5056, ...; web 8001, ...).
"""

from __future__ import annotations

import argparse
import os
import pwd
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BIN = ROOT / ".venv" / "bin"
PG_BIN_DIRS = [Path("/usr/lib/postgresql") / v / "bin" for v in ("17", "16", "15", "14", "13")]


def _int_env(env: Mapping[str, str], name: str, default: int) -> int:
    return int(env.get(name, "").strip() or default)


@dataclass(frozen=True)
class Layout:
    dir: Path
    replicas: int
    web_workers: int
    rasa_port: int
    action_port: int
    web_port: int
    pg_port: int
    redis_port: int
    public_host: str = "127.0.0.1"

    @classmethod
    def from_env(cls, env: Mapping[str, str] = os.environ) -> Layout:
        return cls(
            dir=Path(env.get("CLUSTER_DIR", "").strip() or ROOT / "var" / "cluster"),
            replicas=_int_env(env, "RASA_REPLICAS", 2),
            web_workers=_int_env(env, "WEB_WORKERS", 2),
            rasa_port=_int_env(env, "RASA_PORT", 5005),
            action_port=_int_env(env, "ACTION_PORT", 5055),
            web_port=_int_env(env, "WEB_PORT", 8000),
            pg_port=_int_env(env, "CLUSTER_PG_PORT", 5433),
            redis_port=_int_env(env, "CLUSTER_REDIS_PORT", 6380),
            public_host=env.get("RASA_HOST", "").strip() or "127.0.0.1",
        )

    def rasa_ports(self) -> list[int]:
        return [self.rasa_port + 1 + i for i in range(self.replicas)]

    def rasa_health_ports(self) -> list[int]:
        """Each replica's liveness check (bot/rasa_plugins/liveness.py)."""
        return [self.rasa_port + 41 + i for i in range(self.replicas)]

    def action_ports(self) -> list[int]:
        return [self.action_port + 1 + i for i in range(self.replicas)]

    def web_ports(self) -> list[int]:
        return [self.web_port + 1 + i for i in range(self.web_workers)]

    @property
    def database_url(self) -> str:
        return f"postgresql://postgres@127.0.0.1:{self.pg_port}/lemniscaat"

    @property
    def supervisor_conf(self) -> Path:
        return self.dir / "supervisord.conf"


def pg_bin(name: str) -> str:
    for directory in PG_BIN_DIRS:
        if (directory / name).exists():
            return str(directory / name)
    found = shutil.which(name)
    if not found:
        raise SystemExit(f"cluster: PostgreSQL's {name} is missing (make cluster installs it)")
    return found


def _as_postgres() -> pwd.struct_passwd | None:
    """The postgres user when we run as root (PostgreSQL refuses to run as root)."""
    return pwd.getpwnam("postgres") if os.geteuid() == 0 else None


def ensure_pgdata(layout: Layout) -> None:
    """initdb once; the data directory is kept between runs."""
    data = layout.dir / "pgdata"
    run = layout.dir / "pgrun"
    run.mkdir(parents=True, exist_ok=True)
    user = _as_postgres()
    if user:
        os.chown(run, user.pw_uid, user.pw_gid)  # PostgreSQL's socket and lock file
    if (data / "PG_VERSION").exists():
        return
    args = [pg_bin("initdb"), "-D", str(data), "-U", "postgres", "--auth=trust", "-E", "UTF8"]
    if user:
        data.mkdir(mode=0o700, exist_ok=True)
        os.chown(data, user.pw_uid, user.pw_gid)
        args = ["su", "postgres", "-s", "/bin/sh", "-c", " ".join(f"'{a}'" for a in args)]
    done = subprocess.run(args, capture_output=True, text=True, timeout=120)
    if done.returncode:
        raise SystemExit(f"cluster: initdb failed: {done.stderr.strip() or done.stdout.strip()}")


# A Rasa or action server that restarts loads at a lower CPU priority, so the replicas that
# serve the students meanwhile keep their speed (bot/ops/startup_priority.py).
STARTUP_NICE = 'LEMNISCAAT_STARTUP_NICE="10"'


def _program(name: str, command: str, priority: int, *, autostart: bool = False, **extra) -> str:
    lines = [
        f"[program:{name}]",
        f"command={command}",
        f"directory={ROOT}",
        f"priority={priority}",
        f"autostart={'true' if autostart else 'false'}",
        "autorestart=true",
        "startsecs=3",
        "startretries=100",
        "stopwaitsecs=20",
        "stopasgroup=true",
        "killasgroup=true",
        "redirect_stderr=true",
        f"stdout_logfile=%(here)s/logs/{name}.log",
        "stdout_logfile_maxbytes=20MB",
        "stdout_logfile_backups=2",
    ]
    lines += [f"{key}={value}" for key, value in extra.items()]
    return "\n".join(lines) + "\n"


def supervisor_conf(layout: Layout, telegram: bool) -> str:
    d = layout.dir
    parts = [
        "[unix_http_server]",
        f"file={d}/supervisor.sock",
        "chmod=0700",
        "[supervisord]",
        "nodaemon=true",
        f"logfile={d}/logs/supervisord.log",
        f"pidfile={d}/supervisord.pid",
        f"childlogdir={d}/logs",
        "[rpcinterface:supervisor]",
        "supervisor.rpcinterface_factory = supervisor.rpcinterface:make_main_rpcinterface",
        "[supervisorctl]",
        f"serverurl=unix://{d}/supervisor.sock",
        "",
    ]
    pg_user = {"user": "postgres"} if _as_postgres() else {}
    parts.append(
        _program(
            "postgres",
            f"{pg_bin('postgres')} -D {d}/pgdata -p {layout.pg_port} -h 127.0.0.1 -k {d}/pgrun",
            10,
            autostart=True,
            stopsignal="INT",  # fast shutdown
            stopwaitsecs=60,
            **pg_user,
        )
    )
    redis = shutil.which("redis-server") or "/usr/bin/redis-server"
    parts.append(
        _program(
            "redis",
            f"{redis} --bind 127.0.0.1 --port {layout.redis_port} --save '' --appendonly no "
            f"--dir {d} --daemonize no",
            10,
            autostart=True,
        )
    )
    names = {"actions": [], "rasa": [], "web": []}
    for i, port in enumerate(layout.action_ports(), 1):
        names["actions"].append(f"actions-{i}")
        parts.append(
            _program(
                f"actions-{i}",
                f"{BIN}/rasa run actions --actions actions --port {port}",
                20,
                environment=f'SANIC_HOST="127.0.0.1",{STARTUP_NICE}',
            )
        )
    for i, (port, health) in enumerate(zip(layout.rasa_ports(), layout.rasa_health_ports()), 1):
        names["rasa"].append(f"rasa-{i}")
        parts.append(
            _program(
                f"rasa-{i}",
                f"{BIN}/python -m bot.rasa_cli run --model models/lemniscaat.tar.gz "
                f"--endpoints endpoints-cluster.yml "
                f"--credentials credentials.yml --interface 127.0.0.1 --port {port}",
                30,
                environment=f'RASA_HEALTH_PORT="{health}",{STARTUP_NICE}',
            )
        )
    for i, port in enumerate(layout.web_ports(), 1):
        names["web"].append(f"web-{i}")
        parts.append(
            _program(f"web-{i}", f"{BIN}/lemniscaat web --host 127.0.0.1 --port {port}", 40)
        )
    if telegram:
        parts.append(_program("telegram", f"{BIN}/lemniscaat telegram", 40))
    haproxy = shutil.which("haproxy") or "/usr/sbin/haproxy"
    parts.append(_program("haproxy", f"{haproxy} -db -f {d}/haproxy.cfg", 50))
    for group, programs in names.items():
        parts.append(f"[group:{group}]\nprograms={','.join(programs)}\npriority=20\n")
    return "\n".join(parts)


def haproxy_cfg(layout: Layout) -> str:
    def servers(prefix: str, ports: list[int], checks: list[int] | None = None) -> str:
        return "\n".join(
            # At most 16 requests at a time per process; more wait in HAProxy's queue. A refused
            # connection on live traffic takes the server out at once (observe layer4): with
            # leastconn, a dead server has the fewest connections, and every retry of the
            # request would go back to it until the health checks caught up (the fault test
            # saw 503s after six retries in a millisecond, all to the killed replica).
            f"    server {prefix}-{i} 127.0.0.1:{port} check maxconn 16"
            " observe layer4 error-limit 1 on-error mark-down"
            + (f" port {checks[i - 1]}" if checks else "")
            for i, port in enumerate(ports, 1)
        )

    return f"""# Written by scripts/cluster.py; see docs/cluster.md.
global
    maxconn 2048
    # info: with `option dontlog-normal` below, every request that failed, was retried or
    # was redispatched is logged (with its termination state), and no normal one.
    log stdout format raw local0 info
    stats socket {layout.dir}/haproxy.sock mode 600 level admin
    # A request is retried only when it fits in one buffer: an action call carries the
    # student's tracker (up to ~150 events in a session, some hundreds of KB).
    tune.bufsize 524288

defaults
    mode http
    log global
    option httplog
    option dontlog-normal
    timeout connect 1s
    timeout client 90s
    timeout server 90s
    timeout queue 30s
    # A request that could not be delivered is sent to another server (retry-on, per backend
    # below; `option redispatch 1`: every retry goes to another server).
    retries 6
    option redispatch 1
    # Health checks every second. A dead process refuses the check at once and is out after
    # three refusals (fastinter: about a second); a busy one (Rasa's NLU runs on its event loop)
    # may take up to `timeout check` to answer without being taken out. Two passes: back in.
    timeout check 10s
    default-server inter 1s fastinter 300ms downinter 1s fall 3 rise 2

frontend rasa_rest
    bind {layout.public_host}:{layout.rasa_port}
    default_backend rasa

backend rasa
    # No stickiness: the lock store orders each student's messages across replicas.
    balance leastconn
    # Every request on a new connection: an idle kept-alive connection to a replica that just
    # died would fail a student's message that never reached it.
    http-reuse never
    # HAProxy can send a request again only when it has the whole request before it connects:
    # httpx sends the headers and the body in two writes, and without this HAProxy forwarded
    # the headers at once and never retried (a 502 with `SH--` and no retry in its log).
    option http-buffer-request
    # A connection refused, or closed with no answer or half an answer (the replica died with
    # the request), is tried on the other replica. Safe: every channel sends a message id, and
    # a replica answers an id it has handled from its stored turn (docs/cluster.md, "Each
    # message once").
    retry-on conn-failure empty-response junk-response
    # The liveness check (bot/rasa_plugins/liveness.py) answers from a thread of its own, so it
    # may be quick: a stopped (SIGSTOP) replica is out within about three seconds, a busy one stays.
    option httpchk GET /
    timeout check 1s
    default-server inter 1s fastinter 300ms downinter 1s fall 2 rise 2
{servers("rasa", layout.rasa_ports(), layout.rasa_health_ports())}

frontend actions_in
    bind 127.0.0.1:{layout.action_port}
    default_backend actions

backend actions
    balance leastconn
    http-reuse never
    option http-buffer-request  # as for Rasa: the whole call in hand, so it can be sent again
    # A call that was not delivered, or that got no answer because the action server died, is
    # sent to the other action server: an action stores nothing twice for one message
    # (bot/storage/once.py), so a call may run again.
    retry-on conn-failure empty-response junk-response response-timeout
    # An action answers within a second or two; one that hangs is tried on the other server.
    timeout server 15s
    option httpchk GET /health
{servers("actions", layout.action_ports())}

frontend web_in
    bind {os.environ.get("WEB_HOST", "").strip() or "127.0.0.1"}:{layout.web_port}
    option forwardfor
    default_backend web

backend web
    # The web chat keeps answers to a browser's kept messages in its worker (its mailbox):
    # a browser stays with one worker while that worker is up.
    balance roundrobin
    cookie lemniscaat_worker insert indirect nocache httponly
{chr(10).join(f"    server web-{i} 127.0.0.1:{port} check cookie w{i}" for i, port in enumerate(layout.web_ports(), 1))}
"""


def service_env(layout: Layout) -> dict[str, str]:
    """What every service of the cluster sees (the caller's environment, then these)."""
    env = dict(os.environ)
    env.update(
        DATABASE_URL=layout.database_url,
        RASA_URL=f"http://127.0.0.1:{layout.rasa_port}",
        ACTION_ENDPOINT_URL=f"http://127.0.0.1:{layout.action_port}/webhook",
        REDIS_HOST="127.0.0.1",
        REDIS_PORT=str(layout.redis_port),
        REDIS_LOCK_DB="1",
        TICKET_LOCK_LIFETIME=os.environ.get("TICKET_LOCK_LIFETIME", "").strip() or "3",
        TF_CPP_MIN_LOG_LEVEL=os.environ.get("TF_CPP_MIN_LOG_LEVEL", "3"),
        SQLALCHEMY_SILENCE_UBER_WARNING="1",
    )
    # Rate limits count across web workers; client addresses come from the balancer.
    env.setdefault("RATELIMIT_STORAGE_URI", f"redis://127.0.0.1:{layout.redis_port}/2")
    env.setdefault("WEB_TRUSTED_PROXIES", "1")
    # Rasa sends it with every action call (endpoints-cluster.yml); the action servers check it.
    env.setdefault("ACTION_SERVER_TOKEN", secrets.token_urlsafe(32))
    return env


def balancer_says_up(layout: Layout) -> bool:
    """Whether HAProxy has every Rasa replica and action server in its rotation (its stats
    socket). A replica that answers on its own port may still be out there for up to two
    health checks, and a message sent then gets a 503."""
    try:
        with socket.socket(socket.AF_UNIX) as sock:
            sock.settimeout(2)
            sock.connect(str(layout.dir / "haproxy.sock"))
            sock.sendall(b"show stat\n")
            stat = b""
            while chunk := sock.recv(65536):
                stat += chunk
    except OSError:
        return False
    rows = [line.split(",") for line in stat.decode().splitlines() if not line.startswith("#")]
    servers = [
        r
        for r in rows
        if len(r) > 17 and r[0] in ("rasa", "actions") and r[1] not in ("FRONTEND", "BACKEND")
    ]
    return len(servers) == 2 * layout.replicas and all(r[17] == "UP" for r in servers)


def wait_for_port(port: int, timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        with socket.socket() as sock:
            if sock.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.2)
    raise SystemExit(f"cluster: nothing listens on {port} after {timeout:.0f} s")


def create_database(layout: Layout) -> None:
    import psycopg2

    deadline = time.monotonic() + 60
    while True:
        try:
            conn = psycopg2.connect(
                host="127.0.0.1", port=layout.pg_port, user="postgres", dbname="postgres"
            )
            break
        except psycopg2.OperationalError:  # still starting up
            if time.monotonic() > deadline:
                raise
            time.sleep(0.3)
    conn.autocommit = True
    with conn.cursor() as cursor:
        cursor.execute("SELECT 1 FROM pg_database WHERE datname = 'lemniscaat'")
        if cursor.fetchone() is None:
            cursor.execute("CREATE DATABASE lemniscaat")
    conn.close()


def ctl(layout: Layout, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [str(BIN / "supervisorctl"), "-c", str(layout.supervisor_conf), *args],
        capture_output=True,
        text=True,
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--write-config", action="store_true", help="write the files and stop")
    args = parser.parse_args()
    layout = Layout.from_env()
    env = service_env(layout)
    if not (ROOT / "models" / "lemniscaat.tar.gz").exists():
        raise SystemExit("cluster: no trained model; run `make train` (make cluster does)")

    (layout.dir / "logs").mkdir(parents=True, exist_ok=True)
    ensure_pgdata(layout)
    telegram = bool(env.get("TELEGRAM_BOT_TOKEN", "").strip())
    layout.supervisor_conf.write_text(supervisor_conf(layout, telegram))
    (layout.dir / "haproxy.cfg").write_text(haproxy_cfg(layout))
    if args.write_config:
        print(f"cluster: configuration written to {layout.dir}")
        return 0

    # supervisord in a session of its own: Ctrl-C reaches this script only, which then asks
    # supervisord to stop every service in order (balancer first, PostgreSQL last).
    supervisord = subprocess.Popen(
        [str(BIN / "supervisord"), "-n", "-c", str(layout.supervisor_conf)],
        env=env,
        cwd=ROOT,
        start_new_session=True,
    )
    stopping = False

    def stop(_signum=None, _frame=None) -> None:
        nonlocal stopping
        if not stopping:
            stopping = True
            print("cluster: stopping every service ...", flush=True)
            supervisord.send_signal(signal.SIGTERM)

    signal.signal(signal.SIGINT, stop)
    signal.signal(signal.SIGTERM, stop)
    try:
        wait_for_port(layout.pg_port, 60)
        create_database(layout)
        # The migration step: once, before any service that uses the schema starts.
        subprocess.run([str(BIN / "lemniscaat"), "db"], env=env, cwd=ROOT, check=True)
        started = ctl(layout, "start", "actions:*", "rasa:*", "web:*", "haproxy")
        if telegram:
            ctl(layout, "start", "telegram")
        print(started.stdout.strip(), flush=True)
        if telegram:
            print("cluster: Telegram started")
        else:
            print("cluster: TELEGRAM_BOT_TOKEN is not set: the Telegram bot is not started.")
        print(
            f"cluster: {layout.replicas} Rasa replicas behind "
            f"http://{layout.public_host}:{layout.rasa_port}/webhooks/rest/webhook, web on "
            f"http://127.0.0.1:{layout.web_port}; logs in {layout.dir}/logs; "
            f"status: .venv/bin/supervisorctl -c {layout.supervisor_conf} status",
            flush=True,
        )
    except BaseException:
        stop()
        supervisord.wait(timeout=120)
        raise
    while True:
        try:
            return supervisord.wait()
        except KeyboardInterrupt:  # pragma: no cover - the handler above catches SIGINT
            stop()


if __name__ == "__main__":
    sys.exit(main())
