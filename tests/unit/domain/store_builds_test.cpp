// The image build rules of the store: triggering, the status walk on a
// virtual clock, scripted outcomes, seeded builds, deletes and logs.
#include <sstream>
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "domain/build_lifecycle.h"
#include "domain/store.h"
#include "store_test_support.h"

namespace emulator::domain {
namespace {

using namespace testing;  // NOLINT: test helpers only

const char kArtifactLockedMessage[] =
    "Cannot build artifact: artifact is locked; builds run only for draft artifacts";

// Creates a draft whose one container "api" builds from cat-1/ver-1.
ArtifactView CreateBuildable(StoreFixture& fixture, const User& caller,
                             const std::string& name = "churn") {
  return Must(fixture.store->CreateArtifact(
      ServiceBody(name, json::array({BuildContainer("api", "cat-1", "ver-1")})), caller));
}

// The status of a build after moving the clock to kStart + `offset`.
std::string StatusAt(StoreFixture& fixture, const std::string& artifact_id,
                     const std::string& build_id, Timestamp offset) {
  fixture.clock.SetVirtual(kStart + offset);
  return BuildStatusName(Must(fixture.store->GetBuild(artifact_id, build_id)).state.status);
}

std::vector<json> LogLines(const Store& store, const std::string& artifact_id,
                           const std::string& build_id) {
  const std::string log = Must(store.GetBuildLog(artifact_id, build_id));
  std::vector<json> lines;
  std::istringstream stream(log);
  for (std::string line; std::getline(stream, line);) lines.push_back(json::parse(line));
  return lines;
}

// The levelname and message of every log line, one "LEVEL message" per line.
std::string LogSummary(const Store& store, const std::string& artifact_id,
                       const std::string& build_id) {
  std::string summary;
  for (const json& line : LogLines(store, artifact_id, build_id)) {
    summary += line.at("levelname").get<std::string>() + " " +
               line.at("message").get<std::string>() + "\n";
  }
  return summary;
}

// ---------------------------------------------------------------------------
// Trigger

TEST_CASE("triggering a build on a locked artifact is unprocessable", "[domain]") {
  StoreFixture fixture;
  const User alice = fixture.UserNamed("alice");
  const ArtifactView locked =
      Must(fixture.store->CreateArtifact(SimpleBody("churn", std::nullopt, "locked"), alice));

  const Result<std::vector<std::string>> triggered =
      fixture.store->TriggerBuild(locked.artifact.id, alice);

  REQUIRE_FALSE(triggered.ok());
  CHECK(CodeName(triggered.error().code()) == "Unprocessable");
  CHECK(triggered.error().message() == kArtifactLockedMessage);
  CHECK(fixture.store->Counts().builds == 0);
}

TEST_CASE("triggering a build on a NIM artifact is unprocessable", "[domain]") {
  StoreFixture fixture;
  const User alice = fixture.UserNamed("alice");
  const ArtifactView nim = Must(fixture.store->CreateArtifact(NimBody("llama"), alice));

  const Result<std::vector<std::string>> triggered =
      fixture.store->TriggerBuild(nim.artifact.id, alice);

  REQUIRE_FALSE(triggered.ok());
  CHECK(CodeName(triggered.error().code()) == "Unprocessable");
  CHECK(triggered.error().message() ==
        "Cannot build artifact: image builds are available only for artifacts of type 'service'");
  CHECK(fixture.store->Counts().builds == 0);
}

TEST_CASE("triggering a build without a code reference is unprocessable", "[domain]") {
  StoreFixture fixture;
  const User alice = fixture.UserNamed("alice");
  const ArtifactView draft = Must(fixture.store->CreateArtifact(SimpleBody("churn"), alice));

  const Result<std::vector<std::string>> triggered =
      fixture.store->TriggerBuild(draft.artifact.id, alice);

  REQUIRE_FALSE(triggered.ok());
  CHECK(CodeName(triggered.error().code()) == "Unprocessable");
  CHECK(triggered.error().message() ==
        "Cannot build artifact: no container has an imageBuildConfig.codeRef to build from");
  CHECK(fixture.store->Counts().builds == 0);
}

TEST_CASE("triggering a build on an unknown artifact is not found", "[domain]") {
  StoreFixture fixture;

  const Result<std::vector<std::string>> triggered =
      fixture.store->TriggerBuild("f0000000000000000000ffff", fixture.UserNamed("alice"));

  REQUIRE_FALSE(triggered.ok());
  CHECK(CodeName(triggered.error().code()) == "NotFound");
  CHECK(triggered.error().message() == "Artifact not found");
}

TEST_CASE("a trigger starts one build per distinct catalog version", "[domain]") {
  StoreFixture fixture;
  const User alice = fixture.UserNamed("alice");
  const ArtifactView draft = Must(fixture.store->CreateArtifact(
      ServiceBody("churn", json::array({BuildContainer("api", "cat-1", "ver-1"),
                                        BuildContainer("worker", "cat-2", "ver-1", false),
                                        BuildContainer("exporter", "cat-1", "ver-1", false),
                                        BuildContainer("probe", "cat-1", "ver-2", false)})),
      alice));

  const std::vector<std::string> ids = Must(fixture.store->TriggerBuild(draft.artifact.id, alice));

  REQUIRE(ids.size() == 3);
  const BuildView first = Must(fixture.store->GetBuild(draft.artifact.id, ids[0]));
  const BuildView second = Must(fixture.store->GetBuild(draft.artifact.id, ids[1]));
  const BuildView third = Must(fixture.store->GetBuild(draft.artifact.id, ids[2]));
  CHECK(first.build.catalog_id == "cat-1");
  CHECK(first.build.catalog_version_id == "ver-1");
  CHECK(first.build.container_names == std::vector<std::string>{"api", "exporter"});
  CHECK(second.build.catalog_id == "cat-2");
  CHECK(second.build.container_names == std::vector<std::string>{"worker"});
  CHECK(third.build.catalog_version_id == "ver-2");
  CHECK(third.build.container_names == std::vector<std::string>{"probe"});
  CHECK(first.build.name == "churn:ver-1");
  CHECK(third.build.name == "churn:ver-2");
  CHECK(first.build.created_at == kStart);
  REQUIRE(first.creator.has_value());
  CHECK(first.creator->username == "alice");
}

TEST_CASE("each built container references its build", "[domain]") {
  StoreFixture fixture;
  const User alice = fixture.UserNamed("alice");
  const ArtifactView draft = Must(fixture.store->CreateArtifact(
      ServiceBody("churn", json::array({BuildContainer("api", "cat-1", "ver-1"),
                                        BuildContainer("worker", "cat-2", "ver-1", false),
                                        BuildContainer("exporter", "cat-1", "ver-1", false)})),
      alice));

  const std::vector<std::string> ids = Must(fixture.store->TriggerBuild(draft.artifact.id, alice));

  const json spec = Must(fixture.store->GetArtifact(draft.artifact.id, alice)).artifact.spec;
  const json expected_first = {{"artifactImageBuildId", ids[0]},
                               {"createdAt", "2026-03-01T12:00:00.000000Z"},
                               {"status", "PENDING"}};
  CHECK(ContainerNamed(spec, "api").at("build") == expected_first);
  CHECK(ContainerNamed(spec, "exporter").at("build") == expected_first);
  CHECK(ContainerNamed(spec, "worker").at("build").at("artifactImageBuildId") == ids[1]);
}

TEST_CASE("a new trigger cancels the running builds", "[domain]") {
  StoreFixture fixture;
  const User alice = fixture.UserNamed("alice");
  const ArtifactView draft = CreateBuildable(fixture, alice);
  const std::string first = Must(fixture.store->TriggerBuild(draft.artifact.id, alice))[0];
  fixture.clock.Advance(2 * kSecond);

  const std::string second = Must(fixture.store->TriggerBuild(draft.artifact.id, alice))[0];

  const BuildView superseded = Must(fixture.store->GetBuild(draft.artifact.id, first));
  CHECK(BuildStatusName(superseded.state.status) == std::string("CANCELLED"));
  CHECK(superseded.state.since == kStart + 2 * kSecond);
  CHECK(StatusAt(fixture, draft.artifact.id, second, 2 * kSecond) == "PENDING");
  CHECK(StatusAt(fixture, draft.artifact.id, first, 60 * kSecond) == "CANCELLED");
  CHECK(StatusAt(fixture, draft.artifact.id, second, 60 * kSecond) == "COMPLETED");
  const json spec = Must(fixture.store->GetArtifact(draft.artifact.id, alice)).artifact.spec;
  CHECK(ContainerNamed(spec, "api").at("build").at("artifactImageBuildId") == second);
}

TEST_CASE("a new trigger leaves finished builds as they are", "[domain]") {
  StoreFixture fixture;
  const User alice = fixture.UserNamed("alice");
  const ArtifactView draft = CreateBuildable(fixture, alice);
  const std::string first = Must(fixture.store->TriggerBuild(draft.artifact.id, alice))[0];
  fixture.clock.Advance(10 * kSecond);

  Must(fixture.store->TriggerBuild(draft.artifact.id, alice));

  const BuildView finished = Must(fixture.store->GetBuild(draft.artifact.id, first));
  CHECK(BuildStatusName(finished.state.status) == std::string("COMPLETED"));
  CHECK(finished.state.since == kStart + 5 * kSecond);
}

// ---------------------------------------------------------------------------
// Status walk

TEST_CASE("a build walks its statuses with the default durations", "[domain]") {
  StoreFixture fixture;
  const User alice = fixture.UserNamed("alice");
  const ArtifactView draft = CreateBuildable(fixture, alice);
  const std::string build = Must(fixture.store->TriggerBuild(draft.artifact.id, alice))[0];
  const std::string artifact = draft.artifact.id;

  CHECK(StatusAt(fixture, artifact, build, 0) == "PENDING");
  CHECK(StatusAt(fixture, artifact, build, kSecond - 1) == "PENDING");
  CHECK(StatusAt(fixture, artifact, build, kSecond) == "IN_PROGRESS");
  CHECK(StatusAt(fixture, artifact, build, 4 * kSecond - 1) == "IN_PROGRESS");
  CHECK(StatusAt(fixture, artifact, build, 4 * kSecond) == "BUILT");
  CHECK(StatusAt(fixture, artifact, build, 5 * kSecond - 1) == "BUILT");
  CHECK(StatusAt(fixture, artifact, build, 5 * kSecond) == "COMPLETED");
  CHECK(StatusAt(fixture, artifact, build, 3600 * kSecond) == "COMPLETED");
}

TEST_CASE("a build takes its durations from the behaviour", "[domain]") {
  StoreFixture fixture(R"({
    "behaviour": {"buildDurations": {"pendingSeconds": 2, "inProgressSeconds": 10, "builtSeconds": 0.5}},
    "users": [{"username": "alice", "token": "alice-token"}]
  })");
  const User alice = fixture.UserNamed("alice");
  const ArtifactView draft = CreateBuildable(fixture, alice);
  const std::string build = Must(fixture.store->TriggerBuild(draft.artifact.id, alice))[0];
  const std::string artifact = draft.artifact.id;

