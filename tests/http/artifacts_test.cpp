#include <catch2/catch.hpp>

#include "test_server.h"

using emulator::testing::BodyJson;
using emulator::testing::BuildableArtifactBody;
using emulator::testing::ServiceArtifactBody;
using emulator::testing::TestServer;
using nlohmann::json;
namespace t = emulator::testing;

namespace {

const char kJson[] = "application/json";

json Create(httplib::Client& client, const json& body, int expected_status = 201) {
  auto result = client.Post("/api/v2/artifacts", body.dump(), kJson);
  REQUIRE(result);
  INFO(result->body);
  REQUIRE(result->status == expected_status);
  return BodyJson(result);
}

}  // namespace

TEST_CASE("creating an artifact without a repository opens a new one", "[artifacts]") {
  TestServer server;
  auto client = server.Client();

  const json created = Create(*client, ServiceArtifactBody("fraud-detector"));

  CHECK(created["name"] == "fraud-detector");
  CHECK(created["status"] == "draft");
  CHECK(created["version"].is_null());
  CHECK(created["type"] == "service");
  CHECK(created["description"] == "");
  CHECK(created["tags"] == json::array());
  CHECK(created["spec"]["type"] == "service");
  CHECK(created["createdAt"] == "2026-12-04T10:00:00.000000Z");
  CHECK(created["updatedAt"] == "2026-12-04T10:00:00.000000Z");
  CHECK(created["creator"]["username"] == "alice");
  CHECK(created["creator"]["id"] == t::kAliceId);
  CHECK(created["creator"]["userhash"].is_null());
  CHECK(created["id"].get<std::string>().size() == 24);
  const auto repository = client->Get("/api/v2/artifactRepositories/" +
                                      created["artifactRepositoryId"].get<std::string>());
  REQUIRE(repository->status == 200);
  const json repository_body = BodyJson(repository);
  CHECK(repository_body["name"] == "fraud-detector");
  CHECK(repository_body["type"] == "service");
  CHECK(repository_body["numArtifacts"] == 1);
  CHECK(repository_body["lastVersionNumber"] == 0);
}

TEST_CASE("creating an artifact in an existing repository joins it", "[artifacts]") {
  TestServer server;
  auto client = server.Client();
  json body = ServiceArtifactBody("scoring");
  body["artifactRepositoryId"] = t::kServiceRepositoryId;

  const json created = Create(*client, body);

  CHECK(created["artifactRepositoryId"] == t::kServiceRepositoryId);
  const json repository = BodyJson(client->Get(std::string("/api/v2/artifactRepositories/") +
                                               t::kServiceRepositoryId));
  CHECK(repository["numArtifacts"] == 3);
}

TEST_CASE("creating an artifact in an unknown repository answers not found", "[artifacts]") {
  TestServer server;
  auto client = server.Client();
  json body = ServiceArtifactBody("scoring");
  body["artifactRepositoryId"] = "ffffffffffffffffffff0000";

  const json error = Create(*client, body, 404);

  CHECK(error == json{{"detail", "Artifact repository not found."}});
}

TEST_CASE("creating an artifact of another type than its repository is rejected", "[artifacts]") {
  TestServer server;
  auto client = server.Client();
  json body = ServiceArtifactBody("llm");
  body["artifactRepositoryId"] = t::kNimRepositoryId;

  const json error = Create(*client, body, 422);

  CHECK(error == json{{"detail",
                       "Artifact type 'service' does not match the artifact repository type 'nim'"}});
}

TEST_CASE("creating an artifact with status locked returns it locked as version 1", "[artifacts]") {
  TestServer server;
  auto client = server.Client();
  json body = ServiceArtifactBody("terraform-made");
  body["status"] = "locked";

  const json created = Create(*client, body);

  CHECK(created["status"] == "locked");
  CHECK(created["version"] == 1);
}

TEST_CASE("creating a locked artifact that still needs a build is rejected and stores nothing",
          "[artifacts]") {
  TestServer server;
  auto client = server.Client();
  json body = BuildableArtifactBody("unbuilt");
  body["status"] = "locked";

  const json error = Create(*client, body, 422);

  CHECK(error["detail"].is_string());
  const json list = BodyJson(client->Get("/api/v2/artifacts?search=unbuilt"));
  CHECK(list["totalCount"] == 0);
  const json repositories = BodyJson(client->Get("/api/v2/artifactRepositories?search=unbuilt"));
  CHECK(repositories["totalCount"] == 0);
}

