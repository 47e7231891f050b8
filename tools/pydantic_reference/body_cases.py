"""Request bodies for the fixtures: (name, model, body, options).

`body` is a Python value that is dumped to JSON, or a Raw sent as it is. Options: content_type, present. Each case is labelled by what it
does to a valid base body, so most differ from the base in one place.
"""

import copy

DELETE = object()


class Raw:
    """A body sent as these exact characters (or bytes), not dumped as JSON."""

    def __init__(self, text):
        self.data = text if isinstance(text, bytes) else text.encode()

CONTAINER = {"name": "web", "primary": True, "port": 8080, "imageUri": "nginx:1.25"}
ARTIFACT = {"name": "my-artifact", "spec": {"containerGroups": [
    {"name": "main", "containers": [dict(CONTAINER)]}]}}
C0 = ("spec", "containerGroups", 0, "containers", 0)
G0 = ("spec", "containerGroups", 0)
UPDATE = {"name": "renamed", "spec": {"containerGroups": [
    {"name": "main", "containers": [dict(CONTAINER)]}]}}
CLONE = {"name": "copy"}
ROLES = {"operation": "updateRoles",
         "roles": [{"shareRecipientType": "user", "role": "OWNER", "username": "ann"}]}
GENERATED = {"source": "generated", "executionEnvironmentId": "e1",
             "executionEnvironmentVersionId": "v1", "entrypoint": ["python", "app.py"]}


def mutate(base, path, value):
    body = copy.deepcopy(base)
    target = body
    for key in path[:-1]:
        target = target[key]
    if value is DELETE:
        del target[path[-1]]
    else:
        target[path[-1]] = value
    return body


def mutate_many(base, changes):
    body = base
    for path, value in changes:
        body = mutate(body, path, value)
    return body


