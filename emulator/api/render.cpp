#include "api/render.h"

#include "domain/timestamp.h"

namespace emulator::api {
namespace {

nlohmann::json Nullable(const std::optional<std::string>& value) {
  return value ? nlohmann::json(*value) : nlohmann::json(nullptr);
}

nlohmann::json RenderTags(const std::vector<domain::Tag>& tags) {
  nlohmann::json rendered = nlohmann::json::array();
  for (const auto& tag : tags) {
    rendered.push_back({{"id", tag.id}, {"name", tag.name}, {"value", tag.value}});
  }
  return rendered;
}

}  // namespace

nlohmann::json RenderUser(const std::optional<domain::User>& user) {
  if (!user) return nullptr;
  return {{"id", user->id},
          {"username", user->username},
          {"fullName", Nullable(user->full_name)},
          {"email", Nullable(user->email)},
          {"userhash", Nullable(user->userhash)}};
}

nlohmann::json RenderRepository(const domain::RepositoryView& view) {
  const domain::Repository& repository = view.repository;
  return {{"id", repository.id},
          {"name", repository.name},
          {"type", repository.type},
          {"createdAt", domain::FormatRfc3339(repository.created_at)},
          {"updatedAt", domain::FormatRfc3339(repository.updated_at)},
          {"creator", RenderUser(view.creator)},
          {"lastVersionNumber", repository.last_version_number},
          {"numArtifacts", repository.num_artifacts},
          {"permissions", view.permissions},
          {"tags", RenderTags(repository.tags)}};
}

nlohmann::json RenderArtifact(const domain::ArtifactView& view) {
  const domain::Artifact& artifact = view.artifact;
  return {{"id", artifact.id},
          {"name", artifact.name},
          {"description", artifact.description},
          {"type", artifact.type},
          {"status", artifact.status},
          {"version", artifact.version ? nlohmann::json(*artifact.version) : nlohmann::json(nullptr)},
          {"artifactRepositoryId", artifact.repository_id},
          {"createdAt", domain::FormatRfc3339(artifact.created_at)},
          {"updatedAt", domain::FormatRfc3339(artifact.updated_at)},
          {"creator", RenderUser(view.creator)},
          {"permissions", view.permissions},
          {"tags", RenderTags(artifact.tags)},
          {"spec", artifact.spec}};
}

nlohmann::json RenderBuild(const domain::BuildView& view) {
  const domain::Build& build = view.build;
  return {{"id", build.id},
          {"name", build.name},
          {"artifactId", build.artifact_id},
          {"status", domain::BuildStatusName(view.state.status)},
          {"createdAt", domain::FormatRfc3339(build.created_at)},
          {"updatedAt", domain::FormatRfc3339(view.state.since)},
          {"creator", RenderUser(view.creator)}};
}

nlohmann::json RenderSharedRole(const domain::SharedRole& role) {
  return {{"id", role.recipient_id},
          {"name", role.name},
          {"role", role.role},
          {"shareRecipientType", role.recipient_type}};
}

}  // namespace emulator::api
