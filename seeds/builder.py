"""Records as documenters write them: incidents with their victims, families among
them, injured and combatants beside them, summaries and sources. Shared by the
demonstration data and the national-scale benchmark generator; every draw comes from
the builder's own `random.Random`, so that a seed gives the same records every time."""
from __future__ import annotations

import random
import uuid
from collections.abc import Sequence
from datetime import date, timedelta
from functools import cache
from typing import Any

from core.models import Incident, Victim
from seeds import names, text
from seeds.names import Name
from seeds.places import Place, place_named, places_in

DOCUMENTERS = ("rana", "omar", "yaman", "huda")
REVIEWERS = ("lina", "hadi")
CATEGORIES = ("children", "women", "men", "unknown")

# Where each party's killings took place (weights by governorate; the demonstration data
# spreads the January 2016 figures that have no published place this way).
PARTY_PLACES_WEIGHTED: dict[str, dict[str, int]] = {
    "russia": {"SY07": 40, "SY11": 17, "SY04": 16, "SY05": 9, "SY03": 7, "SY06": 6, "SY12": 5},
    "regime": {"SY03": 29, "SY12": 17, "SY02": 12, "SY07": 10, "SY04": 9, "SY05": 8, "SY01": 4,
               "SY09": 3, "SY06": 3, "SY11": 3, "SY14": 2},
    "isis": {"SY09": 46, "SY02": 20, "SY11": 15, "SY08": 10, "SY04": 9},
    "armed_opposition": {"SY02": 52, "SY01": 19, "SY06": 12, "SY05": 10, "SY12": 7},
    "unidentified": {"SY07": 29, "SY12": 24, "SY02": 20, "SY04": 15, "SY08": 12},
    "nusra": {"SY07": 1},
    "kurdish": {"SY08": 2, "SY02": 1},
}

# Means of attack by party (weights), and which governorates a means is limited to.
MEANS: dict[str, dict[str, int]] = {
    "russia": {"airstrike": 85, "missile": 15},
    "regime": {"barrel_bomb": 30, "airstrike": 20, "shelling": 25, "gunfire": 8, "torture": 9, "siege": 8},
    "isis": {"execution": 30, "shelling": 20, "explosion": 15, "landmine": 10, "gunfire": 15, "torture": 10},
    "armed_opposition": {"shelling": 75, "gunfire": 25},
    "unidentified": {"explosion": 60, "gunfire": 30, "landmine": 10},
    "nusra": {"execution": 60, "gunfire": 40},
    "kurdish": {"gunfire": 60, "shelling": 40},
    "coalition": {"airstrike": 100},
    "other": {"gunfire": 50, "other": 50},
}
MEANS_ONLY_IN = {"siege": {"SY01", "SY03"}, "torture": {"SY01", "SY03", "SY04", "SY05", "SY09", "SY11"}}
SIZES: dict[str, tuple[int, ...]] = {
    "airstrike": (1, 1, 2, 2, 3, 3, 4, 5, 6, 7, 8, 9, 11, 13, 16, 22, 30),
    "barrel_bomb": (1, 2, 2, 3, 4, 5, 6, 8, 10, 14),
    "missile": (1, 2, 3, 5, 8, 12),
    "shelling": (1, 1, 1, 2, 2, 3, 4, 5, 7),
    "gunfire": (1, 1, 1, 1, 2, 3),
    "execution": (1, 2, 3, 5, 8, 12),
    "explosion": (1, 2, 4, 6, 9, 15),
    "landmine": (1, 1, 2, 3),
    "torture": (1,),
    "siege": (1, 1, 2),
    "other": (1, 2),
}
# When each party was active, for records outside January 2016.
ACTIVE_FROM = {
    "regime": date(2011, 3, 1), "armed_opposition": date(2012, 1, 1), "unidentified": date(2011, 3, 1),
    "nusra": date(2012, 1, 1), "kurdish": date(2012, 7, 1), "isis": date(2013, 4, 1),
    "coalition": date(2014, 9, 23), "russia": date(2015, 9, 30),
}
# Where the parties with no weights above struck.
PARTY_PLACES = {"coalition": {"SY11", "SY09", "SY02", "SY08", "SY07"}}
PARTY_WEIGHT = {"regime": 45, "russia": 25, "isis": 8, "armed_opposition": 6, "unidentified": 6,
                "coalition": 4, "nusra": 2, "kurdish": 3}


