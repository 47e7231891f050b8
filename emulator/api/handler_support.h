#ifndef EMULATOR_API_HANDLER_SUPPORT_H_
#define EMULATOR_API_HANDLER_SUPPORT_H_

// Small pieces every handler file uses.

#include <vector>

#include "api/api_types.h"
#include "api/handlers.h"
#include "domain/result.h"
#include "validation/validator.h"

namespace emulator::api {

// A 422 with the validation items in the world's configured error style.
ApiResponse ValidationFailure(const std::vector<validation::ValidationIssue>& issues,
                              ApiContext& context);

// The response to a body that failed validation: 400 when FastAPI could not
// decode it at all, otherwise a 422 with its items.
ApiResponse BodyFailure(const validation::BodyValidation& body, ApiContext& context);

// Validates a list query. `type` values the seed adds to the reference's
// enum (behaviour.extraArtifactTypes) are taken out before the enum check
// and put back into the filter after it.
validation::QueryValidation ValidateQueryWithExtraTypes(validation::ListOperation operation,
                                                        const ApiRequest& request, ApiContext& context);

// Renders a successful result with `render`, or passes its error on.
template <typename T, typename Render>
ApiResponse OkOrError(const domain::Result<T>& result, Render render) {
  if (!result.ok()) return ApiResponse::Failure(result.error());
  return ApiResponse::Ok(render(result.value()));
}

inline ApiResponse NoContentOrError(const domain::Result<domain::Done>& result) {
  if (!result.ok()) return ApiResponse::Failure(result.error());
  return ApiResponse::NoContent();
}

}  // namespace emulator::api

#endif  // EMULATOR_API_HANDLER_SUPPORT_H_