  CHECK(StatusAt(fixture, artifact, build, 2 * kSecond - 1) == "PENDING");
  CHECK(StatusAt(fixture, artifact, build, 2 * kSecond) == "IN_PROGRESS");
  CHECK(StatusAt(fixture, artifact, build, 12 * kSecond - 1) == "IN_PROGRESS");
  CHECK(StatusAt(fixture, artifact, build, 12 * kSecond) == "BUILT");
  CHECK(StatusAt(fixture, artifact, build, 12 * kSecond + kSecond / 2 - 1) == "BUILT");
  CHECK(StatusAt(fixture, artifact, build, 12 * kSecond + kSecond / 2) == "COMPLETED");
  const BuildView view = Must(fixture.store->GetBuild(artifact, build));
  CHECK(view.state.since == kStart + 12 * kSecond + kSecond / 2);
}

TEST_CASE("the container's build status follows the build", "[domain]") {
  StoreFixture fixture;
  const User alice = fixture.UserNamed("alice");
  const ArtifactView draft = CreateBuildable(fixture, alice);
  Must(fixture.store->TriggerBuild(draft.artifact.id, alice));
  const auto container_status = [&](Timestamp offset) {
    fixture.clock.SetVirtual(kStart + offset);
    const json spec = Must(fixture.store->GetArtifact(draft.artifact.id, alice)).artifact.spec;
    return ContainerNamed(spec, "api").at("build").at("status").get<std::string>();
  };

  CHECK(container_status(0) == "PENDING");
  CHECK(container_status(kSecond) == "IN_PROGRESS");
  CHECK(container_status(4 * kSecond) == "BUILT");
  CHECK(container_status(5 * kSecond) == "COMPLETED");
}

// ---------------------------------------------------------------------------
// Completion

TEST_CASE("a completed build gives its containers the built image", "[domain]") {
  StoreFixture fixture;
  const User alice = fixture.UserNamed("alice");
  const ArtifactView draft = Must(fixture.store->CreateArtifact(
      ServiceBody("churn", json::array({BuildContainer("api", "cat-1", "ver-1"),
                                        BuildContainer("exporter", "cat-1", "ver-1", false)})),
      alice));
  const std::string build = Must(fixture.store->TriggerBuild(draft.artifact.id, alice))[0];

  fixture.clock.Advance(4 * kSecond);
  const json built = Must(fixture.store->GetArtifact(draft.artifact.id, alice)).artifact.spec;
  fixture.clock.Advance(kSecond);
  const json completed = Must(fixture.store->GetArtifact(draft.artifact.id, alice)).artifact.spec;

  CHECK(ContainerNamed(built, "api").at("imageUri").is_null());
  CHECK(ContainerNamed(completed, "api").at("imageUri") ==
        "registry.emulator.local/" + draft.artifact.id + "/api:" + build);
  CHECK(ContainerNamed(completed, "exporter").at("imageUri") ==
        "registry.emulator.local/" + draft.artifact.id + "/exporter:" + build);
}

TEST_CASE("built images use the configured registry host", "[domain]") {
  StoreFixture fixture(R"({
    "behaviour": {"registryHost": "registry.test:5000"},
    "users": [{"username": "alice", "token": "alice-token"}]
  })");
  const User alice = fixture.UserNamed("alice");
  const ArtifactView draft = CreateBuildable(fixture, alice);
  const std::string build = Must(fixture.store->TriggerBuild(draft.artifact.id, alice))[0];

