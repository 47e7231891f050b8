// Validation errors as a client sees them over HTTP, and proof that a
// rejected request changes nothing.
#include <catch2/catch.hpp>

#include "test_server.h"

using emulator::testing::BodyJson;
using emulator::testing::ServiceArtifactBody;
using emulator::testing::TestServer;
using nlohmann::json;
namespace t = emulator::testing;

namespace {

const char kJson[] = "application/json";

// Everything a client can read of the world, for before/after comparisons.
json ReadWorld(httplib::Client& client) {
  json world;
  world["artifacts"] = BodyJson(client.Get("/api/v2/artifacts?limit=100"));
  world["repositories"] = BodyJson(client.Get("/api/v2/artifactRepositories?limit=100"));
  world["roles"] = BodyJson(client.Get(std::string("/api/v2/artifactRepositories/") +
                                       t::kServiceRepositoryId + "/sharedRoles"));
  return world;
}

}  // namespace

TEST_CASE("a missing field is reported with FastAPI's item", "[validation-http]") {
  TestServer server;
  auto client = server.Client();

  auto result = client->Post("/api/v2/artifacts", R"({"spec": {}})", kJson);

  CHECK(result->status == 422);
  CHECK(BodyJson(result) == json::parse(R"({"detail": [
    {"type": "missing", "loc": ["body", "name"], "msg": "Field required",
     "input": {"spec": {"type": "service"}}}]})"));
}

TEST_CASE("invalid JSON is reported with Python's position and message", "[validation-http]") {
  TestServer server;
  auto client = server.Client();

  auto result = client->Post("/api/v2/artifacts", R"({"name": "x",})", kJson);

  CHECK(result->status == 422);
  const json item = BodyJson(result)["detail"][0];
  CHECK(item["type"] == "json_invalid");
  CHECK(item["msg"] == "JSON decode error");
  CHECK(item["loc"] == json{"body", 13});
  CHECK(item["input"] == json::object());
}

TEST_CASE("an absent body is a missing body", "[validation-http]") {
  TestServer server;
  auto client = server.Client();

  auto result = client->Post(std::string("/api/v2/artifacts/") + t::kDraftArtifactId + "/clone", "", kJson);

  CHECK(result->status == 422);
  CHECK(BodyJson(result) == json::parse(R"({"detail": [
    {"type": "missing", "loc": ["body"], "msg": "Field required", "input": null}]})"));
}

TEST_CASE("a body that is not UTF-8 answers 400", "[validation-http]") {
  TestServer server;
  auto client = server.Client();

  auto result = client->Post("/api/v2/artifacts", std::string("{\"name\": \"\xff\xfe\"}"), kJson);

  CHECK(result->status == 400);
  CHECK(BodyJson(result) == json{{"detail", "There was an error parsing the body"}});
}

TEST_CASE("query errors name the parameter", "[validation-http]") {
  TestServer server;
  auto client = server.Client();

  auto result = client->Get("/api/v2/artifacts?limit=500");

  CHECK(result->status == 422);
  const json item = BodyJson(result)["detail"][0];
  CHECK(item["loc"] == json{"query", "limit"});
  CHECK(item["type"] == "less_than_equal");
  CHECK(item["msg"] == "Input should be less than or equal to 100");
}

TEST_CASE("the path-message-code style is chosen by the seed", "[validation-http]") {
  json seed = json::parse(t::kTestSeed);
  seed["behaviour"] = {{"validationErrorStyle", "pathMessageCode"}};
  TestServer server(seed.dump());
  auto client = server.Client();
  json body = ServiceArtifactBody("bad-port");
  body["spec"]["containerGroups"][0]["containers"][0]["port"] = 80;

  auto result = client->Post("/api/v2/artifacts", body.dump(), kJson);

  CHECK(result->status == 422);
  const json item = BodyJson(result)["detail"][0];
  CHECK(item["path"] == "spec.service.containerGroups.0.containers.0.port");
  CHECK(item["code"] == "greater_than_equal");
  CHECK(item["message"] == "Input should be greater than or equal to 1024");
  CHECK_FALSE(item.contains("loc"));
}

TEST_CASE("rejected requests change nothing", "[validation-http]") {
  TestServer server;
  auto client = server.Client();
  const json before = ReadWorld(*client);
  json bad_artifact = ServiceArtifactBody("bad");
  bad_artifact["spec"]["containerGroups"][0]["name"] = "Not_A_Name";
  const std::string draft = std::string("/api/v2/artifacts/") + t::kDraftArtifactId;

  CHECK(client->Post("/api/v2/artifacts", bad_artifact.dump(), kJson)->status == 422);
  CHECK(client->Put(draft, bad_artifact.dump(), kJson)->status == 422);
  CHECK(client->Patch(draft, R"({"status": "archived"})", kJson)->status == 422);
  CHECK(client->Patch(draft, R"({"name": ""})", kJson)->status == 422);
  CHECK(client->Post(draft + "/clone", R"({"name": ""})", kJson)->status == 422);
  CHECK(client->Patch(std::string("/api/v2/artifactRepositories/") + t::kServiceRepositoryId + "/sharedRoles",
                      R"({"operation": "updateRoles", "roles": []})", kJson)
            ->status == 422);
  server.clock().Advance(0);

  CHECK(ReadWorld(*client) == before);
}
