"""The `timeline` command: thin click commands over the library.

Exit codes: 0 success, 1 failure (bad records, a busy store, an invalid config), 2 bad
usage. Problems print as `file:line: severity: message` so editors can jump to them.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Optional

import click

from .config import Settings, load_settings
from .core.dates import QUALIFIERS, DateError, DateValue, parse_date
from .core.diagnostics import count
from .core.errors import GeneratorError
from .core.fsutil import atomic_write
from .core.model import Event, Source
from .core.version import __version__
from .exporters import FORMAT_NAMES as EXPORT_FORMATS
from .extraction.tagger.command import timex
from .importers import FORMAT_NAMES as IMPORT_FORMATS
from .importers import read_import
from .importers.writer import write_imported
from .ranking.importance import importance, key_events
from .site.exports import run_exports
from .site.output import site_output, write_changed
from .store.folder import load_store
from .store.ids import new_event_id
from .store.schema import KINDS, json_schema
from .store.writer import StoreWriter


class DateParam(click.ParamType):
    """A command-line date in any form the event record accepts."""

    name = "DATE"

    def convert(self, value, param, ctx):  # noqa: ANN001 - click's signature
        if isinstance(value, DateValue):
            return value
        try:
            return parse_date(value)
        except DateError as exc:
            self.fail(str(exc), param, ctx)


DATE = DateParam()


def _settings(ctx: click.Context, required: bool = True) -> Settings:
    """The site's settings; `required=False` when the command line gives every input the
    command would otherwise take from the config, so it runs without one."""
    obj = ctx.find_root().obj
    if "settings" not in obj:
        settings, warnings = load_settings(obj.get("config_file"), required=required)
        for warning in warnings:
            click.echo(f"warning: {warning}", err=True)
        obj["settings"] = settings
    return obj["settings"]


class UserError(click.ClickException):
    """A `GeneratorError` on its way out: one line, exit code 1, no traceback."""

    def show(self, file=None) -> None:  # noqa: ANN001 - click's signature
        click.echo(f"timeline: error: {self.format_message()}", err=True, file=file)


class TimelineGroup(click.Group):
    """Turns the library's own errors into clean command-line errors."""

    def invoke(self, ctx: click.Context):  # noqa: ANN201
        try:
            return super().invoke(ctx)
        except GeneratorError as exc:
            raise UserError(str(exc)) from exc


@click.group(cls=TimelineGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="timeline")
@click.option("-f", "--config-file", type=click.Path(dir_okay=False, path_type=Path),
              help="Config file holding the `timeline` plugin options (default: the first "
                   "of properdocs.yml, properdocs.yaml, mkdocs.yml, mkdocs.yaml here).")
@click.pass_context
def cli(ctx: click.Context, config_file: Optional[Path]) -> None:
    """Turn news articles into a timeline website.

    Event records live in the events folder (content/events by default), one Markdown
    file with YAML front matter per event; edit them by hand, then build the site.
    Settings come from the site's config file (mkdocs.yml or properdocs.yml).
    """
    ctx.obj = {"config_file": config_file}


@cli.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@click.option("--strict", is_flag=True, help="Fail on warnings too.")
@click.pass_context
def check(ctx: click.Context, paths: tuple[Path, ...], strict: bool) -> None:
    """Validate event records (default: the whole events folder).

    Prints every problem as FILE:LINE: SEVERITY: MESSAGE and exits 1 when there are
    errors (or warnings, with --strict).
    """
    settings = _settings(ctx, required=not paths)
    store = load_store(settings.events_dir, list(paths) or None, settings.max_event_file_bytes)
    for problem in store.problems:
        click.echo(problem.format())
    errors, warnings = count(store.problems)
    click.echo(f"{store.files} file(s), {len(store.events)} valid event(s): "
               f"{errors} error(s), {warnings} warning(s)", err=True)
    if errors or (strict and warnings):
        ctx.exit(1)


