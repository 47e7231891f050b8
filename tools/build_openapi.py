#!/usr/bin/env python3
"""Build the OpenAPI 3.1 document of the emulated artifact API.

The input is the plain-text rendering of the published API reference: per
operation a title line, an "Operation path: METHOD /path" line, a
description, and then "Body parameter", "Parameters", "Example responses"
and "Responses" sections. The component schemas come from
emulator/validation/schemas/reference-schemas.json, which the validator also
embeds, so the document and the validation cannot drift apart.

Usage:
    tools/build_openapi.py REFERENCE.txt            # write the document
    tools/build_openapi.py REFERENCE.txt --check    # exit 1 if it is stale
"""

import argparse
import copy
import json
import re
import sys
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
SCHEMAS_PATH = REPO_ROOT / "emulator/validation/schemas/reference-schemas.json"
OUTPUT_PATH = REPO_ROOT / "emulator/control/openapi/api-openapi.json"

# The reference states neither the application title nor its version.
API_TITLE = "Workload API"
API_VERSION = "2.0.0"
SERVER_URL = "/api/v2"
TAG = "artifacts"

SECTION_HEADINGS = ("Body parameter", "Parameters", "Example responses", "Responses")
PARAMETERS_HEADER = "Name In Type Required Description"
RESPONSES_HEADER = "Status Meaning Description Schema"
OPERATION_RE = re.compile(r"^Operation path: ([A-Z]+) (/\S*)$")
EXAMPLE_RE = re.compile(r"^(\d{3}) Response$")

# Reason phrases as the reference prints them. RFC 9110 renamed 422 to
# "Unprocessable Content", and newer http.HTTPStatus versions follow it, so
# the phrases are fixed here.
REASON_PHRASES = {
    200: "OK",
    201: "Created",
    202: "Accepted",
    204: "No Content",
    400: "Bad Request",
    401: "Unauthorized",
    403: "Forbidden",
    404: "Not Found",
    409: "Conflict",
    422: "Unprocessable Entity",
}

# OpenAPI's own order of the operation fields in a path item.
METHOD_ORDER = ("get", "put", "post", "delete", "options", "head", "patch", "trace")


def ref(name):
    return {"$ref": f"#/components/schemas/{name}"}


def optional(schema):
    return {"anyOf": [schema, {"type": "null"}]}


def string_list():
    return optional({"type": "array", "items": {"type": "string"}})


# The reference types most query parameters as "any". These are the schemas
# FastAPI derives from the parameter annotations that the emulator validates
# (emulator/validation/query_validation.cpp and domain/list_query.h):
# offset >= 0 with default 0, limit 1..100 with default 10, search at most
# 100 characters, orderBy one of the sort literals with default "-createdAt",
# and the filters as optional string or enum lists.
# NOTE: the defaults and bounds are the emulator's. The reference prints only
# "integer" for offset and limit, so the service's values may differ.
QUERY_SCHEMAS = {
    "offset": {"type": "integer", "minimum": 0, "default": 0},
    "limit": {"type": "integer", "minimum": 1, "maximum": 100, "default": 10},
    "createdBy": string_list(),
    "ids": string_list(),
    "search": optional({"type": "string", "maxLength": 100}),
    "tagKeys": string_list(),
    "tagValues": string_list(),
    "type": optional({"type": "array", "items": ref("ArtifactType")}),
    "status": optional({"type": "array", "items": ref("ArtifactStatus")}),
    "repositoryId": string_list(),
}

# The sort literals differ per list operation, keyed by (method, path).
ORDER_BY_SCHEMAS = {
    ("get", "/artifactRepositories"): "CommonSortQueryParams",
    ("get", "/artifacts"): "ArtifactSortQueryParams",
}
ORDER_BY_DEFAULT = "-createdAt"


class ReferenceFormatError(Exception):
    """The reference text does not have the expected layout."""


def field_title(name):
    """Return the title pydantic gives a field: words split on "_" and capitalized."""
    return " ".join(part.capitalize() for part in name.split("_") if part)


def operation_id(title):
    """Derive a snake_case operation id from an operation's title line.

    The renderer appends " by <param> ID" to titles that already end with
    "By <Param> Id", so that duplicate is dropped first.
    """
    base = re.sub(r" by \S+ ID$", "", title)
    return re.sub(r"[^a-z0-9]+", "_", base.lower()).strip("_")