class RecordBuilder:
    """Makes incidents with their victims; kept records gather in `records`."""

    def __init__(self, origin: str, seed: int) -> None:
        self.rng = random.Random(seed)
        self.origin = origin
        self.records: list[tuple[Incident, list[Victim]]] = []
        self.arabic: dict[str, bool] = {}  # the language each record's text is written in

    # ----- small pieces ------------------------------------------------------------
    def uuid(self) -> str:
        return str(uuid.UUID(int=self.rng.getrandbits(128), version=4))

    def stamp(self, day: date, lo: int = 1, hi: int = 12) -> str:
        when = day + timedelta(days=self.rng.randint(lo, hi))
        return f"{when.isoformat()}T{self.rng.randint(6, 22):02d}:{self.rng.randint(0, 59):02d}:{self.rng.randint(0, 59):02d}Z"

    def weighted(self, weights: dict[str, int]) -> str:
        keys = sorted(weights)
        return self.rng.choices(keys, weights=[weights[k] for k in keys])[0]

    def means(self, perpetrator: str, governorate: str) -> str:
        allowed = {m: w for m, w in MEANS[perpetrator].items()
                   if governorate in MEANS_ONLY_IN.get(m, {governorate})}
        return self.weighted(allowed)

    def place(self, governorate: str, means: str) -> Place:
        if means == "siege":
            if governorate == "SY03":
                return place_named("Madaya")
            return place_named("Yarmouk camp, Damascus")
        return self.rng.choice(places_in(governorate))

    def body(self, category: str) -> tuple[str, str, int | None]:
        """Sex, age group and age of a victim of this category."""
        rng = self.rng
        if category == "children":
            age = rng.choice((None, *range(0, 18), *range(3, 14)))
            return rng.choice(("male", "female")), "child", age
        if category in ("women", "men"):
            age = None if rng.random() < 0.15 else int(rng.triangular(18, 85, 32))
            return ("female" if category == "women" else "male"), "adult", age
        return rng.choice((("unknown", "unknown", None), ("unknown", "unknown", None),
                           ("male", "unknown", None), ("female", "unknown", None),
                           ("unknown", "adult", None)))

    # ----- victims -----------------------------------------------------------------
    def victims_for(self, incident: Incident, categories: Sequence[str], place: Place, *,
                    civilian: str = "civilian", outcome: str = "killed",
                    wounds_until: date | None = None) -> list[Victim]:
        """Victims of these categories, with families among them when it fits."""
        rng = self.rng
        gov = incident.governorate
        bodies = [self.body(c) for c in categories]
        given: list[Name | None] = [None] * len(bodies)
        children = [i for i, c in enumerate(categories) if c == "children"]
        men = [i for i, c in enumerate(categories) if c == "men"]
        women = [i for i, c in enumerate(categories) if c == "women"]
        if len(children) >= 2 and rng.random() < 0.65:
            family = children[: rng.randint(2, min(6, len(children)))]
            father = names.person(rng, "male", gov)
            mother = names.person(rng, "female", gov)
            if men and rng.random() < 0.5:
                i = men.pop(0)
                given[i] = father
                bodies[i] = ("male", "adult", _at_least(bodies[i][2], 26))
            if women and rng.random() < 0.7:
                i = women.pop(0)
                given[i] = mother
                bodies[i] = ("female", "adult", _at_least(bodies[i][2], 22))
            taken: set[str] = set()
            for i in family:
                child = names.child_of(rng, father, bodies[i][0], mother)
                while child.given_name in taken:
                    child = names.child_of(rng, father, bodies[i][0], mother)
                taken.add(child.given_name)
                given[i] = child
        if len(men) >= 2 and rng.random() < 0.2:
            first = names.person(rng, "male", gov)
            given[men[0]] = first
            given[men[1]] = names.sibling(rng, first, "male")
        victims = []
        for i, (sex, group, age) in enumerate(bodies):
            name = given[i]
            if name is None:
                unidentified = rng.random() < (0.55 if sex == "unknown" else 0.04)
                name = Name() if unidentified else names.person(rng, sex, gov)
            victims.append(self.victim(incident, name, sex, group, age, place, civilian=civilian,
                                       outcome=outcome, wounds_until=wounds_until))
        return victims

    def victim(self, incident: Incident, name: Name, sex: str, group: str, age: int | None,
               place: Place, *, civilian: str = "civilian", outcome: str = "killed",
               wounds_until: date | None = None, **overrides: Any) -> Victim:
        rng = self.rng
        identified = any(name.parts().values())
        occupation = ""
        if identified and group == "adult" and rng.random() < 0.35:
            occupation = rng.choice(text.OCCUPATIONS_FEMALE if sex == "female" else text.OCCUPATIONS_MALE)
            if "طالب" in occupation and (age is None or age > 28):
                occupation = ""
        elif identified and group == "child" and age is not None and age >= 7 and rng.random() < 0.3:
            occupation = "طالبة" if sex == "female" else "طالب"
        origin_gov: str | None = incident.governorate
        origin_loc = place.locality
        if rng.random() < 0.15:  # displaced from elsewhere
            other = rng.choice(sorted({p.governorate for p in _all_places()} - {incident.governorate}))
            origin_gov, origin_loc = other, rng.choice(places_in(other)).locality
        notes = "" if identified else rng.choice(text.NOTES_UNIDENTIFIED)
        death = None
        if outcome == "killed" and wounds_until is not None and rng.random() < 0.03:
            days = (wounds_until - incident.date).days
            if days >= 1:
                death = incident.date + timedelta(days=rng.randint(1, min(days, 6)))
                notes = rng.choice(text.NOTES_WOUNDED)
        if not identified:
            origin_gov, origin_loc = None, ""
        fields: dict[str, Any] = {
            "victim_uuid": self.uuid(), "incident_uuid": incident.incident_uuid,
            "updated_at": incident.updated_at, "created_by": incident.created_by,
            **name.parts(),
            "name_latin": names.transliterate(rng, name) if identified and rng.random() < 0.15 else "",
            "sex": sex, "age": age, "age_group": group, "civilian": civilian,
            "occupation": occupation if civilian == "civilian" else "",
            "origin_governorate": origin_gov, "origin_locality": origin_loc,
            "outcome": outcome, "death_date": death, "notes": notes,
        }
        fields.update(overrides)
        return Victim(**fields)

    # ----- incidents ---------------------------------------------------------------
    def incident(self, *, day: date, perpetrator: str, means: str, place: Place, status: str,
                 facility: str | None = None, precision: str = "day", created_by: str | None = None,
                 attribution: str | None = None) -> Incident:
        rng = self.rng
        if precision == "month":
            day = day.replace(day=1)
        if attribution is None:
            attribution = {"russia": "believed", "unidentified": "unknown"}.get(
                perpetrator, "confirmed" if rng.random() < 0.8 else "believed")
        if facility is None and means in ("airstrike", "barrel_bomb", "missile", "shelling"):
            facility = rng.choices((None, "residential", "market", "mosque", "bakery", "school",
                                    "medical_point", "camp"),
                                   weights=(40, 35, 6, 4, 4, 3, 3, 5))[0]
        uuid_ = self.uuid()
        self.arabic[uuid_] = rng.random() < 0.75
        # The text fields are written once the victims are known (see `finish`).
        return Incident.model_validate({
            "incident_uuid": uuid_, "origin": self.origin, "review_status": status,
            "updated_at": self.stamp(day), "created_by": created_by or rng.choice(DOCUMENTERS),
            "date": day, "date_precision": precision, "governorate": place.governorate,
            "district": place.district, "subdistrict": place.subdistrict, "locality": place.locality,
            "latitude": place.latitude, "longitude": place.longitude, "incident_type": means,
            "perpetrator": perpetrator, "attribution": attribution, "facility": facility,
        })

    def finish(self, incident: Incident, victims: list[Victim], place: Place, *,
               reported_extra: int = 0, bare: bool = False) -> tuple[Incident, list[Victim]]:
        """Write the summary and sources from what the record holds, and keep it."""
        rng = self.rng
        arabic = self.arabic.pop(incident.incident_uuid)
        killed = [v for v in victims if v.outcome == "killed" and v.civilian == "civilian"]
        children = sum(1 for v in killed if v.age_group == "child")
        if bare:  # a draft: written in a hurry, text still to come
            incident.summary, incident.sources, incident.source_count = "", "", 0
        else:
            found = text.sources(rng, arabic)
            incident.sources = "؛ ".join(found) if arabic else "; ".join(found)
            incident.source_count = len(found)
            incident.summary = text.summary(
                rng, incident_type=incident.incident_type, perpetrator=incident.perpetrator,
                place_ar=place.locality, place_en=place.locality_en, killed=len(killed),
                children=children, facility=incident.facility, arabic=arabic)
            if reported_extra or rng.random() < 0.3:
                incident.reported_killed = len([v for v in victims if v.outcome == "killed"]) + reported_extra
        self.records.append((incident, victims))
        return incident, victims

    def extras(self, incident: Incident, place: Place, wounds_until: date | None) -> list[Victim]:
        """Victims that do not change a civilian tally: injured, combatants, status unknown."""
        rng = self.rng
        extra: list[Victim] = []
        if incident.incident_type not in ("torture", "siege", "execution") and rng.random() < 0.3:
            cats = rng.choices(CATEGORIES, weights=(30, 25, 40, 5), k=rng.randint(1, 6))
            extra += self.victims_for(incident, cats, place, outcome="injured")
        if incident.perpetrator in ("russia", "regime", "coalition") and rng.random() < 0.08:
            extra += self.victims_for(incident, ["men"] * rng.randint(1, 3), place, civilian="combatant",
                                      wounds_until=wounds_until)
        if rng.random() < 0.02:
            extra += self.victims_for(incident, ["men"], place, civilian="unknown")
        return extra

    def spread(self, perpetrator: str, governorate: str, categories: list[str], *,
               month_start: date, month_end: date, status: str = "approved",
               skip_days: frozenset[date] = frozenset()) -> None:
        """Group victims of one party and governorate into incidents within a month."""
        rng = self.rng
        remaining = list(categories)
        while remaining:
            means = self.means(perpetrator, governorate)
            size = min(len(remaining), rng.choice(SIZES[means]))
            chunk, remaining = remaining[:size], remaining[size:]
            day = month_start + timedelta(days=rng.randint(0, (month_end - month_start).days))
            while day in skip_days:
                day = month_start + timedelta(days=rng.randint(0, (month_end - month_start).days))
            precision = "month" if means == "torture" and rng.random() < 0.5 else "day"
            place = self.place(governorate, means)
            inc = self.incident(day=day, perpetrator=perpetrator, means=means, place=place,
                                status=status, precision=precision)
            victims = self.victims_for(inc, chunk, place, wounds_until=month_end)
            victims += self.extras(inc, place, month_end)
            self.finish(inc, victims, place)

    # ----- January 2016: the published figures ---------------------------------------
def _at_least(age: int | None, years: int) -> int | None:
    return None if age is None else max(age, years)


@cache
def _all_places() -> tuple[Place, ...]:
    from seeds.places import PLACES

    return PLACES

