#ifndef TESTS_UNIT_DOMAIN_STORE_TEST_SUPPORT_H_
#define TESTS_UNIT_DOMAIN_STORE_TEST_SUPPORT_H_

// Helpers shared by the store tests: a store over a small inline seed with a
// frozen clock, artifact bodies validated the way a request would be, and
// results rendered as short strings for readable assertions.

#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "domain/clock.h"
#include "domain/error.h"
#include "domain/model.h"
#include "domain/result.h"
#include "domain/store.h"
#include "domain/timestamp.h"
#include "seed/seed_loader.h"
#include "validation/validator.h"

namespace emulator::domain::testing {

using nlohmann::json;

inline constexpr Timestamp kSecond = kMicrosPerSecond;
// 2026-03-01T12:00:00Z, later than every timestamp the seeds below generate.
inline constexpr Timestamp kStart = 1'772'366'400LL * kMicrosPerSecond;

// Three users and nothing else.
inline const char kUsersSeed[] = R"({
  "users": [
    {"id": "a00000000000000000000001", "username": "alice", "token": "alice-token", "fullName": "Alice Martin"},
    {"id": "b00000000000000000000002", "username": "bob", "token": "bob-token"},
    {"id": "c00000000000000000000003", "username": "carol", "token": "carol-token"}
  ]
})";

// Parses a seed, throwing with every problem when it does not load.
inline World WorldFromSeed(const std::string& text) {
  seed::SeedLoadResult result = seed::LoadSeed(text, "test");
  if (!result.world) {
    std::string joined;
    for (const auto& problem : result.problems) joined += problem + "\n";
    throw std::runtime_error("test seed does not load:\n" + joined);
  }
  return *result.world;
}

// The store under test, over `world`, with the clock frozen at kStart.
struct StoreFixture {
  explicit StoreFixture(const std::string& seed_text = kUsersSeed) {
    clock.SetVirtual(kStart);
    store = std::make_unique<Store>(WorldFromSeed(seed_text), clock);
  }

  User UserNamed(const std::string& username) const {
    const World world = store->Snapshot();
    const User* user = world.FindUserByUsername(username);
    if (user == nullptr) throw std::runtime_error("no user named " + username);
    return *user;
  }

  Clock clock;
  std::unique_ptr<Store> store;
};

// Returns the value of a result that the test expects to succeed, and throws
// with the error's message otherwise, so that a broken precondition reads as
// such instead of as an assertion failure further down.
template <typename T>
T Must(Result<T> result) {
  if (!result.ok()) throw std::runtime_error("unexpected error: " + result.error().message());
  return std::move(result.value());
}

inline std::string CodeName(ErrorCode code) {
  switch (code) {
    case ErrorCode::kNotFound: return "NotFound";
    case ErrorCode::kConflict: return "Conflict";
    case ErrorCode::kForbidden: return "Forbidden";
    case ErrorCode::kUnprocessable: return "Unprocessable";
    case ErrorCode::kValidation: return "Validation";
    case ErrorCode::kBadRequest: return "BadRequest";
    case ErrorCode::kUnauthenticated: return "Unauthenticated";
    case ErrorCode::kPayloadTooLarge: return "PayloadTooLarge";
    case ErrorCode::kNotImplemented: return "NotImplemented";
    case ErrorCode::kNotReady: return "NotReady";
  }
  return "?";
}

// Validates `body` as an InputArtifact and returns the dump the store takes.
inline json ValidInput(const json& body) {
  validation::BodyValidation validated =
      validation::ValidateValue(validation::BodyModel::kInputArtifact, body, json::array());
  if (!validated.ok()) {
    std::string joined;
    for (const auto& issue : validated.issues) joined += issue.ToJson().dump() + "\n";
    throw std::runtime_error("test artifact body is invalid:\n" + joined);
  }
  return validated.value;
}

