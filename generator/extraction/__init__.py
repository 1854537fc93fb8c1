"""Article -> sentences -> time expressions -> candidates -> events (merged across articles)."""
