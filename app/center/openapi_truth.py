"""Make the OpenAPI document tell the truth about errors: every status a route can answer is declared,
with the one error body every error has (`{"error", "code", "params", "message"}`, `ErrorOut`).

Declared for each route, before the document is generated:
- 422 when it takes any parameter or body (validation, numbers out of range), replacing FastAPI's own
  validation schema, which our error handler never sends;
- 413 when it takes a body; 401 and 403 when it needs a token (also: principal revoked, role changed);
- 404 when its path has parameters;
- every status its handler raises (`ApiError(409, …)`, `QueueError(…)`), found in its source and in the
  center functions it calls (nested functions included), three levels deep.
A route's own `responses=` stays as it is.

The source reading costs seconds, so it runs when the document is first asked for
(`declare_errors_lazily`), not at every start of a center: the error answers themselves do not need it.
"""

from __future__ import annotations

import inspect
import re
from collections.abc import Callable
from typing import Any

from fastapi import FastAPI
from fastapi.dependencies.models import Dependant
from fastapi.routing import APIRoute
from fastapi.utils import create_model_field
from pydantic import BaseModel

from app.center.api_errors import errors

_RAISED = re.compile(r"(?:ApiError|QueueError|HTTPException)\(\s*(?:status_code=)?(\d{3})")
_DEPTH = 3


def _needs_token(dep: Dependant) -> bool:
    from app.center.deps import caller

    return any(d.call is caller or _needs_token(d) for d in dep.dependencies)


def _names(code: Any) -> tuple[str, ...]:
    """The global and attribute names a code object uses, nested functions and lambdas included."""
    out = list(code.co_names)
    for const in code.co_consts:
        if inspect.iscode(const):
            out.extend(_names(const))
    return tuple(dict.fromkeys(out))


def _raised(fn: Callable[..., Any], depth: int, seen: set[int]) -> set[int]:
    if id(fn) in seen or depth < 0:
        return set()
    seen.add(id(fn))
    try:
        source = inspect.getsource(fn)
    except (OSError, TypeError):
        return set()
    codes = {int(c) for c in _RAISED.findall(source)}
    code = getattr(fn, "__code__", None)
    namespace = getattr(fn, "__globals__", {})
    names = _names(code) if code is not None else ()
    for name in names:
        target = namespace.get(name)
        if inspect.ismodule(target) and target.__name__.startswith("app.center"):
            for attr in names:  # `queue.issue(...)`: the module's functions the code names
                member = getattr(target, attr, None)
                if inspect.isfunction(member):
                    codes |= _raised(member, depth - 1, seen)
        elif callable(target) and getattr(target, "__module__", "").startswith("app.center"):
            codes |= _raised(target, depth - 1, seen)
    return codes


def _dependency_calls(dep: Dependant) -> list[Callable[..., Any]]:
    out: list[Callable[..., Any]] = []
    for d in dep.dependencies:
        if d.call is not None:
            out.append(d.call)
        out.extend(_dependency_calls(d))
    return out


def _api_routes(routes: list[Any]) -> list[APIRoute]:
    """Every APIRoute, also inside included routers (kept as their original routers by FastAPI)."""
    out: list[APIRoute] = []
    for route in routes:
        if isinstance(route, APIRoute):
            out.append(route)
        elif hasattr(route, "original_router"):
            out.extend(_api_routes(list(route.original_router.routes)))
    return out


_RAW_BODIES: list[type[BaseModel]] = []


def raw_json_body(model: type[BaseModel]) -> dict[str, Any]:
    """`openapi_extra=` for a route that reads its body itself (`model.model_validate_json`: parsed and
    checked in one pass, not `json.loads` and then a check of the Python objects): documented as `model`."""
    _RAW_BODIES.append(model)
    ref = {"$ref": f"#/components/schemas/{model.__name__}"}
    return {"requestBody": {"required": True, "content": {"application/json": {"schema": ref}}}}


def _add_raw_bodies(doc: dict[str, Any]) -> None:
    schemas = doc.setdefault("components", {}).setdefault("schemas", {})
    for model in _RAW_BODIES:
        schema = model.model_json_schema(ref_template="#/components/schemas/{model}")
        for name, sub in schema.pop("$defs", {}).items():
            schemas.setdefault(name, sub)
        schemas.setdefault(model.__name__, schema)


def declare_errors_lazily(app: FastAPI) -> None:
    """Declare the errors on the first call of `app.openapi()` (the /openapi.json route and /docs use it)."""
    generate = app.openapi
    done = False

    def openapi() -> dict[str, Any]:
        nonlocal done
        if not done:
            declare_errors(app)
            done = True
            doc = generate()
            _add_raw_bodies(doc)
            return doc
        return generate()

    app.openapi = openapi  # type: ignore[method-assign]


def declare_errors(app: FastAPI) -> None:
    for route in _api_routes(list(app.routes)):
        statuses: set[int] = set()
        d = route.dependant
        has_params = bool(d.path_params or d.query_params or d.header_params or d.cookie_params)
        if has_params or route.body_field is not None:
            statuses.add(422)
        if route.body_field is not None:
            statuses.add(413)
        if _needs_token(d):
            statuses |= {401, 403}
        if d.path_params:
            statuses.add(404)
        statuses |= _raised(route.endpoint, _DEPTH, set())
        for call in _dependency_calls(d):
            if getattr(call, "__module__", "") != "app.center.deps":
                statuses |= _raised(call, 1, set())
        statuses = {st for st in statuses if st >= 400 and st != 500}
        declared = {int(k) for k in route.responses if str(k).isdigit()}
        for status, spec in errors(*sorted(statuses - declared)).items():
            route.responses[status] = spec
            route.response_fields[status] = create_model_field(
                name=f"Response_{status}_{route.unique_id}", type_=spec["model"], mode="serialization"
            )
    app.openapi_schema = None
