// The world model: build status names, user lookups and fresh ids.
#include <string>

#include <catch2/catch.hpp>

#include "domain/model.h"

namespace emulator::domain {
namespace {

TEST_CASE("build status names round-trip", "[domain]") {
  const BuildStatus statuses[] = {BuildStatus::kPending,   BuildStatus::kInProgress,
                                  BuildStatus::kBuilt,     BuildStatus::kCompleted,
                                  BuildStatus::kCancelled, BuildStatus::kFailed,
                                  BuildStatus::kUnknown};
  for (const BuildStatus status : statuses) {
    const std::string name = BuildStatusName(status);
    INFO(name);
    CHECK(ParseBuildStatus(name) == std::optional<BuildStatus>(status));
  }
  CHECK(std::string(BuildStatusName(BuildStatus::kInProgress)) == "IN_PROGRESS");
}

TEST_CASE("unknown build status names do not parse", "[domain]") {
  CHECK_FALSE(ParseBuildStatus("pending").has_value());
  CHECK_FALSE(ParseBuildStatus("").has_value());
  CHECK_FALSE(ParseBuildStatus("DONE").has_value());
}

TEST_CASE("only completed, cancelled and failed builds are final", "[domain]") {
  CHECK(IsFinal(BuildStatus::kCompleted));
  CHECK(IsFinal(BuildStatus::kCancelled));
  CHECK(IsFinal(BuildStatus::kFailed));
  CHECK_FALSE(IsFinal(BuildStatus::kPending));
  CHECK_FALSE(IsFinal(BuildStatus::kInProgress));
  CHECK_FALSE(IsFinal(BuildStatus::kBuilt));
  CHECK_FALSE(IsFinal(BuildStatus::kUnknown));
}

TEST_CASE("a world finds users by id, token and username", "[domain]") {
  World world;
  world.users.push_back({"a00000000000000000000001", "alice", std::nullopt, std::nullopt,
                         std::nullopt, "alice-token"});
  world.users.push_back({"b00000000000000000000002", "bob", std::nullopt, std::nullopt,
                         std::nullopt, "bob-token"});

  const User* by_id = world.FindUserById("b00000000000000000000002");
  const User* by_token = world.FindUserByToken("alice-token");
  const User* by_username = world.FindUserByUsername("bob");

  REQUIRE(by_id != nullptr);
  CHECK(by_id->username == "bob");
  REQUIRE(by_token != nullptr);
  CHECK(by_token->username == "alice");
  REQUIRE(by_username != nullptr);
  CHECK(by_username->id == "b00000000000000000000002");
  CHECK(world.FindUserById("alice") == nullptr);
  CHECK(world.FindUserByToken("Alice-token") == nullptr);
  CHECK(world.FindUserByUsername("Bob") == nullptr);
}

TEST_CASE("a world never hands out an id already in use", "[domain]") {
  World world;
  world.ids = IdGenerator(5);
  IdGenerator preview(5);
  const std::string first = preview.Next();
  const std::string second = preview.Next();
  const std::string third = preview.Next();
  const std::string fourth = preview.Next();
  const std::string fifth = preview.Next();
  world.users.push_back({first, "alice", std::nullopt, std::nullopt, std::nullopt, "t"});
  world.repositories[second].id = second;
  world.artifacts[third].id = third;
  world.builds[fourth].id = fourth;

  const std::string id = world.NewId();

  CHECK(id == fifth);
}

TEST_CASE("a world never hands out an id a tag uses", "[domain]") {
  World world;
  world.ids = IdGenerator(5);
  IdGenerator preview(5);
  const std::string first = preview.Next();
  const std::string second = preview.Next();
  world.artifacts["f00000000000000000000001"].id = "f00000000000000000000001";
  world.artifacts["f00000000000000000000001"].tags.push_back({first, "team", "risk"});
  world.repositories["e00000000000000000000001"].id = "e00000000000000000000001";
  world.repositories["e00000000000000000000001"].tags.push_back({second, "stage", "prod"});
  // Code that places a tag records its id, as the seed loader and clone do.
  world.tag_ids = {first, second};

  const std::string id = world.NewId();

  CHECK(id != first);
  CHECK(id != second);
}

}  // namespace
}  // namespace emulator::domain
