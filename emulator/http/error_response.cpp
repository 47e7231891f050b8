#include "http/error_response.h"

#include <nlohmann/json.hpp>

namespace emulator::http {

int StatusFor(domain::ErrorCode code) {
  switch (code) {
    case domain::ErrorCode::kBadRequest:
      return 400;
    case domain::ErrorCode::kUnauthenticated:
      return 401;
    case domain::ErrorCode::kForbidden:
      return 403;
    case domain::ErrorCode::kNotFound:
      return 404;
    case domain::ErrorCode::kConflict:
      return 409;
    case domain::ErrorCode::kPayloadTooLarge:
      return 413;
    case domain::ErrorCode::kUnprocessable:
    case domain::ErrorCode::kValidation:
      return 422;
    case domain::ErrorCode::kNotImplemented:
      return 501;
    case domain::ErrorCode::kNotReady:
      return 503;
  }
  return 500;
}

std::string ErrorBody(const domain::Error& error) {
  return nlohmann::json{{"detail", error.detail()}}.dump(-1, ' ', false,
                                                         nlohmann::json::error_handler_t::replace);
}

std::string LibraryErrorBody(int status) {
  std::string detail;
  switch (status) {
    case 400:
      detail = "Bad Request: the request could not be parsed as HTTP";
      break;
    case 404:
      detail = "Not Found";
      break;
    case 405:
      detail = "Method Not Allowed";
      break;
    case 413:
      detail = "Request body too large; raise --max-body-bytes to accept larger bodies";
      break;
    case 414:
      detail = "Request URI too long";
      break;
    default:
      detail = "HTTP error " + std::to_string(status);
  }
  return nlohmann::json{{"detail", detail}}.dump();
}

}  // namespace emulator::http
