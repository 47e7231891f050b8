#ifndef EMULATOR_API_RENDER_H_
#define EMULATOR_API_RENDER_H_

// The JSON shape of each response type of the reference, one function each,
// so that a field is added in one place.

#include <optional>

#include <nlohmann/json.hpp>

#include "domain/store.h"

namespace emulator::api {

nlohmann::json RenderUser(const std::optional<domain::User>& user);        // UserData or null
nlohmann::json RenderRepository(const domain::RepositoryView& view);       // ArtifactRepositoryFormatted
nlohmann::json RenderArtifact(const domain::ArtifactView& view);           // ArtifactFormatted
nlohmann::json RenderBuild(const domain::BuildView& view);                 // ImageBuildFormatted
nlohmann::json RenderSharedRole(const domain::SharedRole& role);           // SharedRole

}  // namespace emulator::api

#endif  // EMULATOR_API_RENDER_H_
