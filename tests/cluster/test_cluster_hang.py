"""A Rasa replica that hangs without dying (SIGSTOP): HAProxy takes it out within seconds (its
liveness check answers from a thread, bot/rasa_plugins/liveness.py), a student whose message it
holds hears "ik ben even traag, je bericht is bewaard" within 10 s, the kept message is replayed
on the other replica with its id, and when the stopped replica goes on (SIGCONT) its late turn is
refused: each message is one turn. Also: the action servers refuse calls without Rasa's token."""

from __future__ import annotations

import asyncio
import json
import os
import signal
import socket
import threading
import time
import urllib.error
import urllib.request
import uuid

import httpx
import pytest
from test_cluster_concurrency import tracker

from bot.channels.rasa_client import WEBHOOK_PATH, RasaUnavailable, _answers_of
from bot.channels.relay import Relay
from bot.nlp.commands import normalise_student_text
from bot.storage.repository import Repository

pytestmark = pytest.mark.cluster

STUDENTS = 4
HEAR_WITHIN = 10.0


def server_status(cluster, backend: str, server: str) -> str:
    with socket.socket(socket.AF_UNIX) as sock:
        sock.connect(str(cluster.layout.dir / "haproxy.sock"))
        sock.sendall(b"show stat\n")
        data = b""
        while chunk := sock.recv(65536):
            data += chunk
    for line in data.decode().splitlines():
        fields = line.split(",")
        if len(fields) > 17 and fields[0] == backend and fields[1] == server:
            return fields[17]
    return "?"


def test_a_stopped_replica_is_taken_out_and_each_message_is_one_turn(cluster):
    async def rasa(sender: str, text: str, message_id: str | None = None):
        try:
            async with httpx.AsyncClient(timeout=60) as client:
                response = await client.post(
                    cluster.lb_url + WEBHOOK_PATH,
                    json={"sender": sender, "message": text, "message_id": message_id},
                )
            return _answers_of(response)
        except (httpx.HTTPError, ValueError) as error:
            raise RasaUnavailable(str(error)) from error

    repo = Repository(cluster.layout.database_url)
    relay = Relay(repo, "web", rasa)  # waits 8 s (ANSWER_WITHIN), then keeps the message
    run = uuid.uuid4().hex[:6]
    senders = [f"web-hang-{run}-{i}" for i in range(STUDENTS)]
    for sender in senders:
        repo.accept_terms(sender, "web")
        cluster.say(sender, "hoi")
    story = "Ik moest op mijn stage een presentatie geven voor het hele team."
    stopped = cluster.pid("rasa:rasa-1")
    out: dict[str, float] = {}

    def watch_rotation() -> None:
        while time.monotonic() - stopped_at < 30:
            if server_status(cluster, "rasa", "rasa-1").startswith("DOWN"):
                out["after"] = time.monotonic() - stopped_at
                return
            time.sleep(0.1)

    try:
        os.kill(stopped, signal.SIGSTOP)
        stopped_at = time.monotonic()
        watcher = threading.Thread(target=watch_rotation)
        watcher.start()

        async def one(sender: str):
            started = time.monotonic()
            turn = await relay.handle(sender, story)
            return turn, time.monotonic() - started

        async def all_at_once():
            return await asyncio.gather(*(one(s) for s in senders))

        turns = asyncio.run(all_at_once())
        watcher.join()
        out_after = out.get("after")
        print(
            f"\nSIGSTOP: rasa-1 out of the rotation after {out_after} s; replies "
            + ", ".join(f"{'slow' if t.slow else 'answer'} {s:.1f} s" for t, s in turns)
        )
        assert out_after is not None and out_after <= 6, out_after
        assert all(seconds <= HEAR_WITHIN for _, seconds in turns), turns
        assert all(t.answers or (t.kept and t.slow) for t, _ in turns), turns
        assert any(t.slow for t, _ in turns), "no message went to the stopped replica"
        # The kept messages, replayed with their ids, go to the other replica.
        for _ in range(30):
            asyncio.run(relay.replay_all())
            if not repo.pending_messages("web"):
                break
            time.sleep(1)
        assert not [m for m in repo.pending_messages("web") if m["sender_id"] in senders]
    finally:
        os.kill(stopped, signal.SIGCONT)
    time.sleep(8)  # the stopped replica finishes what it held: refused or answered as a repeat
    try:
        for sender in senders:
            said = [
                d.get("text")
                for kind, d in tracker(cluster.layout.database_url, sender)
                if kind == "user"
            ]
            assert said == ["hoi", normalise_student_text(story)], (sender, said)
    finally:
        repo.engine.dispose()
    deadline = time.monotonic() + 30
    while not server_status(cluster, "rasa", "rasa-1").startswith("UP"):
        assert time.monotonic() < deadline, "rasa-1 did not come back after SIGCONT"
        time.sleep(0.5)


def test_the_action_servers_want_rasas_token(cluster):
    port = cluster.layout.action_ports()[0]
    with urllib.request.urlopen(f"http://127.0.0.1:{port}/health", timeout=5) as response:
        assert response.status == 200
    call = json.dumps({"next_action": "action_listen", "sender_id": "x", "tracker": {}}).encode()
    for headers in ({}, {"Authorization": "Bearer not-the-token"}):
        request = urllib.request.Request(
            f"http://127.0.0.1:{port}/webhook",
            data=call,
            headers={"Content-Type": "application/json", **headers},
        )
        with pytest.raises(urllib.error.HTTPError) as refused:
            urllib.request.urlopen(request, timeout=5)
        assert refused.value.code == 401
    # Rasa sends it: a whole turn that calls actions works through the balancer.
    assert cluster.say(f"token-{uuid.uuid4().hex[:6]}", "hoi")
