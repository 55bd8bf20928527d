"""How the station notifies, as the keeper set it up: channel and SMS gateway.

The settings are preferences (one key each, typed in ``core.preferences``); this module
reads them as one :class:`GatewayConfig`, checks the rules that span several keys (a
template must name ``{phone}`` and ``{text}``, a JSON template must be JSON), saves
them in one transaction, and builds the sender the background dispatcher uses. The
secret is kept out of ``repr`` and out of the ledger: preference changes are uploaded
to the county, a gateway key must not be.

Many county SMS gateways want the account password in the body rather than a header,
so a template may also name ``{key}``: it is filled with the secret, escaped like the
other values.
"""

from __future__ import annotations

import base64
import enum
import json
from dataclasses import dataclass, field, replace
from typing import Literal
from urllib.parse import quote_plus

from sqlalchemy.orm import Session

from station_app.core import preferences
from station_app.core.clock import Clock
from station_app.core.db.notification_models import Channel
from station_app.core.errors import QT_TRANSLATE_NOOP, ValidationError
from station_app.core.notifications.senders import HttpSmsGateway, SuccessCheck
from station_app.core.operators import OperatorInfo
from station_app.core.parcels.phones import MOBILE

SEND_TIMEOUT_SECONDS = 8.0
"""Short enough that closing the app waits at most this long for a message in flight."""

NO_PLACEHOLDER = QT_TRANSLATE_NOOP(
    "core", "请求模板里必须有 {{phone}}（手机号）和 {{text}}（短信内容）。"
)
NOT_JSON = QT_TRANSLATE_NOOP("core", "请求模板不是有效的 JSON：{detail}")
NOT_JSON_OBJECT = QT_TRANSLATE_NOOP("core", "JSON 请求模板要用大括号 {{ }} 括起来。")
NO_SUCCESS_RULE = QT_TRANSLATE_NOOP(
    "core", "请填写“成功标志”：回答里的字段名，或回答中必须出现的文字。"
)
NO_URL = QT_TRANSLATE_NOOP("core", "请先填写短信网关地址。")
NO_SECRET = QT_TRANSLATE_NOOP("core", "选了需要验证的方式，请填写密钥或密码。")
BAD_HEADER = QT_TRANSLATE_NOOP("core", "请求头名称只能用英文字母、数字和“-”，例如 X-Api-Key。")
BAD_TEST_PHONE = QT_TRANSLATE_NOOP("core", "测试短信要发到一个11位手机号。")
TEST_TEXT = "【{station}】这是一条测试短信，收到说明服务站的取件通知可以正常发送。"


class AuthKind(enum.StrEnum):
    NONE = "none"
    HEADER = "header"
    BASIC = "basic"


@dataclass(frozen=True)
class GatewayConfig:
    """Everything the settings tab shows and the dispatcher needs, read in one go."""

    channel: Channel = Channel.SMS
    url: str = ""
    auth_kind: AuthKind = AuthKind.NONE
    auth_name: str = "Authorization"
    secret: str = field(default="", repr=False)
    body_format: Literal["json", "form"] = "json"
    template: str = preferences.SMS_TEMPLATE.default
    success_field: str = "code"
    success_value: str = "0"
    success_marker: str = ""

    @property
    def sms_ready(self) -> bool:
        """Whether SMS can be tried at all (the gateway itself may still refuse)."""
        return bool(self.url)

    @property
    def has_secret(self) -> bool:
        return bool(self.secret)

    def validate(self) -> None:
        """The rules across keys; each key's own rule is checked again when it is saved."""
        if self.channel is Channel.SMS and not self.url:
            raise ValidationError(NO_URL)
        if self.auth_kind is not AuthKind.NONE and not self.secret:
            raise ValidationError(NO_SECRET)
        if self.auth_kind is AuthKind.HEADER and not _is_token(self.auth_name):
            raise ValidationError(BAD_HEADER)
        if "{phone}" not in self.template or "{text}" not in self.template:
            raise ValidationError(NO_PLACEHOLDER)
        if self.body_format == "json":
            _check_json_template(self.template)
        if not self.success_field.strip() and not self.success_marker.strip():
            raise ValidationError(NO_SUCCESS_RULE)

    def sender(self, timeout: float = SEND_TIMEOUT_SECONDS) -> HttpSmsGateway:
        """An HTTP gateway client for these settings (the caller closes it)."""
        return HttpSmsGateway(
            self.url,
            template=self._template_with_key(),
            auth_header=self._auth_header(),
            body=self.body_format,
            success=SuccessCheck(
                json_field=self.success_field.strip() or None,
                json_value=self.success_value,
                body_marker=self.success_marker or None,
            ),
            timeout=timeout,
        )

    def _template_with_key(self) -> str:
        if "{key}" not in self.template:
            return self.template
        escape = _json_escape if self.body_format == "json" else quote_plus
        return self.template.replace("{key}", escape(self.secret))

    def _auth_header(self) -> str | tuple[str, str] | None:
        if self.auth_kind is AuthKind.HEADER:
            return (self.auth_name.strip(), self.secret)
        if self.auth_kind is AuthKind.BASIC:
            pair = f"{self.auth_name}:{self.secret}".encode()
            return "Basic " + base64.b64encode(pair).decode("ascii")
        return None


