"""Documents written for the tests, in shapes unlike the seeds: Word tables, PDF, HTML tables, plain
numbered text, Markdown headings, a decree with several services, documents with missing components.
Built in memory so no binary fixture is stored."""

from __future__ import annotations

from tests.lib.importer.support import make_docx, make_pdf

KTP_ROWS = [
    (
        "1",
        "Persyaratan Pelayanan",
        "1. Surat pengantar RT/RW asli\n2. Fotokopi Kartu Keluarga 1 (satu) lembar\n3. Pas foto 3x4 2 (dua) lembar",
    ),
    (
        "2",
        "Sistem, Mekanisme dan Prosedur",
        "1. Pemohon menyerahkan berkas kepada Petugas Loket\n2. Petugas Loket memeriksa kelengkapan berkas, jika tidak lengkap berkas dikembalikan kepada Pemohon\n3. Kepala Seksi menandatangani dokumen\n4. Petugas Loket menyerahkan KTP-el kepada Pemohon",
    ),
    ("3", "Jangka Waktu Penyelesaian", "14 (empat belas) hari kerja"),
    ("4", "Biaya/Tarif", "Tidak dipungut biaya"),
    ("5", "Produk Pelayanan", "Kartu Tanda Penduduk Elektronik (KTP-el)"),
    (
        "6",
        "Pengelolaan Pengaduan",
        "a. SMS : 0812 3456 7890\nb. Telepon : (0341) 551234\nc. Kotak pengaduan di ruang tunggu",
    ),
    (
        "7",
        "Dasar Hukum",
        "1. Undang-Undang Nomor 24 Tahun 2013 tentang Perubahan atas Undang-Undang Nomor 23 Tahun 2006 tentang Administrasi Kependudukan\n2. Peraturan Presiden Nomor 96 Tahun 2018 tentang Persyaratan dan Tata Cara Pendaftaran Penduduk",
    ),
    ("8", "Sarana dan Prasarana", "Ruang tunggu, kursi antrian, mesin antrian dan toilet"),
    ("9", "Kompetensi Pelaksana", "Memahami SIAK; Mampu mengoperasikan komputer"),
    ("10", "Pengawasan Internal", "Dilakukan oleh Kepala Dinas secara berjenjang"),
    ("11", "Jumlah Pelaksana", "Operator sebanyak 3 orang\nVerifikator sebanyak 2 orang"),
    ("12", "Jaminan Pelayanan", "Pelayanan diberikan sesuai standar"),
    ("13", "Jaminan Keamanan dan Keselamatan Pelayanan", "Data penduduk dijamin kerahasiaannya"),
    ("14", "Evaluasi Kinerja Pelaksana", "Survei Kepuasan Masyarakat dilakukan setiap 3 (tiga) bulan"),
]


def docx_ktp() -> tuple[bytes, str]:
    before = [
        "DINAS KEPENDUDUKAN DAN PENCATATAN SIPIL KABUPATEN CONTOH",
        "STANDAR PELAYANAN PENERBITAN KTP-EL",
    ]
    return make_docx(before, KTP_ROWS, ["KEPALA DINAS,", "BUDI SANTOSO"]), "ktp.docx"


PUSKESMAS_LINES = [
    "PEMERINTAH KABUPATEN CONTOH",
    "STANDAR PELAYANAN SURAT KETERANGAN SEHAT",
    "1 Persyaratan",
    "1. KTP asli",
    "2. Formulir permohonan",
    "2 Sistem, Mekanisme, dan Prosedur",
    "1. Pasien mendaftar di Loket Pendaftaran dan",
    "menunggu panggilan.",
    "2. Dokter memeriksa pasien.",
    "3. Petugas Administrasi mencetak surat keterangan sehat.",
    "3 Jangka Waktu Pelayanan",
    "Paling lama 60 (enam puluh) menit",
    "4 Biaya/Tarif",
    "Rp 50.000,- sesuai Peraturan Daerah Nomor 5 Tahun 2020",
    "5 Produk Pelayanan",
    "Surat Keterangan Sehat",
    "6 Penanganan Pengaduan, Saran dan Masukan",
    "1. Email: pengaduan@puskesmas-contoh.go.id",
    "2. WhatsApp: +62 811-2222-3333",
]
PUSKESMAS_PAGE_2 = [
    "Halaman 2 dari 2",
    "7 Dasar Hukum",
    "1. Peraturan Menteri Kesehatan Nomor 43 Tahun 2019 tentang Pusat Kesehatan Masyarakat",
    "8 Sarana, Prasarana dan/atau Fasilitas",
    "Ruang periksa, tensimeter, timbangan",
    "9 Kompetensi Pelaksana",
    "Dokter umum dengan STR aktif.",
    "10 Pengawasan Internal",
    "Kepala Puskesmas.",
    "11 Jumlah Pelaksana",
    "4 (empat) orang",
    "12 Jaminan Pelayanan",
    "Pelayanan sesuai standar.",
    "13 Jaminan Keamanan dan Keselamatan Pelayanan",
    "Rekam medis dijaga kerahasiaannya.",
    "14 Evaluasi Kinerja Pelaksana",
    "Evaluasi dilakukan sebulan sekali.",
]