class ReferenceReader:
    """A cursor over the reference's lines that can also decode inline JSON."""

    def __init__(self, text):
        self.text = text
        self.lines = text.split("\n")
        self.offsets = []
        position = 0
        for line in self.lines:
            self.offsets.append(position)
            position += len(line) + 1
        self.decoder = json.JSONDecoder()

    def next_nonblank(self, index):
        while index < len(self.lines) and not self.lines[index].strip():
            index += 1
        return index

    def previous_nonblank(self, index):
        while index >= 0 and not self.lines[index].strip():
            index -= 1
        return index

    def read_json(self, index):
        """Decode the JSON value starting on line `index`; return it and the next line."""
        index = self.next_nonblank(index)
        if index >= len(self.lines) or not self.lines[index].lstrip().startswith(("{", "[")):
            raise ReferenceFormatError(f"line {index + 1}: expected a JSON schema")
        start = self.offsets[index]
        value, end = self.decoder.raw_decode(self.text, start)
        while index < len(self.lines) and self.offsets[index] < end:
            index += 1
        return value, index


def parse_parameter_rows(reader, index, location):
    if reader.lines[index] != PARAMETERS_HEADER:
        raise ReferenceFormatError(f"line {index + 1}: expected the header {PARAMETERS_HEADER!r}")
    rows = []
    index += 1
    while index < len(reader.lines) and reader.lines[index].strip():
        fields = reader.lines[index].split(" ", 4)
        if len(fields) != 5 or fields[3] not in ("true", "false"):
            raise ReferenceFormatError(f"{location}: invalid parameter row {reader.lines[index]!r}")
        name, where, type_name, required, description = fields
        rows.append({
            "name": name,
            "in": where,
            "type": type_name,
            "required": required == "true",
            "description": description,
        })
        index += 1
    return rows, index


def parse_response_rows(reader, index, location):
    if reader.lines[index] != RESPONSES_HEADER:
        raise ReferenceFormatError(f"line {index + 1}: expected the header {RESPONSES_HEADER!r}")
    rows = []
    index += 1
    while index < len(reader.lines) and reader.lines[index].strip():
        line = reader.lines[index]
        status_text, _, rest = line.partition(" ")
        if not status_text.isdigit() or int(status_text) not in REASON_PHRASES:
            raise ReferenceFormatError(
                f"{location}: response row {line!r} has an unknown status; "
                "add its reason phrase to REASON_PHRASES")
        status = int(status_text)
        phrase = REASON_PHRASES[status]
        if not rest.startswith(phrase + " "):
            raise ReferenceFormatError(f"{location}: response row {line!r} does not start with {status} {phrase}")
        description, _, schema = rest[len(phrase) + 1:].rpartition(" ")
        if not description:
            raise ReferenceFormatError(f"{location}: response row {line!r} has no description")
        rows.append({"status": status, "description": description, "schema": schema})
        index += 1
    return rows, index


def parse_operation(reader, index, end):
    """Parse the operation whose "Operation path" line is `index`, up to line `end`."""
    match = OPERATION_RE.match(reader.lines[index])
    method, path = match.group(1).lower(), match.group(2)
    location = f"{method.upper()} {path}"

    title_index = reader.previous_nonblank(index - 1)
    operation = {
        "method": method,
        "path": path,
        "title": reader.lines[title_index].strip(),
        "paragraphs": [],
        "body": None,
        "parameters": [],
        "examples": {},
        "responses": [],
    }

    index += 1
    while index < end and reader.lines[index] not in SECTION_HEADINGS:
        if reader.lines[index].strip():
            operation["paragraphs"].append(reader.lines[index].strip())
        index += 1

    while index < end:
        heading = reader.lines[index]
        if heading == "Body parameter":
            operation["body"], index = reader.read_json(index + 1)
        elif heading == "Parameters":
            operation["parameters"], index = parse_parameter_rows(
                reader, reader.next_nonblank(index + 1), location)
        elif heading == "Example responses":
            index = reader.next_nonblank(index + 1)
            while index < end and (example := EXAMPLE_RE.match(reader.lines[index])):
                schema, index = reader.read_json(index + 1)
                operation["examples"][int(example.group(1))] = schema
                index = reader.next_nonblank(index)
            continue
        elif heading == "Responses":
            operation["responses"], index = parse_response_rows(
                reader, reader.next_nonblank(index + 1), location)
        elif heading.strip():
            raise ReferenceFormatError(f"line {index + 1}: unexpected line {heading!r} in {location}")
        else:
            index += 1
            continue
        index = reader.next_nonblank(index)
    if not operation["responses"]:
        raise ReferenceFormatError(f"{location}: no Responses table")
    return operation


