#include <sstream>

#include <catch2/catch.hpp>

#include "test_server.h"

using emulator::testing::BodyJson;
using emulator::testing::BuildableArtifactBody;
using emulator::testing::TestServer;
using nlohmann::json;
namespace t = emulator::testing;

namespace {

const char kJson[] = "application/json";
constexpr long long kSecond = 1000000;

std::string CreateBuildableDraft(httplib::Client& client, const std::string& name = "builder") {
  auto result = client.Post("/api/v2/artifacts", BuildableArtifactBody(name).dump(), kJson);
  REQUIRE(result->status == 201);
  return BodyJson(result)["id"].get<std::string>();
}

std::string Trigger(httplib::Client& client, const std::string& artifact_id) {
  auto result = client.Post("/api/v2/artifacts/" + artifact_id + "/builds", "", kJson);
  REQUIRE(result);
  INFO(result->body);
  REQUIRE(result->status == 202);
  const json body = BodyJson(result);
  REQUIRE(body["buildIds"].size() == 1);
  return body["buildIds"][0].get<std::string>();
}

std::string StatusOf(httplib::Client& client, const std::string& artifact_id, const std::string& build_id) {
  return BodyJson(client.Get("/api/v2/artifacts/" + artifact_id + "/builds/" + build_id))["status"];
}

}  // namespace

TEST_CASE("a build walks from PENDING to COMPLETED as the clock moves", "[builds]") {
  TestServer server;
  auto client = server.Client();
  const std::string artifact_id = CreateBuildableDraft(*client);
  const std::string build_id = Trigger(*client, artifact_id);

  const std::string at_start = StatusOf(*client, artifact_id, build_id);
  server.clock().Advance(1 * kSecond);
  const std::string after_one = StatusOf(*client, artifact_id, build_id);
  server.clock().Advance(3 * kSecond);
  const std::string after_four = StatusOf(*client, artifact_id, build_id);
  server.clock().Advance(1 * kSecond);
  const std::string after_five = StatusOf(*client, artifact_id, build_id);

  CHECK(at_start == "PENDING");
  CHECK(after_one == "IN_PROGRESS");
  CHECK(after_four == "BUILT");
  CHECK(after_five == "COMPLETED");
}

TEST_CASE("a completed build fills in the container image and allows locking", "[builds]") {
  TestServer server;
  auto client = server.Client();
  const std::string artifact_id = CreateBuildableDraft(*client);
  const std::string build_id = Trigger(*client, artifact_id);
  server.clock().Advance(10 * kSecond);

  const json artifact = BodyJson(client->Get("/api/v2/artifacts/" + artifact_id));
  auto locked = client->Patch("/api/v2/artifacts/" + artifact_id, R"({"status":"locked"})", kJson);

  const json& container = artifact["spec"]["containerGroups"][0]["containers"][0];
  CHECK(container["imageUri"] == "registry.emulator.local/" + artifact_id + "/api:" + build_id);
  CHECK(container["build"]["artifactImageBuildId"] == build_id);
  CHECK(container["build"]["status"] == "COMPLETED");
  CHECK(container["build"]["createdAt"] == "2026-12-04T10:00:00.000000Z");
  CHECK(locked->status == 200);
  CHECK(BodyJson(locked)["version"] == 1);
}

TEST_CASE("a build has the reference shape", "[builds]") {
  TestServer server;
  auto client = server.Client();
  const std::string artifact_id = CreateBuildableDraft(*client);
  const std::string build_id = Trigger(*client, artifact_id);
  server.clock().Advance(2 * kSecond);

  const json build = BodyJson(client->Get("/api/v2/artifacts/" + artifact_id + "/builds/" + build_id));

  CHECK(build["id"] == build_id);
  CHECK(build["artifactId"] == artifact_id);
  CHECK(build["status"] == "IN_PROGRESS");
  CHECK(build["createdAt"] == "2026-12-04T10:00:00.000000Z");
  CHECK(build["updatedAt"] == "2026-12-04T10:00:01.000000Z");
  CHECK(build["creator"]["username"] == "alice");
  CHECK(build["name"].is_string());
}

TEST_CASE("build logs are newline-delimited JSON that grows with the build", "[builds]") {
  TestServer server;
  auto client = server.Client();
  const std::string artifact_id = CreateBuildableDraft(*client);
  const std::string build_id = Trigger(*client, artifact_id);
  const std::string logs_path = "/api/v2/artifacts/" + artifact_id + "/builds/" + build_id + "/logs";

  auto early = client->Get(logs_path);
  server.clock().Advance(10 * kSecond);
  auto late = client->Get(logs_path);

  CHECK(early->status == 200);
  CHECK(early->get_header_value("Content-Type") == "application/json");
  std::istringstream lines(late->body);
  std::string line;
  int count = 0;
  while (std::getline(lines, line)) {
    const json entry = json::parse(line);
    CHECK(entry["build_id"] == build_id);
    CHECK(entry.contains("asctime"));
    CHECK(entry.contains("levelname"));
    CHECK(entry.contains("name"));
    CHECK(entry.contains("message"));
    ++count;
  }
  CHECK(count == 4);
  CHECK(std::count(early->body.begin(), early->body.end(), '\n') == 1);
}

TEST_CASE("builds are listed newest first", "[builds]") {
  TestServer server;
  auto client = server.Client();
  const std::string artifact_id = CreateBuildableDraft(*client);
  const std::string first = Trigger(*client, artifact_id);
  server.clock().Advance(kSecond / 2);
  const std::string second = Trigger(*client, artifact_id);

  const json list = BodyJson(client->Get("/api/v2/artifacts/" + artifact_id + "/builds"));

  CHECK(list["totalCount"] == 2);
  CHECK(list["data"][0]["id"] == second);
  CHECK(list["data"][1]["id"] == first);
  CHECK(list["data"][1]["status"] == "CANCELLED");
}

