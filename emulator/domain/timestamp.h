#ifndef EMULATOR_DOMAIN_TIMESTAMP_H_
#define EMULATOR_DOMAIN_TIMESTAMP_H_

#include <cstdint>
#include <optional>
#include <string>

namespace emulator::domain {

// Microseconds since the Unix epoch, UTC.
using Timestamp = std::int64_t;

inline constexpr Timestamp kMicrosPerSecond = 1'000'000;
// 10000-01-01T00:00:00Z: RFC 3339 has four-digit years, so times must stay below.
inline constexpr Timestamp kEndOfRfc3339Years = 253402300800LL * kMicrosPerSecond;

// Formats as RFC 3339 in UTC with six fractional digits and a `Z`, the way the
// service's serializer writes datetimes: 2026-12-04T10:00:00.000000Z.
std::string FormatRfc3339(Timestamp time);

// Formats as Python's logging `asctime`: 2026-12-04 10:00:00,000.
std::string FormatLogTime(Timestamp time);

// Parses RFC 3339 (`Z` or a numeric offset, fraction optional, up to 9
// digits of which the first 6 are kept). Returns nullopt when invalid.
std::optional<Timestamp> ParseRfc3339(const std::string& text);

}  // namespace emulator::domain

#endif  // EMULATOR_DOMAIN_TIMESTAMP_H_
