#include "seed/seed_loader.h"

#include <set>

#include <nlohmann/json.hpp>

#include "domain/permissions.h"
#include "domain/spec.h"
#include "seed/seed_reader.h"
#include "validation/validator.h"

namespace emulator::embedded {
extern const std::string_view kDefaultSeedJson;
}  // namespace emulator::embedded

namespace emulator::seed {
namespace {

using nlohmann::json;

constexpr domain::Timestamp kDefaultEpoch = 1767258000LL * domain::kMicrosPerSecond;  // 2026-01-01T09:00:00Z
// Entries without createdAt get the epoch plus one minute per entry, in file
// order, so that the default "newest first" order is the reverse file order.
constexpr domain::Timestamp kSeedTimeStep = 60 * domain::kMicrosPerSecond;

// Ids given in the file, collected first so that generated ids avoid them.
void CollectIds(const json& value, std::set<std::string>& ids) {
  if (value.is_object()) {
    for (const auto& item : value.items()) {
      if (item.key() == "id" && item.value().is_string()) ids.insert(item.value().get<std::string>());
      if (item.key() != "spec") CollectIds(item.value(), ids);
    }
  } else if (value.is_array()) {
    for (const auto& item : value) CollectIds(item, ids);
  }
}

// The pointer of a validation problem inside `document`. A validator loc may
// name a union member ("service", "StringEnvironmentVariable") that is not a
// key of the file; such parts are skipped so the pointer names real keys.
std::string PointerOfLoc(const std::string& base, const json& document, const json& loc) {
  std::string pointer = base;
  const json* current = &document;
  for (const auto& part : loc) {
    if (part.is_number() && current->is_array() && part.get<size_t>() < current->size()) {
      const size_t index = part.get<size_t>();
      pointer = SeedReader::Child(pointer, index);
      current = &(*current)[index];
    } else if (part.is_string() && current->is_object()) {
      const std::string key = part.get<std::string>();
      if (!current->contains(key)) continue;
      pointer = SeedReader::Child(pointer, key);
      current = &(*current)[key];
    }
  }
  return pointer;
}

// Writes container build times the way the service does (six fractional
// digits and Z), whatever RFC 3339 form the file used.
void NormaliseBuildTimes(json& spec) {
  domain::ForEachContainer(spec, [](json& container) {
    if (!container.is_object() || !container.contains("build") || !container["build"].is_object()) return;
    json& created_at = container["build"]["createdAt"];
    if (!created_at.is_string()) return;
    if (const auto time = domain::ParseRfc3339(created_at.get<std::string>())) {
      created_at = domain::FormatRfc3339(*time);
    }
  });
}

class WorldBuilder {
 public:
  WorldBuilder(std::vector<std::string>& problems, std::optional<std::uint64_t> id_seed)
      : reader_(problems), id_seed_override_(id_seed) {}

  std::optional<domain::World> Build(const json& root) {
    if (!reader_.IsObject(root, "")) return std::nullopt;
    reader_.RejectUnknownKeys(root, "", {"idSeed", "idCounter", "epoch", "behaviour", "users",
                                         "repositories", "scenarios"});
    CollectIds(root, reserved_ids_);

    const auto file_id_seed = reader_.Integer(root, "", "idSeed", 0);
    world_.ids = domain::IdGenerator(
        id_seed_override_.value_or(static_cast<std::uint64_t>(file_id_seed.value_or(1))));
    world_.epoch = reader_.Time(root, "", "epoch").value_or(kDefaultEpoch);
    next_time_ = world_.epoch;

    if (root.contains("behaviour")) ReadBehaviour(root["behaviour"], "/behaviour");
    const json users = reader_.Array(root, "", "users");
    for (size_t i = 0; i < users.size(); ++i) ReadUser(users[i], SeedReader::Child("/users", i));
    const json repositories = reader_.Array(root, "", "repositories");
    for (size_t i = 0; i < repositories.size(); ++i) {
      ReadRepository(repositories[i], SeedReader::Child("/repositories", i));
    }
    // A saved world continues its id sequence where it stopped.
    if (const auto counter = reader_.Integer(root, "", "idCounter", 0)) {
      world_.ids.set_generated(std::max(world_.ids.generated(), static_cast<std::uint64_t>(*counter)));
    }
    return world_;
  }

 private:
  std::string NewId() {
    for (;;) {
      std::string id = world_.NewId();
      if (!reserved_ids_.count(id)) return id;
    }
  }

