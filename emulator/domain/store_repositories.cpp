// Artifact repositories and their shared roles.
#include <algorithm>
#include <mutex>

#include "domain/filters.h"
#include "domain/permissions.h"
#include "domain/store.h"

namespace emulator::domain {
namespace {

const char kRepositoryNotFound[] = "Artifact repository not found";

bool MatchesRepositoryQuery(const Repository& repository, const ListQuery& query) {
  if (!MatchesAny(query.created_by, repository.creator_id)) return false;
  if (!MatchesAny(query.ids, repository.id)) return false;
  if (!MatchesAny(query.types, repository.type)) return false;
  if (!MatchesTags(repository.tags, query.tag_keys, query.tag_values)) return false;
  if (query.search && !ContainsIgnoringCase(repository.name, *query.search) &&
      !ContainsIgnoringCase(repository.id, *query.search)) {
    return false;
  }
  return true;
}

}  // namespace

Page<RepositoryView> Store::ListRepositories(const ListQuery& query, const User& caller) const {
  std::shared_lock lock(mutex_);
  std::vector<const Repository*> matches;
  for (const auto& [id, repository] : world_.repositories) {
    if (MatchesRepositoryQuery(repository, query)) matches.push_back(&repository);
  }

  const SortOrder order = SortOrder::Parse(query.order_by);
  const long long needed = ItemsNeeded(query.offset, query.limit);
  const auto id_of = [](const Repository* repository) -> const std::string& { return repository->id; };
  if (order.field == "name") {
    SortStable(matches, order.descending, [](const Repository* r) -> const std::string& { return r->name; }, id_of, needed);
  } else if (order.field == "updatedAt") {
    SortStable(matches, order.descending, [](const Repository* r) { return r->updated_at; }, id_of, needed);
  } else {
    SortStable(matches, order.descending, [](const Repository* r) { return r->created_at; }, id_of, needed);
  }

  Page<const Repository*> slice = Slice(std::move(matches), query.offset, query.limit);
  Page<RepositoryView> page;
  page.total = slice.total;
  for (const Repository* repository : slice.items) page.items.push_back(ViewOf(*repository, caller));
  return page;
}

Result<RepositoryView> Store::GetRepository(const std::string& id, const User& caller) const {
  std::shared_lock lock(mutex_);
  const auto found = world_.repositories.find(id);
  if (found == world_.repositories.end()) return Error::NotFound(kRepositoryNotFound);
  return ViewOf(found->second, caller);
}

Result<Done> Store::DeleteRepository(const std::string& id) {
  std::unique_lock lock(mutex_);
  if (!world_.repositories.count(id)) return Error::NotFound(kRepositoryNotFound);

  std::vector<std::string> members;
  for (const auto& [artifact_id, artifact] : world_.artifacts) {
    if (artifact.repository_id != id) continue;
    const bool protected_artifact = artifact.locked() || !artifact.used_by_workloads.empty();
    if (protected_artifact && !world_.behaviour.cascade_locked_on_repository_delete) {
      return Error::Conflict(
          "Cannot delete artifact repository: it contains locked artifacts or artifacts in use "
          "by workloads");
    }
    members.push_back(artifact_id);
  }

  for (const auto& artifact_id : members) RemoveArtifact(artifact_id);
  world_.repositories.erase(id);
  return Done{};
}

Result<Page<SharedRole>> Store::ListSharedRoles(const std::string& repository_id, long long offset,
                                                long long limit) const {
  std::shared_lock lock(mutex_);
  const auto found = world_.repositories.find(repository_id);
  if (found == world_.repositories.end()) return Error::NotFound(kRepositoryNotFound);
  return Slice(found->second.shared_roles, offset, limit);
}

Result<Done> Store::UpdateSharedRoles(const std::string& repository_id,
                                      const std::vector<RoleGrant>& grants) {
  std::unique_lock lock(mutex_);
  const auto found = world_.repositories.find(repository_id);
  if (found == world_.repositories.end()) return Error::NotFound(kRepositoryNotFound);

  std::vector<SharedRole> roles;
  for (const RoleGrant& grant : grants) {
    const User* user = nullptr;
    if (grant.username) {
      user = world_.FindUserByUsername(*grant.username);
      if (user == nullptr) {
        return Error::Unprocessable("User with username '" + *grant.username + "' not found");
      }
    } else if (grant.id) {
      user = world_.FindUserById(*grant.id);
      if (user == nullptr) {
        // NOTE: groups and organisations are not modelled, so only user ids
        // can be granted a role; the real service also accepts their ids.
        return Error::Unprocessable("Recipient with id '" + *grant.id + "' not found");
      }
    }
    if (user == nullptr) return Error::Unprocessable("A role grant names no recipient");

    SharedRole role{user->id, user->username, grant.role, grant.recipient_type};
    // A later grant for the same recipient replaces an earlier one.
    bool replaced = false;
    for (auto& existing : roles) {
      if (existing.recipient_id == role.recipient_id) {
        existing = role;
        replaced = true;
      }
    }
    if (!replaced) roles.push_back(std::move(role));
  }

  // NO_ROLE removes a recipient's access.
  roles.erase(std::remove_if(roles.begin(), roles.end(),
                             [](const SharedRole& role) { return role.role == "NO_ROLE"; }),
              roles.end());
  found->second.shared_roles = std::move(roles);
  found->second.updated_at = clock_.Now();
  return Done{};
}

}  // namespace emulator::domain
