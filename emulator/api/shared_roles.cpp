// GET and PATCH /artifactRepositories/{id}/sharedRoles.
#include "api/handler_support.h"
#include "api/list_response.h"
#include "api/render.h"

namespace emulator::api {

ApiResponse ListSharedRoles(const ApiRequest& request, ApiContext& context) {
  const validation::QueryValidation query =
      validation::ValidateListQuery(validation::ListOperation::kListSharedRoles, request.query);
  if (!query.ok()) return ValidationFailure(query.issues, context);

  const auto page = context.store.ListSharedRoles(request.path_params.at(0), query.query.offset,
                                                  query.query.limit);
  if (!page.ok()) return ApiResponse::Failure(page.error());

  nlohmann::json data = nlohmann::json::array();
  for (const auto& role : page.value().items) data.push_back(RenderSharedRole(role));
  return ApiResponse::Ok(ListEnvelope(std::move(data), page.value().total, query.query.offset,
                                      query.query.limit, request));
}

ApiResponse UpdateSharedRoles(const ApiRequest& request, ApiContext& context) {
  const validation::BodyValidation body =
      validation::ValidateBody(validation::BodyModel::kSharedRolesUpdateRequest, request.body);
  if (!body.ok()) return BodyFailure(body, context);

  std::vector<domain::RoleGrant> grants;
  for (const auto& item : body.value.value("roles", nlohmann::json::array())) {
    domain::RoleGrant grant;
    if (item.contains("username") && item["username"].is_string()) {
      grant.username = item["username"].get<std::string>();
    }
    if (item.contains("id") && item["id"].is_string()) grant.id = item["id"].get<std::string>();
    grant.role = item.value("role", "");
    grant.recipient_type = item.value("shareRecipientType", "user");
    grants.push_back(std::move(grant));
  }
  return NoContentOrError(context.store.UpdateSharedRoles(request.path_params.at(0), grants));
}

}  // namespace emulator::api
