#include "domain/model.h"

#include <algorithm>

namespace emulator::domain {
namespace {

struct BuildStatusEntry {
  BuildStatus status;
  const char* name;
};

constexpr BuildStatusEntry kBuildStatusNames[] = {
    {BuildStatus::kPending, "PENDING"},     {BuildStatus::kInProgress, "IN_PROGRESS"},
    {BuildStatus::kBuilt, "BUILT"},         {BuildStatus::kCompleted, "COMPLETED"},
    {BuildStatus::kCancelled, "CANCELLED"}, {BuildStatus::kFailed, "FAILED"},
    {BuildStatus::kUnknown, "UNKNOWN"},
};

}  // namespace

const char* BuildStatusName(BuildStatus status) {
  for (const auto& entry : kBuildStatusNames) {
    if (entry.status == status) return entry.name;
  }
  return "UNKNOWN";
}

std::optional<BuildStatus> ParseBuildStatus(const std::string& name) {
  for (const auto& entry : kBuildStatusNames) {
    if (name == entry.name) return entry.status;
  }
  return std::nullopt;
}

bool IsFinal(BuildStatus status) {
  return status == BuildStatus::kCompleted || status == BuildStatus::kCancelled ||
         status == BuildStatus::kFailed;
}

const User* World::FindUserById(const std::string& id) const {
  for (const auto& user : users) {
    if (user.id == id) return &user;
  }
  return nullptr;
}

const User* World::FindUserByToken(const std::string& token) const {
  for (const auto& user : users) {
    if (user.token == token) return &user;
  }
  return nullptr;
}

const User* World::FindUserByUsername(const std::string& username) const {
  for (const auto& user : users) {
    if (user.username == username) return &user;
  }
  return nullptr;
}

Timestamp World::LatestTimestamp() const {
  Timestamp latest = epoch;
  for (const auto& [id, repository] : repositories) {
    latest = std::max({latest, repository.created_at, repository.updated_at});
  }
  for (const auto& [id, artifact] : artifacts) {
    latest = std::max({latest, artifact.created_at, artifact.updated_at});
  }
  for (const auto& [id, build] : builds) {
    latest = std::max({latest, build.created_at, build.pinned_updated_at});
  }
  return latest;
}


std::string World::NewId() {
  for (;;) {
    std::string id = ids.Next();
    const bool taken = repositories.count(id) || artifacts.count(id) || builds.count(id) ||
                       tag_ids.count(id) || FindUserById(id) != nullptr;
    if (!taken) return id;
  }
}

}  // namespace emulator::domain
