"""The real assistant for end-to-end tests: the action server and the Rasa server started
as subprocesses on free loopback ports, on a fresh SQLite database of their own."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MODEL = ROOT / "models" / "lemniscaat.tar.gz"
BIN = Path(sys.executable).parent
# What the session's Rasa requires on its student REST channel (RASA_CHANNEL_TOKEN), as in production.
CHANNEL_TOKEN = "test-channel-token-0123456789"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _wait_for(url: str, process: subprocess.Popen, timeout: float = 180.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"{process.args[:3]} exited with {process.returncode}")
        try:
            with urllib.request.urlopen(url, timeout=2):
                return
        except (urllib.error.URLError, ConnectionError, OSError):
            time.sleep(0.5)
    raise TimeoutError(f"{url} did not come up in {timeout} s")


class RasaStack:
    def __init__(self, workdir: Path) -> None:
        self.workdir = workdir
        self.database_path = workdir / "e2e.db"
        self.database_url = f"sqlite:///{self.database_path}"
        self.action_port = free_port()
        self.rasa_port = free_port()
        self.rasa_url = f"http://127.0.0.1:{self.rasa_port}"
        self.env = {
            **os.environ,
            "DATABASE_URL": self.database_url,
            "ACTION_ENDPOINT_URL": f"http://127.0.0.1:{self.action_port}/webhook",
            "RASA_URL": self.rasa_url,
            "TF_CPP_MIN_LOG_LEVEL": "3",
        }
        self.actions: subprocess.Popen | None = None
        self.failed_turns = 0  # answers that came with "turn_failed" (see say)
        self.last_text: dict[str, str] = {}  # the bot's last text per sender (see say)
        self.rasa: subprocess.Popen | None = None

    def _spawn(self, name: str, args: list[str]) -> subprocess.Popen:
        log = open(self.workdir / f"{name}.log", "ab")
        return subprocess.Popen(args, cwd=ROOT, env=self.env, stdout=log, stderr=subprocess.STDOUT)

    def start_actions(self, wait: bool = True) -> None:
        self.env.setdefault("SANIC_HOST", "127.0.0.1")  # the action server on loopback only
        self.actions = self._spawn(
            "actions",
            [
                str(BIN / "rasa"),
                "run",
                "actions",
                "--actions",
                "actions",
                "--port",
                str(self.action_port),
            ],
        )
        if wait:
            self.wait_for_actions()

    def wait_for_actions(self) -> None:
        assert self.actions is not None
        _wait_for(f"http://127.0.0.1:{self.action_port}/health", self.actions)

    def start_rasa(self) -> None:
        self.rasa = self._spawn(
            "rasa",
            [
                sys.executable,
                "-m",
                "bot.rasa_cli",  # `rasa`, started faster (see there)
                "run",
                "--model",
                str(MODEL),
                "--endpoints",
                "endpoints.yml",
                "--credentials",
                "credentials.yml",
                "--port",
                str(self.rasa_port),
                "--interface",
                "127.0.0.1",
                # /model/parse for the tests that check what the NLU makes of a message
                # (loopback only, test servers only).
                "--enable-api",
            ],
        )
        _wait_for(f"{self.rasa_url}/", self.rasa)

    def start(self) -> RasaStack:
        # Both load at once (Rasa needs the action server only when it runs an action).
        self.start_actions(wait=False)
        self.start_rasa()
        self.wait_for_actions()
        return self

    @staticmethod
    def _stop(process: subprocess.Popen | None) -> None:
        if process and process.poll() is None:
            process.terminate()
            try:
                process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                process.kill()

    def stop_actions(self) -> None:
        self._stop(self.actions)

    def stop_rasa(self) -> None:
        self._stop(self.rasa)

    def stop(self) -> None:
        self.stop_rasa()
        self.stop_actions()

    def say(self, sender: str, message: str) -> list[dict]:
        """One student message over the REST channel; the bot's answers."""
        headers = {"Content-Type": "application/json"}
        token = self.env.get("RASA_CHANNEL_TOKEN")
        if token:
            headers["Authorization"] = f"Bearer {token}"
        request = urllib.request.Request(
            f"{self.rasa_url}/webhooks/rest/webhook",
            data=json.dumps({"sender": sender, "message": message}).encode(),
            headers=headers,
        )
        try:
            with urllib.request.urlopen(request, timeout=60) as response:
                answers = json.load(response)
            self._never_twice_in_a_row(sender, answers)
            return answers
        except urllib.error.HTTPError as error:
            # A turn in which an action failed (the action server is away): the REST channel
            # answers 503 with what was said; these tests read what was said.
            body = json.loads(error.read() or b"{}") if error.code == 503 else {}
            if isinstance(body, dict) and body.get("error") == "turn_failed":
                self.failed_turns += 1
                return body.get("messages") or []
            raise

    def _never_twice_in_a_row(self, sender: str, answers: list[dict]) -> None:
        """Every conversation a test holds is checked: the bot never sends the same text twice
        in a row (within a turn, or the last text of one turn and the first of the next)."""
        for answer in answers:
            text = answer.get("text")
            if not text:
                continue
            assert text != self.last_text.get(sender), f"said twice in a row to {sender}: {text}"
            self.last_text[sender] = text

    def texts(self, sender: str, message: str) -> str:
        """The bot's answers to one message, joined into one text for assertions."""
        return "\n".join(answer.get("text") or "" for answer in self.say(sender, message))

    def answer(self, sender: str, message: str) -> str:
        """An answer the student means as one: when the bot asks whether it is ("is dit je
        antwoord?", the answer check was unsure), the student presses yes. The bot's texts."""
        answers = self.say(sender, message)
        if asks_whether_it_answers(answers):
            answers += self.say(sender, "ja")
        return "\n".join(answer.get("text") or "" for answer in answers)


def asks_whether_it_answers(answers: list[dict]) -> bool:
    """The bot's turn ends with the check "is dit je antwoord?" (its yes button)."""
    buttons = answers[-1].get("buttons") or [] if answers else []
    return any(button.get("title") == "Ja, dat is mijn antwoord" for button in buttons)


def export(stack: RasaStack, sender: str) -> dict:
    """What `lemniscaat export --sender` gives for a student, run against the stack's database."""
    result = subprocess.run(
        [sys.executable, "-m", "bot.cli", "export", "--sender", sender],
        env=stack.env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)
