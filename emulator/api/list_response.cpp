#include "api/list_response.h"

#include <algorithm>
#include <string>
#include <vector>

#include "util/url.h"

namespace emulator::api {
namespace {

std::string DecodedKey(const std::string& piece) {
  return util::PercentDecode(piece.substr(0, piece.find('=')), true);
}

// The request's URL with `offset` set to `new_offset`. The other parameters
// keep the client's own encoding and order.
std::string PageUrl(const ApiRequest& request, long long new_offset, long long limit) {
  std::vector<std::string> pieces;
  bool offset_written = false;
  bool has_limit = false;
  size_t start = 0;
  const std::string& raw = request.raw_query;
  while (start <= raw.size()) {
    size_t end = raw.find('&', start);
    if (end == std::string::npos) end = raw.size();
    const std::string piece = raw.substr(start, end - start);
    start = end + 1;
    if (piece.empty()) continue;

    const std::string key = DecodedKey(piece);
    if (key == "offset") {
      if (!offset_written) pieces.push_back("offset=" + std::to_string(new_offset));
      offset_written = true;
      continue;
    }
    if (key == "limit") has_limit = true;
    pieces.push_back(piece);
  }
  if (!offset_written) pieces.push_back("offset=" + std::to_string(new_offset));
  if (!has_limit) pieces.push_back("limit=" + std::to_string(limit));

  std::string url = request.public_base_url + request.raw_path + "?";
  for (size_t i = 0; i < pieces.size(); ++i) {
    if (i > 0) url += '&';
    url += pieces[i];
  }
  return url;
}

}  // namespace

nlohmann::json ListEnvelope(nlohmann::json data, long long total, long long offset, long long limit,
                            const ApiRequest& request) {
  nlohmann::json next = nullptr;
  nlohmann::json previous = nullptr;
  if (offset < total && limit < total - offset) next = PageUrl(request, offset + limit, limit);
  if (offset > 0) {
    const long long previous_offset =
        offset > total ? std::max(0LL, total - limit) : std::max(0LL, offset - limit);
    previous = PageUrl(request, previous_offset, limit);
  }
  const auto count = static_cast<long long>(data.size());
  return {{"count", count},
          {"totalCount", total},
          {"next", next},
          {"previous", previous},
          {"data", std::move(data)}};
}

}  // namespace emulator::api
