"""A process that is still loading gives the CPU to the ones that serve students.

On a machine where several replicas share few cores, a Rasa or action server that restarts
after a crash spends a minute or more of CPU loading TensorFlow, spaCy and its models; at the
same priority it takes half the CPU from the replica that now serves every student, whose
replies then pass the 5 s the cluster promises. With ``LEMNISCAAT_STARTUP_NICE`` set (``make
cluster`` sets 10), the process lowers its priority before it loads and goes back to its old
priority once it can answer. Linux keeps a priority per thread and new threads inherit it, so
every thread is set back. Going back up needs CAP_SYS_NICE (root) or a fitting RLIMIT_NICE;
without either the process stays lowered, as every replica started the same way does.
"""

from __future__ import annotations

import logging
import os

from bot.config import startup_nice

log = logging.getLogger(__name__)

_before: int | None = None


def lower_while_loading() -> None:
    """Lower this thread's priority (and so every thread it starts) by the configured nice."""
    global _before
    step = startup_nice()
    if not step or _before is not None:
        return
    _before = os.getpriority(os.PRIO_PROCESS, 0)
    os.nice(step)


def _threads() -> list[int]:
    try:
        return [int(name) for name in os.listdir("/proc/self/task")]
    except OSError:  # no /proc: this thread alone
        return [0]


def back_to_normal() -> None:
    """Every thread of the process back to the priority it had before loading."""
    global _before
    if _before is None:
        return
    before, _before = _before, None
    for thread in _threads():
        try:
            os.setpriority(os.PRIO_PROCESS, thread, before)
        except ProcessLookupError:  # the thread ended meanwhile
            continue
        except PermissionError:
            log.info("Staying at a lower CPU priority: raising it back needs CAP_SYS_NICE")
            return
    log.info("Loaded: back to CPU priority %d (%d threads)", before, len(_threads()))