TEST_CASE("getting an artifact returns the reference shape", "[artifacts]") {
  TestServer server;
  auto client = server.Client();

  const json artifact =
      BodyJson(client->Get(std::string("/api/v2/artifacts/") + t::kDraftArtifactId));

  CHECK(artifact["id"] == t::kDraftArtifactId);
  CHECK(artifact["description"] == "next version");
  CHECK(artifact["tags"][0]["name"] == "team");
  CHECK(artifact["tags"][0]["value"] == "ml");
  CHECK(artifact["tags"][0]["id"].get<std::string>().size() == 24);
  const json& container = artifact["spec"]["containerGroups"][0]["containers"][0];
  CHECK(container["environmentVars"] == json::array());
  CHECK(container["primary"] == true);
  CHECK(container["build"].is_null());
  CHECK(artifact["permissions"].size() == 8);
  for (const char* key : {"id", "name", "description", "type", "status", "version",
                          "artifactRepositoryId", "createdAt", "updatedAt", "creator",
                          "permissions", "tags", "spec"}) {
    CHECK(artifact.contains(key));
  }
}

TEST_CASE("getting an unknown artifact answers not found", "[artifacts]") {
  TestServer server;
  auto client = server.Client();

  for (const std::string id : {"ffffffffffffffffffff0000", "art-1", "art-1%3Fforce=true"}) {
    auto result = client->Get("/api/v2/artifacts/" + id);
    REQUIRE(result);
    CHECK(result->status == 404);
    CHECK(BodyJson(result) == json{{"detail", "Artifact not found"}});
  }
}

TEST_CASE("locking drafts numbers them in sequence", "[artifacts]") {
  TestServer server;
  auto client = server.Client();
  json body = ServiceArtifactBody("scoring");
  body["artifactRepositoryId"] = t::kServiceRepositoryId;
  const json third = Create(*client, body);

  auto locked = client->Patch(std::string("/api/v2/artifacts/") + t::kDraftArtifactId,
                              R"({"status":"locked"})", kJson);
  REQUIRE(locked->status == 200);
  const json second = BodyJson(locked);
  auto locked_again = client->Patch("/api/v2/artifacts/" + third["id"].get<std::string>(),
                                    R"({"status":"locked"})", kJson);

  CHECK(second["id"] == t::kDraftArtifactId);
  CHECK(second["status"] == "locked");
  CHECK(second["version"] == 2);
  CHECK(BodyJson(locked_again)["version"] == 3);
  const json repository = BodyJson(client->Get(std::string("/api/v2/artifactRepositories/") +
                                               t::kServiceRepositoryId));
  CHECK(repository["lastVersionNumber"] == 3);
}

TEST_CASE("a patch may edit and lock at once", "[artifacts]") {
  TestServer server;
  auto client = server.Client();

  auto result = client->Patch(std::string("/api/v2/artifacts/") + t::kDraftArtifactId,
                              R"({"name":"scoring-v2","status":"locked"})", kJson);

  const json artifact = BodyJson(result);
  CHECK(result->status == 200);
  CHECK(artifact["name"] == "scoring-v2");
  CHECK(artifact["version"] == 2);
}

TEST_CASE("patching the spec replaces the container groups whole", "[artifacts]") {
  TestServer server;
  auto client = server.Client();
  const json update = {
      {"spec",
       {{"containerGroups",
         {{{"name", "web"},
           {"containers",
            {{{"name", "frontend"}, {"imageUri", "example/frontend:3"}, {"primary", true},
              {"port", 9000}}}}}}}}}};

  auto result = client->Patch(std::string("/api/v2/artifacts/") + t::kDraftArtifactId,
                              update.dump(), kJson);

  const json artifact = BodyJson(result);
  CHECK(result->status == 200);
  REQUIRE(artifact["spec"]["containerGroups"].size() == 1);
  CHECK(artifact["spec"]["containerGroups"][0]["name"] == "web");
  CHECK(artifact["spec"]["containerGroups"][0]["containers"][0]["port"] == 9000);
  CHECK(artifact["spec"]["type"] == "service");
  CHECK(artifact["status"] == "draft");
}

