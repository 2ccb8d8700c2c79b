"""Every page carries a Content-Security-Policy without 'unsafe-inline', and the pages themselves
contain no inline script or style that it would block."""

import re

import pytest
from django.urls import reverse

INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)(?![^>]*type=\"application/json\")[^>]*>", re.I)
INLINE_STYLE = re.compile(r"<style\b|\sstyle=\"", re.I)


def _policy(response) -> dict[str, str]:
    header = response["Content-Security-Policy"]
    return {part.split()[0]: part for part in (p.strip() for p in header.split(";")) if part}


def test_the_policy_allows_scripts_and_styles_from_this_site_only(client, db):
    policy = _policy(client.get("/"))

    assert policy["script-src"] == "script-src 'self'"
    assert policy["style-src"] == "style-src 'self'"
    assert policy["frame-ancestors"] == "frame-ancestors 'none'"
    assert "unsafe-inline" not in client.get("/")["Content-Security-Policy"]


@pytest.mark.parametrize(
    "path",
    [
        "/",
        "/kec-contoh/",
        "/kec-contoh/maklumat/",
        "/kec-contoh/surat-pengantar-izin-keramaian/",
        "/api/v1/docs",
    ],
)
def test_public_pages_have_no_inline_script_or_style(client, published, path):
    body = client.get(path).content.decode()

    assert not INLINE_SCRIPT.findall(body), path
    assert not INLINE_STYLE.findall(body), path


def test_the_base_template_turns_off_htmx_indicator_styles(client, db):
    body = client.get("/").content.decode()

    assert """<meta name="htmx-config" content='{"includeIndicatorStyles":false}'>""" in body


@pytest.mark.parametrize(
    "name,args",
    [
        ("admin:standards_standard_changelist", []),
        ("admin:standards_standard_change", ["draft"]),
        ("admin:importer_upload", []),
    ],
)
def test_project_admin_pages_have_no_inline_style(client, agency_admin, draft, name, args):
    client.force_login(agency_admin)
    url = reverse(name, args=[draft.pk if a == "draft" else a for a in args])

    body = client.get(url).content.decode()

    assert not INLINE_SCRIPT.findall(body), url
    assert not INLINE_STYLE.findall(body), url
    assert "css/pelayan-admin.css" in body
