#include "domain/store.h"

#include <mutex>

#include "domain/permissions.h"

namespace emulator::domain {

Store::Store(World initial, Clock& clock) : initial_(initial), clock_(clock), world_(std::move(initial)) {}

std::optional<User> Store::FindUserByToken(const std::string& token) const {
  std::shared_lock lock(mutex_);
  const User* user = world_.FindUserByToken(token);
  if (user == nullptr) return std::nullopt;
  return *user;
}

std::vector<std::string> Store::PermissionsOn(const Repository* repository,
                                              const User& caller) const {
  if (repository != nullptr) {
    for (const auto& grant : repository->shared_roles) {
      if (grant.recipient_type == "user" && grant.recipient_id == caller.id) {
        return PermissionsForRole(grant.role);
      }
    }
  }
  // NOTE: the real service hides resources that are not shared with the
  // caller. The emulator does not enforce permissions yet, so a caller without
  // a role sees the owner's permissions, which matches what it may do here.
  return PermissionsForRole("OWNER");
}

RepositoryView Store::ViewOf(const Repository& repository, const User& caller) const {
  RepositoryView view{repository, std::nullopt, PermissionsOn(&repository, caller)};
  if (const User* creator = world_.FindUserById(repository.creator_id)) view.creator = *creator;
  return view;
}

ArtifactView Store::ViewOf(const Artifact& artifact, const User& caller, Timestamp now) const {
  const auto repository = world_.repositories.find(artifact.repository_id);
  const Repository* owner = repository == world_.repositories.end() ? nullptr : &repository->second;
  ArtifactView view{artifact, std::nullopt, PermissionsOn(owner, caller)};
  ApplyBuildResults(view.artifact, world_, now);
  if (const User* creator = world_.FindUserById(artifact.creator_id)) view.creator = *creator;
  return view;
}

BuildView Store::ViewOf(const Build& build, Timestamp now) const {
  BuildView view{build, CurrentBuildState(build, world_.behaviour, now), std::nullopt};
  if (const User* creator = world_.FindUserById(build.creator_id)) view.creator = *creator;
  return view;
}

void Store::Reset() {
  std::unique_lock lock(mutex_);
  world_ = initial_;
}

World Store::Snapshot() const {
  std::shared_lock lock(mutex_);
  return world_;
}

void Store::Replace(World world) {
  std::unique_lock lock(mutex_);
  world_ = std::move(world);
}

WorldCounts Store::Counts() const {
  std::shared_lock lock(mutex_);
  return {world_.users.size(), world_.repositories.size(), world_.artifacts.size(),
          world_.builds.size()};
}

Behaviour Store::behaviour() const {
  std::shared_lock lock(mutex_);
  return world_.behaviour;
}

}  // namespace emulator::domain
