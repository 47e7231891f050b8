#include "http/auth.h"
#include "util/text.h"

#include <cctype>

namespace emulator::http {

domain::Result<domain::User> Authenticate(const std::string& authorization,
                                          const domain::Store& store) {
  // The scheme name is case-insensitive (RFC 7235), as in FastAPI's HTTPBearer.
  const size_t space = authorization.find(' ');
  const std::string scheme = util::ToLowerAscii(authorization.substr(0, space));
  std::string token = space == std::string::npos ? "" : authorization.substr(space + 1);
  while (!token.empty() && token.front() == ' ') token.erase(token.begin());
  while (!token.empty() && token.back() == ' ') token.pop_back();

  if (scheme != "bearer" || token.empty()) {
    return domain::Error(domain::ErrorCode::kUnauthenticated, "Not authenticated");
  }
  std::optional<domain::User> user = store.FindUserByToken(token);
  if (!user) {
    return domain::Error(domain::ErrorCode::kUnauthenticated, "Invalid authentication credentials");
  }
  return *user;
}

}  // namespace emulator::http
