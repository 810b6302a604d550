"""Grading one file: the check, the workers' handles, the hidden-case session and plugin,
comparison, diagnosis, timing, the result, and watch mode."""