TEST_CASE("deleting a running build cancels it and a finished one removes it", "[builds]") {
  TestServer server;
  auto client = server.Client();
  const std::string artifact_id = CreateBuildableDraft(*client);
  const std::string build_id = Trigger(*client, artifact_id);
  const std::string path = "/api/v2/artifacts/" + artifact_id + "/builds/" + build_id;

  auto cancelled = client->Delete(path);
  const std::string status = StatusOf(*client, artifact_id, build_id);
  auto removed = client->Delete(path);
  auto gone = client->Get(path);

  CHECK(cancelled->status == 204);
  CHECK(status == "CANCELLED");
  CHECK(removed->status == 204);
  CHECK(gone->status == 404);
  CHECK(BodyJson(gone) == json{{"detail", "Build not found"}});
}

TEST_CASE("a locked artifact cannot be built", "[builds]") {
  TestServer server;
  auto client = server.Client();

  auto result = client->Post(std::string("/api/v2/artifacts/") + t::kLockedArtifactId + "/builds", "{}", kJson);

  CHECK(result->status == 422);
  CHECK(BodyJson(result)["detail"].is_string());
}

TEST_CASE("an artifact without a code reference cannot be built", "[builds]") {
  TestServer server;
  auto client = server.Client();

  auto result = client->Post(std::string("/api/v2/artifacts/") + t::kDraftArtifactId + "/builds", "{}", kJson);

  CHECK(result->status == 422);
  CHECK(BodyJson(result) == json{{"detail", "Cannot build artifact: no container has an "
                                            "imageBuildConfig.codeRef to build from"}});
}

TEST_CASE("builds of an unknown artifact or build answer not found", "[builds]") {
  TestServer server;
  auto client = server.Client();

  auto unknown_artifact = client->Get("/api/v2/artifacts/ffffffffffffffffffff0000/builds");
  auto unknown_build = client->Get(std::string("/api/v2/artifacts/") + t::kDraftArtifactId +
                                   "/builds/ffffffffffffffffffff0000");
  auto unknown_logs = client->Get(std::string("/api/v2/artifacts/") + t::kDraftArtifactId +
                                  "/builds/ffffffffffffffffffff0000/logs");

  CHECK(unknown_artifact->status == 404);
  CHECK(BodyJson(unknown_artifact) == json{{"detail", "Artifact not found"}});
  CHECK(unknown_build->status == 404);
  CHECK(unknown_logs->status == 404);
}

TEST_CASE("one build is started per distinct catalog version", "[builds]") {
  TestServer server;
  auto client = server.Client();
  json body = BuildableArtifactBody("multi");
  json sidecar = body["spec"]["containerGroups"][0]["containers"][0];
  sidecar["name"] = "sidecar";
  sidecar["primary"] = false;
  sidecar.erase("port");
  json other = sidecar;
  other["name"] = "other";
  other["imageBuildConfig"]["codeRef"]["datarobot"]["catalogVersionId"] = "dddddddddddddddddddd0003";
  body["spec"]["containerGroups"][0]["containers"].push_back(sidecar);
  body["spec"]["containerGroups"][0]["containers"].push_back(other);
  auto created = client->Post("/api/v2/artifacts", body.dump(), kJson);
  REQUIRE(created->status == 201);

  auto result = client->Post("/api/v2/artifacts/" + BodyJson(created)["id"].get<std::string>() + "/builds",
                             "", kJson);

  CHECK(result->status == 202);
  CHECK(BodyJson(result)["buildIds"].size() == 2);
}

TEST_CASE("a new build keeps the image an earlier build produced", "[builds]") {
  TestServer server;
  auto client = server.Client();
  const std::string artifact_id = CreateBuildableDraft(*client);
  const std::string first_build = Trigger(*client, artifact_id);
  server.clock().Advance(10 * kSecond);

  Trigger(*client, artifact_id);
  const json artifact = BodyJson(client->Get("/api/v2/artifacts/" + artifact_id));
  auto locked = client->Patch("/api/v2/artifacts/" + artifact_id, R"({"status":"locked"})", kJson);

  CHECK(artifact["spec"]["containerGroups"][0]["containers"][0]["imageUri"] ==
        "registry.emulator.local/" + artifact_id + "/api:" + first_build);
  CHECK(locked->status == 200);
}

TEST_CASE("deleting a finished build keeps its result in the artifact", "[builds]") {
  TestServer server;
  auto client = server.Client();
  const std::string artifact_id = CreateBuildableDraft(*client);
  const std::string build_id = Trigger(*client, artifact_id);
  server.clock().Advance(10 * kSecond);

  auto deleted = client->Delete("/api/v2/artifacts/" + artifact_id + "/builds/" + build_id);
  const json artifact = BodyJson(client->Get("/api/v2/artifacts/" + artifact_id));
  auto locked = client->Patch("/api/v2/artifacts/" + artifact_id, R"({"status":"locked"})", kJson);

  const json& container = artifact["spec"]["containerGroups"][0]["containers"][0];
  CHECK(deleted->status == 204);
  CHECK(container["imageUri"] == "registry.emulator.local/" + artifact_id + "/api:" + build_id);
  CHECK(container["build"]["status"] == "COMPLETED");
  CHECK(locked->status == 200);
}