  // Takes a given id, or generates one; reports an id used twice.
  std::string IdFor(const json& object, const std::string& pointer) {
    std::optional<std::string> id = reader_.Id(object, pointer);
    if (!id) return NewId();
    if (!used_ids_.insert(*id).second) {
      reader_.Problem(SeedReader::Child(pointer, "id"), "id '" + *id + "' is used more than once");
    }
    return *id;
  }

  domain::Timestamp NextTime() {
    const domain::Timestamp time = next_time_;
    next_time_ += kSeedTimeStep;
    return time;
  }

  void ReadBehaviour(const json& object, const std::string& pointer) {
    if (!reader_.IsObject(object, pointer)) return;
    reader_.RejectUnknownKeys(object, pointer,
                              {"buildDurations", "cascadeLockedOnRepositoryDelete",
                               "validationErrorStyle", "extraArtifactTypes", "registryHost"});
    domain::Behaviour& behaviour = world_.behaviour;
    if (object.contains("buildDurations")) {
      const json& durations = object["buildDurations"];
      const std::string durations_pointer = SeedReader::Child(pointer, "buildDurations");
      if (reader_.IsObject(durations, durations_pointer)) {
        reader_.RejectUnknownKeys(durations, durations_pointer,
                                  {"pendingSeconds", "inProgressSeconds", "builtSeconds"});
        const auto seconds = [&](const char* key, domain::Timestamp fallback) {
          const auto value = reader_.Number(durations, durations_pointer, key, 0);
          return value ? static_cast<domain::Timestamp>(*value * domain::kMicrosPerSecond) : fallback;
        };
        behaviour.pending_duration = seconds("pendingSeconds", behaviour.pending_duration);
        behaviour.in_progress_duration = seconds("inProgressSeconds", behaviour.in_progress_duration);
        behaviour.built_duration = seconds("builtSeconds", behaviour.built_duration);
      }
    }
    behaviour.cascade_locked_on_repository_delete =
        reader_.Boolean(object, pointer, "cascadeLockedOnRepositoryDelete").value_or(false);
    if (auto style = reader_.String(object, pointer, "validationErrorStyle", false)) {
      if (*style != "reference" && *style != "pathMessageCode") {
        reader_.Problem(SeedReader::Child(pointer, "validationErrorStyle"),
                        "'" + *style + "' is not a style; use reference or pathMessageCode");
      } else {
        behaviour.validation_error_style = *style;
      }
    }
    behaviour.extra_artifact_types = reader_.StringArray(object, pointer, "extraArtifactTypes");
    if (auto host = reader_.String(object, pointer, "registryHost", false)) {
      behaviour.registry_host = *host;
    }
  }

  void ReadUser(const json& object, const std::string& pointer) {
    if (!reader_.IsObject(object, pointer)) return;
    reader_.RejectUnknownKeys(object, pointer,
                              {"id", "username", "fullName", "email", "userhash", "token"});
    domain::User user;
    user.id = IdFor(object, pointer);
    user.username = reader_.String(object, pointer, "username", true).value_or("");
    user.token = reader_.String(object, pointer, "token", true).value_or("");
    user.full_name = reader_.String(object, pointer, "fullName", false);
    user.email = reader_.String(object, pointer, "email", false);
    user.userhash = reader_.String(object, pointer, "userhash", false);
    for (const char* key : {"username", "token"}) {
      if (object.contains(key) && object[key].is_string() && object[key].get<std::string>().empty()) {
        reader_.Problem(SeedReader::Child(pointer, key), "must not be empty");
      }
    }
    if (!user.username.empty() && world_.FindUserByUsername(user.username)) {
      reader_.Problem(SeedReader::Child(pointer, "username"),
                      "username '" + user.username + "' is used by another user");
    }
    if (!user.token.empty() && world_.FindUserByToken(user.token)) {
      reader_.Problem(SeedReader::Child(pointer, "token"), "the token is used by another user");
    }
    world_.users.push_back(std::move(user));
  }

  // A username that must name a user of the file; empty when it does not.
  std::string UserIdOf(const json& object, const std::string& pointer, const std::string& key,
                       const std::string& fallback) {
    const std::optional<std::string> username = reader_.String(object, pointer, key, fallback.empty());
    if (!username) return fallback;
    const domain::User* user = world_.FindUserByUsername(*username);
    if (user == nullptr) {
      reader_.Problem(SeedReader::Child(pointer, key),
                      "no user with username '" + *username + "' in /users");
      return fallback;
    }
    return user->id;
  }

