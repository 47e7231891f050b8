// The seed loader: the built-in world, generated ids and timestamps, and the
// problems reported for broken seed files.
#include <algorithm>
#include <fstream>
#include <map>
#include <optional>
#include <set>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "domain/id_generator.h"
#include "domain/model.h"
#include "domain/timestamp.h"
#include "seed/seed_loader.h"

namespace emulator::seed {
namespace {

using domain::BuildStatus;
using domain::Timestamp;

constexpr Timestamp kMinute = 60 * domain::kMicrosPerSecond;

SeedLoadResult Load(const std::string& text) { return LoadSeed(text, "test.json"); }

std::string ReadTestFile(const std::string& relative_path) {
  const std::string path = std::string(TEST_DATA_DIR) + "/" + relative_path;
  std::ifstream stream(path);
  if (!stream) throw std::runtime_error("cannot open test seed " + path);
  std::stringstream text;
  text << stream.rdbuf();
  return text.str();
}

// All problems on one line each, so that a failed check shows them all.
std::string Problems(const SeedLoadResult& result) {
  std::string joined;
  for (const auto& problem : result.problems) joined += problem + "\n";
  return joined;
}

Timestamp Time(const std::string& rfc3339) { return *domain::ParseRfc3339(rfc3339); }

const domain::Repository& RepositoryNamed(const domain::World& world, const std::string& name) {
  for (const auto& [id, repository] : world.repositories) {
    if (repository.name == name) return repository;
  }
  throw std::runtime_error("no repository named " + name);
}

std::vector<const domain::Artifact*> ArtifactsOf(const domain::World& world,
                                                 const domain::Repository& repository) {
  std::vector<const domain::Artifact*> artifacts;
  for (const auto& [id, artifact] : world.artifacts) {
    if (artifact.repository_id == repository.id) artifacts.push_back(&artifact);
  }
  return artifacts;
}

// Every id of the world in a fixed order, tags included.
std::vector<std::string> AllIds(const domain::World& world) {
  std::vector<std::string> ids;
  for (const auto& user : world.users) ids.push_back(user.id);
  for (const auto& [id, repository] : world.repositories) {
    ids.push_back(id);
    for (const auto& tag : repository.tags) ids.push_back(tag.id);
  }
  for (const auto& [id, artifact] : world.artifacts) {
    ids.push_back(id);
    for (const auto& tag : artifact.tags) ids.push_back(tag.id);
  }
  for (const auto& [id, build] : world.builds) ids.push_back(id);
  return ids;
}

// A small seed with no ids and no timestamps, so that the loader generates all of them.
const char kSeedWithoutIds[] = R"({
  "users": [{"username": "alice", "token": "alice-token"}],
  "repositories": [{
    "name": "scoring",
    "createdBy": "alice",
    "tags": [{"name": "team", "value": "risk"}],
    "artifacts": [
      {"name": "scoring", "status": "locked",
       "spec": {"containerGroups": [{"containers": [
         {"name": "api", "primary": true, "port": 8080, "imageUri": "registry.example.com/scoring:1"}]}]}},
      {"name": "scoring",
       "spec": {"containerGroups": [{"containers": [
         {"name": "api", "primary": true, "port": 8080,
          "imageBuildConfig": {"codeRef": {"datarobot": {"catalogId": "c1", "catalogVersionId": "v1"}}}}]}]},
       "builds": [{"catalogId": "c1", "catalogVersionId": "v1", "containerNames": ["api"]}]}
    ]
  }]
})";

// The spec of a one-container service artifact that passes validation.
const char kValidSpec[] =
    R"({"containerGroups": [{"containers": [)"
    R"({"name": "api", "primary": true, "port": 8080, "imageUri": "registry.example.com/api:1"}]}]})";

// A seed with one user and one repository holding `artifacts` (a JSON array).
std::string SeedWithArtifacts(const std::string& artifacts) {
  return R"({"users": [{"username": "alice", "token": "alice-token"}],
             "repositories": [{"name": "r", "createdBy": "alice", "artifacts": )" +
         artifacts + "}]}";
}

}  // namespace

// The built-in world.

