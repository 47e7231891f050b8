#ifndef EMULATOR_DOMAIN_MODEL_H_
#define EMULATOR_DOMAIN_MODEL_H_

// The emulated world as plain values. Everything here is copyable, so a
// snapshot of the world is a copy of a World.

#include <map>
#include <set>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "domain/id_generator.h"
#include "domain/timestamp.h"

namespace emulator::domain {

struct User {
  std::string id;
  std::string username;
  std::optional<std::string> full_name;
  std::optional<std::string> email;
  std::optional<std::string> userhash;
  std::string token;
};

struct Tag {
  std::string id;
  std::string name;
  std::string value;
};

// One recipient's role on a repository.
struct SharedRole {
  std::string recipient_id;
  std::string name;            // username, group or organisation name
  std::string role;            // SharingRole enum value, e.g. OWNER
  std::string recipient_type;  // SubjectType enum value, e.g. user
};

struct Repository {
  std::string id;
  std::string name;
  std::string type;  // ArtifactType
  std::string creator_id;
  Timestamp created_at = 0;
  Timestamp updated_at = 0;
  long long last_version_number = 0;
  long long num_artifacts = 0;  // Invariant: artifacts whose repository_id is id
  std::vector<Tag> tags;
  std::vector<SharedRole> shared_roles;
};

inline constexpr const char* kStatusDraft = "draft";
inline constexpr const char* kStatusLocked = "locked";

struct Artifact {
  std::string id;
  std::string name;
  std::string description;
  std::string type;    // ArtifactType
  std::string status;  // kStatusDraft or kStatusLocked
  std::optional<long long> version;  // set only when locked
  std::string repository_id;
  std::string creator_id;
  Timestamp created_at = 0;
  Timestamp updated_at = 0;
  std::vector<Tag> tags;
  // The spec as the service dumps it (spec.type included), see validation.
  nlohmann::json spec;
  // Ids of workloads that use this artifact; a non-empty list blocks delete.
  std::vector<std::string> used_by_workloads;

  bool locked() const { return status == kStatusLocked; }
};

// Build statuses (ImageBuildExternalStatus).
enum class BuildStatus { kPending, kInProgress, kBuilt, kCompleted, kCancelled, kFailed, kUnknown };

const char* BuildStatusName(BuildStatus status);
std::optional<BuildStatus> ParseBuildStatus(const std::string& name);
bool IsFinal(BuildStatus status);

// The end of a build's walk. The default walks all the way to COMPLETED.
struct BuildOutcome {
  BuildStatus final_status = BuildStatus::kCompleted;  // kCompleted, kFailed or kCancelled
  // For kFailed and kCancelled: the status during which the build stops, and
  // how long into that status.
  BuildStatus stop_during = BuildStatus::kInProgress;
  Timestamp stop_after = 0;
  bool stall = false;  // stays in stop_during forever
  std::string log_message;
};

struct Build {
  std::string id;
  std::string artifact_id;
  std::string name;
  std::string creator_id;
  Timestamp created_at = 0;
  std::string catalog_id;
  std::string catalog_version_id;
  // Names of the containers this build produces images for.
  std::vector<std::string> container_names;
  BuildOutcome outcome;
  // A build loaded from a seed with a fixed status stays in it.
  std::optional<BuildStatus> pinned_status;
  Timestamp pinned_updated_at = 0;
  // Set when a client deleted the build or a newer trigger superseded it.
  std::optional<Timestamp> cancelled_at;
};

// Switches that change how the emulator behaves; each is documented in
// docs/behaviour.md.
struct Behaviour {
  Timestamp pending_duration = 1 * kMicrosPerSecond;
  Timestamp in_progress_duration = 3 * kMicrosPerSecond;
  Timestamp built_duration = 1 * kMicrosPerSecond;
  // Deleting a repository also deletes its locked and in-use artifacts.
  bool cascade_locked_on_repository_delete = false;
  // "reference" ({loc,msg,type} items) or "pathMessageCode" ({path,message,code}).
  std::string validation_error_style = "reference";
  // Artifact types accepted beyond the reference's service and nim.
  std::vector<std::string> extra_artifact_types;
  std::string registry_host = "registry.emulator.local";
};

// The whole emulated state. The store guards one instance.
struct World {
  std::vector<User> users;
  std::map<std::string, Repository> repositories;  // by id
  std::map<std::string, Artifact> artifacts;       // by id
  std::map<std::string, Build> builds;             // by id
  // Every tag id placed in the world, so NewId can avoid them without
  // scanning every resource's tags. Invariant: the code that adds a tag adds
  // its id here (ids of deleted tags may stay).
  std::set<std::string> tag_ids;
  Behaviour behaviour;
  IdGenerator ids;
  // Timestamp used for seed entries that give none.
  Timestamp epoch = 0;

  const User* FindUserById(const std::string& id) const;
  const User* FindUserByToken(const std::string& token) const;
  const User* FindUserByUsername(const std::string& username) const;
  // Returns a fresh id that no resource uses yet.
  std::string NewId();
  // The latest creation or update time of any resource, or `epoch` when
  // there are none later.
  Timestamp LatestTimestamp() const;
};

}  // namespace emulator::domain

#endif  // EMULATOR_DOMAIN_MODEL_H_
