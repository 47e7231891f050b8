// The artifact rules of the store: create, lock, edit, delete and clone,
// with no HTTP in between.
#include <algorithm>
#include <string>
#include <thread>
#include <vector>

#include <catch2/catch.hpp>

#include "domain/permissions.h"
#include "domain/store.h"
#include "store_test_support.h"

namespace emulator::domain {
namespace {

using namespace testing;  // NOLINT: test helpers only

// One service repository by alice holding a locked version in use by two
// workloads, a plain draft, and a draft with tags; plus an empty NIM
// repository by carol.
const char kLifecycleSeed[] = R"({
  "users": [
    {"id": "a00000000000000000000001", "username": "alice", "token": "alice-token"},
    {"id": "b00000000000000000000002", "username": "bob", "token": "bob-token"},
    {"id": "c00000000000000000000003", "username": "carol", "token": "carol-token"}
  ],
  "repositories": [
    {
      "id": "e00000000000000000000001", "name": "scoring", "createdBy": "alice",
      "artifacts": [
        {"id": "f00000000000000000000001", "name": "scoring", "status": "locked",
         "usedByWorkloads": ["7a0000000000000000000001", "7a0000000000000000000002"],
         "spec": {"containerGroups": [{"containers": [
           {"name": "api", "primary": true, "port": 8080, "imageUri": "registry.example.com/scoring:1"}]}]}},
        {"id": "f00000000000000000000002", "name": "scoring", "description": "Next version.",
         "tags": [{"id": "7b0000000000000000000001", "name": "team", "value": "risk"}],
         "spec": {"containerGroups": [{"containers": [
           {"name": "api", "primary": true, "port": 8080, "imageUri": "registry.example.com/scoring:2"}]}]}},
        {"id": "f00000000000000000000003", "name": "scoring-canary", "usedByWorkloads": ["7a0000000000000000000003"],
         "spec": {"containerGroups": [{"containers": [
           {"name": "api", "primary": true, "port": 8080, "imageUri": "registry.example.com/scoring:3"}]}]}}
      ]
    },
    {"id": "e00000000000000000000002", "name": "llm", "type": "nim", "createdBy": "carol", "lastVersionNumber": 7}
  ]
})";

const char kScoring[] = "e00000000000000000000001";
const char kLlm[] = "e00000000000000000000002";
const char kLockedInUse[] = "f00000000000000000000001";
const char kTaggedDraft[] = "f00000000000000000000002";
const char kDraftInUse[] = "f00000000000000000000003";

const char kUnbuiltMessage[] =
    "Cannot lock artifact: container 'api' has an imageBuildConfig but no built image; trigger a "
    "build and wait for it to complete before locking";

long long LastVersionOf(const Store& store, const std::string& repository_id, const User& caller) {
  return Must(store.GetRepository(repository_id, caller)).repository.last_version_number;
}

long long NumArtifactsOf(const Store& store, const std::string& repository_id,
                         const User& caller) {
  return Must(store.GetRepository(repository_id, caller)).repository.num_artifacts;
}

// ---------------------------------------------------------------------------
// Create

TEST_CASE("creating an artifact creates a repository named after it", "[domain]") {
  StoreFixture fixture;
  const User alice = fixture.UserNamed("alice");

  const ArtifactView created = Must(fixture.store->CreateArtifact(SimpleBody("churn"), alice));

  const RepositoryView repository =
      Must(fixture.store->GetRepository(created.artifact.repository_id, alice));
  CHECK(repository.repository.name == "churn");
  CHECK(repository.repository.type == "service");
  CHECK(repository.repository.creator_id == alice.id);
  CHECK(repository.repository.num_artifacts == 1);
  CHECK(repository.repository.last_version_number == 0);
  CHECK(repository.repository.created_at == kStart);
  REQUIRE(repository.repository.shared_roles.size() == 1);
  CHECK(repository.repository.shared_roles[0].recipient_id == alice.id);
  CHECK(repository.repository.shared_roles[0].name == "alice");
  CHECK(repository.repository.shared_roles[0].role == "OWNER");
  CHECK(repository.repository.shared_roles[0].recipient_type == "user");
}

TEST_CASE("a created artifact is a draft without a version", "[domain]") {
  StoreFixture fixture;
  const User alice = fixture.UserNamed("alice");

  const ArtifactView created = Must(fixture.store->CreateArtifact(SimpleBody("churn"), alice));

  CHECK(IsObjectId(created.artifact.id));
  CHECK(created.artifact.name == "churn");
  CHECK(created.artifact.description == "");
  CHECK(created.artifact.type == "service");
  CHECK(created.artifact.status == "draft");
  CHECK_FALSE(created.artifact.version.has_value());
  CHECK(created.artifact.creator_id == alice.id);
  CHECK(created.artifact.created_at == kStart);
  CHECK(created.artifact.updated_at == kStart);
  CHECK(created.artifact.tags.empty());
  CHECK(created.artifact.spec.at("type") == "service");
  REQUIRE(created.creator.has_value());
  CHECK(created.creator->username == "alice");
  CHECK(created.permissions == PermissionsForRole("OWNER"));
}

TEST_CASE("creating an artifact in an existing repository joins it", "[domain]") {
  StoreFixture fixture(kLifecycleSeed);
  const User bob = fixture.UserNamed("bob");
  const WorldCounts before = fixture.store->Counts();

  const ArtifactView created =
      Must(fixture.store->CreateArtifact(SimpleBody("scoring", std::string(kScoring)), bob));

  CHECK(created.artifact.repository_id == kScoring);
  CHECK(NumArtifactsOf(*fixture.store, kScoring, bob) == 4);
  CHECK(fixture.store->Counts().repositories == before.repositories);
  CHECK(fixture.store->Counts().artifacts == before.artifacts + 1);
}

