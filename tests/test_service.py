"""The draft-check service, started for real on a loopback port (uvicorn) and called over HTTP."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx
import pytest

from checker.cli import run

ROOT = Path(__file__).resolve().parent.parent
TOKEN = "test-token-5f1c"
SECRET_LINE = "The chief, Maj. Gen. Abdullo Nazarov, 56, was pulled from his car"


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _draft() -> dict:
    text = (ROOT / "seeds" / "001_wire_next_day.md").read_text(encoding="utf-8").split("---\n", 2)[2]
    return {
        "title": "Tajik troops press assault",
        "text": text,
        "published": "2012-07-25",
        "source": "Global Wire Service",
    }


@pytest.fixture(scope="module")
def service(tmp_path_factory):
    directory = tmp_path_factory.mktemp("svc") / "archive"
    cwd = os.getcwd()
    os.chdir(ROOT)
    try:
        published = ["seeds/000_ap_khorog_seed.md", "seeds/002_local_report.txt", "seeds/004_agreeing_regional.md"]
        assert run(["archive", "add", *published, "--archive", str(directory), "-q"]) == 0
    finally:
        os.chdir(cwd)
    port = _free_port()
    log = tmp_path_factory.mktemp("log") / "service.log"
    env = dict(os.environ, HF_HUB_OFFLINE="1", CHECKER_TOKEN=TOKEN)
    with log.open("w", encoding="utf-8") as sink:
        process = subprocess.Popen(
            [sys.executable, "-m", "checker", "serve", "--archive", str(directory), "--port", str(port)],
            env=env,
            stdout=sink,
            stderr=subprocess.STDOUT,
        )
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"{base}/health", timeout=2).status_code == 200:
                break
        except httpx.HTTPError:
            time.sleep(0.5)
    else:
        process.kill()
        pytest.fail("the service did not start: " + log.read_text(encoding="utf-8"))
    yield base, log
    process.terminate()
    process.wait(timeout=30)


def test_health_and_openapi(service):
    base, _ = service
    health = httpx.get(f"{base}/health").json()
    assert health["status"] == "ok" and health["articles"] == 3
    spec = httpx.get(f"{base}/openapi.json").json()
    assert {"/check", "/archive", "/health"} <= set(spec["paths"])


def test_check_returns_the_report_contract(service):
    base, _ = service
    response = httpx.post(f"{base}/check", json=_draft(), timeout=120)
    assert response.status_code == 200, response.text
    report = response.json()
    assert report["schema_version"] and report["summary"]["status"] == "fail"
    assert {"DAT003", "PER004"} <= {f["rule"] for f in report["findings"]}
    assert all(
        any(e["conflict"] and e["article"].startswith("draft") for e in f["evidence"]) for f in report["findings"]
    )


def test_bad_input_is_a_4xx_with_the_cli_error_codes(service):
    base, _ = service
    missing = httpx.post(f"{base}/check", json={"title": "no text"})
    assert missing.status_code == 422
    bad_date = httpx.post(f"{base}/check", json=dict(_draft(), published="2012-02-30"))
    assert bad_date.status_code == 422 and bad_date.json()["error"]["id"] == "E108"
    empty = httpx.post(f"{base}/check", json={"text": "   "})
    assert empty.status_code == 422 and empty.json()["error"]["code"] == "bad-record"
    huge = httpx.post(
        f"{base}/check", content=b"{" + b" " * 3_000_000 + b"}", headers={"content-type": "application/json"}
    )
    assert huge.status_code == 413


def test_writes_need_the_token(service):
    base, _ = service
    article = dict(_draft(), id="wire-0725", text=_draft()["text"])
    assert httpx.post(f"{base}/archive", json=article).status_code == 401
    assert httpx.post(f"{base}/archive", json=article, headers={"Authorization": "Bearer wrong"}).status_code == 401
    added = httpx.post(f"{base}/archive", json=article, headers={"Authorization": f"Bearer {TOKEN}"}, timeout=120)
    assert added.status_code == 200 and added.json()["added"] == ["wire-0725"]
    assert httpx.get(f"{base}/health").json()["articles"] == 4


def test_concurrent_checks_agree(service):
    base, _ = service
    with ThreadPoolExecutor(4) as pool:
        responses = list(pool.map(lambda _: httpx.post(f"{base}/check", json=_draft(), timeout=300), range(4)))
    assert all(r.status_code == 200 for r in responses)
    bodies = {json.dumps(r.json()["findings"], sort_keys=True) for r in responses}
    assert len(bodies) == 1


def test_no_article_text_in_the_log(service):
    base, log = service
    httpx.post(f"{base}/check", json=_draft(), timeout=120)
    text = log.read_text(encoding="utf-8")
    assert "POST /check" in text
    assert SECRET_LINE not in text and "Nazarov" not in text
