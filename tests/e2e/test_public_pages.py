"""The citizen's phone (issue 18), end to end in a real headless browser: a kiosk prints a ticket (PNG of
the sim:// printer), its QR code is read back from the picture, the browser opens that URL on `hall
public` (which reads only the center's API), and the page changes by itself when a clerk calls the
ticket through the real center: 「请到1号窗口」. Both languages at 360 px wide, with screenshots."""

from __future__ import annotations

import re
import shutil
import time
from pathlib import Path
from typing import Any

import httpx
import pytest
from PIL import Image
from selenium.webdriver.support.ui import WebDriverWait

from app.config import Settings
from tests.support.center import CenterServer, seed_minimal
from tests.support.kiosk import kiosk_backend, kiosk_terminal
from tests.support.public import PublicServer

SHOTS = Path(__file__).resolve().parents[2] / "build" / "screenshots" / "public"
WIDTH = 360


def read_qr(png: Path) -> str:
    import zxingcpp

    found = zxingcpp.read_barcodes(Image.open(png).convert("L"))
    assert found, f"no QR code in {png}"
    return str(found[0].text)


def browser() -> Any:
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    driver_path = shutil.which("chromedriver")
    assert chromium and driver_path, "Debian's chromium and chromium-driver are needed (.ci/apt-packages.txt)"
    opts = webdriver.ChromeOptions()
    opts.binary_location = chromium
    for arg in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--lang=zh-CN", "--hide-scrollbars"):
        opts.add_argument(arg)
    # a phone: 360 CSS px wide (the narrowest common Android width, and WeChat's browser on it)
    opts.add_experimental_option(
        "mobileEmulation", {"deviceMetrics": {"width": WIDTH, "height": 740, "pixelRatio": 2.0}}
    )
    return webdriver.Chrome(service=Service(driver_path), options=opts)


def wait_for(driver: Any, predicate: Any, timeout: float = 10.0) -> float:
    """Seconds until `predicate(driver)` holds (fails after `timeout`)."""
    start = time.monotonic()
    while time.monotonic() - start < timeout:
        if predicate(driver):
            return time.monotonic() - start
        time.sleep(0.05)
    raise AssertionError(f"the page did not change in {timeout} s: {driver.find_element('id', 'live').text!r}")


def live_text(driver: Any) -> str:
    """The live part's text, read in one go (the page replaces it as updates arrive)."""
    return str(driver.execute_script("return document.getElementById('live').innerText"))


def fits(driver: Any) -> None:
    width = driver.execute_script("return document.documentElement.scrollWidth")
    assert width <= WIDTH, f"the page is {width} px wide on a {WIDTH} px screen"


def shot(driver: Any, name: str) -> Path:
    SHOTS.mkdir(parents=True, exist_ok=True)
    path = SHOTS / f"{name}.png"
    driver.save_screenshot(str(path))
    return path


@pytest.fixture
def hall(pg_url: str, tmp_path: Path) -> Any:
    from app.center.embedded import free_port

    public_port = free_port()
    center = CenterServer(pg_url, tmp_path / "center")
    center.settings = Settings(data_dir=tmp_path / "center", public_url=f"http://127.0.0.1:{public_port}")
    with center:
        seed_minimal(center.db)
        with PublicServer(center.url, port=public_port) as public:
            deadline = time.monotonic() + 10
            while not httpx.get(f"{public.url}/health").json()["center_stream"]:
                assert time.monotonic() < deadline, "hall public never subscribed to the center"
                time.sleep(0.05)
            yield center, public


