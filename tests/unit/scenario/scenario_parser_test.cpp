// Problems reported for broken scenario documents, each with its JSON pointer.

#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "scenario/engine.h"

namespace emulator::scenario {
namespace {

std::vector<std::string> Problems(const std::string& text) {
  return ParseScenarioText(text, "bad.json").problems;
}

// The problems of a one-rule scenario whose rule is `rule`.
std::vector<std::string> RuleProblems(const std::string& rule) {
  return Problems(R"({"name": "s", "rules": [)" + rule + "]}");
}

using Strings = std::vector<std::string>;

TEST_CASE("valid scenario parses without problems", "[scenario]") {
  const ParseResult result = ParseScenarioText(R"({"name": "ok", "seed": 1, "description": "d",
      "rules": [{"id": "r", "description": "why", "match": {"method": ["GET"], "route": "/artifacts"},
                 "when": {"first": 1}, "then": {"status": 503}}]})",
                                               "ok.json");

  CHECK(result.problems.empty());
  REQUIRE(result.scenario != nullptr);
  CHECK(ScenarioName(*result.scenario) == "ok");
}

TEST_CASE("invalid JSON names the source", "[scenario]") {
  const Strings problems = Problems(R"({"name": )");

  REQUIRE(problems.size() == 1);
  CHECK(problems[0].rfind("bad.json: /: invalid JSON: ", 0) == 0);
}

TEST_CASE("top level problems carry pointers", "[scenario]") {
  CHECK(Problems("[]") == Strings{"bad.json: /: expected an object, found an array"});
  CHECK(Problems(R"({"rules": []})") == Strings{"bad.json: /name: missing; every scenario needs a name"});
  CHECK(Problems(R"({"name": "a b", "rules": []})") ==
        Strings{"bad.json: /name: invalid name \"a b\"; use 1 to 128 letters, digits, '-', '_' or '.'"});
  CHECK(Problems(R"({"name": "s"})") == Strings{"bad.json: /rules: missing; expected an array of rules"});
  CHECK(Problems(R"({"name": "s", "seed": -1, "rules": []})") ==
        Strings{"bad.json: /seed: must be at least 0, found -1"});
  CHECK(Problems(R"({"name": "s", "rules": {}})") ==
        Strings{"bad.json: /rules: expected an array, found an object"});
}

TEST_CASE("unknown keys are rejected at every level", "[scenario]") {
  CHECK(Problems(R"({"name": "s", "rule": [], "rules": []})") ==
        Strings{"bad.json: /rule: unknown key; expected one of: name, seed, description, rules"});
  CHECK(RuleProblems(R"({"then": {"status": 500}, "whne": {}})") ==
        Strings{"bad.json: /rules/0/whne: unknown key; expected one of: id, description, match, when, then"});
  CHECK(RuleProblems(R"({"match": {"routes": "/artifacts"}, "then": {"status": 500}})") ==
        Strings{"bad.json: /rules/0/match/routes: unknown key; expected one of: method, route, path, "
                "artifactId, repositoryId, buildId, token, user, clientIp, header, query"});
  CHECK(RuleProblems(R"({"when": {"frist": 2}, "then": {"status": 500}})") ==
        Strings{"bad.json: /rules/0/when/frist: unknown key; expected one of: always, nth, first, "
                "after, every, probability, from, until, times"});
  CHECK(RuleProblems(R"({"then": {"status": 500, "header": {}}})") ==
        Strings{"bad.json: /rules/0/then/header: unknown key; expected one of: status, delayMs, "
                "rateLimit, fault, build, passThrough, headers, body, rawBody"});
}

TEST_CASE("then needs exactly one action", "[scenario]") {
  CHECK(RuleProblems(R"({"match": {}})") ==
        Strings{"bad.json: /rules/0/then: missing; every rule needs a \"then\" with one action"});
  CHECK(RuleProblems(R"({"then": {}})") ==
        Strings{"bad.json: /rules/0/then: no action; add exactly one of: status, delayMs, rateLimit, "
                "fault, build, passThrough"});
  CHECK(RuleProblems(R"({"then": {"status": 503, "fault": "reset"}})") ==
        Strings{"bad.json: /rules/0/then: contains 2 actions (\"status\", \"fault\"); a rule has "
                "exactly one action, so split it into several rules"});
  CHECK(RuleProblems(R"({"then": {"delayMs": 10, "body": {}}})") ==
        Strings{"bad.json: /rules/0/then/body: only allowed together with \"status\""});
}

