#ifndef EMULATOR_DOMAIN_ERROR_H_
#define EMULATOR_DOMAIN_ERROR_H_

#include <string>
#include <utility>

#include <nlohmann/json.hpp>

namespace emulator::domain {

// The kind of failure, independent of any transport. The HTTP adapter maps each
// code to a status in exactly one place.
enum class ErrorCode {
  kNotFound,          // the addressed resource does not exist
  kConflict,          // the resource is in a state that forbids the request
  kForbidden,         // the resource may not be changed (e.g. locked)
  kUnprocessable,     // a lifecycle rule rejects the request (string detail)
  kValidation,        // the request is malformed (list of validation items)
  kBadRequest,        // the request cannot be interpreted at all
  kUnauthenticated,   // no or unknown credentials
  kPayloadTooLarge,   // the body exceeds the configured limit
  kNotImplemented,    // an operation the emulator does not provide
  kNotReady,          // the emulator cannot serve yet (still loading, failed reload)
};

// An error value: a code plus the `detail` the real service sends for it,
// usually a sentence, a list of items for validation errors.
class Error {
 public:
  static Error NotFound(std::string message) { return {ErrorCode::kNotFound, std::move(message)}; }
  static Error Conflict(std::string message) { return {ErrorCode::kConflict, std::move(message)}; }
  static Error Forbidden(std::string message) { return {ErrorCode::kForbidden, std::move(message)}; }
  static Error Unprocessable(std::string message) {
    return {ErrorCode::kUnprocessable, std::move(message)};
  }
  static Error BadRequest(std::string message) { return {ErrorCode::kBadRequest, std::move(message)}; }
  static Error Validation(nlohmann::json detail_items) {
    Error error(ErrorCode::kValidation, "");
    error.detail_ = std::move(detail_items);
    return error;
  }

  ErrorCode code() const { return code_; }
  // The `detail` value of the error body: the message, or the item list.
  const nlohmann::json& detail() const { return detail_; }
  std::string message() const { return detail_.is_string() ? detail_.get<std::string>() : detail_.dump(); }

  Error(ErrorCode code, std::string message) : code_(code), detail_(std::move(message)) {}

 private:
  ErrorCode code_;
  nlohmann::json detail_;
};

}  // namespace emulator::domain

#endif  // EMULATOR_DOMAIN_ERROR_H_
