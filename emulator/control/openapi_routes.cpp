// The OpenAPI documents of the emulated API and of the control API, both
// compiled into the binary.
#include "control/control_api.h"

#include <string_view>

namespace emulator::embedded {
extern const std::string_view kApiOpenApiJson;
extern const std::string_view kControlOpenApiJson;
}  // namespace emulator::embedded

namespace emulator::control {

api::ApiResponse GetApiOpenApi(const api::ApiRequest&, ControlPlane&) {
  return api::ApiResponse::Text(std::string(embedded::kApiOpenApiJson));
}

api::ApiResponse GetControlOpenApi(const api::ApiRequest&, ControlPlane&) {
  return api::ApiResponse::Text(std::string(embedded::kControlOpenApiJson));
}

}  // namespace emulator::control
