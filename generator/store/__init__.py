"""Events <-> files: the record's schema, its YAML codec, ids, and the ledger that guards hand edits."""
