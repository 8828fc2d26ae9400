"""Build and run the Telegram Application (python-telegram-bot 22).

Scheduling uses PTB's JobQueue on the APScheduler 3.9.1 that Rasa 3.6 pins. PTB's
``[job-queue]`` extra asks for APScheduler>=3.10.4, so that extra is deliberately not
installed; tests/telegram/test_telegram_units.py::test_job_queue_runs_on_installed_apscheduler shows
that run_repeating works on 3.9.1.
"""

from __future__ import annotations

import hashlib
import hmac
import logging
from collections.abc import Callable
from datetime import datetime
from urllib.parse import urlparse
from zoneinfo import ZoneInfo

from telegram import BotCommand, Update
from telegram.ext import (
    Application,
    CallbackQueryHandler,
    CommandHandler,
    ContextTypes,
    JobQueue,
    MessageHandler,
    filters,
)

from bot.channels.rasa_client import send_to_rasa
from bot.config import settings
from bot.ops import metrics
from bot.ops.health import metrics_allowed, standard_checks
from bot.ops.logs import configure_logging
from bot.ops.probe import Heartbeat, ProbeServer
from bot.storage.repository import Repository
from bot.telegram import handlers, texts
from bot.telegram.bridge import ACCEPT_TERMS, replay_pending
from bot.telegram.delivery import telegram_call
from bot.telegram.followup import followup_job
from bot.telegram.practice import PERSONA_BUTTON
from bot.telegram.state import STATE_KEY, ChannelState, RasaCall, state_of

log = logging.getLogger(__name__)

ALLOWED_UPDATES = [Update.MESSAGE, Update.CALLBACK_QUERY]
MEDIA = (
    filters.Sticker.ALL
    | filters.PHOTO
    | filters.VOICE
    | filters.AUDIO
    | filters.VIDEO
    | filters.VIDEO_NOTE
    | filters.Document.ALL
    | filters.ANIMATION
    | filters.LOCATION
    | filters.CONTACT
)


def file_url_for(base_url: str) -> str:
    """https://api.telegram.org/bot -> https://api.telegram.org/file/bot (same for a local Bot API)."""
    head, _, tail = base_url.rstrip("/").rpartition("/")
    return f"{head}/file/{tail}"


def build_application(
    token: str,
    base_url: str = "https://api.telegram.org/bot",
    *,
    repo: Repository | None = None,
    hash_key: str | None = None,
    chat_id_key: str | None = None,
    rasa: RasaCall = send_to_rasa,
    timezone: str | None = None,
    quiet_start_hour: int | None = None,
    quiet_end_hour: int | None = None,
    clock: Callable[[], datetime] | None = None,
    followup_every: float = 300.0,
    pending_every: float = 10.0,
    concurrency: int = 32,
    retry_base_delay: float = 1.0,
) -> Application:
    config = settings()
    zone = ZoneInfo(timezone or config.timezone)
    state = ChannelState(
        repo=repo or Repository(),
        hash_key=hash_key or config.sender_hash_key,
        chat_id_key=chat_id_key or config.chat_id_key,
        rasa=rasa,
        timezone=zone,
        quiet_start_hour=config.followup_quiet_start_hour
        if quiet_start_hour is None
        else quiet_start_hour,
        quiet_end_hour=config.followup_quiet_end_hour if quiet_end_hour is None else quiet_end_hour,
        clock=clock or (lambda: datetime.now(zone)),
        retry_base_delay=retry_base_delay,
        max_message_chars=config.max_message_chars,
    )
    application: Application = (
        Application.builder()
        .token(token)
        .base_url(base_url)
        .base_file_url(file_url_for(base_url))
        # Many students at once; the per-student lock in ChannelState keeps each one in order.
        .concurrent_updates(concurrency)
        .job_queue(JobQueue())
        .post_init(on_startup)
        .build()
    )
    application.bot_data[STATE_KEY] = state
    add_handlers(application)
    jobs_of(application).run_repeating(
        followup_job, interval=followup_every, first=1.0, name="followups"
    )
    jobs_of(application).run_repeating(
        retry_pending_job, interval=pending_every, first=1.0, name="pending"
    )
    return application


def jobs_of(application: Application) -> JobQueue:
    """The application's job queue (build_application always gives it one)."""
    jobs = application.job_queue
    assert jobs is not None, "built with .job_queue(JobQueue())"
    return jobs


