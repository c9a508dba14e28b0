"""Take the reading view's screenshots for the docs: the seed and one corpus report, in light and dark.

    python scripts/view_screenshots.py [--corpus DIR] [--report NAME] [--out docs/images]

Writes ``view-seed-light.png``, ``view-seed-dark.png``, ``view-corpus-light.png`` and
``view-corpus-dark.png``. The pages are made by ``briefmodel.to_html`` (the seed
file's two reports on one page, as ``briefmodel view`` makes it) and opened in the
system's Chromium, headless, driven by Selenium, as the browser tests do
(``tests/test_view_browser.py``); the dark ones with ``prefers-color-scheme: dark``
emulated. The seed's shot shows the top of the page (header, legend, filters, Key
Takeaways); the corpus report's shows its first paragraphs of claims with a callout's
note open in the side panel.
"""

import argparse
import os
import shutil
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

import briefmodel as bm  # noqa: E402
from briefmodel._formats.view import page_html  # noqa: E402

SEED = ROOT / "seeds" / "000_bf36c77dcd078e5e.txt"
FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--hide-scrollbars",
    "--force-device-scale-factor=1",
    "--window-size=1100,1000",
]


def _driver(profile: str):  # type: ignore[no-untyped-def]
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    chromium, chromedriver = shutil.which("chromium"), shutil.which("chromedriver")
    os.environ.setdefault("SE_OFFLINE", "true")  # Selenium Manager, if it were ever asked, downloads nothing
    if not (chromium and chromedriver):
        sys.exit("no Chromium and ChromeDriver: apt-get install chromium chromium-driver")
    options = webdriver.ChromeOptions()
    options.binary_location = chromium
    for flag in [*FLAGS, f"--user-data-dir={profile}"]:
        options.add_argument(flag)
    return webdriver.Chrome(service=Service(executable_path=chromedriver), options=options)


def _scheme(driver, dark: bool) -> None:  # type: ignore[no-untyped-def]
    value = "dark" if dark else "light"
    driver.execute_cdp_cmd(
        "Emulation.setEmulatedMedia", {"features": [{"name": "prefers-color-scheme", "value": value}]}
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpus")
    parser.add_argument("--report", default="isw-ctp-iran-update-2026-03-01-evening-special.txt")
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "images")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as folder:
        pages = Path(folder)
        seed = pages / "seed.html"
        seed.write_text(page_html(bm.load(SEED)), encoding="utf-8")
        corpus = pages / "corpus.html"
        corpus.write_text(bm.to_html(bm.load(args.corpus / args.report)[0]), encoding="utf-8")
        driver = _driver(str(pages / "profile"))
        try:
            for dark in (False, True):
                suffix = "dark" if dark else "light"
                _scheme(driver, dark)
                driver.get(seed.as_uri())
                driver.save_screenshot(str(args.out / f"view-seed-{suffix}.png"))
                driver.get(corpus.as_uri())
                # the first paragraph with a resolved callout, near the top, and that callout's note in the panel
                driver.execute_script(
                    "var callout = document.querySelector('.bm-body a.bm-callout');"
                    "var line = callout.closest('.bm-line');"
                    "var previous = line.previousElementSibling || line;"
                    "window.scrollTo(0, previous.getBoundingClientRect().top + window.scrollY - 16);"
                    "callout.click();"
                )
                driver.save_screenshot(str(args.out / f"view-corpus-{suffix}.png"))
        finally:
            driver.quit()
    for name in sorted(args.out.glob("view-*.png")):
        print(f"{name.relative_to(ROOT)}: {name.stat().st_size:,} bytes")


if __name__ == "__main__":
    main()
