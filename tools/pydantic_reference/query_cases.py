"""Query strings for the fixtures: (name, operation, [(key, value), ...])."""

ARTIFACTS = "listArtifacts"
REPOSITORIES = "listArtifactRepositories"
BUILDS = "listBuilds"
ROLES = "listSharedRoles"


def invalid():
    cases = []
    add = cases.append
    for operation in (ARTIFACTS, REPOSITORIES, BUILDS, ROLES):
        for label, pairs in [
                ("offset a word", [("offset", "abc")]), ("offset negative", [("offset", "-1")]),
                ("offset fractional", [("offset", "1.5")]), ("offset empty", [("offset", "")]),
                ("limit zero", [("limit", "0")]), ("limit 101", [("limit", "101")]),
                ("limit a word", [("limit", "ten")]),
                ("offset and limit", [("limit", "1000"), ("offset", "x")])]:
            add((f"{operation} {label}", operation, pairs))
    for operation in (ARTIFACTS, REPOSITORIES):
        for label, pairs in [
                ("order by unknown", [("orderBy", "size")]),
                ("order by without dash", [("orderBy", "+name")]),
                ("type unknown", [("type", "job")]),
                ("type list with unknown", [("type", "service,job,nim,x")]),
                ("type repeated with unknown", [("type", "nim"), ("type", "Service")]),
                ("search of 101 characters", [("search", "s" * 101)]),
                ("limit exponent", [("limit", "1e1")]),
                ("last repeated offset wins", [("offset", "1"), ("offset", "x")]),
                ("many errors", [("search", "q" * 200), ("type", "a"), ("offset", "-5"),
                                 ("orderBy", "x"), ("limit", "0")])]:
            add((f"{operation} {label}", operation, pairs))
    add(("repositories order by status", REPOSITORIES, [("orderBy", "status")]))
    add(("repositories order by minus status", REPOSITORIES, [("orderBy", "-status")]))
    add(("artifacts status unknown", ARTIFACTS, [("status", "published")]))
    add(("artifacts status list", ARTIFACTS, [("status", "draft,LOCKED")]))
    add(("artifacts status and type", ARTIFACTS, [("status", "x"), ("type", "y")]))
    return cases


def valid():
    cases = []
    add = cases.append
    add(("artifacts no parameters", ARTIFACTS, []))
    add(("artifacts every parameter", ARTIFACTS, [
        ("offset", "20"), ("limit", "100"), ("orderBy", "-status"), ("type", "nim"),
        ("status", "draft,locked"), ("search", "s" * 100), ("createdBy", "u1,u2"),
        ("createdBy", "u3"), ("ids", "a"), ("tagKeys", "k1,,k2"), ("tagValues", "v"),
        ("repositoryId", "r1")]))
    add(("artifacts limit 1 and offset 0", ARTIFACTS, [("limit", "1"), ("offset", "0")]))
    add(("artifacts lax integers", ARTIFACTS, [("limit", " 05 "), ("offset", "1_000")]))
    add(("artifacts last repeated offset wins", ARTIFACTS, [("offset", "x"), ("offset", "3")]))
    add(("artifacts unknown parameter ignored", ARTIFACTS, [("foo", "bar"), ("sort", "x")]))
    add(("artifacts empty list values", ARTIFACTS, [("type", ""), ("ids", ",")]))
    add(("repositories order by name", REPOSITORIES, [("orderBy", "name"), ("type", "service")]))
    add(("repositories ignore status", REPOSITORIES, [("status", "bogus")]))
    add(("builds ignore filters", BUILDS, [("orderBy", "bogus"), ("limit", "5")]))
    add(("shared roles paging", ROLES, [("offset", "2"), ("limit", "100")]))
    return cases
