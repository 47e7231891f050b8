#include "api/handler_support.h"

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

}  // namespace emulator::api
