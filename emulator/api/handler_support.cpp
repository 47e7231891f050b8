#include "api/handler_support.h"

namespace emulator::api {

ApiResponse ValidationFailure(const std::vector<validation::ValidationIssue>& issues,
                              ApiContext& context) {
  (void)context;
  return ApiResponse::Failure(domain::Error::Validation(validation::IssuesToDetail(issues)));
}

}  // namespace emulator::api