TEST_CASE("a locked artifact cannot be patched or replaced", "[artifacts]") {
  TestServer server;
  auto client = server.Client();
  const std::string path = std::string("/api/v2/artifacts/") + t::kLockedArtifactId;

  auto patched = client->Patch(path, R"({"name":"renamed"})", kJson);
  auto replaced = client->Put(path, ServiceArtifactBody("renamed").dump(), kJson);

  CHECK(patched->status == 403);
  CHECK(BodyJson(patched) == json{{"detail", "Cannot update artifact: artifact is locked"}});
  CHECK(replaced->status == 403);
  CHECK(BodyJson(replaced) == json{{"detail", "Cannot update artifact: artifact is locked"}});
  CHECK(BodyJson(client->Get(path))["name"] == "scoring");
}

TEST_CASE("putting an artifact replaces its fields", "[artifacts]") {
  TestServer server;
  auto client = server.Client();
  server.clock().Advance(60 * 1000000LL);
  json body = ServiceArtifactBody("scoring-renamed");
  body["spec"]["containerGroups"][0]["containers"][0]["port"] = 8443;

  auto result = client->Put(std::string("/api/v2/artifacts/") + t::kDraftArtifactId, body.dump(), kJson);

  const json artifact = BodyJson(result);
  CHECK(result->status == 200);
  CHECK(artifact["name"] == "scoring-renamed");
  CHECK(artifact["spec"]["containerGroups"][0]["containers"][0]["port"] == 8443);
  CHECK(artifact["updatedAt"] == "2026-12-04T10:01:00.000000Z");
  CHECK(artifact["artifactRepositoryId"] == t::kServiceRepositoryId);
}

TEST_CASE("locking a draft whose image is not built yet is rejected", "[artifacts]") {
  TestServer server;
  auto client = server.Client();
  const json draft = Create(*client, BuildableArtifactBody("needs-build"));

  auto result = client->Patch("/api/v2/artifacts/" + draft["id"].get<std::string>(),
                              R"({"status":"locked"})", kJson);

  CHECK(result->status == 422);
  CHECK(BodyJson(result) ==
        json{{"detail", "Cannot lock artifact: container 'api' has an imageBuildConfig but no "
                        "built image; trigger a build and wait for it to complete before locking"}});
}

TEST_CASE("deleting a draft removes it", "[artifacts]") {
  TestServer server;
  auto client = server.Client();
  const std::string path = std::string("/api/v2/artifacts/") + t::kDraftArtifactId;

  auto deleted = client->Delete(path, "null", kJson);
  auto after = client->Get(path);

  CHECK(deleted->status == 204);
  CHECK(deleted->body.empty());
  CHECK(after->status == 404);
  const json repository = BodyJson(client->Get(std::string("/api/v2/artifactRepositories/") +
                                               t::kServiceRepositoryId));
  CHECK(repository["numArtifacts"] == 1);
}

TEST_CASE("deleting a locked artifact answers conflict", "[artifacts]") {
  TestServer server;
  auto client = server.Client();

  auto result = client->Delete(std::string("/api/v2/artifacts/") + t::kLockedArtifactId);

  CHECK(result->status == 409);
  CHECK(BodyJson(result) == json{{"detail", "Cannot delete artifact: artifact is locked"}});
}

TEST_CASE("cloning an artifact makes a draft copy in the same repository", "[artifacts]") {
  TestServer server;
  auto client = server.Client();

  auto result = client->Post(std::string("/api/v2/artifacts/") + t::kLockedArtifactId + "/clone",
                             R"({"name":"scoring-experiment"})", kJson);

  const json clone = BodyJson(result);
  CHECK(result->status == 200);
  CHECK(clone["name"] == "scoring-experiment");
  CHECK(clone["status"] == "draft");
  CHECK(clone["version"].is_null());
  CHECK(clone["id"] != t::kLockedArtifactId);
  CHECK(clone["artifactRepositoryId"] == t::kServiceRepositoryId);
  CHECK(clone["spec"]["containerGroups"][0]["containers"][0]["imageUri"] ==
        "registry.example.com/scoring:1");
  const json repository = BodyJson(client->Get(std::string("/api/v2/artifactRepositories/") +
                                               t::kServiceRepositoryId));
  CHECK(repository["numArtifacts"] == 3);
}

