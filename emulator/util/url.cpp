#include "util/url.h"

namespace emulator::util {
namespace {

int HexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

}  // namespace

std::string PercentDecode(const std::string& text, bool plus_as_space) {
  std::string decoded;
  decoded.reserve(text.size());
  for (size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '%' && i + 2 < text.size()) {
      const int high = HexValue(text[i + 1]);
      const int low = HexValue(text[i + 2]);
      if (high >= 0 && low >= 0) {
        decoded.push_back(static_cast<char>(high * 16 + low));
        i += 2;
        continue;
      }
    }
    decoded.push_back(plus_as_space && c == '+' ? ' ' : c);
  }
  return decoded;
}

std::vector<std::pair<std::string, std::string>> ParseQuery(const std::string& raw_query) {
  std::vector<std::pair<std::string, std::string>> params;
  size_t start = 0;
  while (start <= raw_query.size()) {
    size_t end = raw_query.find('&', start);
    if (end == std::string::npos) end = raw_query.size();
    const std::string piece = raw_query.substr(start, end - start);
    if (!piece.empty()) {
      const size_t equals = piece.find('=');
      const std::string key = piece.substr(0, equals);
      const std::string value = equals == std::string::npos ? "" : piece.substr(equals + 1);
      params.emplace_back(PercentDecode(key, true), PercentDecode(value, true));
    }
    start = end + 1;
  }
  return params;
}

}  // namespace emulator::util
