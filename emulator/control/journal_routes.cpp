// The request journal and the Prometheus metrics.
#include "control/control_api.h"

#include <charconv>

namespace emulator::control {
namespace {

constexpr std::size_t kDefaultJournalLimit = 1000;

std::optional<long long> ParseInteger(const std::string& text) {
  long long value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size()) return std::nullopt;
  return value;
}

// Reads method, path (prefix), route, status, user, since and limit from the
// query; returns a 422 in `failure` for a malformed number.
std::optional<journal::JournalFilter> FilterFromQuery(const api::ApiRequest& request, std::size_t& limit,
                                                      api::ApiResponse& failure) {
  journal::JournalFilter filter;
  limit = kDefaultJournalLimit;
  for (const auto& [key, value] : request.query) {
    if (key == "method") {
      filter.method = value;
    } else if (key == "path") {
      filter.path_prefix = value;
    } else if (key == "route") {
      filter.route = value;
    } else if (key == "user") {
      filter.user = value;
    } else if (key == "status" || key == "since" || key == "limit") {
      const auto number = ParseInteger(value);
      if (!number || *number < 0) {
        failure = ControlFailure("Query parameter '" + key + "' must be a non-negative integer, got '" +
                                 value + "'");
        return std::nullopt;
      }
      if (key == "status") filter.status = static_cast<int>(*number);
      if (key == "since") filter.since = static_cast<std::uint64_t>(*number);
      if (key == "limit") limit = static_cast<std::size_t>(*number);
    }
  }
  return filter;
}

}  // namespace

api::ApiResponse ListRequests(const api::ApiRequest& request, ControlPlane& plane) {
  std::size_t limit = 0;
  api::ApiResponse failure;
  const auto filter = FilterFromQuery(request, limit, failure);
  if (!filter) return failure;

  nlohmann::json data = nlohmann::json::array();
  for (const auto& entry : plane.journal().Query(*filter, limit)) data.push_back(entry.ToJson());
  const auto count = data.size();
  return api::ApiResponse::Ok({{"count", count}, {"data", std::move(data)}});
}

api::ApiResponse ClearRequests(const api::ApiRequest&, ControlPlane& plane) {
  plane.journal().Clear();
  return api::ApiResponse::NoContent();
}

api::ApiResponse CountRequests(const api::ApiRequest& request, ControlPlane& plane) {
  api::ApiResponse failure;
  const auto body = ParseControlBody(request, failure);
  if (!body) return failure;
  if (!body->is_object()) return ControlFailure("Send a matcher object such as {\"method\": \"GET\", \"path\": \"/api/v2/artifacts\"}");

  journal::JournalFilter filter;
  for (const auto& item : body->items()) {
    const std::string& key = item.key();
    const nlohmann::json& value = item.value();
    if (key == "status") {
      if (!value.is_number_integer()) return ControlFailure("\"status\" must be an integer");
      filter.status = value.get<int>();
      continue;
    }
    if (!value.is_string()) return ControlFailure("\"" + key + "\" must be a string");
    if (key == "method") {
      filter.method = value.get<std::string>();
    } else if (key == "path") {
      filter.path_glob = value.get<std::string>();
    } else if (key == "route") {
      filter.route = value.get<std::string>();
    } else if (key == "user") {
      filter.user = value.get<std::string>();
    } else {
      return ControlFailure("Unknown matcher key '" + key + "'; use method, path, route, status or user");
    }
  }
  return api::ApiResponse::Ok({{"count", plane.journal().Count(filter)}});
}

api::ApiResponse GetMetrics(const api::ApiRequest&, ControlPlane& plane) {
  journal::Gauges gauges;
  const domain::WorldCounts counts = plane.store().Counts();
  gauges.users = counts.users;
  gauges.repositories = counts.repositories;
  gauges.artifacts = counts.artifacts;
  gauges.builds = counts.builds;
  gauges.journal_entries = plane.journal().size();
  gauges.faults_fired = plane.scenarios().FiredCounts();
  return api::ApiResponse::Text(plane.metrics().RenderPrometheus(gauges),
                                "text/plain; version=0.0.4; charset=utf-8");
}

}  // namespace emulator::control
