"""The reading view in a real browser: Chromium, headless, driven by Selenium (one browser for the module).

The browser is the system's (Debian's ``chromium`` and ``chromium-driver``; ``.ci/run`` installs them), found at
``/usr/bin/chromium`` and ``/usr/bin/chromedriver`` or on the ``PATH``: nothing is downloaded (Selenium Manager
is never asked, the driver's path is given). Without them, or without ``selenium`` (the ``test`` extra), every
test here is skipped and says why.

Checked: the seed and three corpus reports open with no console message and no request but the page's own file
(the browser's performance log); a callout opens its note and sources; a takeaway highlights its support; a
stance filter hides the other claims; the keyboard reaches and works the controls; without script the page shows
everything; hostile reports run no script and make no link that is not http(s).
"""

import json
import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import attrs
import pytest

import briefmodel as bm
from briefmodel._formats.view import page_html

from .conftest import CORPUS, CORPUS_FILES, SEED, needs_corpus

webdriver = pytest.importorskip("selenium.webdriver", reason="selenium is not installed (pip install -e '.[test]')")
from selenium.common.exceptions import NoAlertPresentException  # noqa: E402
from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.common.keys import Keys  # noqa: E402

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
CHROMEDRIVER = shutil.which("chromedriver")
pytestmark = pytest.mark.skipif(
    not (CHROMIUM and CHROMEDRIVER),
    reason="no Chromium and ChromeDriver (apt-get install chromium chromium-driver; .ci/run does it)",
)
FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--window-size=1200,900",
]
# Three corpus reports of three shapes: an early ISW brief with endnotes, an Iran Update, a scraped 2026 page.
CORPUS_PICKS = ["isw-2022-02-28.txt", "isw-ctp-iran-update-2026-03-01-evening-special.txt", "isw-2026-02-26.txt"]


class Browser:
    """One Chromium for the module, with its console and network logs."""

    def __init__(self) -> None:
        from selenium.webdriver.chrome.service import Service

        self.profile = tempfile.mkdtemp(prefix="briefmodel-chromium-")
        os.environ.setdefault("SE_OFFLINE", "true")  # Selenium Manager, if it were ever asked, downloads nothing
        options = webdriver.ChromeOptions()
        options.binary_location = str(CHROMIUM)
        for flag in [*FLAGS, f"--user-data-dir={self.profile}"]:
            options.add_argument(flag)
        options.set_capability("goog:loggingPrefs", {"browser": "ALL", "performance": "ALL"})
        self.driver = webdriver.Chrome(service=Service(executable_path=str(CHROMEDRIVER)), options=options)
        self.driver.get("about:blank")
        self.drain()

    def drain(self) -> None:
        self.driver.get_log("browser")
        self.driver.get_log("performance")

    def open(self, path: Path) -> str:
        """Load a page (logs emptied first); its URL."""
        self.drain()
        url = path.resolve().as_uri()
        self.driver.get(url)
        return url

    def console(self) -> list[dict[str, Any]]:
        return list(self.driver.get_log("browser"))

    def requests(self) -> list[tuple[str, str]]:
        """(document, URL) of every request the browser sent since the logs were last read."""
        sent = []
        for entry in self.driver.get_log("performance"):
            message = json.loads(entry["message"])["message"]
            if message["method"] == "Network.requestWillBeSent":
                params = message["params"]
                sent.append((params.get("documentURL", ""), params["request"]["url"]))
        return sent

    def js(self, script: str, *args: Any) -> Any:
        return self.driver.execute_script(script, *args)

    def quit(self) -> None:
        self.driver.quit()
        shutil.rmtree(self.profile, ignore_errors=True)


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    opened = Browser()
    try:
        yield opened
    finally:
        opened.quit()


