"""The kata grading engine.

Kept import-light on purpose: `kata --help` and `kata list` load this package
and must not pull in numpy or torch.
"""

__version__ = "0.1.0"
