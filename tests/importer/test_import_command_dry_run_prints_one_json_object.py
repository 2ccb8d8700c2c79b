from __future__ import annotations

import io
import json

import pytest
from django.core.management import call_command

from standards.models import Standard
from tests.lib.importer.support import SEEDS, seed_bytes


@pytest.mark.django_db
def test_dry_run_json_prints_exactly_one_object_and_writes_nothing(tmp_path):
    data, name = seed_bytes("003_")
    path = tmp_path / name
    path.write_bytes(data)
    out = io.StringIO()
    call_command("import_standard", str(path), "--dry-run", "--json", stdout=out)
    payload = json.loads(out.getvalue())
    assert set(payload) >= {"title", "agency", "service", "decree", "components", "warnings"}
    components = payload["components"]
    assert [s["actor"] for s in components["procedure"]["steps"]][:2] == [
        "Operator Kelurahan",
        "Operator Kecamatan",
    ]
    assert components["fee"] == {"amount": 0, "text": "Gratis", "legal_basis": None}
    assert components["time_limits"][0]["max"] == {"value": 15, "unit": "minute"}
    assert components["staff_count"]["total"] == 5
    assert Standard.objects.count() == 0


@pytest.mark.django_db
def test_dry_run_json_writes_edges_with_from_and_to(tmp_path):
    data, name = seed_bytes("002_")
    path = tmp_path / name
    path.write_bytes(data)
    out = io.StringIO()
    call_command("import_standard", str(path), "--dry-run", "--json", stdout=out)
    edges = json.loads(out.getvalue())["components"]["procedure"]["flows"][0]["edges"]
    assert edges[0] == {"from": "M", "to": "PM", "label": None}


@pytest.mark.django_db
def test_dry_run_reads_a_whole_folder():
    if not SEEDS.is_dir():
        pytest.skip(f"seed folder {SEEDS} is absent")
    out = io.StringIO()
    call_command("import_standard", str(SEEDS), "--dry-run", "--json", stdout=out, stderr=io.StringIO())
    payload = json.loads(out.getvalue())
    assert len(payload["documents"]) == len(list(SEEDS.glob("*.txt")))
    assert payload["errors"] == []