def load(session: Session) -> GatewayConfig:
    get = preferences.get
    body = get(session, preferences.SMS_BODY_FORMAT)
    return GatewayConfig(
        channel=Channel(get(session, preferences.NOTIFY_CHANNEL)),
        url=get(session, preferences.SMS_GATEWAY_URL),
        auth_kind=AuthKind(get(session, preferences.SMS_AUTH_KIND)),
        auth_name=get(session, preferences.SMS_AUTH_NAME),
        secret=get(session, preferences.SMS_AUTH_SECRET),
        body_format="form" if body == "form" else "json",
        template=get(session, preferences.SMS_TEMPLATE),
        success_field=get(session, preferences.SMS_SUCCESS_FIELD),
        success_value=get(session, preferences.SMS_SUCCESS_VALUE),
        success_marker=get(session, preferences.SMS_SUCCESS_MARKER),
    )


def channel(session: Session) -> Channel:
    """How new notices go out (check-in reads it in its own transaction)."""
    return Channel(preferences.get(session, preferences.NOTIFY_CHANNEL))


def save(
    session: Session,
    clock: Clock,
    *,
    actor: OperatorInfo,
    config: GatewayConfig,
    new_secret: str | None = None,
) -> GatewayConfig:
    """Validate and store ``config`` in the caller's transaction (keepers only).

    ``new_secret`` None keeps the saved secret (the settings tab never shows it, so an
    empty field means "unchanged"); choosing no authentication forgets it. Nothing is
    written unless every rule passes.
    """
    secret = config.secret if new_secret is None else new_secret
    if config.auth_kind is AuthKind.NONE:
        secret = ""
    config = replace(config, url=config.url.strip(), auth_name=config.auth_name.strip())
    config = replace(config, secret=secret)
    if config.url or config.channel is Channel.SMS:
        config.validate()
    values: list[tuple[preferences.Pref[str], str]] = [
        (preferences.NOTIFY_CHANNEL, config.channel.value),
        (preferences.SMS_GATEWAY_URL, config.url),
        (preferences.SMS_AUTH_KIND, config.auth_kind.value),
        (preferences.SMS_AUTH_NAME, config.auth_name),
        (preferences.SMS_AUTH_SECRET, config.secret),
        (preferences.SMS_BODY_FORMAT, config.body_format),
        (preferences.SMS_TEMPLATE, config.template),
        (preferences.SMS_SUCCESS_FIELD, config.success_field.strip()),
        (preferences.SMS_SUCCESS_VALUE, config.success_value.strip()),
        (preferences.SMS_SUCCESS_MARKER, config.success_marker),
    ]
    for pref, value in values:  # every key's own rule first: refuse before any write
        pref.encode(value)
    for pref, value in values:
        preferences.set_value(session, clock, actor=actor, pref=pref, value=value)
    return config


def trial_text(station_name: str) -> str:
    return TEST_TEXT.format(station=station_name)


def trial_phone(text: str) -> str:
    """The number the keeper typed for a test message, as digits; ValidationError if it
    is not a full mobile number."""
    match = MOBILE.match("".join(text.split()))
    if match is None:
        raise ValidationError(BAD_TEST_PHONE)
    return match.group(1)


def mask_secret(secret: str) -> str:
    """What the settings tab shows of a saved secret: that there is one, never what."""
    return "●" * 8 if secret else ""


def _check_json_template(template: str) -> None:
    sample = template.replace("{phone}", "13800000000").replace("{text}", "t")
    sample = sample.replace("{key}", "k")
    try:
        parsed = json.loads(sample)
    except ValueError as error:
        raise ValidationError(NOT_JSON, detail=str(error)[:60]) from None
    if not isinstance(parsed, dict):
        raise ValidationError(NOT_JSON_OBJECT)


def _json_escape(value: str) -> str:
    return json.dumps(value, ensure_ascii=False)[1:-1]


def _is_token(name: str) -> bool:
    name = name.strip()
    return bool(name) and all(ch.isascii() and (ch.isalnum() or ch == "-") for ch in name)
