"""Renders icon.svg into favicon.ico and social-card.html into social-card.png (see scripts/make-icons)."""
import base64
import pathlib
import shutil
import struct

from selenium import webdriver
from selenium.webdriver.chrome.service import Service

ROOT = pathlib.Path(__file__).resolve().parents[2]
ASSETS = ROOT / "templates" / "assets"


def browser():
    options = webdriver.ChromeOptions()
    options.binary_location = shutil.which("chromium") or "/usr/bin/chromium"
    for argument in ["--headless=new", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
                     "--force-device-scale-factor=1", "--allow-file-access-from-files"]:
        options.add_argument(argument)
    return webdriver.Chrome(service=Service(shutil.which("chromedriver") or "/usr/bin/chromedriver"), options=options)


def capture(driver, url, width, height):
    """A PNG of the page's top-left width x height pixels, transparent where the page is."""
    driver.get(url)
    driver.execute_cdp_cmd("Emulation.setDefaultBackgroundColorOverride", {"color": {"r": 0, "g": 0, "b": 0, "a": 0}})
    shot = driver.execute_cdp_cmd("Page.captureScreenshot", {
        "format": "png", "clip": {"x": 0, "y": 0, "width": width, "height": height, "scale": 1}})
    return base64.b64decode(shot["data"])


def ico(png, size):
    """An ICO file holding one PNG image (allowed since Windows Vista, read by every browser)."""
    header = struct.pack("<HHH", 0, 1, 1)
    entry = struct.pack("<BBBBHHII", size % 256, size % 256, 0, 0, 1, 32, len(png), 6 + 16)
    return header + entry + png


def main():
    driver = browser()
    try:
        driver.set_window_size(1200, 900)
        # A page next to the icon's folder: file: pages may load file: images, data: pages may not.
        holder = ROOT / "scripts" / "icons" / "favicon-32.html"
        holder.write_text("<html><body style='margin:0;background:transparent'>"
                          "<img src='../../templates/assets/icon.svg' width='32' height='32'></body></html>")
        try:
            png = capture(driver, holder.as_uri(), 32, 32)
        finally:
            holder.unlink()
        (ASSETS / "favicon.ico").write_bytes(ico(png, 32))
        card = capture(driver, (ROOT / "scripts" / "icons" / "social-card.html").as_uri(), 1200, 630)
        (ASSETS / "social-card.png").write_bytes(card)
    finally:
        driver.quit()


if __name__ == "__main__":
    main()
