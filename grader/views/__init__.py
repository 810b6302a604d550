"""What the learner sees: the Rich views, the mismatch view and the two consoles."""
