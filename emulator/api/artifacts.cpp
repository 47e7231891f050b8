// The /artifacts operations: list, create, get, patch, put, delete, clone.
#include "api/handler_support.h"
#include "api/list_response.h"
#include "api/render.h"

namespace emulator::api {

ApiResponse ListArtifacts(const ApiRequest& request, ApiContext& context) {
  const validation::QueryValidation query =
      validation::ValidateListQuery(validation::ListOperation::kListArtifacts, request.query);
  if (!query.ok()) return ValidationFailure(query.issues, context);

  const domain::Page<domain::ArtifactView> page =
      context.store.ListArtifacts(query.query, *request.caller);

  nlohmann::json data = nlohmann::json::array();
  for (const auto& view : page.items) data.push_back(RenderArtifact(view));
  return ApiResponse::Ok(
      ListEnvelope(std::move(data), page.total, query.query.offset, query.query.limit, request));
}

ApiResponse CreateArtifact(const ApiRequest& request, ApiContext& context) {
  const validation::BodyValidation body =
      validation::ValidateBody(validation::BodyModel::kInputArtifact, request.body);
  if (!body.ok()) return BodyFailure(body, context);

  const auto created = context.store.CreateArtifact(body.value, *request.caller);
  if (!created.ok()) return ApiResponse::Failure(created.error());
  return ApiResponse::Created(RenderArtifact(created.value()));
}

ApiResponse GetArtifact(const ApiRequest& request, ApiContext& context) {
  return OkOrError(context.store.GetArtifact(request.path_params.at(0), *request.caller),
                   RenderArtifact);
}

ApiResponse UpdateArtifact(const ApiRequest& request, ApiContext& context) {
  const validation::BodyValidation body =
      validation::ValidateBody(validation::BodyModel::kUpdateArtifactRequest, request.body);
  if (!body.ok()) return BodyFailure(body, context);

  return OkOrError(
      context.store.UpdateArtifact(request.path_params.at(0), body.value, *request.caller),
      RenderArtifact);
}

ApiResponse ReplaceArtifact(const ApiRequest& request, ApiContext& context) {
  const validation::BodyValidation body =
      validation::ValidateBody(validation::BodyModel::kInputArtifact, request.body);
  if (!body.ok()) return BodyFailure(body, context);

  return OkOrError(
      context.store.ReplaceArtifact(request.path_params.at(0), body.value, *request.caller),
      RenderArtifact);
}

ApiResponse DeleteArtifact(const ApiRequest& request, ApiContext& context) {
  return NoContentOrError(context.store.DeleteArtifact(request.path_params.at(0)));
}

ApiResponse CloneArtifact(const ApiRequest& request, ApiContext& context) {
  const validation::BodyValidation body =
      validation::ValidateBody(validation::BodyModel::kArtifactCloneRequest, request.body);
  if (!body.ok()) return BodyFailure(body, context);

  return OkOrError(context.store.CloneArtifact(request.path_params.at(0),
                                               body.value.value("name", ""), *request.caller),
                   RenderArtifact);
}

}  // namespace emulator::api
