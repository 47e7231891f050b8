#include "scenario/route_table.h"

namespace emulator::scenario {
namespace {

// Splits "/a/{b}/c" into {"a", "{}", "c"}; placeholders lose their names
// because only the shape identifies a route.
std::vector<std::string> Shape(const std::string& path) {
  std::vector<std::string> segments;
  size_t start = 0;
  while (start <= path.size()) {
    size_t end = path.find('/', start);
    if (end == std::string::npos) end = path.size();
    std::string segment = path.substr(start, end - start);
    if (!segment.empty()) {
      const bool placeholder = segment.size() >= 2 && segment.front() == '{' && segment.back() == '}';
      segments.push_back(placeholder ? "{}" : segment);
    }
    start = end + 1;
  }
  return segments;
}

const KnownRoute* Find(const std::string& route) {
  for (const auto& known : KnownRoutes()) {
    if (route == known.path_template) return &known;
  }
  return nullptr;
}

}  // namespace

const std::vector<KnownRoute>& KnownRoutes() {
  static const std::vector<KnownRoute> kRoutes = {
      {"/artifactRepositories", {"GET"}},
      {"/artifactRepositories/{artifact_repository_id}", {"GET", "DELETE"}},
      {"/artifactRepositories/{artifact_repository_id}/sharedRoles", {"GET", "PATCH"}},
      {"/artifacts", {"GET", "POST"}},
      {"/artifacts/{artifact_id}", {"GET", "PATCH", "PUT", "DELETE"}},
      {"/artifacts/{artifact_id}/builds", {"GET", "POST"}},
      {"/artifacts/{artifact_id}/builds/{build_id}", {"GET", "DELETE"}},
      {"/artifacts/{artifact_id}/builds/{build_id}/logs", {"GET"}},
      {"/artifacts/{artifact_id}/clone", {"POST"}},
  };
  return kRoutes;
}

std::optional<std::string> CanonicalRoute(const std::string& written) {
  std::string path = written;
  const std::string prefix = kApiPrefix;
  if (path.compare(0, prefix.size(), prefix) == 0 &&
      (path.size() == prefix.size() || path[prefix.size()] == '/')) {
    path = path.substr(prefix.size());
  }
  if (path.empty() || path.front() != '/') return std::nullopt;

  const std::vector<std::string> shape = Shape(path);
  for (const auto& known : KnownRoutes()) {
    if (Shape(known.path_template) == shape) return std::string(known.path_template);
  }
  return std::nullopt;
}

std::optional<std::string> RouteOfPath(const std::string& path) {
  const std::string prefix = kApiPrefix;
  if (path.compare(0, prefix.size(), prefix) != 0) return std::nullopt;
  const std::vector<std::string> segments = Shape(path.substr(prefix.size()));
  for (const auto& known : KnownRoutes()) {
    const std::vector<std::string> shape = Shape(known.path_template);
    if (shape.size() != segments.size()) continue;
    bool same = true;
    for (size_t i = 0; i < shape.size() && same; ++i) {
      same = shape[i] == "{}" ? segments[i] != "{}" : shape[i] == segments[i];
    }
    if (same) return std::string(known.path_template);
  }
  return std::nullopt;
}

bool RouteServesMethod(const std::string& route, const std::string& method) {
  const KnownRoute* known = Find(route);
  if (known == nullptr) return false;
  const std::string effective = method == "HEAD" ? "GET" : method;
  for (const char* served : known->methods) {
    if (effective == served) return true;
  }
  return false;
}

std::string MethodsOf(const std::string& route) {
  std::string list;
  if (const KnownRoute* known = Find(route)) {
    for (const char* method : known->methods) list += (list.empty() ? "" : ", ") + std::string(method);
  }
  return list;
}

std::string KnownRouteList() {
  std::string list;
  for (const auto& known : KnownRoutes()) {
    list += (list.empty() ? "" : ", ") + std::string(known.path_template);
  }
  return list;
}

}  // namespace emulator::scenario
