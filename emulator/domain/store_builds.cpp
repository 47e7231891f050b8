// Image builds of draft artifacts.
#include <algorithm>
#include <mutex>

#include "domain/spec.h"
#include "domain/store.h"

namespace emulator::domain {
namespace {

const char kArtifactNotFound[] = "Artifact not found";
const char kBuildNotFound[] = "Build not found";

}  // namespace

Result<Page<BuildView>> Store::ListBuilds(const std::string& artifact_id, long long offset,
                                          long long limit) const {
  const Timestamp now = clock_.Now();
  std::shared_lock lock(mutex_);
  if (!world_.artifacts.count(artifact_id)) return Error::NotFound(kArtifactNotFound);

  std::vector<const Build*> builds;
  for (const auto& [id, build] : world_.builds) {
    if (build.artifact_id == artifact_id) builds.push_back(&build);
  }
  SortStable(builds, /*descending=*/true, [](const Build* b) { return b->created_at; },
             [](const Build* b) -> const std::string& { return b->id; }, ItemsNeeded(offset, limit));

  Page<const Build*> slice = Slice(std::move(builds), offset, limit);
  Page<BuildView> page;
  page.total = slice.total;
  for (const Build* build : slice.items) page.items.push_back(ViewOf(*build, now));
  return page;
}

Result<std::vector<std::string>> Store::TriggerBuild(const std::string& artifact_id,
                                                     const User& caller,
                                                     const std::optional<BuildOutcome>& outcome) {
  const Timestamp now = clock_.Now();
  std::unique_lock lock(mutex_);
  const auto found = world_.artifacts.find(artifact_id);
  if (found == world_.artifacts.end()) return Error::NotFound(kArtifactNotFound);
  Artifact& artifact = found->second;
  if (artifact.locked()) {
    return Error::Unprocessable("Cannot build artifact: artifact is locked; builds run only for "
                                "draft artifacts");
  }
  // Keep images earlier builds produced: the new build's references replace
  // the old ones, after which the old results would no longer apply.
  ApplyBuildResults(artifact, world_, now);
  if (artifact.type != "service") {
    return Error::Unprocessable("Cannot build artifact: image builds are available only for "
                                "artifacts of type 'service'");
  }

  // One build per distinct catalog/version pair, in the order the containers
  // name them.
  std::vector<Build> planned;
  ForEachContainer(artifact.spec, [&](const nlohmann::json& container) {
    const auto source = CodeSource(container);
    if (!source) return;
    auto same_source = [&](const Build& build) {
      return build.catalog_id == source->first && build.catalog_version_id == source->second;
    };
    auto existing = std::find_if(planned.begin(), planned.end(), same_source);
    if (existing == planned.end()) {
      Build build;
      build.catalog_id = source->first;
      build.catalog_version_id = source->second;
      planned.push_back(std::move(build));
      existing = std::prev(planned.end());
    }
    existing->container_names.push_back(ContainerName(container));
  });
  if (planned.empty()) {
    return Error::Unprocessable("Cannot build artifact: no container has an "
                                "imageBuildConfig.codeRef to build from");
  }

  // A new trigger supersedes the artifact's builds that are still running.
  for (auto& [id, build] : world_.builds) {
    if (build.artifact_id != artifact_id) continue;
    if (!IsFinal(CurrentBuildState(build, world_.behaviour, now).status)) build.cancelled_at = now;
  }

  std::vector<std::string> build_ids;
  for (Build& build : planned) {
    build.id = world_.NewId();
    build.artifact_id = artifact_id;
    build.creator_id = caller.id;
    build.created_at = now;
    build.name = artifact.name + ":" + build.catalog_version_id;
    if (outcome) build.outcome = *outcome;
    build_ids.push_back(build.id);

    const nlohmann::json reference = {{"artifactImageBuildId", build.id},
                                      {"createdAt", FormatRfc3339(now)},
                                      {"status", "PENDING"}};
    ForEachContainer(artifact.spec, [&](nlohmann::json& container) {
      const auto source = CodeSource(container);
      if (source && source->first == build.catalog_id && source->second == build.catalog_version_id) {
        container["build"] = reference;
      }
    });
    world_.builds.emplace(build.id, std::move(build));
  }
  artifact.updated_at = now;
  return build_ids;
}

Result<BuildView> Store::GetBuild(const std::string& artifact_id, const std::string& build_id) const {
  const Timestamp now = clock_.Now();
  std::shared_lock lock(mutex_);
  if (!world_.artifacts.count(artifact_id)) return Error::NotFound(kArtifactNotFound);
  const auto build = world_.builds.find(build_id);
  if (build == world_.builds.end() || build->second.artifact_id != artifact_id) {
    return Error::NotFound(kBuildNotFound);
  }
  return ViewOf(build->second, now);
}

Result<std::string> Store::GetBuildLog(const std::string& artifact_id,
                                       const std::string& build_id) const {
  const Timestamp now = clock_.Now();
  std::shared_lock lock(mutex_);
  const auto artifact = world_.artifacts.find(artifact_id);
  if (artifact == world_.artifacts.end()) return Error::NotFound(kArtifactNotFound);
  const auto build = world_.builds.find(build_id);
  if (build == world_.builds.end() || build->second.artifact_id != artifact_id) {
    return Error::NotFound(kBuildNotFound);
  }
  return RenderBuildLog(build->second, artifact->second, world_.behaviour, now);
}

Result<Done> Store::DeleteBuild(const std::string& artifact_id, const std::string& build_id) {
  const Timestamp now = clock_.Now();
  std::unique_lock lock(mutex_);
  const auto artifact = world_.artifacts.find(artifact_id);
  if (artifact == world_.artifacts.end()) return Error::NotFound(kArtifactNotFound);
  const auto build = world_.builds.find(build_id);
  if (build == world_.builds.end() || build->second.artifact_id != artifact_id) {
    return Error::NotFound(kBuildNotFound);
  }
  if (artifact->second.locked()) {
    return Error::Unprocessable("Cannot delete build: artifact is locked");
  }

  // A running build is cancelled and stays listed. A finished one is removed
  // after its result (final status, built image) is written into the
  // containers that reference it, because they would otherwise lose it.
  if (IsFinal(CurrentBuildState(build->second, world_.behaviour, now).status)) {
    ApplyBuildResults(artifact->second, world_, now);
    world_.builds.erase(build);
  } else {
    build->second.cancelled_at = now;
  }
  return Done{};
}

}  // namespace emulator::domain