TEST_CASE("built-in seed loads without problems", "[seed]") {
  const SeedLoadResult result = LoadDefaultSeed();

  INFO(Problems(result));
  CHECK(result.problems.empty());
  CHECK(result.world.has_value());
}

TEST_CASE("built-in seed has three users with tokens", "[seed]") {
  const domain::World world = *LoadDefaultSeed().world;

  REQUIRE(world.users.size() == 3);
  for (const std::string name : {"alice", "bob", "carol"}) {
    const domain::User* user = world.FindUserByUsername(name);
    REQUIRE(user != nullptr);
    CHECK(user->token == name + "-token");
    CHECK(user->full_name.has_value());
    CHECK(user->email.has_value());
    REQUIRE(user->userhash.has_value());
    CHECK(user->userhash->size() == 32);
    CHECK(user->userhash->find_first_not_of("0123456789abcdef") == std::string::npos);
  }
}

TEST_CASE("built-in seed has five repositories of both types", "[seed]") {
  const domain::World world = *LoadDefaultSeed().world;

  CHECK(world.repositories.size() == 5);
  CHECK(world.artifacts.size() == 13);
  std::set<std::string> types;
  for (const auto& [id, repository] : world.repositories) {
    types.insert(repository.type);
    CHECK(repository.num_artifacts ==
          static_cast<long long>(ArtifactsOf(world, repository).size()));
  }
  CHECK(types == std::set<std::string>{"nim", "service"});
  for (const auto& [id, artifact] : world.artifacts) {
    INFO(artifact.id);
    CHECK(artifact.spec.at("type") == artifact.type);
    CHECK_FALSE(artifact.spec.at("containerGroups").empty());
  }
}

TEST_CASE("built-in seed has a build in every status", "[seed]") {
  const domain::World world = *LoadDefaultSeed().world;

  std::set<std::string> statuses;
  for (const auto& [id, build] : world.builds) {
    REQUIRE(build.pinned_status.has_value());
    statuses.insert(domain::BuildStatusName(*build.pinned_status));

    const domain::Artifact& artifact = world.artifacts.at(build.artifact_id);
    CHECK_FALSE(artifact.locked());
    CHECK(artifact.type == "service");
  }
  CHECK(statuses == std::set<std::string>{"BUILT", "CANCELLED", "COMPLETED", "FAILED",
                                          "IN_PROGRESS", "PENDING", "UNKNOWN"});
}

TEST_CASE("built-in seed has locked versions and a draft", "[seed]") {
  const domain::World world = *LoadDefaultSeed().world;
  const domain::Repository& repository = RepositoryNamed(world, "fraud-scoring-service");

  std::set<long long> versions;
  int drafts = 0;
  for (const domain::Artifact* artifact : ArtifactsOf(world, repository)) {
    if (artifact->locked()) {
      versions.insert(*artifact->version);
    } else {
      CHECK_FALSE(artifact->version.has_value());
      drafts += 1;
    }
  }
  CHECK(versions == std::set<long long>{1, 2, 3});
  CHECK(drafts == 1);
  CHECK(repository.last_version_number == 3);
}

TEST_CASE("built-in seed shares two repositories with several users", "[seed]") {
  const domain::World world = *LoadDefaultSeed().world;

  int shared = 0;
  for (const auto& [id, repository] : world.repositories) {
    if (repository.shared_roles.size() > 1) shared += 1;
    for (const auto& role : repository.shared_roles) CHECK(role.recipient_type == "user");
  }
  CHECK(shared >= 2);
}

TEST_CASE("built-in seed has an artifact in use", "[seed]") {
  const domain::World world = *LoadDefaultSeed().world;

  const bool any_in_use = std::any_of(world.artifacts.begin(), world.artifacts.end(),
                                      [](const auto& item) {
                                        return !item.second.used_by_workloads.empty();
                                      });
  CHECK(any_in_use);
}

