"""Every page type in every locale of the shipped site, with its real translated text, at 390 px and
1280 px: no page scrolls sideways, and the language menu, once open, lies wholly inside the screen."""
import pathlib

import pytest
import yaml

from conftest import REPO, pages_of_each_type

LOCALES = [locale["code"] for locale in yaml.safe_load((REPO / "content/site.yml").read_text())["locales"]]

WIDEST_ELEMENTS = """
    const width = document.documentElement.clientWidth;
    return [...document.querySelectorAll('body *')]
        .filter(e => { const r = e.getBoundingClientRect(); return r.width > 0 && (r.right > width + 1 || r.left < -1); })
        .slice(0, 5).map(e => e.tagName.toLowerCase() + '.' + [...e.classList].join('.') + ' ' + Math.round(e.getBoundingClientRect().width));
"""

# The menu's links outside the viewport once the menu is open (all of them must be reachable).
MENU_OUTSIDE = """
    const menu = document.querySelector('details.languages');
    menu.open = true;
    const width = document.documentElement.clientWidth, height = window.innerHeight;
    const outside = [...menu.querySelectorAll('nav a')].filter(a => {
        const r = a.getBoundingClientRect();
        return r.left < -1 || r.right > width + 1 || r.top < -1 || r.width === 0;
    }).map(a => a.getAttribute('hreflang'));
    menu.open = false;
    return outside;
"""


def test_every_locale_is_checked():
    assert len(LOCALES) == 18


@pytest.mark.parametrize("width", [390, 1280])
@pytest.mark.parametrize("locale", LOCALES)
def test_every_page_type_fits_the_screen(shipped_server, browser, locale, width):
    browser.set_window_size(width, 900)
    problems = []
    try:
        for kind, path in pages_of_each_type(locale).items():
            if kind == "reverse redirect":
                continue
            browser.get(shipped_server + path)
            assert browser.execute_script("return document.documentElement.lang") == locale, path
            viewport = browser.execute_script("return document.documentElement.clientWidth")
            widest = browser.execute_script("return Math.max(document.documentElement.scrollWidth, document.body.scrollWidth)")
            if widest > viewport:
                problems.append(f"{path}: {widest} px wide on a {viewport} px screen: {browser.execute_script(WIDEST_ELEMENTS)}")
            outside = browser.execute_script(MENU_OUTSIDE)
            if outside:
                problems.append(f"{path}: with the language menu open, {outside} lie outside the screen")
    finally:
        browser.set_window_size(1280, 900)
    assert not problems, "\n".join(problems)
