"""The JSON Schemas of docs/schema/ validate what `parse`, `outline` and `meta` really emit."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from referencing import Registry, Resource

import govdoc
from govdoc.numbering import STYLES

from .conftest import FIXTURES, SEEDS, seed_files

SCHEMAS = Path(__file__).parent.parent / "docs" / "schema"
EXAMPLES = Path(__file__).parent.parent / "examples"


def _load(name: str) -> dict[str, Any]:
    value: dict[str, Any] = json.loads((SCHEMAS / name).read_text(encoding="utf-8"))
    return value


_REGISTRY = Registry().with_resources(
    (name, Resource.from_contents(_load(name)))
    for name in ("document.schema.json", "outline.schema.json", "meta.schema.json")
)


def _validator(name: str) -> jsonschema.Draft202012Validator:
    schema = _load(name)
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema, registry=_REGISTRY)


def _inputs() -> list[Path]:
    return [*sorted(FIXTURES.glob("*.txt")), *sorted(EXAMPLES.glob("*.txt")), *seed_files()]


def _id(path: Path) -> str:
    return f"seed-{path.name[:3]}" if path.parent == SEEDS else path.stem


def _errors(validator: jsonschema.Draft202012Validator, value: Any) -> list[str]:
    return [
        f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in validator.iter_errors(value)
    ]


@pytest.mark.parametrize("path", _inputs(), ids=_id)
def test_views_match_their_schemas(path: Path) -> None:
    doc = govdoc.parse_file(path)
    assert not _errors(_validator("document.schema.json"), govdoc.to_dict(doc))
    assert not _errors(_validator("outline.schema.json"), govdoc.outline(doc))
    assert not _errors(_validator("meta.schema.json"), govdoc.meta(doc))


def test_style_enum_is_the_grammar_styles() -> None:
    assert tuple(_load("document.schema.json")["$defs"]["style"]["enum"]) == STYLES


def test_schema_rejects_a_renamed_key() -> None:
    value = govdoc.to_dict(govdoc.parse("关于开展检查的通知\n一、总体要求\n做好工作。\n"))
    value["blocks"][-1]["heading_renamed"] = value["blocks"][-1].pop("heading")
    assert _errors(_validator("document.schema.json"), value)


def test_meta_extra_keys_are_text() -> None:
    value = govdoc.meta(govdoc.parse("关于开展检查的通知\n"))
    assert not _errors(_validator("meta.schema.json"), dict(value, index_number="000-01"))
    assert _errors(_validator("meta.schema.json"), dict(value, index_number=3))


def test_outline_refers_to_the_document_styles() -> None:
    entries = govdoc.outline(govdoc.parse("关于开展检查的通知\n一、总体要求\n做好工作。\n"))
    assert entries and not _errors(_validator("outline.schema.json"), entries)
    assert _errors(_validator("outline.schema.json"), [dict(entries[0], style="roman")])