TEST_CASE("built-in seed has a nim with dedicated storage", "[seed]") {
  const domain::World world = *LoadDefaultSeed().world;

  const bool any_dedicated_nim = std::any_of(
      world.artifacts.begin(), world.artifacts.end(), [](const auto& item) {
        const nlohmann::json& spec = item.second.spec;
        return item.second.type == "nim" && spec.at("templateId").is_string() &&
               spec.at("storage").is_object() &&
               spec.at("storage").value("mode", "") == "dedicatedPvc" &&
               spec.at("storage").value("pvcSize", nlohmann::json()) == "50Gi";
      });
  CHECK(any_dedicated_nim);
}

TEST_CASE("built-in seed fixes every id and timestamp in 2026", "[seed]") {
  const domain::World world = *LoadDefaultSeed().world;
  const Timestamp start_of_2026 = Time("2026-01-01T00:00:00Z");
  const Timestamp start_of_2027 = Time("2027-01-01T00:00:00Z");

  // Not one id was generated, so every id comes from the file.
  CHECK(world.ids.generated() == 0);
  for (const auto& [id, repository] : world.repositories) {
    CHECK(repository.created_at >= start_of_2026);
    CHECK(repository.updated_at >= repository.created_at);
    CHECK(repository.updated_at < start_of_2027);
  }
  for (const auto& [id, artifact] : world.artifacts) {
    CHECK(artifact.created_at >= start_of_2026);
    CHECK(artifact.updated_at >= artifact.created_at);
    CHECK(artifact.updated_at < start_of_2027);
  }
  for (const auto& [id, build] : world.builds) {
    CHECK(build.created_at >= start_of_2026);
    CHECK(build.pinned_updated_at >= build.created_at);
    CHECK(build.pinned_updated_at < start_of_2027);
  }
}

// Generated ids and timestamps.

TEST_CASE("generated ids are 24 hex digits and repeat across loads", "[seed]") {
  const SeedLoadResult first = Load(kSeedWithoutIds);
  const SeedLoadResult second = Load(kSeedWithoutIds);
  REQUIRE(first.world);
  REQUIRE(second.world);

  const std::vector<std::string> ids = AllIds(*first.world);
  CHECK(ids.size() == 6);
  for (const auto& id : ids) CHECK(domain::IsObjectId(id));
  CHECK(std::set<std::string>(ids.begin(), ids.end()).size() == ids.size());
  CHECK(ids == AllIds(*second.world));
}

TEST_CASE("generated ids depend on idSeed", "[seed]") {
  std::string with_other_seed = kSeedWithoutIds;
  with_other_seed.insert(1, R"("idSeed": 42,)");

  const SeedLoadResult default_seed = Load(kSeedWithoutIds);
  const SeedLoadResult other_seed = Load(with_other_seed);
  REQUIRE(default_seed.world);
  REQUIRE(other_seed.world);

  CHECK(default_seed.world->ids.seed() == 1);
  CHECK(other_seed.world->ids.seed() == 42);
  CHECK(AllIds(*default_seed.world) != AllIds(*other_seed.world));
}

TEST_CASE("generated ids skip ids the file gives later", "[seed]") {
  // The id that the generator would hand out first goes to the repository.
  const std::string first_generated = domain::IdGenerator(1).Next();
  const SeedLoadResult result = Load(R"({
    "users": [{"username": "alice", "token": "alice-token"}],
    "repositories": [{"id": ")" + first_generated + R"(", "name": "r", "createdBy": "alice"}]
  })");
  REQUIRE(result.world);

  const domain::User& alice = result.world->users.at(0);
  CHECK(alice.id != first_generated);
  CHECK(domain::IsObjectId(alice.id));
  CHECK(result.world->repositories.count(first_generated) == 1);
}

TEST_CASE("missing timestamps count minutes from the epoch", "[seed]") {
  std::string with_epoch = kSeedWithoutIds;
  with_epoch.insert(1, R"("epoch": "2026-02-01T08:00:00Z",)");

  const SeedLoadResult result = Load(with_epoch);
  REQUIRE(result.world);
  const domain::World& world = *result.world;
  const Timestamp epoch = Time("2026-02-01T08:00:00Z");

  CHECK(world.epoch == epoch);
  const domain::Repository& repository = RepositoryNamed(world, "scoring");
  CHECK(repository.created_at == epoch);
  CHECK(repository.updated_at == repository.created_at);
  std::vector<Timestamp> artifact_times;
  for (const domain::Artifact* artifact : ArtifactsOf(world, repository)) {
    artifact_times.push_back(artifact->created_at);
    CHECK(artifact->updated_at == artifact->created_at);
  }
  std::sort(artifact_times.begin(), artifact_times.end());
  CHECK(artifact_times == std::vector<Timestamp>{epoch + kMinute, epoch + 2 * kMinute});
  REQUIRE(world.builds.size() == 1);
  CHECK(world.builds.begin()->second.created_at == epoch + 3 * kMinute);
}

