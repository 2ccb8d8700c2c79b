"""The demo certificate authority, generated at run time under PELAYAN_SIGNING_DIR (never in the
repository): a self-signed root and PKCS#12 identities it issues to signing officials."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.hazmat.primitives.serialization import pkcs12
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

from documents.signers import signing_dir

CA_NAME = "Pelayan Demo CA"


def _paths() -> tuple[Path, Path]:
    root = signing_dir() / "demo-ca"
    return root / "ca.key.pem", root / "ca.cert.pem"


def demo_ca_exists() -> bool:
    key, cert = _paths()
    return key.is_file() and cert.is_file()


def init_demo_ca(*, force: bool = False) -> Path:
    """Create the demo root (10 years) unless it exists; returns the certificate's path."""
    key_path, cert_path = _paths()
    if demo_ca_exists() and not force:
        return cert_path
    key_path.parent.mkdir(parents=True, exist_ok=True)
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    name = x509.Name([
        x509.NameAttribute(NameOID.COUNTRY_NAME, "ID"),
        x509.NameAttribute(NameOID.ORGANIZATION_NAME, "Pelayan (demo)"),
        x509.NameAttribute(NameOID.COMMON_NAME, CA_NAME),
    ])  # fmt: skip
    now = dt.datetime.now(dt.UTC)
    cert = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(days=1))
        .not_valid_after(now + dt.timedelta(days=3650))
        .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
        .add_extension(
            x509.KeyUsage(True, False, False, False, False, True, True, False, False), critical=True
        )
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(key.public_key()), critical=False)
        .sign(key, hashes.SHA256())
    )
    key_path.write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
        )
    )
    key_path.chmod(0o600)
    cert_path.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    return cert_path


def ca_cert_pem() -> str:
    _key, cert = _paths()
    if not cert.is_file():
        raise FileNotFoundError("no demo CA: run `pelayan signing init-demo-ca`")
    return cert.read_text()


def issue_pkcs12(
    *, common_name: str, title: str, serial_hint: str, passphrase: str | None
) -> tuple[bytes, str]:
    """A two-year signing certificate for one official as PKCS#12 (with the CA chain), and its PEM."""
    key_path, cert_path = _paths()
    if not demo_ca_exists():
        init_demo_ca()
    ca_key = serialization.load_pem_private_key(key_path.read_bytes(), password=None)
    ca_cert = x509.load_pem_x509_certificate(cert_path.read_bytes())
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    subject = x509.Name([
        x509.NameAttribute(NameOID.COUNTRY_NAME, "ID"),
        x509.NameAttribute(NameOID.ORGANIZATION_NAME, "Pelayan (demo)"),
        x509.NameAttribute(NameOID.TITLE, title[:64] or "Pejabat"),
        x509.NameAttribute(NameOID.SERIAL_NUMBER, serial_hint[:64] or "-"),
        x509.NameAttribute(NameOID.COMMON_NAME, common_name[:64]),
    ])  # fmt: skip
    now = dt.datetime.now(dt.UTC)
    cert = (
        x509.CertificateBuilder()
        .subject_name(subject)
        .issuer_name(ca_cert.subject)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(days=1))
        .not_valid_after(now + dt.timedelta(days=730))
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .add_extension(
            x509.KeyUsage(True, True, False, False, False, False, False, False, False), critical=True
        )
        .add_extension(x509.ExtendedKeyUsage([ExtendedKeyUsageOID.EMAIL_PROTECTION]), critical=False)
        .add_extension(
            x509.AuthorityKeyIdentifier.from_issuer_public_key(ca_cert.public_key()), critical=False
        )
        .sign(ca_key, hashes.SHA256())
    )
    encryption = (
        serialization.BestAvailableEncryption(passphrase.encode())
        if passphrase
        else serialization.NoEncryption()
    )
    data = pkcs12.serialize_key_and_certificates(common_name.encode(), key, cert, [ca_cert], encryption)
    return data, cert.public_bytes(serialization.Encoding.PEM).decode()
