#ifndef EMULATOR_API_API_TYPES_H_
#define EMULATOR_API_API_TYPES_H_

// The transport-neutral request and response that API and control handlers
// work with. The HTTP adapter fills ApiRequest from the wire and writes
// ApiResponse back; handlers never see a socket or a status number.

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "domain/error.h"
#include "domain/model.h"
#include "validation/validator.h"

namespace emulator::api {

struct ApiRequest {
  std::string method;
  // Values of the {placeholders} of the route, percent-decoded, in order.
  std::vector<std::string> path_params;
  validation::QueryParams query;
  validation::RawBody body;
  // The authenticated caller; empty for routes that need no authentication.
  std::optional<domain::User> caller;
  // Scheme and authority for absolute links, e.g. "https://api.example.com".
  std::string public_base_url;
  // The path and query string exactly as the client sent them.
  std::string raw_path;
  std::string raw_query;
};

struct ApiResponse {
  enum class Kind { kOk, kCreated, kAccepted, kNoContent, kError };

  Kind kind = Kind::kOk;
  nlohmann::json body;                  // a JSON body, when text is empty
  std::optional<std::string> text;      // a body sent verbatim
  std::string content_type = "application/json";
  std::optional<domain::Error> error;   // set when kind is kError
  std::vector<std::pair<std::string, std::string>> headers;

  static ApiResponse Ok(nlohmann::json body) { return Make(Kind::kOk, std::move(body)); }
  static ApiResponse Created(nlohmann::json body) { return Make(Kind::kCreated, std::move(body)); }
  static ApiResponse Accepted(nlohmann::json body) { return Make(Kind::kAccepted, std::move(body)); }
  static ApiResponse NoContent() { return Make(Kind::kNoContent, nullptr); }
  // A body sent verbatim with `content_type`.
  static ApiResponse Text(std::string text, std::string content_type = "application/json") {
    ApiResponse response = Make(Kind::kOk, nullptr);
    response.text = std::move(text);
    response.content_type = std::move(content_type);
    return response;
  }
  static ApiResponse Failure(domain::Error error) {
    ApiResponse response = Make(Kind::kError, nullptr);
    response.error = std::move(error);
    return response;
  }

 private:
  static ApiResponse Make(Kind kind, nlohmann::json body) {
    ApiResponse response;
    response.kind = kind;
    response.body = std::move(body);
    return response;
  }
};

}  // namespace emulator::api

#endif  // EMULATOR_API_API_TYPES_H_
