"""A serve rebuild renders only the pages an edit changed, and the site it serves is the
site a full build of the same store makes: every generated page, events.json and the
exports (which a rebuild writes after the build, in the background)."""

from __future__ import annotations

import dataclasses
import random
from pathlib import Path

import pytest

from generator.core.dates import parse_date
from generator.core.model import Event, Source, sort_events
from generator.render import SiteOptions, render_site
from generator.site.incremental import PageRenderer

from .conftest import event_text

PEOPLE = ["Ana Ruiz", "Li Wei", "Sam Okafor", "Ida Berg", "Tom Hale"]
PLACES = ["Geneva", "Osaka", "Lima", "Oslo"]
TAGS = ["trade", "climate", "energy", "health", "markets", "farming"]
ARTICLES = [f"a{n:02d}" for n in range(12)]


def make_event(rng: random.Random, number: int) -> Event:
    """A small random event; articles are shared, so source pages list several events."""
    day = f"{rng.randint(2017, 2020)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
    article = rng.choice(ARTICLES)
    return Event(id=f"ev{number:03d}", date=parse_date(rng.choice([day, day[:7], day[:4]])),
                 title=f"Event {number} about {rng.choice(TAGS)}",
                 summary=rng.choice([None, f"What happened in event {number}."]),
                 actors=rng.sample(PEOPLE, rng.randint(0, 2)),
                 places=rng.sample(PLACES, rng.randint(0, 1)),
                 tags=rng.sample(TAGS, rng.randint(1, 3)),
                 sources=[Source(article=article, title=rng.choice([None, f"On {article}"]),
                                 publisher=rng.choice([None, "Wire"]),
                                 quote=f"Sentence {number}.")])


def edit(rng: random.Random, events: list[Event], number: int) -> list[Event]:
    """One random edit of the kinds a person makes: a title, a date, names, a source,
    the key mark, a deleted or a new event."""
    events = list(events)
    index = rng.randrange(len(events))
    old = events[index]
    kind = rng.choice(["title", "date", "tag", "actor", "source", "key", "delete", "new"])
    if kind == "delete" and len(events) > 5:
        del events[index]
    elif kind == "new":
        events.append(make_event(rng, number))
    else:
        fresh = make_event(rng, int(old.id[2:]))
        changes = {"title": {"title": old.title + " (edited)"}, "date": {"date": fresh.date},
                   "tag": {"tags": [*old.tags, rng.choice(TAGS + ["new-tag"])]},
                   "actor": {"actors": fresh.actors}, "source": {"sources": fresh.sources},
                   "key": {"key": not old.key}}.get(kind, {})
        events[index] = dataclasses.replace(old, **changes)
    return sort_events(events)


@pytest.mark.parametrize("options", [
    SiteOptions(month_pages_after=4, facet_page_max_events=4, key_events=4,
                home_max_events=10),
    SiteOptions(event_pages_max=20, month_pages_after=6, brief_cards_after=20),
], ids=["event pages", "no event pages"])
def test_renders_after_random_edits_what_a_full_render_makes(options):
    rng = random.Random(16)
    events = sort_events([make_event(rng, n) for n in range(30)])
    renderer = PageRenderer()
    renderer.render(events, options, ())
    total = 0
    for step in range(40):
        events = edit(rng, events, 100 + step)
        _, pages = renderer.render(events, options, ())
        full = {p: t for p, t in render_site(events, options).items() if p.endswith(".md")}
        assert pages == full, f"step {step}"
        total += len(renderer.rendered)
    assert total < 40 * len(pages) / 2  # far fewer pages rendered than a full render each


def test_a_title_edit_renders_the_pages_that_show_the_event():
    rng = random.Random(3)
    events = sort_events([make_event(rng, n) for n in range(30)])
    options = SiteOptions(month_pages_after=4, facet_page_max_events=4)
    renderer = PageRenderer()
    renderer.render(events, options, ())
    target = events[10]
    index = events.index(target)
    events[index] = dataclasses.replace(target, title=target.title + " (edited)")
    plan, pages = renderer.render(events, options, ())
    shown = {p for p, text in pages.items() if "(edited)" in text}
    assert f"events/{target.id}.md" in renderer.rendered
    assert shown <= renderer.rendered  # every page showing the new title was rendered
    # a neighbour's page names it under "Before and after"
    assert f"events/{events[index - 1].id}.md" in shown
    untouched = [p.path for p in plan.pages if p.template == "event.md.j2"
                 and p.path not in shown]
    assert untouched and not set(untouched) & renderer.rendered