TEST_CASE("wrong types are named with the value found", "[scenario]") {
  CHECK(RuleProblems(R"({"then": {"status": "503"}})") ==
        Strings{"bad.json: /rules/0/then/status: expected an integer, found a string (\"503\")"});
  CHECK(RuleProblems(R"({"then": {"status": 700}})") ==
        Strings{"bad.json: /rules/0/then/status: must be an HTTP status between 200 and 599, found 700"});
  CHECK(RuleProblems(R"({"then": {"status": 500, "headers": {"Retry-After": 1}}})") ==
        Strings{"bad.json: /rules/0/then/headers/Retry-After: expected a string, found an integer (1)"});
  CHECK(RuleProblems(R"({"then": {"status": 500, "headers": {"Bad Name": "1"}}})") ==
        Strings{"bad.json: /rules/0/then/headers/Bad Name: invalid header name; use letters, digits "
                "and !#$%&'*+-.^_`|~"});
  CHECK(RuleProblems(R"({"then": {"status": 500, "headers": {"X-A": "1\r\nX-B: 2"}}})") ==
        Strings{"bad.json: /rules/0/then/headers/X-A: header values must not contain line breaks"});
  CHECK(RuleProblems(R"({"then": {"status": 500, "body": {}, "rawBody": "x"}})") ==
        Strings{"bad.json: /rules/0/then/rawBody: \"body\" and \"rawBody\" exclude each other; keep one"});
  CHECK(RuleProblems(R"({"match": {"token": 5}, "then": {"status": 500}})") ==
        Strings{"bad.json: /rules/0/match/token: expected a string, found an integer (5)"});
  CHECK(RuleProblems(R"({"then": {"passThrough": false}})") ==
        Strings{"bad.json: /rules/0/then/passThrough: must be true, found a boolean (false)"});
}

TEST_CASE("when values are range checked", "[scenario]") {
  CHECK(RuleProblems(R"({"when": {"probability": 1.5}, "then": {"status": 500}})") ==
        Strings{"bad.json: /rules/0/when/probability: must be between 0 and 1, found 1.5"});
  CHECK(RuleProblems(R"({"when": {"first": 0}, "then": {"status": 500}})") ==
        Strings{"bad.json: /rules/0/when/first: must be at least 1, found 0"});
  CHECK(RuleProblems(R"({"when": {"every": 2.5}, "then": {"status": 500}})") ==
        Strings{"bad.json: /rules/0/when/every: expected an integer, found a number (2.5)"});
  CHECK(RuleProblems(R"({"when": {"nth": []}, "then": {"status": 500}})") ==
        Strings{"bad.json: /rules/0/when/nth: expected a non-empty array of call numbers, found an array"});
  CHECK(RuleProblems(R"({"when": {"nth": [1, 0]}, "then": {"status": 500}})") ==
        Strings{"bad.json: /rules/0/when/nth/1: must be at least 1, found 0"});
  CHECK(RuleProblems(R"({"when": {"always": false}, "then": {"status": 500}})") ==
        Strings{"bad.json: /rules/0/when/always: must be true, found a boolean (false); remove the "
                "rule to disable it"});
}

