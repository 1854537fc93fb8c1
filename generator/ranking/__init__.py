"""Events -> how much each matters to the story: importance and key events."""