  std::vector<domain::Tag> ReadTags(const json& object, const std::string& pointer) {
    std::vector<domain::Tag> tags;
    const json items = reader_.Array(object, pointer, "tags");
    for (size_t i = 0; i < items.size(); ++i) {
      const std::string tag_pointer = SeedReader::Child(SeedReader::Child(pointer, "tags"), i);
      if (!reader_.IsObject(items[i], tag_pointer)) continue;
      reader_.RejectUnknownKeys(items[i], tag_pointer, {"id", "name", "value"});
      domain::Tag tag;
      tag.id = IdFor(items[i], tag_pointer);
      world_.tag_ids.insert(tag.id);
      tag.name = reader_.String(items[i], tag_pointer, "name", true).value_or("");
      tag.value = reader_.String(items[i], tag_pointer, "value", true).value_or("");
      tags.push_back(std::move(tag));
    }
    return tags;
  }

  void ReadSharedRoles(const json& object, const std::string& pointer, domain::Repository& repository) {
    if (!object.contains("sharedRoles")) {
      if (const domain::User* creator = world_.FindUserById(repository.creator_id)) {
        repository.shared_roles.push_back({creator->id, creator->username, "OWNER", "user"});
      }
      return;
    }
    const json items = reader_.Array(object, pointer, "sharedRoles");
    for (size_t i = 0; i < items.size(); ++i) {
      const std::string role_pointer = SeedReader::Child(SeedReader::Child(pointer, "sharedRoles"), i);
      if (!reader_.IsObject(items[i], role_pointer)) continue;
      reader_.RejectUnknownKeys(items[i], role_pointer, {"username", "role", "shareRecipientType"});
      const std::string user_id = UserIdOf(items[i], role_pointer, "username", "");
      const std::string role = reader_.String(items[i], role_pointer, "role", true).value_or("");
      const std::string type =
          reader_.String(items[i], role_pointer, "shareRecipientType", false).value_or("user");
      if (!role.empty() && !domain::IsSharingRole(role)) {
        reader_.Problem(SeedReader::Child(role_pointer, "role"), "'" + role + "' is not a SharingRole");
      }
      if (!domain::IsSubjectType(type)) {
        reader_.Problem(SeedReader::Child(role_pointer, "shareRecipientType"),
                        "'" + type + "' is not a SubjectType");
      }
      if (const domain::User* user = world_.FindUserById(user_id)) {
        repository.shared_roles.push_back({user->id, user->username, role, type});
      }
    }
  }

  void ReadRepository(const json& object, const std::string& pointer) {
    if (!reader_.IsObject(object, pointer)) return;
    reader_.RejectUnknownKeys(object, pointer,
                              {"id", "name", "type", "createdBy", "createdAt", "updatedAt",
                               "lastVersionNumber", "tags", "sharedRoles", "artifacts"});
    domain::Repository repository;
    repository.id = IdFor(object, pointer);
    repository.name = reader_.String(object, pointer, "name", true).value_or("");
    repository.type = reader_.String(object, pointer, "type", false).value_or("service");
    if (!IsArtifactType(repository.type)) {
      reader_.Problem(SeedReader::Child(pointer, "type"),
                      "'" + repository.type + "' is not an artifact type; use service or nim, or "
                      "add it to /behaviour/extraArtifactTypes");
    }
    repository.creator_id = UserIdOf(object, pointer, "createdBy", "");
    repository.created_at = reader_.Time(object, pointer, "createdAt").value_or(NextTime());
    repository.updated_at = reader_.Time(object, pointer, "updatedAt").value_or(repository.created_at);
    repository.tags = ReadTags(object, pointer);
    ReadSharedRoles(object, pointer, repository);

    const json artifacts = reader_.Array(object, pointer, "artifacts");
    for (size_t i = 0; i < artifacts.size(); ++i) {
      ReadArtifact(artifacts[i], SeedReader::Child(SeedReader::Child(pointer, "artifacts"), i),
                   repository);
    }
    const auto last = reader_.Integer(object, pointer, "lastVersionNumber", 0);
    if (last && *last < repository.last_version_number) {
      reader_.Problem(SeedReader::Child(pointer, "lastVersionNumber"),
                      "is lower than the version of one of its locked artifacts (" +
                          std::to_string(repository.last_version_number) + ")");
    } else if (last) {
      repository.last_version_number = *last;
    }
    world_.repositories.emplace(repository.id, std::move(repository));
  }

  bool IsArtifactType(const std::string& type) const {
    if (type == "service" || type == "nim") return true;
    const auto& extra = world_.behaviour.extra_artifact_types;
    return std::find(extra.begin(), extra.end(), type) != extra.end();
  }

