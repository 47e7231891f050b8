// Every request body of tests/data/validation/body_cases.json, compared with
// what FastAPI and pydantic 2.13 return for it.
#include <string>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "fixture_support.h"
#include "validation/validator.h"

namespace emulator::validation {
namespace {

BodyModel ModelNamed(const std::string& name) {
  if (name == "InputArtifact") return BodyModel::kInputArtifact;
  if (name == "UpdateArtifactRequest") return BodyModel::kUpdateArtifactRequest;
  if (name == "ArtifactCloneRequest") return BodyModel::kArtifactCloneRequest;
  if (name == "SharedRolesUpdateRequest") return BodyModel::kSharedRolesUpdateRequest;
  throw std::invalid_argument("unknown body model " + name);
}

RawBody BodyOf(const nlohmann::json& fixture) {
  RawBody body;
  body.present = fixture.at("present").get<bool>();
  body.content_type = fixture.at("content_type").get<std::string>();
  body.text = fixture.contains("body_hex")
                  ? testing::FromHex(fixture.at("body_hex").get<std::string>())
                  : fixture.at("body").get<std::string>();
  return body;
}

}  // namespace

TEST_CASE("each fixture body gets pydantic's exact answer", "[validation]") {
  nlohmann::json fixtures = testing::LoadFixture("body_cases.json");
  REQUIRE(fixtures.size() >= 240);

  for (const auto& fixture : fixtures) {
    INFO("case: " << fixture.at("name").get<std::string>());

    BodyValidation result = ValidateBody(ModelNamed(fixture.at("model")), BodyOf(fixture));

    int status = fixture.at("status").get<int>();
    if (status == 200) {
      CHECK(IssuesToDetail(result.issues) == nlohmann::json::array());
      CHECK(result.value == fixture.at("value"));
    } else if (status == 400) {
      CHECK(result.body_unreadable);
      CHECK(result.issues.size() == 1);
    } else {
      CHECK_FALSE(result.body_unreadable);
      CHECK(IssuesToDetail(result.issues) == fixture.at("detail"));
    }
  }
}

TEST_CASE("fixtures cover every body model with invalid and valid cases", "[validation]") {
  nlohmann::json fixtures = testing::LoadFixture("body_cases.json");
  std::map<std::string, int> invalid;
  int valid = 0;
  for (const auto& fixture : fixtures) {
    if (fixture.at("status") == 200) {
      ++valid;
    } else {
      ++invalid[fixture.at("model").get<std::string>()];
    }
  }

  CHECK(invalid["InputArtifact"] >= 100);
  CHECK(invalid["UpdateArtifactRequest"] >= 20);
  CHECK(invalid["ArtifactCloneRequest"] >= 10);
  CHECK(invalid["SharedRolesUpdateRequest"] >= 20);
  CHECK(invalid["InputArtifact"] + invalid["UpdateArtifactRequest"] +
            invalid["ArtifactCloneRequest"] + invalid["SharedRolesUpdateRequest"] >= 200);
  CHECK(valid >= 25);
}

}  // namespace emulator::validation
