// Named in-memory snapshots of the world.
#include "control/control_api.h"

#include <algorithm>
#include <cctype>

namespace emulator::control {
namespace {

nlohmann::json SnapshotJson(const SnapshotInfo& info) {
  return {{"name", info.name}, {"createdAt", domain::FormatRfc3339(info.created_at)}};
}

api::ApiResponse SnapshotNotFound(const std::string& name) {
  return api::ApiResponse::Failure(domain::Error::NotFound("Snapshot '" + name + "' not found"));
}

}  // namespace

api::ApiResponse ListSnapshots(const api::ApiRequest&, ControlPlane& plane) {
  nlohmann::json list = nlohmann::json::array();
  for (const auto& info : plane.ListSnapshots()) list.push_back(SnapshotJson(info));
  return api::ApiResponse::Ok({{"snapshots", list}});
}

api::ApiResponse SaveSnapshot(const api::ApiRequest& request, ControlPlane& plane) {
  const std::string& name = request.path_params.at(0);
  const bool valid = !name.empty() && name.size() <= 128 &&
                     std::all_of(name.begin(), name.end(), [](char c) {
                       return std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_' || c == '.';
                     });
  if (!valid) {
    return ControlFailure("Snapshot name '" + name.substr(0, 128) +
                          "' is invalid; use 1 to 128 letters, digits, '-', '_' or '.'");
  }
  return api::ApiResponse::Created(SnapshotJson(plane.SaveSnapshot(name)));
}

api::ApiResponse RestoreSnapshot(const api::ApiRequest& request, ControlPlane& plane) {
  const std::string& name = request.path_params.at(0);
  if (!plane.RestoreSnapshot(name)) return SnapshotNotFound(name);
  return api::ApiResponse::NoContent();
}

api::ApiResponse DeleteSnapshot(const api::ApiRequest& request, ControlPlane& plane) {
  const std::string& name = request.path_params.at(0);
  if (!plane.DropSnapshot(name)) return SnapshotNotFound(name);
  return api::ApiResponse::NoContent();
}

}  // namespace emulator::control
