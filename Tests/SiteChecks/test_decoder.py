"""The bounce decoder, used in a real browser with the bounce formats readers paste. The samples follow
each format as its sender documents it (addresses and hosts are placeholders); none is a real message."""
import pytest
from selenium.webdriver.common.by import By

from test_search_and_picker import wait_for

GMAIL = """** Address not found **

Your message wasn't delivered to nobody@example.com because the address couldn't be found.

The response was:
550-5.1.1 The email account that you tried to reach does not exist. Please try
550-5.1.1 double-checking the recipient's email address for typos or
550-5.1.1 unnecessary spaces. For more information, go to
550 5.1.1  https://support.google.com/mail/?p=NoSuchUser a1b2c3d4e5.12 - gsmtp"""

MICROSOFT_365 = """Your message to someone@example.com couldn't be delivered.
someone wasn't found at example.com.

Diagnostic information for administrators:
Generating server: AM0PR01MB1234.eurprd01.prod.example.net
Remote Server returned '550 5.1.10 RESOLVER.ADR.RecipientNotFound; Recipient not found by SMTP address lookup'"""

YAHOO = """421 4.7.0 [TSS04] Messages from 192.0.2.1 temporarily deferred due to unexpected volume or user complaints - 4.16.55.1; see https://postmaster.example.com/error-codes"""

POSTFIX = """<user@example.net>: host mx.example.net[192.0.2.25] said: 550 5.1.1
    <user@example.net>: Recipient address rejected: User unknown in virtual
    mailbox table (in reply to RCPT TO command)"""

EXIM = """This message was created automatically by mail delivery software.

A message that you sent could not be delivered to one or more of its
recipients. This is a permanent error. The following address(es) failed:

  user@example.net
    host mx.example.net [192.0.2.30]
    SMTP error from remote mail server after RCPT TO:<user@example.net>:
    552 5.2.2 Mailbox full"""

DSN = """Reporting-MTA: dns; mail.example.org
Arrival-Date: Thu, 3 Dec 2026 06:00:00 +0000

Final-Recipient: rfc822; user@example.net
Action: failed
Status: 5.7.1
Remote-MTA: dns; mx.example.net
Diagnostic-Code: smtp; 554 5.7.1 <user@example.net>: Relay access denied"""

LOG = """Dec  3 06:00:01 mail postfix/smtp[1234]: 4F2A1: to=<a@example.net>, relay=mx.example.net[192.0.2.40]:25, delay=1.2, dsn=4.7.1, status=deferred (host mx.example.net[192.0.2.40] said: 451 4.7.1 Greylisted, try again later)
Dec  3 06:30:02 mail postfix/smtp[1240]: 4F2A1: to=<a@example.net>, relay=mx.example.net[192.0.2.40]:25, delay=1800, dsn=5.7.1, status=bounced (host mx.example.net[192.0.2.40] said: 550 5.7.1 Message rejected as spam)"""

SAMPLES = {
    # name: (text, code pages in the order they appear, comparisons)
    "gmail": (GMAIL, ["/smtp/550-", "/enhanced/x-1-1-"], []),
    "microsoft 365": (MICROSOFT_365, ["/smtp/550-", "/enhanced/x-1-10-"], []),
    "yahoo": (YAHOO, ["/smtp/421-", "/enhanced/x-7-0-"], []),
    "postfix": (POSTFIX, ["/smtp/550-", "/enhanced/x-1-1-"], []),
    "exim": (EXIM, ["/smtp/552-", "/enhanced/x-2-2-"], []),
    "dsn": (DSN, ["/enhanced/x-7-1-", "/smtp/554-"], []),
    "postfix log": (LOG, ["/enhanced/x-7-1-", "/smtp/451-", "/smtp/550-"], ["/compare/smtp/451-"]),
}


def decode(browser, server, page, text):
    browser.get(server + page)
    box = browser.find_element(By.ID, "decoder-text")
    box.send_keys(text)
    wait_for(lambda: browser.find_elements(By.CSS_SELECTOR, ".decoder-codes a") or
             browser.find_element(By.CSS_SELECTOR, ".decoder-none").is_displayed())
    codes = [a.get_attribute("href") for a in browser.find_elements(By.CSS_SELECTOR, ".decoder-codes a")]
    comparisons = [a.get_attribute("href") for a in browser.find_elements(By.CSS_SELECTOR, ".decoder-comparisons a")]
    return codes, comparisons


@pytest.mark.parametrize("name", SAMPLES)
def test_the_decoder_finds_every_code_of_each_bounce_format(server, browser, name):
    text, expected, expected_comparisons = SAMPLES[name]
    codes, comparisons = decode(browser, server, "/decode/", text)
    assert len(codes) == len(expected), codes
    for url, start in zip(codes, expected):
        assert url.startswith(server + start), (url, start)
    assert len(comparisons) == len(expected_comparisons), comparisons
    for url, start in zip(comparisons, expected_comparisons):
        assert url.startswith(server + start) and "-vs-550-" in url, url


def test_the_gmail_bounce_links_550_and_x_1_1_in_the_readers_language(server, browser):
    for prefix in ["/tr", "/ar"]:
        codes, _ = decode(browser, server, prefix + "/decode/", GMAIL)
        assert codes == [server + prefix + "/smtp/550-mailbox-unavailable/",
                         server + prefix + "/enhanced/x-1-1-bad-destination-mailbox-address/"]


def test_text_without_codes_says_so_and_addresses_are_not_codes(server, browser):
    codes, comparisons = decode(browser, server, "/decode/", "Connected to 192.0.2.250 port 587 at 10.5.7.1; queue 4.16.55.1")
    assert codes == [] and comparisons == []
    assert browser.find_element(By.CSS_SELECTOR, ".decoder-none").is_displayed()


def test_every_page_links_the_decoder_from_its_header(server, browser):
    for prefix in ["", "/tr", "/ar"]:
        browser.get(server + prefix + "/smtp/550-mailbox-unavailable/")
        link = browser.find_element(By.CSS_SELECTOR, ".site-header a.decoder-link")
        assert link.get_attribute("href") == server + prefix + "/decode/"


def test_a_providers_tag_is_explained_with_its_code(server, browser):
    decode(browser, server, "/decode/", YAHOO)
    first = browser.find_element(By.CSS_SELECTOR, ".decoder-codes li")
    assert first.find_element(By.CSS_SELECTOR, "a").get_attribute("href") == server + "/smtp/421-service-not-available/"
    assert first.find_element(By.CSS_SELECTOR, ".decoder-tag").text == "Yahoo [TSS04]"
    # A tag alone leads to its code's page; a tag the site does not know is no code.
    codes, _ = decode(browser, server, "/tr/decode/", "Yahoo: [TS03] All messages from 192.0.2.1 permanently deferred [QQ12]")
    assert codes == [server + "/tr/smtp/421-service-not-available/"]
    assert [p.text for p in browser.find_elements(By.CSS_SELECTOR, ".decoder-tag")] == ["Yahoo [TS03]"]