TEST_CASE("creating an artifact in an unknown repository is not found", "[domain]") {
  StoreFixture fixture(kLifecycleSeed);
  const User alice = fixture.UserNamed("alice");
  const WorldCounts before = fixture.store->Counts();

  const Result<ArtifactView> created = fixture.store->CreateArtifact(
      SimpleBody("scoring", std::string("e0000000000000000000ffff")), alice);

  REQUIRE_FALSE(created.ok());
  CHECK(CodeName(created.error().code()) == "NotFound");
  CHECK(created.error().message() == "Artifact repository not found.");
  CHECK(fixture.store->Counts().artifacts == before.artifacts);
  CHECK(fixture.store->Counts().repositories == before.repositories);
}

TEST_CASE("creating an artifact of another type is unprocessable",
          "[domain]") {
  StoreFixture fixture(kLifecycleSeed);
  const User alice = fixture.UserNamed("alice");
  const WorldCounts before = fixture.store->Counts();

  const Result<ArtifactView> created =
      fixture.store->CreateArtifact(SimpleBody("chat", std::string(kLlm)), alice);

  REQUIRE_FALSE(created.ok());
  CHECK(CodeName(created.error().code()) == "Unprocessable");
  CHECK(created.error().message() ==
        "Artifact type 'service' does not match the artifact repository type 'nim'");
  CHECK(fixture.store->Counts().artifacts == before.artifacts);
}

TEST_CASE("creating a locked artifact gives it version 1", "[domain]") {
  StoreFixture fixture;
  const User alice = fixture.UserNamed("alice");

  const ArtifactView created =
      Must(fixture.store->CreateArtifact(SimpleBody("churn", std::nullopt, "locked"), alice));

  CHECK(created.artifact.status == "locked");
  REQUIRE(created.artifact.version.has_value());
  CHECK(*created.artifact.version == 1);
  CHECK(LastVersionOf(*fixture.store, created.artifact.repository_id, alice) == 1);
}

TEST_CASE("creating a locked artifact in a repository continues its versions", "[domain]") {
  StoreFixture fixture(kLifecycleSeed);
  const User carol = fixture.UserNamed("carol");
  json body = NimBody("llama", std::string(kLlm));
  body["status"] = "locked";

  const ArtifactView created = Must(fixture.store->CreateArtifact(body, carol));

  REQUIRE(created.artifact.version.has_value());
  CHECK(*created.artifact.version == 8);
  CHECK(LastVersionOf(*fixture.store, kLlm, carol) == 8);
}

TEST_CASE("creating a locked artifact that needs a build stores nothing", "[domain]") {
  StoreFixture fixture;
  const User alice = fixture.UserNamed("alice");
  const json body = ServiceBody("churn", json::array({BuildContainer("api", "cat-1", "ver-1")}),
                                std::nullopt, "locked");

  const Result<ArtifactView> created = fixture.store->CreateArtifact(body, alice);

  REQUIRE_FALSE(created.ok());
  CHECK(CodeName(created.error().code()) == "Unprocessable");
  CHECK(created.error().message() == kUnbuiltMessage);
  CHECK(fixture.store->Counts().artifacts == 0);
  CHECK(fixture.store->Counts().repositories == 0);
}

TEST_CASE("a build reference sent on create is dropped", "[domain]") {
  StoreFixture fixture;
  const User alice = fixture.UserNamed("alice");
  json body = SimpleBody("churn");
  body["spec"]["containerGroups"][0]["containers"][0]["build"] = {
      {"artifactImageBuildId", "0123456789abcdef01234567"}, {"status", "COMPLETED"},
      {"createdAt", "2026-01-01T00:00:00.000000Z"}};

  const ArtifactView created = Must(fixture.store->CreateArtifact(body, alice));

  CHECK(ContainerNamed(created.artifact.spec, "app").at("build").is_null());
}

// ---------------------------------------------------------------------------
// Lock

TEST_CASE("locking drafts gives them consecutive versions in lock order", "[domain]") {
  StoreFixture fixture;
  const User alice = fixture.UserNamed("alice");
  const ArtifactView first = Must(fixture.store->CreateArtifact(SimpleBody("churn"), alice));
  const std::string repository_id = first.artifact.repository_id;
  const ArtifactView second =
      Must(fixture.store->CreateArtifact(SimpleBody("churn", repository_id), alice));
  const ArtifactView third =
      Must(fixture.store->CreateArtifact(SimpleBody("churn", repository_id), alice));

  const json lock = {{"status", "locked"}};
  const ArtifactView locked_second = Must(fixture.store->UpdateArtifact(second.artifact.id, lock, alice));
  const ArtifactView locked_first = Must(fixture.store->UpdateArtifact(first.artifact.id, lock, alice));
  const ArtifactView locked_third = Must(fixture.store->UpdateArtifact(third.artifact.id, lock, alice));

  CHECK(locked_second.artifact.version == std::optional<long long>(1));
  CHECK(locked_first.artifact.version == std::optional<long long>(2));
  CHECK(locked_third.artifact.version == std::optional<long long>(3));
  CHECK(locked_first.artifact.id == first.artifact.id);
  CHECK(locked_first.artifact.status == "locked");
  CHECK(LastVersionOf(*fixture.store, repository_id, alice) == 3);
}

