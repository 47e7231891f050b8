#include <catch2/catch.hpp>

#include "domain/clock.h"
#include "domain/store.h"
#include "seed/seed_loader.h"
#include "seed/seed_writer.h"

namespace emulator::seed {
namespace {

domain::World LoadOrFail(const std::string& text) {
  SeedLoadResult result = LoadSeed(text, "written.json");
  std::string problems;
  for (const auto& problem : result.problems) problems += problem + "\n";
  INFO(problems);
  REQUIRE(result.world.has_value());
  return std::move(*result.world);
}

}  // namespace

TEST_CASE("a written world loads back to the same world", "[seed]") {
  const SeedLoadResult original = LoadDefaultSeed();
  REQUIRE(original.world.has_value());

  const nlohmann::json written = WorldToSeed(*original.world);
  const domain::World reloaded = LoadOrFail(written.dump());

  CHECK(WorldToSeed(reloaded) == written);
  CHECK(reloaded.ids.generated() == original.world->ids.generated());
  CHECK(reloaded.artifacts.size() == original.world->artifacts.size());
  CHECK(reloaded.builds.size() == original.world->builds.size());
}

TEST_CASE("a written world continues its id sequence", "[seed]") {
  SeedLoadResult original = LoadDefaultSeed();
  REQUIRE(original.world.has_value());
  domain::World world = std::move(*original.world);
  const std::string before_save = world.NewId();

  domain::World reloaded = LoadOrFail(WorldToSeed(world).dump());
  const std::string after_reload = reloaded.NewId();
  const std::string without_save = world.NewId();

  CHECK(after_reload != before_save);
  CHECK(after_reload == without_save);
}

TEST_CASE("a written world keeps changes made through the store", "[seed]") {
  SeedLoadResult original = LoadDefaultSeed();
  REQUIRE(original.world.has_value());
  domain::Clock clock;
  clock.SetVirtual(1800000000LL * domain::kMicrosPerSecond);
  domain::Store store(std::move(*original.world), clock);
  const domain::User alice = *store.FindUserByToken("alice-token");
  const nlohmann::json input = {
      {"name", "written"},
      {"description", "kept across a restart"},
      {"type", "service"},
      {"status", "locked"},
      {"spec",
       {{"type", "service"},
        {"containerGroups",
         {{{"name", "main"},
           {"containers", {{{"name", "api"}, {"imageUri", "example/api:1"}, {"primary", true}, {"port", 8080}}}}}}}}}};
  const auto created = store.CreateArtifact(input, alice);
  REQUIRE(created.ok());

  const domain::World reloaded = LoadOrFail(WorldToSeed(store.Snapshot()).dump());

  const domain::Artifact& artifact = reloaded.artifacts.at(created.value().artifact.id);
  CHECK(artifact.description == "kept across a restart");
  CHECK(artifact.version == 1);
  CHECK(artifact.created_at == 1800000000LL * domain::kMicrosPerSecond);
  CHECK(reloaded.repositories.at(artifact.repository_id).last_version_number == 1);
}

}  // namespace emulator::seed