  void ReadArtifact(const json& object, const std::string& pointer, domain::Repository& repository) {
    if (!reader_.IsObject(object, pointer)) return;
    reader_.RejectUnknownKeys(object, pointer,
                              {"id", "name", "description", "status", "version", "createdBy",
                               "createdAt", "updatedAt", "tags", "spec", "usedByWorkloads", "builds"});
    domain::Artifact artifact;
    artifact.id = IdFor(object, pointer);
    artifact.name = reader_.String(object, pointer, "name", true).value_or("");
    if (object.contains("name") && object["name"].is_string() && artifact.name.empty()) {
      reader_.Problem(SeedReader::Child(pointer, "name"), "must not be empty");
    }
    artifact.description = reader_.String(object, pointer, "description", false).value_or("");
    artifact.type = repository.type;
    artifact.repository_id = repository.id;
    // With an unknown repository creator (already reported) an artifact
    // without its own createdBy has no creator, which is not a second problem.
    artifact.creator_id = repository.creator_id.empty() && !object.contains("createdBy")
                              ? ""
                              : UserIdOf(object, pointer, "createdBy", repository.creator_id);
    artifact.created_at = reader_.Time(object, pointer, "createdAt").value_or(NextTime());
    artifact.updated_at = reader_.Time(object, pointer, "updatedAt").value_or(artifact.created_at);
    artifact.tags = ReadTags(object, pointer);
    artifact.used_by_workloads = reader_.StringArray(object, pointer, "usedByWorkloads");

    artifact.status = reader_.String(object, pointer, "status", false).value_or(domain::kStatusDraft);
    const auto version = reader_.Integer(object, pointer, "version", 1);
    if (artifact.status == domain::kStatusLocked) {
      artifact.version = version ? *version : repository.last_version_number + 1;
      repository.last_version_number = std::max(repository.last_version_number, *artifact.version);
      if (!versions_in_repository_.insert({repository.id, *artifact.version}).second) {
        reader_.Problem(SeedReader::Child(pointer, "version"),
                        "version " + std::to_string(*artifact.version) +
                            " is used by another locked artifact of this repository");
      }
    } else if (artifact.status != domain::kStatusDraft) {
      reader_.Problem(SeedReader::Child(pointer, "status"),
                      "'" + artifact.status + "' is not a status; use draft or locked");
    } else if (version) {
      reader_.Problem(SeedReader::Child(pointer, "version"), "only locked artifacts have a version");
    }

    ReadSpec(object, pointer, artifact);
    const json builds = reader_.Array(object, pointer, "builds");
    for (size_t i = 0; i < builds.size(); ++i) {
      ReadBuild(builds[i], SeedReader::Child(SeedReader::Child(pointer, "builds"), i), artifact);
    }
    repository.num_artifacts += 1;
    world_.artifacts.emplace(artifact.id, std::move(artifact));
  }

  // Normalises the spec exactly as a create request would.
  void ReadSpec(const json& object, const std::string& pointer, domain::Artifact& artifact) {
    if (!object.contains("spec")) {
      reader_.Problem(SeedReader::Child(pointer, "spec"), "missing; an artifact spec is required");
      return;
    }
    // Types beyond the reference's (extraArtifactTypes) are checked with the
    // service rules, the closest shape, and keep their own name in spec.type.
    const bool reference_type = artifact.type == "service" || artifact.type == "nim";
    json spec = object["spec"];
    if (!reference_type && spec.is_object()) spec.erase("type");
    const json input = {{"name", artifact.name},
                        {"type", reference_type ? artifact.type : "service"},
                        {"spec", spec}};
    const validation::BodyValidation checked = validation::ValidateValue(
        validation::BodyModel::kInputArtifact, input, json::array());
    for (const auto& issue : checked.issues) {
      // Problems with the name are reported by the name check above.
      if (!issue.loc.empty() && issue.loc[0] == "name") continue;
      reader_.Problem(PointerOfLoc(pointer, object, issue.loc), issue.msg);
    }
    if (checked.ok()) {
      artifact.spec = checked.value.value("spec", json::object());
      if (!reference_type) artifact.spec["type"] = artifact.type;
      NormaliseBuildTimes(artifact.spec);
    }
  }