TEST_CASE("locking continues from the seeded lastVersionNumber", "[domain]") {
  StoreFixture fixture(kLifecycleSeed);
  const User alice = fixture.UserNamed("alice");

  const ArtifactView locked =
      Must(fixture.store->UpdateArtifact(kTaggedDraft, {{"status", "locked"}}, alice));

  CHECK(locked.artifact.version == std::optional<long long>(2));
  CHECK(LastVersionOf(*fixture.store, kScoring, alice) == 2);
}

TEST_CASE("locking a draft with an unbuilt container is unprocessable", "[domain]") {
  StoreFixture fixture;
  const User alice = fixture.UserNamed("alice");
  const ArtifactView draft = Must(fixture.store->CreateArtifact(
      ServiceBody("churn", json::array({BuildContainer("api", "cat-1", "ver-1")})), alice));

  const Result<ArtifactView> locked =
      fixture.store->UpdateArtifact(draft.artifact.id, {{"status", "locked"}}, alice);

  REQUIRE_FALSE(locked.ok());
  CHECK(CodeName(locked.error().code()) == "Unprocessable");
  CHECK(locked.error().message() == kUnbuiltMessage);
  const ArtifactView stored = Must(fixture.store->GetArtifact(draft.artifact.id, alice));
  CHECK(stored.artifact.status == "draft");
  CHECK(LastVersionOf(*fixture.store, draft.artifact.repository_id, alice) == 0);
}

TEST_CASE("a patch can edit and lock at once", "[domain]") {
  StoreFixture fixture;
  const User alice = fixture.UserNamed("alice");
  const ArtifactView draft = Must(fixture.store->CreateArtifact(SimpleBody("churn"), alice));
  fixture.clock.Advance(5 * kSecond);

  const ArtifactView locked = Must(fixture.store->UpdateArtifact(
      draft.artifact.id, {{"name", "churn-final"}, {"status", "locked"}}, alice));

  CHECK(locked.artifact.name == "churn-final");
  CHECK(locked.artifact.version == std::optional<long long>(1));
  CHECK(locked.artifact.updated_at == kStart + 5 * kSecond);
}

// ---------------------------------------------------------------------------
// Patch and replace

TEST_CASE("patching a draft edits its name and description", "[domain]") {
  StoreFixture fixture;
  const User alice = fixture.UserNamed("alice");
  const ArtifactView draft = Must(fixture.store->CreateArtifact(SimpleBody("churn"), alice));
  fixture.clock.Advance(3 * kSecond);

  const ArtifactView patched = Must(fixture.store->UpdateArtifact(
      draft.artifact.id, ValidUpdate({{"name", "churn-v2"}, {"description", "Retrained."}}), alice));

  CHECK(patched.artifact.name == "churn-v2");
  CHECK(patched.artifact.description == "Retrained.");
  CHECK(patched.artifact.status == "draft");
  CHECK(patched.artifact.created_at == kStart);
  CHECK(patched.artifact.updated_at == kStart + 3 * kSecond);
  CHECK(patched.artifact.spec == draft.artifact.spec);
  CHECK(Must(fixture.store->GetArtifact(draft.artifact.id, alice)).artifact.name == "churn-v2");
}

TEST_CASE("patching the spec replaces containerGroups and keeps the rest", "[domain]") {
  StoreFixture fixture(kLifecycleSeed);
  const User carol = fixture.UserNamed("carol");
  const ArtifactView draft =
      Must(fixture.store->CreateArtifact(NimBody("llama", std::string(kLlm)), carol));
  const json update = ValidUpdate(
      {{"spec",
        {{"containerGroups",
          {{{"name", "serving"},
            {"containers", {ImageContainer("server", "nvcr.io/nim/llama:2")}}}}}}}});

  const ArtifactView patched = Must(fixture.store->UpdateArtifact(draft.artifact.id, update, carol));

  CHECK(ContainerNames(patched.artifact.spec) == "server");
  CHECK(patched.artifact.spec.at("containerGroups").size() == 1);
  CHECK(patched.artifact.spec.at("containerGroups")[0].at("name") == "serving");
  CHECK(patched.artifact.spec.at("type") == "nim");
  CHECK(patched.artifact.spec.at("templateId") == "69421a3b5c7d9e1f2a3b7e01");
  CHECK(patched.artifact.spec.at("storage") == draft.artifact.spec.at("storage"));
  CHECK(patched.artifact.spec.at("storage").at("pvcSize") == "50Gi");
}

TEST_CASE("patching a draft with status draft changes nothing", "[domain]") {
  StoreFixture fixture;
  const User alice = fixture.UserNamed("alice");
  const ArtifactView draft = Must(fixture.store->CreateArtifact(SimpleBody("churn"), alice));
  fixture.clock.Advance(3 * kSecond);

  const ArtifactView patched =
      Must(fixture.store->UpdateArtifact(draft.artifact.id, ValidUpdate({{"status", "draft"}}), alice));

  CHECK(patched.artifact.status == "draft");
  CHECK_FALSE(patched.artifact.version.has_value());
  CHECK(patched.artifact.updated_at == kStart);
  CHECK(patched.artifact.name == "churn");
}

