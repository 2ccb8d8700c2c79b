"""Each step's moves are worded from the compiled process: on, back, joined or ended."""

import pytest
from django.core.management import call_command

from tests.public.conftest import publish

URL = "/kec-contoh/surat-pengantar-izin-keramaian/"


def _step(step_id, text, transitions, **more):
    return {"id": step_id, "text": text, "performer": "staff", "role": "operator-kecamatan",
            "transitions": transitions, **more}  # fmt: skip


# Step 1 may skip step 2; step 3 may send the file back to step 1, or refuse it.
SKIPPING = {
    "tracks": [{"key": "loket", "title": "Permohonan di loket"}],
    "steps": [
        _step("terima", "Petugas menerima berkas", [
            {"key": "biasa", "kind": "forward", "to": "teliti", "condition": "jika berkas biasa"},
            {"key": "segera", "kind": "forward", "to": "putus", "condition": "jika mendesak",
             "outcome": "langsung diajukan kepada Camat"},
        ]),
        _step("teliti", "Petugas meneliti berkas", [{"key": "lanjut", "kind": "forward", "to": "putus"}]),
        _step("putus", "Camat memutuskan", [
            {"key": "setuju", "kind": "approve", "end": "completed", "condition": "jika disetujui"},
            {"key": "kembalikan", "kind": "return", "to": "terima", "condition": "jika tidak lengkap"},
            {"key": "tolak", "kind": "reject", "end": "rejected", "condition": "jika ditolak"},
        ], role="camat", actor="Camat"),
    ],
    "flows": [],
}  # fmt: skip


@pytest.fixture
def body(client, service) -> str:
    publish(service, procedure=SKIPPING)
    return client.get(URL).content.decode()


def test_a_forward_jump_reads_lanjut_ke_langkah_and_never_kembali(body):
    assert "<strong>jika mendesak</strong>: langsung diajukan kepada Camat → lanjut ke langkah 3" in body
    assert "kembali ke langkah 3" not in body  # how the page used to word this jump


def test_a_move_back_to_an_earlier_step_reads_kembali_ke_langkah(body):
    assert "<strong>jika tidak lengkap</strong> → kembali ke langkah 1" in body


def test_the_ends_read_selesai_and_permohonan_ditolak(body):
    assert "<strong>jika disetujui</strong> → selesai" in body
    assert "<strong>jika ditolak</strong> → permohonan ditolak" in body


def test_a_plain_move_to_the_next_step_goes_without_saying(body):
    steps = body.split('<ol class="steps">')[1]
    second = steps.split('id="langkah-teliti">')[1].split("</li>")[0]
    assert "Petugas meneliti berkas" in second
    assert "→" not in second


def test_each_step_says_who_does_it(body):
    assert body.count('class="performer performer--staff">Petugas<') == 3
    assert 'class="actor">Camat<' in body


def test_the_diagram_draws_every_transition(body):
    assert 'data-from="terima" data-to="putus"' in body  # the jump over step 2
    assert 'class="fc-edge fc-back" data-from="putus" data-to="terima"' in body
    assert "Ditolak" in body.split("<svg")[1]


@pytest.fixture
def bangli(client, db) -> str:
    call_command("seed_demo", "--no-users", verbosity=0)
    return client.get("/dpmptsp-bangli/pengaduan-masyarakat/").content.decode()


def test_where_the_tracks_join_the_page_says_so_and_lists_the_shared_steps_once(bangli):
    assert "Alur: Pengaduan Manual" in bangli
    assert "Alur: Pengaduan Online" in bangli
    assert bangli.count("→ alur bergabung di langkah 3") == 2  # from each track's last own step
    assert "Alur Pengaduan Manual, Pengaduan Online bergabung di langkah 3." in bangli
    assert bangli.count("mengidentifikasi permasalahan pengaduan") == 1
    assert '<li value="3" id="langkah-identifikasi">' in bangli


def _joined(own_of_second: int) -> dict:
    """Two tracks that join at a shared step; the second has ``own_of_second`` steps of its own."""
    second = [
        _step(
            f"b{n}",
            f"Petugas loket B langkah {n}",
            [{"key": "lanjut", "kind": "forward", "to": f"b{n + 1}" if n < own_of_second else "bersama"}],
            track="b",
        )
        for n in range(1, own_of_second + 1)
    ]
    return {
        "tracks": [{"key": "a", "title": "Loket A"}, {"key": "b", "title": "Loket B"}],
        "steps": [
            _step("a1", "Petugas loket A menerima", [{"key": "lanjut", "kind": "forward", "to": "bersama"}],
                  track="a"),
            *second,
            _step("bersama", "Camat memutuskan bersama", [{"key": "selesai", "kind": "complete",
                  "end": "completed"}], role="camat"),
        ],
        "flows": [],
    }  # fmt: skip


def test_joined_tracks_without_a_decree_diagram_get_one_diagram_of_both(client, service):
    publish(service, procedure=_joined(1))
    body = client.get(URL).content.decode()

    assert body.count("<svg") == 1
    assert 'data-from="a1" data-to="bersama"' in body and 'data-from="b1" data-to="bersama"' in body
    assert body.count("→ alur bergabung di langkah 2") == 2
    assert body.count("Camat memutuskan bersama</span>") == 1  # listed once, under "Langkah bersama"


def test_tracks_joining_at_different_numbers_list_the_shared_step_in_each(client, service):
    publish(service, procedure=_joined(2))
    body = client.get(URL).content.decode()

    assert "Langkah bersama" not in body
    assert body.count("Camat memutuskan bersama</span>") == 2  # step 2 of Loket A, step 3 of Loket B
    assert '<li value="2" id="langkah-bersama">' in body
    assert '<li value="3" id="langkah-bersama">' in body
    assert "→ alur bergabung di langkah 2" in body and "→ alur bergabung di langkah 3" in body
    assert "kembali ke" not in body
