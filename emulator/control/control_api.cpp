#include "control/control_api.h"

#include "seed/seed_loader.h"
#include "seed/seed_writer.h"
#include "util/log.h"

namespace emulator::control {

std::optional<nlohmann::json> ParseControlBody(const api::ApiRequest& request,
                                               api::ApiResponse& failure) {
  auto parsed = nlohmann::json::parse(request.body.text, nullptr, false);
  if (parsed.is_discarded()) {
    failure = ControlFailure("The request body is not valid JSON");
    return std::nullopt;
  }
  return parsed;
}

api::ApiResponse ControlFailure(const std::string& message) {
  return api::ApiResponse::Failure(domain::Error::Unprocessable(message));
}

api::ApiResponse GetHealth(const api::ApiRequest&, ControlPlane&) {
  return api::ApiResponse::Ok({{"status", "ok"}});
}

api::ApiResponse GetReady(const api::ApiRequest&, ControlPlane& plane) {
  if (!plane.ready()) {
    const std::string reason = plane.not_ready_reason();
    return api::ApiResponse::Failure(domain::Error(
        domain::ErrorCode::kNotReady, reason.empty() ? "The emulator is still loading" : reason));
  }
  return api::ApiResponse::Ok({{"status", "ready"}});
}

api::ApiResponse PostReset(const api::ApiRequest&, ControlPlane& plane) {
  plane.Reset();
  util::Log(util::LogLevel::kInfo, "Reset the world, clock, journal and scenario counters to the start");
  return api::ApiResponse::NoContent();
}

api::ApiResponse GetState(const api::ApiRequest&, ControlPlane& plane) {
  return api::ApiResponse::Ok(seed::WorldToSeed(plane.store().Snapshot()));
}

api::ApiResponse PutState(const api::ApiRequest& request, ControlPlane& plane) {
  const std::string source = "<request body>";
  seed::SeedLoadResult loaded = seed::LoadSeed(request.body.text, source);
  if (!loaded.world) {
    // Problems read "<source>: <pointer>: <problem>".
    nlohmann::json detail = nlohmann::json::array();
    for (const auto& problem : loaded.problems) {
      const std::string rest = problem.substr(source.size() + 2);
      const size_t separator = rest.find(": ");
      detail.push_back({{"pointer", rest.substr(0, separator)},
                        {"problem", separator == std::string::npos ? "" : rest.substr(separator + 2)}});
    }
    return api::ApiResponse::Failure(domain::Error::Validation(detail));
  }
  plane.store().Replace(std::move(*loaded.world));
  util::Log(util::LogLevel::kInfo, "Replaced the world with the state sent to PUT /_emulator/state");
  return api::ApiResponse::NoContent();
}

}  // namespace emulator::control