def input_artifact_invalid():
    cases = []
    add = cases.append
    for label, body in [("a string", "abc"), ("a number", 5), ("a list", []),
                        ("null", None), ("true", True)]:
        add((f"artifact body that is {label}", "InputArtifact", body, {}))
    add(("artifact without name", "InputArtifact", mutate(ARTIFACT, ("name",), DELETE), {}))
    add(("artifact without spec", "InputArtifact", mutate(ARTIFACT, ("spec",), DELETE), {}))
    add(("artifact empty object", "InputArtifact", {}, {}))
    for label, value in [("empty", ""), ("5001 characters", "a" * 5001), ("an integer", 7),
                         ("null", None), ("a list", ["a"]), ("a bool", False)]:
        add((f"artifact name {label}", "InputArtifact", mutate(ARTIFACT, ("name",), value), {}))
    add(("artifact extra fields", "InputArtifact",
         {**ARTIFACT, "zeta": 1, "alpha": {"x": 1}}, {}))
    for label, value in [("unknown", "published"), ("null", None), ("an integer", 1),
                         ("upper case", "DRAFT")]:
        add((f"artifact status {label}", "InputArtifact",
             mutate(ARTIFACT, ("status",), value), {}))
    for label, value in [("unknown", "job"), ("null", None), ("upper case", "NIM"),
                         ("an integer", 3), ("a list", ["nim"])]:
        add((f"artifact type {label}", "InputArtifact", mutate(ARTIFACT, ("type",), value), {}))
    for label, value in [("an integer", 1), ("a list", []), ("null", None)]:
        add((f"artifact description {label}", "InputArtifact",
             mutate(ARTIFACT, ("description",), value), {}))
    add(("artifact repository id an integer", "InputArtifact",
         mutate(ARTIFACT, ("artifactRepositoryId",), 12), {}))
    for label, value in [("a string", "x"), ("a list", [1]), ("null", None), ("a number", 2.5)]:
        add((f"artifact spec {label}", "InputArtifact", mutate(ARTIFACT, ("spec",), value), {}))
    add(("service spec with nim storage", "InputArtifact",
         mutate(ARTIFACT, ("spec", "storage"), {"mode": "nimCache"}), {}))
    add(("spec type nim overridden by default type", "InputArtifact",
         mutate(ARTIFACT, ("spec", "type"), "nim"), {}))
    add(("spec extra field", "InputArtifact", mutate(ARTIFACT, ("spec", "replicas"), 2), {}))
    nim = mutate(ARTIFACT, ("type",), "nim")
    for label, value in [("mode unknown", {"mode": "shared"}),
                         ("pvc size without unit", {"pvcSize": "10"}),
                         ("pvc size in Gb", {"pvcSize": "10Gb"}),
                         ("pvc size an integer", {"pvcSize": 10}),
                         ("extra field", {"class": "fast"}),
                         ("a string", "big")]:
        add((f"nim storage {label}", "InputArtifact", mutate(nim, ("spec", "storage"), value), {}))
    add(("nim template id an integer", "InputArtifact",
         mutate(nim, ("spec", "templateId"), 5), {}))
    for label, value in [("a dict", {"name": "main"}), ("a string", "main"), ("null", None)]:
        add((f"container groups {label}", "InputArtifact",
             mutate(ARTIFACT, ("spec", "containerGroups"), value), {}))
    for label, value in [("a string", "main"), ("a list", []), ("an integer", 0)]:
        add((f"container group {label}", "InputArtifact", mutate(ARTIFACT, G0, value), {}))
    for label, value in [("upper case", "Main"), ("leading digit", "1main"),
                         ("trailing hyphen", "main-"), ("underscore", "main_group"),
                         ("empty", ""), ("64 characters", "g" * 64), ("a dot", "main.web"),
                         ("an integer", 12), ("null", None), ("non-ASCII letter", "mäin")]:
        add((f"container group name {label}", "InputArtifact",
             mutate(ARTIFACT, G0 + ("name",), value), {}))
    add(("container group extra field", "InputArtifact",
         mutate(ARTIFACT, G0 + ("replicas",), 3), {}))
    for label, value in [("a dict", {}), ("a string", "web"), ("null", None)]:
        add((f"containers {label}", "InputArtifact",
             mutate(ARTIFACT, G0 + ("containers",), value), {}))
    for label, value in [("a string", "web"), ("a list", [CONTAINER]), ("null", None)]:
        add((f"container {label}", "InputArtifact", mutate(ARTIFACT, C0, value), {}))
    for label, value in [("upper case", "Web"), ("leading hyphen", "-web"),
                         ("trailing hyphen", "web-"), ("leading digit", "9web"),
                         ("space", "my web"), ("empty", ""), ("64 characters", "w" * 64),
                         ("an integer", 5), ("a list", ["web"])]:
        add((f"container name {label}", "InputArtifact",
             mutate(ARTIFACT, C0 + ("name",), value), {}))
    for label, value in [("1023", 1023), ("65536", 65536), ("zero", 0), ("negative", -1),
                         ("fractional", 8080.5), ("a word", "http"), ("empty string", ""),
                         ("a list", [8080]), ("a dict", {"port": 1})]:
        add((f"container port {label}", "InputArtifact",
             mutate(ARTIFACT, C0 + ("port",), value), {}))
    for label, value in [("a word", "maybe"), ("two", 2), ("a list", [True]),
                         ("fractional", 0.5)]:
        add((f"container primary {label}", "InputArtifact",
             mutate(ARTIFACT, C0 + ("primary",), value), {}))
    add(("primary container without port", "InputArtifact",
         mutate(ARTIFACT, C0 + ("port",), DELETE), {}))
    add(("primary container with null port", "InputArtifact",
         mutate(ARTIFACT, C0 + ("port",), None), {}))
    add(("non-primary container with port", "InputArtifact",
         mutate(ARTIFACT, C0 + ("primary",), False), {}))
    add(("container with default primary and port", "InputArtifact",
         mutate(ARTIFACT, C0 + ("primary",), DELETE), {}))
    add(("null primary with port", "InputArtifact",
         mutate(ARTIFACT, C0 + ("primary",), None), {}))
    add(("container without image uri or build config", "InputArtifact",
         mutate(ARTIFACT, C0 + ("imageUri",), DELETE), {}))
    add(("container with null image uri", "InputArtifact",
         mutate(ARTIFACT, C0 + ("imageUri",), None), {}))
    add(("port rule reported before image rule", "InputArtifact",
         mutate_many(ARTIFACT, [(C0 + ("imageUri",), DELETE), (C0 + ("port",), DELETE)]), {}))
    add(("name error hides model rules", "InputArtifact",
         mutate_many(ARTIFACT, [(C0 + ("name",), "Web"), (C0 + ("port",), DELETE)]), {}))
    for label, value in [("an integer", 1), ("a dict", {"uri": "x"})]:
        add((f"container image uri {label}", "InputArtifact",
             mutate(ARTIFACT, C0 + ("imageUri",), value), {}))
    for label, value in [("an integer", 3), ("null", None)]:
        add((f"container description {label}", "InputArtifact",
             mutate(ARTIFACT, C0 + ("description",), value), {}))
    for label, value in [("a string", "run.sh"), ("with an integer", ["run", 1]),
                         ("a dict", {"cmd": "run"})]:
        add((f"container entrypoint {label}", "InputArtifact",
             mutate(ARTIFACT, C0 + ("entrypoint",), value), {}))
    add(("container build missing fields", "InputArtifact",
         mutate(ARTIFACT, C0 + ("build",), {"status": "done"}), {}))
    add(("container build a string", "InputArtifact",
         mutate(ARTIFACT, C0 + ("build",), "b1"), {}))
    add(("container extra fields", "InputArtifact",
         mutate_many(ARTIFACT, [(C0 + ("image",), "x"), (C0 + ("cpu",), 2)]), {}))
    env = C0 + ("environmentVars",)
    for label, value in [
            ("a dict", {"A": "b"}), ("null", None),
            ("item a string", ["A=b"]),
            ("item without value", [{"name": "A"}]),
            ("item with integer value", [{"name": "A", "value": 1}]),
            ("credential without key", [{"source": "dr-credential", "name": "A",
                                         "drCredentialId": "c1"}]),
            ("unknown source", [{"source": "vault", "name": "A", "value": "b"}]),
            ("token without name", [{"source": "dr-api-token"}]),
            ("second item invalid", [{"name": "A", "value": "b"}, {"value": "c"}]),
            ("item empty", [{}])]:
        add((f"environment variables {label}", "InputArtifact",
             mutate(ARTIFACT, env, value), {}))
    build = C0 + ("imageBuildConfig",)
    no_uri = mutate(ARTIFACT, C0 + ("imageUri",), DELETE)
    for label, value in [
            ("a string", "docker"), ("a list", []),
            ("extra field", {"context": "."}),
            ("code ref without datarobot", {"codeRef": {}}),
            ("code ref wrong provider", {"codeRef": {"provider": "github", "datarobot": {
                "catalogId": "c", "catalogVersionId": "v"}}}),
            ("code ref wrong type", {"codeRef": {"type": "git", "datarobot": {
                "catalogId": "c", "catalogVersionId": "v"}}}),
            ("datarobot ref missing version", {"codeRef": {"datarobot": {"catalogId": "c"}}}),
            ("datarobot ref extra field", {"codeRef": {"datarobot": {
                "catalogId": "c", "catalogVersionId": "v", "branch": "main"}}}),
            ("code ref a string", {"codeRef": "catalog"}),
            ("dockerfile without source", {"dockerfile": {"path": "Dockerfile"}}),
            ("dockerfile unknown source", {"dockerfile": {"source": "inline"}}),
            ("dockerfile source null", {"dockerfile": {"source": None}}),
            ("dockerfile source an integer", {"dockerfile": {"source": 1}}),
            ("dockerfile a string", {"dockerfile": "Dockerfile"}),
            ("dockerfile null", {"dockerfile": None}),
            ("provided dockerfile path an integer", {"dockerfile": {
                "source": "provided", "path": 1}}),
            ("provided dockerfile extra field", {"dockerfile": {
                "source": "provided", "entrypoint": ["x"]}}),
            ("generated dockerfile missing fields", {"dockerfile": {"source": "generated"}}),
            ("generated dockerfile empty entrypoint", {"dockerfile": {
                **GENERATED, "entrypoint": []}}),
            ("generated dockerfile entrypoint a string", {"dockerfile": {
                **GENERATED, "entrypoint": "python"}}),
            ("generated dockerfile entrypoint item null", {"dockerfile": {
                **GENERATED, "entrypoint": [None]}})]:
        add((f"image build config {label}", "InputArtifact", mutate(no_uri, build, value), {}))
    for probe in ("livenessProbe", "readinessProbe", "startupProbe"):
        path = C0 + (probe,)
        for label, value in [
                ("a string", "/health"), ("without path", {"port": 8080}),
                ("port zero", {"path": "/", "port": 0}),
                ("port 65536", {"path": "/", "port": 65536}),
                ("scheme lower case", {"path": "/", "scheme": "http"})]:
            add((f"{probe} {label}", "InputArtifact", mutate(ARTIFACT, path, value), {}))
    probe = C0 + ("livenessProbe",)
    for label, value in [
            ("port a word", {"path": "/", "port": "abc"}),
            ("headers a list", {"path": "/", "httpHeaders": ["a"]}),
            ("header value an integer", {"path": "/", "httpHeaders": {"X-A": 1, "X-B": "b"}}),
            ("failure threshold fractional", {"path": "/", "failureThreshold": 1.5}),
            ("timeout a word", {"path": "/", "timeoutSeconds": "ten"}),
            ("period a bool string", {"path": "/", "periodSeconds": "1e3"}),
            ("initial delay null", {"path": "/", "initialDelaySeconds": None}),
            ("host an integer", {"path": "/", "host": 1}),
            ("path an integer", {"path": 1}),
            ("extra field", {"path": "/", "exec": ["true"]}),
            ("several errors", {"port": "x", "scheme": "ftp", "grpc": {}})]:
        add((f"liveness probe {label}", "InputArtifact", mutate(ARTIFACT, probe, value), {}))
    security = C0 + ("securityContext",)
    for label, value in [
            ("a string", "privileged"),
            ("privilege escalation a word", {"allowPrivilegeEscalation": "sometimes"}),
            ("read-only root a number", {"readOnlyRootFilesystem": 3}),
            ("capabilities a list", {"capabilities": ["NET_ADMIN"]}),
            ("capabilities add a string", {"capabilities": {"add": "NET_ADMIN"}}),
            ("capabilities drop with integer", {"capabilities": {"drop": ["ALL", 1]}}),
            ("capabilities extra field", {"capabilities": {"keep": []}}),
            ("seccomp without type", {"seccompProfile": {}}),
            ("seccomp unknown type", {"seccompProfile": {"type": "Default"}}),
            ("seccomp localhost profile with runtime default", {"seccompProfile": {
                "type": "RuntimeDefault", "localhostProfile": "p.json"}}),
            ("seccomp localhost profile with unconfined", {"seccompProfile": {
                "type": "Unconfined", "localhostProfile": "p.json"}}),
            ("seccomp profile an integer", {"seccompProfile": {
                "type": "Localhost", "localhostProfile": 1}}),
            ("extra field", {"runAsUser": 0})]:
        add((f"security context {label}", "InputArtifact", mutate(ARTIFACT, security, value), {}))
    add(("errors in two containers and a group", "InputArtifact", {
        "name": "", "spec": {"containerGroups": [
            {"name": "Main", "containers": [{"name": "a", "port": 80}, {"primary": "x"}]},
            {"name": "ok", "containers": [{"name": "b_"}]}]}, "extra": True}, {}))
    second_group = {"containers": [{"port": 2000}]}
    add(("second container group invalid", "InputArtifact",
         mutate(ARTIFACT, ("spec", "containerGroups"),
                [ARTIFACT["spec"]["containerGroups"][0], second_group]), {}))
    return cases


