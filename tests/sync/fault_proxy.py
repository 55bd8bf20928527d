"""A fault-injecting TCP proxy on loopback, between the station client and a county.

Every connection the client opens gets one :class:`Fault`, chosen by a plan when the
request's head has arrived: an explicit :class:`Schedule` (for a deterministic test of
one fault) or a seeded :class:`RandomPlan` (for a soak). The proxy relays one HTTP/1.1
request per connection: it reads the request head and its ``Content-Length`` body,
forwards it upstream with ``Connection: close``, reads the whole answer, and relays it
with ``Connection: close`` too, so the client never reuses a connection and "one
connection" is "one request". What each connection saw is kept in :attr:`FaultProxy.records`.

The faults:

- ``PASS``: relayed as it is.
- ``DROP_BEFORE_FORWARD``: the connection is closed once the request's head has arrived;
  the county never sees the request.
- ``DROP_AFTER_FORWARD``: the request goes to the county and its whole answer comes
  back to the proxy, which then closes the client's connection without a byte. This is
  the station's view of a county-side **"fail after commit"**: the county stored the
  batch and committed, the acknowledgement never arrives. (The county's own process
  has nothing to fail: from the station's side a commit whose answer is lost is exactly
  this, so no hook in the production county is needed to test it.)
- ``TRUNCATE_RESPONSE``: the answer's head and part of its body are relayed, then the
  connection is closed (a link dropping mid-response, after the commit).
- ``DELAY``: the answer is held for ``delay_s`` before it is relayed (slow links; with a
  delay over the client's read timeout, another "committed but not acknowledged").
- ``DUPLICATE``: the request is sent upstream twice at once, on two connections (a
  retrying middlebox), both answers are awaited and the first copy's is relayed.

The delays here are the faults themselves, never a wait for something to happen.
"""

from __future__ import annotations

import contextlib
import enum
import random
import socket
import struct
import threading
from collections import deque
from collections.abc import Iterable
from dataclasses import dataclass, field

HEAD_LIMIT = 64 * 1024
IO_TIMEOUT_S = 30.0


class Fault(enum.Enum):
    PASS = "pass"
    DROP_BEFORE_FORWARD = "drop_before_forward"
    DROP_AFTER_FORWARD = "drop_after_forward"
    TRUNCATE_RESPONSE = "truncate_response"
    DELAY = "delay"
    DUPLICATE = "duplicate"


FAULTS = tuple(fault for fault in Fault if fault is not Fault.PASS)


class Plan:
    """Chooses the fault of each connection (called from the connection's thread)."""

    def choose(self, method: str, path: str) -> Fault:
        raise NotImplementedError


class Schedule(Plan):
    """The given faults for the next connections in order, then ``then`` for the rest.
    ``only`` restricts the schedule to requests whose path contains it (others pass)."""

    def __init__(
        self, faults: Iterable[Fault], *, then: Fault = Fault.PASS, only: str | None = None
    ) -> None:
        self._faults = deque(faults)
        self._then = then
        self._only = only
        self._lock = threading.Lock()

    def choose(self, method: str, path: str) -> Fault:
        if self._only is not None and self._only not in path:
            return Fault.PASS
        with self._lock:
            return self._faults.popleft() if self._faults else self._then


class RandomPlan(Plan):
    """A fault with probability ``rate`` (uniform over ``faults``), from a seeded RNG:
    the same seed and the same sequence of connections give the same faults."""

    def __init__(self, seed: int, rate: float = 0.4, faults: Iterable[Fault] = FAULTS) -> None:
        self._rng = random.Random(seed)
        self._rate = rate
        self._faults = tuple(faults)
        self._lock = threading.Lock()

    def choose(self, method: str, path: str) -> Fault:
        with self._lock:
            if self._rng.random() < self._rate:
                return self._rng.choice(self._faults)
            return Fault.PASS


@dataclass
class Record:
    """What happened on one client connection."""

    fault: Fault | None = None
    method: str = ""
    path: str = ""
    upstream: list[bytes] = field(default_factory=list)
    """The county's complete answers (raw HTTP), one per copy forwarded."""
    relayed: int = 0
    """Bytes of the answer relayed to the client."""
    error: str | None = None

    @property
    def forwarded(self) -> bool:
        return bool(self.upstream)

    def statuses(self) -> list[int]:
        return [int(answer.split(b" ", 2)[1]) for answer in self.upstream]

    def bodies(self) -> list[bytes]:
        return [answer.partition(b"\r\n\r\n")[2] for answer in self.upstream]


