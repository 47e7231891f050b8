#!/usr/bin/env python3
"""Check the emulator's two OpenAPI documents for internal consistency.

Each document must be OpenAPI 3.1 JSON in which every local $ref and
discriminator mapping resolves. Operation ids must be unique, every path
template parameter must be declared, and the security schemes and tags that
operations use must exist. Each document must list exactly the operations
the emulator serves. This is no substitute for a full OpenAPI validator; it catches the mistakes
that hand edits and a changed reference are likely to cause.
"""

import argparse
import json
import re
import sys
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
OPENAPI_DIR = REPO_ROOT / "emulator/control/openapi"

HTTP_METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")

API_OPERATIONS = {
    ("get", "/artifactRepositories"),
    ("delete", "/artifactRepositories/{artifact_repository_id}"),
    ("get", "/artifactRepositories/{artifact_repository_id}"),
    ("get", "/artifactRepositories/{artifact_repository_id}/sharedRoles"),
    ("patch", "/artifactRepositories/{artifact_repository_id}/sharedRoles"),
    ("get", "/artifacts"),
    ("post", "/artifacts"),
    ("delete", "/artifacts/{artifact_id}"),
    ("get", "/artifacts/{artifact_id}"),
    ("patch", "/artifacts/{artifact_id}"),
    ("put", "/artifacts/{artifact_id}"),
    ("get", "/artifacts/{artifact_id}/builds"),
    ("post", "/artifacts/{artifact_id}/builds"),
    ("delete", "/artifacts/{artifact_id}/builds/{build_id}"),
    ("get", "/artifacts/{artifact_id}/builds/{build_id}"),
    ("get", "/artifacts/{artifact_id}/builds/{build_id}/logs"),
    ("post", "/artifacts/{artifact_id}/clone"),
}

CONTROL_OPERATIONS = {
    ("get", "/_emulator/health"),
    ("get", "/_emulator/ready"),
    ("post", "/_emulator/reset"),
    ("get", "/_emulator/state"),
    ("put", "/_emulator/state"),
    ("get", "/_emulator/snapshots"),
    ("post", "/_emulator/snapshots/{name}"),
    ("delete", "/_emulator/snapshots/{name}"),
    ("post", "/_emulator/snapshots/{name}/restore"),
    ("get", "/_emulator/requests"),
    ("delete", "/_emulator/requests"),
    ("post", "/_emulator/requests/count"),
    ("get", "/_emulator/clock"),
    ("put", "/_emulator/clock"),
    ("post", "/_emulator/clock/advance"),
    ("get", "/_emulator/metrics"),
    ("get", "/_emulator/scenarios"),
    ("post", "/_emulator/scenarios"),
    ("delete", "/_emulator/scenarios/{name}"),
    ("post", "/_emulator/scenarios/{name}/reset"),
    ("get", "/_emulator/openapi.json"),
    ("get", "/api/v2/openapi.json"),
}


def resolve_pointer(document, pointer):
    """Return the value at a JSON Pointer (RFC 6901); raise KeyError or IndexError if absent."""
    node = document
    for token in pointer.split("/")[1:]:
        token = token.replace("~1", "/").replace("~0", "~")
        if isinstance(node, list):
            node = node[int(token)]
        else:
            node = node[token]
    return node


def check_references(document, errors):
    def check(target, where):
        if not target.startswith("#/"):
            errors.append(f"{where}: only local references are expected, found {target!r}")
            return
        try:
            resolve_pointer(document, target[1:])
        except (KeyError, IndexError, ValueError, TypeError):
            errors.append(f"{where}: {target!r} does not resolve")

    def walk(node, where):
        if isinstance(node, dict):
            if isinstance(node.get("$ref"), str):
                check(node["$ref"], where)
            mapping = node.get("discriminator", {}).get("mapping", {}) \
                if isinstance(node.get("discriminator"), dict) else {}
            for key, target in mapping.items():
                check(target, f"{where}/discriminator/mapping/{key}")
            for key, value in node.items():
                walk(value, f"{where}/{key}")
        elif isinstance(node, list):
            for position, item in enumerate(node):
                walk(item, f"{where}/{position}")

    walk(document, "#")


def check_operations(document, expected, errors):
    schemes = set(document.get("components", {}).get("securitySchemes", {}))
    tags = {tag["name"] for tag in document.get("tags", [])}
    for requirement in document.get("security", []):
        for name in requirement:
            if name not in schemes:
                errors.append(f"#/security: unknown security scheme {name!r}")

    found = set()
    operation_ids = {}
    for path, item in document.get("paths", {}).items():
        template_names = set(re.findall(r"\{([^}]+)\}", path))
        for method, operation in item.items():
            if method not in HTTP_METHODS:
                continue
            where = f"{method.upper()} {path}"
            found.add((method, path))

            operation_id = operation.get("operationId")
            if not operation_id:
                errors.append(f"{where}: no operationId")
            elif operation_id in operation_ids:
                errors.append(f"{where}: operationId {operation_id!r} also used by "
                              f"{operation_ids[operation_id]}")
            else:
                operation_ids[operation_id] = where

            parameters = item.get("parameters", []) + operation.get("parameters", [])
            path_parameters = {p["name"] for p in parameters if p.get("in") == "path"}
            if path_parameters != template_names:
                errors.append(f"{where}: path parameters {sorted(path_parameters)} "
                              f"do not match the template {sorted(template_names)}")
            for parameter in parameters:
                if parameter.get("in") == "path" and parameter.get("required") is not True:
                    errors.append(f"{where}: path parameter {parameter['name']!r} is not required")

            responses = operation.get("responses", {})
            if not responses:
                errors.append(f"{where}: no responses")
            for status, response in responses.items():
                if "$ref" not in response and "description" not in response:
                    errors.append(f"{where}: response {status} has no description")

            for tag in operation.get("tags", []):
                if tag not in tags:
                    errors.append(f"{where}: tag {tag!r} is not listed in #/tags")
            for requirement in operation.get("security", []):
                for name in requirement:
                    if name not in schemes:
                        errors.append(f"{where}: unknown security scheme {name!r}")

    for method, path in sorted(expected - found):
        errors.append(f"missing operation {method.upper()} {path}")
    for method, path in sorted(found - expected):
        errors.append(f"unexpected operation {method.upper()} {path}")


def check_document(path, expected):
    """Return the problems found in the document at `path`."""
    try:
        document = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as error:
        return [f"cannot read: {error}"]
    errors = []
    if not str(document.get("openapi", "")).startswith("3.1."):
        errors.append(f"openapi is {document.get('openapi')!r}, expected 3.1.x")
    info = document.get("info", {})
    for key in ("title", "version"):
        if not info.get(key):
            errors.append(f"info.{key} is missing")
    check_references(document, errors)
    check_operations(document, expected, errors)
    return errors


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--api", type=Path, default=OPENAPI_DIR / "api-openapi.json",
                        help="the artifact API document")
    parser.add_argument("--control", type=Path, default=OPENAPI_DIR / "control-openapi.json",
                        help="the control API document")
    args = parser.parse_args(argv)

    failed = False
    for path, expected in ((args.api, API_OPERATIONS), (args.control, CONTROL_OPERATIONS)):
        errors = check_document(path, expected)
        for error in errors:
            print(f"{path}: {error}", file=sys.stderr)
        print(f"{path}: {len(expected)} operations expected, {len(errors)} problem(s)")
        failed = failed or bool(errors)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