@cli.command("list")
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@click.option("--from", "start", type=DATE, help="Only events that reach this date or later.")
@click.option("--to", "stop", type=DATE, help="Only events that begin by this date.")
@click.option("--tag", "tags", multiple=True, help="Only events with this tag (repeatable).")
@click.option("--actor", "actors", multiple=True, help="Only events with this actor.")
@click.option("--place", "places", multiple=True, help="Only events at this place.")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text",
              show_default=True)
@click.option("--key", "key_count", type=click.IntRange(min=0), is_flag=False, flag_value=0,
              default=None, metavar="[N]",
              help="Only the key events: those marked `key: true`, then the most important "
                   "(one per day first), N in all (without N: scaled to the store).")
@click.pass_context
def list_events(ctx: click.Context, paths: tuple[Path, ...], start: Optional[DateValue],
                stop: Optional[DateValue], tags: tuple[str, ...], actors: tuple[str, ...],
                places: tuple[str, ...], fmt: str, key_count: Optional[int]) -> None:
    """List events in timeline order, optionally filtered, with their importance."""
    settings = _settings(ctx, required=not paths)
    store = load_store(settings.events_dir, list(paths) or None, settings.max_event_file_bytes)
    scores = importance(store.events)  # from the whole store, before any filter
    events = [e for e in store.events
              if _in_range(e, start, stop) and _has_all(e.tags, tags)
              and _has_all(e.actors, actors) and _has_all(e.places, places)]
    if key_count is not None:
        chosen = {r.event.id for r in key_events(events, key_count or None, scores)}
        events = [e for e in events if e.id in chosen]
    if fmt == "json":
        click.echo(json.dumps([_summary(e, scores[e.id]) for e in events], ensure_ascii=False,
                              indent=1))
    else:
        width = max((len(e.when) for e in events), default=0)
        for event in events:
            click.echo(f"{event.when:<{width}}  {event.title}  [{event.id}]")
    errors, _ = count(store.problems)
    if errors:
        click.echo(f"note: {errors} error(s) in the store hid some events; run `timeline check`",
                   err=True)


def _in_range(event: Event, start: Optional[DateValue], stop: Optional[DateValue]) -> bool:
    last = max(event.date.stop, event.end.stop if event.end else event.date.stop)
    return (start is None or last > start.start) and (stop is None or event.date.start < stop.stop)


def _has_all(values: list[str], wanted: tuple[str, ...]) -> bool:
    have = {v.casefold() for v in values}
    return all(w.casefold() in have for w in wanted)


def _summary(event: Event, importance: float) -> dict:
    return {"id": event.id, "date": str(event.date), "end": str(event.end) if event.end else None,
            "qualifier": event.qualifier, "when": event.when, "title": event.title,
            "kind": event.kind, "actors": event.actors, "places": event.places,
            "tags": event.tags, "sources": len(event.sources), "importance": importance,
            "file": str(event.path) if event.path else None}


