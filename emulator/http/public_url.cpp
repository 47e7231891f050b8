#include "http/public_url.h"
#include "util/text.h"

#include <cctype>

#include <httplib.h>

namespace emulator::http {
namespace {

std::string Trim(const std::string& text) {
  const size_t first = text.find_first_not_of(" \t");
  if (first == std::string::npos) return "";
  const size_t last = text.find_last_not_of(" \t");
  return text.substr(first, last - first + 1);
}

// Proxies append to these headers, so the first entry is the client-facing one.
std::string FirstListItem(const std::string& value) { return Trim(value.substr(0, value.find(','))); }

// Reads `name=value` from the first element of an RFC 7239 Forwarded header.
std::string ForwardedParameter(const std::string& header, const std::string& name) {
  const std::string first = FirstListItem(header);
  size_t start = 0;
  while (start < first.size()) {
    size_t end = first.find(';', start);
    if (end == std::string::npos) end = first.size();
    const std::string pair = Trim(first.substr(start, end - start));
    const size_t equals = pair.find('=');
    if (equals != std::string::npos) {
      const std::string key = util::ToLowerAscii(pair.substr(0, equals));
      std::string value = pair.substr(equals + 1);
      if (value.size() >= 2 && value.front() == '"' && value.back() == '"') {
        value = value.substr(1, value.size() - 2);
      }
      if (key == name) return value;
    }
    start = end + 1;
  }
  return "";
}

bool IsSafeAuthority(const std::string& host) {
  if (host.empty()) return false;
  for (char c : host) {
    if (c == '/' || c == '?' || c == '#' || c == '@' || c == ' ' || c == '\\') return false;
  }
  return true;
}

}  // namespace

std::string PublicBaseUrl(const std::string& configured, const httplib::Request& request) {
  if (!configured.empty()) {
    std::string base = configured;
    while (!base.empty() && base.back() == '/') base.pop_back();
    return base;
  }

  std::string scheme;
  std::string host;
  if (request.has_header("Forwarded")) {
    const std::string forwarded = request.get_header_value("Forwarded");
    scheme = ForwardedParameter(forwarded, "proto");
    host = ForwardedParameter(forwarded, "host");
  }
  if (scheme.empty() && request.has_header("X-Forwarded-Proto")) {
    scheme = FirstListItem(request.get_header_value("X-Forwarded-Proto"));
  }
  // URI schemes are case-insensitive; links use the canonical lower case.
  scheme = util::ToLowerAscii(scheme);
  if (host.empty() && request.has_header("X-Forwarded-Host")) {
    host = FirstListItem(request.get_header_value("X-Forwarded-Host"));
    if (request.has_header("X-Forwarded-Port") && host.find(':') == std::string::npos) {
      const std::string port = FirstListItem(request.get_header_value("X-Forwarded-Port"));
      const bool default_port = (scheme == "https" && port == "443") || (scheme != "https" && port == "80");
      if (!port.empty() && !default_port) host += ":" + port;
    }
  }
  if (host.empty()) host = request.get_header_value("Host");
  if (!IsSafeAuthority(host)) {
    host = request.get_header_value("LOCAL_ADDR") + ":" + request.get_header_value("LOCAL_PORT");
  }
  if (scheme != "https" && scheme != "http") scheme = "http";

  std::string prefix = FirstListItem(request.get_header_value("X-Forwarded-Prefix"));
  while (!prefix.empty() && prefix.back() == '/') prefix.pop_back();
  if (!prefix.empty() && prefix.front() != '/') prefix = "/" + prefix;
  return scheme + "://" + host + prefix;
}

}  // namespace emulator::http
