// Artifacts: create, edit, lock, clone and delete.
#include <mutex>

#include "domain/filters.h"
#include "domain/spec.h"
#include "domain/store.h"

namespace emulator::domain {
namespace {

const char kArtifactNotFound[] = "Artifact not found";
const char kArtifactLocked[] = "Cannot update artifact: artifact is locked";

bool MatchesArtifactQuery(const Artifact& artifact, const ListQuery& query) {
  if (!MatchesAny(query.created_by, artifact.creator_id)) return false;
  if (!MatchesAny(query.ids, artifact.id)) return false;
  if (!MatchesAny(query.types, artifact.type)) return false;
  if (!MatchesAny(query.statuses, artifact.status)) return false;
  if (!MatchesAny(query.repository_ids, artifact.repository_id)) return false;
  if (!MatchesTags(artifact.tags, query.tag_keys, query.tag_values)) return false;
  if (query.search && !ContainsIgnoringCase(artifact.name, *query.search) &&
      !ContainsIgnoringCase(artifact.description, *query.search) &&
      !ContainsIgnoringCase(artifact.id, *query.search)) {
    return false;
  }
  return true;
}

Error TypeMismatch(const std::string& artifact_type, const std::string& repository_type) {
  return Error::Unprocessable("Artifact type '" + artifact_type +
                              "' does not match the artifact repository type '" + repository_type + "'");
}

std::string StringOr(const nlohmann::json& object, const char* key, const std::string& fallback) {
  const auto found = object.find(key);
  return found != object.end() && found->is_string() ? found->get<std::string>() : fallback;
}

// `build` is set by the server when a build starts; a client cannot set it.
void DropClientBuildReferences(nlohmann::json& spec) {
  ForEachContainer(spec, [](nlohmann::json& container) {
    if (container.is_object()) container["build"] = nullptr;
  });
}

}  // namespace

void Store::CarryBuildReferences(const nlohmann::json& old_spec, nlohmann::json& new_spec) const {
  DropClientBuildReferences(new_spec);
  ForEachContainer(new_spec, [&](nlohmann::json& container) {
    const std::string name = StringOr(container, "name", "");
    ForEachContainer(old_spec, [&](const nlohmann::json& old_container) {
      if (!name.empty() && StringOr(old_container, "name", "") == name &&
          old_container.contains("build")) {
        container["build"] = old_container["build"];
      }
    });
  });
}

Result<Done> Store::CheckLockable(const Artifact& artifact) const {
  std::optional<std::string> unbuilt;
  ForEachContainer(artifact.spec, [&](const nlohmann::json& container) {
    const auto config = container.find("imageBuildConfig");
    const auto image = container.find("imageUri");
    const bool needs_build = config != container.end() && !config->is_null();
    const bool has_image = image != container.end() && image->is_string();
    if (needs_build && !has_image && !unbuilt) unbuilt = StringOr(container, "name", "unnamed");
  });
  if (unbuilt) {
    return Error::Unprocessable("Cannot lock artifact: container '" + *unbuilt +
                                "' has an imageBuildConfig but no built image; trigger a build "
                                "and wait for it to complete before locking");
  }
  return Done{};
}

void Store::LockArtifact(Artifact& artifact, Timestamp now) {
  Repository& repository = world_.repositories.at(artifact.repository_id);
  repository.last_version_number += 1;
  repository.updated_at = now;
  artifact.status = kStatusLocked;
  artifact.version = repository.last_version_number;
}

void Store::RemoveArtifact(const std::string& id) {
  const auto found = world_.artifacts.find(id);
  if (found == world_.artifacts.end()) return;
  for (auto build = world_.builds.begin(); build != world_.builds.end();) {
    build = build->second.artifact_id == id ? world_.builds.erase(build) : std::next(build);
  }
  const auto repository = world_.repositories.find(found->second.repository_id);
  if (repository != world_.repositories.end()) {
    repository->second.num_artifacts -= 1;
    repository->second.updated_at = clock_.Now();
  }
  world_.artifacts.erase(found);
}

Page<ArtifactView> Store::ListArtifacts(const ListQuery& query, const User& caller) const {
  const Timestamp now = clock_.Now();
  std::shared_lock lock(mutex_);
  std::vector<const Artifact*> matches;
  for (const auto& [id, artifact] : world_.artifacts) {
    if (MatchesArtifactQuery(artifact, query)) matches.push_back(&artifact);
  }

  const SortOrder order = SortOrder::Parse(query.order_by);
  const long long needed = ItemsNeeded(query.offset, query.limit);
  const auto id_of = [](const Artifact* artifact) -> const std::string& { return artifact->id; };
  if (order.field == "name") {
    SortStable(matches, order.descending, [](const Artifact* a) -> const std::string& { return a->name; }, id_of, needed);
  } else if (order.field == "status") {
    SortStable(matches, order.descending, [](const Artifact* a) -> const std::string& { return a->status; }, id_of, needed);
  } else if (order.field == "updatedAt") {
    SortStable(matches, order.descending, [](const Artifact* a) { return a->updated_at; }, id_of, needed);
  } else {
    SortStable(matches, order.descending, [](const Artifact* a) { return a->created_at; }, id_of, needed);
  }

  Page<const Artifact*> slice = Slice(std::move(matches), query.offset, query.limit);
  Page<ArtifactView> page;
  page.total = slice.total;
  for (const Artifact* artifact : slice.items) page.items.push_back(ViewOf(*artifact, caller, now));
  return page;
}

Result<ArtifactView> Store::GetArtifact(const std::string& id, const User& caller) const {
  const Timestamp now = clock_.Now();
  std::shared_lock lock(mutex_);
  const auto found = world_.artifacts.find(id);
  if (found == world_.artifacts.end()) return Error::NotFound(kArtifactNotFound);
  return ViewOf(found->second, caller, now);
}

Result<ArtifactView> Store::CreateArtifact(const nlohmann::json& input, const User& caller) {
  const Timestamp now = clock_.Now();
  std::unique_lock lock(mutex_);

  Artifact artifact;
  artifact.name = StringOr(input, "name", "");
  artifact.description = StringOr(input, "description", "");
  artifact.type = StringOr(input, "type", "service");
  artifact.status = kStatusDraft;
  artifact.creator_id = caller.id;
  artifact.created_at = now;
  artifact.updated_at = now;
  artifact.spec = input.value("spec", nlohmann::json::object());
  DropClientBuildReferences(artifact.spec);

  const std::string repository_id = StringOr(input, "artifactRepositoryId", "");
  if (!repository_id.empty()) {
    const auto repository = world_.repositories.find(repository_id);
    if (repository == world_.repositories.end()) {
      return Error::NotFound("Artifact repository not found.");
    }
    if (repository->second.type != artifact.type) {
      return TypeMismatch(artifact.type, repository->second.type);
    }
  }
  const bool lock_requested = StringOr(input, "status", kStatusDraft) == kStatusLocked;
  if (lock_requested) {
    const Result<Done> lockable = CheckLockable(artifact);
    if (!lockable.ok()) return lockable.error();
  }

  // Every check passed: from here on the world changes.
  if (repository_id.empty()) {
    Repository repository;
    repository.id = world_.NewId();
    repository.name = artifact.name;
    repository.type = artifact.type;
    repository.creator_id = caller.id;
    repository.created_at = now;
    repository.updated_at = now;
    repository.shared_roles.push_back({caller.id, caller.username, "OWNER", "user"});
    artifact.repository_id = repository.id;
    world_.repositories.emplace(repository.id, std::move(repository));
  } else {
    artifact.repository_id = repository_id;
  }
  artifact.id = world_.NewId();
  Repository& repository = world_.repositories.at(artifact.repository_id);
  repository.num_artifacts += 1;
  repository.updated_at = now;
  if (lock_requested) LockArtifact(artifact, now);

  const auto stored = world_.artifacts.emplace(artifact.id, std::move(artifact)).first;
  return ViewOf(stored->second, caller, now);
}

Result<Artifact*> Store::FindEditable(const std::string& id) {
  const auto found = world_.artifacts.find(id);
  if (found == world_.artifacts.end()) return Error::NotFound(kArtifactNotFound);
  if (found->second.locked()) return Error::Forbidden(kArtifactLocked);
  return &found->second;
}

Result<ArtifactView> Store::ReplaceArtifact(const std::string& id, const nlohmann::json& input,
                                            const User& caller) {
  const Timestamp now = clock_.Now();
  std::unique_lock lock(mutex_);
  const Result<Artifact*> editable = FindEditable(id);
  if (!editable.ok()) return editable.error();
  Artifact& current = *editable.value();

  const std::string repository_id = StringOr(input, "artifactRepositoryId", "");
  if (!repository_id.empty() && repository_id != current.repository_id) {
    // NOTE: whether the real service moves an artifact between repositories
    // on PUT is not documented; the emulator rejects it.
    return Error::Unprocessable("An artifact cannot be moved to another artifact repository");
  }
  Artifact edited = current;
  edited.name = StringOr(input, "name", current.name);
  edited.description = StringOr(input, "description", "");
  edited.type = StringOr(input, "type", "service");
  const std::string& repository_type = world_.repositories.at(current.repository_id).type;
  if (edited.type != repository_type) {
    return TypeMismatch(edited.type, repository_type);
  }
  ApplyBuildResults(current, world_, now);
  edited.spec = input.value("spec", nlohmann::json::object());
  CarryBuildReferences(current.spec, edited.spec);
  ApplyBuildResults(edited, world_, now);

  const bool lock_requested = StringOr(input, "status", kStatusDraft) == kStatusLocked;
  if (lock_requested) {
    const Result<Done> lockable = CheckLockable(edited);
    if (!lockable.ok()) return lockable.error();
  }

  edited.updated_at = now;
  if (lock_requested) LockArtifact(edited, now);
  current = std::move(edited);
  return ViewOf(current, caller, now);
}

Result<ArtifactView> Store::UpdateArtifact(const std::string& id, const nlohmann::json& update,
                                           const User& caller) {
  const Timestamp now = clock_.Now();
  std::unique_lock lock(mutex_);
  const Result<Artifact*> editable = FindEditable(id);
  if (!editable.ok()) return editable.error();
  Artifact& current = *editable.value();

  Artifact edited = current;
  ApplyBuildResults(edited, world_, now);
  bool changed = false;
  if (update.contains("name") && update["name"].is_string()) {
    edited.name = update["name"].get<std::string>();
    changed = true;
  }
  if (update.contains("description") && update["description"].is_string()) {
    edited.description = update["description"].get<std::string>();
    changed = true;
  }
  if (update.contains("spec") && update["spec"].is_object()) {
    // containerGroups is replaced whole; the rest of the spec (type, NIM
    // storage and template) is not part of the update model and stays.
    nlohmann::json spec = edited.spec;
    spec["containerGroups"] = update["spec"].value("containerGroups", nlohmann::json::array());
    CarryBuildReferences(edited.spec, spec);
    edited.spec = std::move(spec);
    ApplyBuildResults(edited, world_, now);
    changed = true;
  }
  const bool lock_requested = StringOr(update, "status", "") == kStatusLocked;
  if (lock_requested) {
    const Result<Done> lockable = CheckLockable(edited);
    if (!lockable.ok()) return lockable.error();
    changed = true;
  }

  if (changed) edited.updated_at = now;
  if (lock_requested) LockArtifact(edited, now);
  current = std::move(edited);
  return ViewOf(current, caller, now);
}

Result<Done> Store::DeleteArtifact(const std::string& id) {
  std::unique_lock lock(mutex_);
  const auto found = world_.artifacts.find(id);
  if (found == world_.artifacts.end()) return Error::NotFound(kArtifactNotFound);
  const Artifact& artifact = found->second;
  if (artifact.locked()) return Error::Conflict("Cannot delete artifact: artifact is locked");
  if (!artifact.used_by_workloads.empty()) {
    std::string workloads;
    for (const auto& workload : artifact.used_by_workloads) {
      workloads += workloads.empty() ? workload : ", " + workload;
    }
    return Error::Conflict("Cannot delete artifact: artifact is in use by workloads: " + workloads);
  }
  RemoveArtifact(id);
  return Done{};
}

Result<ArtifactView> Store::CloneArtifact(const std::string& id, const std::string& name,
                                          const User& caller) {
  const Timestamp now = clock_.Now();
  std::unique_lock lock(mutex_);
  const auto found = world_.artifacts.find(id);
  if (found == world_.artifacts.end()) return Error::NotFound(kArtifactNotFound);

  Artifact clone = found->second;
  ApplyBuildResults(clone, world_, now);
  DropClientBuildReferences(clone.spec);
  clone.id = world_.NewId();
  clone.name = name;
  clone.status = kStatusDraft;
  clone.version.reset();
  clone.creator_id = caller.id;
  clone.created_at = now;
  clone.updated_at = now;
  clone.used_by_workloads.clear();
  for (auto& tag : clone.tags) {
    tag.id = world_.NewId();
    world_.tag_ids.insert(tag.id);
  }

  Repository& repository = world_.repositories.at(clone.repository_id);
  repository.num_artifacts += 1;
  repository.updated_at = now;
  const auto stored = world_.artifacts.emplace(clone.id, std::move(clone)).first;
  return ViewOf(stored->second, caller, now);
}

}  // namespace emulator::domain
