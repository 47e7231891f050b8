#include "domain/build_lifecycle.h"

#include <algorithm>

#include "domain/spec.h"

namespace emulator::domain {
namespace {

constexpr BuildStatus kWalk[] = {BuildStatus::kPending, BuildStatus::kInProgress,
                                 BuildStatus::kBuilt, BuildStatus::kCompleted};

Timestamp DurationOf(BuildStatus status, const Behaviour& behaviour) {
  switch (status) {
    case BuildStatus::kPending:
      return behaviour.pending_duration;
    case BuildStatus::kInProgress:
      return behaviour.in_progress_duration;
    case BuildStatus::kBuilt:
      return behaviour.built_duration;
    default:
      return 0;
  }
}

// The history the build would have if it were never cancelled.
std::vector<BuildStep> ScheduledHistory(const Build& build, const Behaviour& behaviour,
                                        Timestamp now) {
  std::vector<BuildStep> steps;
  if (build.pinned_status) {
    // A build that stopped early (FAILED, CANCELLED, UNKNOWN) is shown as
    // having got as far as IN_PROGRESS, never as built.
    const BuildStatus pinned = *build.pinned_status;
    const bool on_walk = std::find(std::begin(kWalk), std::end(kWalk), pinned) != std::end(kWalk);
    for (BuildStatus status : kWalk) {
      if (status == pinned || (!on_walk && status == BuildStatus::kBuilt)) break;
      steps.push_back({status, build.created_at});
    }
    steps.push_back({pinned, build.pinned_updated_at});
    return steps;
  }

  const BuildOutcome& outcome = build.outcome;
  Timestamp start = build.created_at;
  for (BuildStatus status : kWalk) {
    if (start > now) break;
    steps.push_back({status, start});
    if (status == BuildStatus::kCompleted) break;

    const Timestamp duration = DurationOf(status, behaviour);
    const bool stops_here = outcome.final_status != BuildStatus::kCompleted || outcome.stall;
    if (stops_here && status == outcome.stop_during) {
      if (outcome.stall) break;
      const Timestamp stop_at = start + std::min(outcome.stop_after, duration);
      if (stop_at <= now) steps.push_back({outcome.final_status, stop_at});
      break;
    }
    start += duration;
  }
  return steps;
}

const char* LevelFor(BuildStatus status) {
  switch (status) {
    case BuildStatus::kFailed:
      return "ERROR";
    case BuildStatus::kCancelled:
      return "WARNING";
    default:
      return "INFO";
  }
}

std::string MessageFor(const BuildStep& step, const Build& build, const Artifact& artifact,
                       const Behaviour& behaviour) {
  std::string containers;
  for (const auto& name : build.container_names) {
    if (!containers.empty()) containers += ", ";
    containers += name;
  }
  switch (step.status) {
    case BuildStatus::kPending:
      return "Build queued for catalog " + build.catalog_id + " version " +
             build.catalog_version_id + " (containers: " + containers + ")";
    case BuildStatus::kInProgress:
      return "Build started: building image from catalog version " + build.catalog_version_id;
    case BuildStatus::kBuilt: {
      std::string pushed;
      for (const auto& name : build.container_names) {
        if (!pushed.empty()) pushed += ", ";
        pushed += BuiltImageUri(behaviour, artifact, name, build.id);
      }
      return "Image built and pushed: " + pushed;
    }
    case BuildStatus::kCompleted:
      return "Build completed";
    case BuildStatus::kFailed:
      return build.outcome.log_message.empty() ? "Build failed"
                                               : "Build failed: " + build.outcome.log_message;
    case BuildStatus::kCancelled:
      return build.outcome.log_message.empty() || build.cancelled_at
                 ? "Build cancelled"
                 : "Build cancelled: " + build.outcome.log_message;
    case BuildStatus::kUnknown:
      return "Build status is unknown";
  }
  return "";
}

}  // namespace

std::vector<BuildStep> BuildHistory(const Build& build, const Behaviour& behaviour, Timestamp now) {
  std::vector<BuildStep> steps = ScheduledHistory(build, behaviour, now);
  if (build.cancelled_at && *build.cancelled_at <= now) {
    const Timestamp cancelled_at = *build.cancelled_at;
    const bool finished_before =
        !steps.empty() && IsFinal(steps.back().status) && steps.back().at <= cancelled_at;
    if (!finished_before) {
      while (!steps.empty() && steps.back().at > cancelled_at) steps.pop_back();
      steps.push_back({BuildStatus::kCancelled, cancelled_at});
    }
  }
  if (steps.empty()) steps.push_back({BuildStatus::kPending, build.created_at});
  return steps;
}

BuildState CurrentBuildState(const Build& build, const Behaviour& behaviour, Timestamp now) {
  const std::vector<BuildStep> steps = BuildHistory(build, behaviour, now);
  return {steps.back().status, steps.back().at};
}

std::string RenderBuildLog(const Build& build, const Artifact& artifact, const Behaviour& behaviour,
                           Timestamp now) {
  std::string log;
  for (const BuildStep& step : BuildHistory(build, behaviour, now)) {
    nlohmann::json line = {
        {"asctime", FormatLogTime(step.at)},
        {"levelname", LevelFor(step.status)},
        {"name", "workload_api.image_build"},
        {"message", MessageFor(step, build, artifact, behaviour)},
        {"build_id", build.id},
    };
    log += line.dump();
    log += '\n';
  }
  return log;
}

std::string BuiltImageUri(const Behaviour& behaviour, const Artifact& artifact,
                          const std::string& container_name, const std::string& build_id) {
  return behaviour.registry_host + "/" + artifact.id + "/" + container_name + ":" + build_id;
}

void ApplyBuildResults(Artifact& artifact, const World& world, Timestamp now) {
  ForEachContainer(artifact.spec, [&](nlohmann::json& container) {
    if (!container.is_object()) return;
    const auto build_ref = container.find("build");
    if (build_ref == container.end() || !build_ref->is_object()) return;
    const std::string build_id = build_ref->value("artifactImageBuildId", "");
    const auto build = world.builds.find(build_id);
    if (build == world.builds.end()) return;

    const BuildState state = CurrentBuildState(build->second, world.behaviour, now);
    (*build_ref)["status"] = BuildStatusName(state.status);
    if (state.status != BuildStatus::kCompleted) return;

    // A newer build replaces an image an emulated build produced (also one a
    // clone inherited from its source), never one the client set itself.
    const std::string own_images = world.behaviour.registry_host + "/";
    const auto image = container.find("imageUri");
    const bool replaceable = image == container.end() || image->is_null() ||
                             (image->is_string() && image->get<std::string>().rfind(own_images, 0) == 0);
    if (replaceable) {
      container["imageUri"] = BuiltImageUri(world.behaviour, artifact, ContainerName(container), build_id);
    }
  });
}

}  // namespace emulator::domain