@cli.command()
@click.option("--date", required=True, type=DATE, help="When it happened (e.g. 2019-07-21).")
@click.option("--title", required=True, help="Short headline-style title.")
@click.option("--end", type=DATE, help="Last date, for a range.")
@click.option("--qualifier", type=click.Choice(QUALIFIERS), help="How the date is meant.")
@click.option("--summary", help="One or two sentences for the timeline card.")
@click.option("--kind", type=click.Choice(KINDS), default="past", show_default=True)
@click.option("--actor", "actors", multiple=True, help="Person or organisation (repeatable).")
@click.option("--place", "places", multiple=True, help="Place (repeatable).")
@click.option("--tag", "tags", multiple=True, help="Topic keyword (repeatable).")
@click.option("--source-url", help="Link to a report of the event.")
@click.option("--source-title", help="Headline of that report.")
@click.option("--source-publisher", help="Who published that report.")
@click.option("--quote", help="Sentence of the report that states the event.")
@click.option("--notes", default="", help="Markdown notes for the body of the file.")
@click.option("--id", "event_id", help="Id (default: date and title words).")
@click.pass_context
def new(ctx: click.Context, date: DateValue, title: str, end: Optional[DateValue],
        qualifier: Optional[str], summary: Optional[str], kind: str, actors: tuple[str, ...],
        places: tuple[str, ...], tags: tuple[str, ...], source_url: Optional[str],
        source_title: Optional[str], source_publisher: Optional[str], quote: Optional[str],
        notes: str, event_id: Optional[str]) -> None:
    """Create a hand-written event file; the generator never changes it afterwards."""
    settings = _settings(ctx)
    root = settings.events_dir
    sources = [Source(url=source_url, title=source_title, publisher=source_publisher,
                      quote=quote)] if source_url else []
    if not source_url and (source_title or source_publisher or quote):
        raise click.UsageError("--source-title, --source-publisher and --quote describe a "
                               "source: give its --source-url too")
    with StoreWriter(root) as store:
        event_id = event_id or new_event_id(date, title, store.events)
        path = store.add_hand_written(
            Event(id=event_id, date=date, title=title, end=end, qualifier=qualifier,
                  summary=summary, kind=kind, actors=list(actors), places=list(places),
                  tags=list(tags), sources=sources, body=notes))
    click.echo(str(path))


@cli.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@click.option("--events", "events_dir", type=click.Path(file_okay=False, path_type=Path),
              help="Event store to write (default: events_dir from the config).")
@click.option("--dry-run", is_flag=True, help="Extract and report, but write nothing.")
@click.option("--strict", is_flag=True, help="Fail on warnings too.")
@click.option("-q", "--quiet", is_flag=True, help="Print only problems and the summary.")
@click.option("-j", "--jobs", type=click.IntRange(min=0), default=1, show_default=True,
              help="Processes extracting at once; 0 means one per CPU.")
@click.option("--dask", "dask_address", metavar="ADDRESS",
              help="Extract on a Dask cluster, e.g. tcp://scheduler:8786 (needs the "
                   "`dask` extra installed here and on the workers).")
@click.pass_context
def extract(ctx: click.Context, paths: tuple[Path, ...], events_dir: Optional[Path],
            dry_run: bool, strict: bool, quiet: bool, jobs: int,
            dask_address: Optional[str]) -> None:
    """Extract dated events from articles into the event store.

    PATHS are article files or folders (.txt, .md, .html, .jsonl, .csv); by default the
    `articles` folders from the config. Files you edited, events you deleted and events
    you wrote by hand are left as they are. Exits 1 if an article could not be read.
    """
    from .extraction.run import run_extraction

    settings = _settings(ctx, required=not (paths and events_dir))
    targets = list(paths) or [p for p in settings.articles if p.exists()]
    root = events_dir.resolve() if events_dir else settings.events_dir
    if jobs == 0:
        from .extraction.parallel import default_jobs
        jobs = default_jobs()
    report = run_extraction(targets, root, settings.max_event_file_bytes,
                            progress=None if quiet else _progress, dry_run=dry_run,
                            jobs=jobs, dask=dask_address)
    for problem in report.problems + report.sync.problems:
        click.echo(problem.format(), err=True)
    _print_extraction_summary(report, dry_run, quiet)
    errors, warnings = count(report.problems + report.sync.problems)
    if errors or (strict and warnings):
        ctx.exit(1)


def _progress(articles):  # noqa: ANN001, ANN202 - an iterable in, the same iterable out
    """A progress bar on a terminal; silent when output goes to a file or a pipe."""
    articles = list(articles)
    if not sys.stderr.isatty() or len(articles) < 2:
        yield from articles
        return
    with click.progressbar(articles, label="Extracting", file=sys.stderr,
                           item_show_func=lambda a: a.id if a else "") as bar:
        yield from bar


