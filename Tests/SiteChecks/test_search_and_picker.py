"""The search box and the compare picker, used in a real browser as a reader would."""
import time

import pytest

from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select


def wait_for(condition, seconds=5):
    deadline = time.time() + seconds
    while time.time() < deadline:
        value = condition()
        if value:
            return value
        time.sleep(0.05)
    return condition()


def search(browser, server, page, query):
    browser.get(server + page)
    box = browser.find_element(By.ID, "search-input")
    box.send_keys(query)
    links = lambda: [a.get_attribute("href") for a in browser.find_elements(By.CSS_SELECTOR, ".search-results a")]
    wait_for(lambda: links() or browser.find_element(By.CSS_SELECTOR, ".search-results").text)
    # The index may arrive while the query is still being typed: read the answer to the whole query.
    time.sleep(0.3)
    return links()


def test_search_finds_a_code_by_number_enhanced_code_and_words(server, browser):
    assert server + "/smtp/550-mailbox-unavailable/" in search(browser, server, "/", "550")
    assert server + "/smtp/550-mailbox-unavailable/" in search(browser, server, "/", "5.1.1")
    assert server + "/smtp/251-user-not-local/" in search(browser, server, "/", "not local")


def test_pasted_codes_find_the_exact_enhanced_page_first(server, browser):
    x71 = server + "/enhanced/x-7-1-delivery-not-authorized-message-refused/"
    x11 = server + "/enhanced/x-1-1-bad-destination-mailbox-address/"
    page550 = server + "/smtp/550-mailbox-unavailable/"
    # 5.7.1 is X.7.1 exactly, not a prefix of 5.7.10 or the non-standard 571.
    assert search(browser, server, "/", "5.7.1")[0] == x71
    assert search(browser, server, "/", "#5.7.1")[0] == x71
    # A whole reply: its basic and its enhanced code, both first.
    assert search(browser, server, "/", "550 5.7.1")[:2] == [page550, x71]
    assert search(browser, server, "/", "550-5.1.1")[:2] == [page550, x11]
    # The registry's own notation, in either case.
    assert search(browser, server, "/tr/", "x.1.1")[0] == server + "/tr/enhanced/x-1-1-bad-destination-mailbox-address/"
    results = search(browser, server, "/", "421 4.7.0")
    assert results[0] == server + "/smtp/421-service-not-available/"
    assert server + "/enhanced/x-7-0-other-or-undefined-security-status/" in results[:2]


def test_search_reads_the_whole_page_with_english_stemming(server, browser):
    x22 = server + "/enhanced/x-2-2-mailbox-full/"
    x71 = server + "/enhanced/x-7-1-delivery-not-authorized-message-refused/"
    page550 = server + "/smtp/550-mailbox-unavailable/"
    results = search(browser, server, "/", "mailbox full")
    assert results[0] == x22 and server + "/smtp/552-storage-allocation-exceeded/" in results[:3]
    # "Relay access denied" is quoted in the text of 550 and X.7.1, not in their titles or summaries.
    results = search(browser, server, "/", "relay denied")
    assert page550 in results[:4] and x71 in results[:4]
    # Stemmed on both sides: "mailboxes" finds "mailbox", "relaying" finds "relay", "denies" finds "denied".
    assert search(browser, server, "/", "mailboxes full")[0] == x22
    results = search(browser, server, "/", "relaying denies")
    assert page550 in results[:4] and x71 in results[:4]


@pytest.mark.parametrize("locale,query,first", [
    ("tr", "posta kutusu dolu", "enhanced/x-2-2-mailbox-full/"),
    # Japanese has no spaces: the browser's segmenter cuts "メールボックスが満杯" into words.
    ("ja", "メールボックスが満杯", "enhanced/x-2-2-mailbox-full/"),
    ("ar", "صندوق البريد ممتلئ", "enhanced/x-2-2-mailbox-full/"),
])
def test_search_reads_the_whole_page_in_the_readers_language(server, browser, locale, query, first):
    assert search(browser, server, f"/{locale}/", query)[0] == f"{server}/{locale}/{first}"


@pytest.mark.parametrize("locale", ["tr", "ja", "ar"])
def test_pasted_codes_find_the_same_pages_in_every_language(server, browser, locale):
    prefix = f"{server}/{locale}"
    assert search(browser, server, f"/{locale}/", "5.7.1")[0] == prefix + "/enhanced/x-7-1-delivery-not-authorized-message-refused/"
    assert search(browser, server, f"/{locale}/", "550-5.1.1")[:2] == [prefix + "/smtp/550-mailbox-unavailable/",
                                                                       prefix + "/enhanced/x-1-1-bad-destination-mailbox-address/"]


def test_search_folds_turkish_i_and_ignores_arabic_marks(server, browser):
    # "Yerel Olmayan Kullanıcı" typed on a keyboard without ı.
    assert server + "/tr/smtp/251-user-not-local/" in search(browser, server, "/tr/", "kullanici")
    # 220's summary "يرحّب" (with a shadda), typed without it.
    assert server + "/ar/smtp/220-service-ready/" in search(browser, server, "/ar/", "يرحب")


def test_search_works_in_the_readers_language(server, browser):
    results = search(browser, server, "/tr/", "yerel olmayan")
    assert server + "/tr/smtp/251-user-not-local/" in results
    results = search(browser, server, "/tr/", "zzzz-nothing")
    assert results == []
    assert browser.find_element(By.CSS_SELECTOR, ".search-results li").text == "Aramanızla eşleşen kod yok."


def test_the_picker_goes_to_the_canonical_comparison_in_either_order(server, browser):
    browser.get(server + "/tr/smtp/")
    form = browser.find_element(By.CSS_SELECTOR, "form.picker")
    Select(form.find_element(By.NAME, "first")).select_by_value("551-user-not-local")
    Select(form.find_element(By.NAME, "second")).select_by_value("251-user-not-local")
    form.find_element(By.CSS_SELECTOR, "button").click()
    assert wait_for(lambda: browser.current_url.endswith("/tr/compare/smtp/251-user-not-local-vs-551-user-not-local/"))


def test_the_picker_on_a_code_page_starts_from_that_code_and_refuses_a_pair_of_one(server, browser):
    browser.get(server + "/smtp/450-mailbox-temporarily-unavailable/")
    form = browser.find_element(By.CSS_SELECTOR, "form.picker")
    first = Select(form.find_element(By.NAME, "first"))
    assert first.first_selected_option.get_attribute("value") == "450-mailbox-temporarily-unavailable"
    Select(form.find_element(By.NAME, "second")).select_by_value("450-mailbox-temporarily-unavailable")
    form.find_element(By.CSS_SELECTOR, "button").click()
    assert form.find_element(By.CSS_SELECTOR, ".picker-message").text == "Choose two different codes."
    assert browser.current_url.endswith("/smtp/450-mailbox-temporarily-unavailable/")


def test_without_javascript_the_forms_stay_hidden_and_links_remain(site_dir):
    page = (site_dir / "smtp/450-mailbox-temporarily-unavailable/index.html").read_text()
    rule = "html:not(.js) .search, html:not(.js) .picker, html:not(.js) .decoder, html.js .decoder-needs-js { display: none; }"
    assert '<form class="picker"' in page and rule in next((site_dir / "assets").glob("style.*.css")).read_text()
    assert page.count('href="/compare/smtp/') >= 50
    # The decoder needs its script: without it, the page says so and links every code instead.
    decoder = (site_dir / "decode/index.html").read_text()
    assert '<form class="decoder"' in decoder and '<p class="decoder-needs-js">' in decoder and '<a href="/">All codes</a>' in decoder