// Validates `body` as an UpdateArtifactRequest (the PATCH body).
inline json ValidUpdate(const json& body) {
  validation::BodyValidation validated = validation::ValidateValue(
      validation::BodyModel::kUpdateArtifactRequest, body, json::array());
  if (!validated.ok()) {
    std::string joined;
    for (const auto& issue : validated.issues) joined += issue.ToJson().dump() + "\n";
    throw std::runtime_error("test update body is invalid:\n" + joined);
  }
  return validated.value;
}

// A primary container that runs a ready-made image.
inline json ImageContainer(const std::string& name, const std::string& image) {
  return {{"name", name}, {"primary", true}, {"port", 8080}, {"imageUri", image}};
}

// A container built from catalog `catalog_id`, version `version_id`.
inline json BuildContainer(const std::string& name, const std::string& catalog_id,
                           const std::string& version_id, bool primary = true) {
  json container = {
      {"name", name},
      {"imageBuildConfig",
       {{"codeRef", {{"datarobot", {{"catalogId", catalog_id}, {"catalogVersionId", version_id}}}}},
        {"dockerfile", {{"source", "provided"}}}}}};
  if (primary) {
    container["primary"] = true;
    container["port"] = 8080;
  }
  return container;
}

// A validated service artifact body with one container group.
inline json ServiceBody(const std::string& name, const json& containers,
                        const std::optional<std::string>& repository_id = std::nullopt,
                        const std::string& status = "draft") {
  json body = {{"name", name},
               {"type", "service"},
               {"status", status},
               {"spec", {{"containerGroups", {{{"containers", containers}}}}}}};
  if (repository_id) body["artifactRepositoryId"] = *repository_id;
  return ValidInput(body);
}

// A validated service artifact body whose one container runs `image`.
inline json SimpleBody(const std::string& name,
                       const std::optional<std::string>& repository_id = std::nullopt,
                       const std::string& status = "draft",
                       const std::string& image = "registry.example.com/app:1") {
  return ServiceBody(name, json::array({ImageContainer("app", image)}), repository_id, status);
}

// A validated NIM artifact body with a template and dedicated storage.
inline json NimBody(const std::string& name,
                    const std::optional<std::string>& repository_id = std::nullopt) {
  json body = {{"name", name},
               {"type", "nim"},
               {"spec",
                {{"templateId", "69421a3b5c7d9e1f2a3b7e01"},
                 {"storage", {{"mode", "dedicatedPvc"}, {"pvcSize", "50Gi"}}},
                 {"containerGroups",
                  {{{"containers", {ImageContainer("nim", "nvcr.io/nim/llama:1")}}}}}}}};
  if (repository_id) body["artifactRepositoryId"] = *repository_id;
  return ValidInput(body);
}

// The names of the containers of a spec, in order, joined by commas.
inline std::string ContainerNames(const json& spec) {
  std::string names;
  for (const auto& group : spec.at("containerGroups")) {
    for (const auto& container : group.at("containers")) {
      if (!names.empty()) names += ",";
      names += container.at("name").get<std::string>();
    }
  }
  return names;
}

// The first container named `name` in a spec.
inline const json& ContainerNamed(const json& spec, const std::string& name) {
  for (const auto& group : spec.at("containerGroups")) {
    for (const auto& container : group.at("containers")) {
      if (container.at("name") == name) return container;
    }
  }
  throw std::runtime_error("no container named " + name);
}

// Artifact names of a list page, in page order, joined by commas.
inline std::string Names(const Page<ArtifactView>& page) {
  std::string names;
  for (const auto& view : page.items) {
    if (!names.empty()) names += ",";
    names += view.artifact.name;
  }
  return names;
}

inline std::string Names(const Page<RepositoryView>& page) {
  std::string names;
  for (const auto& view : page.items) {
    if (!names.empty()) names += ",";
    names += view.repository.name;
  }
  return names;
}

}  // namespace emulator::domain::testing

#endif  // TESTS_UNIT_DOMAIN_STORE_TEST_SUPPORT_H_
