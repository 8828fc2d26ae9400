"""The coach dashboard and the student web chat (Flask).

Entry points for the CLI: ``serve(host, port)``, ``add_coach(...)``, ``create_invite(email)``.
"""

from bot.web.accounts import add_coach, create_invite
from bot.web.app import create_app, serve

__all__ = ["create_app", "serve", "add_coach", "create_invite"]
