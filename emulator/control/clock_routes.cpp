// The clock every timestamp, build and time window reads.
#include "control/control_api.h"

#include <cmath>

namespace emulator::control {
namespace {

api::ApiResponse ClockJson(ControlPlane& plane) {
  const bool virtual_mode = plane.clock().mode() == domain::Clock::Mode::kVirtual;
  return api::ApiResponse::Ok({{"mode", virtual_mode ? "virtual" : "real"},
                               {"now", domain::FormatRfc3339(plane.clock().Now())}});
}

}  // namespace

api::ApiResponse GetClock(const api::ApiRequest&, ControlPlane& plane) { return ClockJson(plane); }

api::ApiResponse PutClock(const api::ApiRequest& request, ControlPlane& plane) {
  api::ApiResponse failure;
  const auto body = ParseControlBody(request, failure);
  if (!body) return failure;
  if (!body->is_object() || !body->contains("mode") || !(*body)["mode"].is_string()) {
    return ControlFailure("Send {\"mode\": \"virtual\", \"now\": \"<RFC 3339 time>\"} or {\"mode\": \"real\"}");
  }

  const std::string mode = (*body)["mode"];
  if (mode == "real") {
    plane.clock().SetReal();
    return ClockJson(plane);
  }
  if (mode != "virtual") return ControlFailure("Clock mode '" + mode + "' is invalid; use virtual or real");

  std::optional<domain::Timestamp> now = plane.clock().Now();
  if (body->contains("now")) {
    now = (*body)["now"].is_string() ? domain::ParseRfc3339((*body)["now"].get<std::string>())
                                     : std::nullopt;
    if (!now) return ControlFailure("\"now\" must be an RFC 3339 time such as 2026-12-04T10:00:00Z");
  }
  plane.clock().SetVirtual(*now);
  return ClockJson(plane);
}

api::ApiResponse AdvanceClock(const api::ApiRequest& request, ControlPlane& plane) {
  api::ApiResponse failure;
  const auto body = ParseControlBody(request, failure);
  if (!body) return failure;
  const bool valid = body->is_object() && body->contains("seconds") && (*body)["seconds"].is_number() &&
                     std::isfinite((*body)["seconds"].get<double>()) &&
                     (*body)["seconds"].get<double>() >= 0 && (*body)["seconds"].get<double>() < 3.2e9;
  if (!valid) return ControlFailure("Send {\"seconds\": n} with n a number from 0 up to 100 years");
  const double seconds = (*body)["seconds"];
  const auto micros = static_cast<domain::Timestamp>(std::llround(seconds * domain::kMicrosPerSecond));
  if (plane.clock().Now() + micros >= domain::kEndOfRfc3339Years) {
    return ControlFailure("Advancing by " + std::to_string(seconds) +
                          " seconds would pass the year 9999, which RFC 3339 timestamps cannot show");
  }
  plane.clock().Advance(micros);
  return ClockJson(plane);
}

}  // namespace emulator::control
