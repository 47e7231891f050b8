#ifndef EMULATOR_CONTROL_CONTROL_API_H_
#define EMULATOR_CONTROL_CONTROL_API_H_

// Handlers of the routes under /_emulator/ that tests and operators use to
// inspect and steer the emulator. Each is named after what it does; the
// route table in http/routes.cpp lists their paths. docs/control-api.md
// describes every route.

#include <optional>

#include <nlohmann/json.hpp>

#include "api/api_types.h"
#include "control/control_plane.h"

namespace emulator::control {

using Handler = api::ApiResponse (*)(const api::ApiRequest&, ControlPlane&);

// control_api.cpp: health, readiness, reset and the whole world.
api::ApiResponse GetHealth(const api::ApiRequest& request, ControlPlane& plane);
api::ApiResponse GetReady(const api::ApiRequest& request, ControlPlane& plane);
api::ApiResponse PostReset(const api::ApiRequest& request, ControlPlane& plane);
api::ApiResponse GetState(const api::ApiRequest& request, ControlPlane& plane);
api::ApiResponse PutState(const api::ApiRequest& request, ControlPlane& plane);

// snapshot_routes.cpp
api::ApiResponse ListSnapshots(const api::ApiRequest& request, ControlPlane& plane);
api::ApiResponse SaveSnapshot(const api::ApiRequest& request, ControlPlane& plane);
api::ApiResponse RestoreSnapshot(const api::ApiRequest& request, ControlPlane& plane);
api::ApiResponse DeleteSnapshot(const api::ApiRequest& request, ControlPlane& plane);

// journal_routes.cpp: the request journal and metrics.
api::ApiResponse ListRequests(const api::ApiRequest& request, ControlPlane& plane);
api::ApiResponse ClearRequests(const api::ApiRequest& request, ControlPlane& plane);
api::ApiResponse CountRequests(const api::ApiRequest& request, ControlPlane& plane);
api::ApiResponse GetMetrics(const api::ApiRequest& request, ControlPlane& plane);

// clock_routes.cpp
api::ApiResponse GetClock(const api::ApiRequest& request, ControlPlane& plane);
api::ApiResponse PutClock(const api::ApiRequest& request, ControlPlane& plane);
api::ApiResponse AdvanceClock(const api::ApiRequest& request, ControlPlane& plane);

// scenario_routes.cpp
api::ApiResponse ListScenarios(const api::ApiRequest& request, ControlPlane& plane);
api::ApiResponse AddScenario(const api::ApiRequest& request, ControlPlane& plane);
api::ApiResponse DeleteScenario(const api::ApiRequest& request, ControlPlane& plane);
api::ApiResponse ResetScenario(const api::ApiRequest& request, ControlPlane& plane);

// openapi_routes.cpp
api::ApiResponse GetApiOpenApi(const api::ApiRequest& request, ControlPlane& plane);
api::ApiResponse GetControlOpenApi(const api::ApiRequest& request, ControlPlane& plane);

// Shared by the handlers: the request body as JSON, or a 422 naming the
// problem in `failure`.
std::optional<nlohmann::json> ParseControlBody(const api::ApiRequest& request,
                                               api::ApiResponse& failure);
// A 422 with a string detail.
api::ApiResponse ControlFailure(const std::string& message);

}  // namespace emulator::control

#endif  // EMULATOR_CONTROL_CONTROL_API_H_
