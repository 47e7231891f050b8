// The repository rules of the store: reads, lists, deletes with and without
// cascade, and shared roles.
#include <functional>
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "domain/permissions.h"
#include "domain/store.h"
#include "store_test_support.h"

namespace emulator::domain {
namespace {

using namespace testing;  // NOLINT: test helpers only

// Three repositories. "scoring" contains two drafts, one with a build.
// "gateway" contains a locked version and a draft, and "canary" only a draft
// that a workload uses. With `cascade` the behaviour switch is on.
std::string DeleteSeed(bool cascade) {
  return std::string(R"({
    "behaviour": {"cascadeLockedOnRepositoryDelete": )") +
         (cascade ? "true" : "false") + R"(},
    "users": [{"id": "a00000000000000000000001", "username": "alice", "token": "alice-token"}],
    "repositories": [
      {"id": "e00000000000000000000001", "name": "scoring", "createdBy": "alice", "artifacts": [
        {"id": "f00000000000000000000001", "name": "scoring",
         "spec": {"containerGroups": [{"containers": [
           {"name": "api", "primary": true, "port": 8080, "imageUri": "registry.example.com/a:1"}]}]},
         "builds": [{"id": "d00000000000000000000001", "status": "FAILED", "containerNames": ["api"]}]},
        {"id": "f00000000000000000000002", "name": "scoring",
         "spec": {"containerGroups": [{"containers": [
           {"name": "api", "primary": true, "port": 8080, "imageUri": "registry.example.com/a:2"}]}]}}]},
      {"id": "e00000000000000000000002", "name": "gateway", "createdBy": "alice", "artifacts": [
        {"id": "f00000000000000000000003", "name": "gateway", "status": "locked",
         "spec": {"containerGroups": [{"containers": [
           {"name": "api", "primary": true, "port": 8080, "imageUri": "registry.example.com/g:1"}]}]}},
        {"id": "f00000000000000000000004", "name": "gateway",
         "spec": {"containerGroups": [{"containers": [
           {"name": "api", "primary": true, "port": 8080, "imageUri": "registry.example.com/g:2"}]}]}}]},
      {"id": "e00000000000000000000003", "name": "canary", "createdBy": "alice", "artifacts": [
        {"id": "f00000000000000000000005", "name": "canary", "usedByWorkloads": ["7a0000000000000000000001"],
         "spec": {"containerGroups": [{"containers": [
           {"name": "api", "primary": true, "port": 8080, "imageUri": "registry.example.com/c:1"}]}]}}]}
    ]
  })";
}

const char kConflictMessage[] =
    "Cannot delete artifact repository: it contains locked artifacts or artifacts in use by "
    "workloads";

// One repository by alice, shared with nobody else yet.
const char kRolesSeed[] = R"({
  "users": [
    {"id": "a00000000000000000000001", "username": "alice", "token": "alice-token"},
    {"id": "b00000000000000000000002", "username": "bob", "token": "bob-token"},
    {"id": "c00000000000000000000003", "username": "carol", "token": "carol-token"}
  ],
  "repositories": [{"id": "e00000000000000000000001", "name": "scoring", "createdBy": "alice"}]
})";

const char kRolesRepository[] = "e00000000000000000000001";

// Roles as "name:ROLE:type", in list order.
std::string Roles(const std::vector<SharedRole>& roles) {
  std::string rendered;
  for (const auto& role : roles) {
    if (!rendered.empty()) rendered += ",";
    rendered += role.name + ":" + role.role + ":" + role.recipient_type;
  }
  return rendered;
}

std::string StoredRoles(const Store& store) {
  return Roles(Must(store.ListSharedRoles(kRolesRepository, 0, kMaxPageLimit)).items);
}

RoleGrant ByUsername(const std::string& username, const std::string& role) {
  RoleGrant grant;
  grant.username = username;
  grant.role = role;
  grant.recipient_type = "user";
  return grant;
}

RoleGrant ById(const std::string& id, const std::string& role) {
  RoleGrant grant;
  grant.id = id;
  grant.role = role;
  grant.recipient_type = "user";
  return grant;
}

// ---------------------------------------------------------------------------
// Get

TEST_CASE("getting an unknown repository is not found", "[domain]") {
  StoreFixture fixture;

  const Result<RepositoryView> read =
      fixture.store->GetRepository("e0000000000000000000ffff", fixture.UserNamed("alice"));

  REQUIRE_FALSE(read.ok());
  CHECK(CodeName(read.error().code()) == "NotFound");
  CHECK(read.error().message() == "Artifact repository not found");
}