TEST_CASE("patching a locked artifact is forbidden", "[domain]") {
  StoreFixture fixture(kLifecycleSeed);
  const User alice = fixture.UserNamed("alice");

  const Result<ArtifactView> patched =
      fixture.store->UpdateArtifact(kLockedInUse, {{"name", "renamed"}}, alice);

  REQUIRE_FALSE(patched.ok());
  CHECK(CodeName(patched.error().code()) == "Forbidden");
  CHECK(patched.error().message() == "Cannot update artifact: artifact is locked");
  CHECK(Must(fixture.store->GetArtifact(kLockedInUse, alice)).artifact.name == "scoring");
}

TEST_CASE("locking a locked artifact again is forbidden", "[domain]") {
  StoreFixture fixture(kLifecycleSeed);
  const User alice = fixture.UserNamed("alice");

  const Result<ArtifactView> patched =
      fixture.store->UpdateArtifact(kLockedInUse, {{"status", "locked"}}, alice);

  REQUIRE_FALSE(patched.ok());
  CHECK(CodeName(patched.error().code()) == "Forbidden");
  CHECK(patched.error().message() == "Cannot update artifact: artifact is locked");
  CHECK(LastVersionOf(*fixture.store, kScoring, alice) == 1);
}

TEST_CASE("replacing a locked artifact is forbidden", "[domain]") {
  StoreFixture fixture(kLifecycleSeed);
  const User alice = fixture.UserNamed("alice");

  const Result<ArtifactView> replaced =
      fixture.store->ReplaceArtifact(kLockedInUse, SimpleBody("renamed"), alice);

  REQUIRE_FALSE(replaced.ok());
  CHECK(CodeName(replaced.error().code()) == "Forbidden");
  CHECK(replaced.error().message() == "Cannot update artifact: artifact is locked");
}

TEST_CASE("patching or replacing an unknown artifact is not found", "[domain]") {
  StoreFixture fixture;
  const User alice = fixture.UserNamed("alice");

  const Result<ArtifactView> patched =
      fixture.store->UpdateArtifact("f0000000000000000000ffff", {{"name", "x"}}, alice);
  const Result<ArtifactView> replaced =
      fixture.store->ReplaceArtifact("f0000000000000000000ffff", SimpleBody("x"), alice);

  REQUIRE_FALSE(patched.ok());
  CHECK(CodeName(patched.error().code()) == "NotFound");
  CHECK(patched.error().message() == "Artifact not found");
  REQUIRE_FALSE(replaced.ok());
  CHECK(CodeName(replaced.error().code()) == "NotFound");
  CHECK(replaced.error().message() == "Artifact not found");
}

TEST_CASE("replacing a draft sets its name, description and spec", "[domain]") {
  StoreFixture fixture(kLifecycleSeed);
  const User alice = fixture.UserNamed("alice");
  fixture.clock.Advance(kSecond);
  json body = ServiceBody("scoring-next", json::array({ImageContainer("web", "registry.example.com/web:9")}));

  const ArtifactView replaced = Must(fixture.store->ReplaceArtifact(kTaggedDraft, body, alice));

  CHECK(replaced.artifact.id == kTaggedDraft);
  CHECK(replaced.artifact.name == "scoring-next");
  // The body gives no description, so the old one does not survive.
  CHECK(replaced.artifact.description == "");
  CHECK(ContainerNames(replaced.artifact.spec) == "web");
  CHECK(replaced.artifact.repository_id == kScoring);
  CHECK(replaced.artifact.status == "draft");
  CHECK(replaced.artifact.updated_at == kStart + kSecond);
  REQUIRE(replaced.artifact.tags.size() == 1);
  CHECK(replaced.artifact.tags[0].name == "team");
}

TEST_CASE("replacing a draft naming its own repository succeeds", "[domain]") {
  StoreFixture fixture(kLifecycleSeed);
  const User alice = fixture.UserNamed("alice");

  const Result<ArtifactView> replaced = fixture.store->ReplaceArtifact(
      kTaggedDraft, SimpleBody("scoring", std::string(kScoring)), alice);

  REQUIRE(replaced.ok());
  CHECK(replaced.value().artifact.repository_id == kScoring);
}

TEST_CASE("replacing a draft into another repository is unprocessable", "[domain]") {
  StoreFixture fixture;
  const User alice = fixture.UserNamed("alice");
  const ArtifactView draft = Must(fixture.store->CreateArtifact(SimpleBody("churn"), alice));
  const ArtifactView other = Must(fixture.store->CreateArtifact(SimpleBody("other"), alice));

  const Result<ArtifactView> replaced = fixture.store->ReplaceArtifact(
      draft.artifact.id, SimpleBody("churn", other.artifact.repository_id), alice);

  REQUIRE_FALSE(replaced.ok());
  CHECK(CodeName(replaced.error().code()) == "Unprocessable");
  CHECK(replaced.error().message() == "An artifact cannot be moved to another artifact repository");
  CHECK(Must(fixture.store->GetArtifact(draft.artifact.id, alice)).artifact.repository_id ==
        draft.artifact.repository_id);
}

TEST_CASE("replacing a draft with another type is unprocessable", "[domain]") {
  StoreFixture fixture(kLifecycleSeed);
  const User alice = fixture.UserNamed("alice");

  const Result<ArtifactView> replaced =
      fixture.store->ReplaceArtifact(kTaggedDraft, NimBody("scoring"), alice);

  REQUIRE_FALSE(replaced.ok());
  CHECK(CodeName(replaced.error().code()) == "Unprocessable");
  CHECK(replaced.error().message() ==
        "Artifact type 'nim' does not match the artifact repository type 'service'");
}