@pytest.fixture(scope="module")
def pages(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("pages")


def assert_quiet(browser: Browser, url: str) -> None:
    """No console message, and no request but the page's own file: nothing from the page reached for anything."""
    assert browser.console() == []
    sent = browser.requests()
    assert (url, url) in sent or any(u == url for _, u in sent)
    for document, requested in sent:
        assert not requested.lower().startswith(("http:", "https:", "ws:", "wss:", "ftp:", "data:")), requested
        if document == url:
            assert requested == url, requested


def write(pages: Path, name: str, markup: str) -> Path:
    path = pages / name
    path.write_text(markup, encoding="utf-8")
    return path


def visible(browser: Browser, selector: str) -> list[Any]:
    return [el for el in browser.driver.find_elements(By.CSS_SELECTOR, selector) if el.is_displayed()]


def test_the_seed_opens_quietly_with_both_reports(browser: Browser, pages: Path) -> None:
    url = browser.open(write(pages, "seed.html", page_html(bm.load(SEED))))
    assert browser.driver.title == "N. Korean soldiers ’taking part’ in offensive operations in Kursk"
    assert len(browser.driver.find_elements(By.CSS_SELECTOR, "article.bm-report")) == 2
    assert visible(browser, "form.bm-filters")  # the script ran: it shows the filters
    assert browser.js("return document.querySelector('.bm-shown').textContent") == "36 claims"
    assert_quiet(browser, url)


@needs_corpus
def test_corpus_reports_open_quietly_and_work(browser: Browser, pages: Path) -> None:
    picks = [CORPUS / name for name in CORPUS_PICKS if (CORPUS / name).exists()] or CORPUS_FILES[:3]
    for path in picks:
        url = browser.open(write(pages, path.stem + ".html", page_html(bm.load(path))))
        assert browser.driver.find_elements(By.CSS_SELECTOR, ".bm-body .bm-claim")
        assert_quiet(browser, url)
    # on the last one: a callout opens its note and sources in the panel
    driver = browser.driver
    callout = next(el for el in driver.find_elements(By.CSS_SELECTOR, ".bm-body a.bm-callout") if el.is_displayed())
    note = driver.find_element(By.ID, callout.get_attribute("data-note"))
    browser.js("arguments[0].scrollIntoView({block: 'center'})", callout)
    callout.click()
    panel = driver.find_element(By.ID, "bm-panel")
    assert panel.is_displayed()
    label = note.find_element(By.CSS_SELECTOR, ".bm-label").text
    assert driver.find_element(By.ID, "bm-panel-title").text == f"Note {label}"
    shown = panel.find_element(By.ID, "bm-panel-body").text
    assert note.find_element(By.CSS_SELECTOR, ".bm-note-text").text in shown
    sources = panel.find_elements(By.CSS_SELECTOR, ".bm-source")
    assert len(sources) == len(note.find_elements(By.CSS_SELECTOR, ".bm-source")) > 0
    driver.find_element(By.ID, "bm-panel-close").click()
    assert not panel.is_displayed()
    # a takeaway's support link highlights the claim it restates, and only it
    support = driver.find_element(By.CSS_SELECTOR, "a.bm-support")
    index = support.get_attribute("data-claims").split()[0]
    support.click()
    lit = driver.find_elements(By.CSS_SELECTOR, ".bm-highlight")
    assert lit and {el.get_attribute("data-claim") for el in lit} == {index}
    assert browser.js(
        "var r = arguments[0].getBoundingClientRect(); return r.top >= 0 && r.bottom <= innerHeight", lit[0]
    )
    # a stance filter hides the other claims, in the body and in the table
    stance = driver.find_element(By.CSS_SELECTOR, "form.bm-filters select[name=stance]")
    stance.find_element(By.CSS_SELECTOR, "option[value=reported]").click()
    shown_claims = visible(browser, ".bm-body .bm-claim")
    assert shown_claims and {el.get_attribute("data-stance") for el in shown_claims} == {"reported"}
    rows = visible(browser, ".bm-claims tr[data-claim]")
    assert rows and {el.get_attribute("data-stance") for el in rows} == {"reported"}
    hidden = driver.find_elements(By.CSS_SELECTOR, ".bm-body .bm-claim:not([data-stance=reported])")
    assert hidden and not any(el.is_displayed() for el in hidden)
    # the speaker and citation filters narrow further; "Show all" brings every claim back
    driver.find_element(By.CSS_SELECTOR, "select[name=cited] option[value='0']").click()
    assert all(el.get_attribute("data-cited") == "0" for el in visible(browser, ".bm-body .bm-claim"))
    driver.find_element(By.CSS_SELECTOR, "form.bm-filters button[type=reset]").click()
    total = len(driver.find_elements(By.CSS_SELECTOR, ".bm-body .bm-claim"))
    assert len(visible(browser, ".bm-body .bm-claim")) == total
    assert browser.requests() == [] and browser.console() == []  # the clicks fetched nothing, logged nothing


def test_keyboard_reaches_the_panel_and_escape_closes_it(browser: Browser, pages: Path) -> None:
    browser.open(write(pages, "keyboard.html", bm.to_html(bm.parse(KEYBOARD))))
    driver = browser.driver
    tag = driver.find_element(By.CSS_SELECTOR, ".bm-claim-tag")
    browser.js("arguments[0].focus()", tag)
    assert browser.js("return document.activeElement === arguments[0]", tag)
    tag.send_keys(Keys.ENTER)
    panel = driver.find_element(By.ID, "bm-panel")
    assert panel.is_displayed() and driver.find_element(By.ID, "bm-panel-title").text == "Claim 1"
    assert "reported" in panel.text and "the Ukrainian General Staff" in panel.text
    assert browser.js("return document.activeElement.id") == "bm-panel"
    panel.send_keys(Keys.ESCAPE)
    assert not panel.is_displayed()
    assert browser.js("return document.activeElement === arguments[0]", tag)  # focus goes back
    unresolved = driver.find_element(By.CSS_SELECTOR, ".bm-body .bm-unresolved")
    browser.js("arguments[0].focus()", unresolved)
    unresolved.send_keys(Keys.SPACE)
    assert driver.find_element(By.ID, "bm-panel-title").text == "Unresolved callout"
    assert "[4] is unresolved" in panel.text
    # dark scheme and print: the page follows prefers-color-scheme, and prints without its controls
    light = browser.js("return getComputedStyle(document.querySelector('.bm-view')).backgroundColor")
    driver.execute_cdp_cmd(
        "Emulation.setEmulatedMedia", {"features": [{"name": "prefers-color-scheme", "value": "dark"}]}
    )
    dark = browser.js("return getComputedStyle(document.querySelector('.bm-view')).backgroundColor")
    assert light == "rgb(252, 252, 250)" and dark == "rgb(21, 22, 26)"
    driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "print", "features": []})
    assert not visible(browser, "form.bm-filters") and not visible(browser, "#bm-panel")
    assert visible(browser, ".bm-claim-tag")  # the stance letters print
    driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "", "features": []})


