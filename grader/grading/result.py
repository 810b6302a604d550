"""The one result of a check; the table, the JSON and the exit code derive from it."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ..confined.protocol import Verdict
from .compare import Mismatch


@dataclass
class CallInfo:
    """How to reproduce a failing call: the function, its inputs, the seeds."""

    function: str
    arguments: list[str]
    seeds: list[int]

    def describe(self) -> str:
        return f"{self.function}({', '.join(self.arguments)}){_seeds(self.seeds)}"


def _seeds(seeds: list[int]) -> str:
    """The seeds a case drew, as a run when they are consecutive (a statistics case draws hundreds)."""
    if not seeds:
        return ""
    unique = list(dict.fromkeys(seeds))
    if len(unique) > 4 and unique == list(range(unique[0], unique[0] + len(unique))):
        return f"; seeds {unique[0]} to {unique[-1]}"
    if len(unique) > 8:
        return f"; seeds {', '.join(map(str, unique[:8]))} and {len(unique) - 8} more"
    return f"; seed{'s' if len(unique) > 1 else ''} {', '.join(map(str, unique))}"


@dataclass
class CaseResult:
    name: str
    outcome: str  # passed, failed, skipped
    message: str = ""
    mismatch: Mismatch | None = None
    call: CallInfo | None = None
    printed: str = ""
    # How it failed, in a word ("values", "nan", "shape", "raised ValueError", "property", ...),
    # and the mistakes the case declares it is there to catch: what fingerprints are made of.
    category: str = ""
    catches: tuple[str, ...] = ()
    means: str = ""  # the mistake a failed property names by itself (`case.require(..., means=)`)

    def to_json(self) -> dict:
        return {"name": self.name, "outcome": self.outcome, "message": self.message}


@dataclass
class MistakeMatch:
    id: str
    title: str
    explanation: str
    # "exact": the outputs are the mistake's own, or the grader saw it happen;
    # "likely": the failing cases are the mistake's, its outputs are not quite.
    level: str = "exact"


@dataclass
class Timing:
    learner_s: float
    reference_s: float
    reference_cached: bool = False  # the reference's figure came from the cache
    lower_bound: bool = False  # the learner was far over and timed no further: at least this ratio

    @property
    def ratio(self) -> float:
        return self.learner_s / self.reference_s if self.reference_s > 0 else float("inf")


@dataclass
class Result:
    kata: str
    track: str
    device: str
    file: str
    verdict: Verdict
    tests: list[CaseResult] = field(default_factory=list)
    mistake: MistakeMatch | None = None
    timing: Timing | None = None
    duration_s: float = 0.0
    source_line: str = ""  # the offending line, for a file that does not import

    @property
    def passed(self) -> bool:
        return self.verdict == Verdict.PASS

    @property
    def exit_code(self) -> int:
        return 0 if self.passed else 1

    @property
    def first_failure(self) -> CaseResult | None:
        return next((t for t in self.tests if t.outcome == "failed"), None)

    @property
    def reason(self) -> str:
        failure = self.first_failure
        return failure.message if failure else ""

    def to_json(self) -> dict[str, Any]:
        return {
            "kata": self.kata,
            "track": self.track,
            "device": self.device,
            "file": self.file,
            "passed": self.passed,
            "verdict": self.verdict,
            "tests": [t.to_json() for t in self.tests],
            "mistake": None if self.mistake is None else {
                "id": self.mistake.id, "title": self.mistake.title, "explanation": self.mistake.explanation,
                "level": self.mistake.level,
            },
            "timing": None if self.timing is None else {
                "learner_s": round(self.timing.learner_s, 6),
                "reference_s": round(self.timing.reference_s, 6),
                "ratio": round(self.timing.ratio, 3),
                "reference_cached": self.timing.reference_cached,
                "lower_bound": self.timing.lower_bound,
            },
            "duration_s": round(self.duration_s, 3),
        }
