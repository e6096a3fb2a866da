"""Fixtures for the checks that judge the built site with real tools: the Nu HTML Checker, axe-core in
headless Chromium, and nginx serving the files. They build the shipped content, limited to the
default locale, Turkish, Japanese and Arabic (left-to-right and right-to-left), into a temporary folder;
the checks that need every locale build the whole shipped site with the release build."""
import os
import pathlib
import shutil
import socket
import subprocess
import tempfile
import time
import urllib.request

import pytest
import yaml

REPO = pathlib.Path(__file__).resolve().parents[2]
LOCALES = ["en", "tr", "ja", "ar"]


def versus_binary():
    for candidate in [os.environ.get("VERSUS"), REPO / ".build/debug/versus", REPO / ".build/release/versus"]:
        if candidate and pathlib.Path(candidate).exists():
            return str(candidate)
    pytest.fail("versus is not built: run `swift build` first")


def sample_content(target):
    """A copy of content/ with only LOCALES, so the sample site stays small."""
    shutil.copytree(REPO / "content", target)
    site = yaml.safe_load((target / "site.yml").read_text())
    site["locales"] = [l for l in site["locales"] if l["code"] in LOCALES]
    (target / "site.yml").write_text(yaml.safe_dump(site, allow_unicode=True))
    for path in list(target.rglob("*")):
        # CODE.LOCALE.md: the locale is the last part before .md when it starts with a letter (X.7.1.tr.md).
        parts = path.name.split(".")
        locale = parts[-2] if path.suffix == ".md" and len(parts) >= 3 and parts[-2][:1].isalpha() else None
        if locale and locale not in LOCALES:
            path.unlink()
        elif path.parent.name == "locales" and path.stem not in LOCALES:
            path.unlink()
    for family_file in target.glob("*/family.yml"):
        family = yaml.safe_load(family_file.read_text())
        maps = list(family["classes"].values()) + [family[k] for k in ("short_name", "heading", "description") if k in family]
        maps += list(family.get("sentences", {}).values())
        for names in maps:
            for code in [c for c in names if c not in LOCALES]:
                del names[code]
        family_file.write_text(yaml.safe_dump(family, allow_unicode=True))


@pytest.fixture(scope="session")
def site_dir():
    work = pathlib.Path(tempfile.mkdtemp(prefix="versus-sitechecks-"))
    work.chmod(0o755)  # nginx's workers run as an unprivileged user and must read the site
    sample_content(work / "content")
    output = work / "Output"
    result = subprocess.run([versus_binary(), "build", "--content", str(work / "content"),
                             "--templates", str(REPO / "templates"), "--output", str(output), "--quiet", "--compress"],
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    yield output
    shutil.rmtree(work, ignore_errors=True)


def pages_of_each_type(locale):
    """One page of every type, as URL paths, for a locale."""
    prefix = "" if locale == "en" else f"/{locale}"
    return {
        "home": f"{prefix}/",
        "family": f"{prefix}/smtp/",
        "code": f"{prefix}/smtp/550-mailbox-unavailable/",
        "non-standard code": f"{prefix}/smtp/571-delivery-not-authorized/",
        "comparison": f"{prefix}/compare/smtp/251-user-not-local-vs-551-user-not-local/",
        "comparison with note": f"{prefix}/compare/smtp/450-mailbox-temporarily-unavailable-vs-550-mailbox-unavailable/",
        "reverse redirect": f"{prefix}/compare/smtp/551-user-not-local-vs-251-user-not-local/",
        "not found": f"{prefix}/404.html",
        "decoder": f"{prefix}/decode/",
        "enhanced family": f"{prefix}/enhanced/",
        "enhanced code": f"{prefix}/enhanced/x-7-1-delivery-not-authorized-message-refused/",
        "enhanced comparison": f"{prefix}/compare/enhanced/x-1-1-bad-destination-mailbox-address-vs-x-1-10-recipient-address-has-null-mx/",
    }


SAMPLE = [(locale, kind, path) for locale in LOCALES for kind, path in pages_of_each_type(locale).items()]


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def release_binary():
    """The release build, for the whole shipped site: a debug build takes minutes over its 176,000 pages."""
    candidate = pathlib.Path(os.environ.get("VERSUS_RELEASE") or REPO / ".build/release/versus")
    if not candidate.exists():
        pytest.fail("the release build of versus is missing: run `swift build -c release --product versus` (scripts/test does)")
    return str(candidate)


@pytest.fixture(scope="session")
def shipped_site_dir():
    """The whole shipped content, every locale, built into a temporary folder."""
    work = pathlib.Path(tempfile.mkdtemp(prefix="versus-shipped-"))
    work.chmod(0o755)
    output = work / "Output"
    result = subprocess.run([release_binary(), "build", "--content", str(REPO / "content"), "--templates", str(REPO / "templates"),
                             "--output", str(output), "--quiet"], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    yield output
    shutil.rmtree(work, ignore_errors=True)


@pytest.fixture(scope="session")
def server(site_dir):
    """nginx on 127.0.0.1 serving the sample site with the server block `versus nginx-conf` writes for it."""
    yield from nginx_serving(site_dir, site_dir.parent / "content", site_dir.parent)


@pytest.fixture(scope="session")
def shipped_server(shipped_site_dir):
    """nginx serving the whole shipped site."""
    yield from nginx_serving(shipped_site_dir, REPO / "content", shipped_site_dir.parent)


def nginx_serving(site_dir, content_dir, work):
    nginx = shutil.which("nginx") or "/usr/sbin/nginx"
    port = free_port()
    result = subprocess.run([versus_binary(), "nginx-conf", "--content", str(content_dir), "--templates", str(REPO / "templates"),
                             "--root", str(site_dir)], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    block = result.stdout.replace("listen 80;", f"listen 127.0.0.1:{port};")
    config = work / "nginx.conf"
    config.write_text(f"""
daemon off;
pid {work}/nginx.pid;
error_log {work}/nginx-error.log;
events {{ worker_connections 64; }}
http {{
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    access_log off;
    client_body_temp_path {work}/body;
    proxy_temp_path {work}/proxy;
    fastcgi_temp_path {work}/fastcgi;
    uwsgi_temp_path {work}/uwsgi;
    scgi_temp_path {work}/scgi;
{block}
}}
""")
    process = subprocess.Popen([nginx, "-c", str(config), "-p", str(work)], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    base = f"http://127.0.0.1:{port}"
    for _ in range(100):
        try:
            urllib.request.urlopen(base + "/", timeout=1)
            break
        except Exception:
            if process.poll() is not None:
                pytest.fail("nginx did not start: " + process.stderr.read().decode())
            time.sleep(0.1)
    yield base
    process.terminate()
    process.wait(timeout=10)


@pytest.fixture(scope="session")
def browser():
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service
    options = webdriver.ChromeOptions()
    options.binary_location = shutil.which("chromium") or "/usr/bin/chromium"
    for argument in ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--window-size=1280,900"]:
        options.add_argument(argument)
    # The console log, where Chromium reports Content-Security-Policy violations.
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(service=Service(shutil.which("chromedriver") or "/usr/bin/chromedriver"), options=options)
    yield driver
    driver.quit()