def test_the_printed_qr_opens_a_live_page_that_shows_the_call(hall: Any, tmp_path: Path) -> None:
    center, public = hall
    _settings, term = kiosk_terminal(center.url, tmp_path / "kiosk")
    backend = kiosk_backend(term, tmp_path / "prints")
    login = httpx.post(
        f"{center.url}/api/v1/auth/login", json={"username": "clerk01", "password": "clerk", "window": 1}
    ).json()
    clerk = httpx.Client(base_url=f"{center.url}/api/v1", headers={"Authorization": f"Bearer {login['token']}"})
    driver = browser()
    try:
        assert clerk.post("/windows/1/open").status_code == 200
        first = backend.take_ticket("A")
        mine = backend.take_ticket("A")
        printed = backend.print_ticket(mine)
        assert printed.preview is not None
        url = read_qr(printed.preview)
        assert url.startswith(f"{public.url}/t/") and url == mine.url, url
        assert first.url != mine.url

        # waiting: the number, the category, one person ahead, an estimate
        driver.get(url)
        assert driver.execute_script("return document.getElementById('number').innerText") == mine.number
        live = live_text(driver)
        assert "您前面还有 1 人" in live and "企业开办" in live and "预计等候" in live, live
        fits(driver)
        shot(driver, "ticket-waiting-zh")

        # the clerk calls the first ticket: this page moves up by itself
        before = clerk.post("/windows/1/call-next").json()["ticket"]
        assert before["number"] == first.number
        wait_for(driver, lambda d: "您是下一位" in live_text(d))
        clerk.post(f"/tickets/{before['id']}/start").raise_for_status()
        clerk.post(f"/tickets/{before['id']}/finish").raise_for_status()
        # … then calls this one: 「请到1号窗口」, without a reload
        called = clerk.post("/windows/1/call-next").json()["ticket"]
        assert called["number"] == mine.number
        took = wait_for(driver, lambda d: "请到1号窗口" in live_text(d))
        assert took < 5, f"the call took {took:.2f} s to reach the page"
        assert driver.find_element("tag name", "body").get_attribute("data-status") == "called"
        assert driver.title == "请到1号窗口"
        fits(driver)
        shot(driver, "ticket-called-zh")

        # the same page in English
        driver.get(url + "?lang=en")
        live = live_text(driver)
        assert "Please go to window 1" in live and "Your number has been called." in live, live
        fits(driver)
        shot(driver, "ticket-called-en")
        clerk.post(f"/tickets/{called['id']}/start").raise_for_status()
        wait_for(driver, lambda d: "Being served at window 1" in live_text(d))
        clerk.post(f"/tickets/{called['id']}/finish").raise_for_status()
        wait_for(driver, lambda d: "Finished" in live_text(d))

        # 一事一评 from the phone: the link appears once served; a bad rating with its reason, once
        wait_for(driver, lambda d: d.execute_script("return !!document.getElementById('rate')"))
        driver.execute_script("document.getElementById('rate').click()")
        WebDriverWait(driver, 10).until(lambda d: d.find_elements("id", "send"))
        assert "Very satisfied" in driver.find_element("tag name", "form").text
        driver.find_element("id", "level2").click()
        driver.find_element("css selector", "input[value='等候时间长']").click()
        fits(driver)
        shot(driver, "rating-en")
        driver.find_element("id", "send").click()
        WebDriverWait(driver, 10).until(lambda d: d.find_elements("id", "done"))
        assert driver.find_element("id", "done").text == "Thank you for your rating."
        driver.get(url + "/rate")
        assert driver.find_element("id", "done").text == "这次办事已经评价过了。"
        again = httpx.post(url + "/rate", data={"level": "5"})
        assert again.status_code == 409  # one rating per visit, whatever the form says
        with center.db.read_session() as s:
            from sqlalchemy import select

            from app.store import models as m

            ratings = s.scalars(select(m.Rating)).all()
            assert [(r.level, r.reasons, r.channel, str(r.ticket_id)) for r in ratings] == [
                (2, ["等候时间长"], "phone", called["id"])
            ]

        # the first ticket's page in English while it waits is another ticket's: check a waiting one
        third = backend.take_ticket("A")
        assert third.url is not None
        driver.get(third.url + "?lang=en")
        live = live_text(driver)
        assert "You are next" in live and "Estimated wait" not in live, live  # no "about 0 min"
        fits(driver)
        shot(driver, "ticket-waiting-en")

        # a made-up token: a plain "no such ticket", no error page
        driver.get(f"{public.url}/t/{'A' * 22}")
        assert "没有找到这个号" in live_text(driver)
    finally:
        driver.quit()
        term.close()


