#ifndef EMULATOR_DOMAIN_BUILD_LIFECYCLE_H_
#define EMULATOR_DOMAIN_BUILD_LIFECYCLE_H_

// A build's status is a function of its creation time, its outcome and the
// clock: nothing runs in the background. The walk is
//   PENDING -> IN_PROGRESS -> BUILT -> COMPLETED
// with the durations of Behaviour, unless the outcome stops it early (FAILED,
// CANCELLED, or a stall) or a client cancels it.

#include <string>
#include <vector>

#include "domain/model.h"

namespace emulator::domain {

struct BuildState {
  BuildStatus status;
  Timestamp since;  // when the build entered `status`
};

// One status the build has passed through, in order.
struct BuildStep {
  BuildStatus status;
  Timestamp at;
};

std::vector<BuildStep> BuildHistory(const Build& build, const Behaviour& behaviour, Timestamp now);
BuildState CurrentBuildState(const Build& build, const Behaviour& behaviour, Timestamp now);

// The build's log so far: one JSON object per line (asctime, levelname, name,
// message, build_id), as the service's build logger writes them.
std::string RenderBuildLog(const Build& build, const Artifact& artifact, const Behaviour& behaviour,
                           Timestamp now);

// The image reference a completed build gives a container.
std::string BuiltImageUri(const Behaviour& behaviour, const Artifact& artifact,
                          const std::string& container_name, const std::string& build_id);

// Brings the artifact's containers up to date with its builds at `now`: each
// container that references a build gets that build's current status, and
// the built imageUri once the build is COMPLETED.
void ApplyBuildResults(Artifact& artifact, const World& world, Timestamp now);

}  // namespace emulator::domain

#endif  // EMULATOR_DOMAIN_BUILD_LIFECYCLE_H_