  fixture.clock.Advance(5 * kSecond);

  const json spec = Must(fixture.store->GetArtifact(draft.artifact.id, alice)).artifact.spec;
  CHECK(ContainerNamed(spec, "api").at("imageUri") ==
        "registry.test:5000/" + draft.artifact.id + "/api:" + build);
}

TEST_CASE("a draft can be locked once its build completes", "[domain]") {
  StoreFixture fixture;
  const User alice = fixture.UserNamed("alice");
  const ArtifactView draft = CreateBuildable(fixture, alice);
  const std::string build = Must(fixture.store->TriggerBuild(draft.artifact.id, alice))[0];
  fixture.clock.Advance(4 * kSecond);
  const Result<ArtifactView> too_early =
      fixture.store->UpdateArtifact(draft.artifact.id, {{"status", "locked"}}, alice);
  fixture.clock.Advance(kSecond);

  const Result<ArtifactView> locked =
      fixture.store->UpdateArtifact(draft.artifact.id, {{"status", "locked"}}, alice);

  REQUIRE_FALSE(too_early.ok());
  CHECK(CodeName(too_early.error().code()) == "Unprocessable");
  REQUIRE(locked.ok());
  CHECK(locked.value().artifact.version == std::optional<long long>(1));
  CHECK(ContainerNamed(locked.value().artifact.spec, "api").at("imageUri") ==
        "registry.emulator.local/" + draft.artifact.id + "/api:" + build);
}

