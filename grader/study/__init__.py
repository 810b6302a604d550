"""The study companion: spaced review, flash cards, mock interviews, history."""
