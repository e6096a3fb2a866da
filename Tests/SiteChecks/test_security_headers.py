"""The security headers and the Content-Security-Policy, as nginx serves them with the generated server
block and as Chromium enforces them."""
import gzip
import urllib.request

import pytest

from conftest import SAMPLE


def headers_of(url):
    with urllib.request.urlopen(url, timeout=5) as response:
        return response.headers


def test_pages_carry_the_security_headers_and_are_revalidated(server):
    headers = headers_of(server + "/tr/smtp/550-mailbox-unavailable/")
    csp = headers["Content-Security-Policy"]
    assert "default-src 'self'" in csp and "'unsafe-inline'" not in csp and "script-src 'self' 'sha256-" in csp
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert headers["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert "camera=()" in headers["Permissions-Policy"]
    assert headers["Cache-Control"] == "no-cache"


def test_assets_are_content_named_and_cached_for_a_year(server, site_dir):
    page = (site_dir / "index.html").read_text()
    styles = [name.name for name in (site_dir / "assets").iterdir() if name.suffix == ".css"]
    assert len(styles) == 1 and styles[0].startswith("style.") and styles[0] != "style.css"
    assert f'href="/assets/{styles[0]}"' in page
    headers = headers_of(server + "/assets/" + styles[0])
    assert headers["Cache-Control"] == "public, max-age=31536000, immutable"
    assert headers["X-Content-Type-Options"] == "nosniff"


@pytest.mark.parametrize("locale,kind,path", [s for s in SAMPLE if s[0] in ("en", "ar")])
def test_chromium_reports_no_policy_violation(server, browser, locale, kind, path):
    browser.get_log("browser")  # drop what earlier pages logged
    browser.get(server + path)
    browser.execute_script("return document.readyState")
    messages = [entry["message"] for entry in browser.get_log("browser")]
    violations = [message for message in messages if "Content Security Policy" in message or "Content-Security-Policy" in message]
    assert violations == [], violations
    # The inline script the policy allows by its hash did run: search and picker are shown.
    assert browser.execute_script("return document.documentElement.classList.contains('js')")


def test_the_policy_would_catch_an_inline_script_it_does_not_allow(server, browser):
    """The check above can fail: a script the policy does not list is refused, and Chromium says so."""
    browser.get(server + "/smtp/")
    browser.get_log("browser")
    browser.execute_script("var s = document.createElement('script'); s.textContent = 'window.sneaked = 1'; document.head.appendChild(s);")
    messages = [entry["message"] for entry in browser.get_log("browser")]
    assert any("Content Security Policy" in message for message in messages), messages
    assert browser.execute_script("return window.sneaked === undefined")


def test_nginx_sends_the_precompressed_gzip_sibling_with_the_headers(server, site_dir):
    path = "tr/smtp/550-mailbox-unavailable/index.html"
    request = urllib.request.Request(server + "/" + path.removesuffix("index.html"), headers={"Accept-Encoding": "gzip"})
    with urllib.request.urlopen(request, timeout=5) as response:
        body = response.read()
        assert response.headers["Content-Encoding"] == "gzip"
        assert "Accept-Encoding" in response.headers["Vary"]
        assert "script-src 'self' 'sha256-" in response.headers["Content-Security-Policy"]
        assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert body == (site_dir / (path + ".gz")).read_bytes()
    assert gzip.decompress(body) == (site_dir / path).read_bytes()
    # Without Accept-Encoding, the plain file.
    with urllib.request.urlopen(server + "/" + path.removesuffix("index.html"), timeout=5) as response:
        assert response.headers.get("Content-Encoding") is None
        assert response.read() == (site_dir / path).read_bytes()