def update_invalid():
    cases = []
    add = cases.append
    for label, body in [("a string", "x"), ("a list", [{}]), ("null", None), ("a number", 1)]:
        add((f"update body that is {label}", "UpdateArtifactRequest", body, {}))
    for label, path, value in [
            ("name empty", ("name",), ""), ("name too long", ("name",), "n" * 5001),
            ("name an integer", ("name",), 1), ("description an integer", ("description",), 2),
            ("description a list", ("description",), ["a"]),
            ("status unknown", ("status",), "archived"), ("status an integer", ("status",), 0),
            ("spec a string", ("spec",), "spec"), ("spec with type", ("spec", "type"), "service"),
            ("spec extra field", ("spec", "storage"), {}),
            ("container groups a dict", ("spec", "containerGroups"), {}),
            ("group name upper case", G0 + ("name",), "MAIN"),
            ("group name 64 characters", G0 + ("name",), "m" * 64),
            ("container port 80", C0 + ("port",), 80),
            ("container name with underscore", C0 + ("name",), "my_web"),
            ("container non-primary with port", C0 + ("primary",), False),
            ("container without image", C0 + ("imageUri",), None),
            ("container env var invalid", C0 + ("environmentVars",), [{"name": 1}]),
            ("container probe without path", C0 + ("readinessProbe",), {}),
            ("container seccomp rule", C0 + ("securityContext",), {
                "seccompProfile": {"type": "RuntimeDefault", "localhostProfile": "x"}}),
            ("extra top-level field", ("type",), "nim"),
            ("id field", ("id",), "abc")]:
        add((f"update {label}", "UpdateArtifactRequest", mutate(UPDATE, path, value), {}))
    add(("update several errors", "UpdateArtifactRequest",
         {"name": "", "status": "x", "spec": {"containerGroups": [{"name": "-"}]}, "x": 1}, {}))
    return cases


