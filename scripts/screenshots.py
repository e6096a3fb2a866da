"""Photographs built pages with headless Chromium: python3 scripts/screenshots.py OUTPUT_DIR TARGET_DIR."""
import functools
import http.server
import pathlib
import shutil
import sys
import threading
import time

from selenium import webdriver
from selenium.webdriver.common.by import By
from selenium.webdriver.chrome.service import Service

COMPARISON = "compare/smtp/450-mailbox-temporarily-unavailable-vs-550-mailbox-unavailable/"
SHOTS = [
    # (file name, path, width, color scheme)
    ("compare-390-light.png", COMPARISON, 390, "light"),
    ("compare-390-dark.png", COMPARISON, 390, "dark"),
    ("compare-1280-light.png", COMPARISON, 1280, "light"),
    ("compare-1280-dark.png", COMPARISON, 1280, "dark"),
    ("compare-ar-1280.png", "ar/compare/smtp/251-user-not-local-vs-551-user-not-local/", 1280, "light"),
    ("compare-ar-390.png", "ar/compare/smtp/251-user-not-local-vs-551-user-not-local/", 390, "light"),
    ("decoder-390.png", "decode/", 390, "light"),
    ("decoder-ar-390.png", "ar/decode/", 390, "dark"),
    ("search-390.png", "", 390, "light"),
    ("search-words-390.png", "", 390, "light"),
    ("search-ja-390.png", "ja/", 390, "dark"),
]

# What the decoder shots paste and what the search shot types (a reader's text, not a real message).
GMAIL_BOUNCE = ("The response was:\n550-5.1.1 The email account that you tried to reach does not exist. Please try\n"
                "550-5.1.1 double-checking the recipient's email address for typos or unnecessary spaces.\n"
                "550 5.1.1  https://support.google.com/mail/?p=NoSuchUser a1b2c3d4e5.12 - gsmtp")
TYPED = {"decoder-390.png": ("decoder-text", GMAIL_BOUNCE), "decoder-ar-390.png": ("decoder-text", GMAIL_BOUNCE),
         "search-390.png": ("search-input", "550 5.7.1"), "search-words-390.png": ("search-input", "relay denied"),
         "search-ja-390.png": ("search-input", "メールボックスが満杯")}


def serve(folder):
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}/"


def browser():
    options = webdriver.ChromeOptions()
    options.binary_location = shutil.which("chromium") or "/usr/bin/chromium"
    for argument in ["--headless=new", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--force-device-scale-factor=1"]:
        options.add_argument(argument)
    return webdriver.Chrome(service=Service(shutil.which("chromedriver") or "/usr/bin/chromedriver"), options=options)


def main(output, target):
    target.mkdir(parents=True, exist_ok=True)
    server, base = serve(output)
    driver = browser()
    try:
        for name, path, width, scheme in SHOTS:
            driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"features": [{"name": "prefers-color-scheme", "value": scheme}]})
            driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                                   {"width": width, "height": 900, "deviceScaleFactor": 1, "mobile": width < 600})
            driver.get(base + path)
            if name in TYPED:
                field, text = TYPED[name]
                driver.find_element(By.ID, field).send_keys(text)
                time.sleep(1)
            height = min(driver.execute_script("return document.documentElement.scrollHeight"), 2600)
            if name.startswith("search"):
                height = 760  # the open result list, not the whole page under it
            driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                                   {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": width < 600})
            driver.save_screenshot(str(target / name))
            print(f"{target / name}: {width}x{height} {scheme}")
    finally:
        driver.quit()
        server.shutdown()


if __name__ == "__main__":
    main(pathlib.Path(sys.argv[1]), pathlib.Path(sys.argv[2]))