TEST_CASE("replacing a draft with status locked locks it", "[domain]") {
  StoreFixture fixture(kLifecycleSeed);
  const User alice = fixture.UserNamed("alice");

  const ArtifactView replaced = Must(fixture.store->ReplaceArtifact(
      kTaggedDraft, SimpleBody("scoring", std::nullopt, "locked"), alice));

  CHECK(replaced.artifact.status == "locked");
  CHECK(replaced.artifact.version == std::optional<long long>(2));
  CHECK(LastVersionOf(*fixture.store, kScoring, alice) == 2);
}

// ---------------------------------------------------------------------------
// Delete

TEST_CASE("deleting a draft removes it", "[domain]") {
  StoreFixture fixture(kLifecycleSeed);
  const User alice = fixture.UserNamed("alice");

  const Result<Done> deleted = fixture.store->DeleteArtifact(kTaggedDraft);

  REQUIRE(deleted.ok());
  const Result<ArtifactView> read = fixture.store->GetArtifact(kTaggedDraft, alice);
  REQUIRE_FALSE(read.ok());
  CHECK(CodeName(read.error().code()) == "NotFound");
  CHECK(read.error().message() == "Artifact not found");
  CHECK(NumArtifactsOf(*fixture.store, kScoring, alice) == 2);
}

TEST_CASE("deleting an unknown artifact is not found", "[domain]") {
  StoreFixture fixture;

  const Result<Done> deleted = fixture.store->DeleteArtifact("f0000000000000000000ffff");

  REQUIRE_FALSE(deleted.ok());
  CHECK(CodeName(deleted.error().code()) == "NotFound");
  CHECK(deleted.error().message() == "Artifact not found");
}

TEST_CASE("deleting a locked artifact is a conflict", "[domain]") {
  StoreFixture fixture;
  const User alice = fixture.UserNamed("alice");
  const ArtifactView locked =
      Must(fixture.store->CreateArtifact(SimpleBody("churn", std::nullopt, "locked"), alice));

  const Result<Done> deleted = fixture.store->DeleteArtifact(locked.artifact.id);

  REQUIRE_FALSE(deleted.ok());
  CHECK(CodeName(deleted.error().code()) == "Conflict");
  CHECK(deleted.error().message() == "Cannot delete artifact: artifact is locked");
  CHECK(fixture.store->GetArtifact(locked.artifact.id, alice).ok());
}

TEST_CASE("deleting a draft in use names the workloads", "[domain]") {
  StoreFixture fixture(kLifecycleSeed);
  const User alice = fixture.UserNamed("alice");

  const Result<Done> deleted = fixture.store->DeleteArtifact(kDraftInUse);

  REQUIRE_FALSE(deleted.ok());
  CHECK(CodeName(deleted.error().code()) == "Conflict");
  CHECK(deleted.error().message() ==
        "Cannot delete artifact: artifact is in use by workloads: 7a0000000000000000000003");
  CHECK(fixture.store->GetArtifact(kDraftInUse, alice).ok());
}

TEST_CASE("a workload conflict lists every workload in seed order", "[domain]") {
  StoreFixture fixture(kLifecycleSeed);
  World world = fixture.store->Snapshot();
  // Unlock the seeded version so that only its workloads block the delete.
  world.artifacts.at(kLockedInUse).status = kStatusDraft;
  world.artifacts.at(kLockedInUse).version.reset();
  fixture.store->Replace(world);

  const Result<Done> deleted = fixture.store->DeleteArtifact(kLockedInUse);

  REQUIRE_FALSE(deleted.ok());
  CHECK(CodeName(deleted.error().code()) == "Conflict");
  CHECK(deleted.error().message() ==
        "Cannot delete artifact: artifact is in use by workloads: 7a0000000000000000000001, "
        "7a0000000000000000000002");
}

TEST_CASE("deleting a draft deletes its builds", "[domain]") {
  StoreFixture fixture;
  const User alice = fixture.UserNamed("alice");
  const ArtifactView draft = Must(fixture.store->CreateArtifact(
      ServiceBody("churn", json::array({BuildContainer("api", "cat-1", "ver-1")})), alice));
  Must(fixture.store->TriggerBuild(draft.artifact.id, alice));
  REQUIRE(fixture.store->Counts().builds == 1);

  const Result<Done> deleted = fixture.store->DeleteArtifact(draft.artifact.id);

  REQUIRE(deleted.ok());
  CHECK(fixture.store->Counts().builds == 0);
}

// ---------------------------------------------------------------------------
// Clone

TEST_CASE("cloning a locked artifact gives a draft beside it", "[domain]") {
  StoreFixture fixture(kLifecycleSeed);
  const User bob = fixture.UserNamed("bob");
  fixture.clock.Advance(kSecond);
  const ArtifactView source = Must(fixture.store->GetArtifact(kLockedInUse, bob));

  const ArtifactView clone = Must(fixture.store->CloneArtifact(kLockedInUse, "scoring-copy", bob));

  CHECK(clone.artifact.id != kLockedInUse);
  CHECK(IsObjectId(clone.artifact.id));
  CHECK(clone.artifact.name == "scoring-copy");
  CHECK(clone.artifact.status == "draft");
  CHECK_FALSE(clone.artifact.version.has_value());
  CHECK(clone.artifact.repository_id == kScoring);
  CHECK(clone.artifact.type == "service");
  CHECK(clone.artifact.spec == source.artifact.spec);
  CHECK(clone.artifact.creator_id == bob.id);
  CHECK(clone.artifact.created_at == kStart + kSecond);
  CHECK(clone.artifact.used_by_workloads.empty());
  CHECK(NumArtifactsOf(*fixture.store, kScoring, bob) == 4);
  CHECK(LastVersionOf(*fixture.store, kScoring, bob) == 1);
}

