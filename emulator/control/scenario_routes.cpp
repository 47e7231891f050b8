// Scenarios added, removed and reset at run time.
#include "control/control_api.h"

#include "util/log.h"

namespace emulator::control {
namespace {

api::ApiResponse ScenarioNotFound(const std::string& name) {
  return api::ApiResponse::Failure(domain::Error::NotFound("Scenario '" + name + "' not found"));
}

// Problems read "<source>: <pointer>: <problem>".
nlohmann::json ProblemsToDetail(const std::vector<std::string>& problems, const std::string& source) {
  nlohmann::json detail = nlohmann::json::array();
  for (const auto& problem : problems) {
    const std::string rest =
        problem.compare(0, source.size() + 2, source + ": ") == 0 ? problem.substr(source.size() + 2) : problem;
    const size_t separator = rest.find(": ");
    detail.push_back({{"pointer", rest.substr(0, separator)},
                      {"problem", separator == std::string::npos ? rest : rest.substr(separator + 2)}});
  }
  return detail;
}

}  // namespace

api::ApiResponse ListScenarios(const api::ApiRequest&, ControlPlane& plane) {
  return api::ApiResponse::Ok({{"scenarios", plane.scenarios().Describe()}});
}

api::ApiResponse AddScenario(const api::ApiRequest& request, ControlPlane& plane) {
  const std::string source = "<request body>";
  scenario::ParseResult parsed = scenario::ParseScenarioText(request.body.text, source);
  if (!parsed.scenario) {
    return api::ApiResponse::Failure(domain::Error::Validation(ProblemsToDetail(parsed.problems, source)));
  }
  const std::string name = scenario::ScenarioName(*parsed.scenario);
  plane.scenarios().Add(parsed.scenario, plane.clock().Now(), /*replace=*/true);
  util::Log(util::LogLevel::kInfo, "Loaded scenario '" + name + "' from POST /_emulator/scenarios");

  for (const auto& described : plane.scenarios().Describe()) {
    if (described.value("name", "") == name) return api::ApiResponse::Created(described);
  }
  return api::ApiResponse::Created({{"name", name}});
}

api::ApiResponse DeleteScenario(const api::ApiRequest& request, ControlPlane& plane) {
  const std::string& name = request.path_params.at(0);
  if (!plane.scenarios().Remove(name)) return ScenarioNotFound(name);
  return api::ApiResponse::NoContent();
}

api::ApiResponse ResetScenario(const api::ApiRequest& request, ControlPlane& plane) {
  const std::string& name = request.path_params.at(0);
  if (!plane.scenarios().ResetCounters(name, plane.clock().Now())) return ScenarioNotFound(name);
  return api::ApiResponse::NoContent();
}

}  // namespace emulator::control