def _print_extraction_summary(report, dry_run: bool, quiet: bool) -> None:  # noqa: ANN001
    sync = report.sync
    if not quiet and not dry_run:
        for label, ids in (("kept (edited by hand)", sync.kept_edited),
                           ("kept (written by hand)", sync.kept_hand_written),
                           ("not re-created (deleted by hand)", sync.skipped_rejected)):
            if ids:
                click.echo(f"{label}: {', '.join(ids[:10])}"
                           + (f" and {len(ids) - 10} more" if len(ids) > 10 else ""), err=True)
    errors, warnings = count(report.problems + sync.problems)
    written = "would write" if dry_run else "events"
    click.echo(f"{report.articles} article(s) read, {report.candidates} dated sentence(s) "
               f"-> {len(report.events)} event(s); {written}: {len(sync.created)} new, "
               f"{len(sync.updated)} updated, {len(sync.unchanged)} unchanged, "
               f"{len(sync.kept_edited) + len(sync.kept_hand_written)} kept as edited; "
               f"{errors} error(s), {warnings} warning(s)", err=True)


@cli.command()
@click.option("--out", "out", required=True,
              type=click.Path(file_okay=False, path_type=Path),
              help="Folder to write the Markdown tree into (created if needed).")
@click.option("--strict", is_flag=True,
              help="Exit 1 when the store has any problem (as `mkdocs build --strict`).")
@click.pass_context
def render(ctx: click.Context, out: Path, strict: bool) -> None:
    """Write the generated pages as Markdown files, as the site build adds them.

    For inspecting the pages, diffing them between versions, or feeding another static
    site engine (`timeline build --engine zensical` does that for Zensical). Only files
    whose bytes changed are rewritten, so a watching server rebuilds just those;
    nothing else in the folder is touched. Bad event files are reported and skipped, as in a build.
    """
    settings = _settings(ctx)
    store = load_store(settings.events_dir, max_bytes=settings.max_event_file_bytes)
    for problem in store.problems:
        click.echo(problem.format(), err=True)
    output = site_output(settings, store.events)
    report = write_changed(out, {**output.files, **output.assets})
    click.echo(f"{len(output.files) + len(output.assets)} file(s) from {len(store.events)} "
               f"event(s) in {out}: {len(report.written)} written, {report.unchanged} "
               "unchanged", err=True)
    if strict and store.problems:
        ctx.exit(1)


ENGINES = ("mkdocs", "zensical")


@cli.command("build")
@click.option("--engine", type=click.Choice(ENGINES), default="mkdocs", show_default=True,
              help="mkdocs runs `mkdocs build` with the plugin; zensical renders the pages "
                   "and builds them with Zensical (which cannot run plugins).")
@click.option("-d", "--site-dir", type=click.Path(file_okay=False, path_type=Path),
              help="Folder to write the site into (default: site_dir from mkdocs.yml).")
@click.option("--work-dir", type=click.Path(file_okay=False, path_type=Path),
              help="zensical: folder for the rendered pages and zensical.toml "
                   "(default: .cache/timeline/zensical beside mkdocs.yml).")
@click.option("--watch", is_flag=True,
              help="zensical: render into the work folder, then render again on every edit "
                   "of the events, templates or pages, for `zensical serve` (no build).")
@click.option("--strict", is_flag=True, help="Fail on warnings too.")
@click.pass_context
def build_site(ctx: click.Context, engine: str, site_dir: Optional[Path],
               work_dir: Optional[Path], watch: bool, strict: bool) -> None:
    """Build the site with mkdocs (the default) or with Zensical.

    Zensical skips plugins it does not know, so `zensical build` on mkdocs.yml makes a
    site without the events. With --engine zensical this command renders the pages and a
    zensical.toml into a work folder, runs `zensical build`, and adds what the plugin
    adds after a build: the Explore index and the feed links in every page's head.
    """
    settings = _settings(ctx)
    if engine == "mkdocs":
        if watch:
            raise click.UsageError("--watch is for --engine zensical; with mkdocs, run "
                                   "`mkdocs serve`")
        ctx.exit(_build_with_mkdocs(settings, site_dir, strict))
    _build_with_zensical(ctx, settings, site_dir, work_dir, watch, strict)