def test_without_script_the_page_shows_everything(browser: Browser, pages: Path) -> None:
    driver = browser.driver
    driver.execute_cdp_cmd("Emulation.setScriptExecutionDisabled", {"value": True})
    try:
        url = browser.open(write(pages, "static.html", bm.to_html(bm.parse(KEYBOARD))))
        assert not visible(browser, "form.bm-filters") and not visible(browser, "#bm-panel")
        assert visible(browser, ".bm-note") and visible(browser, ".bm-claims tr[data-claim]")
        # the marks are links: a claim's letter goes to its row, a callout to its note
        driver.find_element(By.CSS_SELECTOR, ".bm-body a.bm-callout").click()
        assert driver.current_url == url + "#r1-note-1"
        assert_quiet(browser, url)
    finally:
        driver.execute_cdp_cmd("Emulation.setScriptExecutionDisabled", {"value": False})


KEYBOARD = (
    "Russian Offensive Campaign Assessment, December 14, 2024\n\n"
    "Key Takeaways\n\n"
    "  • Russian forces advanced near Pokrovsk.\n\n"
    "Russian forces advanced near Pokrovsk on December 14, the Ukrainian General Staff reported.[1] "
    "They attacked near Lyman.[4]\n\n"
    "Endnotes\n"
    "[1] https://t.me/GeneralStaffZSU/12345\n"
)

PAYLOADS = [
    "<script>window.__pwned=1</script>",
    '<img src=x onerror="window.__pwned=2">',
    '" onmouseover="window.__pwned=3" x="',
    "' autofocus onfocus='window.__pwned=4' x='",
    "</span></p></div><iframe src=javascript:window.__pwned=5></iframe>",
    "<svg onload=window.__pwned=6>",
    "javascript:window.__pwned=7",
    "JaVaScRiPt:window.__pwned=8",
    "java\tscript:window.__pwned=9",
    "data:text/html,<script>window.__pwned=10</script>",
    "//evil.example/x",
    "</style><script>window.__pwned=11</script>",
    "</script><script>window.__pwned=12</script>",
]


