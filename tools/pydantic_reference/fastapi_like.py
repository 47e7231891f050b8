"""What FastAPI (>= 0.100) does around pydantic for a body or a query string.

Mirrors fastapi/routing.py (body reading and JSON decoding),
fastapi/dependencies/utils.py (one field per parameter), fastapi/_compat
(validate_python with from_attributes=True, errors without `url`) and
fastapi/encoders.py (jsonable_encoder of the errors). FastAPI itself is not
installed here; pydantic is.
"""

import email.message
import enum
import json

from pydantic import TypeAdapter, ValidationError

PARSE_FAILURE = {"detail": "There was an error parsing the body"}


def encode(obj):
    """jsonable_encoder as it treats the values found in pydantic errors."""
    if isinstance(obj, enum.Enum):
        return obj.value
    if isinstance(obj, (str, int, float, type(None))):
        return obj
    if isinstance(obj, dict):
        return {encode(k): encode(v) for k, v in obj.items()}
    if isinstance(obj, (list, tuple)):
        return [encode(v) for v in obj]
    if isinstance(obj, bytes):
        return obj.decode()
    # Exceptions end here: dict() fails and vars() gives {}.
    try:
        return encode(dict(obj))
    except Exception:
        return encode(vars(obj))


def errors_to_detail(exc, loc_prefix):
    detail = []
    for error in exc.errors(include_url=False):
        item = dict(error)
        item["loc"] = [*loc_prefix, *error["loc"]]
        detail.append(encode(item))
    return detail


def is_json_content_type(value):
    if not value:
        return True
    message = email.message.Message()
    message["content-type"] = value
    if message.get_content_maintype() != "application":
        return False
    subtype = message.get_content_subtype()
    return subtype == "json" or subtype.endswith("+json")


def validate_body(model, body_bytes, content_type, present=True):
    """Return (status, payload): 422 with a detail list, 400, or 200 with the dump."""
    body = None
    if present and body_bytes:
        if is_json_content_type(content_type):
            try:
                body = json.loads(body_bytes)
            except json.JSONDecodeError as e:
                return 422, [{"type": "json_invalid", "loc": ["body", e.pos],
                              "msg": "JSON decode error", "input": {},
                              "ctx": {"error": e.msg}}]
            except Exception:
                return 400, PARSE_FAILURE
        else:
            body = body_bytes
    if body is None:
        return 422, [{"type": "missing", "loc": ["body"], "msg": "Field required", "input": None}]
    adapter = TypeAdapter(model)
    try:
        value = adapter.validate_python(body, from_attributes=True)
    except ValidationError as exc:
        return 422, errors_to_detail(exc, ["body"])
    return 200, adapter.dump_python(value, mode="json", by_alias=True)


def validate_query(params, pairs):
    """Validate query `pairs` against `params`: (name, annotation, default, is_list)."""
    detail = []
    values = {}
    for name, annotation, default, is_list in params:
        if is_list:
            # The service is assumed to split comma-separated values of a
            # list parameter, dropping empty pieces.
            raw = [piece for key, value in pairs if key == name
                   for piece in value.split(",") if piece]
            if not raw:
                values[name] = default
                continue
        else:
            matches = [value for key, value in pairs if key == name]
            if not matches:
                values[name] = default
                continue
            raw = matches[-1]
        adapter = TypeAdapter(annotation)
        try:
            values[name] = adapter.dump_python(
                adapter.validate_python(raw, from_attributes=True), mode="json")
        except ValidationError as exc:
            detail.extend(errors_to_detail(exc, ["query", name]))
    return detail, values
