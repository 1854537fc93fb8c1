"""Measure merging against events-dev's merged.yaml, and names against the gold actors.

Used by tests/eval/test_merge_clusters.py (targets) and bench/eval_extraction.py
(figures). A gold member is found in the output by its verbatim sentence in a quote.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from generator.extraction.merge_index import dates_agree
from generator.core.model import Event


@dataclass
class MergeFigures:
    """How events-dev's same-happening groups came out.

    A group counts when at least two of its members, from two articles, are extracted
    (some event cites the member's sentence); a required member that is not extracted
    counts too, as a split, since the gold says it must be there. Optional members that
    are not extracted are left out, so a group that is only partly extracted is judged
    on the members that are: merged when one event cites them all. A counted group
    whose members extraction dates so that they cannot agree is reported apart
    (`dated_apart`): merging must keep such events apart, so that split is a dating
    error, not a merging one.
    """

    groups: int = 0
    merged: int = 0
    false_merges: int = 0
    split_groups: list[str] = field(default_factory=list)
    dated_apart: list[str] = field(default_factory=list)
    false_merge_titles: list[str] = field(default_factory=list)
    report: list[tuple[str, str]] = field(default_factory=list)  # (group title, outcome)


def _events_citing(events: list[Event], article: str, sentence: str) -> set[str]:
    return {e.id for e in events for s in e.sources
            if s.article == article and s.quote and sentence in s.quote}


def _judge(group: dict, events: list[Event]) -> str:
    """'merged', 'split', or why the group is not counted."""
    cited = [(m, _events_citing(events, m["article"], m["sentence"])) for m in group["members"]]
    judged = [(m, ids) for m, ids in cited if ids or not m.get("optional")]
    if len({m["article"] for m, _ in judged}) < 2:
        return "not counted: fewer than two articles' members extracted"
    if not all(ids for _, ids in judged):
        return "split: a required member is not extracted"
    if set.intersection(*(ids for _, ids in judged)):
        return "merged"
    by_id = {e.id: e for e in events}
    dated = [by_id[min(ids)] for _, ids in judged]
    if not all(dates_agree(a, b) for a in dated for b in dated):
        return "dated apart: " + " / ".join(sorted({_when(e) for e in dated}))
    return "split"


def _when(event: Event) -> str:
    return " ".join(filter(None, [event.qualifier, event.date.text]))


def merge_figures(events: list[Event], merged_yaml: Path, gold_dir: Path) -> MergeFigures:
    data = yaml.safe_load(merged_yaml.read_text(encoding="utf-8"))
    figures = MergeFigures()
    for cluster in data["clusters"]:
        happening_of: dict[tuple[str, str], str] = {}
        for group in cluster["groups"]:
            for member in group["members"]:
                happening_of[(member["article"], member["sentence"])] = group["title"]
            outcome = _judge(group, events)
            figures.report.append((group["title"], outcome))
            if outcome.startswith("not counted"):
                continue
            figures.groups += 1
            if outcome == "merged":
                figures.merged += 1
            elif outcome.startswith("dated apart"):
                figures.dated_apart.append(group["title"])
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