TEST_CASE("epoch defaults to 2026-01-01 at 09:00 UTC", "[seed]") {
  const SeedLoadResult result = Load(kSeedWithoutIds);
  REQUIRE(result.world);

  CHECK(result.world->epoch == Time("2026-01-01T09:00:00Z"));
  CHECK(RepositoryNamed(*result.world, "scoring").created_at == Time("2026-01-01T09:00:00Z"));
}

TEST_CASE("entries with a createdAt still take their minute", "[seed]") {
  const SeedLoadResult result = Load(SeedWithArtifacts(
      R"([{"name": "given", "createdAt": "2026-06-01T12:00:00Z", "spec": )" +
      std::string(kValidSpec) + R"(}, {"name": "generated", "spec": )" + kValidSpec + "}]"));
  REQUIRE(result.world);

  for (const auto& [id, artifact] : result.world->artifacts) {
    if (artifact.name == "given") CHECK(artifact.created_at == Time("2026-06-01T12:00:00Z"));
    // The repository took the epoch and the first artifact the next minute.
    if (artifact.name == "generated") CHECK(artifact.created_at == Time("2026-01-01T09:02:00Z"));
  }
}

// Versions, builds, roles and behaviour.

TEST_CASE("locked artifacts without a version take the next number", "[seed]") {
  const SeedLoadResult result = Load(SeedWithArtifacts(
      R"([{"name": "a", "status": "locked", "version": 4, "spec": )" + std::string(kValidSpec) +
      R"(}, {"name": "b", "status": "locked", "spec": )" + kValidSpec +
      R"(}, {"name": "c", "spec": )" + kValidSpec + "}]"));
  REQUIRE(result.world);

  std::map<std::string, std::optional<long long>> versions;
  for (const auto& [id, artifact] : result.world->artifacts) versions[artifact.name] = artifact.version;
  CHECK(versions.at("a") == 4);
  CHECK(versions.at("b") == 5);
  CHECK_FALSE(versions.at("c").has_value());
  CHECK(RepositoryNamed(*result.world, "r").last_version_number == 5);
}

TEST_CASE("lastVersionNumber may be above the highest locked version", "[seed]") {
  const SeedLoadResult result = Load(R"({
    "users": [{"username": "alice", "token": "alice-token"}],
    "repositories": [{"name": "r", "createdBy": "alice", "lastVersionNumber": 7}]
  })");
  REQUIRE(result.world);

  CHECK(RepositoryNamed(*result.world, "r").last_version_number == 7);
}

TEST_CASE("builds without a status follow the lifecycle from createdAt", "[seed]") {
  const SeedLoadResult result = Load(kSeedWithoutIds);
  REQUIRE(result.world);
  REQUIRE(result.world->builds.size() == 1);
  const domain::Build& build = result.world->builds.begin()->second;

  CHECK_FALSE(build.pinned_status.has_value());
  CHECK(build.name == "scoring:v1");
  CHECK(build.creator_id == result.world->users.at(0).id);
  CHECK(build.container_names == std::vector<std::string>{"api"});
  CHECK(build.catalog_id == "c1");
}