def test_hall_public_runs_as_its_own_process(sqlite_url: str, tmp_path: Path) -> None:
    """`hall public --center URL --port P`: a process of its own that serves a ticket's page from the
    center's API alone (no database URL, no credential given to it)."""
    import os
    import subprocess
    import sys

    from app.center.embedded import free_port

    port = free_port()
    center = CenterServer(sqlite_url, tmp_path / "center")
    center.settings = Settings(data_dir=tmp_path / "center", public_url=f"http://127.0.0.1:{port}")
    with center:
        seed_minimal(center.db)
        login = httpx.post(f"{center.url}/api/v1/auth/login", json={"username": "manager", "password": "manager"})
        issued = httpx.post(
            f"{center.url}/api/v1/tickets",
            json={"category": "B"},
            headers={"Authorization": f"Bearer {login.json()['token']}"},
        ).json()
        env = dict(os.environ, HALL_DATA_DIR=str(tmp_path / "public"))
        env.pop("HALL_DB_URL", None)
        proc = subprocess.Popen(
            [sys.executable, "-m", "app.cli.main", "public", "--center", center.url, "--port", str(port)],
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
        )
        try:
            deadline = time.monotonic() + 30
            while True:
                try:
                    health = httpx.get(f"http://127.0.0.1:{port}/health", timeout=1).json()
                    if health["center_stream"]:
                        break
                except httpx.TransportError:
                    pass
                assert proc.poll() is None, proc.stderr.read().decode() if proc.stderr else ""
                assert time.monotonic() < deadline, "hall public did not start or never reached the center"
                time.sleep(0.2)
            page = httpx.get(issued["url"])
            assert page.status_code == 200 and "B001" in page.text and "不动产登记" in page.text
            assert page.headers["referrer-policy"] == "no-referrer" and page.headers["cache-control"] == "no-store"
            assert httpx.get(issued["url"] + "?lang=en").text.count("People ahead of you") == 0  # B001 is next
            assert "You are next" in httpx.get(issued["url"] + "?lang=en").text
            assert httpx.get(f"http://127.0.0.1:{port}/t/{'Z' * 22}").status_code == 404
        finally:
            proc.terminate()
            proc.wait(10)


ZHANG = "11010519491231002X"


