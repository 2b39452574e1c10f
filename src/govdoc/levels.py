"""Numbering-level inference: which depth each marker sits at (DESIGN §3).

A stack of open levels, each with the style and last value of its markers. For each marker:

1. the same style open at level L → close everything inside L; the marker is L's next sibling
   (a gap or repeat is diagnosed);
2. else the same family open at L and the value continues L's numbering → sibling at L, with
   a diagnostic for the change of style;
3. else → a new level inside the innermost open one (diagnosed when the first value is not 1
   and does not continue the numbering of the same style earlier in the document).

Statute units follow their fixed order (编 > 章 > 节 > 条): a unit closes open units of lower
rank before the rules apply. Dashes and bullets are items one below the innermost level; they
never open a level. The loop is iterative, so depth has no recursion limit.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .numbering import FAMILIES, UNIT_RANKS, MarkerMatch

__all__ = ["GB_RANKS", "LevelStack", "Placement"]

#: GB/T 9704-2012 §7.3.3 order of the four standard levels, for the skipped-level diagnostic.
GB_RANKS: dict[str, int] = {"cn_dun": 1, "cn_paren": 2, "ar_dot": 3, "ar_paren": 4}

_ITEM_STYLES = frozenset({"dash", "bullet"})
# Styles that are too easily text ("e.g.", "a.m.") unless they start a list or continue one.
_LIST_ONLY_STYLES = frozenset({"latin_dot"})
_LOWEST_RANK = max(UNIT_RANKS.values())


#: (code, message) pairs for the diagnostics of one marker.
Notes = tuple[tuple[str, str], ...]
#: Where a marker goes: ``(depth, value, is_item, notes)``. ``depth`` is 1-based; ``value`` may
#: be inferred for a damaged marker. (A plain tuple: one is made per marker, and a tuple
#: display is several times cheaper to make than a named tuple.)
Placement = tuple[int, int | None, bool, Notes]


@dataclass(slots=True)
class _Level:
    style: str
    family: str
    last: int


@dataclass(slots=True)
class LevelStack:
    """The open levels of one document. Feed markers in reading order with :meth:`place`."""

    levels: list[_Level] = field(default_factory=list)
    last_by_style: dict[str, int] = field(default_factory=dict)

    def place(self, m: MarkerMatch) -> Placement | None:
        """Place a marker, or return None when it is not a heading after all (a weak match the
        numbering around it does not expect)."""
        style = m.style
        levels = self.levels
        if style in _ITEM_STYLES:
            return len(levels) + 1, None, True, ()
        value = m.value
        notes: list[tuple[str, str]] = []
        if value is None:
            value = self._expected(style)
            notes.append(
                (
                    "damaged-marker",
                    f"marker damaged; value {value} inferred from the numbering around it",
                )
            )
        listed = m.weak or style in _LIST_ONLY_STYLES
        if listed and not self._continues(style, value) and (m.weak or value != 1):
            return None
        rank = UNIT_RANKS.get(style)
        if rank is not None and rank < _LOWEST_RANK:  # no unit ranks below the lowest (条)
            self._close_lower_units(rank)
        # Rule 1: the innermost level of the same style, wherever it is (mostly the innermost
        # level itself: the next item of the current list).
        i = len(levels) - 1
        while i >= 0 and levels[i].style != style:
            i -= 1
        if i >= 0:
            level = levels[i]
            last = level.last
            # An inserted 第六条之一 (sub_value 1) repeats 六 by design.
            if value == last and m.sub_value is None:
                notes.append(("numbering-repeat", f"value {value} repeats the previous one"))
            elif value != last + 1:
                notes.append(("numbering-gap", f"expected {last + 1} after {last}, found {value}"))
            level.last = value
            if i + 1 < len(levels):
                del levels[i + 1 :]
            depth = i + 1
        else:
            depth = self._continue_family(style, value, notes) or self._open(style, value, notes)
        self.last_by_style[style] = value
        return depth, value, False, tuple(notes) if notes else ()

    def _expected(self, style: str) -> int:
        for level in reversed(self.levels):
            if level.style == style or level.family == FAMILIES[style]:
                return level.last + 1
        return self.last_by_style.get(style, 0) + 1

    def _continues(self, style: str, value: int) -> bool:
        return any(lv.family == FAMILIES[style] and lv.last + 1 == value for lv in self.levels)

    def _close_lower_units(self, rank: int) -> None:
        for i, level in enumerate(self.levels):
            if UNIT_RANKS.get(level.style, 0) > rank:
                del self.levels[i:]
                return

    def _continue_family(self, style: str, value: int, notes: list[tuple[str, str]]) -> int:
        """Rule 2: the innermost level of the same family whose numbering ``value`` continues
        takes the marker as its next sibling; its depth, else 0."""
        family = FAMILIES[style]
        for i in range(len(self.levels) - 1, -1, -1):
            level = self.levels[i]
            if level.family == family and level.last + 1 == value:
                notes.append(
                    (
                        "style-change",
                        f"numbering style changes from {level.style} to {style} within one level",
                    )
                )
                del self.levels[i + 1 :]
                level.style, level.last = style, value
                return i + 1
        return 0

    def _open(self, style: str, value: int, notes: list[tuple[str, str]]) -> int:
        if value != 1 and self.last_by_style.get(style, 0) + 1 != value:
            notes.append(("first-value", f"a new level starts at {value}, not 1"))
        parent = self.levels[-1].style if self.levels else None
        if parent in GB_RANKS and style in GB_RANKS and GB_RANKS[style] > GB_RANKS[parent] + 1:
            notes.append(
                ("skipped-level", f"{style} directly under {parent} skips a GB/T 9704 level")
            )
        self.levels.append(_Level(style, FAMILIES[style], value))
        return len(self.levels)