def clone_invalid():
    cases = []
    add = cases.append
    for label, body in [("a string", "copy"), ("a list", ["copy"]), ("null", None),
                        ("empty object", {}), ("a number", 3)]:
        add((f"clone body that is {label}", "ArtifactCloneRequest", body, {}))
    for label, value in [("empty", ""), ("5001 characters", "c" * 5001), ("an integer", 1),
                         ("null", None), ("a dict", {"value": "x"}), ("a bool", True)]:
        add((f"clone name {label}", "ArtifactCloneRequest", {"name": value}, {}))
    add(("clone extra field", "ArtifactCloneRequest", {"name": "x", "description": "y"}, {}))
    add(("clone only extra fields", "ArtifactCloneRequest", {"title": "x"}, {}))
    add(("clone 5001 emoji name", "ArtifactCloneRequest", {"name": "\U0001F600" * 5001}, {}))
    return cases


def roles_invalid():
    cases = []
    add = cases.append
    role0 = ("roles", 0)
    for label, body in [("a string", "updateRoles"), ("a list", []), ("null", None),
                        ("empty object", {})]:
        add((f"shared roles body that is {label}", "SharedRolesUpdateRequest", body, {}))
    for label, path, value in [
            ("operation missing", ("operation",), DELETE),
            ("operation unknown", ("operation",), "addRoles"),
            ("operation an integer", ("operation",), 1),
            ("roles missing", ("roles",), DELETE), ("roles empty", ("roles",), []),
            ("roles a dict", ("roles",), {}), ("roles null", ("roles",), None),
            ("role item a string", role0, "OWNER"),
            ("role item empty", role0, {}),
            ("role unknown", role0 + ("role",), "SUPERUSER"),
            ("role lower case", role0 + ("role",), "owner"),
            ("recipient type unknown", role0 + ("shareRecipientType",), "team"),
            ("username an integer", role0 + ("username",), 5),
            ("username and id", role0 + ("id",), "u1"),
            ("extra field in role", role0 + ("expires",), "never"),
            ("extra top-level field", ("force",), True)]:
        add((f"shared roles {label}", "SharedRolesUpdateRequest", mutate(ROLES, path, value), {}))
    add(("shared roles 101 roles", "SharedRolesUpdateRequest",
         {"operation": "updateRoles", "roles": [{"shareRecipientType": "group", "role": "USER",
                                                 "id": f"g{i}"} for i in range(101)]}, {}))
    add(("shared roles id role missing fields", "SharedRolesUpdateRequest",
         {"operation": "updateRoles", "roles": [{"id": "g1"}]}, {}))
    add(("shared roles second role invalid", "SharedRolesUpdateRequest",
         {"operation": "updateRoles", "roles": [ROLES["roles"][0], {"username": None}]}, {}))
    add(("shared roles several errors", "SharedRolesUpdateRequest",
         {"operation": "remove", "roles": [], "dryRun": False}, {}))
    return cases


