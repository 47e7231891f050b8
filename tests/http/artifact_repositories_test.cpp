#include <catch2/catch.hpp>

#include "test_server.h"

using emulator::testing::BodyJson;
using emulator::testing::TestServer;
using nlohmann::json;
namespace t = emulator::testing;

namespace {

// The test seed with the cascade switch turned on.
std::string SeedWithCascade() {
  json seed = json::parse(t::kTestSeed);
  seed["behaviour"] = {{"cascadeLockedOnRepositoryDelete", true}};
  return seed.dump();
}

}  // namespace

TEST_CASE("a repository has the reference shape", "[repositories]") {
  TestServer server;
  auto client = server.Client();

  auto result = client->Get(std::string("/api/v2/artifactRepositories/") + t::kServiceRepositoryId);

  const json repository = BodyJson(result);
  CHECK(result->status == 200);
  CHECK(repository["id"] == t::kServiceRepositoryId);
  CHECK(repository["name"] == "scoring");
  CHECK(repository["type"] == "service");
  CHECK(repository["numArtifacts"] == 2);
  CHECK(repository["lastVersionNumber"] == 1);
  CHECK(repository["creator"]["username"] == "alice");
  CHECK(repository["tags"] == json::array());
  CHECK(repository["createdAt"] == "2026-12-01T09:00:00.000000Z");
  CHECK(repository["permissions"][0] == "CAN_VIEW");
}

TEST_CASE("an unknown repository answers not found", "[repositories]") {
  TestServer server;
  auto client = server.Client();

  auto result = client->Get("/api/v2/artifactRepositories/ffffffffffffffffffff0000");

  CHECK(result->status == 404);
  CHECK(BodyJson(result) == json{{"detail", "Artifact repository not found"}});
}

TEST_CASE("listing repositories filters by type and search", "[repositories]") {
  TestServer server;
  auto client = server.Client();

  const json nim = BodyJson(client->Get("/api/v2/artifactRepositories?type=nim"));
  const json searched = BodyJson(client->Get("/api/v2/artifactRepositories?search=SCOR"));
  const json by_creator = BodyJson(client->Get(std::string("/api/v2/artifactRepositories?createdBy=") + t::kAliceId));

  CHECK(nim["totalCount"] == 1);
  CHECK(nim["data"][0]["id"] == t::kNimRepositoryId);
  CHECK(searched["totalCount"] == 1);
  CHECK(by_creator["totalCount"] == 1);
  CHECK(by_creator["data"][0]["id"] == t::kServiceRepositoryId);
}

TEST_CASE("deleting a repository of drafts removes them all", "[repositories]") {
  TestServer server;
  auto client = server.Client();

  auto deleted = client->Delete(std::string("/api/v2/artifactRepositories/") + t::kNimRepositoryId);

  CHECK(deleted->status == 204);
  CHECK(client->Get(std::string("/api/v2/artifactRepositories/") + t::kNimRepositoryId)->status == 404);
  CHECK(client->Get(std::string("/api/v2/artifacts/") + t::kNimDraftArtifactId)->status == 404);
}

TEST_CASE("deleting a repository with a locked artifact answers conflict", "[repositories]") {
  TestServer server;
  auto client = server.Client();

  auto result = client->Delete(std::string("/api/v2/artifactRepositories/") + t::kServiceRepositoryId);

  CHECK(result->status == 409);
  CHECK(BodyJson(result) == json{{"detail", "Cannot delete artifact repository: it contains locked "
                                            "artifacts or artifacts in use by workloads"}});
  CHECK(client->Get(std::string("/api/v2/artifacts/") + t::kDraftArtifactId)->status == 200);
}

TEST_CASE("the cascade switch deletes locked artifacts with their repository", "[repositories]") {
  TestServer server(SeedWithCascade());
  auto client = server.Client();

  auto result = client->Delete(std::string("/api/v2/artifactRepositories/") + t::kServiceRepositoryId);

  CHECK(result->status == 204);
  CHECK(client->Get(std::string("/api/v2/artifacts/") + t::kLockedArtifactId)->status == 404);
}
