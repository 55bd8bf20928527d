"""The HTTP SMS gateway client against a real fake gateway process on loopback.

Each test starts ``fake_sms_gateway.py`` in the mode it needs, waits (with a deadline)
until it answers, and afterwards reads what the gateway received from its log.
"""

from __future__ import annotations

import json
import logging
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs

import pytest
import requests

from station_app.core.clock import FixedClock
from station_app.core.db.notification_models import NotificationStatus
from station_app.core.notifications import dispatch, outbox
from station_app.core.notifications.senders import (
    TIMED_OUT,
    UNREACHABLE,
    HttpSmsGateway,
    SendFailed,
    SuccessCheck,
)
from station_app.core.store import Store
from tests.core.notifications.conftest import PHONE, CheckIn

SCRIPT = Path(__file__).with_name("fake_sms_gateway.py")
TEXT = (
    "【胡家庄村服务站】您的快递已到，取件码为3-2-0156，"
    "请凭码到胡家庄村服务站取件，营业时间07:30-21:00。"
)
JSON_TEMPLATE = {"mobile": "{phone}", "content": "{text}", "sign": "胡家庄村服务站", "extra": [1]}
STARTUP_DEADLINE = 10.0


@dataclass
class FakeGateway:
    url: str
    log: Path
    process: subprocess.Popen[bytes]

    def received(self) -> list[dict[str, Any]]:
        if not self.log.exists():
            return []
        lines = self.log.read_text(encoding="utf-8").splitlines()
        return [json.loads(line) for line in lines]

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=5)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()


