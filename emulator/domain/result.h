#ifndef EMULATOR_DOMAIN_RESULT_H_
#define EMULATOR_DOMAIN_RESULT_H_

#include <cassert>
#include <utility>
#include <variant>

#include "domain/error.h"

namespace emulator::domain {

// Either a value or an Error. Callers test ok() and return the error at the
// first failure; value() on an error (or error() on a value) is a bug.
template <typename T>
class Result {
 public:
  Result(T value) : state_(std::move(value)) {}        // NOLINT: implicit by design
  Result(Error error) : state_(std::move(error)) {}    // NOLINT: implicit by design

  bool ok() const { return std::holds_alternative<T>(state_); }
  T& value() {
    assert(ok());
    return std::get<T>(state_);
  }
  const T& value() const {
    assert(ok());
    return std::get<T>(state_);
  }
  const Error& error() const {
    assert(!ok());
    return std::get<Error>(state_);
  }

 private:
  std::variant<T, Error> state_;
};

// For operations that return nothing on success.
struct Done {};

}  // namespace emulator::domain

#endif  // EMULATOR_DOMAIN_RESULT_H_
