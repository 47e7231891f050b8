#include "seed/seed_writer.h"

#include <map>
#include <vector>

namespace emulator::seed {
namespace {

using nlohmann::json;

json Seconds(domain::Timestamp micros) {
  if (micros % domain::kMicrosPerSecond == 0) return micros / domain::kMicrosPerSecond;
  return static_cast<double>(micros) / domain::kMicrosPerSecond;
}

json TagsToSeed(const std::vector<domain::Tag>& tags) {
  json out = json::array();
  for (const auto& tag : tags) out.push_back({{"id", tag.id}, {"name", tag.name}, {"value", tag.value}});
  return out;
}

std::string UsernameOf(const domain::World& world, const std::string& user_id) {
  const domain::User* user = world.FindUserById(user_id);
  return user == nullptr ? "" : user->username;
}

void PutCreator(json& object, const domain::World& world, const std::string& user_id) {
  const std::string username = UsernameOf(world, user_id);
  if (!username.empty()) object["createdBy"] = username;
}

json BehaviourToSeed(const domain::Behaviour& behaviour) {
  return {{"buildDurations",
           {{"pendingSeconds", Seconds(behaviour.pending_duration)},
            {"inProgressSeconds", Seconds(behaviour.in_progress_duration)},
            {"builtSeconds", Seconds(behaviour.built_duration)}}},
          {"cascadeLockedOnRepositoryDelete", behaviour.cascade_locked_on_repository_delete},
          {"validationErrorStyle", behaviour.validation_error_style},
          {"extraArtifactTypes", behaviour.extra_artifact_types},
          {"registryHost", behaviour.registry_host}};
}

json BuildToSeed(const domain::World& world, const domain::Build& build) {
  json out = {{"id", build.id},
              {"name", build.name},
              {"createdAt", domain::FormatRfc3339(build.created_at)},
              {"catalogId", build.catalog_id},
              {"catalogVersionId", build.catalog_version_id},
              {"containerNames", build.container_names}};
  PutCreator(out, world, build.creator_id);
  if (build.pinned_status) {
    out["status"] = domain::BuildStatusName(*build.pinned_status);
    out["updatedAt"] = domain::FormatRfc3339(build.pinned_updated_at);
  }
  if (build.cancelled_at) out["cancelledAt"] = domain::FormatRfc3339(*build.cancelled_at);
  const domain::BuildOutcome& outcome = build.outcome;
  const bool default_outcome = outcome.final_status == domain::BuildStatus::kCompleted &&
                               !outcome.stall && outcome.log_message.empty();
  if (!default_outcome) {
    out["outcome"] = {{"finalStatus", domain::BuildStatusName(outcome.final_status)},
                      {"stopDuring", domain::BuildStatusName(outcome.stop_during)},
                      {"stopAfterSeconds", Seconds(outcome.stop_after)},
                      {"stall", outcome.stall},
                      {"log", outcome.log_message}};
  }
  return out;
}

json ArtifactToSeed(const domain::World& world, const domain::Artifact& artifact,
                    const std::vector<const domain::Build*>& builds) {
  json out = {{"id", artifact.id},
              {"name", artifact.name},
              {"description", artifact.description},
              {"status", artifact.status},
              {"createdAt", domain::FormatRfc3339(artifact.created_at)},
              {"updatedAt", domain::FormatRfc3339(artifact.updated_at)},
              {"tags", TagsToSeed(artifact.tags)},
              {"spec", artifact.spec},
              {"usedByWorkloads", artifact.used_by_workloads}};
  if (artifact.version) out["version"] = *artifact.version;
  PutCreator(out, world, artifact.creator_id);
  json build_list = json::array();
  for (const domain::Build* build : builds) build_list.push_back(BuildToSeed(world, *build));
  out["builds"] = build_list;
  return out;
}

}  // namespace

json WorldToSeed(const domain::World& world) {
  json users = json::array();
  for (const auto& user : world.users) {
    json entry = {{"id", user.id}, {"username", user.username}, {"token", user.token}};
    if (user.full_name) entry["fullName"] = *user.full_name;
    if (user.email) entry["email"] = *user.email;
    if (user.userhash) entry["userhash"] = *user.userhash;
    users.push_back(entry);
  }

  // Children are written in creation order (ids increase with creation), so
  // a reload assigns the same order.
  std::map<std::string, std::vector<const domain::Artifact*>> artifacts_by_repository;
  for (const auto& [id, artifact] : world.artifacts) {
    artifacts_by_repository[artifact.repository_id].push_back(&artifact);
  }
  std::map<std::string, std::vector<const domain::Build*>> builds_by_artifact;
  for (const auto& [id, build] : world.builds) builds_by_artifact[build.artifact_id].push_back(&build);

  json repositories = json::array();
  for (const auto& [id, repository] : world.repositories) {
    json roles = json::array();
    for (const auto& role : repository.shared_roles) {
      roles.push_back({{"username", role.name}, {"role", role.role},
                       {"shareRecipientType", role.recipient_type}});
    }
    json artifacts = json::array();
    for (const domain::Artifact* artifact : artifacts_by_repository[id]) {
      artifacts.push_back(ArtifactToSeed(world, *artifact, builds_by_artifact[artifact->id]));
    }
    json entry = {{"id", repository.id},
                  {"name", repository.name},
                  {"type", repository.type},
                  {"createdAt", domain::FormatRfc3339(repository.created_at)},
                  {"updatedAt", domain::FormatRfc3339(repository.updated_at)},
                  {"lastVersionNumber", repository.last_version_number},
                  {"tags", TagsToSeed(repository.tags)},
                  {"sharedRoles", roles},
                  {"artifacts", artifacts}};
    PutCreator(entry, world, repository.creator_id);
    repositories.push_back(entry);
  }

  return {{"idSeed", world.ids.seed()},
          {"idCounter", world.ids.generated()},
          {"epoch", domain::FormatRfc3339(world.epoch)},
          {"behaviour", BehaviourToSeed(world.behaviour)},
          {"users", users},
          {"repositories", repositories}};
}

}  // namespace emulator::seed
