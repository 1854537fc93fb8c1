"""The serve cache rewrites a generated file only when its text changes."""

from __future__ import annotations

from generator.site.pagecache import PageCache


def test_unchanged_files_keep_their_mtime_and_stale_ones_go(tmp_path):
    cache = PageCache(tmp_path / "cache")
    paths, writes = cache.sync({"a.md": "A", "b/c.md": "C"})
    assert writes == 2 and open(paths["b/c.md"], encoding="utf-8").read() == "C"
    before = (tmp_path / "cache/a.md").stat().st_mtime_ns
    _, writes = cache.sync({"a.md": "A", "b/c.md": "C2", "d.md": "D"})
    assert writes == 2
    assert (tmp_path / "cache/a.md").stat().st_mtime_ns == before
    _, writes = cache.sync({"a.md": "A"})
    assert writes == 0 and not (tmp_path / "cache/d.md").exists()


def test_a_restarted_server_rewrites_nothing(tmp_path):
    PageCache(tmp_path).sync({"a.md": "A"})
    assert PageCache(tmp_path).sync({"a.md": "A"})[1] == 0