TEST_CASE("builds with a status keep it from their updatedAt", "[seed]") {
  const SeedLoadResult result = Load(SeedWithArtifacts(
      R"([{"name": "a", "spec": )" + std::string(kValidSpec) + R"(, "builds": [
           {"status": "FAILED", "createdAt": "2026-03-01T10:00:00Z",
            "updatedAt": "2026-03-01T10:05:00Z"},
           {"status": "BUILT", "createdAt": "2026-03-02T10:00:00Z"}]}])"));
  REQUIRE(result.world);

  std::map<Timestamp, const domain::Build*> by_creation;
  for (const auto& [id, build] : result.world->builds) by_creation[build.created_at] = &build;
  const domain::Build& failed = *by_creation.at(Time("2026-03-01T10:00:00Z"));
  const domain::Build& built = *by_creation.at(Time("2026-03-02T10:00:00Z"));
  CHECK(failed.pinned_status == BuildStatus::kFailed);
  CHECK(failed.pinned_updated_at == Time("2026-03-01T10:05:00Z"));
  CHECK(built.pinned_status == BuildStatus::kBuilt);
  CHECK(built.pinned_updated_at == built.created_at);
}

TEST_CASE("repository without sharedRoles is owned by its creator", "[seed]") {
  const SeedLoadResult result = Load(kSeedWithoutIds);
  REQUIRE(result.world);
  const domain::Repository& repository = RepositoryNamed(*result.world, "scoring");

  REQUIRE(repository.shared_roles.size() == 1);
  CHECK(repository.shared_roles[0].name == "alice");
  CHECK(repository.shared_roles[0].role == "OWNER");
  CHECK(repository.shared_roles[0].recipient_type == "user");
}

TEST_CASE("behaviour switches are read and default when absent", "[seed]") {
  const SeedLoadResult defaults = Load(R"({})");
  const SeedLoadResult custom = Load(R"({
    "behaviour": {
      "buildDurations": {"pendingSeconds": 0.5, "inProgressSeconds": 10, "builtSeconds": 0},
      "cascadeLockedOnRepositoryDelete": true,
      "validationErrorStyle": "pathMessageCode",
      "extraArtifactTypes": ["agent"],
      "registryHost": "registry.test:5000"
    }
  })");
  REQUIRE(defaults.world);
  REQUIRE(custom.world);

  const domain::Behaviour& fallback = defaults.world->behaviour;
  CHECK(fallback.pending_duration == 1 * domain::kMicrosPerSecond);
  CHECK(fallback.in_progress_duration == 3 * domain::kMicrosPerSecond);
  CHECK(fallback.built_duration == 1 * domain::kMicrosPerSecond);
  CHECK_FALSE(fallback.cascade_locked_on_repository_delete);
  CHECK(fallback.validation_error_style == "reference");
  CHECK(fallback.extra_artifact_types.empty());
  CHECK(fallback.registry_host == "registry.emulator.local");

  const domain::Behaviour& set = custom.world->behaviour;
  CHECK(set.pending_duration == domain::kMicrosPerSecond / 2);
  CHECK(set.in_progress_duration == 10 * domain::kMicrosPerSecond);
  CHECK(set.built_duration == 0);
  CHECK(set.cascade_locked_on_repository_delete);
  CHECK(set.validation_error_style == "pathMessageCode");
  CHECK(set.extra_artifact_types == std::vector<std::string>{"agent"});
  CHECK(set.registry_host == "registry.test:5000");
}

// Problems, each reported as "<source>: <JSON pointer>: <what is wrong>".

TEST_CASE("invalid JSON is reported at the root", "[seed]") {
  const SeedLoadResult result = Load(R"({"users": [)");

  REQUIRE(result.problems.size() == 1);
  CHECK_THAT(result.problems[0], Catch::StartsWith("test.json: /: the file is not valid JSON ("));
  CHECK_FALSE(result.world.has_value());
}

TEST_CASE("a root that is not an object is reported", "[seed]") {
  const SeedLoadResult result = Load(R"([])");

  CHECK(Problems(result) == "test.json: /: expected a JSON object, found array\n");
}

TEST_CASE("unknown keys are reported with the keys expected", "[seed]") {
  const SeedLoadResult result = Load(R"({"user": []})");

  CHECK(Problems(result) ==
        "test.json: /user: unknown key; expected one of: idSeed, idCounter, epoch, behaviour, "
        "users, repositories, scenarios\n");
}