def test_a_template_edit_renders_every_page_again(tmp_path):
    rng = random.Random(5)
    events = sort_events([make_event(rng, n) for n in range(10)])
    renderer = PageRenderer()
    builtin = Path(__file__).resolve().parents[1] / "templates" / "event.md.j2"
    override = tmp_path / "event.md.j2"
    override.write_text(builtin.read_text(encoding="utf-8"), encoding="utf-8")
    renderer.render(events, SiteOptions(), (tmp_path,))
    override.write_text("# Overridden {{ event.title }}\n", encoding="utf-8")
    _, after = renderer.render(events, SiteOptions(), (tmp_path,))
    assert after == {p: t for p, t in render_site(events, SiteOptions(), [tmp_path]).items()
                     if p.endswith(".md")}
    assert all(after[f"events/{e.id}.md"].count("# Overridden") == 1 for e in events)
    assert renderer.rendered == set(after)


# ---------------------------------------------------------------- through mkdocs serve

SERVE_URL = "http://127.0.0.1:8000/"


class DirtyServer:
    """What `mkdocs serve --dirty` does on each change, in this process: the config read
    again, the same plugin instance kept, a dirty build into one site folder."""

    def __init__(self, project: Path, site: Path):
        self.project, self.site = project, site
        self.config().plugins.on_startup(command="serve", dirty=True)

    def config(self):  # noqa: ANN201
        from mkdocs.config import load_config
        config = load_config(config_file=str(self.project / "mkdocs.yml"),
                             site_dir=str(self.site))
        config.site_url = SERVE_URL
        return config

    def rebuild(self):  # noqa: ANN201
        """Build, then wait for the job that writes the exports after it."""
        from mkdocs.commands.build import build
        config = self.config()
        build(config, serve_url=SERVE_URL, dirty=True)
        plugin = config.plugins["timeline"]
        if plugin.job is not None:
            plugin.job.join()
        return plugin

    def stop(self) -> None:
        self.config().plugins.on_shutdown()


def full_output(plugin):  # noqa: ANN001, ANN201
    """What a full build of the store as it is now generates."""
    from generator.site.output import site_output
    from generator.store.folder import load_store
    return site_output(plugin.settings, load_store(plugin.settings.events_dir).events)


def cached_files(folder: Path) -> dict[str, str]:
    return {p.relative_to(folder).as_posix(): p.read_bytes().decode("utf-8")
            for p in folder.rglob("*") if p.is_file()}


@pytest.fixture
def serve_project(tmp_path, events_dir, write):  # noqa: ANN001, ANN201
    (tmp_path / "mkdocs.yml").write_text(
        "site_name: Served timeline\ndocs_dir: content/pages\n"
        "theme:\n  name: material\n  font: false\n"
        "plugins:\n  - search\n  - timeline:\n      month_pages_after: 3\n"
        "      facet_page_max_events: 3\n      key_events: 3\n", encoding="utf-8")
    (tmp_path / "content" / "pages").mkdir(parents=True)
    days = ["2019-07-19", "2019-07-20", "2019-07-22", "2019-08-02", "2019-08-09",
            "2020-01-05", "2020-03-10", "2018-11-11"]
    for number, day in enumerate(days):
        tags = "[trade, markets]" if number % 2 else "[trade]"
        write(f"e{number}.md", event_text(
            f"e{number}", day, f"Event number {number}", tags=tags,
            actors="[Ana Ruiz]" if number % 3 == 0 else "[Li Wei]",
            sources=f"[{{article: a{number % 3}, publisher: Wire, quote: Said {number}.}}]"))
    return tmp_path


EDITS = {  # name -> edit(write, events folder)
    "title": lambda write, _: write("e2.md", event_text(
        "e2", "2019-07-22", "A new title for two", tags="[trade]", actors="[Ana Ruiz]")),
    "date moved to another month": lambda write, _: write("e1.md", event_text(
        "e1", "2020-02-14", "Event number 1", tags="[trade, markets]")),
    "tag added": lambda write, _: write("e4.md", event_text(
        "e4", "2019-08-09", "Event number 4", tags="[trade, a brand new tag]")),
    "event deleted": lambda _, folder: (folder / "e5.md").unlink(),
    "new event": lambda write, _: write("e9.md", event_text(
        "e9", "2019-07-21", "A new event appears", actors="[Sam Okafor]",
        sources="[{article: a7, publisher: Other wire, quote: New.}]")),
}


def test_served_site_matches_a_full_build_after_each_edit(serve_project, write, events_dir,
                                                          tmp_path):
    server = DirtyServer(serve_project, tmp_path / "served")
    try:
        plugin = server.rebuild()
        for name, make_edit in EDITS.items():
            make_edit(write, events_dir)
            plugin = server.rebuild()
            assert plugin.job is not None, "the exports were not left to the job"
            expected = full_output(plugin)
            cache = cached_files(plugin.settings.cache_dir)
            assert cache == expected.files, name
            for path in plugin.data_paths:  # written into the served site after the build
                assert (server.site / path).read_bytes().decode("utf-8") == \
                    expected.files[path], (name, path)
            assert plugin.records == expected.records, name
            assert len(plugin.renderer.rendered) < len(plugin.renderer.texts), name
        page = (server.site / "events/e9/index.html").read_text(encoding="utf-8")
        assert "A new event appears" in page
    finally:
        server.stop()
