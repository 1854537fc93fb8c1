"""Text utilities shared by the extraction steps (sentence splitting)."""
