"""Rasa custom actions. Each module holds one concern and stays thin: the real work is
done in ``bot`` (storage, Dutch language tools), where it is tested without Rasa."""

import sys
from pathlib import Path


def _in_the_action_server() -> bool:
    """Whether this process is the action server (`rasa run actions`, `python -m rasa_sdk`)."""
    argv = sys.argv
    return (Path(argv[0]).name == "rasa" and argv[1:3] == ["run", "actions"]) or Path(
        argv[0]
    ).parts[-2:] == ("rasa_sdk", "__main__.py")


# A restarting action server loads at a lower CPU priority (bot/ops/startup_priority.py).
if _in_the_action_server():
    from bot.ops.startup_priority import lower_while_loading

    lower_while_loading()

# The action server needs spaCy's tokenizer, never TensorFlow; but thinc (under spaCy) imports
# TensorFlow whenever it is installed (Rasa needs it), which cost every action-server start
# about three times the CPU and ~400 MB. A None in sys.modules makes that import fail, so thinc
# goes without it. Only in the action server: Rasa and the tests import TensorFlow as ever.
if _in_the_action_server() and "tensorflow" not in sys.modules:
    sys.modules["tensorflow"] = None  # type: ignore[assignment]

# Rasa's token and once-per-message writes on the action server's app (bot/ops/action_server.py).
if _in_the_action_server():
    from bot.ops.action_server import install_in_running_action_server

    install_in_running_action_server()

# The answer check's model (bot/nlp/answer_model.py) is loaded now, not on a student's first
# message.
if _in_the_action_server():
    from bot.nlp.answer_model import warm
    from bot.ops.startup_priority import back_to_normal

    warm()
    back_to_normal()