def raw_invalid():
    """Bodies that fail before pydantic, or that are not JSON at all."""
    cases = []
    add = cases.append
    for label, text in [
            ("whitespace only", "   "), ("truncated object", '{"name": "x"'),
            ("trailing comma in object", '{"name": "x",}'),
            ("trailing comma in array", '{"operation": "updateRoles", "roles": [1,]}'),
            ("unquoted key", "{name: 1}"), ("single quotes", "{'name': 'x'}"),
            ("extra data", '{"name": "x"} {}'), ("extra closing brace", '{"name": "x"}}'),
            ("unterminated string", '{"name": "x'), ("missing colon", '{"name" "x"}'),
            ("missing comma", '{"name": "x" "spec": {}}'), ("bare word", "hello"),
            ("invalid escape", '{"name": "a\\qb"}'), ("short unicode escape", '{"name": "\\u12"}'),
            ("control character in string", '{"name": "a\tb"}'),
            ("leading zero", '{"name": 01}'), ("lone minus", '{"name": -}'),
            ("non-ASCII before error", '{"name": "été", x}'),
            ("newline before error", '{\n  "name": "x",\n  oops\n}'),
            ("empty array element", "[1,,2]"), ("truncated literal", '{"a": tru}')]:
        add((f"json {label}", "ArtifactCloneRequest", Raw(text), {}))
    add(("json error in artifact body", "InputArtifact", Raw('{"name": "x", "spec": {]}'), {}))
    add(("json error in update body", "UpdateArtifactRequest", Raw('{"name": }'), {}))
    add(("json error in roles body", "SharedRolesUpdateRequest", Raw('{"roles": [}'), {}))
    add(("empty body with json type", "ArtifactCloneRequest", Raw(""),
         {"content_type": "application/json"}))
    add(("absent body", "InputArtifact", Raw(""), {"present": False}))
    add(("absent update body", "UpdateArtifactRequest", Raw(""), {"present": False}))
    add(("text plain body", "ArtifactCloneRequest", Raw('{"name": "x"}'),
         {"content_type": "text/plain"}))
    add(("form body", "InputArtifact", Raw("name=x"), {"content_type": "application/x-www-form-urlencoded"}))
    add(("xml body", "SharedRolesUpdateRequest", Raw("<roles/>"), {"content_type": "application/xml"}))
    add(("content type without slash", "ArtifactCloneRequest", Raw('{"name": ""}'),
         {"content_type": "json"}))
    add(("json suffix type parses json", "ArtifactCloneRequest", Raw('{"name": ""}'),
         {"content_type": "application/merge-patch+json"}))
    add(("json type with charset parses json", "ArtifactCloneRequest", Raw('{"name": 1}'),
         {"content_type": "Application/JSON; charset=utf-8"}))
    add(("no content type header parses json", "ArtifactCloneRequest", Raw('{"name": 5}'),
         {"content_type": ""}))
    add(("invalid utf-8 in json", "ArtifactCloneRequest", Raw(b'{"name": "\xff"}'), {}))
    add(("nesting past recursion limit", "ArtifactCloneRequest", Raw("[" * 3000 + "]" * 3000), {}))
    return cases