def pdf_puskesmas() -> tuple[bytes, str]:
    return make_pdf([PUSKESMAS_LINES, PUSKESMAS_PAGE_2]), "puskesmas.pdf"


def html_rsud() -> tuple[bytes, str]:
    rows = [
        ("Persyaratan", "<ul><li>Kartu BPJS atau KTP</li><li>Surat rujukan asli</li></ul>"),
        (
            "Prosedur",
            "<ol><li>Pasien mengambil nomor antrian</li><li>Petugas Pendaftaran mencatat data pasien</li><li>Dokter Spesialis memeriksa pasien</li></ol>",
        ),
        ("Waktu Pelayanan", "Pendaftaran : 15 (lima belas) menit<br>Pemeriksaan : 1 (satu) jam"),
        ("Tarif", "Sesuai tarif BPJS; pasien umum Rp 150.000"),
        ("Produk Layanan", "Hasil pemeriksaan dan resep"),
        (
            "Penanganan Pengaduan, Saran dan Masukan",
            "<p>WhatsApp +62 812-3456-7890, website rsud.contoh.go.id, SP4N-LAPOR!</p>",
        ),
        ("Dasar Hukum", "<p>UU No. 44 Tahun 2009 tentang Rumah Sakit</p>"),
        ("Fasilitas", "<p>Ruang tunggu ber-AC</p>"),
        ("Kompetensi Pelaksana", "<p>Dokter spesialis</p>"),
        ("Pengawas Internal", "<p>Satuan Pengawas Internal</p>"),
        ("Jumlah Pelaksana", "<p>Dokter: 3 orang; Perawat: 6 orang</p>"),
        ("Jaminan Pelayanan", "<p>Maklumat pelayanan</p>"),
        ("Jaminan Keamanan dan Keselamatan", "<p>APAR dan jalur evakuasi</p>"),
        ("Evaluasi Kinerja", "<p>Survei kepuasan 2 (dua) kali setahun</p>"),
    ]
    body = "".join(
        f"<tr><td>{n}</td><td>{label}</td><td>{content}</td></tr>"
        for n, (label, content) in enumerate(rows, 1)
    )
    html = (
        "<html><head><title>x</title><style>td{border:1px}</style></head><body>"
        "<h2>STANDAR PELAYANAN RAWAT JALAN</h2><p>RSUD Kabupaten Contoh</p>"
        f"<table><tr><th>No</th><th>Komponen</th><th>Uraian</th></tr>{body}</table></body></html>"
    )
    return html.encode(), "rsud.html"