TEST_CASE("cloning keeps the description and gives tags new ids", "[domain]") {
  StoreFixture fixture(kLifecycleSeed);
  const User alice = fixture.UserNamed("alice");

  const ArtifactView clone = Must(fixture.store->CloneArtifact(kTaggedDraft, "scoring-b", alice));

  CHECK(clone.artifact.description == "Next version.");
  REQUIRE(clone.artifact.tags.size() == 1);
  CHECK(clone.artifact.tags[0].name == "team");
  CHECK(clone.artifact.tags[0].value == "risk");
  CHECK(IsObjectId(clone.artifact.tags[0].id));
  CHECK(clone.artifact.tags[0].id != "7b0000000000000000000001");
  const ArtifactView source = Must(fixture.store->GetArtifact(kTaggedDraft, alice));
  REQUIRE(source.artifact.tags.size() == 1);
  CHECK(source.artifact.tags[0].id == "7b0000000000000000000001");
}

TEST_CASE("cloning an unknown artifact is not found", "[domain]") {
  StoreFixture fixture;
  const User alice = fixture.UserNamed("alice");

  const Result<ArtifactView> clone =
      fixture.store->CloneArtifact("f0000000000000000000ffff", "copy", alice);

  REQUIRE_FALSE(clone.ok());
  CHECK(CodeName(clone.error().code()) == "NotFound");
  CHECK(clone.error().message() == "Artifact not found");
}

TEST_CASE("getting an unknown artifact is not found", "[domain]") {
  StoreFixture fixture;
  const User alice = fixture.UserNamed("alice");

  const Result<ArtifactView> read = fixture.store->GetArtifact("art-1", alice);

  REQUIRE_FALSE(read.ok());
  CHECK(CodeName(read.error().code()) == "NotFound");
  CHECK(read.error().message() == "Artifact not found");
}

// ---------------------------------------------------------------------------
// Lists

// Four artifacts with ties on every sort key: scorer-v1 and scorer-v2 share a
// name, scorer-v2 and batch a createdAt, scorer-v2 and llama an updatedAt, and
// two artifacts share each status.
const char kListSeed[] = R"({
  "users": [
    {"id": "a00000000000000000000001", "username": "alice", "token": "alice-token"},
    {"id": "b00000000000000000000002", "username": "bob", "token": "bob-token"},
    {"id": "c00000000000000000000003", "username": "carol", "token": "carol-token"}
  ],
  "repositories": [
    {"id": "e00000000000000000000001", "name": "scoring", "createdBy": "alice",
     "artifacts": [
       {"id": "a1a000000000000000000001", "name": "fraud-scorer", "description": "Scores card payments",
        "status": "locked", "createdAt": "2026-02-01T09:00:00Z", "updatedAt": "2026-02-01T10:00:00Z",
        "tags": [{"name": "team", "value": "risk"}],
        "spec": {"containerGroups": [{"containers": [
          {"name": "api", "primary": true, "port": 8080, "imageUri": "registry.example.com/a:1"}]}]}},
       {"id": "a1a000000000000000000002", "name": "fraud-scorer", "createdBy": "bob",
        "createdAt": "2026-02-01T09:05:00Z", "updatedAt": "2026-02-01T09:30:00Z",
        "tags": [{"name": "stage", "value": "canary"}],
        "spec": {"containerGroups": [{"containers": [
          {"name": "api", "primary": true, "port": 8080, "imageUri": "registry.example.com/a:2"}]}]}},
       {"id": "a1a000000000000000000003", "name": "Batch Job", "description": "Nightly FRAUD report",
        "createdAt": "2026-02-01T09:05:00Z", "updatedAt": "2026-02-01T11:00:00Z",
        "tags": [{"name": "team", "value": "ml"}],
        "spec": {"containerGroups": [{"containers": [
          {"name": "api", "primary": true, "port": 8080, "imageUri": "registry.example.com/a:3"}]}]}}
     ]},
    {"id": "e00000000000000000000002", "name": "llm", "type": "nim", "createdBy": "carol",
     "artifacts": [
       {"id": "a1a000000000000000000004", "name": "llama", "status": "locked",
        "createdAt": "2026-02-01T09:10:00Z", "updatedAt": "2026-02-01T09:30:00Z",
        "tags": [{"name": "team", "value": "risk"}, {"name": "stage", "value": "prod"}],
        "spec": {"containerGroups": [{"containers": [
          {"name": "nim", "primary": true, "port": 8000, "imageUri": "nvcr.io/nim/llama:1"}]}]}}
     ]}
  ]
})";

// Short labels for the artifacts of kListSeed, in page order.
std::string Labels(const Page<ArtifactView>& page) {
  std::string labels;
  for (const auto& view : page.items) {
    const char last = view.artifact.id.back();
    const std::string label = last == '1'   ? "scorer-v1"
                              : last == '2' ? "scorer-v2"
                              : last == '3' ? "batch"
                              : last == '4' ? "llama"
                                            : view.artifact.id;
    labels += labels.empty() ? label : "," + label;
  }
  return labels;
}

