"""The ``lemniscaat`` command: chat, export, erase, coach, classify, telegram, web, db, crisis-review."""

from __future__ import annotations

import argparse
import getpass
import json
import sys
import uuid


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
    print(json.dumps(data, ensure_ascii=False, indent=2, default=str))
    return 0


def _erase(args: argparse.Namespace) -> int:
    """The operator erases a student (retention period, or a request by e-mail)."""
    from bot.storage import repository

    if not args.yes:
        print(
            f"Alles van {args.sender!r} wordt gewist. Herhaal met --yes om door te gaan.",
            file=sys.stderr,
        )
        return 1
    if not repository().erase_student(args.sender):
        print(f"Geen gegevens gevonden voor sender {args.sender!r}.", file=sys.stderr)
        return 1
    print(f"Alle gegevens van {args.sender} zijn gewist.")
    return 0


def _coach(args: argparse.Namespace) -> int:
    from bot.web import add_coach, create_invite

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


def _oefen(args: argparse.Namespace) -> int:
    from bot.practice.terminal import run

    return run(args.persona, sys.stdin, sys.stdout, sys.stderr, as_json=args.json, seed=args.seed)


def _telegram(args: argparse.Namespace) -> int:
    from bot.telegram.app import run

    run()
    return 0


def _web(args: argparse.Namespace) -> int:
    from bot.web import serve

    serve(args.host, args.port)
    return 0


def _one_line(value) -> str:
    return " ".join(str(value or "").split())


def crisis_review_lines(review) -> list[str]:
    """The review as lines a maintainer can check and add to the crisis data
    (``label<TAB>kind<TAB>text``, like tests/nlp/crisis_blind_3.tsv; label crisis or geen), each
    after a comment with the coach's verdict and note."""
    lines = [
        "# lemniscaat crisis-review: label<TAB>kind<TAB>text; the coach's verdict and note above each line.",
        "# Holds students' own words: review, keep out of version control until anonymised, then delete.",
    ]
    for item in review:
        flagged = item["flagged_at"].strftime("%Y-%m-%d") if item.get("flagged_at") else "?"
        note = _one_line(item.get("note"))
        lines.append(
            f"# gesprek {item['conversation_id']}, {flagged}, {item['verdict']}"
            + (f": {note}" if note else "")
        )
        text = _one_line(item.get("text"))
        if text:
            lines.append(f"{item['label']}\t{item.get('kind') or 'onbekend'}\t{text}")
        else:
            lines.append("# (the message is not in the tracker store any more)")
    return lines


def _crisis_review(args: argparse.Namespace) -> int:
    """Coaches' verdicts on safety flags. Without --export only counts (no text); with --export
    the flagged messages themselves, labelled: the one way message text leaves the database."""
    from collections import Counter

    from bot.storage import repository

    if not args.export:
        review = repository().crisis_review(with_text=False)
        counts = Counter((item["verdict"], item.get("kind") or "onbekend") for item in review)
        print(f"{len(review)} signalen met een oordeel van de coach.")
        for (verdict, kind), n in sorted(counts.items()):
            print(f"  {verdict:<10} {kind:<10} {n}")
        print("Met --export [--output BESTAND] komen de berichten zelf mee, gelabeld.")
        return 0
    lines = crisis_review_lines(repository().crisis_review(with_text=True))
    if args.output:
        import os

        descriptor = os.open(args.output, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(descriptor, "w", encoding="utf-8") as handle:
            handle.write("\n".join(lines) + "\n")
        print(
            f"{len(lines) - 2} regels geschreven naar {args.output} (alleen leesbaar voor jou).",
            file=sys.stderr,
        )
    else:
        print("\n".join(lines))
    return 0


def _db(args: argparse.Namespace) -> int:
    from bot.storage.migrate import upgrade

    upgrade()
    print("Database schema is up to date.")
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="lemniscaat", description="Lemniscaat: loopbaanreflectie met een chatbot."
    )
    commands = parser.add_subparsers(dest="command", required=True)

    chat = commands.add_parser("chat", help="talk to the bot in this terminal (Rasa must run)")
    chat.add_argument("--sender", help="sender id to use (default: a new random one)")
    chat.set_defaults(func=_chat)

    export = commands.add_parser("export", help="print a student's stored data as JSON")
    export.add_argument("--sender", required=True)
    export.set_defaults(func=_export)

    erase = commands.add_parser("erase", help="erase everything of one student (asks for --yes)")
    erase.add_argument("--sender", required=True)
    erase.add_argument("--yes", action="store_true", help="really erase")
    erase.set_defaults(func=_erase)

    coach = commands.add_parser("coach", help="manage coach accounts")
    coach_commands = coach.add_subparsers(dest="coach_command", required=True)
    add = coach_commands.add_parser(
        "add", help="create a coach; the password is read from a prompt or stdin"
    )
    add.add_argument("email")
    add.add_argument("--admin", action="store_true")
    add.add_argument("--trainer", action="store_true", help="may see trainees' practice reports")
    invite = coach_commands.add_parser("invite", help="make an invite code for a coach's student")
    invite.add_argument("email")
    coach.set_defaults(func=_coach)

    classify = commands.add_parser(
        "classify", help="label coach lines from stdin, one JSON object per line"
    )
    classify.set_defaults(func=_classify)

    oefen = commands.add_parser(
        "oefen", help="practise a conversation with a simulated student in this terminal"
    )
    oefen.add_argument(
        "--persona", required=True, help="noor, mehmet, lieke, kevin, yusuf, sanne or daan"
    )
    oefen.add_argument(
        "--json", action="store_true", help="JSON lines: each reply, then the report"
    )
    oefen.add_argument(
        "--seed", type=int, default=0, help="another seed, another variant of the story"
    )
    oefen.set_defaults(func=_oefen)

    telegram = commands.add_parser("telegram", help="run the Telegram bot (TELEGRAM_BOT_TOKEN)")
    telegram.set_defaults(func=_telegram)

    web = commands.add_parser("web", help="serve the coach dashboard and the web chat")
    web.add_argument("--host")
    web.add_argument("--port", type=int)
    web.set_defaults(func=_web)

    db = commands.add_parser("db", help="bring the database schema up to date")
    db.set_defaults(func=_db)

    review = commands.add_parser(
        "crisis-review", help="coaches' verdicts on safety flags; --export writes labelled lines"
    )
    review.add_argument(
        "--export", action="store_true", help="include the flagged messages, labelled (sensitive)"
    )
    review.add_argument(
        "--output", help="write the export to this file (mode 0600) instead of stdout"
    )
    review.set_defaults(func=_crisis_review)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    from bot.ops.logs import configure_logging

    # LOG_FORMAT=json: JSON lines on stderr for every command. The services log from INFO,
    # the other commands only warnings unless LOG_LEVEL says otherwise.
    service = args.command in ("web", "telegram")
    configure_logging(
        args.command if service else "cli", default_level="INFO" if service else "WARNING"
    )
    return args.func(args)


if __name__ == "__main__":
    sys.exit(main())
