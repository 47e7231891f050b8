#ifndef EMULATOR_HTTP_AUTH_H_
#define EMULATOR_HTTP_AUTH_H_

#include <string>

#include "domain/result.h"
#include "domain/store.h"

namespace emulator::http {

// Resolves an Authorization header value to a seed user. A missing or
// non-Bearer header fails with "Not authenticated", an unknown token with
// "Invalid authentication credentials", both as kUnauthenticated.
domain::Result<domain::User> Authenticate(const std::string& authorization,
                                          const domain::Store& store);

}  // namespace emulator::http

#endif  // EMULATOR_HTTP_AUTH_H_