def parse_reference(text):
    """Return the tag description and the operations of the reference, in its order."""
    reader = ReferenceReader(text)
    try:
        schemas_index = reader.lines.index("Schemas")
    except ValueError:
        raise ReferenceFormatError("the reference has no 'Schemas' line") from None
    starts = [i for i in range(schemas_index) if OPERATION_RE.match(reader.lines[i])]
    if not starts:
        raise ReferenceFormatError("the reference lists no 'Operation path:' lines")

    # The page opens with the tag name and its one-line description.
    tag_index = reader.lines.index(TAG)
    tag_description = reader.lines[reader.next_nonblank(tag_index + 1)].strip()

    # Each operation ends where the next one's title line begins.
    ends = [reader.previous_nonblank(start - 1) for start in starts[1:]] + [schemas_index]
    operations = [parse_operation(reader, start, end) for start, end in zip(starts, ends)]
    return tag_description, operations


def replace_inline_copies(node, components, is_root=True):
    """Return `node` with nested copies of component schemas replaced by $refs.

    A nested schema is a copy when it equals a component exactly and either
    its title is that component's name, or it has no title and the component
    has none either (the type aliases such as Tags and ResourcePermissions).
    """
    if isinstance(node, list):
        return [replace_inline_copies(item, components, False) for item in node]
    if not isinstance(node, dict):
        return node
    if not is_root:
        title = node.get("title")
        if isinstance(title, str) and components.get(title) == node:
            return ref(title)
        if title is None:
            for name, schema in components.items():
                if "title" not in schema and schema == node:
                    return ref(name)
    result = {}
    for key, value in node.items():
        # Keys of "properties" are field names, and "enum", "const",
        # "default" and "examples" contain data, not schemas.
        if key in ("enum", "const", "default", "examples"):
            result[key] = value
        elif key == "properties":
            result[key] = {name: replace_inline_copies(schema, components, False)
                           for name, schema in value.items()}
        else:
            result[key] = replace_inline_copies(value, components, False)
    return result


def report_near_copies(components, warn):
    """Warn about nested schemas titled like a component but not equal to it."""
    def walk(node, where):
        if isinstance(node, list):
            for position, item in enumerate(node):
                walk(item, f"{where}/{position}")
        elif isinstance(node, dict):
            title = node.get("title")
            if isinstance(title, str) and title in components and "$ref" not in node:
                warn(f"{where} is titled {title!r} but differs from that component; kept inline")
            for key, value in node.items():
                walk(value, f"{where}/{key}")

    for name, schema in components.items():
        for key, value in schema.items():
            walk(value, f"#/components/schemas/{name}/{key}")


def build_parameter(row, method, path):
    name = row["name"]
    schema = {"title": field_title(name)}
    if row["in"] == "path":
        schema["type"] = "string"
    elif name == "orderBy":
        component = ORDER_BY_SCHEMAS.get((method, path))
        if component is None:
            raise ReferenceFormatError(f"{method.upper()} {path}: no sort schema known for orderBy")
        schema.update(optional(ref(component)))
        schema["default"] = ORDER_BY_DEFAULT
    elif name in QUERY_SCHEMAS:
        schema.update(copy.deepcopy(QUERY_SCHEMAS[name]))
    elif row["type"] != "any":
        schema["type"] = row["type"]
    # An unknown "any" parameter keeps the empty schema, which accepts anything.
    schema["description"] = row["description"]
    return {
        "name": name,
        "in": row["in"],
        "required": row["required"],
        "description": row["description"],
        "schema": schema,
    }


def build_responses(operation, components):
    location = f"{operation['method'].upper()} {operation['path']}"
    responses = {}
    for row in operation["responses"]:
        response = {"description": row["description"]}
        schema_name = row["schema"]
        if schema_name == "string":
            example = operation["examples"].get(row["status"], {"type": "string"})
            if example != {"type": "string"}:
                raise ReferenceFormatError(f"{location}: the {row['status']} example is not a plain string")
            response["content"] = {"text/plain": {"schema": {"type": "string"}}}
        elif schema_name != "None":
            if schema_name not in components:
                raise ReferenceFormatError(f"{location}: response schema {schema_name!r} is not a component")
            example = operation["examples"].get(row["status"])
            if example is not None and example != components[schema_name]:
                raise ReferenceFormatError(
                    f"{location}: the {row['status']} example differs from {schema_name}")
            response["content"] = {"application/json": {"schema": ref(schema_name)}}
        responses[str(row["status"])] = response
    return dict(sorted(responses.items()))