TEST_CASE("bad durations and times are rejected", "[scenario]") {
  const std::string offset_hint = "; expected a number and a unit ms, s, m or h, e.g. \"+30s\"";
  CHECK(RuleProblems(R"({"when": {"from": "+30"}, "then": {"status": 500}})") ==
        Strings{"bad.json: /rules/0/when/from: invalid offset \"+30\"" + offset_hint});
  CHECK(RuleProblems(R"({"when": {"from": "+5d"}, "then": {"status": 500}})") ==
        Strings{"bad.json: /rules/0/when/from: invalid offset \"+5d\"" + offset_hint});
  CHECK(RuleProblems(R"({"when": {"until": "+.5s"}, "then": {"status": 500}})") ==
        Strings{"bad.json: /rules/0/when/until: invalid offset \"+.5s\"" + offset_hint});
  CHECK(RuleProblems(R"({"when": {"until": "tomorrow"}, "then": {"status": 500}})") ==
        Strings{"bad.json: /rules/0/when/until: invalid time \"tomorrow\"; expected RFC 3339 "
                "(2026-01-31T12:00:00Z) or an offset from load time (\"+30s\")"});
  CHECK(RuleProblems(R"({"when": {"from": "+40s", "until": "+10s"}, "then": {"status": 500}})") ==
        Strings{"bad.json: /rules/0/when/until: must be later than \"from\""});
  CHECK(RuleProblems(R"({"then": {"delayMs": -5}})") ==
        Strings{"bad.json: /rules/0/then/delayMs: must be at least 0, found -5"});
  CHECK(RuleProblems(R"({"then": {"delayMs": "1s"}})") ==
        Strings{"bad.json: /rules/0/then/delayMs: expected milliseconds as an integer or "
                "{\"min\": .., \"max\": ..}, found a string (\"1s\")"});
  CHECK(RuleProblems(R"({"then": {"delayMs": {"min": 200, "max": 100}}})") ==
        Strings{"bad.json: /rules/0/then/delayMs/max: must be at least \"min\" (200)"});
  CHECK(RuleProblems(R"({"then": {"delayMs": 600001}})") ==
        Strings{"bad.json: /rules/0/then/delayMs: must be at most 600000 (10 minutes)"});
}

TEST_CASE("unknown fault names are listed", "[scenario]") {
  CHECK(RuleProblems(R"({"then": {"fault": "explode"}})") ==
        Strings{"bad.json: /rules/0/then/fault: unknown fault \"explode\"; expected one of: reset, "
                "close, truncate, malformedJson, hang, dribble"});
  CHECK(RuleProblems(R"({"then": {"fault": {"drible": {}}}})") ==
        Strings{"bad.json: /rules/0/then/fault: an object fault must be {\"dribble\": {\"chunks\": n, "
                "\"intervalMs\": t}}"});
  CHECK(RuleProblems(R"({"then": {"fault": {"dribble": {"chunks": 0}}}})") ==
        Strings{"bad.json: /rules/0/then/fault/dribble/chunks: must be at least 1, found 0"});
}

TEST_CASE("unknown routes and methods are rejected", "[scenario]") {
  const Strings route = RuleProblems(R"({"match": {"route": "/artifact"}, "then": {"status": 500}})");
  REQUIRE(route.size() == 1);
  CHECK(route[0].rfind("bad.json: /rules/0/match/route: unknown route template \"/artifact\"; "
                       "expected one of: /artifactRepositories, ",
                       0) == 0);
  CHECK(route[0].find("use \"path\"") != std::string::npos);
  CHECK(RuleProblems(R"({"match": {"route": ["/artifacts", "/nope/{x}"]}, "then": {"status": 500}})")
            .front()
            .rfind("bad.json: /rules/0/match/route/1: unknown route template", 0) == 0);
  CHECK(RuleProblems(R"({"match": {"method": "FETCH"}, "then": {"status": 500}})") ==
        Strings{"bad.json: /rules/0/match/method: unknown HTTP method \"FETCH\"; expected GET, POST, "
                "PUT, PATCH, DELETE, HEAD or OPTIONS"});
  CHECK(RuleProblems(R"({"match": {"method": "DELETE", "route": "/artifacts"}, "then": {"status": 500}})") ==
        Strings{"bad.json: /rules/0/match/route: no request can match: /artifacts serves only GET, POST"});
  CHECK(RuleProblems(R"({"match": {"path": "/artifacts"}, "then": {"status": 500}})") ==
        Strings{"bad.json: /rules/0/match/path: must start with /api/v2 (paths are compared as "
                "received) or a wildcard, found \"/artifacts\""});
}

