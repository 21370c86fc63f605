"""Every error answer of the API is JSON `{"error", "code", "params", "message"}` with the right status code:
`error` the stable machine code clients act on, `code` + `params` the message in the catalogue
(app/i18n/messages.py) that terminals show in their own language, `message` its English text."""

from __future__ import annotations

from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from pydantic import BaseModel, Field
from starlette.exceptions import HTTPException as StarletteHTTPException

from app.i18n.messages import code_and_params


class ApiError(Exception):
    """`message` is a `Msg` (app.i18n.messages.msg) for a text users see, or plain English for callers."""

    def __init__(self, status: int, code: str, message: str, headers: dict[str, str] | None = None) -> None:
        super().__init__(message)
        self.status, self.code, self.message, self.headers = status, code, message, headers


def error_body(error: str, message: str) -> dict[str, Any]:
    """The body for `error`; the message's own code and params when it is a `Msg`, else the error code."""
    code, params = code_and_params(message)
    return {"error": error, "code": code or error, "params": params, "message": str(message)}


class ErrorOut(BaseModel):
    """Every error answer: a stable machine code, the message's code and params, and its English text."""

    error: str = Field(description="stable machine code: clients act on it")
    code: str = Field(description="the message's code in the catalogue (app/i18n/messages.py)")
    params: dict[str, Any] = Field(description="the message's named params (a param may be a message itself)")
    message: str = Field(description="the message in English, readable as it is")


ERROR_TEXT = {
    400: "bad request",
    401: "no valid token, or the caller's access changed (revoked, role changed); log in again",
    403: "the caller's role may not do this, or the terminal is revoked or waits for approval",
    404: "not found",
    405: "method not allowed (the `Allow` header lists the allowed methods)",
    409: "conflicts with the current state",
    413: "request body too large",
    422: "invalid request (a field, a number out of range, a malformed cursor)",
    429: "too many attempts",
    503: "the center is not ready",
}


def errors(*statuses: int) -> dict[int | str, dict[str, Any]]:
    """OpenAPI `responses=` for a route: each status with the error body."""
    return {st: {"model": ErrorOut, "description": ERROR_TEXT.get(st, "error")} for st in statuses}


def install_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(ApiError)
    async def _api_error(_: Request, exc: ApiError) -> JSONResponse:
        return JSONResponse(error_body(exc.code, exc.message), status_code=exc.status, headers=exc.headers)

    @app.exception_handler(RequestValidationError)
    async def _validation(_: Request, exc: RequestValidationError) -> JSONResponse:
        first = exc.errors()[0] if exc.errors() else {}
        where = ".".join(str(p) for p in first.get("loc", ()))
        return JSONResponse(
            error_body("invalid_request", f"{where}: {first.get('msg', 'invalid')}"), status_code=422
        )

    @app.exception_handler(StarletteHTTPException)
    async def _http(_: Request, exc: StarletteHTTPException) -> JSONResponse:
        if exc.status_code == 400:  # a body that is not JSON at all (FastAPI's 400): an invalid request
            return JSONResponse(error_body("invalid_request", f"body: {exc.detail}"), status_code=422)
        code = {404: "not_found", 405: "method_not_allowed", 413: "too_large"}.get(
            exc.status_code, "http_error"
        )
        return JSONResponse(
            error_body(code, str(exc.detail)), status_code=exc.status_code, headers=getattr(exc, "headers", None)
        )

    @app.exception_handler(Exception)
    async def _unexpected(_: Request, exc: Exception) -> JSONResponse:
        import logging

        logging.getLogger("hall.center").exception("unexpected error: %s", exc)
        return JSONResponse(error_body("internal", "internal error; see the center log"), status_code=500)
