"""axe-core in headless Chromium: no serious or critical violation on any page type."""
import pytest
from axe_selenium_python import Axe

from conftest import SAMPLE


@pytest.mark.parametrize("locale,kind,path", [s for s in SAMPLE if s[1] != "reverse redirect"])
def test_no_serious_or_critical_violations(server, browser, locale, kind, path):
    browser.get(server + path)
    axe = Axe(browser)
    axe.inject()
    results = axe.run()
    serious = [v for v in results["violations"] if v["impact"] in ("serious", "critical")]
    assert not serious, f"{locale} {kind}: " + axe.report(serious)


def test_axe_does_report_a_violation(server, browser, tmp_path):
    # A page with an unlabeled image and form field must fail, or the check above proves nothing.
    browser.get("data:text/html,<html><body><img src=x.png><input type=text></body></html>")
    axe = Axe(browser)
    axe.inject()
    violations = axe.run()["violations"]
    assert any(v["impact"] in ("serious", "critical") for v in violations)