TEST_CASE("build outcome requires the build trigger route", "[scenario]") {
  const std::string build = R"("then": {"build": {"outcome": "FAILED"}})";
  const std::string expected =
      "bad.json: /rules/0/then/build: a build outcome applies only to build triggers; set "
      "\"match\": {\"method\": \"POST\", \"route\": \"/artifacts/{artifact_id}/builds\"} "
      "(optionally with \"artifactId\")";

  CHECK(RuleProblems("{" + build + "}") == Strings{expected});
  CHECK(RuleProblems(R"({"match": {"route": "/artifacts/{artifact_id}/builds"}, )" + build + "}") ==
        Strings{expected});
  CHECK(RuleProblems(R"({"match": {"method": "POST", "path": "/api/v2/artifacts/*/builds"}, )" + build +
                     "}") == Strings{expected});
  CHECK(RuleProblems(R"({"match": {"method": "POST", "route": "/artifacts/{artifact_id}/builds"}, )" +
                     build + "}")
            .empty());
  CHECK(RuleProblems(R"({"match": {"method": "POST", "path": "/api/v2/artifacts/a1/builds"}, )" + build +
                     "}")
            .empty());
}

TEST_CASE("build fields are checked", "[scenario]") {
  const std::string match = R"("match": {"method": "POST", "route": "/artifacts/{artifact_id}/builds"})";

  CHECK(RuleProblems("{" + match + R"(, "then": {"build": {"atStatus": "BUILT"}}})") ==
        Strings{"bad.json: /rules/0/then/build/outcome: missing; expected FAILED, CANCELLED or STALL"});
  CHECK(RuleProblems("{" + match + R"(, "then": {"build": {"outcome": "BROKEN"}}})") ==
        Strings{"bad.json: /rules/0/then/build/outcome: unknown outcome \"BROKEN\"; expected FAILED, "
                "CANCELLED or STALL"});
  CHECK(RuleProblems("{" + match + R"(, "then": {"build": {"outcome": "FAILED", "atStatus": "COMPLETED"}}})") ==
        Strings{"bad.json: /rules/0/then/build/atStatus: unknown status \"COMPLETED\"; expected PENDING, "
                "IN_PROGRESS or BUILT"});
  CHECK(RuleProblems("{" + match + R"(, "then": {"build": {"outcome": "FAILED", "afterSeconds": -1}}})") ==
        Strings{"bad.json: /rules/0/then/build/afterSeconds: must be between 0 and 86400 seconds, found -1"});
}

TEST_CASE("rate limit fields are checked", "[scenario]") {
  CHECK(RuleProblems(R"({"then": {"rateLimit": {"perSeconds": 1}}})") ==
        Strings{"bad.json: /rules/0/then/rateLimit/requests: missing; the number of requests allowed "
                "per window is required"});
  CHECK(RuleProblems(R"({"then": {"rateLimit": {"requests": 1, "perSeconds": 0}}})") ==
        Strings{"bad.json: /rules/0/then/rateLimit/perSeconds: must be between 0.001 and 86400 seconds, "
                "found 0"});
  CHECK(RuleProblems(R"({"then": {"rateLimit": {"requests": 1, "perSeconds": 1, "key": "session"}}})") ==
        Strings{"bad.json: /rules/0/then/rateLimit/key: unknown key \"session\"; expected token, user, "
                "ip or global"});
}

TEST_CASE("duplicate rule ids are rejected", "[scenario]") {
  CHECK(Problems(R"({"name": "s", "rules": [{"id": "x", "then": {"status": 500}},
                                            {"id": "x", "then": {"status": 502}}]})") ==
        Strings{"bad.json: /rules/1/id: duplicate id \"x\"; also used by /rules/0"});
}

TEST_CASE("every problem of a file is reported at once", "[scenario]") {
  const Strings problems = Problems(R"({"name": "s", "rules": [
      {"match": {"route": "/nope"}, "when": {"probability": 2}, "then": {"fault": "boom"}},
      {"then": {"status": 99}}]})");

  CHECK(problems.size() == 4);
}

}  // namespace
}  // namespace emulator::scenario
