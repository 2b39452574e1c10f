"""slot_init: the same objects as dataclass's own __init__, made faster, and refusals up front."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field

import pytest

from govdoc.nodes import Heading, Marker, Paragraph, Span
from govdoc.slotinit import slot_init


@dataclass(frozen=True, slots=True)
class _Plain:
    a: int
    b: str = "x"
    c: tuple[int, ...] = ()


@slot_init
@dataclass(frozen=True, slots=True)
class _Fast:
    a: int
    b: str = "x"
    c: tuple[int, ...] = ()


@pytest.mark.parametrize(
    ("args", "kwargs"),
    [((1,), {}), ((1, "y"), {}), ((1,), {"c": (2, 3)}), ((), {"a": 4, "b": "z", "c": (5,)})],
)
def test_same_fields_as_the_dataclass_init(
    args: tuple[object, ...], kwargs: dict[str, object]
) -> None:
    plain, fast = _Plain(*args, **kwargs), _Fast(*args, **kwargs)
    assert dataclasses.astuple(plain) == dataclasses.astuple(fast)


def test_missing_and_unknown_arguments_fail_as_before() -> None:
    with pytest.raises(TypeError):
        _Fast()
    with pytest.raises(TypeError):
        _Fast(1, d=2)


def test_nodes_stay_frozen_comparable_and_hashable() -> None:
    span = Span(3, 7)
    marker = Marker("cn_dun", "top", 1, "一、", Span(3, 5))
    heading = Heading(marker, "总体要求", span)
    assert heading == Heading(
        Marker("cn_dun", "top", 1, "一、", Span(3, 5)), "总体要求", Span(3, 7)
    )
    assert hash(heading) == hash(dataclasses.replace(heading))
    assert heading.damaged is False and marker.sub_value is None
    assert Span(1, 2) < Span(1, 3)
    with pytest.raises(dataclasses.FrozenInstanceError):
        heading.title = "改"  # type: ignore[misc]
    assert Paragraph("正文", span).items == ()
    assert repr(span) == "Span(start=3, end=7)"


def test_unsupported_classes_are_refused_when_made() -> None:
    with pytest.raises(TypeError, match="slotted dataclass"):
        slot_init(dataclass(frozen=True)(type("NoSlots", (), {"__annotations__": {"a": "int"}})))

    @dataclass(frozen=True, slots=True)
    class Factory:
        a: list[int] = field(default_factory=list)

    with pytest.raises(TypeError, match="not supported"):
        slot_init(Factory)
