"""What a write touched, so that each view refreshes only what concerns it."""
from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class Changes:
    """The records a write touched and the derived views it affects.

    `everything` says that too many records changed to list them (a large import): the
    sets may then be empty, and every view of records, tallies, duplicates and the review
    queue must read everything again. It raises those flags itself; a view that looks at
    `incidents` or `victims` asks :attr:`records` instead, which honours it.
    """

    incidents: set[str] = field(default_factory=set)
    victims: set[str] = field(default_factory=set)
    tallies: bool = False
    duplicates: bool = False
    review: bool = False
    accounts: bool = False
    gazetteer: bool = False
    everything: bool = False

    def __post_init__(self) -> None:
        if self.everything:
            self.tallies = self.duplicates = self.review = True

    @classmethod
    def all_records(cls) -> Changes:
        """Every record may have changed: each view reads again."""
        return cls(everything=True)

    @property
    def records(self) -> bool:
        """Whether any incident or victim changed (all of them, when `everything`)."""
        return self.everything or bool(self.incidents or self.victims)

    def merge(self, other: Changes) -> Changes:
        self.incidents |= other.incidents
        self.victims |= other.victims
        self.tallies |= other.tallies
        self.duplicates |= other.duplicates
        self.review |= other.review
        self.accounts |= other.accounts
        self.gazetteer |= other.gazetteer
        self.everything |= other.everything
        return self

    def __bool__(self) -> bool:
        return bool(
            self.incidents or self.victims or self.tallies or self.duplicates
            or self.review or self.accounts or self.gazetteer or self.everything
        )
