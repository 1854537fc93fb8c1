"""Shared by every room: the records, the one calendar, problems and errors, safe file writes."""
