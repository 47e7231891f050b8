#ifndef EMULATOR_HTTP_PUBLIC_URL_H_
#define EMULATOR_HTTP_PUBLIC_URL_H_

#include <string>

namespace httplib {
struct Request;
}

namespace emulator::http {

// The scheme and authority clients used to reach us, for absolute links:
// `configured` (--public-url) when set, else the proxy headers
// (Forwarded, X-Forwarded-Proto / X-Forwarded-Host / X-Forwarded-Port), else
// the Host header, else the local address. A trailing slash is removed.
// Path prefixes a proxy adds (X-Forwarded-Prefix) are included.
std::string PublicBaseUrl(const std::string& configured, const httplib::Request& request);

}  // namespace emulator::http

#endif  // EMULATOR_HTTP_PUBLIC_URL_H_
