// Which requests a rule's "match" section selects.

#include <string>

#include <catch2/catch.hpp>

#include "scenario/engine.h"
#include "scenario/rule_matcher.h"
#include "scenario_test_support.h"

namespace emulator::scenario {
namespace {

using testing::EngineWithRules;
using testing::Get;
using testing::kLoadTime;
using testing::ListArtifacts;
using testing::TriggerBuild;

bool Fires(const std::string& match, const RequestFacts& request) {
  auto engine = EngineWithRules(R"([{"match": )" + match + R"(, "then": {"status": 500}}])");
  return engine->Decide(request, kLoadTime).fired.has_value();
}

TEST_CASE("glob star spans slashes and question mark one character", "[scenario]") {
  CHECK(GlobMatches("/api/v2/artifacts/*", "/api/v2/artifacts/abc/builds"));
  CHECK(GlobMatches("/api/v2/artifacts/*/builds", "/api/v2/artifacts/abc/builds"));
  CHECK(GlobMatches("*", ""));
  CHECK(GlobMatches("/api/v2/artifacts/a?c", "/api/v2/artifacts/abc"));
  CHECK_FALSE(GlobMatches("/api/v2/artifacts/a?c", "/api/v2/artifacts/ac"));
  CHECK_FALSE(GlobMatches("/api/v2/artifacts", "/api/v2/artifacts/"));
  CHECK_FALSE(GlobMatches("/api/v2/*/logs", "/api/v2/artifacts/abc/builds/x/logs/more"));
  CHECK(GlobMatches("*a*a*a*a*a*b", std::string(200, 'a') + "b"));
  CHECK_FALSE(GlobMatches("*a*a*a*a*a*b", std::string(200, 'a')));
}

TEST_CASE("method matches one name or a list", "[scenario]") {
  RequestFacts post = ListArtifacts();
  post.method = "POST";

  CHECK(Fires(R"({"method": "GET"})", ListArtifacts()));
  CHECK(Fires(R"({"method": "get"})", ListArtifacts()));
  CHECK_FALSE(Fires(R"({"method": "GET"})", post));
  CHECK(Fires(R"({"method": ["GET", "POST"]})", post));
}

TEST_CASE("route matches with or without the api prefix", "[scenario]") {
  CHECK(Fires(R"({"route": "/artifacts"})", ListArtifacts()));
  CHECK(Fires(R"({"route": "/api/v2/artifacts"})", ListArtifacts()));
  CHECK(Fires(R"({"route": "/artifacts/"})", ListArtifacts()));
  CHECK_FALSE(Fires(R"({"route": "/artifacts/{artifact_id}"})", ListArtifacts()));
  CHECK(Fires(R"({"route": ["/artifactRepositories", "/artifacts/{artifact_id}/builds"]})",
              TriggerBuild("a1")));
}

TEST_CASE("route placeholder names are free", "[scenario]") {
  CHECK(Fires(R"({"route": "/artifacts/{id}/builds"})", TriggerBuild("a1")));
}

TEST_CASE("path compares the received path", "[scenario]") {
  CHECK(Fires(R"({"path": "/api/v2/artifacts"})", ListArtifacts()));
  CHECK(Fires(R"({"path": "/api/v2/artifacts/*/builds"})", TriggerBuild("a1")));
  CHECK_FALSE(Fires(R"({"path": "/api/v2/artifacts/*/builds"})", ListArtifacts()));
}

TEST_CASE("ids match their path parameters", "[scenario]") {
  RequestFacts repository = Get("/artifactRepositories/{artifact_repository_id}",
                                "/api/v2/artifactRepositories/r1");
  repository.repository_id = "r1";
  RequestFacts build = Get("/artifacts/{artifact_id}/builds/{build_id}",
                           "/api/v2/artifacts/a1/builds/b1");
  build.artifact_id = "a1";
  build.build_id = "b1";

  CHECK(Fires(R"({"artifactId": "a1"})", TriggerBuild("a1")));
  CHECK_FALSE(Fires(R"({"artifactId": "a1"})", TriggerBuild("a2")));
  CHECK(Fires(R"({"repositoryId": "r1"})", repository));
  CHECK_FALSE(Fires(R"({"repositoryId": "r2"})", repository));
  CHECK(Fires(R"({"artifactId": "a1", "buildId": "b1"})", build));
  CHECK_FALSE(Fires(R"({"buildId": "b2"})", build));
}

TEST_CASE("token user and client address match exactly", "[scenario]") {
  RequestFacts request = ListArtifacts("alice-token");
  request.username = "alice";
  request.client_ip = "127.0.0.1";

  CHECK(Fires(R"({"token": "alice-token"})", request));
  CHECK_FALSE(Fires(R"({"token": "bob-token"})", request));
  CHECK(Fires(R"({"user": "alice"})", request));
  CHECK_FALSE(Fires(R"({"user": "bob"})", request));
  CHECK(Fires(R"({"clientIp": "127.0.0.1"})", request));
  CHECK_FALSE(Fires(R"({"token": "alice-token", "user": "bob"})", request));
}

TEST_CASE("header names compare without case", "[scenario]") {
  RequestFacts request = ListArtifacts();
  request.headers = {{"X-Client", "sdk/1.2"}, {"Accept", "application/json"}};

  CHECK(Fires(R"({"header": {"x-client": "sdk/1.2"}})", request));
  CHECK(Fires(R"({"header": {"X-CLIENT": "sdk/1.2", "accept": "application/json"}})", request));
  CHECK_FALSE(Fires(R"({"header": {"x-client": "SDK/1.2"}})", request));
  CHECK_FALSE(Fires(R"({"header": {"x-missing": "1"}})", request));
}

TEST_CASE("query matches any repeated parameter", "[scenario]") {
  RequestFacts request = ListArtifacts();
  request.query = {{"type", "service"}, {"type", "nim"}, {"limit", "10"}};

  CHECK(Fires(R"({"query": {"type": "nim"}})", request));
  CHECK(Fires(R"({"query": {"type": "service", "limit": "10"}})", request));
  CHECK_FALSE(Fires(R"({"query": {"limit": "20"}})", request));
}

TEST_CASE("empty match selects every request", "[scenario]") {
  CHECK(Fires("{}", ListArtifacts()));
  CHECK(Fires("{}", TriggerBuild("a1")));
}

}  // namespace
}  // namespace emulator::scenario
