// Placeholder validation: parses JSON and query values without the pydantic
// rules. Replaced by the schema-driven validator.
#include "validation/validator.h"

#include <string>

namespace emulator::validation {

nlohmann::json ValidationIssue::ToJson() const {
  nlohmann::json item = {{"type", type}, {"loc", loc}, {"msg", msg}, {"input", input}};
  if (ctx) item["ctx"] = *ctx;
  return item;
}

nlohmann::json IssuesToDetail(const std::vector<ValidationIssue>& issues) {
  nlohmann::json detail = nlohmann::json::array();
  for (const auto& issue : issues) detail.push_back(issue.ToJson());
  return detail;
}

BodyValidation ValidateValue(BodyModel model, const nlohmann::json& value,
                             const nlohmann::json& loc_prefix) {
  (void)loc_prefix;
  BodyValidation result;
  result.value = value;
  if (model == BodyModel::kInputArtifact && value.is_object()) {
    std::string type = value.value("type", "service");
    result.value["type"] = type;
    if (result.value.contains("spec") && result.value["spec"].is_object()) {
      result.value["spec"]["type"] = type;
    }
  }
  return result;
}

BodyValidation ValidateBody(BodyModel model, const RawBody& body) {
  BodyValidation result;
  if (!body.present || body.text.empty()) {
    result.issues.push_back({"missing", {"body"}, "Field required", nullptr, std::nullopt});
    return result;
  }
  auto parsed = nlohmann::json::parse(body.text, nullptr, false);
  if (parsed.is_discarded()) {
    result.issues.push_back({"json_invalid", {"body", 0}, "JSON decode error",
                             nlohmann::json::object(), std::nullopt});
    return result;
  }
  return ValidateValue(model, parsed, nlohmann::json::array({"body"}));
}

QueryValidation ValidateListQuery(ListOperation operation, const QueryParams& params) {
  (void)operation;
  QueryValidation result;
  auto split = [](const std::string& text, std::vector<std::string>& out) {
    size_t start = 0;
    while (start <= text.size()) {
      size_t comma = text.find(',', start);
      if (comma == std::string::npos) comma = text.size();
      if (comma > start) out.push_back(text.substr(start, comma - start));
      start = comma + 1;
    }
  };
  for (const auto& [key, value] : params) {
    if (key == "offset" || key == "limit") {
      try {
        size_t used = 0;
        int number = std::stoi(value, &used);
        bool bad = used != value.size() || number < 0 || (key == "limit" && (number < 1 || number > 100));
        if (bad) throw std::invalid_argument(value);
        (key == "offset" ? result.query.offset : result.query.limit) = number;
      } catch (const std::exception&) {
        result.issues.push_back({"int_parsing", {"query", key}, "Input should be a valid integer",
                                 value, std::nullopt});
      }
    } else if (key == "orderBy") {
      result.query.order_by = value;
    } else if (key == "search") {
      result.query.search = value;
    } else if (key == "createdBy") {
      split(value, result.query.created_by);
    } else if (key == "ids") {
      split(value, result.query.ids);
    } else if (key == "tagKeys") {
      split(value, result.query.tag_keys);
    } else if (key == "tagValues") {
      split(value, result.query.tag_values);
    } else if (key == "type") {
      split(value, result.query.types);
    } else if (key == "status") {
      split(value, result.query.statuses);
    } else if (key == "repositoryId") {
      split(value, result.query.repository_ids);
    }
  }
  return result;
}

}  // namespace emulator::validation