// Oldest first, so that filter results read in seed order.
ListQuery OldestFirst() {
  ListQuery query;
  query.order_by = "createdAt";
  query.limit = kMaxPageLimit;
  return query;
}

TEST_CASE("listing artifacts without filters returns all, newest first", "[domain]") {
  StoreFixture fixture(kListSeed);

  const Page<ArtifactView> page = fixture.store->ListArtifacts(ListQuery{}, fixture.UserNamed("alice"));

  CHECK(Labels(page) == "llama,batch,scorer-v2,scorer-v1");
  CHECK(page.total == 4);
}

TEST_CASE("listing artifacts filters by creator", "[domain]") {
  StoreFixture fixture(kListSeed);
  ListQuery by_bob = OldestFirst();
  by_bob.created_by = {"b00000000000000000000002"};
  ListQuery by_alice_or_carol = OldestFirst();
  by_alice_or_carol.created_by = {"a00000000000000000000001", "c00000000000000000000003"};

  const User alice = fixture.UserNamed("alice");
  const Page<ArtifactView> bob_page = fixture.store->ListArtifacts(by_bob, alice);
  const Page<ArtifactView> either_page = fixture.store->ListArtifacts(by_alice_or_carol, alice);

  CHECK(Labels(bob_page) == "scorer-v2");
  CHECK(Labels(either_page) == "scorer-v1,batch,llama");
  CHECK(either_page.total == 3);
}

TEST_CASE("listing artifacts filters by ids", "[domain]") {
  StoreFixture fixture(kListSeed);
  ListQuery query = OldestFirst();
  query.ids = {"a1a000000000000000000003", "a1a000000000000000000001", "a1a00000000000000000ffff"};

  const Page<ArtifactView> page = fixture.store->ListArtifacts(query, fixture.UserNamed("alice"));

  CHECK(Labels(page) == "scorer-v1,batch");
}

TEST_CASE("artifact search ignores case in name, description and id", "[domain]") {
  StoreFixture fixture(kListSeed);
  const User alice = fixture.UserNamed("alice");
  const auto search = [&](const std::string& text) {
    ListQuery query = OldestFirst();
    query.search = text;
    return Labels(fixture.store->ListArtifacts(query, alice));
  };

  CHECK(search("FRAUD") == "scorer-v1,scorer-v2,batch");
  CHECK(search("card PAYMENTS") == "scorer-v1");
  CHECK(search("batch j") == "batch");
  CHECK(search("0000004") == "llama");
  CHECK(search("A1A000000000000000000002") == "scorer-v2");
  CHECK(search("") == "scorer-v1,scorer-v2,batch,llama");
  CHECK(search("nothing like it") == "");
}

TEST_CASE("listing artifacts filters by tag keys and tag values", "[domain]") {
  StoreFixture fixture(kListSeed);
  const User alice = fixture.UserNamed("alice");
  const auto list = [&](std::vector<std::string> keys, std::vector<std::string> values) {
    ListQuery query = OldestFirst();
    query.tag_keys = std::move(keys);
    query.tag_values = std::move(values);
    return Labels(fixture.store->ListArtifacts(query, alice));
  };

  CHECK(list({"team"}, {}) == "scorer-v1,batch,llama");
  CHECK(list({"stage"}, {}) == "scorer-v2,llama");
  CHECK(list({}, {"risk"}) == "scorer-v1,llama");
  CHECK(list({}, {"canary", "ml"}) == "scorer-v2,batch");
  // Key and value may match different tags of the same artifact.
  CHECK(list({"stage"}, {"risk"}) == "llama");
  CHECK(list({"owner"}, {}) == "");
}

TEST_CASE("listing artifacts filters by type, status and repository", "[domain]") {
  StoreFixture fixture(kListSeed);
  const User alice = fixture.UserNamed("alice");
  ListQuery nim = OldestFirst();
  nim.types = {"nim"};
  ListQuery locked = OldestFirst();
  locked.statuses = {"locked"};
  ListQuery drafts = OldestFirst();
  drafts.statuses = {"draft"};
  ListQuery in_scoring = OldestFirst();
  in_scoring.repository_ids = {"e00000000000000000000001"};

  CHECK(Labels(fixture.store->ListArtifacts(nim, alice)) == "llama");
  CHECK(Labels(fixture.store->ListArtifacts(locked, alice)) == "scorer-v1,llama");
  CHECK(Labels(fixture.store->ListArtifacts(drafts, alice)) == "scorer-v2,batch");
  CHECK(Labels(fixture.store->ListArtifacts(in_scoring, alice)) == "scorer-v1,scorer-v2,batch");
}

TEST_CASE("artifact filters combine with AND", "[domain]") {
  StoreFixture fixture(kListSeed);
  ListQuery query = OldestFirst();
  query.statuses = {"draft"};
  query.created_by = {"a00000000000000000000001"};
  query.search = "fraud";

  const Page<ArtifactView> page = fixture.store->ListArtifacts(query, fixture.UserNamed("alice"));

  CHECK(Labels(page) == "batch");
  CHECK(page.total == 1);
}

