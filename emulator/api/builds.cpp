// The /artifacts/{id}/builds operations.
#include "api/handler_support.h"
#include "api/list_response.h"
#include "api/render.h"

namespace emulator::api {

ApiResponse ListBuilds(const ApiRequest& request, ApiContext& context) {
  const validation::QueryValidation query =
      validation::ValidateListQuery(validation::ListOperation::kListBuilds, request.query);
  if (!query.ok()) return ValidationFailure(query.issues, context);

  const auto page =
      context.store.ListBuilds(request.path_params.at(0), query.query.offset, query.query.limit);
  if (!page.ok()) return ApiResponse::Failure(page.error());

  nlohmann::json data = nlohmann::json::array();
  for (const auto& view : page.value().items) data.push_back(RenderBuild(view));
  return ApiResponse::Ok(ListEnvelope(std::move(data), page.value().total, query.query.offset,
                                      query.query.limit, request));
}

// The trigger takes no body: none, an empty one and `{}` all start a build,
// and anything else a client sends is ignored.
ApiResponse TriggerBuild(const ApiRequest& request, ApiContext& context) {
  const auto build_ids = context.store.TriggerBuild(request.path_params.at(0), *request.caller,
                                                    context.build_outcome);
  if (!build_ids.ok()) return ApiResponse::Failure(build_ids.error());
  return ApiResponse::Accepted({{"buildIds", build_ids.value()}});
}

ApiResponse GetBuild(const ApiRequest& request, ApiContext& context) {
  return OkOrError(context.store.GetBuild(request.path_params.at(0), request.path_params.at(1)),
                   RenderBuild);
}

ApiResponse GetBuildLogs(const ApiRequest& request, ApiContext& context) {
  const auto log = context.store.GetBuildLog(request.path_params.at(0), request.path_params.at(1));
  if (!log.ok()) return ApiResponse::Failure(log.error());
  return ApiResponse::Text(log.value());
}

ApiResponse DeleteBuild(const ApiRequest& request, ApiContext& context) {
  return NoContentOrError(
      context.store.DeleteBuild(request.path_params.at(0), request.path_params.at(1)));
}

}  // namespace emulator::api
