#ifndef EMULATOR_HTTP_ROUTES_H_
#define EMULATOR_HTTP_ROUTES_H_

#include <optional>
#include <string>
#include <vector>

#include "api/handlers.h"
#include "control/control_api.h"

namespace emulator::http {

// Which handler family serves a route and whether a token is required.
enum class RouteKind { kApi, kControl };

struct Route {
  const char* method;
  // A path template of the reference, relative to the API prefix for API
  // routes, e.g. "/artifacts/{artifact_id}/builds".
  const char* path_template;
  RouteKind kind;
  api::Handler api_handler;
  control::Handler control_handler;
  const char* operation;  // for logs and metrics
};

struct RouteMatch {
  const Route* route = nullptr;            // set when path and method match
  std::vector<std::string> path_params;    // decoded placeholder values
  std::vector<std::string> allowed_methods;  // set when only the path matches
};

inline constexpr const char* kApiPrefix = "/api/v2";

// Every route of the emulated API and of the control API.
const std::vector<Route>& AllRoutes();

// Finds the route for `method` and the raw (still percent-encoded) `path`.
// A trailing slash is optional on every route. When the path matches but the
// method does not, `route` is null and `allowed_methods` lists the methods
// the path supports; when nothing matches, both are empty.
RouteMatch MatchRoute(const std::string& method, const std::string& raw_path);

}  // namespace emulator::http

#endif  // EMULATOR_HTTP_ROUTES_H_
