// GET /artifactRepositories, GET and DELETE /artifactRepositories/{id}.
#include "api/handler_support.h"
#include "api/list_response.h"
#include "api/render.h"

namespace emulator::api {

ApiResponse ListArtifactRepositories(const ApiRequest& request, ApiContext& context) {
  const validation::QueryValidation query =
      ValidateQueryWithExtraTypes(validation::ListOperation::kListArtifactRepositories, request, context);
  if (!query.ok()) return ValidationFailure(query.issues, context);

  const domain::Page<domain::RepositoryView> page =
      context.store.ListRepositories(query.query, *request.caller);

  nlohmann::json data = nlohmann::json::array();
  for (const auto& view : page.items) data.push_back(RenderRepository(view));
  return ApiResponse::Ok(
      ListEnvelope(std::move(data), page.total, query.query.offset, query.query.limit, request));
}

ApiResponse GetArtifactRepository(const ApiRequest& request, ApiContext& context) {
  return OkOrError(context.store.GetRepository(request.path_params.at(0), *request.caller),
                   RenderRepository);
}

ApiResponse DeleteArtifactRepository(const ApiRequest& request, ApiContext& context) {
  return NoContentOrError(context.store.DeleteRepository(request.path_params.at(0)));
}

}  // namespace emulator::api
