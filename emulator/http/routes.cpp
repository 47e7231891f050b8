#include "http/routes.h"

#include <algorithm>

#include "util/url.h"

namespace emulator::http {
namespace {

using api::ApiRequest;
constexpr RouteKind kApi = RouteKind::kApi;
constexpr RouteKind kControl = RouteKind::kControl;

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
bool MatchTemplate(const std::string& path_template, const std::vector<std::string>& segments,
                   std::vector<std::string>& params) {
  const std::vector<std::string> pattern = SplitSegments(path_template);
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
      {"GET", "/artifactRepositories", kApi, api::ListArtifactRepositories, nullptr, "ListArtifactRepositories"},
      {"DELETE", "/artifactRepositories/{artifact_repository_id}", kApi, api::DeleteArtifactRepository, nullptr, "DeleteArtifactRepository"},
      {"GET", "/artifactRepositories/{artifact_repository_id}", kApi, api::GetArtifactRepository, nullptr, "GetArtifactRepository"},
      {"GET", "/artifactRepositories/{artifact_repository_id}/sharedRoles", kApi, api::ListSharedRoles, nullptr, "ListSharedRoles"},
      {"PATCH", "/artifactRepositories/{artifact_repository_id}/sharedRoles", kApi, api::UpdateSharedRoles, nullptr, "UpdateSharedRoles"},
      {"GET", "/artifacts", kApi, api::ListArtifacts, nullptr, "ListArtifacts"},
      {"POST", "/artifacts", kApi, api::CreateArtifact, nullptr, "CreateArtifact"},
      {"DELETE", "/artifacts/{artifact_id}", kApi, api::DeleteArtifact, nullptr, "DeleteArtifact"},
      {"GET", "/artifacts/{artifact_id}", kApi, api::GetArtifact, nullptr, "GetArtifact"},
      {"PATCH", "/artifacts/{artifact_id}", kApi, api::UpdateArtifact, nullptr, "UpdateArtifact"},
      {"PUT", "/artifacts/{artifact_id}", kApi, api::ReplaceArtifact, nullptr, "ReplaceArtifact"},
      {"GET", "/artifacts/{artifact_id}/builds", kApi, api::ListBuilds, nullptr, "ListBuilds"},
      {"POST", "/artifacts/{artifact_id}/builds", kApi, api::TriggerBuild, nullptr, "TriggerBuild"},
      {"DELETE", "/artifacts/{artifact_id}/builds/{build_id}", kApi, api::DeleteBuild, nullptr, "DeleteBuild"},
      {"GET", "/artifacts/{artifact_id}/builds/{build_id}", kApi, api::GetBuild, nullptr, "GetBuild"},
      {"GET", "/artifacts/{artifact_id}/builds/{build_id}/logs", kApi, api::GetBuildLogs, nullptr, "GetBuildLogs"},
      {"POST", "/artifacts/{artifact_id}/clone", kApi, api::CloneArtifact, nullptr, "CloneArtifact"},

      {"GET", "/_emulator/health", kControl, nullptr, control::GetHealth, "Health"},
      {"GET", "/_emulator/ready", kControl, nullptr, control::GetReady, "Ready"},
  };
  return routes;
}

RouteMatch MatchRoute(const std::string& method, const std::string& raw_path) {
  RouteMatch match;
  std::string path = raw_path;
  if (path.size() > 1 && path.back() == '/') path.pop_back();

  const std::string prefix = kApiPrefix;
  const bool api_path = path.compare(0, prefix.size(), prefix) == 0 &&
                        (path.size() == prefix.size() || path[prefix.size()] == '/');
  const std::vector<std::string> api_segments =
      api_path ? SplitSegments(path.substr(prefix.size())) : std::vector<std::string>{};
  const std::vector<std::string> segments = SplitSegments(path);

  // HEAD is answered by the GET handler, as HTTP servers do.
  const std::string effective_method = method == "HEAD" ? "GET" : method;
  for (const Route& route : AllRoutes()) {
    std::vector<std::string> params;
    const bool path_matches = route.kind == kApi
                                  ? api_path && MatchTemplate(route.path_template, api_segments, params)
                                  : MatchTemplate(route.path_template, segments, params);
    if (!path_matches) continue;
    if (effective_method == route.method) {
      match.route = &route;
      match.path_params = std::move(params);
      match.allowed_methods.clear();
      return match;
    }
    match.allowed_methods.push_back(route.method);
  }
  return match;
}

}  // namespace emulator::http