def valid():
    cases = []
    add = cases.append
    add(("minimal artifact", "InputArtifact", {"name": "a", "spec": {}}, {}))
    add(("artifact base", "InputArtifact", ARTIFACT, {}))
    add(("artifact name of 5000 characters", "InputArtifact",
         mutate(ARTIFACT, ("name",), "n" * 5000), {}))
    add(("container name of 63 characters", "InputArtifact",
         mutate(ARTIFACT, C0 + ("name",), "c" + "-" * 61 + "9"), {}))
    add(("group name of one letter", "InputArtifact", mutate(ARTIFACT, G0 + ("name",), "g"), {}))
    add(("container port 1024", "InputArtifact", mutate(ARTIFACT, C0 + ("port",), 1024), {}))
    add(("container port 65535", "InputArtifact", mutate(ARTIFACT, C0 + ("port",), 65535), {}))
    add(("container port as string", "InputArtifact",
         mutate(ARTIFACT, C0 + ("port",), " 8080 "), {}))
    add(("container port as integral float", "InputArtifact",
         mutate(ARTIFACT, C0 + ("port",), 8080.0), {}))
    add(("primary as string", "InputArtifact", mutate(ARTIFACT, C0 + ("primary",), "yes"), {}))
    add(("non-primary without port", "InputArtifact", mutate_many(
        ARTIFACT, [(C0 + ("primary",), False), (C0 + ("port",), DELETE)]), {}))
    add(("null optional fields", "InputArtifact", {
        "name": "n", "artifactRepositoryId": None, "spec": {"containerGroups": [{"containers": [{
            "name": None, "primary": None, "port": None, "imageUri": "x", "entrypoint": None,
            "build": None, "imageBuildConfig": None, "livenessProbe": None,
            "readinessProbe": None, "startupProbe": None, "securityContext": None}]}]}}, {}))
    add(("full container", "InputArtifact", mutate(ARTIFACT, C0, {
        "name": "api", "description": "the api", "primary": True, "port": 65535,
        "entrypoint": ["./run"], "environmentVars": [
            {"name": "A", "value": "1"},
            {"source": "dr-credential", "name": "B", "drCredentialId": "c", "key": "k"},
            {"source": "dr-api-token", "name": "C", "ignored": "x"}],
        "imageBuildConfig": {"codeRef": {"datarobot": {"catalogId": "c",
                                                       "catalogVersionId": "v"}},
                             "dockerfile": GENERATED},
        "livenessProbe": {"path": "/live", "port": 1, "httpHeaders": {"X": "y"}},
        "readinessProbe": {"path": "/ready", "port": 65535, "scheme": "HTTPS", "host": ""},
        "startupProbe": {"path": "/", "timeoutSeconds": "5", "failureThreshold": True},
        "securityContext": {"allowPrivilegeEscalation": "false",
                            "readOnlyRootFilesystem": 1,
                            "capabilities": {"add": ["NET_ADMIN"], "drop": None},
                            "seccompProfile": {"type": "Localhost",
                                               "localhostProfile": "p.json"}}}), {}))
    add(("provided dockerfile defaults", "InputArtifact", mutate_many(ARTIFACT, [
        (C0 + ("imageUri",), DELETE),
        (C0 + ("imageBuildConfig",), {"dockerfile": {"source": "provided"}})]), {}))
    add(("empty image build config", "InputArtifact", mutate_many(ARTIFACT, [
        (C0 + ("imageUri",), DELETE), (C0 + ("imageBuildConfig",), {})]), {}))
    add(("nim artifact with storage", "InputArtifact", {
        "name": "llm", "type": "nim", "status": "locked", "description": "d",
        "spec": {"templateId": "t1", "storage": {"pvcSize": "1.5Ti"}}}, {}))
    add(("nim storage null pvc size", "InputArtifact", {
        "name": "llm", "type": "nim", "spec": {"storage": {"mode": "nimCache",
                                                           "pvcSize": None}}}, {}))
    add(("explicit service type", "InputArtifact", {"name": "s", "type": "service",
                                                    "spec": {"type": "nim"}}, {}))
    add(("utf-8 byte order mark", "ArtifactCloneRequest", Raw("\ufeff{\"name\": \"x\"}"), {}))
    add(("update empty object", "UpdateArtifactRequest", {}, {}))
    add(("update null fields", "UpdateArtifactRequest",
         {"name": None, "description": None, "spec": None, "status": None}, {}))
    add(("update base", "UpdateArtifactRequest", UPDATE, {}))
    add(("update status only", "UpdateArtifactRequest", {"status": "locked"}, {}))
    add(("clone name of one character", "ArtifactCloneRequest", {"name": "x"}, {}))
    add(("clone name of 5000 characters", "ArtifactCloneRequest", {"name": "\u00e9" * 5000}, {}))
    add(("clone with json suffix content type", "ArtifactCloneRequest", Raw('{"name": "x"}'),
         {"content_type": "application/vnd.api+json"}))
    add(("shared roles by username", "SharedRolesUpdateRequest", ROLES, {}))
    add(("shared roles by id", "SharedRolesUpdateRequest",
         {"operation": "updateRoles", "roles": [
             {"shareRecipientType": "organization", "role": "NO_ROLE", "id": "o1"}]}, {}))
    add(("shared roles 100 roles", "SharedRolesUpdateRequest",
         {"operation": "updateRoles", "roles": [{"shareRecipientType": "user", "role": "EDITOR",
                                                 "username": f"u{i}"} for i in range(100)]}, {}))
    add(("duplicate keys keep the last", "ArtifactCloneRequest",
         Raw('{"name": "", "name": "second"}'), {}))
    return cases


def all_cases():
    return (input_artifact_invalid() + update_invalid() + clone_invalid() + roles_invalid()
            + raw_invalid() + valid())
