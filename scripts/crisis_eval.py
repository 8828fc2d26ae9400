"""Measure crisis detection on a labelled file (label<TAB>text, labels crisis/geen):
the lexicon alone, and the whole NLU pipeline of the trained model (lexicon + classifier).

    .venv/bin/python scripts/crisis_eval.py tests/nlp/crisis_heldout.tsv [-v]
"""
from __future__ import annotations

import asyncio
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bot.nlp.crisis import signals_crisis  # noqa: E402


def report(name, rows, predicted, verbose):
    positives = [p for (label, _), p in zip(rows, predicted) if label == "crisis"]
    negatives = [p for (label, _), p in zip(rows, predicted) if label != "crisis"]
    print(f"{name}: recall {sum(positives)}/{len(positives)} = {sum(positives) / len(positives):.2f}, "
          f"false alarms {sum(negatives)}/{len(negatives)} = {sum(negatives) / len(negatives):.2f}")
    if verbose:
        for (label, text), p in zip(rows, predicted):
            if p != (label == "crisis"):
                print(f"   {'missed' if p is False else 'false alarm'}: {text}")


async def pipeline_predictions(texts):
    from rasa.core.agent import load_agent

    agent = await load_agent(model_path=str(ROOT / "models" / "lemniscaat.tar.gz"))
    results = []
    for text in texts:
        parsed = await agent.parse_message(text)
        results.append(parsed["intent"]["name"] == "crisis")
    return results


def main() -> None:
    path = Path(sys.argv[1])
    verbose = "-v" in sys.argv
    rows = [tuple(line.rstrip("\n").split("\t", 1)) for line in path.read_text().splitlines() if line.strip()]
    report("lexicon", rows, [signals_crisis(text) for _, text in rows], verbose)
    report("pipeline", rows, asyncio.run(pipeline_predictions([text for _, text in rows])), verbose)


if __name__ == "__main__":
    main()