class FaultProxy:
    """``with FaultProxy(upstream_port, plan) as proxy: ... proxy.url``"""

    def __init__(
        self,
        upstream_port: int,
        plan: Plan | None = None,
        *,
        upstream_host: str = "127.0.0.1",
        delay_s: float = 0.2,
        truncate_fraction: float = 0.5,
    ) -> None:
        self.plan: Plan = plan or Schedule([])
        self.delay_s = delay_s
        self.truncate_fraction = truncate_fraction
        self._upstream = (upstream_host, upstream_port)
        self._listener = socket.create_server(("127.0.0.1", 0))
        self.port = int(self._listener.getsockname()[1])
        self.records: list[Record] = []
        self._lock = threading.Lock()
        self._threads: list[threading.Thread] = []
        self._accepting = threading.Thread(target=self._accept, name="fault-proxy", daemon=True)
        self._closed = threading.Event()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def __enter__(self) -> FaultProxy:
        self.start()
        return self

    def __exit__(self, *_exc: object) -> None:
        self.stop()

    def start(self) -> FaultProxy:
        self._accepting.start()
        return self

    def stop(self) -> None:
        self._closed.set()
        with contextlib.suppress(OSError):
            self._listener.shutdown(socket.SHUT_RDWR)
        self._listener.close()
        self._accepting.join(timeout=5)
        with self._lock:
            threads = list(self._threads)
        for thread in threads:
            thread.join(timeout=IO_TIMEOUT_S)

    def faults_seen(self) -> dict[Fault, int]:
        with self._lock:
            records = list(self.records)
        counts = dict.fromkeys(Fault, 0)
        for record in records:
            if record.fault is not None:
                counts[record.fault] += 1
        return counts

    # --- the proxy's threads ---------------------------------------------------------

    def _accept(self) -> None:
        while not self._closed.is_set():
            try:
                client, _ = self._listener.accept()
            except OSError:
                return
            record = Record()
            thread = threading.Thread(
                target=self._serve, args=(client, record), name="fault-proxy-conn", daemon=True
            )
            with self._lock:
                self.records.append(record)
                self._threads.append(thread)
            thread.start()

    def _serve(self, client: socket.socket, record: Record) -> None:
        client.settimeout(IO_TIMEOUT_S)
        try:
            head, body = _read_request(client)
            request_line = head.split(b"\r\n", 1)[0].decode("latin-1")
            record.method, record.path = request_line.split(" ")[:2]
            record.fault = fault = self.plan.choose(record.method, record.path)
            if fault is Fault.DROP_BEFORE_FORWARD:
                _abort(client)
                return
            request = _with_connection_close(head) + body
            if fault is Fault.DUPLICATE:
                answers = self._forward_twice(request)
            else:
                answers = [self._forward(request)]
            record.upstream.extend(answers)
            answer = _with_connection_close(answers[0])
            if fault is Fault.DROP_AFTER_FORWARD:
                _abort(client)
                return
            if fault is Fault.TRUNCATE_RESPONSE:
                head_end = answer.index(b"\r\n\r\n") + 4
                body_len = len(answer) - head_end
                cut = head_end + max(0, min(body_len - 1, int(body_len * self.truncate_fraction)))
                client.sendall(answer[:cut])
                record.relayed = cut
                _abort(client)
                return
            if fault is Fault.DELAY:
                self._closed.wait(self.delay_s)
            client.sendall(answer)
            record.relayed = len(answer)
            client.shutdown(socket.SHUT_WR)
        except (OSError, ValueError) as error:
            record.error = f"{type(error).__name__}: {error}"
        finally:
            client.close()

    def _forward(self, request: bytes) -> bytes:
        with socket.create_connection(self._upstream, timeout=IO_TIMEOUT_S) as upstream:
            upstream.sendall(request)
            chunks = []
            while chunk := upstream.recv(65536):
                chunks.append(chunk)
        answer = b"".join(chunks)
        if b"\r\n\r\n" not in answer:
            raise ValueError("upstream closed without an answer")
        return answer

    def _forward_twice(self, request: bytes) -> list[bytes]:
        answers: list[bytes | BaseException] = [b"", b""]

        def copy(index: int) -> None:
            try:
                answers[index] = self._forward(request)
            except BaseException as error:  # handed to the connection's thread
                answers[index] = error

        threads = [threading.Thread(target=copy, args=(i,)) for i in range(2)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=IO_TIMEOUT_S * 2)
        out: list[bytes] = []
        for answer in answers:
            if isinstance(answer, BaseException):
                raise ValueError(f"a duplicate copy failed: {answer!r}")
            out.append(answer)
        return out


def _read_request(client: socket.socket) -> tuple[bytes, bytes]:
    """The request head (through the blank line) and its ``Content-Length`` body."""
    data = b""
    while b"\r\n\r\n" not in data:
        chunk = client.recv(65536)
        if not chunk:
            raise ValueError("client closed before a whole request head")
        data += chunk
        if len(data) > HEAD_LIMIT:
            raise ValueError("request head too long")
    head, _, rest = data.partition(b"\r\n\r\n")
    head += b"\r\n\r\n"
    length = 0
    for line in head.split(b"\r\n")[1:]:
        name, _, value = line.partition(b":")
        if name.strip().lower() == b"content-length":
            length = int(value.strip())
        if name.strip().lower() == b"transfer-encoding":
            raise ValueError("chunked requests are not relayed")
    body = rest
    while len(body) < length:
        chunk = client.recv(65536)
        if not chunk:
            raise ValueError("client closed mid-body")
        body += chunk
    return head, body[:length]


def _with_connection_close(message: bytes) -> bytes:
    """The HTTP message with its ``Connection`` header replaced by ``close``."""
    head, sep, body = message.partition(b"\r\n\r\n")
    lines = [
        line
        for line in head.split(b"\r\n")
        if line.partition(b":")[0].strip().lower() not in (b"connection", b"keep-alive")
    ]
    lines.append(b"Connection: close")
    return b"\r\n".join(lines) + sep + body


def _abort(sock: socket.socket) -> None:
    """Close with a reset, like a link that went away (not a polite end of stream)."""
    with contextlib.suppress(OSError):
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
    sock.close()
