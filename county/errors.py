"""Refusals as exceptions: the code the client decides on, the HTTP status, the keeper's text."""

from __future__ import annotations

from typing import Any

from sync.wire import ErrorBody, ErrorCode

STATUS = {
    ErrorCode.UNSUPPORTED_PROTOCOL: 400,
    ErrorCode.MALFORMED: 422,
    ErrorCode.TOO_LARGE: 413,
    ErrorCode.RATE_LIMITED: 429,
    ErrorCode.UNAUTHORIZED: 401,
    ErrorCode.REVOKED: 401,
    ErrorCode.WRONG_STATION: 403,
    ErrorCode.ENROLMENT_CODE_INVALID: 403,
    ErrorCode.GAP: 409,
    ErrorCode.FORK: 409,
    ErrorCode.BROKEN_CHAIN: 422,
    ErrorCode.INVALID_PAYLOAD: 422,
    ErrorCode.UNKNOWN_EVENT_TYPE: 422,
    ErrorCode.NOT_FOUND: 404,
    ErrorCode.MANIFEST_REFUSED: 422,
    ErrorCode.MANIFEST_CONFLICT: 409,
    ErrorCode.UNKNOWN_DESTINATION: 409,
    ErrorCode.NOTHING_TO_TAKE_OVER: 403,
}
"""409 when the batch disagrees with what the county holds (retrying from the county's
head can help), 422 when the batch is wrong in itself (retrying the same bytes cannot)."""

MESSAGES_ZH = {
    ErrorCode.UNSUPPORTED_PROTOCOL: "本站软件版本与县中心不匹配，请升级软件。",
    ErrorCode.MALFORMED: "上传的数据格式不对，请升级软件或联系县中心。",
    ErrorCode.TOO_LARGE: "一次上传的数据太多，将自动分小批重试。",
    ErrorCode.RATE_LIMITED: "上传太频繁，请稍后自动重试。",
    ErrorCode.UNAUTHORIZED: "本站尚未在县中心登记，或登记凭证无效，请重新登记。",
    ErrorCode.REVOKED: "县中心已停用本站的登记凭证，请向县中心索取新的登记码后重新登记。",
    ErrorCode.WRONG_STATION: "登记凭证与服务站不符，请联系县中心。",
    ErrorCode.ENROLMENT_CODE_INVALID: "登记码无效、已用过或已过期，请向县中心索取新的登记码。",
    ErrorCode.GAP: "台账序号与县中心不衔接，将从县中心已收到的位置重新上传。",
    ErrorCode.FORK: "本站台账与县中心已收到的记录不一致（可能恢复了旧备份），请联系县中心。",
    ErrorCode.BROKEN_CHAIN: "台账记录的校验不通过，请联系县中心。",
    ErrorCode.INVALID_PAYLOAD: "台账中有县中心无法识别的记录内容，请升级软件或联系县中心。",
    ErrorCode.UNKNOWN_EVENT_TYPE: "台账中有县中心不认识的业务类型，请联系县中心升级。",
    ErrorCode.NOT_FOUND: "县中心还没有发布这项数据。",
    ErrorCode.MANIFEST_REFUSED: "交接单文件不完整或校验不通过，请重新导出后再发。",
    ErrorCode.MANIFEST_CONFLICT: "县中心已收到过同一编号但内容不同的交接单，请联系县中心。",
    ErrorCode.UNKNOWN_DESTINATION: "收件的服务站还没有在县中心登记，登记后再发送。",
    ErrorCode.NOTHING_TO_TAKE_OVER: "这个登记码对应的服务站还没有接入过县中心，没有可接替的台账，"
    "请按新服务站设置。",
}


class Refused(Exception):
    """A 4xx answer with an :class:`ErrorBody`; ``record`` puts it in the refusals table."""

    def __init__(
        self, code: ErrorCode, detail: dict[str, Any] | None = None, message_zh: str | None = None
    ) -> None:
        super().__init__(code.value)
        self.code = code
        self.detail = detail or {}
        self.message_zh = message_zh
        """Instead of the code's usual text, where that would mislead (a public trace
        lookup is not a station's upload)."""

    @property
    def status(self) -> int:
        return STATUS[self.code]

    def body(self) -> ErrorBody:
        message = self.message_zh or MESSAGES_ZH[self.code]
        return ErrorBody(code=self.code, message_zh=message, detail=self.detail)


RECORDED = frozenset(
    {
        ErrorCode.GAP,
        ErrorCode.FORK,
        ErrorCode.BROKEN_CHAIN,
        ErrorCode.INVALID_PAYLOAD,
        ErrorCode.UNKNOWN_EVENT_TYPE,
        ErrorCode.WRONG_STATION,
    }
)
"""What county staff need to see: a station's ledger in trouble, or a credential misused.
Transport problems (too large, malformed, rate limited) are the client's to retry."""
