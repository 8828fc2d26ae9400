"""Feedback for the trainee after a practice conversation: the turns classified and counted
(build.py), the ten rules (rules.py), the MITI benchmarks and one line said better
(benchmarks.py), the filled-in lines with a rewrite (filling.py), and the text for a chat
message (text.py)."""

from bot.practice.report.build import Report, build_report

__all__ = ["Report", "build_report"]