TEST_CASE("a completed build keeps an image the client set", "[domain]") {
  StoreFixture fixture;
  const User alice = fixture.UserNamed("alice");
  json container = BuildContainer("api", "cat-1", "ver-1");
  container["imageUri"] = "docker.io/acme/churn:7";
  const ArtifactView draft =
      Must(fixture.store->CreateArtifact(ServiceBody("churn", json::array({container})), alice));
  Must(fixture.store->TriggerBuild(draft.artifact.id, alice));

  fixture.clock.Advance(5 * kSecond);

  const json spec = Must(fixture.store->GetArtifact(draft.artifact.id, alice)).artifact.spec;
  CHECK(ContainerNamed(spec, "api").at("build").at("status") == "COMPLETED");
  CHECK(ContainerNamed(spec, "api").at("imageUri") == "docker.io/acme/churn:7");
}

TEST_CASE("a newer build replaces an earlier build's image", "[domain]") {
  StoreFixture fixture;
  const User alice = fixture.UserNamed("alice");
  const ArtifactView draft = CreateBuildable(fixture, alice);
  Must(fixture.store->TriggerBuild(draft.artifact.id, alice));
  fixture.clock.Advance(5 * kSecond);
  // A patch stores the first build's image in the spec, where the second
  // build must find and replace it.
  Must(fixture.store->UpdateArtifact(draft.artifact.id, ValidUpdate({{"name", "churn-2"}}), alice));
  const std::string second = Must(fixture.store->TriggerBuild(draft.artifact.id, alice))[0];

  fixture.clock.Advance(5 * kSecond);

  const json spec = Must(fixture.store->GetArtifact(draft.artifact.id, alice)).artifact.spec;
  CHECK(ContainerNamed(spec, "api").at("imageUri") ==
        "registry.emulator.local/" + draft.artifact.id + "/api:" + second);
}

TEST_CASE("a patch keeps build references by container name",
          "[domain]") {
  StoreFixture fixture;
  const User alice = fixture.UserNamed("alice");
  const ArtifactView draft = CreateBuildable(fixture, alice);
  const std::string build = Must(fixture.store->TriggerBuild(draft.artifact.id, alice))[0];
  const json same_name = ValidUpdate(
      {{"spec",
        {{"containerGroups",
          {{{"containers", {BuildContainer("api", "cat-1", "ver-1"),
                            BuildContainer("sidecar", "cat-9", "ver-9", false)}}}}}}}});

  const ArtifactView patched = Must(fixture.store->UpdateArtifact(draft.artifact.id, same_name, alice));

  CHECK(ContainerNamed(patched.artifact.spec, "api").at("build").at("artifactImageBuildId") == build);
  CHECK(ContainerNamed(patched.artifact.spec, "sidecar").at("build").is_null());
}

TEST_CASE("a replace keeps build references by container name",
          "[domain]") {
  StoreFixture fixture;
  const User alice = fixture.UserNamed("alice");
  const ArtifactView draft = CreateBuildable(fixture, alice);
  const std::string build = Must(fixture.store->TriggerBuild(draft.artifact.id, alice))[0];

  const ArtifactView replaced = Must(fixture.store->ReplaceArtifact(
      draft.artifact.id,
      ServiceBody("churn", json::array({BuildContainer("api", "cat-1", "ver-1"),
                                        BuildContainer("other", "cat-1", "ver-1", false)})),
      alice));

  CHECK(ContainerNamed(replaced.artifact.spec, "api").at("build").at("artifactImageBuildId") == build);
  CHECK(ContainerNamed(replaced.artifact.spec, "other").at("build").is_null());
}

