"""A kata's Q&A notes as flash cards.

notes.md holds one `### Q: question` heading per card, the answer below it
up to the next heading. A card is known by its kata and a hash of its
question, so that adding, removing or reordering questions in the notes
keeps every other card's schedule.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass

from ..book.catalogue import Kata

_QUESTION = re.compile(r"^#{2,4}\s*Q:\s*(.+?)\s*$")
_HEADING = re.compile(r"^#{1,6}\s")


@dataclass(frozen=True)
class Card:
    kata: str
    question: str
    answer: str

    @property
    def key(self) -> str:
        return hashlib.sha256(self.question.encode()).hexdigest()[:12]

    @property
    def item(self) -> str:
        return card_item(self.kata, self.key)


def card_item(kata: str, key: str) -> str:
    return f"card/{kata}/{key}"


def parse(kata_id: str, text: str) -> list[Card]:
    cards: list[Card] = []
    question: str | None = None
    lines: list[str] = []

    def close() -> None:
        if question is not None:
            cards.append(Card(kata_id, question, "\n".join(lines).strip()))

    for line in text.splitlines():
        found = _QUESTION.match(line)
        if found or _HEADING.match(line):
            close()
            question, lines = (found.group(1), []) if found else (None, [])
        elif question is not None:
            lines.append(line)
    close()
    return [card for card in cards if card.answer]


def of_kata(kata: Kata) -> list[Card]:
    return parse(kata.id, kata.notes.read_text(encoding="utf-8"))
