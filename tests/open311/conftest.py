"""Open311 fixtures: the demo agencies with their complaint handling, a client key, and a check of
every answer against the GeoReport v2 schemas in ../shared/open311/georeport-v2/."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from jsonschema import Draft7Validator
from referencing import Registry, Resource

from open311.services import open311_client_create
from standards.demo import load_demo

SCHEMAS = Path(__file__).resolve().parents[2].parent / "shared" / "open311" / "georeport-v2"


def _registry() -> Registry:
    resources = []
    for path in SCHEMAS.glob("*.json"):
        if path.name == "swagger.json":
            continue
        resources.append((path.name, Resource.opaque(json.loads(path.read_text()))))
    return Registry().with_resources(resources)


def validate(document: object, schema: str) -> None:
    """Raise unless ``document`` is valid against the named GeoReport v2 schema."""
    if not SCHEMAS.is_dir():
        raise AssertionError(f"the shared GeoReport v2 schemas are missing: {SCHEMAS}")
    main = json.loads((SCHEMAS / schema).read_text())
    errors = sorted(Draft7Validator(main, registry=_registry()).iter_errors(document), key=str)
    assert not errors, "\n".join(f"{list(e.absolute_path)}: {e.message}" for e in errors)


@pytest.fixture
def demo(db):
    return load_demo(with_users=True)


@pytest.fixture
def api_key(db) -> str:
    return open311_client_create(name="peta-warga")[1]
