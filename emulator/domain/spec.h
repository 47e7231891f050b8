#ifndef EMULATOR_DOMAIN_SPEC_H_
#define EMULATOR_DOMAIN_SPEC_H_

// Reading the parts of an artifact spec (the validated JSON dump) that the
// lifecycle rules need: its containers, their names and their code sources.

#include <optional>
#include <string>
#include <utility>

#include <nlohmann/json.hpp>

namespace emulator::domain {

// Calls `visit(container)` for every container of every group of `spec`,
// skipping parts that are missing or of the wrong JSON type.
template <typename Json, typename Visit>
void ForEachContainer(Json& spec, Visit visit) {
  if (!spec.is_object() || !spec.contains("containerGroups")) return;
  for (auto& group : spec["containerGroups"]) {
    if (!group.is_object() || !group.contains("containers")) continue;
    for (auto& container : group["containers"]) visit(container);
  }
}

// The container's name, or "container" when it has none (names are optional).
std::string ContainerName(const nlohmann::json& container);

// The catalog id and catalog version id of the container's
// imageBuildConfig.codeRef, or nullopt when it has no code reference.
std::optional<std::pair<std::string, std::string>> CodeSource(const nlohmann::json& container);

}  // namespace emulator::domain

#endif  // EMULATOR_DOMAIN_SPEC_H_
