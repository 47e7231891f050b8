#ifndef EMULATOR_DOMAIN_STORE_H_
#define EMULATOR_DOMAIN_STORE_H_

#include <optional>
#include <shared_mutex>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "domain/build_lifecycle.h"
#include "domain/clock.h"
#include "domain/list_query.h"
#include "domain/model.h"
#include "domain/pagination.h"
#include "domain/result.h"

namespace emulator::domain {

// A repository as one caller reads it: the record, its creator and the
// caller's permissions on it.
struct RepositoryView {
  Repository repository;
  std::optional<User> creator;
  std::vector<std::string> permissions;
};

struct ArtifactView {
  Artifact artifact;
  std::optional<User> creator;
  std::vector<std::string> permissions;
};

struct BuildView {
  Build build;
  BuildState state;
  std::optional<User> creator;
};

// A request to grant a role, naming the recipient by username or by id.
struct RoleGrant {
  std::optional<std::string> username;
  std::optional<std::string> id;
  std::string role;
  std::string recipient_type;
};

struct WorldCounts {
  size_t users = 0;
  size_t repositories = 0;
  size_t artifacts = 0;
  size_t builds = 0;
};

// The emulated world and every lifecycle rule of the API. Artifact inputs
// arrive already validated and normalised (see validation/validator.h).
// Returned views are copies, so callers render them without holding a lock.
//
// Errors: NotFound for unknown ids, Forbidden for changes to a locked
// artifact, Conflict for deletes that a lock or a workload prevents, and
// Unprocessable for other lifecycle rules; each message is the sentence the
// real service sends.
//
// Thread safety: every method may be called concurrently. Readers share one
// lock and writers take it exclusively, so each call sees one consistent world.
class Store {
 public:
  // `initial` is the world to start from and the one Reset returns to.
  Store(World initial, Clock& clock);
  Store(const Store&) = delete;
  Store& operator=(const Store&) = delete;

  // Authentication.
  std::optional<User> FindUserByToken(const std::string& token) const;

  // Artifact repositories.
  Page<RepositoryView> ListRepositories(const ListQuery& query, const User& caller) const;
  Result<RepositoryView> GetRepository(const std::string& id, const User& caller) const;
  Result<Done> DeleteRepository(const std::string& id);
  Result<Page<SharedRole>> ListSharedRoles(const std::string& repository_id, long long offset,
                                           long long limit) const;
  Result<Done> UpdateSharedRoles(const std::string& repository_id,
                                 const std::vector<RoleGrant>& grants);

  // Artifacts. `input` is a validated InputArtifact, `update` a validated
  // UpdateArtifactRequest, both as dumped by the validator.
  Page<ArtifactView> ListArtifacts(const ListQuery& query, const User& caller) const;
  Result<ArtifactView> GetArtifact(const std::string& id, const User& caller) const;
  Result<ArtifactView> CreateArtifact(const nlohmann::json& input, const User& caller);
  Result<ArtifactView> ReplaceArtifact(const std::string& id, const nlohmann::json& input,
                                       const User& caller);
  Result<ArtifactView> UpdateArtifact(const std::string& id, const nlohmann::json& update,
                                      const User& caller);
  Result<Done> DeleteArtifact(const std::string& id);
  Result<ArtifactView> CloneArtifact(const std::string& id, const std::string& name,
                                     const User& caller);

  // Image builds.
  Result<Page<BuildView>> ListBuilds(const std::string& artifact_id, long long offset,
                                     long long limit) const;
  // `outcome`, when set, decides how the new builds end (scripted failures).
  Result<std::vector<std::string>> TriggerBuild(const std::string& artifact_id, const User& caller,
                                                const std::optional<BuildOutcome>& outcome = std::nullopt);
  Result<BuildView> GetBuild(const std::string& artifact_id, const std::string& build_id) const;
  Result<std::string> GetBuildLog(const std::string& artifact_id, const std::string& build_id) const;
  Result<Done> DeleteBuild(const std::string& artifact_id, const std::string& build_id);

  // Whole-world operations for the control API.
  void Reset();
  World Snapshot() const;
  void Replace(World world);
  WorldCounts Counts() const;
  Behaviour behaviour() const;

 private:
  RepositoryView ViewOf(const Repository& repository, const User& caller) const;
  ArtifactView ViewOf(const Artifact& artifact, const User& caller, Timestamp now) const;
  BuildView ViewOf(const Build& build, Timestamp now) const;
  std::vector<std::string> PermissionsOn(const Repository* repository, const User& caller) const;
  // The artifact `id` if it exists and is not locked (NotFound, Forbidden).
  // REQUIRES: mutex_ held exclusively.
  Result<Artifact*> FindEditable(const std::string& id);
  // REQUIRES: mutex_ held exclusively.
  Result<Done> CheckLockable(const Artifact& artifact) const;
  void LockArtifact(Artifact& artifact, Timestamp now);
  void RemoveArtifact(const std::string& id);
  void CarryBuildReferences(const nlohmann::json& old_spec, nlohmann::json& new_spec) const;

  // Fixed at construction.
  const World initial_;
  Clock& clock_;

  mutable std::shared_mutex mutex_;
  World world_;  // guarded by mutex_
};

}  // namespace emulator::domain

#endif  // EMULATOR_DOMAIN_STORE_H_
