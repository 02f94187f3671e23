"""What a write touched, so that each view refreshes only what concerns it."""
from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class Changes:
    incidents: set[str] = field(default_factory=set)
    victims: set[str] = field(default_factory=set)
    tallies: bool = False
    duplicates: bool = False
    review: bool = False
    accounts: bool = False
    gazetteer: bool = False

    def merge(self, other: Changes) -> Changes:
        self.incidents |= other.incidents
        self.victims |= other.victims
        self.tallies |= other.tallies
        self.duplicates |= other.duplicates
        self.review |= other.review
        self.accounts |= other.accounts
        self.gazetteer |= other.gazetteer
        return self

    def __bool__(self) -> bool:
        return bool(
            self.incidents or self.victims or self.tallies or self.duplicates
            or self.review or self.accounts or self.gazetteer
        )
