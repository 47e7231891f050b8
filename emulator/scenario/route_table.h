#ifndef EMULATOR_SCENARIO_ROUTE_TABLE_H_
#define EMULATOR_SCENARIO_ROUTE_TABLE_H_

// The path templates of the emulated API and the methods each one serves, so
// that a scenario naming a route that does not exist is rejected when it is
// loaded instead of silently never firing.

#include <optional>
#include <string>
#include <vector>

namespace emulator::scenario {

inline constexpr const char* kApiPrefix = "/api/v2";
inline constexpr const char* kTriggerBuildRoute = "/artifacts/{artifact_id}/builds";

struct KnownRoute {
  const char* path_template;  // without the API prefix
  std::vector<const char*> methods;
};

const std::vector<KnownRoute>& KnownRoutes();

// Returns the canonical template for `written` (prefix optional, trailing
// slash optional, placeholder names free, so "/artifacts/{id}" is
// "/artifacts/{artifact_id}"); nullopt when no route has that shape.
std::optional<std::string> CanonicalRoute(const std::string& written);

// Returns the template that routes the concrete `path` (prefix required, as
// received), e.g. "/api/v2/artifacts/a1/builds" gives
// "/artifacts/{artifact_id}/builds"; nullopt when no route matches.
std::optional<std::string> RouteOfPath(const std::string& path);

// True when `route` (canonical) serves `method`; HEAD counts as GET.
bool RouteServesMethod(const std::string& route, const std::string& method);

// The methods `route` serves, comma separated, for messages.
std::string MethodsOf(const std::string& route);

// Every template, comma separated, for messages.
std::string KnownRouteList();

}  // namespace emulator::scenario

#endif  // EMULATOR_SCENARIO_ROUTE_TABLE_H_