TEST_CASE("a clone keeps built images and drops build references", "[domain]") {
  StoreFixture fixture;
  const User alice = fixture.UserNamed("alice");
  const ArtifactView draft = CreateBuildable(fixture, alice);
  const std::string build = Must(fixture.store->TriggerBuild(draft.artifact.id, alice))[0];
  fixture.clock.Advance(5 * kSecond);

  const ArtifactView clone = Must(fixture.store->CloneArtifact(draft.artifact.id, "churn-copy", alice));

  const json& api = ContainerNamed(clone.artifact.spec, "api");
  CHECK(api.at("build").is_null());
  CHECK(api.at("imageUri") == "registry.emulator.local/" + draft.artifact.id + "/api:" + build);
  CHECK(api.at("imageBuildConfig") ==
        ContainerNamed(draft.artifact.spec, "api").at("imageBuildConfig"));
}

TEST_CASE("rebuilding a clone replaces the image it inherited", "[domain]") {
  StoreFixture fixture;
  const User alice = fixture.UserNamed("alice");
  const ArtifactView source = CreateBuildable(fixture, alice);
  Must(fixture.store->TriggerBuild(source.artifact.id, alice));
  fixture.clock.Advance(5 * kSecond);
  const ArtifactView clone = Must(fixture.store->CloneArtifact(source.artifact.id, "churn-copy", alice));
  const std::string rebuild = Must(fixture.store->TriggerBuild(clone.artifact.id, alice))[0];

  fixture.clock.Advance(5 * kSecond);

  const json spec = Must(fixture.store->GetArtifact(clone.artifact.id, alice)).artifact.spec;
  CHECK(ContainerNamed(spec, "api").at("build").at("status") == "COMPLETED");
  CHECK(ContainerNamed(spec, "api").at("imageUri") ==
        "registry.emulator.local/" + clone.artifact.id + "/api:" + rebuild);
}

// ---------------------------------------------------------------------------
// Outcomes

TEST_CASE("a build scripted to fail ends FAILED", "[domain]") {
  StoreFixture fixture;
  const User alice = fixture.UserNamed("alice");
  const ArtifactView draft = CreateBuildable(fixture, alice);
  BuildOutcome outcome;
  outcome.final_status = BuildStatus::kFailed;
  outcome.stop_during = BuildStatus::kInProgress;
  outcome.stop_after = 2 * kSecond;
  outcome.log_message = "step 3/7 exited with code 1";

  const std::string build = Must(fixture.store->TriggerBuild(draft.artifact.id, alice, outcome))[0];

  CHECK(StatusAt(fixture, draft.artifact.id, build, 3 * kSecond - 1) == "IN_PROGRESS");
  CHECK(StatusAt(fixture, draft.artifact.id, build, 3 * kSecond) == "FAILED");
  CHECK(StatusAt(fixture, draft.artifact.id, build, 3600 * kSecond) == "FAILED");
  CHECK(LogSummary(*fixture.store, draft.artifact.id, build) ==
        "INFO Build queued for catalog cat-1 version ver-1 (containers: api)\n"
        "INFO Build started: building image from catalog version ver-1\n"
        "ERROR Build failed: step 3/7 exited with code 1\n");
  const json spec = Must(fixture.store->GetArtifact(draft.artifact.id, alice)).artifact.spec;
  CHECK(ContainerNamed(spec, "api").at("build").at("status") == "FAILED");
  CHECK(ContainerNamed(spec, "api").at("imageUri").is_null());
}

TEST_CASE("a build scripted to be cancelled stops with CANCELLED", "[domain]") {
  StoreFixture fixture;
  const User alice = fixture.UserNamed("alice");
  const ArtifactView draft = CreateBuildable(fixture, alice);
  BuildOutcome outcome;
  outcome.final_status = BuildStatus::kCancelled;
  outcome.stop_during = BuildStatus::kPending;
  outcome.stop_after = kSecond / 2;
  outcome.log_message = "quota exceeded";

  const std::string build = Must(fixture.store->TriggerBuild(draft.artifact.id, alice, outcome))[0];

  CHECK(StatusAt(fixture, draft.artifact.id, build, kSecond / 2 - 1) == "PENDING");
  CHECK(StatusAt(fixture, draft.artifact.id, build, kSecond / 2) == "CANCELLED");
  CHECK(StatusAt(fixture, draft.artifact.id, build, 60 * kSecond) == "CANCELLED");
  CHECK(LogSummary(*fixture.store, draft.artifact.id, build) ==
        "INFO Build queued for catalog cat-1 version ver-1 (containers: api)\n"
        "WARNING Build cancelled: quota exceeded\n");
}