def add_handlers(application: Application) -> None:
    # Private chats only: in a group the chat is not the student's, and a follow-up sent
    # there would show someone's action steps to others.
    private = filters.ChatType.PRIVATE
    commands = [
        ("start", handlers.start_command),
        (list(handlers.FORWARDED_COMMANDS), handlers.forwarded_command),
        ("koppel", handlers.link_command),
        ("acties", handlers.actions_command),
        ("mijngegevens", handlers.my_data_command),
        ("vergeet", handlers.forget_command),
        ("nietdelen", handlers.withdraw_consent_command),
        ("delen", handlers.share_again_command),
        ("oefenen", handlers.practice_command),
        ("klaar", handlers.finish_practice_command),
    ]
    for names, callback in commands:
        application.add_handler(CommandHandler(names, callback, filters=private))
    application.add_handler(
        CallbackQueryHandler(handlers.accept_terms_pressed, pattern=f"^{ACCEPT_TERMS}$")
    )
    application.add_handler(CallbackQueryHandler(handlers.forget_answered, pattern=r"^v:"))
    application.add_handler(
        CallbackQueryHandler(handlers.persona_pressed, pattern=f"^{PERSONA_BUTTON}")
    )
    application.add_handler(CallbackQueryHandler(handlers.button_pressed))
    not_edited = ~filters.UpdateType.EDITED
    # Unknown commands go to Rasa as typed too: Rasa may know them, and it keeps one voice.
    application.add_handler(
        MessageHandler(filters.TEXT & private & not_edited, handlers.text_message)
    )
    application.add_handler(MessageHandler(MEDIA & private & not_edited, handlers.media_message))
    application.add_error_handler(handlers.log_error)
    application.add_error_handler(handlers.answer_when_down)
    application.add_error_handler(count_error)


async def count_error(update: object, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Error handler beside log_error: the failure counted in /metrics."""
    metrics.count_error("telegram", "handler_exception")


async def heartbeat_job(context: ContextTypes.DEFAULT_TYPE) -> None:
    """JobQueue job: the event loop is running (the probe's /healthz)."""
    job = context.job
    assert job is not None and isinstance(job.data, Heartbeat), "started by start_probe"
    job.data.beat()


def start_probe(
    application: Application, every: float = 10.0, stale_after: float = 60.0
) -> ProbeServer | None:
    """/healthz, /readyz and /metrics on TELEGRAM_PROBE_HOST:TELEGRAM_PROBE_PORT (bot/ops/probe.py);
    a heartbeat job every ``every`` s, /healthz 503 after ``stale_after`` s without one.
    None when the port is 0."""
    config = settings()
    if not config.telegram_probe_port:
        return None
    heartbeat = Heartbeat(stale_after=max(stale_after, 3 * every))
    jobs_of(application).run_repeating(
        heartbeat_job, interval=every, first=0.0, data=heartbeat, name="heartbeat"
    )
    repo = state_of(application).repo
    return ProbeServer(
        config.telegram_probe_host,
        config.telegram_probe_port,
        heartbeat,
        lambda: standard_checks(repo.ping, settings().rasa_url, config.readiness_timeout),
        timeout=config.readiness_timeout,
        metrics_allowed=lambda authorization: metrics_allowed(
            config.metrics_token, config.production, authorization
        ),
    ).start()


async def on_startup(application: Application) -> None:
    """Show the Dutch command menu in Telegram."""
    state = state_of(application)
    commands = [BotCommand(name, description) for name, description in texts.COMMANDS]
    await telegram_call(
        lambda: application.bot.set_my_commands(commands),
        attempts=state.send_attempts,
        base_delay=state.retry_base_delay,
        sleep=state.sleep,
    )


async def retry_pending_job(context: ContextTypes.DEFAULT_TYPE) -> None:
    """JobQueue job: answer the messages kept while Rasa was down."""
    await replay_pending(context.bot, state_of(context))


def webhook_secret(token: str, key: str) -> str:
    """Telegram sends this back in a header, so only Telegram can post updates to us.
    Derived from existing secrets: no extra setting to manage."""
    return hmac.new(key.encode(), f"webhook:{token}".encode(), hashlib.sha256).hexdigest()[:48]


def serve(
    application: Application,
    webhook_url: str = "",
    *,
    secret: str | None = None,
    listen: str = "127.0.0.1",
    port: int = 8443,
    **run_options,
) -> None:
    """Run until stopped: a webhook when ``webhook_url`` is given, else long polling."""
    if webhook_url:
        application.run_webhook(
            listen=listen,
            port=port,
            url_path=urlparse(webhook_url).path.lstrip("/"),
            webhook_url=webhook_url,
            secret_token=secret,
            allowed_updates=ALLOWED_UPDATES,
            **run_options,
        )
    else:
        # Updates that arrived while the bot was down are handled, never dropped.
        application.run_polling(
            allowed_updates=ALLOWED_UPDATES, drop_pending_updates=False, **run_options
        )


def run(listen: str = "127.0.0.1", port: int = 8443) -> None:
    """Entry point for ``lemniscaat telegram``: polling, or a webhook when TELEGRAM_WEBHOOK_URL
    is set (a reverse proxy with TLS then forwards that URL to listen:port)."""
    config = settings()
    if not config.telegram_bot_token:
        raise SystemExit("TELEGRAM_BOT_TOKEN is not set; see docs/telegram.md")
    # LOG_FORMAT=json for JSON lines; httpx (request URLs hold the bot token) logs warnings only.
    configure_logging("telegram")
    application = build_application(config.telegram_bot_token, config.telegram_api_base_url)
    start_probe(application)
    serve(
        application,
        config.telegram_webhook_url,
        secret=config.telegram_webhook_secret,  # a key of its own (TELEGRAM_WEBHOOK_SECRET)
        listen=listen,
        port=port,
    )
