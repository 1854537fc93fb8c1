"""axe-core on the built site, as a reader's browser shows it, in both palettes.

Every page kind a reader meets (home, a period, an event, an actor's page, Explore with
a query, Data) is checked in light and dark. A serious or critical violation fails the
test unless it comes from mkdocs-material's own markup and is listed in `THEIRS` below,
by rule and selector, with the reason; our markup has no allowance. What our stylesheet
can fix in Material's markup it fixes (the footer's colour) rather than allowing it.

axe-core is vendored in tests/browser/vendor/axe-core/ (the npm package's `axe.min.js`
and its licence), so the test needs no network and no npm at run time.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from .conftest import ARTIFACTS, Served

pytestmark = [pytest.mark.browser, pytest.mark.slow]
AXE = Path(__file__).parent / "vendor" / "axe-core" / "axe.min.js"
BLOCKING = ("serious", "critical")

# Violations in mkdocs-material's own markup: rule id, a pattern its CSS selector
# matches, and why it stays.
THEIRS = [
    ("aria-dialog-name", r"^\.md-search$",
     "Material's search box is a role=dialog element without an accessible name; the "
     "name belongs in the theme's template, which we do not override"),
]


def _theirs(rule: str, target: str) -> bool:
    """Whether a violation at `target` is one of Material's listed in THEIRS."""
    return any(rule == allowed and re.search(pattern, target)
               for allowed, pattern, _ in THEIRS)


def _pages(site: Served) -> dict[str, str]:
    """One page of every kind, found from the built site's own links."""
    root = site.root
    event = sorted(p.parent for p in (root / "events").glob("*/index.html"))[0]
    actor = sorted(p.parent for p in (root / "actors").glob("*/index.html"))[0]
    period = sorted(p.parent for p in (root / "periods").glob("*/index.html"))[0]
    return {
        "home": "",
        "period": f"periods/{period.name}/",
        "event": f"events/{event.name}/",
        "actor": f"actors/{actor.name}/",
        "data": "data/",
        "explore": "explore/",
    }


def _palette(page, scheme: str) -> None:
    """Switch Material's palette the way its toggle does (body attributes)."""
    page.evaluate("""scheme => {
        document.body.setAttribute('data-md-color-scheme', scheme);
    }""", scheme)


def _search_explore(page) -> None:
    """Type a word every store has into Explore and wait for its results."""
    box = page.locator("#tl-explore input:not([type=checkbox])").first
    box.fill("the")
    page.locator("#tl-explore a[href*='events/']").first.wait_for()


def _violations(page) -> list[dict]:
    page.add_script_tag(path=str(AXE))
    result = page.evaluate("""async () => {
        const r = await axe.run(document, {resultTypes: ['violations']});
        return r.violations.map(v => ({
            id: v.id, impact: v.impact, help: v.help,
            nodes: v.nodes.map(n => ({target: n.target.join(' '), impact: n.impact,
                                      summary: n.failureSummary}))}));
    }""")
    return result


@pytest.mark.parametrize("scheme", ["default", "slate"])
def test_no_serious_violations_in_our_markup(seed_site, page, scheme):
    found = []
    for kind, path in _pages(seed_site).items():
        page.goto(seed_site.url + path, wait_until="load")
        _palette(page, scheme)
        if kind == "explore":
            _search_explore(page)
        for violation in _violations(page):
            for node in violation["nodes"]:
                impact = node["impact"] or violation["impact"]
                if impact in BLOCKING and not _theirs(violation["id"], node["target"]):
                    found.append(f"{kind} ({scheme}): {violation['id']} [{impact}] at "
                                 f"{node['target']}: {violation['help']}")
    ARTIFACTS.mkdir(exist_ok=True)
    (ARTIFACTS / f"axe-{scheme}.json").write_text(json.dumps(found, indent=1),
                                                  encoding="utf-8")
    assert found == [], "\n".join(found)


def test_the_allow_list_names_only_material_markup():
    """An allowance names one of Material's classes (md-*), never ours (tl-*)."""
    for rule, pattern, reason in THEIRS:
        assert "md-" in pattern and "tl-" not in pattern and reason, rule
    assert not _theirs("aria-dialog-name", ".tl-explore")


def test_the_check_catches_a_violation(seed_site, page):
    """The probe itself works: an image link without a name is reported."""
    page.goto(seed_site.url, wait_until="load")
    page.evaluate("""() => {
        const a = document.createElement('a');
        a.href = '#'; a.className = 'tl-probe';
        a.appendChild(document.createElement('img'));
        document.querySelector('.md-content').appendChild(a);
    }""")
    ids = {v["id"] for v in _violations(page)}
    assert "link-name" in ids or "image-alt" in ids