TEST_CASE("a repository view carries its creator and counts", "[domain]") {
  StoreFixture fixture(DeleteSeed(false));
  const User alice = fixture.UserNamed("alice");

  const RepositoryView view = Must(fixture.store->GetRepository("e00000000000000000000002", alice));

  CHECK(view.repository.name == "gateway");
  CHECK(view.repository.num_artifacts == 2);
  CHECK(view.repository.last_version_number == 1);
  REQUIRE(view.creator.has_value());
  CHECK(view.creator->id == alice.id);
  CHECK(view.permissions == PermissionsForRole("OWNER"));
}

// ---------------------------------------------------------------------------
// Delete

TEST_CASE("deleting a repository of drafts deletes them and their builds", "[domain]") {
  StoreFixture fixture(DeleteSeed(false));
  const User alice = fixture.UserNamed("alice");

  const Result<Done> deleted = fixture.store->DeleteRepository("e00000000000000000000001");

  REQUIRE(deleted.ok());
  const Result<RepositoryView> repository =
      fixture.store->GetRepository("e00000000000000000000001", alice);
  REQUIRE_FALSE(repository.ok());
  CHECK(CodeName(repository.error().code()) == "NotFound");
  CHECK(repository.error().message() == "Artifact repository not found");
  CHECK_FALSE(fixture.store->GetArtifact("f00000000000000000000001", alice).ok());
  CHECK_FALSE(fixture.store->GetArtifact("f00000000000000000000002", alice).ok());
  CHECK(fixture.store->Counts().builds == 0);
  CHECK(fixture.store->Counts().repositories == 2);
  CHECK(fixture.store->Counts().artifacts == 3);
}

TEST_CASE("deleting a repository with a locked artifact is a conflict", "[domain]") {
  StoreFixture fixture(DeleteSeed(false));
  const User alice = fixture.UserNamed("alice");

  const Result<Done> deleted = fixture.store->DeleteRepository("e00000000000000000000002");

  REQUIRE_FALSE(deleted.ok());
  CHECK(CodeName(deleted.error().code()) == "Conflict");
  CHECK(deleted.error().message() == kConflictMessage);
  // Nothing is deleted, not even the draft beside the locked version.
  CHECK(fixture.store->GetArtifact("f00000000000000000000004", alice).ok());
  CHECK(fixture.store->GetRepository("e00000000000000000000002", alice).ok());
}

TEST_CASE("deleting a repository in use is a conflict", "[domain]") {
  StoreFixture fixture(DeleteSeed(false));
  const User alice = fixture.UserNamed("alice");

  const Result<Done> deleted = fixture.store->DeleteRepository("e00000000000000000000003");

  REQUIRE_FALSE(deleted.ok());
  CHECK(CodeName(deleted.error().code()) == "Conflict");
  CHECK(deleted.error().message() == kConflictMessage);
  CHECK(fixture.store->GetArtifact("f00000000000000000000005", alice).ok());
}

TEST_CASE("the cascade switch deletes locked and in-use artifacts too", "[domain]") {
  StoreFixture fixture(DeleteSeed(true));
  const User alice = fixture.UserNamed("alice");

  const Result<Done> gateway = fixture.store->DeleteRepository("e00000000000000000000002");
  const Result<Done> canary = fixture.store->DeleteRepository("e00000000000000000000003");

  CHECK(gateway.ok());
  CHECK(canary.ok());
  CHECK_FALSE(fixture.store->GetArtifact("f00000000000000000000003", alice).ok());
  CHECK_FALSE(fixture.store->GetArtifact("f00000000000000000000004", alice).ok());
  CHECK_FALSE(fixture.store->GetArtifact("f00000000000000000000005", alice).ok());
  CHECK(fixture.store->Counts().repositories == 1);
  CHECK(fixture.store->Counts().artifacts == 2);
}

TEST_CASE("deleting an unknown repository is not found", "[domain]") {
  StoreFixture fixture;

  const Result<Done> deleted = fixture.store->DeleteRepository("e0000000000000000000ffff");

  REQUIRE_FALSE(deleted.ok());
  CHECK(CodeName(deleted.error().code()) == "NotFound");
  CHECK(deleted.error().message() == "Artifact repository not found");
}

// ---------------------------------------------------------------------------
// Shared roles

