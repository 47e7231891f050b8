#include <catch2/catch.hpp>

#include "test_server.h"

using emulator::testing::BodyJson;
using emulator::testing::TestServer;
using nlohmann::json;
namespace t = emulator::testing;

namespace {

const std::string kRolesPath =
    std::string("/api/v2/artifactRepositories/") + t::kServiceRepositoryId + "/sharedRoles";

}  // namespace

TEST_CASE("the creator of a repository starts as its owner", "[shared-roles]") {
  TestServer server;
  auto client = server.Client();

  const json roles = BodyJson(client->Get(kRolesPath));

  CHECK(roles["totalCount"] == 1);
  CHECK(roles["data"][0] == json{{"id", t::kAliceId},
                                 {"name", "alice"},
                                 {"role", "OWNER"},
                                 {"shareRecipientType", "user"}});
  CHECK(roles["next"].is_null());
}

TEST_CASE("updating shared roles replaces the list", "[shared-roles]") {
  TestServer server;
  auto client = server.Client();
  const json update = {{"operation", "updateRoles"},
                       {"roles",
                        {{{"username", "alice"}, {"role", "OWNER"}, {"shareRecipientType", "user"}},
                         {{"id", "cccccccccccccccccccc0002"}, {"role", "READ_ONLY"}, {"shareRecipientType", "user"}}}}};

  auto result = client->Patch(kRolesPath, update.dump(), "application/json");
  const json roles = BodyJson(client->Get(kRolesPath + "?limit=1"));

  CHECK(result->status == 204);
  CHECK(roles["totalCount"] == 2);
  CHECK(roles["count"] == 1);
  const json second = BodyJson(client->Get(kRolesPath + "?offset=1"));
  CHECK(second["data"][0]["name"] == "bob");
  CHECK(second["data"][0]["role"] == "READ_ONLY");
}

TEST_CASE("a role for an unknown user is rejected and changes nothing", "[shared-roles]") {
  TestServer server;
  auto client = server.Client();
  const json update = {{"operation", "updateRoles"},
                       {"roles", {{{"username", "mallory"}, {"role", "OWNER"}, {"shareRecipientType", "user"}}}}};

  auto result = client->Patch(kRolesPath, update.dump(), "application/json");

  CHECK(result->status == 422);
  CHECK(BodyJson(result) == json{{"detail", "User with username 'mallory' not found"}});
  CHECK(BodyJson(client->Get(kRolesPath))["totalCount"] == 1);
}

TEST_CASE("shared roles of an unknown repository answer not found", "[shared-roles]") {
  TestServer server;
  auto client = server.Client();

  auto result = client->Get("/api/v2/artifactRepositories/ffffffffffffffffffff0000/sharedRoles");

  CHECK(result->status == 404);
  CHECK(BodyJson(result) == json{{"detail", "Artifact repository not found"}});
}

TEST_CASE("a reader sees read-only permissions", "[shared-roles]") {
  TestServer server;
  auto client = server.Client();
  const json update = {{"operation", "updateRoles"},
                       {"roles",
                        {{{"username", "alice"}, {"role", "OWNER"}, {"shareRecipientType", "user"}},
                         {{"username", "bob"}, {"role", "READ_ONLY"}, {"shareRecipientType", "user"}}}}};
  REQUIRE(client->Patch(kRolesPath, update.dump(), "application/json")->status == 204);

  auto bob = server.Client("bob-token");
  const json repository =
      BodyJson(bob->Get(std::string("/api/v2/artifactRepositories/") + t::kServiceRepositoryId));

  CHECK(repository["permissions"] == json{"CAN_VIEW", "CAN_MAKE_PREDICTIONS", "CAN_SHARE_ROLE_READ_ONLY"});
}
