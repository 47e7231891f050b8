// Every query string of tests/data/validation/query_cases.json, compared with
// what FastAPI and pydantic 2.13 return for it.
#include <string>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "fixture_support.h"
#include "validation/validator.h"

namespace emulator::validation {
namespace {

ListOperation OperationNamed(const std::string& name) {
  if (name == "listArtifacts") return ListOperation::kListArtifacts;
  if (name == "listArtifactRepositories") return ListOperation::kListArtifactRepositories;
  if (name == "listBuilds") return ListOperation::kListBuilds;
  if (name == "listSharedRoles") return ListOperation::kListSharedRoles;
  throw std::invalid_argument("unknown list operation " + name);
}

nlohmann::json QueryToJson(const domain::ListQuery& query) {
  return {{"offset", query.offset},
          {"limit", query.limit},
          {"order_by", query.order_by},
          {"search", query.search ? nlohmann::json(*query.search) : nlohmann::json()},
          {"created_by", query.created_by},
          {"ids", query.ids},
          {"tag_keys", query.tag_keys},
          {"tag_values", query.tag_values},
          {"types", query.types},
          {"statuses", query.statuses},
          {"repository_ids", query.repository_ids}};
}

}  // namespace

TEST_CASE("each fixture query string gets pydantic's exact answer", "[validation]") {
  nlohmann::json fixtures = testing::LoadFixture("query_cases.json");
  int invalid = 0;

  for (const auto& fixture : fixtures) {
    INFO("case: " << fixture.at("name").get<std::string>());
    QueryParams params;
    for (const auto& pair : fixture.at("params")) params.emplace_back(pair[0], pair[1]);

    QueryValidation result = ValidateListQuery(OperationNamed(fixture.at("operation")), params);

    if (fixture.contains("detail")) {
      ++invalid;
      CHECK(IssuesToDetail(result.issues) == fixture.at("detail"));
    } else {
      CHECK(result.ok());
      CHECK(QueryToJson(result.query) == fixture.at("query"));
    }
  }
  CHECK(invalid >= 40);
}

}  // namespace emulator::validation
