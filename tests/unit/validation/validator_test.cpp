// The public entry points beyond the fixtures: error styles, seed values,
// hostile input and speed.
#include <chrono>
#include <string>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "validation/validator.h"

namespace emulator::validation {
namespace {

RawBody JsonBody(std::string text) {
  RawBody body;
  body.present = true;
  body.content_type = "application/json";
  body.text = std::move(text);
  return body;
}

const char kArtifact[] =
    R"({"name":"a","spec":{"containerGroups":[{"name":"main","containers":[)"
    R"({"name":"web","primary":true,"port":8080,"imageUri":"nginx"}]}]}})";

}  // namespace

TEST_CASE("path message code style joins loc without its source", "[validation]") {
  BodyValidation result = ValidateBody(
      BodyModel::kInputArtifact,
      JsonBody(R"({"name":"a","spec":{"containerGroups":[{"name":"Bad"}]}})"));

  nlohmann::json detail = IssuesToDetail(result.issues, ValidationErrorStyle::kPathMessageCode);

  REQUIRE(detail.size() == 1);
  CHECK(detail[0] == nlohmann::json{
                         {"path", "spec.service.containerGroups.0.name"},
                         {"message",
                          "Value error, Container group name must contain only lowercase "
                          "letters, digits and hyphens, start with a letter and end with a "
                          "letter or digit"},
                         {"code", "value_error"}});
}

TEST_CASE("path message code style renders query and json errors", "[validation]") {
  QueryValidation query = ValidateListQuery(ListOperation::kListBuilds, {{"limit", "0"}});
  BodyValidation body = ValidateBody(BodyModel::kArtifactCloneRequest, JsonBody("{"));

  CHECK(IssuesToDetail(query.issues, ValidationErrorStyle::kPathMessageCode) ==
        nlohmann::json::array({{{"path", "limit"},
                                {"message", "Input should be greater than or equal to 1"},
                                {"code", "greater_than_equal"}}}));
  CHECK(IssuesToDetail(body.issues, ValidationErrorStyle::kPathMessageCode) ==
        nlohmann::json::array(
            {{{"path", "1"}, {"message", "JSON decode error"}, {"code", "json_invalid"}}}));
}

TEST_CASE("reference style is the one-argument default", "[validation]") {
  BodyValidation result = ValidateBody(BodyModel::kArtifactCloneRequest, JsonBody("{}"));

  CHECK(IssuesToDetail(result.issues) ==
        IssuesToDetail(result.issues, ValidationErrorStyle::kReference));
  CHECK(IssuesToDetail(result.issues)[0].contains("input"));
}

TEST_CASE("seed values use the given loc prefix", "[validation]") {
  nlohmann::json seed = nlohmann::json::parse(kArtifact);
  seed["spec"]["containerGroups"][0]["containers"][0]["port"] = 80;

  BodyValidation result =
      ValidateValue(BodyModel::kInputArtifact, seed, nlohmann::json::array({"seed", 3}));

  REQUIRE(result.issues.size() == 1);
  CHECK(result.issues[0].loc ==
        nlohmann::json::array(
            {"seed", 3, "spec", "service", "containerGroups", 0, "containers", 0, "port"}));
}

TEST_CASE("seed values come back normalised", "[validation]") {
  BodyValidation result = ValidateValue(BodyModel::kInputArtifact,
                                        nlohmann::json::parse(kArtifact), nlohmann::json());

  REQUIRE(result.ok());
  CHECK(result.value["type"] == "service");
  CHECK(result.value["spec"]["type"] == "service");
  CHECK(result.value["spec"]["containerGroups"][0]["containers"][0]["environmentVars"] ==
        nlohmann::json::array());
}

TEST_CASE("hostile bodies never crash the validator", "[validation]") {
  const std::string bodies[] = {
      std::string(100000, '['),
      std::string(100000, '{'),
      R"({"name":1e999999,"spec":{"containerGroups":[{"containers":[{"port":1e400}]}]}})",
      R"({"name":"a","spec":{"containerGroups":[{"containers":[{"port":-99999999999999999999999}]}]}})",
      "{\"name\":\"\xFF\xFE\"}",
      "\"\\ud800\"",
      std::string("{\"name\":\"a\0b\"}", 14),
  };

  for (const auto& text : bodies) {
    BodyValidation result = ValidateBody(BodyModel::kInputArtifact, JsonBody(text));

    CHECK_NOTHROW(IssuesToDetail(result.issues).dump());
  }
}

TEST_CASE("non-utf-8 text bodies are echoed as valid text", "[validation]") {
  RawBody body = JsonBody("caf\xE9");
  body.content_type = "text/plain";

  BodyValidation result = ValidateBody(BodyModel::kArtifactCloneRequest, body);

  REQUIRE(result.issues.size() == 1);
  CHECK_NOTHROW(IssuesToDetail(result.issues).dump());
}

TEST_CASE("validating a typical body takes microseconds", "[validation]") {
  ValidateBody(BodyModel::kInputArtifact, JsonBody(kArtifact));
  constexpr int kRounds = 200;

  auto start = std::chrono::steady_clock::now();
  for (int i = 0; i < kRounds; ++i) ValidateBody(BodyModel::kInputArtifact, JsonBody(kArtifact));
  auto elapsed = std::chrono::steady_clock::now() - start;

  // A generous bound that still fails if schemas were parsed per request.
  CHECK(std::chrono::duration_cast<std::chrono::microseconds>(elapsed).count() / kRounds < 2000);
}

}  // namespace emulator::validation
