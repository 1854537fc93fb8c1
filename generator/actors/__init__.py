"""People, organisations, groups and places named in articles (rule-based)."""