TEST_CASE("the creator of a repository starts as its owner", "[domain]") {
  StoreFixture fixture(kRolesSeed);

  const std::string roles = StoredRoles(*fixture.store);

  CHECK(roles == "alice:OWNER:user");
}

TEST_CASE("updating shared roles replaces the whole list", "[domain]") {
  StoreFixture fixture(kRolesSeed);
  fixture.clock.Advance(kSecond);

  const Result<Done> updated = fixture.store->UpdateSharedRoles(
      kRolesRepository, {ByUsername("bob", "OWNER"), ByUsername("carol", "READ_ONLY")});

  REQUIRE(updated.ok());
  CHECK(StoredRoles(*fixture.store) == "bob:OWNER:user,carol:READ_ONLY:user");
  const RepositoryView view =
      Must(fixture.store->GetRepository(kRolesRepository, fixture.UserNamed("alice")));
  CHECK(view.repository.updated_at == kStart + kSecond);
}

TEST_CASE("a role granted by user id names the user", "[domain]") {
  StoreFixture fixture(kRolesSeed);

  const Result<Done> updated = fixture.store->UpdateSharedRoles(
      kRolesRepository,
      {ByUsername("alice", "OWNER"), ById("b00000000000000000000002", "EDITOR")});

  REQUIRE(updated.ok());
  const Page<SharedRole> roles = Must(fixture.store->ListSharedRoles(kRolesRepository, 0, 10));
  REQUIRE(roles.items.size() == 2);
  CHECK(roles.items[1].recipient_id == "b00000000000000000000002");
  CHECK(roles.items[1].name == "bob");
  CHECK(roles.items[1].role == "EDITOR");
}

TEST_CASE("the NO_ROLE grant removes a recipient", "[domain]") {
  StoreFixture fixture(kRolesSeed);
  Must(fixture.store->UpdateSharedRoles(
      kRolesRepository, {ByUsername("alice", "OWNER"), ByUsername("bob", "READ_WRITE")}));

  const Result<Done> updated = fixture.store->UpdateSharedRoles(
      kRolesRepository, {ByUsername("alice", "OWNER"), ByUsername("bob", "NO_ROLE")});

  REQUIRE(updated.ok());
  CHECK(StoredRoles(*fixture.store) == "alice:OWNER:user");
}

TEST_CASE("a later grant replaces an earlier one", "[domain]") {
  StoreFixture fixture(kRolesSeed);

  const Result<Done> updated = fixture.store->UpdateSharedRoles(
      kRolesRepository, {ByUsername("bob", "READ_ONLY"), ByUsername("alice", "OWNER"),
                         ById("b00000000000000000000002", "READ_WRITE")});

  REQUIRE(updated.ok());
  // The replaced grant keeps the position of the first one.
  CHECK(StoredRoles(*fixture.store) == "bob:READ_WRITE:user,alice:OWNER:user");
}

TEST_CASE("a later NO_ROLE removes an earlier grant", "[domain]") {
  StoreFixture fixture(kRolesSeed);

  const Result<Done> updated = fixture.store->UpdateSharedRoles(
      kRolesRepository, {ByUsername("alice", "OWNER"), ByUsername("bob", "EDITOR"),
                         ByUsername("bob", "NO_ROLE")});

  REQUIRE(updated.ok());
  CHECK(StoredRoles(*fixture.store) == "alice:OWNER:user");
}

TEST_CASE("granting a role to an unknown username is unprocessable", "[domain]") {
  StoreFixture fixture(kRolesSeed);

  const Result<Done> updated = fixture.store->UpdateSharedRoles(
      kRolesRepository, {ByUsername("bob", "OWNER"), ByUsername("zed", "READ_ONLY")});

  REQUIRE_FALSE(updated.ok());
  CHECK(CodeName(updated.error().code()) == "Unprocessable");
  CHECK(updated.error().message() == "User with username 'zed' not found");
  CHECK(StoredRoles(*fixture.store) == "alice:OWNER:user");
}

TEST_CASE("granting a role to an unknown id is unprocessable", "[domain]") {
  StoreFixture fixture(kRolesSeed);

  const Result<Done> updated = fixture.store->UpdateSharedRoles(
      kRolesRepository, {ById("0123456789abcdef01234567", "READ_ONLY")});

  REQUIRE_FALSE(updated.ok());
  CHECK(CodeName(updated.error().code()) == "Unprocessable");
  CHECK(updated.error().message() == "Recipient with id '0123456789abcdef01234567' not found");
  CHECK(StoredRoles(*fixture.store) == "alice:OWNER:user");
}