def _start(tmp_path: Path, mode: str, delay: float) -> FakeGateway:
    port_file = tmp_path / f"{mode}.port"
    log = tmp_path / f"{mode}.jsonl"
    command = [sys.executable, str(SCRIPT), "--mode", mode, "--port-file", str(port_file)]
    process = subprocess.Popen(
        [*command, "--log", str(log), "--delay", str(delay)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    gateway = FakeGateway("", log, process)
    try:
        port = _wait_for_port(port_file, process)
        gateway.url = f"http://127.0.0.1:{port}/sms/send"
        _wait_until_answering(f"http://127.0.0.1:{port}/health", process)
    except BaseException:
        gateway.stop()
        raise
    return gateway


def _wait_for_port(port_file: Path, process: subprocess.Popen[bytes]) -> int:
    deadline = time.monotonic() + STARTUP_DEADLINE
    while time.monotonic() < deadline:
        if port_file.exists():
            return int(port_file.read_text(encoding="utf-8"))
        assert process.poll() is None, "the fake gateway exited at start-up"
        time.sleep(0.02)
    raise AssertionError("the fake gateway did not say which port it listens on")


def _wait_until_answering(url: str, process: subprocess.Popen[bytes]) -> None:
    deadline = time.monotonic() + STARTUP_DEADLINE
    while time.monotonic() < deadline:
        try:
            if requests.get(url, timeout=1).status_code == 204:
                return
        except requests.ConnectionError:
            pass
        assert process.poll() is None, "the fake gateway died"
        time.sleep(0.02)
    raise AssertionError("the fake gateway did not answer in time")


Start = Callable[..., FakeGateway]


@pytest.fixture
def fake_gateway(tmp_path: Path) -> Iterator[Start]:
    started: list[FakeGateway] = []

    def start(mode: str = "ok", delay: float = 5.0) -> FakeGateway:
        gateway = _start(tmp_path, mode, delay)
        started.append(gateway)
        return gateway

    yield start
    for gateway in started:
        gateway.stop()


@pytest.fixture
def make_client() -> Iterator[Callable[..., HttpSmsGateway]]:
    clients: list[HttpSmsGateway] = []

    def make(url: str, **options: Any) -> HttpSmsGateway:
        options.setdefault("template", JSON_TEMPLATE)
        options.setdefault("timeout", 5.0)
        client = HttpSmsGateway(url, **options)
        clients.append(client)
        return client

    yield make
    for client in clients:
        client.close()


def test_a_json_message_reaches_the_gateway_in_utf8_with_its_auth(fake_gateway, make_client):
    gateway = fake_gateway("ok")
    client = make_client(gateway.url, auth_header="Bearer s3cret")
    client.send(PHONE, TEXT)
    [request] = gateway.received()
    assert request["path"] == "/sms/send"
    assert request["headers"]["Authorization"] == "Bearer s3cret"
    assert request["headers"]["Content-Type"].startswith("application/json")
    body = json.loads(request["body"])
    assert body == {"mobile": PHONE, "content": TEXT, "sign": "胡家庄村服务站", "extra": [1]}


def test_a_form_template_string_is_filled_in_escaped(fake_gateway, make_client):
    gateway = fake_gateway("ok")
    client = make_client(
        gateway.url,
        template="account=hjz&mobile={phone}&msg={text}&note={curly}",
        body="form",
        auth_header=("X-Api-Key", "k-123"),
    )
    client.send(PHONE, "取件码为3-2-0156&营业时间07:30-21:00")
    [request] = gateway.received()
    assert request["headers"]["X-Api-Key"] == "k-123"
    fields = parse_qs(request["body"])
    assert fields["mobile"] == [PHONE]
    assert fields["msg"] == ["取件码为3-2-0156&营业时间07:30-21:00"]
    assert fields["note"] == ["{curly}"]


def test_a_json_template_string_escapes_quotes(fake_gateway, make_client):
    gateway = fake_gateway("ok")
    client = make_client(gateway.url, template='{"to": "{phone}", "body": "{text}"}')
    client.send(PHONE, '他说"到了"')
    [request] = gateway.received()
    assert json.loads(request["body"]) == {"to": PHONE, "body": '他说"到了"'}


def test_a_refusal_is_a_failure_that_reached_the_gateway(fake_gateway, make_client):
    gateway = fake_gateway("error")
    with pytest.raises(SendFailed) as caught:
        make_client(gateway.url).send(PHONE, TEXT)
    assert caught.value.reached
    assert "40001" in caught.value.message


def test_a_captive_portal_200_is_not_success(fake_gateway, make_client):
    gateway = fake_gateway("portal")
    for success in (SuccessCheck(), SuccessCheck(json_field=None, body_marker='"msg": "ok"')):
        with pytest.raises(SendFailed) as caught:
            make_client(gateway.url, success=success).send(PHONE, TEXT)
        assert not caught.value.reached
    assert len(gateway.received()) == 2


def test_a_body_marker_alone_can_define_success(fake_gateway, make_client):
    gateway = fake_gateway("ok")
    make_client(gateway.url, success=SuccessCheck(json_field=None, body_marker='"msg": "ok"')).send(
        PHONE, TEXT
    )


def test_success_must_be_more_than_a_bare_2xx():
    with pytest.raises(ValueError, match="bare 2xx"):
        SuccessCheck(json_field=None, body_marker=None)


def test_a_slow_gateway_times_out(fake_gateway, make_client):
    gateway = fake_gateway("slow", delay=5.0)
    started = time.monotonic()
    with pytest.raises(SendFailed) as caught:
        make_client(gateway.url, timeout=0.3).send(PHONE, TEXT)
    assert caught.value.template == TIMED_OUT
    assert not caught.value.reached
    assert time.monotonic() - started < 3


def test_a_server_error_is_retried_later(fake_gateway, make_client):
    gateway = fake_gateway("http500")
    with pytest.raises(SendFailed) as caught:
        make_client(gateway.url).send(PHONE, TEXT)
    assert not caught.value.reached
    assert "500" in caught.value.message


def test_no_gateway_listening_is_unreachable(fake_gateway, make_client):
    gateway = fake_gateway("ok")
    gateway.stop()
    with pytest.raises(SendFailed) as caught:
        make_client(gateway.url, timeout=1.0).send(PHONE, TEXT)
    assert caught.value.template == UNREACHABLE


def test_dispatch_through_the_gateway_records_sent_and_backs_off_on_failure(
    store: Store,
    checked_in: CheckIn,
    fake_gateway,
    make_client,
    caplog: pytest.LogCaptureFixture,
):
    clock = store.clock
    assert isinstance(clock, FixedClock)
    caplog.set_level(logging.DEBUG)
    parcel = checked_in()
    refusing = make_client(fake_gateway("error").url)
    report = dispatch.dispatch_once(store, clock, refusing, random=lambda: 0.5)
    assert report.retrying == 1
    with store.reading() as session:
        [notice] = outbox.for_parcel(session, parcel)
    assert notice.status is NotificationStatus.PENDING
    assert notice.next_attempt_at == clock.now() + timedelta(minutes=1)
    assert notice.last_error is not None
    assert "40001" in notice.last_error
    assert PHONE not in notice.last_error  # the gateway echoed it; it was masked

    clock.advance(timedelta(minutes=1))
    ok = fake_gateway("ok")
    assert dispatch.dispatch_once(store, clock, make_client(ok.url)).sent == 1
    [request] = ok.received()
    assert json.loads(request["body"])["content"].startswith("【柳林镇胡家庄村服务站】")
    with store.reading() as session:
        assert outbox.for_parcel(session, parcel)[0].status is NotificationStatus.SENT
    assert PHONE not in caplog.text