def build_operation(operation, components):
    location = f"{operation['method'].upper()} {operation['path']}"
    result = {
        "tags": [TAG],
        "summary": operation["title"],
        "operationId": operation_id(operation["title"]),
    }
    if operation["paragraphs"]:
        result["description"] = "\n\n".join(operation["paragraphs"])

    parameters = [row for row in operation["parameters"] if row["in"] != "body"]
    bodies = [row for row in operation["parameters"] if row["in"] == "body"]
    declared = set(re.findall(r"\{([^}]+)\}", operation["path"]))
    listed = {row["name"] for row in parameters if row["in"] == "path"}
    if declared != listed:
        raise ReferenceFormatError(f"{location}: path parameters {sorted(listed)} do not match the path")
    if parameters:
        result["parameters"] = [
            build_parameter(row, operation["method"], operation["path"]) for row in parameters]

    if len(bodies) > 1:
        raise ReferenceFormatError(f"{location}: more than one body parameter")
    if bodies:
        body_name = bodies[0]["type"]
        if body_name not in components:
            raise ReferenceFormatError(f"{location}: body schema {body_name!r} is not a component")
        if operation["body"] is not None and operation["body"] != components[body_name]:
            raise ReferenceFormatError(f"{location}: the body schema differs from {body_name}")
        result["requestBody"] = {
            "required": bodies[0]["required"],
            "content": {"application/json": {"schema": ref(body_name)}},
        }
    elif operation["body"] is not None:
        raise ReferenceFormatError(f"{location}: has a body schema but no body row in Parameters")

    result["responses"] = build_responses(operation, components)
    return result


def build_document(reference_text, components, warn):
    tag_description, operations = parse_reference(reference_text)

    ids = [operation_id(operation["title"]) for operation in operations]
    duplicates = sorted({value for value in ids if ids.count(value) > 1})
    if duplicates:
        raise ReferenceFormatError(f"operation ids are not unique: {duplicates}")

    paths = {}
    for operation in operations:
        item = paths.setdefault(operation["path"], {})
        if operation["method"] in item:
            raise ReferenceFormatError(f"{operation['method'].upper()} {operation['path']} appears twice")
        item[operation["method"]] = build_operation(operation, components)
    paths = {
        path: {method: item[method] for method in METHOD_ORDER if method in item}
        for path, item in sorted(paths.items())
    }

    schemas = {name: replace_inline_copies(components[name], components) for name in sorted(components)}
    report_near_copies(schemas, warn)

    return {
        "openapi": "3.1.0",
        "info": {
            "title": API_TITLE,
            "version": API_VERSION,
            "description": "Artifact operations of the Workload API.",
        },
        "servers": [{"url": SERVER_URL}],
        "paths": paths,
        "components": {
            "schemas": schemas,
            "securitySchemes": {"HTTPBearer": {"type": "http", "scheme": "bearer"}},
        },
        "security": [{"HTTPBearer": []}],
        "tags": [{"name": TAG, "description": tag_description}],
    }


def render(document):
    return json.dumps(document, indent=2, ensure_ascii=False) + "\n"


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("reference", type=Path,
                        help="plain-text rendering of the API reference page")
    parser.add_argument("--schemas", type=Path, default=SCHEMAS_PATH,
                        help=f"component schemas as JSON (default: {SCHEMAS_PATH.relative_to(REPO_ROOT)})")
    parser.add_argument("--output", type=Path, default=OUTPUT_PATH,
                        help=f"document to write (default: {OUTPUT_PATH.relative_to(REPO_ROOT)})")
    parser.add_argument("--check", action="store_true",
                        help="write nothing; exit 1 when --output differs from the generated document")
    args = parser.parse_args(argv)

    def warn(message):
        print(f"build_openapi: warning: {message}", file=sys.stderr)

    try:
        components = json.loads(args.schemas.read_text(encoding="utf-8"))
        text = render(build_document(args.reference.read_text(encoding="utf-8"), components, warn))
    except (OSError, json.JSONDecodeError, ReferenceFormatError) as error:
        print(f"build_openapi: error: {error}", file=sys.stderr)
        return 2

    if args.check:
        current = args.output.read_text(encoding="utf-8") if args.output.exists() else None
        if current != text:
            print(f"build_openapi: {args.output} is out of date; rerun without --check",
                  file=sys.stderr)
            return 1
        return 0
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