TEST_CASE("unknown keys deep in an artifact are reported", "[seed]") {
  const SeedLoadResult result = Load(SeedWithArtifacts(
      R"([{"name": "a", "spec": )" + std::string(kValidSpec) + R"(, "builds": [{"colour": "red"}]}])"));

  CHECK_THAT(Problems(result),
             Catch::StartsWith("test.json: /repositories/0/artifacts/0/builds/0/colour: unknown key; "
                               "expected one of: id, name, status,"));
}

TEST_CASE("a repository without a name is reported", "[seed]") {
  const SeedLoadResult result = Load(R"({
    "users": [{"username": "alice", "token": "alice-token"}],
    "repositories": [{"createdBy": "alice"}]
  })");

  CHECK(Problems(result) == "test.json: /repositories/0/name: missing; a string is required\n");
  CHECK_FALSE(result.world.has_value());
}

TEST_CASE("a user without a token is reported", "[seed]") {
  const SeedLoadResult result = Load(R"({"users": [{"username": "alice"}]})");

  CHECK(Problems(result) == "test.json: /users/0/token: missing; a string is required\n");
}

TEST_CASE("an id that is not 24 lowercase hex digits is reported", "[seed]") {
  const SeedLoadResult result =
      Load(R"({"users": [{"id": "65C4E2A0F1B3D5E7A9C10A01", "username": "alice", "token": "t"}]})");

  CHECK(Problems(result) ==
        "test.json: /users/0/id: '65C4E2A0F1B3D5E7A9C10A01' is not an id of 24 lowercase hex "
        "digits; leave it out to have one generated\n");
}

TEST_CASE("an id used twice is reported at its second use", "[seed]") {
  const SeedLoadResult result = Load(R"({
    "users": [{"id": "695f3c10a4e2b7d8c9f10101", "username": "alice", "token": "alice-token"}],
    "repositories": [{"id": "695f3c10a4e2b7d8c9f10101", "name": "r", "createdBy": "alice"}]
  })");

  CHECK(Problems(result) ==
        "test.json: /repositories/0/id: id '695f3c10a4e2b7d8c9f10101' is used more than once\n");
}

TEST_CASE("a username used twice is reported", "[seed]") {
  const SeedLoadResult result = Load(R"({"users": [
    {"username": "alice", "token": "t1"}, {"username": "alice", "token": "t2"}]})");

  CHECK(Problems(result) ==
        "test.json: /users/1/username: username 'alice' is used by another user\n");
}

TEST_CASE("a token used twice is reported without showing it", "[seed]") {
  const SeedLoadResult result = Load(R"({"users": [
    {"username": "alice", "token": "shared"}, {"username": "bob", "token": "shared"}]})");

  CHECK(Problems(result) == "test.json: /users/1/token: the token is used by another user\n");
}

TEST_CASE("an unknown username is reported where it is used", "[seed]") {
  const SeedLoadResult result = Load(R"({
    "users": [{"username": "alice", "token": "alice-token"}],
    "repositories": [{"name": "r", "createdBy": "dave",
                      "sharedRoles": [{"username": "erin", "role": "READ_ONLY"}]}]
  })");

  CHECK(Problems(result) ==
        "test.json: /repositories/0/createdBy: no user with username 'dave' in /users\n"
        "test.json: /repositories/0/sharedRoles/0/username: no user with username 'erin' in "
        "/users\n");
}

TEST_CASE("an unknown sharing role or recipient type is reported", "[seed]") {
  const SeedLoadResult result = Load(R"({
    "users": [{"username": "alice", "token": "alice-token"}],
    "repositories": [{"name": "r", "createdBy": "alice",
                      "sharedRoles": [{"username": "alice", "role": "SUPERUSER",
                                       "shareRecipientType": "team"}]}]
  })");

  CHECK(Problems(result) ==
        "test.json: /repositories/0/sharedRoles/0/role: 'SUPERUSER' is not a SharingRole\n"
        "test.json: /repositories/0/sharedRoles/0/shareRecipientType: 'team' is not a "
        "SubjectType\n");
}

TEST_CASE("an unknown repository type is reported", "[seed]") {
  const SeedLoadResult result = Load(R"({
    "users": [{"username": "alice", "token": "alice-token"}],
    "repositories": [{"name": "r", "type": "agent", "createdBy": "alice"}]
  })");

  CHECK(Problems(result) ==
        "test.json: /repositories/0/type: 'agent' is not an artifact type; use service or nim, "
        "or add it to /behaviour/extraArtifactTypes\n");
}

