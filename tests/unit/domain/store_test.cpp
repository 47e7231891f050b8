// Whole-world operations of the store: reset, snapshot, replace, counts and
// token lookup.
#include <string>

#include <catch2/catch.hpp>

#include "domain/store.h"
#include "store_test_support.h"

namespace emulator::domain {
namespace {

using namespace testing;  // NOLINT: test helpers only

const char kSeed[] = R"({
  "behaviour": {"registryHost": "registry.test", "cascadeLockedOnRepositoryDelete": true},
  "users": [{"id": "a00000000000000000000001", "username": "alice", "token": "alice-token"}],
  "repositories": [{"id": "e00000000000000000000001", "name": "scoring", "createdBy": "alice", "artifacts": [
    {"id": "f00000000000000000000001", "name": "scoring",
     "spec": {"containerGroups": [{"containers": [
       {"name": "api", "primary": true, "port": 8080, "imageUri": "registry.example.com/a:1"}]}]}}]}]
})";

TEST_CASE("a store finds users by token", "[domain]") {
  StoreFixture fixture(kSeed);

  const std::optional<User> alice = fixture.store->FindUserByToken("alice-token");
  const std::optional<User> nobody = fixture.store->FindUserByToken("bob-token");

  REQUIRE(alice.has_value());
  CHECK(alice->username == "alice");
  CHECK_FALSE(nobody.has_value());
}

TEST_CASE("a store counts its resources", "[domain]") {
  StoreFixture fixture(kSeed);

  const WorldCounts counts = fixture.store->Counts();

  CHECK(counts.users == 1);
  CHECK(counts.repositories == 1);
  CHECK(counts.artifacts == 1);
  CHECK(counts.builds == 0);
}

TEST_CASE("a store reports the seed's behaviour", "[domain]") {
  StoreFixture fixture(kSeed);

  const Behaviour behaviour = fixture.store->behaviour();

  CHECK(behaviour.registry_host == "registry.test");
  CHECK(behaviour.cascade_locked_on_repository_delete);
  CHECK(behaviour.pending_duration == kSecond);
}

TEST_CASE("reset returns to the initial world", "[domain]") {
  StoreFixture fixture(kSeed);
  const User alice = fixture.UserNamed("alice");
  const ArtifactView created = Must(fixture.store->CreateArtifact(SimpleBody("churn"), alice));
  Must(fixture.store->DeleteArtifact("f00000000000000000000001"));

  fixture.store->Reset();

  CHECK(fixture.store->Counts().repositories == 1);
  CHECK(fixture.store->Counts().artifacts == 1);
  CHECK(fixture.store->GetArtifact("f00000000000000000000001", alice).ok());
  CHECK_FALSE(fixture.store->GetArtifact(created.artifact.id, alice).ok());
}

TEST_CASE("reset restarts the id sequence", "[domain]") {
  StoreFixture fixture(kSeed);
  const User alice = fixture.UserNamed("alice");
  const ArtifactView before = Must(fixture.store->CreateArtifact(SimpleBody("churn"), alice));

  fixture.store->Reset();
  const ArtifactView after = Must(fixture.store->CreateArtifact(SimpleBody("churn"), alice));

  CHECK(after.artifact.id == before.artifact.id);
  CHECK(after.artifact.repository_id == before.artifact.repository_id);
}

TEST_CASE("a snapshot does not change with the store", "[domain]") {
  StoreFixture fixture(kSeed);
  const User alice = fixture.UserNamed("alice");

  const World snapshot = fixture.store->Snapshot();
  Must(fixture.store->CreateArtifact(SimpleBody("churn"), alice));

  CHECK(snapshot.artifacts.size() == 1);
  CHECK(snapshot.repositories.size() == 1);
  CHECK(fixture.store->Counts().artifacts == 2);
}

TEST_CASE("replace installs a world that reset then undoes", "[domain]") {
  StoreFixture fixture(kSeed);
  const User alice = fixture.UserNamed("alice");
  World emptied = fixture.store->Snapshot();
  emptied.artifacts.clear();
  emptied.repositories.clear();

  fixture.store->Replace(emptied);
  const WorldCounts replaced = fixture.store->Counts();
  fixture.store->Reset();

  CHECK(replaced.repositories == 0);
  CHECK(replaced.artifacts == 0);
  CHECK(replaced.users == 1);
  CHECK(fixture.store->Counts().artifacts == 1);
  CHECK(fixture.store->GetArtifact("f00000000000000000000001", alice).ok());
}

TEST_CASE("a snapshot replaced later restores that state", "[domain]") {
  StoreFixture fixture(kSeed);
  const User alice = fixture.UserNamed("alice");
  const ArtifactView kept = Must(fixture.store->CreateArtifact(SimpleBody("kept"), alice));
  const World snapshot = fixture.store->Snapshot();
  Must(fixture.store->DeleteArtifact(kept.artifact.id));

  fixture.store->Replace(snapshot);

  CHECK(Must(fixture.store->GetArtifact(kept.artifact.id, alice)).artifact.name == "kept");
  const ArtifactView next = Must(fixture.store->CreateArtifact(SimpleBody("next"), alice));
  CHECK(next.artifact.id > kept.artifact.id);
}

}  // namespace
}  // namespace emulator::domain