TEST_CASE("cloning an unknown artifact answers not found", "[artifacts]") {
  TestServer server;
  auto client = server.Client();

  auto result = client->Post("/api/v2/artifacts/ffffffffffffffffffff0000/clone",
                             R"({"name":"copy"})", kJson);

  CHECK(result->status == 404);
  CHECK(BodyJson(result) == json{{"detail", "Artifact not found"}});
}

TEST_CASE("listing artifacts filters by type, status and repository", "[artifacts]") {
  TestServer server;
  auto client = server.Client();

  const json nim = BodyJson(client->Get("/api/v2/artifacts?type=nim"));
  const json locked = BodyJson(client->Get("/api/v2/artifacts?status=locked"));
  const json in_repository = BodyJson(
      client->Get(std::string("/api/v2/artifacts?repositoryId=") + t::kServiceRepositoryId));
  const json by_ids = BodyJson(client->Get(std::string("/api/v2/artifacts?ids=") +
                                           t::kLockedArtifactId + "," + t::kNimDraftArtifactId));
  const json repeated_ids = BodyJson(client->Get(std::string("/api/v2/artifacts?ids=") +
                                                 t::kLockedArtifactId + "&ids=" + t::kNimDraftArtifactId));
  const json tagged = BodyJson(client->Get("/api/v2/artifacts?tagKeys=team&tagValues=ml"));
  const json searched = BodyJson(client->Get("/api/v2/artifacts?search=NEXT%20VER"));

  CHECK(nim["totalCount"] == 1);
  CHECK(nim["data"][0]["id"] == t::kNimDraftArtifactId);
  CHECK(locked["totalCount"] == 1);
  CHECK(in_repository["totalCount"] == 2);
  CHECK(by_ids["totalCount"] == 2);
  CHECK(repeated_ids["totalCount"] == 2);
  CHECK(tagged["totalCount"] == 1);
  CHECK(searched["totalCount"] == 1);
  CHECK(searched["data"][0]["id"] == t::kDraftArtifactId);
}

TEST_CASE("listing artifacts is newest first by default and sorts on request", "[artifacts]") {
  TestServer server;
  auto client = server.Client();

  const json newest_first = BodyJson(client->Get("/api/v2/artifacts"));
  const json by_name = BodyJson(client->Get("/api/v2/artifacts?orderBy=name"));
  const json by_status = BodyJson(client->Get("/api/v2/artifacts?orderBy=-status"));

  REQUIRE(newest_first["data"].size() == 3);
  CHECK(newest_first["data"][0]["id"] == t::kNimDraftArtifactId);
  CHECK(newest_first["data"][2]["id"] == t::kLockedArtifactId);
  CHECK(by_name["data"][0]["name"] == "llm");
  CHECK(by_status["data"][0]["status"] == "locked");
}

TEST_CASE("the description is set on create and by a patch", "[artifacts]") {
  TestServer server;
  auto client = server.Client();
  json body = ServiceArtifactBody("described");
  body["description"] = "first words";

  const json created = Create(*client, body);
  auto patched = client->Patch("/api/v2/artifacts/" + created["id"].get<std::string>(),
                               R"({"description": "second words"})", kJson);

  CHECK(created["description"] == "first words");
  CHECK(BodyJson(patched)["description"] == "second words");
  CHECK(BodyJson(patched)["name"] == "described");
}

TEST_CASE("a type the seed adds is accepted, stored and filtered", "[artifacts]") {
  json seed = json::parse(t::kTestSeed);
  seed["behaviour"] = {{"extraArtifactTypes", {"agent"}}};
  TestServer server(seed.dump());
  auto client = server.Client();
  json body = ServiceArtifactBody("helper-agent");
  body["type"] = "agent";

  const json created = Create(*client, body);
  const json agents = BodyJson(client->Get("/api/v2/artifacts?type=agent"));
  const json repositories = BodyJson(client->Get("/api/v2/artifactRepositories?type=agent"));
  json unknown_type = ServiceArtifactBody("robot");
  unknown_type["type"] = "robot";
  auto other = client->Post("/api/v2/artifacts", unknown_type.dump(), kJson);

  CHECK(created["type"] == "agent");
  CHECK(created["spec"]["type"] == "agent");
  CHECK(agents["totalCount"] == 1);
  CHECK(repositories["totalCount"] == 1);
  CHECK(other->status == 422);
}
