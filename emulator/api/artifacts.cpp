// The /artifacts operations: list, create, get, patch, put, delete, clone.
#include <algorithm>

#include "api/handler_support.h"
#include "api/list_response.h"
#include "api/render.h"

namespace emulator::api {
namespace {

bool IsExtraType(const nlohmann::json& value, const std::vector<std::string>& extra_types) {
  return value.is_string() &&
         std::find(extra_types.begin(), extra_types.end(), value.get<std::string>()) != extra_types.end();
}

// Validates an InputArtifact body. The reference's ArtifactType enum has
// only service and nim; a type the seed adds (behaviour.extraArtifactTypes,
// e.g. agent) is checked with the service rules and keeps its own name.
validation::BodyValidation ValidateInputArtifact(const ApiRequest& request, ApiContext& context) {
  const std::vector<std::string> extra_types = context.store.behaviour().extra_artifact_types;
  if (!extra_types.empty()) {
    nlohmann::json parsed = nlohmann::json::parse(request.body.text, nullptr, false);
    if (parsed.is_object() && parsed.contains("type") && IsExtraType(parsed["type"], extra_types)) {
      const std::string type = parsed["type"];
      parsed["type"] = "service";
      if (parsed.contains("spec") && parsed["spec"].is_object()) parsed["spec"].erase("type");
      validation::RawBody body = request.body;
      body.text = parsed.dump();
      validation::BodyValidation result = validation::ValidateBody(validation::BodyModel::kInputArtifact, body);
      if (result.ok()) {
        result.value["type"] = type;
        result.value["spec"]["type"] = type;
      }
      return result;
    }
  }
  return validation::ValidateBody(validation::BodyModel::kInputArtifact, request.body);
}

}  // namespace

ApiResponse ListArtifacts(const ApiRequest& request, ApiContext& context) {
  const validation::QueryValidation query =
      ValidateQueryWithExtraTypes(validation::ListOperation::kListArtifacts, request, context);
  if (!query.ok()) return ValidationFailure(query.issues, context);

  const domain::Page<domain::ArtifactView> page =
      context.store.ListArtifacts(query.query, *request.caller);

  nlohmann::json data = nlohmann::json::array();
  for (const auto& view : page.items) data.push_back(RenderArtifact(view));
  return ApiResponse::Ok(
      ListEnvelope(std::move(data), page.total, query.query.offset, query.query.limit, request));
}

ApiResponse CreateArtifact(const ApiRequest& request, ApiContext& context) {
  const validation::BodyValidation body = ValidateInputArtifact(request, context);
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
  const validation::BodyValidation body = ValidateInputArtifact(request, context);
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