def _build_with_mkdocs(settings: Settings, site_dir: Optional[Path], strict: bool) -> int:
    """`mkdocs build` on the same config, for one command whichever the engine."""
    import subprocess

    if settings.config_file is None:
        raise UserError("mkdocs needs its config: no mkdocs.yml here (or give -f)")
    command = [sys.executable, "-m", "mkdocs", "build", "-f", str(settings.config_file)]
    command += (["-d", str(site_dir.resolve())] if site_dir else []) + \
        (["--strict"] if strict else [])
    return subprocess.run(command).returncode


def _build_with_zensical(ctx: click.Context, settings: Settings, site_dir: Optional[Path],
                         work_dir: Optional[Path], watch: bool, strict: bool) -> None:
    from .site import zensical

    work = zensical.default_work_folder(settings, work_dir)
    if watch:
        _watch_for_zensical(settings, work)
        return
    raw = zensical.engine_config(settings)
    target = site_dir.resolve() if site_dir else \
        zensical.project_folder(settings, raw, "site_dir", "site")
    prepared = zensical.build(settings, work, target, strict)
    if prepared.engine_output:
        click.echo(prepared.engine_output, err=True)
    for problem in prepared.store.problems:
        click.echo(problem.format(), err=True)
    click.echo(f"{len(prepared.pages)} page(s) from {len(prepared.store.events)} event(s) "
               f"built with Zensical into {target}", err=True)
    if strict and prepared.store.problems:
        ctx.exit(1)


def _watch_for_zensical(settings: Settings, work) -> None:  # noqa: ANN001
    """Render now and after every edit, until interrupted; `zensical serve` rebuilds."""
    from .site import zensical
    from .site.watch import watch

    def render_once() -> None:
        raw = zensical.engine_config(settings)
        prepared = zensical.render_for_serve(settings, raw, work)
        for problem in prepared.store.problems:
            click.echo(problem.format(), err=True)
        click.echo(f"rendered {len(prepared.store.events)} event(s): "
                   f"{len(prepared.report.written)} file(s) written, "
                   f"{len(prepared.removed)} removed", err=True)

    raw = zensical.engine_config(settings)
    watched = [p for p in (settings.events_dir, settings.templates_dir, settings.overrides_dir,
                           zensical.project_folder(settings, raw, "docs_dir", "docs"),
                           settings.config_file) if p is not None]
    watch(watched, render_once, lambda: click.echo(
        f"watching for edits; serve the site with: zensical serve -f {work.config}", err=True))


@cli.command()
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path),
              help="Write to this file instead of standard output.")
def schema(output: Optional[Path]) -> None:
    """Print the JSON Schema of event records (for editor validation)."""
    text = json.dumps(json_schema(), indent=2, ensure_ascii=False) + "\n"
    if output:
        atomic_write(output, text)
    else:
        click.echo(text, nl=False)


@cli.command("export")
@click.option("--format", "fmt", required=True, type=click.Choice(EXPORT_FORMATS),
              help="timelinejs (timeline.json), ics, csv, atom (feed.xml), atom-updates "
                   "(updates.xml), jsonfeed (feed.json) or json (events.json).")
@click.option("-o", "--output", type=click.Path(dir_okay=False, allow_dash=True,
                                                path_type=Path),
              help="File to write (default: standard output).")
