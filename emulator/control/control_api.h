#ifndef EMULATOR_CONTROL_CONTROL_API_H_
#define EMULATOR_CONTROL_CONTROL_API_H_

// Routes under /_emulator/ that tests and operators use to inspect and steer
// the emulator. They never collide with the emulated API under /api/v2/.

#include <atomic>
#include <string>

#include "api/api_types.h"
#include "domain/store.h"

namespace emulator::control {

struct ControlContext {
  domain::Store& store;
  domain::Clock& clock;
  // False until the seed is loaded; /_emulator/ready reports it.
  std::atomic<bool>& ready;
};

using Handler = api::ApiResponse (*)(const api::ApiRequest&, ControlContext&);

api::ApiResponse GetHealth(const api::ApiRequest& request, ControlContext& context);
api::ApiResponse GetReady(const api::ApiRequest& request, ControlContext& context);

}  // namespace emulator::control

#endif  // EMULATOR_CONTROL_CONTROL_API_H_
