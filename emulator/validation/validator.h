#ifndef EMULATOR_VALIDATION_VALIDATOR_H_
#define EMULATOR_VALIDATION_VALIDATOR_H_

// Request validation that reproduces what the real service (FastAPI on
// pydantic v2) does with a request body or a query string: the same coercions,
// the same defaults and, on failure, the same `detail` items in the same order.
//
// Thread safety: every function here is safe to call from many threads at once.

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "domain/list_query.h"

namespace emulator::validation {

// One item of an HTTPValidationError `detail` list, as FastAPI renders a
// pydantic v2 error (no `url` key). `ctx` is absent when pydantic gives none.
struct ValidationIssue {
  std::string type;
  nlohmann::json loc;    // array of strings and integers, e.g. ["body","name"]
  std::string msg;
  nlohmann::json input;
  std::optional<nlohmann::json> ctx;

  nlohmann::json ToJson() const;
};

// The request body models of the reference.
enum class BodyModel {
  kInputArtifact,             // POST /artifacts, PUT /artifacts/{id}
  kUpdateArtifactRequest,     // PATCH /artifacts/{id}
  kArtifactCloneRequest,      // POST /artifacts/{id}/clone
  kSharedRolesUpdateRequest,  // PATCH /artifactRepositories/{id}/sharedRoles
};

// The raw body of a request as it arrived.
struct RawBody {
  bool present = false;      // false when the request carried no body at all
  std::string content_type;  // empty when the header is absent
  std::string text;
};

struct BodyValidation {
  std::vector<ValidationIssue> issues;  // empty on success
  // On success: the model as the service would dump it (model_dump with
  // aliases, JSON mode): every field present, defaults filled in, lax
  // coercions applied, spec.type injected from the top-level type.
  nlohmann::json value;
  // True when FastAPI could not decode the body at all (bytes that are not
  // UTF-8, or nesting past Python's recursion limit): it then answers 400
  // {"detail": "There was an error parsing the body"}. `issues` still holds
  // one json_invalid item, so a caller that ignores this flag answers 422.
  bool body_unreadable = false;

  bool ok() const { return issues.empty(); }
};

// Validates `body` against `model` the way FastAPI does: JSON parsing rules,
// a required body, then the pydantic model with its validators.
BodyValidation ValidateBody(BodyModel model, const RawBody& body);

// Validates an already parsed JSON value against `model` (no JSON parsing and
// no "body" prefix in `loc` beyond what `loc_prefix` gives). Used by the seed
// loader to normalise seed artifacts exactly as a request would be.
BodyValidation ValidateValue(BodyModel model, const nlohmann::json& value,
                             const nlohmann::json& loc_prefix);

// The four list operations and their query parameters.
enum class ListOperation {
  kListArtifactRepositories,  // GET /artifactRepositories
  kListArtifacts,             // GET /artifacts
  kListBuilds,                // GET /artifacts/{id}/builds
  kListSharedRoles,           // GET /artifactRepositories/{id}/sharedRoles
};

// Query parameters in the order they arrived, repeated keys kept.
using QueryParams = std::vector<std::pair<std::string, std::string>>;

struct QueryValidation {
  std::vector<ValidationIssue> issues;  // empty on success
  domain::ListQuery query;              // meaningful only on success

  bool ok() const { return issues.empty(); }
};

QueryValidation ValidateListQuery(ListOperation operation, const QueryParams& params);

// The shape of the items of a 422 `detail` array.
enum class ValidationErrorStyle {
  kReference,        // FastAPI's items: type, loc, msg, input, ctx
  // {"path": "spec.containerGroups.0.name", "message": msg, "code": type}:
  // loc without its leading body/query/path element, joined by dots.
  kPathMessageCode,
};

// Renders issues as the `detail` array of an HTTPValidationError body.
nlohmann::json IssuesToDetail(const std::vector<ValidationIssue>& issues);
nlohmann::json IssuesToDetail(const std::vector<ValidationIssue>& issues,
                              ValidationErrorStyle style);

}  // namespace emulator::validation

#endif  // EMULATOR_VALIDATION_VALIDATOR_H_