TEST_CASE("an unknown artifact status is reported", "[seed]") {
  const SeedLoadResult result = Load(
      SeedWithArtifacts(R"([{"name": "a", "status": "published", "spec": )" +
                        std::string(kValidSpec) + "}]"));

  CHECK(Problems(result) ==
        "test.json: /repositories/0/artifacts/0/status: 'published' is not a status; use draft "
        "or locked\n");
}

TEST_CASE("a draft with a version is reported", "[seed]") {
  const SeedLoadResult result = Load(
      SeedWithArtifacts(R"([{"name": "a", "version": 2, "spec": )" + std::string(kValidSpec) + "}]"));

  CHECK(Problems(result) ==
        "test.json: /repositories/0/artifacts/0/version: only locked artifacts have a version\n");
}

TEST_CASE("a version below 1 is reported", "[seed]") {
  const SeedLoadResult result = Load(SeedWithArtifacts(
      R"([{"name": "a", "status": "locked", "version": 0, "spec": )" + std::string(kValidSpec) +
      "}]"));

  CHECK(Problems(result) == "test.json: /repositories/0/artifacts/0/version: must be at least 1\n");
}

TEST_CASE("lastVersionNumber below a locked version is reported", "[seed]") {
  const SeedLoadResult result = Load(R"({
    "users": [{"username": "alice", "token": "alice-token"}],
    "repositories": [{"name": "r", "createdBy": "alice", "lastVersionNumber": 1, "artifacts": [
      {"name": "a", "status": "locked", "version": 2, "spec": )" + std::string(kValidSpec) + R"(}]}]
  })");

  CHECK(Problems(result) ==
        "test.json: /repositories/0/lastVersionNumber: is lower than the version of one of its "
        "locked artifacts (2)\n");
}

TEST_CASE("an unknown build status is reported", "[seed]") {
  const SeedLoadResult result = Load(SeedWithArtifacts(
      R"([{"name": "a", "spec": )" + std::string(kValidSpec) + R"(, "builds": [{"status": "DONE"}]}])"));

  CHECK(Problems(result) ==
        "test.json: /repositories/0/artifacts/0/builds/0/status: 'DONE' is not a build status; "
        "use PENDING, IN_PROGRESS, BUILT, COMPLETED, CANCELLED, FAILED or UNKNOWN\n");
}

TEST_CASE("a timestamp that is not RFC 3339 is reported", "[seed]") {
  const SeedLoadResult result = Load(R"({"epoch": "2026-01-01 09:00"})");

  CHECK(Problems(result) ==
        "test.json: /epoch: '2026-01-01 09:00' is not an RFC 3339 timestamp such as "
        "2026-01-01T09:00:00Z\n");
}

TEST_CASE("an unknown validation error style is reported", "[seed]") {
  const SeedLoadResult result = Load(R"({"behaviour": {"validationErrorStyle": "xml"}})");

  CHECK(Problems(result) ==
        "test.json: /behaviour/validationErrorStyle: 'xml' is not a style; use reference or "
        "pathMessageCode\n");
}

TEST_CASE("a negative build duration is reported", "[seed]") {
  const SeedLoadResult result =
      Load(R"({"behaviour": {"buildDurations": {"builtSeconds": -1}}})");

  CHECK_THAT(Problems(result),
             Catch::StartsWith("test.json: /behaviour/buildDurations/builtSeconds: must be at least 0"));
}

TEST_CASE("an artifact without a spec is reported", "[seed]") {
  const SeedLoadResult result = Load(SeedWithArtifacts(R"([{"name": "a"}])"));

  CHECK(Problems(result) ==
        "test.json: /repositories/0/artifacts/0/spec: missing; an artifact spec is required\n");
}

