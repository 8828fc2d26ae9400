"""The ``lemniscaat`` command: chat, export, coach, classify, telegram, web, db."""
from __future__ import annotations

import argparse
import getpass
import json
import sys
import uuid
from typing import List, Optional


def _chat(args: argparse.Namespace) -> int:
    from bot.channels.rasa_client import RasaUnavailable, send_to_rasa_sync

    sender = args.sender or f"cli-{uuid.uuid4().hex[:12]}"
    print(f"Je praat met Lemniscaat (sender {sender}). Stoppen: Ctrl-D of /exit.")
    while True:
        try:
            text = input("jij> ")
        except (EOFError, KeyboardInterrupt):
            print()
            return 0
        if text.strip() == "/exit":
            return 0
        try:
            answers = send_to_rasa_sync(sender, text)
        except RasaUnavailable as error:
            print(f"(de bot is nu niet bereikbaar: {error})", file=sys.stderr)
            continue
        for answer in answers:
            if answer.get("text"):
                print(f"bot> {answer['text']}")
            for button in answer.get("buttons") or []:
                print(f"     [{button.get('title')}] -> typ: {button.get('payload')}")


def _export(args: argparse.Namespace) -> int:
    from bot.storage import repository

    data = repository().export_student(args.sender)
    if data is None:
        print(f"Geen gegevens gevonden voor sender {args.sender!r}.", file=sys.stderr)
        return 1
    print(json.dumps(data, ensure_ascii=False, indent=2))
    return 0


def _coach(args: argparse.Namespace) -> int:
    from bot.web import create_invite, add_coach

    if args.coach_command == "add":
        if sys.stdin.isatty():
            password = getpass.getpass("Wachtwoord: ")
            if getpass.getpass("Nog een keer: ") != password:
                print("De wachtwoorden zijn niet gelijk.", file=sys.stderr)
                return 1
        else:
            password = sys.stdin.readline().rstrip("\n")
        try:
            coach_id = add_coach(args.email, password, is_admin=args.admin, is_trainer=args.trainer)
        except ValueError as error:
            print(str(error), file=sys.stderr)
            return 1
        print(f"Coach {args.email} aangemaakt (id {coach_id}).")
        return 0
    try:
        code = create_invite(args.email)
    except LookupError as error:
        print(str(error), file=sys.stderr)
        return 1
    print(code)
    return 0


def _classify(args: argparse.Namespace) -> int:
    from bot.practice.classifier import classify_stream

    classify_stream(sys.stdin, sys.stdout)
    return 0


def _telegram(args: argparse.Namespace) -> int:
    from bot.telegram.app import run

    run()
    return 0


def _web(args: argparse.Namespace) -> int:
    from bot.web import serve

    serve(args.host, args.port)
    return 0


def _db(args: argparse.Namespace) -> int:
    from bot.storage.migrate import upgrade

    upgrade()
    print("Database schema is up to date.")
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="lemniscaat", description="Lemniscaat: loopbaanreflectie met een chatbot.")
    commands = parser.add_subparsers(dest="command", required=True)

    chat = commands.add_parser("chat", help="talk to the bot in this terminal (Rasa must run)")
    chat.add_argument("--sender", help="sender id to use (default: a new random one)")
    chat.set_defaults(func=_chat)

    export = commands.add_parser("export", help="print a student's stored data as JSON")
    export.add_argument("--sender", required=True)
    export.set_defaults(func=_export)

    coach = commands.add_parser("coach", help="manage coach accounts")
    coach_commands = coach.add_subparsers(dest="coach_command", required=True)
    add = coach_commands.add_parser("add", help="create a coach; the password is read from a prompt or stdin")
    add.add_argument("email")
    add.add_argument("--admin", action="store_true")
    add.add_argument("--trainer", action="store_true", help="may see trainees' practice reports")
    invite = coach_commands.add_parser("invite", help="make an invite code for a coach's student")
    invite.add_argument("email")
    coach.set_defaults(func=_coach)

    classify = commands.add_parser("classify", help="label coach lines from stdin, one JSON object per line")
    classify.set_defaults(func=_classify)

    telegram = commands.add_parser("telegram", help="run the Telegram bot (TELEGRAM_BOT_TOKEN)")
    telegram.set_defaults(func=_telegram)

    web = commands.add_parser("web", help="serve the coach dashboard and the web chat")
    web.add_argument("--host")
    web.add_argument("--port", type=int)
    web.set_defaults(func=_web)

    db = commands.add_parser("db", help="bring the database schema up to date")
    db.set_defaults(func=_db)
    return parser


def main(argv: Optional[List[str]] = None) -> int:
    args = build_parser().parse_args(argv)
    return args.func(args)


if __name__ == "__main__":
    sys.exit(main())
