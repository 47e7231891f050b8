#include "validation/validator.h"

#include <algorithm>
#include <cctype>
#include <string>

#include "validation/python_json.h"
#include "validation/schema_engine.h"

namespace emulator::validation {
namespace {

const char* SchemaName(BodyModel model) {
  switch (model) {
    case BodyModel::kInputArtifact:
      return "InputArtifact";
    case BodyModel::kUpdateArtifactRequest:
      return "UpdateArtifactRequest";
    case BodyModel::kArtifactCloneRequest:
      return "ArtifactCloneRequest";
    case BodyModel::kSharedRolesUpdateRequest:
      return "SharedRolesUpdateRequest";
  }
  return "";
}

// FastAPI reads the body as JSON when the header is absent, or when Python's
// email parser finds maintype "application" and subtype "json" or "*+json".
bool IsJsonContentType(const std::string& header) {
  if (header.empty()) return true;
  std::string type = header.substr(0, header.find(';'));
  for (char& c : type) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  std::size_t begin = type.find_first_not_of(" \t");
  std::size_t end = type.find_last_not_of(" \t");
  type = begin == std::string::npos ? "" : type.substr(begin, end - begin + 1);
  // A value without exactly one slash counts as text/plain.
  if (std::count(type.begin(), type.end(), '/') != 1) return false;
  std::string maintype = type.substr(0, type.find('/'));
  std::string subtype = type.substr(type.find('/') + 1);
  return maintype == "application" &&
         (subtype == "json" ||
          (subtype.size() >= 5 && subtype.compare(subtype.size() - 5, 5, "+json") == 0));
}

}  // namespace

nlohmann::json ValidationIssue::ToJson() const {
  nlohmann::json item = {{"type", type}, {"loc", loc}, {"msg", msg}, {"input", input}};
  if (ctx) item["ctx"] = *ctx;
  return item;
}

nlohmann::json IssuesToDetail(const std::vector<ValidationIssue>& issues) {
  return IssuesToDetail(issues, ValidationErrorStyle::kReference);
}

nlohmann::json IssuesToDetail(const std::vector<ValidationIssue>& issues,
                              ValidationErrorStyle style) {
  nlohmann::json detail = nlohmann::json::array();
  for (const auto& issue : issues) {
    if (style == ValidationErrorStyle::kReference) {
      detail.push_back(issue.ToJson());
      continue;
    }
    std::string path;
    for (std::size_t i = 1; i < issue.loc.size(); ++i) {
      if (!path.empty()) path += ".";
      const auto& part = issue.loc[i];
      path += part.is_string() ? part.get<std::string>() : part.dump();
    }
    detail.push_back({{"path", path}, {"message", issue.msg}, {"code", issue.type}});
  }
  return detail;
}

BodyValidation ValidateValue(BodyModel model, const nlohmann::json& value,
                             const nlohmann::json& loc_prefix) {
  const SchemaEngine& engine = SchemaEngine::Instance();
  IssueSink sink(loc_prefix);
  BodyValidation result;
  if (!engine.Validate(*engine.Component(SchemaName(model)), ToOrderedJson(value), sink,
                       &result.value)) {
    result.value = nullptr;
  }
  result.issues = sink.TakeIssues();
  return result;
}

BodyValidation ValidateBody(BodyModel model, const RawBody& body) {
  BodyValidation result;
  // An empty body counts as no body at all: FastAPI tests the bytes' truth.
  if (!body.present || body.text.empty()) {
    result.issues.push_back({"missing", {"body"}, "Field required", nullptr, std::nullopt});
    return result;
  }

  if (!IsJsonContentType(body.content_type)) {
    // FastAPI validates the raw bytes, which jsonable_encoder echoes as text.
    // NOTE: FastAPI fails with 500 when such bytes are not UTF-8. They are
    // echoed with U+FFFD replacements here.
    const SchemaEngine& engine = SchemaEngine::Instance();
    IssueSink sink(nlohmann::json::array({"body"}));
    OrderedJson text = OrderedJson::parse(
        nlohmann::json(body.text).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
    if (!engine.Validate(*engine.Component(SchemaName(model)), text, sink, &result.value)) {
      result.value = nullptr;
    }
    result.issues = sink.TakeIssues();
    return result;
  }

  PythonJsonResult parsed = ParsePythonJson(body.text);
  // A JSON null leaves FastAPI's body at None, which it reports as missing.
  if (parsed.status == PythonJsonResult::Status::kOk && parsed.value.is_null()) {
    result.issues.push_back({"missing", {"body"}, "Field required", nullptr, std::nullopt});
    return result;
  }
  if (parsed.status == PythonJsonResult::Status::kOk) {
    const SchemaEngine& engine = SchemaEngine::Instance();
    IssueSink sink(nlohmann::json::array({"body"}));
    if (!engine.Validate(*engine.Component(SchemaName(model)), parsed.value, sink,
                         &result.value)) {
      result.value = nullptr;
    }
    result.issues = sink.TakeIssues();
    return result;
  }

  result.body_unreadable = parsed.status == PythonJsonResult::Status::kUnreadable;
  result.issues.push_back({"json_invalid", {"body", parsed.position}, "JSON decode error",
                           nlohmann::json::object(),
                           nlohmann::json{{"error", parsed.message}}});
  return result;
}

}  // namespace emulator::validation
