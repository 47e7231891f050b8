"""Write the validation fixtures under tests/data/validation/.

Run from anywhere: python3 tools/pydantic_reference/generate_fixtures.py
Each expected result comes from pydantic itself (through fastapi_like), so
the C++ tests compare the emulator with the real library.
"""

import json
import pathlib
import sys

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent))

import body_cases  # noqa: E402
import fastapi_like  # noqa: E402
import query_cases  # noqa: E402
from models import BODY_MODELS  # noqa: E402
from query_models import OPERATIONS  # noqa: E402

OUT_DIR = pathlib.Path(__file__).resolve().parents[2] / "tests" / "data" / "validation"

LIST_QUERY_FIELDS = {"offset": "offset", "limit": "limit", "orderBy": "order_by",
                     "search": "search", "createdBy": "created_by", "ids": "ids",
                     "tagKeys": "tag_keys", "tagValues": "tag_values", "type": "types",
                     "status": "statuses", "repositoryId": "repository_ids"}


def body_fixture(name, model, body, options):
    data = body.data if isinstance(body, body_cases.Raw) else json.dumps(body).encode()
    content_type = options.get("content_type", "application/json")
    present = options.get("present", True)
    status, payload = fastapi_like.validate_body(BODY_MODELS[model], data, content_type, present)
    case = {"name": name, "model": model, "present": present, "content_type": content_type}
    try:
        case["body"] = data.decode()
    except UnicodeDecodeError:
        case["body_hex"] = data.hex()
    case["status"] = status
    if status == 200:
        case["value"] = payload
    elif status == 422:
        case["detail"] = payload
    return case


def query_fixture(name, operation, pairs):
    detail, values = fastapi_like.validate_query(OPERATIONS[operation], pairs)
    case = {"name": name, "operation": operation, "params": [list(p) for p in pairs]}
    if detail:
        case["detail"] = detail
    else:
        query = {"offset": 0, "limit": 10, "order_by": "-createdAt", "search": None,
                 "created_by": [], "ids": [], "tag_keys": [], "tag_values": [], "types": [],
                 "statuses": [], "repository_ids": []}
        for key, value in values.items():
            if value is not None:
                query[LIST_QUERY_FIELDS[key]] = value
        case["query"] = query
    return case


def main():
    OUT_DIR.mkdir(parents=True, exist_ok=True)
    bodies = [body_fixture(*case) for case in body_cases.all_cases()]
    names = [case["name"] for case in bodies]
    assert len(names) == len(set(names)), "body case names must be unique"
    queries = [query_fixture(*case) for case in query_cases.invalid() + query_cases.valid()]

    (OUT_DIR / "body_cases.json").write_text(
        json.dumps(bodies, indent=1, ensure_ascii=False) + "\n")
    (OUT_DIR / "query_cases.json").write_text(
        json.dumps(queries, indent=1, ensure_ascii=False) + "\n")

    invalid_bodies = sum(1 for case in bodies if case["status"] != 200)
    invalid_queries = sum(1 for case in queries if "detail" in case)
    print(f"bodies: {invalid_bodies} invalid, {len(bodies) - invalid_bodies} valid; "
          f"queries: {invalid_queries} invalid, {len(queries) - invalid_queries} valid")


if __name__ == "__main__":
    main()
