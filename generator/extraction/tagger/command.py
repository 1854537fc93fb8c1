"""`timeline timex`: run the temporal tagger from the command line.

Two modes:
  timeline timex --dct 2019-07-22 FILE...   a readable table per file ("-" is stdin)
  timeline timex --jsonl < docs.jsonl       the evaluation contract: one JSON object per
                                            input line {"id", "dct", "text"} -> one line
                                            {"id", "timexes": [{start, end, type, value,
                                            mod?}]}

A bad input line (not JSON, no text, a malformed dct) gets an error on stderr naming
its line number and no output line, since an empty result would read as "no time
expressions"; the other documents are still tagged and the exit code is 1. A missing
or null dct is allowed: relative expressions then keep TIMEX3 placeholders. Blank
lines are skipped.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import IO, Any, Optional

import click

from . import get_tagger, parse_dct
from .timex import Timex


def _dct_option(ctx: click.Context, param: click.Parameter, value: Optional[str]):
    try:
        return parse_dct(value)
    except ValueError as exc:
        raise click.BadParameter(str(exc)) from None


@click.command()
@click.argument("files", nargs=-1, type=click.Path(dir_okay=False, allow_dash=True,
                                                   path_type=Path))
@click.option("--jsonl", is_flag=True,
              help="Read JSON Lines {id, dct, text} on stdin; write {id, timexes} lines.")
@click.option("--dct", callback=_dct_option, metavar="YYYY-MM-DD",
              help="Publication date of FILES (without it relative dates stay unresolved).")
@click.option("--lang", default="en", show_default=True, help="Language of the rules.")
@click.option("--full", is_flag=True,
              help="Also write each expression's text, rule, anchor and relative flag.")
@click.pass_context
def timex(ctx: click.Context, files: tuple[Path, ...], jsonl: bool, dct, lang: str,
          full: bool) -> None:
    """Find and normalise time expressions (TIMEX3) in news text."""
    tagger = get_tagger(lang)
    if jsonl:
        if files or dct:
            raise click.UsageError("--jsonl reads documents (with their dct) from stdin; "
                                   "give no FILES and no --dct")
        failed = run_jsonl(tagger, sys.stdin.buffer, sys.stdout, full)
        if failed:
            click.echo(f"timex: {failed} input line(s) failed", err=True)
            ctx.exit(1)
        return
    if not files:
        raise click.UsageError("give FILES to tag (or - for stdin), or use --jsonl")
    for path in files:
        text = sys.stdin.read() if str(path) == "-" else _read(path)
        if len(files) > 1:
            click.echo(f"== {path}")
        click.echo(format_table(tagger.tag(text, dct)))


def _read(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise click.FileError(str(path), hint=str(exc)) from None


def run_jsonl(tagger, stream: IO[bytes], out: IO[str], full: bool = False) -> int:
    """Tag every document line of `stream` into `out`; returns the number of bad lines."""
    failed = 0
    for number, raw in enumerate(stream, 1):
        if not raw.strip():
            continue
        try:
            doc_id, dct, text = parse_line(raw)
        except ValueError as exc:
            click.echo(f"line {number}: error: {exc}", err=True)
            failed += 1
            continue
        try:
            timexes = tagger.tag(text, dct)
        except Exception as exc:  # noqa: BLE001 - one document's bug must not stop the run
            click.echo(f"line {number}: internal error (a bug in the tagger, please report "
                       f"it): {type(exc).__name__}: {exc}", err=True)
            failed += 1
            continue
        items = [t.to_json(full) for t in timexes]
        out.write(json.dumps({"id": doc_id, "timexes": items}, ensure_ascii=False) + "\n")
    out.flush()
    return failed


def parse_line(raw: bytes) -> tuple[Any, Any, str]:
    """(id, dct, text) of one input line; ValueError says what is wrong with it."""
    try:
        obj = json.loads(raw.decode("utf-8"))
    except UnicodeDecodeError as exc:
        raise ValueError(f"not UTF-8 ({exc.reason} at byte {exc.start})") from None
    except json.JSONDecodeError as exc:
        raise ValueError(f"not valid JSON ({exc.msg}, column {exc.colno})") from None
    if not isinstance(obj, dict):
        raise ValueError("expected a JSON object {\"id\", \"dct\", \"text\"}")
    if not isinstance(obj.get("text"), str):
        raise ValueError("'text' is missing or not a string")
    if not isinstance(obj.get("id"), (str, int)):
        raise ValueError("'id' is missing or not a string")
    return obj["id"], parse_dct(obj.get("dct")), obj["text"]


def format_table(timexes: list[Timex]) -> str:
    """A readable table: offsets, type, value, mod, text and the rule that fired."""
    if not timexes:
        return "(no time expressions)"
    rows = [("span", "type", "value", "mod", "text", "rule")]
    rows += [(f"{t.start}-{t.end}", t.type, t.timeml, t.mod or "", " ".join(t.text.split()),
              t.rule) for t in timexes]
    widths = [max(len(r[i]) for r in rows) for i in range(5)]
    return "\n".join("  ".join(c.ljust(w) for c, w in zip(r, widths)) + "  " + r[5]
                     for r in rows)