def test_a_notices_qr_opens_the_case_after_the_id_check(pg_url: str, tmp_path: Path) -> None:
    """A 容缺 acceptance at a real counter: its receipt's QR code is the case page's URL; the page shows
    nothing before the ID number's last six characters, refuses a wrong tail, then shows the steps with
    dates, the material still missing with its date, and where to collect; wrong tries are limited."""
    import dataclasses

    from app.center.embedded import free_port
    from app.center.seed import seed_demo
    from app.config import NoticeSettings
    from app.counter.service import ApplicantIn, CounterService
    from app.demo.day import StaffSession, publish_next_year
    from app.domain.acceptance import Decision
    from app.domain.catalog import load_catalog
    from app.sync.terminal import enroll, open_terminal
    from printers.escpos.printer import EscposPrinter

    public_port = free_port()
    public_url = f"http://127.0.0.1:{public_port}"
    center = CenterServer(pg_url, tmp_path / "center")
    center.settings = Settings(data_dir=tmp_path / "center", public_url=public_url)
    with center, PublicServer(center.url, port=public_port):
        with center.db.write_session() as s:
            seed_demo(s, load_catalog())
        publish_next_year(center.url)
        settings = Settings(
            data_dir=tmp_path / "counter",
            keyring_file=tmp_path / "counter" / "secrets.cfg",
            public_url=public_url,
            notices=NoticeSettings(doc_lease_size=5),
        )
        enroll(settings, center.url, "counter", "counter-1", admin_user="admin", admin_password="admin")
        term = open_terminal(settings, "counter-1")
        term.engine.sync_once()
        receipts = tmp_path / "receipts"
        svc = CounterService(
            term, settings, window=1, receipt_printer=EscposPrinter(f"sim://{receipts}?paper=ok", width_mm=80),
            documents_dir=tmp_path / "docs",
        )
        svc.login("clerk01", "clerk")
        svc.open_window()
        StaffSession(center.url, "manager", "manager").post("/tickets", category="A")
        assert svc.call_next() is not None
        svc.start()
        item = next(i for i in svc.search_items("企业变更登记") if i.name == "企业变更登记")
        promise = svc.default_deferral_date()
        checks = [
            dataclasses.replace(c, originals_received=0, copies_received=0, deferred_until=promise)
            if c.deferrable
            else dataclasses.replace(c, originals_received=c.originals_needed, copies_received=c.copies_needed)
            for c in svc.checklist(item)
        ]
        deferred = [c.name for c in checks if c.deferred_until]
        assert deferred, "the item has no deferrable material"
        svc.accept(ApplicantIn("张三丰", ZHANG, phone="13812345678"), item, checks, Decision.DEFER)
        svc.finish()
        status = term.engine.sync_once()
        assert status.online and status.pending_ops == 0 and status.rejected_ops == 0, status
        url = read_qr(sorted(receipts.glob("*.png"))[-1])
        assert url.startswith(f"{public_url}/c/"), url
        token = url.rsplit("/", 1)[1]

        driver = browser()
        try:
            driver.get(url)
            body = driver.find_element("tag name", "body").text
            assert "请输入申请人身份证号码的后6位" in body and "张" not in body and "企业变更登记" not in body
            submit(driver, "000000")
            assert "身份证号码后6位不符" in driver.find_element("id", "error").text
            submit(driver, ZHANG[-6:].lower())  # an x typed in lower case
            page = driver.find_element("tag name", "main").text
            assert "容缺受理（材料待补）" in driver.find_element("id", "status").text, page
            assert "企业变更登记" in page and "张*丰" in page and "张三丰" not in page and ZHANG[-6:] not in page
            steps = driver.find_element("id", "steps").text
            assert "容缺受理（材料待补）" in steps and re.search(r"\d{4}-\d{2}-\d{2} \d{2}:\d{2}", steps), steps
            missing = driver.find_element("id", "missing").text
            assert deferred[0] in missing and f"{promise:%Y-%m-%d}" in missing, missing
            assert "综合出件窗口" in driver.find_element("id", "collect").text
            fits(driver)
            shot(driver, "case-zh")
            driver.get(url + "?lang=en")
            submit(driver, ZHANG[-6:])
            assert "Accepted, materials to follow" in driver.find_element("id", "status").text
            assert "What is still missing" in driver.find_element("id", "missing").text
            fits(driver)
            shot(driver, "case-en")
        finally:
            driver.quit()
            term.close()

        # wrong tails are limited per case (the count lives in the database: every center process shares it)
        api = f"{center.url}/api/v1/public/cases/{token}"
        codes = [httpx.post(api, json={"id_tail": f"00000{i}"}).status_code for i in range(5)]
        assert codes == [403] * 5
        blocked = httpx.post(api, json={"id_tail": ZHANG[-6:]})
        assert blocked.status_code == 429 and int(blocked.headers["retry-after"]) > 60
        page = httpx.post(f"{public_url}/c/{token}", data={"id_tail": ZHANG[-6:]})
        assert page.status_code == 429 and "错误次数过多" in page.text and "企业变更登记" not in page.text


def submit(driver: Any, tail: str) -> None:
    """Type the ID tail, press 查询 and wait for the next page to load."""
    from selenium.common.exceptions import WebDriverException
    from selenium.webdriver.support import expected_conditions as ec
    from selenium.webdriver.support.ui import WebDriverWait

    button = driver.find_element("id", "check")
    driver.find_element("id", "tail").send_keys(tail)
    button.click()

    def gone(d: Any) -> bool:  # the old page's button is stale once the next page has loaded
        try:
            return bool(ec.staleness_of(button)(d))
        except WebDriverException:  # chromium may say "node does not belong to the document": stale too
            return True

    WebDriverWait(driver, 10).until(gone)