TEST_CASE("an invalid spec is reported under the spec's pointer", "[seed]") {
  const SeedLoadResult result = Load(SeedWithArtifacts(R"([{"name": "a", "spec":
    {"containerGroups": [{"containers": [{"name": "api", "primary": true, "imageUri": "x"}]}]}}])"));

  REQUIRE(result.problems.size() == 1);
  CHECK_THAT(result.problems[0],
             Catch::StartsWith("test.json: /repositories/0/artifacts/0/spec/") &&
                 Catch::EndsWith(": Value error, A primary container must define a port"));
}

TEST_CASE("an invalid spec is reported at its exact JSON pointer", "[seed]") {
  // The validator's loc names the union member it tried ("service",
  // "StringEnvironmentVariable"), which is not a key of the file.
  const SeedLoadResult result = Load(SeedWithArtifacts(R"([{"name": "a", "spec":
    {"containerGroups": [{"containers": [{"name": "api", "primary": true, "imageUri": "x"}]}]}}])"));

  CHECK(Problems(result) ==
        "test.json: /repositories/0/artifacts/0/spec/containerGroups/0/containers/0: Value "
        "error, A primary container must define a port\n");
}

TEST_CASE("every problem of a file is reported in one pass", "[seed]") {
  const SeedLoadResult result = Load(ReadTestFile("seeds/several_problems.json"));

  CHECK(Problems(result) ==
        "test.json: /idSeed: must be at least 0\n"
        "test.json: /users/1/username: missing; a string is required\n"
        "test.json: /repositories/0/createdAt: 'yesterday' is not an RFC 3339 timestamp such as "
        "2026-01-01T09:00:00Z\n"
        "test.json: /repositories/0/artifacts/0/tags/0/value: missing; a string is required\n"
        "test.json: /repositories/0/artifacts/1/status: 'archived' is not a status; use draft or "
        "locked\n");
  CHECK_FALSE(result.world.has_value());
}

// Gaps in the loader: each test states the behaviour a seed author would expect.

TEST_CASE("an empty artifact name is reported", "[seed]") {
  // The API rejects an empty name (minLength 1), but the loader validates the
  // spec under a placeholder name when the name is empty.
  const SeedLoadResult result =
      Load(SeedWithArtifacts(R"([{"name": "", "spec": )" + std::string(kValidSpec) + "}]"));

  CHECK_FALSE(result.problems.empty());
}

TEST_CASE("two locked artifacts with one version are reported", "[seed]") {
  const SeedLoadResult result = Load(SeedWithArtifacts(
      R"([{"name": "a", "status": "locked", "version": 1, "spec": )" + std::string(kValidSpec) +
      R"(}, {"name": "b", "status": "locked", "version": 1, "spec": )" + kValidSpec + "}]"));

  CHECK_FALSE(result.problems.empty());
}

TEST_CASE("an empty token is reported", "[seed]") {
  // Authentication rejects an empty bearer token, so such a user can never sign in.
  const SeedLoadResult result = Load(R"({"users": [{"username": "alice", "token": ""}]})");

  CHECK_FALSE(result.problems.empty());
}

TEST_CASE("artifacts of an extra artifact type load", "[seed]") {
  // The spec is validated as an InputArtifact, whose type allows only service
  // and nim, so the repository loads but none of its artifacts can.
  const SeedLoadResult result = Load(R"({
    "behaviour": {"extraArtifactTypes": ["agent"]},
    "users": [{"username": "alice", "token": "alice-token"}],
    "repositories": [{"name": "r", "type": "agent", "createdBy": "alice",
                      "artifacts": [{"name": "a", "spec": )" + std::string(kValidSpec) + R"(}]}]
  })");

  INFO(Problems(result));
  CHECK(result.problems.empty());
}

TEST_CASE("an unknown repository creator is reported once", "[seed]") {
  // Artifacts without createdBy fall back to the repository's creator. When
  // that creator is unknown, each of them is also reported as missing createdBy.
  const SeedLoadResult result = Load(R"({
    "users": [{"username": "alice", "token": "alice-token"}],
    "repositories": [{"name": "r", "createdBy": "dave",
                      "artifacts": [{"name": "a", "spec": )" + std::string(kValidSpec) + R"(}]}]
  })");

  CHECK(Problems(result) ==
        "test.json: /repositories/0/createdBy: no user with username 'dave' in /users\n");
}

}  // namespace emulator::seed
