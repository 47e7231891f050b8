#include "control/control_api.h"

namespace emulator::control {

api::ApiResponse GetHealth(const api::ApiRequest&, ControlContext&) {
  return api::ApiResponse::Ok({{"status", "ok"}});
}

api::ApiResponse GetReady(const api::ApiRequest&, ControlContext& context) {
  if (!context.ready.load()) {
    return api::ApiResponse::Failure(
        domain::Error(domain::ErrorCode::kNotReady, "The emulator is still loading its seed"));
  }
  return api::ApiResponse::Ok({{"status", "ready"}});
}

}  // namespace emulator::control
