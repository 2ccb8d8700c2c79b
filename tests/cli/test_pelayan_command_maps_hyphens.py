import json

import pytest

from pelayan.cli import main


@pytest.mark.django_db
def test_it_runs_hyphenated_commands_under_their_django_names(capsys, tmp_path):
    document = tmp_path / "standar.txt"
    document.write_text(
        "STANDAR PELAYANAN KONSULTASI\n"
        "1. Persyaratan\tSurat permohonan\n"
        "2. Sistem, Mekanisme, dan Prosedur\t1. Petugas menerima surat\n"
        "3. Jangka Waktu Penyelesaian\t15 menit\n"
        "4. Biaya/Tarif\tGratis\n"
        "5. Produk Pelayanan\tSurat jawaban\n",
        encoding="utf-8",
    )

    main(["pelayan", "import-standard", str(document), "--dry-run", "--json"])

    printed = json.loads(capsys.readouterr().out)
    assert printed["components"]["fee"]["amount"] == 0


def test_it_leaves_options_alone(capsys):
    main(["pelayan", "--version"])

    assert capsys.readouterr().out.strip()[0].isdigit()
