"""Every article reader on real files, good and bad."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from generator.ingest import read_paths
from generator.ingest.metadata import parse_published

from ..conftest import ROOT

SEED = ROOT / "seeds" / "000_7feccc1d5c9d4873.txt"


def write(folder: Path, name: str, content: str | bytes) -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path


def messages(problems) -> list[str]:
    return [f"{p.path.name}:{p.line}: {p.severity}: {p.message}" for p in problems]


def test_seed_reads_with_its_sidecar_metadata():
    (article,), problems = read_paths([SEED])
    assert problems == []
    assert article.id == "000_7feccc1d5c9d4873"
    assert str(article.published) == "2019-07-22" and article.publisher == "Bloomberg"
    assert article.title.startswith("U.S. and China")
    assert article.text.startswith("President Donald Trump\n\n")


def test_markdown_front_matter_with_aliases(tmp_path):
    write(tmp_path, "a.md", "---\nheadline: Talks resume\npubDate: Mon, 22 Jul 2019 10:00:00 "
                            "GMT\nsource: Example News\nlink: https://example.com/a\n"
                            "byline: [A. Writer, B. Writer]\n---\nThe two sides spoke.\n")
    (article,), problems = read_paths([tmp_path])
    assert problems == []
    assert (article.id, article.title, str(article.published), article.publisher,
            article.url, article.author) == (
        "a", "Talks resume", "2019-07-22", "Example News", "https://example.com/a",
        "A. Writer, B. Writer")
    assert article.text == "The two sides spoke."


def test_markdown_heading_is_the_title_when_none_is_given(tmp_path):
    write(tmp_path, "b.md", "---\npublished: 2019-07-22\n---\n# Talks resume\n\nText.\n")
    (article,), _ = read_paths([tmp_path])
    assert article.title == "Talks resume"


@pytest.mark.parametrize("raw, expected", [
    ("2019-07-22", "2019-07-22"), ("2019-07-22T23:10:00Z", "2019-07-22"),
    ("2019-07-22 10:00:00+02:00", "2019-07-22"), ("July 22, 2019", "2019-07-22"),
    ("22 July 2019", "2019-07-22"), ("Mon, 22 Jul 2019 10:00:00 GMT", "2019-07-22"),
    ("2019/07/22", "2019-07-22"),
])
def test_publication_date_forms(raw, expected):
    assert str(parse_published(raw)) == expected


def test_missing_publication_date_warns_with_the_fix(tmp_path):
    write(tmp_path, "nodate.txt", "Talks resumed yesterday.\n")
    (article,), problems = read_paths([tmp_path])
    assert article.published is None
    (message,) = messages(problems)
    assert message.startswith("nodate.txt:None: warning: no publication date")
    assert "published: YYYY-MM-DD" in message and "nodate.meta.yaml" in message


def test_bad_inputs_are_reported_and_the_rest_is_read(tmp_path):
    write(tmp_path, "good.txt", "Good article text.\n")
    write(tmp_path, "latin1.txt", "Caf\xe9 au lait.\n".encode("latin-1"))
    write(tmp_path, "empty.md", "---\ntitle: Nothing\n---\n\n")
    write(tmp_path, "binary.txt", b"\x89PNG\r\n\x1a\n\x00\x00")
    write(tmp_path, "broken.md", "---\ntitle: [unclosed\n---\nText\n")
    huge = write(tmp_path, "huge.txt", "x")
    with open(huge, "ab") as handle:
        handle.truncate(50_000_000)
    write(tmp_path, "notes.docx", b"PK")
    articles, problems = read_paths([tmp_path])
    assert [a.id for a in articles] == ["good"]
    found = "\n".join(messages(problems))
    assert "latin1.txt:1: error: byte 0xe9 is not UTF-8 text" in found
    assert "empty.md:None: warning: no article text" in found
    assert "binary.txt:None: error: this is a binary file" in found
    assert "broken.md:3: error: metadata is not valid YAML" in found
    assert "huge.txt:None: error: file is 50.0 MB; articles are limited to 10 MB" in found
    assert "notes.docx:None: warning: not an article format" in found


def test_html_page_main_text_and_metadata(tmp_path):
    write(tmp_path, "page.html", """<!doctype html><html lang="en"><head>
        <title>Talks resume | Example News</title>
        <meta property="og:title" content="Talks resume">
        <meta property="og:site_name" content="Example News">
        <meta property="article:published_time" content="2019-07-22T08:00:00Z">
        <link rel="canonical" href="https://example.com/talks"></head>
        <body><nav><a href="/">Home</a> <a href="/world">World</a></nav>
        <article><h1>Talks resume</h1>
        <p>The two sides spoke by phone July 18 to discuss the next step of negotiations,
        indicating a move toward face-to-face talks, a state-owned blog said on Sunday.</p>
        <p>The call last week was the second since the two nations' presidents met in Japan
        in late June, according to people familiar with the matter.</p>
        <p>Chinese companies asked U.S. exporters about buying agricultural products and
        applied for exemptions from retaliatory tariffs, state media reported July 21.</p>
        </article><footer>Copyright Example News. All rights reserved.</footer>
        <script>alert("not text")</script></body></html>""")
    (article,), problems = read_paths([tmp_path])
    assert problems == []
    assert (article.title, str(article.published), article.publisher, article.url) == (
        "Talks resume", "2019-07-22", "Example News", "https://example.com/talks")
    assert "spoke by phone July 18" in article.text
    assert "Copyright" not in article.text and "alert" not in article.text
    assert "\n\n" in article.text  # paragraphs stay apart for the sentence splitter


def test_jsonl_bundle_with_broken_rows(tmp_path):
    rows = [
        json.dumps({"id": "a1", "title": "One", "published": "2019-07-22", "url":
                    "https://example.com/1", "text": "First article."}),
        "{not json",
        json.dumps({"id": "a2", "published": "2019-07-23"}),
        json.dumps(["a", "list"]),
        "",
        json.dumps({"id": "a1", "text": "Same id again."}),
        json.dumps({"id": "a3", "text": "No date.", "url": "javascript:alert(1)"}),
    ]
    write(tmp_path, "feed.jsonl", "\n".join(rows) + "\n")
    articles, problems = read_paths([tmp_path])
    assert [a.id for a in articles] == ["a1", "a3"]
    assert articles[0].row == 1 and articles[1].url is None
    assert messages(problems) == [
        "feed.jsonl:2: error: row is not valid JSON (Expecting property name enclosed in "
        "double quotes at column 2); skipped",
        "feed.jsonl:3: error: row has no `text` field with the article body; skipped",
        "feed.jsonl:4: error: row is not an object with fields (id, title, published, url, "
        "text); skipped",
        "feed.jsonl:6: warning: no publication date: relative dates ('yesterday', 'last week') "
        "stay unresolved and are marked for review; add a `published` field (YYYY-MM-DD) to "
        "the row",
        "feed.jsonl:6: error: article id 'a1' appears twice in this bundle; the later row is "
        "skipped",
        "feed.jsonl:7: warning: url 'javascript:alert(1)' is not an http(s) link; ignored",
        "feed.jsonl:7: warning: no publication date: relative dates ('yesterday', 'last week') "
        "stay unresolved and are marked for review; add a `published` field (YYYY-MM-DD) to "
        "the row",
    ]


def test_csv_bundle(tmp_path):
    write(tmp_path, "export.csv",
          'id,title,published,url,text\n'
          'c1,Talks,2019-07-22,https://example.com/c1,"Multi-line\n\nstory, with ""quotes""."\n'
          'c2,Extra,2019-07-22,https://example.com/c2,text,unexpected\n'
          'c3,No text,2019-07-22,https://example.com/c3,\n')
    articles, problems = read_paths([tmp_path / "export.csv"])
    assert [a.id for a in articles] == ["c1"]
    assert articles[0].text == 'Multi-line\n\nstory, with "quotes".'
    found = messages(problems)
    assert found[0] == "export.csv:5: error: row has more fields than the header; skipped"
    assert found[1].startswith("export.csv:6: error: row has no `text` field")


def test_csv_without_text_column(tmp_path):
    write(tmp_path, "bad.csv", "id,title\n1,x\n")
    articles, problems = read_paths([tmp_path])
    assert articles == []
    assert "needs a header row with a `text` column" in problems[0].message


def test_duplicate_article_ids_across_files(tmp_path):
    write(tmp_path, "a/story.txt", "One.\n")
    write(tmp_path, "b/story.md", "Two.\n")
    articles, problems = read_paths([tmp_path])
    assert [a.text for a in articles] == ["One."]
    assert "article id 'story' is already used by" in problems[-1].message


def test_odd_file_names_become_valid_ids(tmp_path):
    write(tmp_path, "Trade War Day 1.txt", "Text.\n")
    (article,), _ = read_paths([tmp_path])
    assert article.id == "trade-war-day-1"


def test_missing_path(tmp_path):
    articles, problems = read_paths([tmp_path / "nope"])
    assert articles == [] and problems[0].message == "no such file or folder"