TEST_CASE("a grant naming no recipient is unprocessable", "[domain]") {
  StoreFixture fixture(kRolesSeed);
  RoleGrant nobody;
  nobody.role = "OWNER";
  nobody.recipient_type = "user";

  const Result<Done> updated = fixture.store->UpdateSharedRoles(kRolesRepository, {nobody});

  REQUIRE_FALSE(updated.ok());
  CHECK(CodeName(updated.error().code()) == "Unprocessable");
  CHECK(updated.error().message() == "A role grant names no recipient");
}

TEST_CASE("shared roles of an unknown repository are not found", "[domain]") {
  StoreFixture fixture(kRolesSeed);

  const Result<Page<SharedRole>> listed =
      fixture.store->ListSharedRoles("e0000000000000000000ffff", 0, 10);
  const Result<Done> updated = fixture.store->UpdateSharedRoles(
      "e0000000000000000000ffff", {ByUsername("bob", "OWNER")});

  REQUIRE_FALSE(listed.ok());
  CHECK(CodeName(listed.error().code()) == "NotFound");
  CHECK(listed.error().message() == "Artifact repository not found");
  REQUIRE_FALSE(updated.ok());
  CHECK(CodeName(updated.error().code()) == "NotFound");
  CHECK(updated.error().message() == "Artifact repository not found");
}

TEST_CASE("shared roles list in the order set", "[domain]") {
  StoreFixture fixture(kRolesSeed);
  Must(fixture.store->UpdateSharedRoles(
      kRolesRepository,
      {ByUsername("carol", "READ_ONLY"), ByUsername("alice", "OWNER"), ByUsername("bob", "USER")}));

  const Page<SharedRole> second_page = Must(fixture.store->ListSharedRoles(kRolesRepository, 1, 1));
  const Page<SharedRole> past_end = Must(fixture.store->ListSharedRoles(kRolesRepository, 5, 10));

  CHECK(Roles(second_page.items) == "alice:OWNER:user");
  CHECK(second_page.total == 3);
  CHECK(past_end.items.empty());
  CHECK(past_end.total == 3);
}

TEST_CASE("each shared role gives its holder that role's permissions", "[domain]") {
  const std::vector<std::string> roles = {"OWNER",    "ADMIN",    "READ_WRITE", "EDITOR",
                                          "DATA_SCIENTIST", "READ_ONLY", "USER", "CONSUMER",
                                          "OBSERVER"};
  for (const std::string& role : roles) {
    SECTION(role) {
      StoreFixture fixture(kRolesSeed);
      Must(fixture.store->UpdateSharedRoles(
          kRolesRepository, {ByUsername("alice", "OWNER"), ByUsername("bob", role)}));

      const RepositoryView view =
          Must(fixture.store->GetRepository(kRolesRepository, fixture.UserNamed("bob")));

      CHECK(view.permissions == PermissionsForRole(role));
      CHECK_FALSE(view.permissions.empty());
    }
  }
}

TEST_CASE("a read-only holder sees three permissions", "[domain]") {
  StoreFixture fixture(kRolesSeed);
  Must(fixture.store->UpdateSharedRoles(
      kRolesRepository, {ByUsername("alice", "OWNER"), ByUsername("bob", "CONSUMER")}));

  const RepositoryView view =
      Must(fixture.store->GetRepository(kRolesRepository, fixture.UserNamed("bob")));

  CHECK(view.permissions ==
        std::vector<std::string>{"CAN_VIEW", "CAN_MAKE_PREDICTIONS", "CAN_SHARE_ROLE_READ_ONLY"});
}

TEST_CASE("a caller without a role sees the owner's permissions", "[domain]") {
  StoreFixture fixture(kRolesSeed);

  const RepositoryView view =
      Must(fixture.store->GetRepository(kRolesRepository, fixture.UserNamed("carol")));

  CHECK(view.permissions.size() == 8);
  CHECK(view.permissions == PermissionsForRole("OWNER"));
}

// ---------------------------------------------------------------------------
// Lists

