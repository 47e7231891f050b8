#include "api/handler_support.h"

#include <algorithm>

namespace emulator::api {

ApiResponse ValidationFailure(const std::vector<validation::ValidationIssue>& issues,
                              ApiContext& context) {
  const validation::ValidationErrorStyle style =
      context.store.behaviour().validation_error_style == "pathMessageCode"
          ? validation::ValidationErrorStyle::kPathMessageCode
          : validation::ValidationErrorStyle::kReference;
  return ApiResponse::Failure(domain::Error::Validation(validation::IssuesToDetail(issues, style)));
}

ApiResponse BodyFailure(const validation::BodyValidation& body, ApiContext& context) {
  if (body.body_unreadable) {
    return ApiResponse::Failure(domain::Error::BadRequest("There was an error parsing the body"));
  }
  return ValidationFailure(body.issues, context);
}

validation::QueryValidation ValidateQueryWithExtraTypes(validation::ListOperation operation,
                                                        const ApiRequest& request, ApiContext& context) {
  const std::vector<std::string> extra_types = context.store.behaviour().extra_artifact_types;
  validation::QueryParams params;
  std::vector<std::string> extra_requested;
  for (const auto& [key, value] : request.query) {
    const bool extra = key == "type" &&
                       std::find(extra_types.begin(), extra_types.end(), value) != extra_types.end();
    if (extra) {
      extra_requested.push_back(value);
    } else {
      params.emplace_back(key, value);
    }
  }
  validation::QueryValidation result = validation::ValidateListQuery(operation, params);
  result.query.types.insert(result.query.types.end(), extra_requested.begin(), extra_requested.end());
  return result;
}

}  // namespace emulator::api
