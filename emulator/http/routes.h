#ifndef EMULATOR_HTTP_ROUTES_H_
#define EMULATOR_HTTP_ROUTES_H_

#include <string>
#include <vector>

#include "api/handlers.h"
#include "control/control_api.h"

namespace emulator::http {

// The callers a route accepts.
enum class Access {
  kUser,    // a seed user's bearer token (the emulated API)
  kAdmin,   // the --admin-token, when one is configured (the control API)
  kPublic,  // anybody (health, readiness, OpenAPI documents)
};

struct Route {
  const char* method;
  // The full path template, e.g. "/api/v2/artifacts/{artifact_id}/builds".
  const char* path_template;
  Access access;
  api::Handler api_handler;          // set for routes of the emulated API
  control::Handler control_handler;  // set for the others
};

struct RouteMatch {
  const Route* route = nullptr;              // set when path and method match
  std::vector<std::string> path_params;      // decoded placeholder values
  std::vector<std::string> allowed_methods;  // set when only the path matches
};

inline constexpr const char* kApiPrefix = "/api/v2";

// Every route of the emulated API and of the control API.
const std::vector<Route>& AllRoutes();

// The route's template without the /api/v2 prefix, as the reference writes
// it ("/artifacts/{artifact_id}"); control routes keep their full path.
std::string RouteTemplate(const Route& route);

// Finds the route for `method` and the raw (still percent-encoded) `path`.
// A trailing slash is optional on every route. When the path matches but the
// method does not, `route` is null and `allowed_methods` lists the methods
// the path supports; when nothing matches, both are empty.
RouteMatch MatchRoute(const std::string& method, const std::string& raw_path);

}  // namespace emulator::http

#endif  // EMULATOR_HTTP_ROUTES_H_
