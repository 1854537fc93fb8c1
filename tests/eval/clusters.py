"""Measure merging against events-dev's merged.yaml, and names against the gold actors.

Used by tests/eval/test_merge_clusters.py (targets) and bench/eval_extraction.py
(figures). A gold member is found in the output by its verbatim sentence in a quote.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from generator.model import Event


@dataclass
class MergeFigures:
    groups: int = 0
    merged: int = 0
    false_merges: int = 0
    split_groups: list[str] = field(default_factory=list)
    false_merge_titles: list[str] = field(default_factory=list)


def _events_citing(events: list[Event], article: str, sentence: str) -> set[str]:
    return {e.id for e in events for s in e.sources
            if s.article == article and s.quote and sentence in s.quote}


def merge_figures(events: list[Event], merged_yaml: Path, gold_dir: Path) -> MergeFigures:
    data = yaml.safe_load(merged_yaml.read_text(encoding="utf-8"))
    figures = MergeFigures()
    for cluster in data["clusters"]:
        happening_of: dict[tuple[str, str], str] = {}
        for group in cluster["groups"]:
            required = [m for m in group["members"] if not m.get("optional")]
            for member in group["members"]:
                happening_of[(member["article"], member["sentence"])] = group["title"]
            if len({m["article"] for m in required}) < 2:
                continue
            figures.groups += 1
            ids = [_events_citing(events, m["article"], m["sentence"]) for m in required]
            if all(ids) and set.intersection(*ids):
                figures.merged += 1
            else:
                figures.split_groups.append(group["title"])
        for article in cluster["articles"]:
            gold = yaml.safe_load((gold_dir / f"{article}.yaml").read_text(encoding="utf-8"))
            for entry in gold["events"]:
                happening_of.setdefault((article, entry["sentence"]),
                                        f"{article}:{entry['sentence'][:40]}")
        for event in events:
            happenings = {happening_of[(s.article, sentence)]
                          for s in event.sources for (art, sentence) in happening_of
                          if s.article == art and s.quote and sentence == s.quote}
            if len(happenings) > 1:
                figures.false_merges += 1
                figures.false_merge_titles.append(event.title)
    return figures


def _norm(name: str) -> str:
    return re.sub(r"[^a-z0-9 ]", "", name.lower()).strip()


def actor_figures(events: list[Event], gold_files: list[Path]) -> tuple[float, float, int]:
    """(precision, recall, gold actors) of event actors against gold actors, on events
    matched to a gold entry by sentence; a name matches when one contains the other."""
    tp = fp = fn = 0
    for path in gold_files:
        gold = yaml.safe_load(path.read_text(encoding="utf-8"))
        article = gold["article"]
        for entry in gold["events"]:
            sentences = [entry["sentence"], *entry.get("alt_sentences", [])]
            found = [e for e in events for s in e.sources
                     if s.article == article and s.quote in sentences]
            if not found:
                continue
            system = {_norm(a) for a in found[0].actors}
            wanted = {_norm(a) for a in entry.get("actors", [])}
            hit = {w for w in wanted if any(w in s or s in w for s in system)}
            tp += len(hit)
            fn += len(wanted - hit)
            fp += len([s for s in system if not any(w in s or s in w for w in wanted)])
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    return precision, recall, tp + fn
