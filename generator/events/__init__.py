"""Event records: their schema, files, the store, and safe writing of generated events."""