TEST_CASE("a build scripted to stall stays in its status", "[domain]") {
  StoreFixture fixture;
  const User alice = fixture.UserNamed("alice");
  const ArtifactView draft = CreateBuildable(fixture, alice);
  BuildOutcome outcome;
  outcome.stall = true;
  outcome.stop_during = BuildStatus::kBuilt;

  const std::string build = Must(fixture.store->TriggerBuild(draft.artifact.id, alice, outcome))[0];

  CHECK(StatusAt(fixture, draft.artifact.id, build, 4 * kSecond) == "BUILT");
  CHECK(StatusAt(fixture, draft.artifact.id, build, 86400 * kSecond) == "BUILT");
  const BuildView view = Must(fixture.store->GetBuild(draft.artifact.id, build));
  CHECK(view.state.since == kStart + 4 * kSecond);
}

TEST_CASE("a new trigger cancels a stalled build", "[domain]") {
  StoreFixture fixture;
  const User alice = fixture.UserNamed("alice");
  const ArtifactView draft = CreateBuildable(fixture, alice);
  BuildOutcome outcome;
  outcome.stall = true;
  const std::string stalled =
      Must(fixture.store->TriggerBuild(draft.artifact.id, alice, outcome))[0];
  fixture.clock.Advance(600 * kSecond);

  Must(fixture.store->TriggerBuild(draft.artifact.id, alice));

  CHECK(StatusAt(fixture, draft.artifact.id, stalled, 600 * kSecond) == "CANCELLED");
}

// ---------------------------------------------------------------------------
// Seeded builds

// One draft with a build for each pinned status, plus one without a status
// that started two seconds before kStart.
const char kSeededBuilds[] = R"({
  "users": [{"id": "a00000000000000000000001", "username": "alice", "token": "alice-token"}],
  "repositories": [{"id": "e00000000000000000000001", "name": "ocr", "createdBy": "alice", "artifacts": [
    {"id": "f00000000000000000000001", "name": "ocr",
     "spec": {"containerGroups": [{"containers": [
       {"name": "api", "primary": true, "port": 8080,
        "imageBuildConfig": {"codeRef": {"datarobot": {"catalogId": "cat-1", "catalogVersionId": "ver-1"}},
                             "dockerfile": {"source": "provided"}},
        "build": {"artifactImageBuildId": "d00000000000000000000001", "status": "PENDING",
                  "createdAt": "2026-02-01T10:00:00.000000Z"}}]}]},
     "builds": [
       {"id": "d00000000000000000000001", "status": "COMPLETED", "catalogId": "cat-1", "catalogVersionId": "ver-1",
        "containerNames": ["api"], "createdAt": "2026-02-01T10:00:00Z", "updatedAt": "2026-02-01T10:06:00Z"},
       {"id": "d00000000000000000000002", "status": "FAILED", "catalogId": "cat-1", "catalogVersionId": "ver-1",
        "containerNames": ["api"], "createdAt": "2026-02-01T09:00:00Z", "updatedAt": "2026-02-01T09:04:00Z"},
       {"id": "d00000000000000000000003", "status": "IN_PROGRESS", "catalogId": "cat-1", "catalogVersionId": "ver-1",
        "containerNames": ["api"], "createdAt": "2026-02-01T08:00:00Z", "updatedAt": "2026-02-01T08:01:00Z"},
       {"id": "d00000000000000000000004", "catalogId": "cat-1", "catalogVersionId": "ver-1",
        "containerNames": ["api"], "createdAt": "2026-03-01T11:59:58Z"}
     ]}]}]
})";

const char kSeededArtifact[] = "f00000000000000000000001";

TEST_CASE("a seeded build with a status keeps it", "[domain]") {
  StoreFixture fixture(kSeededBuilds);

  const std::string completed = StatusAt(fixture, kSeededArtifact, "d00000000000000000000001", 86400 * kSecond);
  const std::string failed = StatusAt(fixture, kSeededArtifact, "d00000000000000000000002", 86400 * kSecond);
  const std::string in_progress = StatusAt(fixture, kSeededArtifact, "d00000000000000000000003", 86400 * kSecond);

  CHECK(completed == "COMPLETED");
  CHECK(failed == "FAILED");
  CHECK(in_progress == "IN_PROGRESS");
  const BuildView view = Must(fixture.store->GetBuild(kSeededArtifact, "d00000000000000000000002"));
  CHECK(FormatRfc3339(view.state.since) == "2026-02-01T09:04:00.000000Z");
}