@click.option("--strict", is_flag=True, help="Exit 1 when the store has any problem.")
@click.pass_context
def export(ctx: click.Context, fmt: str, output: Optional[Path], strict: bool) -> None:
    """Export the event store in another format, as the site build does.

    Bad event files are reported and left out, as in a build. The last line says how
    many events were exported and which were skipped (calendars and TimelineJS cannot
    place an unknown year; calendars cannot hold BCE dates).
    """
    settings = _settings(ctx)
    store = load_store(settings.events_dir, max_bytes=settings.max_event_file_bytes)
    for problem in store.problems:
        click.echo(problem.format(), err=True)
    result = run_exports(settings, store.events, [fmt])[fmt]
    if output is None or str(output) == "-":
        click.echo(result.text, nl=False)
    else:
        atomic_write(output, result.text)
    target = "" if output is None or str(output) == "-" else f" -> {output}"
    click.echo(f"{fmt}: {result.summary()}{target}", err=True)
    if strict and store.problems:
        ctx.exit(1)


@cli.command("import")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--format", "fmt", type=click.Choice(IMPORT_FORMATS),
              help="timelinejs (TimelineJS JSON), sheets (the TimelineJS Google Sheets "
                   "template as CSV), csv or json (our exports); default: found from the "
                   "file.")
@click.option("--dry-run", is_flag=True, help="Read and check, report, write nothing.")
@click.pass_context
def import_events(ctx: click.Context, file: Path, fmt: Optional[str], dry_run: bool) -> None:
    """Import events from a TimelineJS file, a TimelineJS sheet or our CSV/JSON.

    Each event becomes a hand-written file in the events folder (extraction never
    touches it) and its path is printed. Rows with errors are reported as
    FILE:ROW: error: ... and skipped; the other rows are imported, and the exit code
    is 1. Existing files are never overwritten: a taken id gets -2, -3, and an event
    identical to the stored one is left as it is.
    """
    settings = _settings(ctx)
    batch = read_import(file, fmt)
    report = write_imported(settings.events_dir, batch, dry_run,
                            settings.max_event_file_bytes)
    for problem in sorted(report.problems, key=lambda p: p.line or 0):
        click.echo(problem.format(), err=True)
    for item in report.written:
        renamed = f" (id {item.renamed_from} was taken)" if item.renamed_from else ""
        click.echo(f"{item.path}{renamed}")
    _print_import_summary(batch, report, dry_run)
    if report.failed:
        ctx.exit(1)


def _print_import_summary(batch, report, dry_run: bool) -> None:  # noqa: ANN001
    rows = len(batch.records) + sum(1 for p in batch.problems if p.is_error)
    written = "would write" if dry_run else "written"
    text = (f"{rows} event(s) read as {batch.format}: {len(report.written)} {written}, "
            f"{len(report.unchanged)} already in the store, {report.failed} with errors")
    if batch.left_out:
        text += f"; left out: {', '.join(batch.left_out)}"
    click.echo(text, err=True)


cli.add_command(timex)


def main(argv: Optional[list[str]] = None) -> None:
    """Console-script entry point: every error becomes one clear line and a non-zero exit."""
    try:
        result = cli.main(args=argv, prog_name="timeline", standalone_mode=False)
    except click.exceptions.Exit as exc:
        sys.exit(exc.exit_code)
    except click.ClickException as exc:
        exc.show()
        sys.exit(exc.exit_code)
    except click.exceptions.Abort:
        click.echo("Aborted.", err=True)
        sys.exit(1)
    except GeneratorError as exc:  # raised while reading settings, before a command runs
        UserError(str(exc)).show()
        sys.exit(1)
    except KeyboardInterrupt:
        click.echo("timeline: interrupted", err=True)
        sys.exit(130)
    except Exception as exc:  # noqa: BLE001 - last resort: a bug, not the user's fault
        click.echo(f"timeline: internal error: {type(exc).__name__}: {exc}\n"
                   "This is a bug in Timeline Generator; please report it with the command "
                   "you ran.", err=True)
        sys.exit(1)
    # Without standalone mode click returns the code of `ctx.exit(code)` instead of exiting.
    sys.exit(result if isinstance(result, int) else 0)