TEST_CASE("artifacts sort by every orderBy with ties broken by id", "[domain]") {
  StoreFixture fixture(kListSeed);
  const User alice = fixture.UserNamed("alice");
  const auto sorted = [&](const std::string& order_by) {
    ListQuery query;
    query.order_by = order_by;
    return Labels(fixture.store->ListArtifacts(query, alice));
  };

  CHECK(sorted("createdAt") == "scorer-v1,scorer-v2,batch,llama");
  CHECK(sorted("-createdAt") == "llama,batch,scorer-v2,scorer-v1");
  // Names compare byte by byte, so the capitalised name sorts first.
  CHECK(sorted("name") == "batch,scorer-v1,scorer-v2,llama");
  CHECK(sorted("-name") == "llama,scorer-v2,scorer-v1,batch");
  CHECK(sorted("updatedAt") == "scorer-v2,llama,scorer-v1,batch");
  CHECK(sorted("-updatedAt") == "batch,scorer-v1,llama,scorer-v2");
  CHECK(sorted("status") == "scorer-v2,batch,scorer-v1,llama");
  CHECK(sorted("-status") == "llama,scorer-v1,batch,scorer-v2");
}

TEST_CASE("an artifact page slices and counts all matches", "[domain]") {
  StoreFixture fixture(kListSeed);
  const User alice = fixture.UserNamed("alice");
  ListQuery middle = OldestFirst();
  middle.offset = 1;
  middle.limit = 2;
  ListQuery last = OldestFirst();
  last.offset = 3;
  last.limit = 2;
  ListQuery past_end = OldestFirst();
  past_end.offset = 10;

  const Page<ArtifactView> middle_page = fixture.store->ListArtifacts(middle, alice);
  const Page<ArtifactView> last_page = fixture.store->ListArtifacts(last, alice);
  const Page<ArtifactView> past_end_page = fixture.store->ListArtifacts(past_end, alice);

  CHECK(Labels(middle_page) == "scorer-v2,batch");
  CHECK(middle_page.total == 4);
  CHECK(Labels(last_page) == "llama");
  CHECK(last_page.total == 4);
  CHECK(past_end_page.items.empty());
  CHECK(past_end_page.total == 4);
}

// ---------------------------------------------------------------------------
// Permissions in views

TEST_CASE("an artifact view carries the caller's permissions", "[domain]") {
  const std::string seed = R"({
    "users": [
      {"username": "alice", "token": "alice-token"},
      {"username": "bob", "token": "bob-token"},
      {"username": "carol", "token": "carol-token"}
    ],
    "repositories": [{"id": "e00000000000000000000001", "name": "scoring", "createdBy": "alice",
      "sharedRoles": [{"username": "alice", "role": "OWNER"}, {"username": "bob", "role": "EDITOR"}],
      "artifacts": [{"id": "f00000000000000000000001", "name": "scoring",
        "spec": {"containerGroups": [{"containers": [
          {"name": "api", "primary": true, "port": 8080, "imageUri": "registry.example.com/a:1"}]}]}}]}]
  })";
  StoreFixture fixture(seed);

  const ArtifactView as_bob =
      Must(fixture.store->GetArtifact("f00000000000000000000001", fixture.UserNamed("bob")));
  const ArtifactView as_carol =
      Must(fixture.store->GetArtifact("f00000000000000000000001", fixture.UserNamed("carol")));

  CHECK(as_bob.permissions == std::vector<std::string>{"CAN_VIEW", "CAN_UPDATE", "CAN_SHARE",
                                                       "CAN_MAKE_PREDICTIONS",
                                                       "CAN_SHARE_ROLE_READ_WRITE",
                                                       "CAN_SHARE_ROLE_READ_ONLY"});
  // A caller without a role sees the owner's permissions.
  CHECK(as_carol.permissions == PermissionsForRole("OWNER"));
}

// ---------------------------------------------------------------------------
// Concurrency

TEST_CASE("concurrent locks in one repository give versions 1 to N", "[domain]") {
  StoreFixture fixture;
  const User alice = fixture.UserNamed("alice");
  const std::string repository_id =
      Must(fixture.store->CreateArtifact(SimpleBody("shared"), alice)).artifact.repository_id;
  constexpr int kThreads = 8;
  constexpr int kLocksPerThread = 25;
  std::vector<std::vector<long long>> versions(kThreads);
  std::vector<std::string> failures(kThreads);

  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < kLocksPerThread; ++i) {
        // Half the locks come from creating locked, half from a later PATCH,
        // so both paths race for the same counter.
        Result<ArtifactView> locked =
            i % 2 == 0
                ? fixture.store->CreateArtifact(SimpleBody("shared", repository_id, "locked"), alice)
                : fixture.store->CreateArtifact(SimpleBody("shared", repository_id), alice);
        if (locked.ok() && !locked.value().artifact.locked()) {
          locked = fixture.store->UpdateArtifact(locked.value().artifact.id, {{"status", "locked"}},
                                                 alice);
        }
        if (!locked.ok()) {
          failures[t] = locked.error().message();
          return;
        }
        versions[t].push_back(locked.value().artifact.version.value_or(-1));
      }
    });
  }
  for (auto& thread : threads) thread.join();

  std::vector<long long> all;
  for (int t = 0; t < kThreads; ++t) {
    CHECK(failures[t] == "");
    all.insert(all.end(), versions[t].begin(), versions[t].end());
  }
  std::sort(all.begin(), all.end());
  std::vector<long long> expected(kThreads * kLocksPerThread);
  for (size_t i = 0; i < expected.size(); ++i) expected[i] = static_cast<long long>(i) + 1;
  CHECK(all == expected);
  CHECK(LastVersionOf(*fixture.store, repository_id, alice) == kThreads * kLocksPerThread);
  CHECK(NumArtifactsOf(*fixture.store, repository_id, alice) == kThreads * kLocksPerThread + 1);
}

}  // namespace
}  // namespace emulator::domain
