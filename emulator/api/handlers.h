#ifndef EMULATOR_API_HANDLERS_H_
#define EMULATOR_API_HANDLERS_H_

// One handler per operation of the reference, named after it. Each parses
// the request, validates it, calls the store and renders the result.

#include <optional>

#include "api/api_types.h"
#include "domain/store.h"

namespace emulator::api {

struct ApiContext {
  domain::Store& store;
  // The outcome of builds started by this request (a scenario's build rule);
  // empty for the normal walk to COMPLETED.
  std::optional<domain::BuildOutcome> build_outcome;
};

using Handler = ApiResponse (*)(const ApiRequest&, ApiContext&);

// artifact_repositories.cpp
ApiResponse ListArtifactRepositories(const ApiRequest& request, ApiContext& context);
ApiResponse GetArtifactRepository(const ApiRequest& request, ApiContext& context);
ApiResponse DeleteArtifactRepository(const ApiRequest& request, ApiContext& context);

// shared_roles.cpp
ApiResponse ListSharedRoles(const ApiRequest& request, ApiContext& context);
ApiResponse UpdateSharedRoles(const ApiRequest& request, ApiContext& context);

// artifacts.cpp
ApiResponse ListArtifacts(const ApiRequest& request, ApiContext& context);
ApiResponse CreateArtifact(const ApiRequest& request, ApiContext& context);
ApiResponse GetArtifact(const ApiRequest& request, ApiContext& context);
ApiResponse UpdateArtifact(const ApiRequest& request, ApiContext& context);
ApiResponse ReplaceArtifact(const ApiRequest& request, ApiContext& context);
ApiResponse DeleteArtifact(const ApiRequest& request, ApiContext& context);
ApiResponse CloneArtifact(const ApiRequest& request, ApiContext& context);

// builds.cpp
ApiResponse ListBuilds(const ApiRequest& request, ApiContext& context);
ApiResponse TriggerBuild(const ApiRequest& request, ApiContext& context);
ApiResponse GetBuild(const ApiRequest& request, ApiContext& context);
ApiResponse GetBuildLogs(const ApiRequest& request, ApiContext& context);
ApiResponse DeleteBuild(const ApiRequest& request, ApiContext& context);

}  // namespace emulator::api

#endif  // EMULATOR_API_HANDLERS_H_
