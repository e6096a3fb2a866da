"""The built site served for real by nginx with the documented server block."""
import urllib.error
import urllib.request

import pytest

from conftest import SAMPLE


def fetch(url):
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.status, response.headers, response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read().decode()


@pytest.mark.parametrize("locale,kind,path", [s for s in SAMPLE if s[1] != "not found"])
def test_every_page_type_is_served(server, locale, kind, path):
    status, headers, body = fetch(server + path)
    assert status == 200
    assert headers["Content-Type"] == "text/html; charset=utf-8"
    assert f'<html lang="{locale}"' in body


def test_reverse_order_lands_on_the_canonical_page(server, browser):
    browser.get(server + "/tr/compare/smtp/551-user-not-local-vs-251-user-not-local/")
    browser.implicitly_wait(2)
    for _ in range(50):
        if "251-user-not-local-vs-551" in browser.current_url:
            break
        browser.implicitly_wait(0.1)
    assert browser.current_url == server + "/tr/compare/smtp/251-user-not-local-vs-551-user-not-local/"
    assert browser.find_element("tag name", "h1").text.startswith("SMTP 251")


@pytest.mark.parametrize("prefix,locale", [("", "en"), ("/tr", "tr"), ("/ar", "ar")])
def test_a_missing_url_gets_the_sites_404_page_with_status_404(server, site_dir, prefix, locale):
    status, _, body = fetch(server + prefix + "/smtp/999-no-such-code/")
    assert status == 404
    expected = (site_dir / (prefix.lstrip("/") + "/404.html").lstrip("/")).read_text()
    assert body == expected
    assert f'<html lang="{locale}"' in body


def test_assets_search_index_and_sitemaps_have_their_types(server, site_dir):
    stylesheet = next((site_dir / "assets").glob("style.*.css")).name
    assert fetch(server + "/assets/" + stylesheet)[1]["Content-Type"].startswith("text/css")
    assert fetch(server + "/tr/search-index.json")[1]["Content-Type"].startswith("application/json")
    assert fetch(server + "/sitemap.xml")[1]["Content-Type"].startswith(("text/xml", "application/xml"))
    assert fetch(server + "/robots.txt")[2].endswith("sitemap.xml\n")


def test_a_folder_url_without_its_slash_redirects_to_it(server):
    request = urllib.request.Request(server + "/smtp")
    opener = urllib.request.build_opener(NoRedirect)
    try:
        opener.open(request, timeout=5)
        pytest.fail("expected a redirect")
    except urllib.error.HTTPError as error:
        assert error.code == 301
        assert error.headers["Location"] == "/smtp/"


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None