PLAIN_TYPOS = """KOMPONEN STANDAR PELAYANAN PERIZINAN REKLAME

I. PENYAMPAIAN PELAYANAN
1. PERSYARATN PELAYANAN : Surat permohonan; Fotokopi KTP pemohon; Desain reklame
2. SISTEM, MEKANISME, DAN PROSEDUR : Pemohon mengajukan permohonan melalui aplikasi. Verifikator memeriksa berkas.
3. JANGKA WAKTU PENYELESAIAN/PELAYANAN : tiga hari kerja
4. BIAYA / TARIF : Tidak ada biaya
5. PRODUK LAYANAN : Izin Reklame
6. PENANGANAN/PENGELOLAAN PENGADUAN, SARAN DAN MASUKAN : email dpmptsp@contoh.go.id, telepon 021-5551234
II. PENGELOLAAN PELAYANAN
7. DASAR HUKUM : Peraturan Daerah Kota Contoh Nomor 2 Tahun 2021 tentang Penyelenggaraan Reklame
8. SARANA, PRASARANA DAN/ATAU FASILITAS : Komputer, printer, ruang tunggu
9. KOMPETENSI PELAKSANA : Memahami peraturan reklame
10. PENGAWAS INTERNAL : Kepala Dinas
11. JUMLAH PELAKSANA : 6 (enam) orang
12. JAMINAN PELAYANAN : Izin terbit tepat waktu
13. JAMINAN KEAMANAN DAN KESELAMATAN PELAYANAN : Dokumen dijamin keasliannya
14. EVALUASI KINERJA PELAKSANA : Evaluasi setiap tahun
"""


def text_typos() -> tuple[bytes, str]:
    return PLAIN_TYPOS.encode(), "reklame.txt"


def _service(title: str, fee: str, days: str) -> str:
    return f"""
{title}

1. Persyaratan Pelayanan
Surat permohonan bermaterai
2. Sistem, Mekanisme, dan Prosedur
1. Pemohon menyampaikan berkas kepada Petugas Front Office
2. Kepala Bidang memverifikasi berkas
3. Jangka Waktu Penyelesaian
{days}
4. Biaya/Tarif
{fee}
5. Produk Pelayanan
Surat Izin
6. Penanganan Pengaduan, Saran dan Masukan
Kotak pengaduan dan email izin@dinas-contoh.go.id
7. Dasar Hukum
Peraturan Bupati Contoh Nomor 12 Tahun 2022 tentang Perizinan
8. Sarana, Prasarana dan/atau Fasilitas
Loket pelayanan
9. Kompetensi Pelaksana
Memahami perizinan
10. Pengawasan Internal
Inspektorat
11. Jumlah Pelaksana
2 (dua) orang
12. Jaminan Pelayanan
Tepat waktu
13. Jaminan Keamanan dan Keselamatan Pelayanan
Berkas aman
14. Evaluasi Kinerja Pelaksana
Evaluasi setiap semester
"""


def text_multi_service() -> tuple[bytes, str]:
    text = (
        "LAMPIRAN\nKEPUTUSAN KEPALA DINAS PENANAMAN MODAL KABUPATEN CONTOH\nNOMOR : 503/12/2024\n"
        "TENTANG STANDAR PELAYANAN PADA DINAS PENANAMAN MODAL DAN PELAYANAN TERPADU SATU PINTU KABUPATEN CONTOH\n"
        + _service("1. STANDAR PELAYANAN IZIN USAHA MIKRO", "Gratis", "3 (tiga) hari kerja")
        + _service("2. STANDAR PELAYANAN IZIN PRAKTIK BIDAN", "Tidak dikenakan biaya", "5 (lima) hari kerja")
        + _service("3. STANDAR PELAYANAN IZIN APOTEK", "Rp 100.000,-", "tujuh hari kerja")
        + "\nKEPALA DINAS,\n\nSITI AMINAH\nNIP. 19700101 199001 2 001\n"
    )
    return text.encode(), "multi.txt"


def text_missing() -> tuple[bytes, str]:
    text = """STANDAR PELAYANAN LEGALISIR IJAZAH

Persyaratan: Fotokopi ijazah 3 (tiga) lembar; Ijazah asli
Prosedur: Pemohon menyerahkan berkas; Petugas mencocokkan dengan aslinya
Waktu Penyelesaian: 1 x 24 jam
Biaya: Gratis
Produk: Fotokopi ijazah yang dilegalisir
Dasar Hukum: Permendikbud Nomor 29 Tahun 2014 tentang Pengesahan Fotokopi Ijazah
Jumlah Pelaksana: 1 orang
Evaluasi Kinerja Pelaksana: minimal 1 (satu) kali dalam 6 (enam) bulan
"""
    return text.encode(), "legalisir.txt"


