"""On a 390 px phone, no page scrolls sideways: every page kind in English, Turkish and Arabic."""
import pytest

from conftest import SAMPLE


@pytest.fixture
def phone(browser):
    browser.set_window_size(390, 900)
    yield browser
    browser.set_window_size(1280, 900)


@pytest.mark.parametrize("locale,kind,path", [s for s in SAMPLE if s[1] != "reverse redirect"])
def test_no_page_is_wider_than_a_phone(server, phone, locale, kind, path):
    phone.get(server + path)
    viewport = phone.execute_script("return document.documentElement.clientWidth")
    widest = phone.execute_script("return Math.max(document.documentElement.scrollWidth, document.body.scrollWidth)")
    assert viewport <= 390
    # What sticks out, to say where to look when this fails.
    culprits = phone.execute_script("""
        const width = document.documentElement.clientWidth;
        return [...document.querySelectorAll('body *')]
            .filter(e => { const r = e.getBoundingClientRect(); return r.width > 0 && (r.right > width + 1 || r.left < -1); })
            .slice(0, 5).map(e => e.tagName.toLowerCase() + '.' + [...e.classList].join('.') + ' ' + Math.round(e.getBoundingClientRect().width));
    """)
    assert widest <= viewport, f"{path} is {widest} px wide on a {viewport} px screen: {culprits}"