  void ReadBuild(const json& object, const std::string& pointer, const domain::Artifact& artifact) {
    if (!reader_.IsObject(object, pointer)) return;
    reader_.RejectUnknownKeys(object, pointer,
                              {"id", "name", "status", "createdBy", "createdAt", "updatedAt",
                               "catalogId", "catalogVersionId", "containerNames", "cancelledAt",
                               "outcome"});
    domain::Build build;
    build.id = IdFor(object, pointer);
    build.artifact_id = artifact.id;
    build.creator_id = UserIdOf(object, pointer, "createdBy", artifact.creator_id);
    build.created_at = reader_.Time(object, pointer, "createdAt").value_or(NextTime());
    build.catalog_id = reader_.String(object, pointer, "catalogId", false).value_or("");
    build.catalog_version_id = reader_.String(object, pointer, "catalogVersionId", false).value_or("");
    build.name = reader_.String(object, pointer, "name", false)
                     .value_or(artifact.name + ":" + build.catalog_version_id);
    build.container_names = reader_.StringArray(object, pointer, "containerNames");
    if (const auto status = reader_.String(object, pointer, "status", false)) {
      build.pinned_status = domain::ParseBuildStatus(*status);
      if (!build.pinned_status) {
        reader_.Problem(SeedReader::Child(pointer, "status"),
                        "'" + *status + "' is not a build status; use PENDING, IN_PROGRESS, BUILT, "
                        "COMPLETED, CANCELLED, FAILED or UNKNOWN");
      }
      build.pinned_updated_at = reader_.Time(object, pointer, "updatedAt").value_or(build.created_at);
    }
    if (const auto cancelled_at = reader_.Time(object, pointer, "cancelledAt")) {
      build.cancelled_at = *cancelled_at;
    }
    if (object.contains("outcome")) ReadOutcome(object["outcome"], SeedReader::Child(pointer, "outcome"), build);
    world_.builds.emplace(build.id, std::move(build));
  }

  // Reads how a live build ends: {"finalStatus", "stopDuring",
  // "stopAfterSeconds", "stall", "log"}, as a scenario's build rule sets it.
  void ReadOutcome(const json& object, const std::string& pointer, domain::Build& build) {
    if (!reader_.IsObject(object, pointer)) return;
    reader_.RejectUnknownKeys(object, pointer,
                              {"finalStatus", "stopDuring", "stopAfterSeconds", "stall", "log"});
    domain::BuildOutcome& outcome = build.outcome;
    const auto status_at = [&](const char* key, domain::BuildStatus fallback) {
      const auto name = reader_.String(object, pointer, key, false);
      if (!name) return fallback;
      const auto status = domain::ParseBuildStatus(*name);
      if (!status) {
        reader_.Problem(SeedReader::Child(pointer, key), "'" + *name + "' is not a build status");
        return fallback;
      }
      return *status;
    };
    outcome.final_status = status_at("finalStatus", domain::BuildStatus::kCompleted);
    outcome.stop_during = status_at("stopDuring", domain::BuildStatus::kInProgress);
    const auto after = reader_.Number(object, pointer, "stopAfterSeconds", 0);
    outcome.stop_after = after ? static_cast<domain::Timestamp>(*after * domain::kMicrosPerSecond) : 0;
    outcome.stall = reader_.Boolean(object, pointer, "stall").value_or(false);
    outcome.log_message = reader_.String(object, pointer, "log", false).value_or("");
  }

  SeedReader reader_;
  const std::optional<std::uint64_t> id_seed_override_;
  domain::World world_;
  std::set<std::string> reserved_ids_;
  std::set<std::string> used_ids_;
  std::set<std::pair<std::string, long long>> versions_in_repository_;
  domain::Timestamp next_time_ = kDefaultEpoch;
};

}  // namespace

SeedLoadResult LoadSeed(std::string_view text, const std::string& source,
                        std::optional<std::uint64_t> id_seed) {
  SeedLoadResult result;
  json root;
  try {
    root = json::parse(text.begin(), text.end());
  } catch (const json::exception& error) {
    // Besides syntax errors this catches numbers out of range (1e400).
    result.problems.push_back(source + ": /: the file is not valid JSON (" + error.what() + ")");
    return result;
  }

  std::vector<std::string> problems;
  WorldBuilder builder(problems, id_seed);
  std::optional<domain::World> world = builder.Build(root);
  if (root.is_object() && root.contains("scenarios")) {
    if (root["scenarios"].is_array()) {
      result.scenarios = root["scenarios"];
    } else {
      problems.push_back("/scenarios: expected an array of scenario documents");
    }
  }
  for (const auto& problem : problems) result.problems.push_back(source + ": " + problem);
  if (result.problems.empty()) result.world = std::move(world);
  return result;
}

SeedLoadResult LoadDefaultSeed(std::optional<std::uint64_t> id_seed) {
  return LoadSeed(embedded::kDefaultSeedJson, "<built-in seed>", id_seed);
}

}  // namespace emulator::seed
