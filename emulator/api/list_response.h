#ifndef EMULATOR_API_LIST_RESPONSE_H_
#define EMULATOR_API_LIST_RESPONSE_H_

#include <nlohmann/json.hpp>

#include "api/api_types.h"

namespace emulator::api {

// Builds the list envelope shared by the four list operations: count,
// totalCount, next, previous and data. `next` and `previous` are absolute
// URLs on the request's own path with every query parameter kept and only
// `offset` changed (and `limit` added when the request had none), or null at
// either end. A page past the end links back to the last full page.
nlohmann::json ListEnvelope(nlohmann::json data, long long total, long long offset, long long limit,
                            const ApiRequest& request);

}  // namespace emulator::api

#endif  // EMULATOR_API_LIST_RESPONSE_H_
