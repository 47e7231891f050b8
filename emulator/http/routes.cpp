#include "http/routes.h"

#include "util/url.h"

namespace emulator::http {
namespace {

constexpr Access kUser = Access::kUser;
constexpr Access kAdmin = Access::kAdmin;
constexpr Access kPublic = Access::kPublic;

std::vector<std::string> SplitSegments(const std::string& path) {
  std::vector<std::string> segments;
  size_t start = 1;
  while (start <= path.size()) {
    size_t end = path.find('/', start);
    if (end == std::string::npos) end = path.size();
    segments.push_back(path.substr(start, end - start));
    start = end + 1;
  }
  return segments;
}

// Matches the segments of a template against a path; fills placeholders.
bool MatchTemplate(const std::vector<std::string>& pattern, const std::vector<std::string>& segments,
                   std::vector<std::string>& params) {
  if (pattern.size() != segments.size()) return false;
  std::vector<std::string> values;
  for (size_t i = 0; i < pattern.size(); ++i) {
    const bool placeholder = !pattern[i].empty() && pattern[i].front() == '{';
    if (placeholder) {
      if (segments[i].empty()) return false;
      values.push_back(util::PercentDecode(segments[i], false));
    } else if (pattern[i] != segments[i]) {
      return false;
    }
  }
  params = std::move(values);
  return true;
}

}  // namespace

const std::vector<Route>& AllRoutes() {
  // The reference's 17 operations in its order, then the control API.
  static const std::vector<Route> routes = {
      {"GET", "/api/v2/artifactRepositories", kUser, api::ListArtifactRepositories, nullptr},
      {"DELETE", "/api/v2/artifactRepositories/{artifact_repository_id}", kUser, api::DeleteArtifactRepository, nullptr},
      {"GET", "/api/v2/artifactRepositories/{artifact_repository_id}", kUser, api::GetArtifactRepository, nullptr},
      {"GET", "/api/v2/artifactRepositories/{artifact_repository_id}/sharedRoles", kUser, api::ListSharedRoles, nullptr},
      {"PATCH", "/api/v2/artifactRepositories/{artifact_repository_id}/sharedRoles", kUser, api::UpdateSharedRoles, nullptr},
      {"GET", "/api/v2/artifacts", kUser, api::ListArtifacts, nullptr},
      {"POST", "/api/v2/artifacts", kUser, api::CreateArtifact, nullptr},
      {"DELETE", "/api/v2/artifacts/{artifact_id}", kUser, api::DeleteArtifact, nullptr},
      {"GET", "/api/v2/artifacts/{artifact_id}", kUser, api::GetArtifact, nullptr},
      {"PATCH", "/api/v2/artifacts/{artifact_id}", kUser, api::UpdateArtifact, nullptr},
      {"PUT", "/api/v2/artifacts/{artifact_id}", kUser, api::ReplaceArtifact, nullptr},
      {"GET", "/api/v2/artifacts/{artifact_id}/builds", kUser, api::ListBuilds, nullptr},
      {"POST", "/api/v2/artifacts/{artifact_id}/builds", kUser, api::TriggerBuild, nullptr},
      {"DELETE", "/api/v2/artifacts/{artifact_id}/builds/{build_id}", kUser, api::DeleteBuild, nullptr},
      {"GET", "/api/v2/artifacts/{artifact_id}/builds/{build_id}", kUser, api::GetBuild, nullptr},
      {"GET", "/api/v2/artifacts/{artifact_id}/builds/{build_id}/logs", kUser, api::GetBuildLogs, nullptr},
      {"POST", "/api/v2/artifacts/{artifact_id}/clone", kUser, api::CloneArtifact, nullptr},
      {"GET", "/api/v2/openapi.json", kPublic, nullptr, control::GetApiOpenApi},

      {"GET", "/_emulator/health", kPublic, nullptr, control::GetHealth},
      {"GET", "/_emulator/ready", kPublic, nullptr, control::GetReady},
      {"GET", "/_emulator/openapi.json", kPublic, nullptr, control::GetControlOpenApi},
      {"POST", "/_emulator/reset", kAdmin, nullptr, control::PostReset},
      {"GET", "/_emulator/state", kAdmin, nullptr, control::GetState},
      {"PUT", "/_emulator/state", kAdmin, nullptr, control::PutState},
      {"GET", "/_emulator/snapshots", kAdmin, nullptr, control::ListSnapshots},
      {"POST", "/_emulator/snapshots/{name}", kAdmin, nullptr, control::SaveSnapshot},
      {"DELETE", "/_emulator/snapshots/{name}", kAdmin, nullptr, control::DeleteSnapshot},
      {"POST", "/_emulator/snapshots/{name}/restore", kAdmin, nullptr, control::RestoreSnapshot},
      {"GET", "/_emulator/requests", kAdmin, nullptr, control::ListRequests},
      {"DELETE", "/_emulator/requests", kAdmin, nullptr, control::ClearRequests},
      {"POST", "/_emulator/requests/count", kAdmin, nullptr, control::CountRequests},
      {"GET", "/_emulator/clock", kAdmin, nullptr, control::GetClock},
      {"PUT", "/_emulator/clock", kAdmin, nullptr, control::PutClock},
      {"POST", "/_emulator/clock/advance", kAdmin, nullptr, control::AdvanceClock},
      {"GET", "/_emulator/metrics", kAdmin, nullptr, control::GetMetrics},
      {"GET", "/_emulator/scenarios", kAdmin, nullptr, control::ListScenarios},
      {"POST", "/_emulator/scenarios", kAdmin, nullptr, control::AddScenario},
      {"DELETE", "/_emulator/scenarios/{name}", kAdmin, nullptr, control::DeleteScenario},
      {"POST", "/_emulator/scenarios/{name}/reset", kAdmin, nullptr, control::ResetScenario},
  };
  return routes;
}

std::string RouteTemplate(const Route& route) {
  const std::string path = route.path_template;
  const std::string prefix = kApiPrefix;
  if (route.api_handler != nullptr && path.compare(0, prefix.size(), prefix) == 0) {
    return path.substr(prefix.size());
  }
  return path;
}

RouteMatch MatchRoute(const std::string& method, const std::string& raw_path) {
  // Split once per route table, not per request.
  static const std::vector<std::vector<std::string>> patterns = [] {
    std::vector<std::vector<std::string>> split;
    for (const Route& route : AllRoutes()) split.push_back(SplitSegments(route.path_template));
    return split;
  }();

  std::string path = raw_path;
  if (path.size() > 1 && path.back() == '/') path.pop_back();
  const std::vector<std::string> segments = SplitSegments(path);

  // The GET handler serves HEAD, as HTTP servers do.
  const std::string effective_method = method == "HEAD" ? "GET" : method;
  RouteMatch match;
  const std::vector<Route>& routes = AllRoutes();
  for (size_t i = 0; i < routes.size(); ++i) {
    std::vector<std::string> params;
    if (!MatchTemplate(patterns[i], segments, params)) continue;
    if (effective_method == routes[i].method) {
      match.route = &routes[i];
      match.path_params = std::move(params);
      match.allowed_methods.clear();
      return match;
    }
    match.allowed_methods.push_back(routes[i].method);
  }
  return match;
}

}  // namespace emulator::http