TEST_CASE("a seeded build's log shows earlier statuses", "[domain]") {
  StoreFixture fixture(kSeededBuilds);

  const std::vector<json> completed = LogLines(*fixture.store, kSeededArtifact, "d00000000000000000000001");
  const std::vector<json> failed = LogLines(*fixture.store, kSeededArtifact, "d00000000000000000000002");

  REQUIRE(completed.size() == 4);
  CHECK(completed[0].at("asctime") == "2026-02-01 10:00:00,000");
  CHECK(completed[2].at("message") ==
        "Image built and pushed: registry.emulator.local/f00000000000000000000001/api:"
        "d00000000000000000000001");
  CHECK(completed[3].at("asctime") == "2026-02-01 10:06:00,000");
  CHECK(completed[3].at("message") == "Build completed");
  REQUIRE(failed.size() == 3);
  CHECK(failed[1].at("message") == "Build started: building image from catalog version ver-1");
  CHECK(failed[2].at("levelname") == "ERROR");
  CHECK(failed[2].at("message") == "Build failed");
  CHECK(failed[2].at("asctime") == "2026-02-01 09:04:00,000");
}

TEST_CASE("a seeded build without a status progresses from its createdAt", "[domain]") {
  StoreFixture fixture(kSeededBuilds);

  const std::string now = StatusAt(fixture, kSeededArtifact, "d00000000000000000000004", 0);
  const std::string later = StatusAt(fixture, kSeededArtifact, "d00000000000000000000004", 3 * kSecond);

  CHECK(now == "IN_PROGRESS");
  CHECK(later == "COMPLETED");
}

TEST_CASE("a seeded build reference shows the build's status and image", "[domain]") {
  StoreFixture fixture(kSeededBuilds);

  const json spec =
      Must(fixture.store->GetArtifact(kSeededArtifact, fixture.UserNamed("alice"))).artifact.spec;

  CHECK(ContainerNamed(spec, "api").at("build").at("status") == "COMPLETED");
  CHECK(ContainerNamed(spec, "api").at("imageUri") ==
        "registry.emulator.local/f00000000000000000000001/api:d00000000000000000000001");
}

TEST_CASE("builds are listed newest first in pages", "[domain]") {
  StoreFixture fixture(kSeededBuilds);

  const Page<BuildView> first = Must(fixture.store->ListBuilds(kSeededArtifact, 0, 2));
  const Page<BuildView> rest = Must(fixture.store->ListBuilds(kSeededArtifact, 2, 10));

  REQUIRE(first.items.size() == 2);
  CHECK(first.items[0].build.id == "d00000000000000000000004");
  CHECK(first.items[1].build.id == "d00000000000000000000001");
  CHECK(first.total == 4);
  REQUIRE(rest.items.size() == 2);
  CHECK(rest.items[0].build.id == "d00000000000000000000002");
  CHECK(rest.items[1].build.id == "d00000000000000000000003");
}

TEST_CASE("builds of an unknown artifact are not found", "[domain]") {
  StoreFixture fixture(kSeededBuilds);

  const Result<Page<BuildView>> listed = fixture.store->ListBuilds("f0000000000000000000ffff", 0, 10);
  const Result<BuildView> read =
      fixture.store->GetBuild("f0000000000000000000ffff", "d00000000000000000000001");

  REQUIRE_FALSE(listed.ok());
  CHECK(CodeName(listed.error().code()) == "NotFound");
  CHECK(listed.error().message() == "Artifact not found");
  REQUIRE_FALSE(read.ok());
  CHECK(CodeName(read.error().code()) == "NotFound");
  CHECK(read.error().message() == "Artifact not found");
}

TEST_CASE("a build of another artifact is not found", "[domain]") {
  StoreFixture fixture(kSeededBuilds);
  const User alice = fixture.UserNamed("alice");
  const ArtifactView other = CreateBuildable(fixture, alice);

  const Result<BuildView> read = fixture.store->GetBuild(other.artifact.id, "d00000000000000000000001");
  const Result<std::string> log = fixture.store->GetBuildLog(other.artifact.id, "d00000000000000000000001");
  const Result<Done> deleted = fixture.store->DeleteBuild(other.artifact.id, "d00000000000000000000001");

  REQUIRE_FALSE(read.ok());
  CHECK(CodeName(read.error().code()) == "NotFound");
  CHECK(read.error().message() == "Build not found");
  REQUIRE_FALSE(log.ok());
  CHECK(CodeName(log.error().code()) == "NotFound");
  CHECK(log.error().message() == "Build not found");
  REQUIRE_FALSE(deleted.ok());
  CHECK(CodeName(deleted.error().code()) == "NotFound");
  CHECK(deleted.error().message() == "Build not found");
  CHECK(fixture.store->Counts().builds == 4);
}

// ---------------------------------------------------------------------------
// Delete

