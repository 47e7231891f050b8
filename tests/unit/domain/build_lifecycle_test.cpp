// The build status walk as a pure function of a build, the behaviour and the
// time, plus the log and image rules derived from it.
#include <sstream>
#include <string>
#include <vector>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "domain/build_lifecycle.h"

namespace emulator::domain {
namespace {

using nlohmann::json;

constexpr Timestamp kSecond = kMicrosPerSecond;
// 2026-03-01T12:00:00Z.
constexpr Timestamp kCreated = 1'772'366'400LL * kMicrosPerSecond;

Build NewBuild() {
  Build build;
  build.id = "d00000000000000000000001";
  build.artifact_id = "f00000000000000000000001";
  build.name = "churn:ver-1";
  build.created_at = kCreated;
  build.catalog_id = "cat-1";
  build.catalog_version_id = "ver-1";
  build.container_names = {"api", "exporter"};
  return build;
}

// The history as "STATUS@seconds" after creation, e.g. "PENDING@0 IN_PROGRESS@1".
std::string History(const Build& build, Timestamp seconds_after_creation,
                    const Behaviour& behaviour = Behaviour{}) {
  std::string rendered;
  const Timestamp now = kCreated + seconds_after_creation * kSecond;
  for (const BuildStep& step : BuildHistory(build, behaviour, now)) {
    if (!rendered.empty()) rendered += " ";
    const Timestamp offset = step.at - kCreated;
    rendered += std::string(BuildStatusName(step.status)) + "@" +
                (offset % kSecond == 0 ? std::to_string(offset / kSecond)
                                       : std::to_string(offset) + "us");
  }
  return rendered;
}

std::string StatusAt(const Build& build, Timestamp now, const Behaviour& behaviour = Behaviour{}) {
  return BuildStatusName(CurrentBuildState(build, behaviour, now).status);
}

Artifact ArtifactWithContainer(const json& container) {
  Artifact artifact;
  artifact.id = "f00000000000000000000001";
  artifact.name = "churn";
  artifact.spec = {{"type", "service"},
                   {"containerGroups", {{{"name", "default"}, {"containers", {container}}}}}};
  return artifact;
}

json BuildReference(const std::string& build_id) {
  return {{"artifactImageBuildId", build_id},
          {"createdAt", "2026-03-01T12:00:00.000000Z"},
          {"status", "PENDING"}};
}

// ---------------------------------------------------------------------------
// Walk

TEST_CASE("a build walks to COMPLETED with the default durations", "[domain]") {
  const Build build = NewBuild();

  CHECK(History(build, 0) == "PENDING@0");
  CHECK(History(build, 1) == "PENDING@0 IN_PROGRESS@1");
  CHECK(History(build, 4) == "PENDING@0 IN_PROGRESS@1 BUILT@4");
  CHECK(History(build, 5) == "PENDING@0 IN_PROGRESS@1 BUILT@4 COMPLETED@5");
  CHECK(History(build, 1000) == "PENDING@0 IN_PROGRESS@1 BUILT@4 COMPLETED@5");
}

TEST_CASE("a build read before its creation is pending", "[domain]") {
  const Build build = NewBuild();

  const BuildState state = CurrentBuildState(build, Behaviour{}, kCreated - kSecond);

  CHECK(BuildStatusName(state.status) == std::string("PENDING"));
  CHECK(state.since == kCreated);
}

TEST_CASE("the current state records when the status began", "[domain]") {
  const Build build = NewBuild();

  const BuildState state = CurrentBuildState(build, Behaviour{}, kCreated + 2 * kSecond);

  CHECK(BuildStatusName(state.status) == std::string("IN_PROGRESS"));
  CHECK(state.since == kCreated + kSecond);
}

TEST_CASE("zero durations complete a build at once", "[domain]") {
  const Build build = NewBuild();
  Behaviour instant;
  instant.pending_duration = 0;
  instant.in_progress_duration = 0;
  instant.built_duration = 0;

  const std::string history = History(build, 0, instant);

  CHECK(history == "PENDING@0 IN_PROGRESS@0 BUILT@0 COMPLETED@0");
}

TEST_CASE("durations come from the behaviour", "[domain]") {
  const Build build = NewBuild();
  Behaviour slow;
  slow.pending_duration = 10 * kSecond;
  slow.in_progress_duration = 60 * kSecond;
  slow.built_duration = 5 * kSecond;

  CHECK(History(build, 9, slow) == "PENDING@0");
  CHECK(History(build, 69, slow) == "PENDING@0 IN_PROGRESS@10");
  CHECK(History(build, 75, slow) == "PENDING@0 IN_PROGRESS@10 BUILT@70 COMPLETED@75");
}

// ---------------------------------------------------------------------------
// Outcomes

TEST_CASE("a failing outcome stops the walk with FAILED", "[domain]") {
  Build build = NewBuild();
  build.outcome.final_status = BuildStatus::kFailed;
  build.outcome.stop_during = BuildStatus::kInProgress;
  build.outcome.stop_after = 2 * kSecond;

  CHECK(History(build, 2) == "PENDING@0 IN_PROGRESS@1");
  CHECK(History(build, 3) == "PENDING@0 IN_PROGRESS@1 FAILED@3");
  CHECK(History(build, 100) == "PENDING@0 IN_PROGRESS@1 FAILED@3");
}

TEST_CASE("a late stop happens when the status ends", "[domain]") {
  Build build = NewBuild();
  build.outcome.final_status = BuildStatus::kFailed;
  build.outcome.stop_during = BuildStatus::kInProgress;
  build.outcome.stop_after = 60 * kSecond;

  const std::string history = History(build, 100);

  CHECK(history == "PENDING@0 IN_PROGRESS@1 FAILED@4");
}

TEST_CASE("a build can fail while pending or built", "[domain]") {
  Build while_pending = NewBuild();
  while_pending.outcome.final_status = BuildStatus::kFailed;
  while_pending.outcome.stop_during = BuildStatus::kPending;
  while_pending.outcome.stop_after = 0;
  Build while_built = NewBuild();
  while_built.outcome.final_status = BuildStatus::kFailed;
  while_built.outcome.stop_during = BuildStatus::kBuilt;
  while_built.outcome.stop_after = kSecond / 2;

  CHECK(History(while_pending, 10) == "PENDING@0 FAILED@0");
  CHECK(History(while_built, 10) == "PENDING@0 IN_PROGRESS@1 BUILT@4 FAILED@4500000us");
}

TEST_CASE("a cancelling outcome stops the walk with CANCELLED", "[domain]") {
  Build build = NewBuild();
  build.outcome.final_status = BuildStatus::kCancelled;
  build.outcome.stop_during = BuildStatus::kPending;
  build.outcome.stop_after = kSecond / 4;

  const std::string history = History(build, 10);

  CHECK(history == "PENDING@0 CANCELLED@250000us");
}

TEST_CASE("a stalled build never leaves its status", "[domain]") {
  Build build = NewBuild();
  build.outcome.stall = true;
  build.outcome.stop_during = BuildStatus::kInProgress;

  CHECK(History(build, 1) == "PENDING@0 IN_PROGRESS@1");
  CHECK(History(build, 1'000'000) == "PENDING@0 IN_PROGRESS@1");
}

// ---------------------------------------------------------------------------
// Cancellation by a client or a newer trigger

TEST_CASE("a cancelled build ends with CANCELLED at the cancel time", "[domain]") {
  Build build = NewBuild();
  build.cancelled_at = kCreated + 2 * kSecond;

  CHECK(History(build, 1) == "PENDING@0 IN_PROGRESS@1");
  CHECK(History(build, 2) == "PENDING@0 IN_PROGRESS@1 CANCELLED@2");
  CHECK(History(build, 100) == "PENDING@0 IN_PROGRESS@1 CANCELLED@2");
}

TEST_CASE("cancelling a finished build changes nothing", "[domain]") {
  Build build = NewBuild();
  build.cancelled_at = kCreated + 7 * kSecond;

  const std::string history = History(build, 100);

  CHECK(history == "PENDING@0 IN_PROGRESS@1 BUILT@4 COMPLETED@5");
}

TEST_CASE("cancelling before a scripted failure wins", "[domain]") {
  Build build = NewBuild();
  build.outcome.final_status = BuildStatus::kFailed;
  build.outcome.stop_during = BuildStatus::kBuilt;
  build.outcome.stop_after = kSecond / 2;
  build.cancelled_at = kCreated + 2 * kSecond;

  const std::string history = History(build, 100);

  CHECK(history == "PENDING@0 IN_PROGRESS@1 CANCELLED@2");
}

TEST_CASE("cancelling a stalled build ends it", "[domain]") {
  Build build = NewBuild();
  build.outcome.stall = true;
  build.outcome.stop_during = BuildStatus::kPending;
  build.cancelled_at = kCreated + 30 * kSecond;

  const std::string history = History(build, 100);

  CHECK(history == "PENDING@0 CANCELLED@30");
}

// ---------------------------------------------------------------------------
// Pinned statuses from a seed

TEST_CASE("a pinned status keeps the walk before it", "[domain]") {
  const auto pinned_history = [](BuildStatus status) {
    Build build = NewBuild();
    build.pinned_status = status;
    build.pinned_updated_at = kCreated + 60 * kSecond;
    return History(build, 1'000'000);
  };

  CHECK(pinned_history(BuildStatus::kPending) == "PENDING@60");
  CHECK(pinned_history(BuildStatus::kInProgress) == "PENDING@0 IN_PROGRESS@60");
  CHECK(pinned_history(BuildStatus::kBuilt) == "PENDING@0 IN_PROGRESS@0 BUILT@60");
  CHECK(pinned_history(BuildStatus::kCompleted) ==
        "PENDING@0 IN_PROGRESS@0 BUILT@0 COMPLETED@60");
}

TEST_CASE("a pinned early stop shows the build as never built", "[domain]") {
  const auto pinned_history = [](BuildStatus status) {
    Build build = NewBuild();
    build.pinned_status = status;
    build.pinned_updated_at = kCreated + 60 * kSecond;
    return History(build, 1'000'000);
  };

  CHECK(pinned_history(BuildStatus::kFailed) == "PENDING@0 IN_PROGRESS@0 FAILED@60");
  CHECK(pinned_history(BuildStatus::kCancelled) == "PENDING@0 IN_PROGRESS@0 CANCELLED@60");
  CHECK(pinned_history(BuildStatus::kUnknown) == "PENDING@0 IN_PROGRESS@0 UNKNOWN@60");
}

TEST_CASE("a pinned status ignores the clock and the durations", "[domain]") {
  Build build = NewBuild();
  build.pinned_status = BuildStatus::kInProgress;
  build.pinned_updated_at = kCreated;

  CHECK(StatusAt(build, kCreated) == "IN_PROGRESS");
  CHECK(StatusAt(build, kCreated + 365 * 86400 * kSecond) == "IN_PROGRESS");
}

TEST_CASE("a pinned running build can still be cancelled", "[domain]") {
  Build build = NewBuild();
  build.pinned_status = BuildStatus::kInProgress;
  build.pinned_updated_at = kCreated + 10 * kSecond;
  build.cancelled_at = kCreated + 20 * kSecond;

  const std::string history = History(build, 100);

  CHECK(history == "PENDING@0 IN_PROGRESS@10 CANCELLED@20");
}

// ---------------------------------------------------------------------------
// Logs

std::vector<json> LogLines(const Build& build, Timestamp now) {
  const Artifact artifact = ArtifactWithContainer({{"name", "api"}});
  std::istringstream stream(RenderBuildLog(build, artifact, Behaviour{}, now));
  std::vector<json> lines;
  for (std::string line; std::getline(stream, line);) lines.push_back(json::parse(line));
  return lines;
}

TEST_CASE("a build log has one line per step", "[domain]") {
  const Build build = NewBuild();

  const std::vector<json> lines = LogLines(build, kCreated + 5 * kSecond);

  REQUIRE(lines.size() == 4);
  CHECK(lines[0] == json({{"asctime", "2026-03-01 12:00:00,000"},
                          {"levelname", "INFO"},
                          {"name", "workload_api.image_build"},
                          {"message", "Build queued for catalog cat-1 version ver-1 "
                                      "(containers: api, exporter)"},
                          {"build_id", "d00000000000000000000001"}}));
  CHECK(lines[1].at("message") == "Build started: building image from catalog version ver-1");
  CHECK(lines[1].at("asctime") == "2026-03-01 12:00:01,000");
  CHECK(lines[2].at("message") ==
        "Image built and pushed: "
        "registry.emulator.local/f00000000000000000000001/api:d00000000000000000000001, "
        "registry.emulator.local/f00000000000000000000001/exporter:d00000000000000000000001");
  CHECK(lines[3].at("message") == "Build completed");
}

TEST_CASE("a failed build logs an error with its message", "[domain]") {
  Build build = NewBuild();
  build.outcome.final_status = BuildStatus::kFailed;
  build.outcome.stop_after = kSecond;
  build.outcome.log_message = "pip install returned 1";

  const std::vector<json> lines = LogLines(build, kCreated + 10 * kSecond);

  REQUIRE(lines.size() == 3);
  CHECK(lines[2].at("levelname") == "ERROR");
  CHECK(lines[2].at("message") == "Build failed: pip install returned 1");
  CHECK(lines[2].at("asctime") == "2026-03-01 12:00:02,000");
}

TEST_CASE("a failed build without a message logs a plain failure", "[domain]") {
  Build build = NewBuild();
  build.outcome.final_status = BuildStatus::kFailed;

  const std::vector<json> lines = LogLines(build, kCreated + 10 * kSecond);

  REQUIRE_FALSE(lines.empty());
  CHECK(lines.back().at("levelname") == "ERROR");
  CHECK(lines.back().at("message") == "Build failed");
}

TEST_CASE("a cancelled build logs a warning", "[domain]") {
  Build scripted = NewBuild();
  scripted.outcome.final_status = BuildStatus::kCancelled;
  scripted.outcome.log_message = "quota exceeded";
  Build by_client = NewBuild();
  by_client.outcome.log_message = "never shown";
  by_client.cancelled_at = kCreated + 2 * kSecond;

  const std::vector<json> scripted_lines = LogLines(scripted, kCreated + 10 * kSecond);
  const std::vector<json> client_lines = LogLines(by_client, kCreated + 10 * kSecond);

  REQUIRE_FALSE(scripted_lines.empty());
  CHECK(scripted_lines.back().at("levelname") == "WARNING");
  CHECK(scripted_lines.back().at("message") == "Build cancelled: quota exceeded");
  REQUIRE_FALSE(client_lines.empty());
  CHECK(client_lines.back().at("levelname") == "WARNING");
  CHECK(client_lines.back().at("message") == "Build cancelled");
}

TEST_CASE("a pinned unknown status logs that it is unknown", "[domain]") {
  Build build = NewBuild();
  build.pinned_status = BuildStatus::kUnknown;
  build.pinned_updated_at = kCreated;

  const std::vector<json> lines = LogLines(build, kCreated);

  REQUIRE(lines.size() == 3);
  CHECK(lines[2].at("levelname") == "INFO");
  CHECK(lines[2].at("message") == "Build status is unknown");
}

// ---------------------------------------------------------------------------
// Images

TEST_CASE("a built image names registry, artifact, container and build", "[domain]") {
  Behaviour behaviour;
  behaviour.registry_host = "registry.test:5000";
  const Artifact artifact = ArtifactWithContainer({{"name", "api"}});

  const std::string uri = BuiltImageUri(behaviour, artifact, "api", "d00000000000000000000009");

  CHECK(uri == "registry.test:5000/f00000000000000000000001/api:d00000000000000000000009");
}

TEST_CASE("applying build results sets status and, when completed, the image", "[domain]") {
  World world;
  Build build = NewBuild();
  world.builds[build.id] = build;
  Artifact artifact = ArtifactWithContainer(
      {{"name", "api"}, {"imageUri", nullptr}, {"build", BuildReference(build.id)}});

  Artifact running = artifact;
  ApplyBuildResults(running, world, kCreated + 2 * kSecond);
  Artifact completed = artifact;
  ApplyBuildResults(completed, world, kCreated + 5 * kSecond);

  const json& running_container = running.spec["containerGroups"][0]["containers"][0];
  const json& completed_container = completed.spec["containerGroups"][0]["containers"][0];
  CHECK(running_container.at("build").at("status") == "IN_PROGRESS");
  CHECK(running_container.at("imageUri").is_null());
  CHECK(completed_container.at("build").at("status") == "COMPLETED");
  CHECK(completed_container.at("imageUri") ==
        "registry.emulator.local/f00000000000000000000001/api:d00000000000000000000001");
}

TEST_CASE("applying build results keeps an image from elsewhere", "[domain]") {
  World world;
  Build build = NewBuild();
  world.builds[build.id] = build;
  Artifact artifact = ArtifactWithContainer({{"name", "api"},
                                             {"imageUri", "docker.io/acme/churn:7"},
                                             {"build", BuildReference(build.id)}});

  ApplyBuildResults(artifact, world, kCreated + 5 * kSecond);

  CHECK(artifact.spec["containerGroups"][0]["containers"][0].at("imageUri") ==
        "docker.io/acme/churn:7");
}

TEST_CASE("applying build results replaces an image of an earlier build", "[domain]") {
  World world;
  Build build = NewBuild();
  world.builds[build.id] = build;
  Artifact artifact = ArtifactWithContainer(
      {{"name", "api"},
       {"imageUri", "registry.emulator.local/f00000000000000000000001/api:d000000000000000000000aa"},
       {"build", BuildReference(build.id)}});

  ApplyBuildResults(artifact, world, kCreated + 5 * kSecond);

  CHECK(artifact.spec["containerGroups"][0]["containers"][0].at("imageUri") ==
        "registry.emulator.local/f00000000000000000000001/api:d00000000000000000000001");
}

TEST_CASE("applying build results skips references to missing builds", "[domain]") {
  World world;
  Artifact artifact = ArtifactWithContainer(
      {{"name", "api"}, {"imageUri", nullptr}, {"build", BuildReference("d0000000000000000000ffff")}});
  const json before = artifact.spec;

  ApplyBuildResults(artifact, world, kCreated + 5 * kSecond);

  CHECK(artifact.spec == before);
}

}  // namespace
}  // namespace emulator::domain