// Three repositories with a createdAt tie (scoring and gateway) and an
// updatedAt tie (scoring and llm).
const char kListSeed[] = R"({
  "users": [
    {"id": "a00000000000000000000001", "username": "alice", "token": "alice-token"},
    {"id": "b00000000000000000000002", "username": "bob", "token": "bob-token"}
  ],
  "repositories": [
    {"id": "e00000000000000000000001", "name": "scoring", "createdBy": "alice",
     "createdAt": "2026-02-01T09:00:00Z", "updatedAt": "2026-02-01T12:00:00Z",
     "tags": [{"name": "team", "value": "risk"}]},
    {"id": "e00000000000000000000002", "name": "Gateway", "createdBy": "bob",
     "createdAt": "2026-02-01T09:00:00Z", "updatedAt": "2026-02-01T10:00:00Z",
     "tags": [{"name": "stage", "value": "prod"}]},
    {"id": "e00000000000000000000003", "name": "llm", "type": "nim", "createdBy": "alice",
     "createdAt": "2026-02-01T08:00:00Z", "updatedAt": "2026-02-01T12:00:00Z",
     "tags": [{"name": "team", "value": "ml"}]}
  ]
})";

TEST_CASE("listing repositories filters by creator, ids, type and tags", "[domain]") {
  StoreFixture fixture(kListSeed);
  const User alice = fixture.UserNamed("alice");
  const auto list = [&](const std::function<void(ListQuery&)>& adjust) {
    ListQuery query;
    query.order_by = "name";
    adjust(query);
    return Names(fixture.store->ListRepositories(query, alice));
  };

  CHECK(list([](ListQuery&) {}) == "Gateway,llm,scoring");
  CHECK(list([](ListQuery& q) { q.created_by = {"a00000000000000000000001"}; }) == "llm,scoring");
  CHECK(list([](ListQuery& q) { q.ids = {"e00000000000000000000002"}; }) == "Gateway");
  CHECK(list([](ListQuery& q) { q.types = {"nim"}; }) == "llm");
  CHECK(list([](ListQuery& q) { q.types = {"service"}; }) == "Gateway,scoring");
  CHECK(list([](ListQuery& q) { q.tag_keys = {"team"}; }) == "llm,scoring");
  CHECK(list([](ListQuery& q) { q.tag_values = {"prod", "ml"}; }) == "Gateway,llm");
  CHECK(list([](ListQuery& q) {
          q.tag_keys = {"team"};
          q.created_by = {"b00000000000000000000002"};
        }) == "");
}

TEST_CASE("repository search ignores case in name and id", "[domain]") {
  StoreFixture fixture(kListSeed);
  const User alice = fixture.UserNamed("alice");
  const auto search = [&](const std::string& text) {
    ListQuery query;
    query.order_by = "name";
    query.search = text;
    return Names(fixture.store->ListRepositories(query, alice));
  };

  CHECK(search("GATE") == "Gateway");
  CHECK(search("Scor") == "scoring");
  CHECK(search("0000003") == "llm");
  CHECK(search("E0000000000000000000000") == "Gateway,llm,scoring");
  CHECK(search("risk") == "");
}

TEST_CASE("repositories sort by every orderBy with ties broken by id", "[domain]") {
  StoreFixture fixture(kListSeed);
  const User alice = fixture.UserNamed("alice");
  const auto sorted = [&](const std::string& order_by) {
    ListQuery query;
    query.order_by = order_by;
    return Names(fixture.store->ListRepositories(query, alice));
  };

  CHECK(sorted("createdAt") == "llm,scoring,Gateway");
  CHECK(sorted("-createdAt") == "Gateway,scoring,llm");
  CHECK(sorted("name") == "Gateway,llm,scoring");
  CHECK(sorted("-name") == "scoring,llm,Gateway");
  CHECK(sorted("updatedAt") == "Gateway,scoring,llm");
  CHECK(sorted("-updatedAt") == "llm,scoring,Gateway");
}

TEST_CASE("a repository page slices and counts all matches", "[domain]") {
  StoreFixture fixture(kListSeed);
  const User alice = fixture.UserNamed("alice");
  ListQuery first;
  first.order_by = "name";
  first.limit = 2;
  ListQuery past_end;
  past_end.offset = 3;

  const Page<RepositoryView> first_page = fixture.store->ListRepositories(first, alice);
  const Page<RepositoryView> past_end_page = fixture.store->ListRepositories(past_end, alice);

  CHECK(Names(first_page) == "Gateway,llm");
  CHECK(first_page.total == 3);
  CHECK(past_end_page.items.empty());
  CHECK(past_end_page.total == 3);
}

}  // namespace
}  // namespace emulator::domain