def hostile_text(payload: str, number: int) -> str:
    """One report with the payload in its title, a takeaway, claims, a speaker, notes and URLs."""
    return (
        f"Russian Offensive Campaign Assessment {payload}, December {number}, 2024\n\n"
        "Key Takeaways\n\n"
        f"  • Russian forces advanced {payload} near Pokrovsk.\n\n"
        f"Russian forces advanced {payload} near Pokrovsk, the GUR {payload} reported.[1] "
        f"{payload} officials stated that forces attacked near Kreminna.[2] They attacked near Lyman {payload}.[3]\n\n"
        "Endnotes\n"
        f"[1] {payload}\n"
        f"[2] https://t.me/a/{number}?q={payload} ; {payload}https://example.com/x\n"
        f"[3] {payload} {payload}\n"
    )


# The page's address (Report.url, crawler metadata) is the one URL a report carries as it is: a note's text is
# read into sources by the sources reader, which takes only web addresses.
HOSTILE_URLS = [
    "javascript:window.__pwned=20",
    "JaVaScRiPt:window.__pwned=21",
    "java\tscript:window.__pwned=22",
    " javascript:window.__pwned=23",
    "data:text/html,<script>window.__pwned=24</script>",
    "//evil.example/x",
    'https://example.com/" onmouseover="window.__pwned=25',
]


def test_hostile_reports_run_no_script_and_link_only_to_http(browser: Browser, pages: Path) -> None:
    reports = [
        attrs.evolve(report, url=HOSTILE_URLS[n % len(HOSTILE_URLS)])
        for n, report in enumerate(
            bm.parse_all("\n\n".join(hostile_text(payload, n) for n, payload in enumerate(PAYLOADS, start=1)))
        )
    ]
    url = browser.open(write(pages, "hostile.html", page_html(reports)))
    driver = browser.driver
    # work every control: callouts, claims, support links, filters, hovers and focus on every element
    for selector in (".bm-body .bm-callout", ".bm-claim-tag", "a.bm-support"):
        for el in driver.find_elements(By.CSS_SELECTOR, selector):
            browser.js(
                "arguments[0].dispatchEvent(new MouseEvent('click', {bubbles: true, cancelable: true}));"
                "if (arguments[0].focus) { arguments[0].focus(); }",
                el,
            )
    browser.js(
        "document.querySelectorAll('*').forEach(function (el) {"
        "  ['mouseover', 'mouseenter', 'focus', 'load', 'error'].forEach(function (name) {"
        "    el.dispatchEvent(new Event(name)); }); });"
    )
    assert browser.js("return window.__pwned") is None
    with pytest.raises(NoAlertPresentException):
        driver.switch_to.alert.text  # noqa: B018
    assert browser.js("return document.querySelectorAll('script').length") == 1
    assert browser.js("return document.querySelectorAll('iframe, img, svg, object, embed').length") == 0
    schemes = browser.js(
        "return Array.from(document.querySelectorAll('a[href]'), function (a) {"
        "  return [a.getAttribute('href'), a.protocol, a.href]; });"
    )
    for href, protocol, resolved in schemes:
        if href.startswith("#"):
            assert resolved.startswith(url + "#")
        else:
            assert protocol in ("http:", "https:") and href.lower().startswith(("http://", "https://")), href
    assert any(href.startswith("https://t.me/a/") for href, _, _ in schemes)
    assert_quiet(browser, url)


def test_a_folder_index_links_to_its_reports_and_back(browser: Browser, pages: Path) -> None:
    from briefmodel._cli import main

    folder = pages / "folder"
    folder.mkdir()
    (folder / "seed.txt").write_bytes(SEED.read_bytes())
    (folder / "keyboard.txt").write_text(KEYBOARD, encoding="utf-8")
    assert main(["view", str(folder), "-o", str(pages / "site")]) == 0
    index = browser.open(pages / "site" / "index.html")
    assert_quiet(browser, index)
    links = browser.driver.find_elements(By.CSS_SELECTOR, "main a")
    assert len(links) == 3
    target = links[0].get_attribute("href")
    browser.drain()
    links[0].click()
    assert browser.driver.current_url == target
    assert_quiet(browser, target)
    browser.driver.find_element(By.CSS_SELECTOR, "a.bm-up").click()
    assert browser.driver.current_url == index