TEST_CASE("deleting a running build cancels it and keeps it listed", "[domain]") {
  StoreFixture fixture;
  const User alice = fixture.UserNamed("alice");
  const ArtifactView draft = CreateBuildable(fixture, alice);
  const std::string build = Must(fixture.store->TriggerBuild(draft.artifact.id, alice))[0];
  fixture.clock.Advance(2 * kSecond);

  const Result<Done> deleted = fixture.store->DeleteBuild(draft.artifact.id, build);

  REQUIRE(deleted.ok());
  CHECK(StatusAt(fixture, draft.artifact.id, build, 60 * kSecond) == "CANCELLED");
  CHECK(Must(fixture.store->GetBuild(draft.artifact.id, build)).state.since == kStart + 2 * kSecond);
  CHECK(Must(fixture.store->ListBuilds(draft.artifact.id, 0, 10)).total == 1);
  CHECK(LogSummary(*fixture.store, draft.artifact.id, build) ==
        "INFO Build queued for catalog cat-1 version ver-1 (containers: api)\n"
        "INFO Build started: building image from catalog version ver-1\n"
        "WARNING Build cancelled\n");
}

TEST_CASE("deleting a finished build removes it", "[domain]") {
  StoreFixture fixture;
  const User alice = fixture.UserNamed("alice");
  const ArtifactView draft = CreateBuildable(fixture, alice);
  const std::string build = Must(fixture.store->TriggerBuild(draft.artifact.id, alice))[0];
  fixture.clock.Advance(5 * kSecond);

  const Result<Done> deleted = fixture.store->DeleteBuild(draft.artifact.id, build);

  REQUIRE(deleted.ok());
  const Result<BuildView> read = fixture.store->GetBuild(draft.artifact.id, build);
  REQUIRE_FALSE(read.ok());
  CHECK(CodeName(read.error().code()) == "NotFound");
  CHECK(read.error().message() == "Build not found");
  CHECK(Must(fixture.store->ListBuilds(draft.artifact.id, 0, 10)).total == 0);
}

TEST_CASE("deleting a build of a locked artifact is unprocessable", "[domain]") {
  StoreFixture fixture;
  const User alice = fixture.UserNamed("alice");
  const ArtifactView draft = CreateBuildable(fixture, alice);
  const std::string build = Must(fixture.store->TriggerBuild(draft.artifact.id, alice))[0];
  fixture.clock.Advance(5 * kSecond);
  Must(fixture.store->UpdateArtifact(draft.artifact.id, {{"status", "locked"}}, alice));

  const Result<Done> deleted = fixture.store->DeleteBuild(draft.artifact.id, build);

  REQUIRE_FALSE(deleted.ok());
  CHECK(CodeName(deleted.error().code()) == "Unprocessable");
  CHECK(deleted.error().message() == "Cannot delete build: artifact is locked");
  CHECK(fixture.store->GetBuild(draft.artifact.id, build).ok());
}

// ---------------------------------------------------------------------------
// Logs

TEST_CASE("a build log grows by one line per status reached", "[domain]") {
  StoreFixture fixture;
  const User alice = fixture.UserNamed("alice");
  const ArtifactView draft = CreateBuildable(fixture, alice);
  const std::string build = Must(fixture.store->TriggerBuild(draft.artifact.id, alice))[0];
  const auto lines_at = [&](Timestamp offset) {
    fixture.clock.SetVirtual(kStart + offset);
    return LogLines(*fixture.store, draft.artifact.id, build).size();
  };

  CHECK(lines_at(0) == 1);
  CHECK(lines_at(kSecond) == 2);
  CHECK(lines_at(4 * kSecond) == 3);
  CHECK(lines_at(5 * kSecond) == 4);
  CHECK(lines_at(500 * kSecond) == 4);
}

TEST_CASE("each build log line is a logger record", "[domain]") {
  StoreFixture fixture;
  const User alice = fixture.UserNamed("alice");
  const ArtifactView draft = CreateBuildable(fixture, alice);
  const std::string build = Must(fixture.store->TriggerBuild(draft.artifact.id, alice))[0];
  fixture.clock.Advance(5 * kSecond);

  const std::string log = Must(fixture.store->GetBuildLog(draft.artifact.id, build));
  const std::vector<json> lines = LogLines(*fixture.store, draft.artifact.id, build);

  CHECK(log.back() == '\n');
  REQUIRE(lines.size() == 4);
  for (const json& line : lines) {
    CHECK(line.size() == 5);
    CHECK(line.at("name") == "workload_api.image_build");
    CHECK(line.at("build_id") == build);
    CHECK(line.at("levelname") == "INFO");
  }
  CHECK(lines[0].at("asctime") == "2026-03-01 12:00:00,000");
  CHECK(lines[1].at("asctime") == "2026-03-01 12:00:01,000");
  CHECK(lines[2].at("asctime") == "2026-03-01 12:00:04,000");
  CHECK(lines[3].at("asctime") == "2026-03-01 12:00:05,000");
  CHECK(lines[2].at("message") == "Image built and pushed: registry.emulator.local/" +
                                      draft.artifact.id + "/api:" + build);
  CHECK(lines[3].at("message") == "Build completed");
}

}  // namespace
}  // namespace emulator::domain