MARKDOWN_HEADINGS = """# Standar Pelayanan Rekomendasi Izin Keramaian

## 1. Persyaratan
- Surat permohonan penyelenggara
- Fotokopi KTP penanggung jawab 1 lembar

## 2. Sistem, Mekanisme, dan Prosedur
```mermaid
graph TD
  P[Pemohon] -->|berkas| L(Loket)
  L --> K{Kasi Trantib}
  K -- setuju --> C[Camat]
```
1. Pemohon datang ke loket
2. Kasi Trantib memeriksa berkas
3. Camat menandatangani rekomendasi

## 3. Jangka Waktu Pelayanan
**Maksimal 2 (dua) hari kerja**

## 4. Biaya/Tarif
Tidak dipungut biaya/gratis

## 5. Produk Pelayanan
Surat rekomendasi

## 6. Penanganan Pengaduan, Saran dan Masukan
- Layanan SMS: 0813-1111-2222
- Faks: (021) 7654321
- Datang langsung kepada Petugas Pengaduan

## 7. Dasar Hukum
- Peraturan Kepolisian Negara Republik Indonesia Nomor 7 Tahun 2023 tentang Tata Cara Perizinan Keramaian

## 8. Sarana, Prasarana dan/atau Fasilitas
Ruang pelayanan

## 9. Kompetensi Pelaksana
Memahami ketertiban umum

## 10. Pengawasan Internal
Sekretaris Kecamatan

## 11. Jumlah Pelaksana
Kasi Trantib 1 orang, Staf 2 orang

## 12. Jaminan Pelayanan
Pelayanan tepat waktu

## 13. Jaminan Keamanan dan Keselamatan Pelayanan
Ruang pelayanan diawasi CCTV

## 14. Evaluasi Kinerja Pelaksana
Rapat evaluasi setiap bulan
"""


def markdown_headings() -> tuple[bytes, str]:
    return MARKDOWN_HEADINGS.encode(), "keramaian.md"


def text_windows_1252() -> tuple[bytes, str]:
    text = (
        "STANDAR PELAYANAN INFORMASI PUBLIK\r\n"
        "Persyaratan Pelayanan\tIdentitas pemohon \u2013 KTP\r\n"
        "Sistem, Mekanisme dan Prosedur\tPemohon mengisi formulir; Pejabat Pengelola Informasi menjawab permohonan\r\n"
        "Jangka Waktu Penyelesaian\tsepuluh hari kerja\r\n"
        "Biaya/Tarif\tTidak dikenakan biaya\r\n"
        "Produk Pelayanan\tInformasi publik\r\n"
        "Penanganan Pengaduan, Saran dan Masukan\tSurat keberatan ditujukan kepada Atasan PPID\r\n"
        "Jumlah Pelaksana\t2 orang\r\n"
    )
    return text.encode("cp1252"), "ppid.txt"


def docx_paragraphs_no_table() -> tuple[bytes, str]:
    import io

    import docx

    document = docx.Document()
    for line in [
        "STANDAR PELAYANAN PEMBUATAN SURAT KETERANGAN DOMISILI",
        "A. Komponen Penyampaian Pelayanan",
        "1. Persyaratan",
        "Surat pengantar RT",
        "Fotokopi KTP",
        "2. Prosedur",
        "Pemohon datang ke kantor kelurahan",
        "Lurah menandatangani surat",
        "3. Waktu Pelayanan",
        "30 menit",
        "4. Biaya",
        "Gratis",
        "5. Produk Pelayanan",
        "Surat Keterangan Domisili",
        "6. Penanganan Pengaduan",
        "Telp. (0361) 222333",
        "B. Komponen Pengelolaan Pelayanan",
        "1. Dasar Hukum",
        "Peraturan Wali Kota Nomor 9 Tahun 2020 tentang Pelimpahan Kewenangan",
        "2. Sarana dan Prasarana",
        "Meja pelayanan",
    ]:
        document.add_paragraph(line)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue(), "domisili.docx"


ALL = {
    "docx_ktp": docx_ktp,
    "pdf_puskesmas": pdf_puskesmas,
    "html_rsud": html_rsud,
    "text_typos": text_typos,
    "text_multi_service": text_multi_service,
    "text_missing": text_missing,
    "markdown_headings": markdown_headings,
    "text_windows_1252": text_windows_1252,
    "docx_paragraphs_no_table": docx_paragraphs_no_table,
}
