// RFC 3339 and log-time formatting, and RFC 3339 parsing.
#include <optional>
#include <string>

#include <catch2/catch.hpp>

#include "domain/timestamp.h"

namespace emulator::domain {
namespace {

constexpr Timestamp kDecember4 = 1'796'378'400'123'456LL;  // 2026-12-04T10:00:00.123456Z
constexpr Timestamp kMarch9 = 1'773'069'000'000'000LL;     // 2026-03-09T15:10:00Z

TEST_CASE("timestamps format with six fractional digits and Z", "[domain]") {
  CHECK(FormatRfc3339(0) == "1970-01-01T00:00:00.000000Z");
  CHECK(FormatRfc3339(1) == "1970-01-01T00:00:00.000001Z");
  CHECK(FormatRfc3339(kDecember4) == "2026-12-04T10:00:00.123456Z");
  CHECK(FormatRfc3339(1'709'251'199'999'999LL) == "2024-02-29T23:59:59.999999Z");
  CHECK(FormatRfc3339(253'402'300'799'999'999LL) == "9999-12-31T23:59:59.999999Z");
}

TEST_CASE("timestamps before 1970 format as earlier dates", "[domain]") {
  CHECK(FormatRfc3339(-1) == "1969-12-31T23:59:59.999999Z");
  CHECK(FormatRfc3339(-kMicrosPerSecond) == "1969-12-31T23:59:59.000000Z");
  CHECK(FormatRfc3339(-14'182'940'000'000LL) == "1969-07-20T20:17:40.000000Z");
  CHECK(FormatRfc3339(-2'208'988'800'000'000LL) == "1900-01-01T00:00:00.000000Z");
  CHECK(FormatRfc3339(-62'135'596'800'000'000LL) == "0001-01-01T00:00:00.000000Z");
}

TEST_CASE("log times format with milliseconds after a comma", "[domain]") {
  CHECK(FormatLogTime(kDecember4) == "2026-12-04 10:00:00,123");
  CHECK(FormatLogTime(0) == "1970-01-01 00:00:00,000");
  CHECK(FormatLogTime(999) == "1970-01-01 00:00:00,000");
  CHECK(FormatLogTime(-1) == "1969-12-31 23:59:59,999");
}

TEST_CASE("parsing accepts Z and a numeric offset", "[domain]") {
  CHECK(ParseRfc3339("2026-03-09T15:10:00Z") == std::optional<Timestamp>(kMarch9));
  CHECK(ParseRfc3339("2026-03-09T15:10:00z") == std::optional<Timestamp>(kMarch9));
  CHECK(ParseRfc3339("2026-03-09T16:10:00+01:00") == std::optional<Timestamp>(kMarch9));
  CHECK(ParseRfc3339("2026-03-09T09:40:00-05:30") == std::optional<Timestamp>(kMarch9));
  CHECK(ParseRfc3339("2026-03-09T15:10:00+00:00") == std::optional<Timestamp>(kMarch9));
  CHECK(ParseRfc3339("2026-03-09T15:10:00-00:00") == std::optional<Timestamp>(kMarch9));
}

TEST_CASE("an offset can move the date across midnight", "[domain]") {
  const std::optional<Timestamp> parsed = ParseRfc3339("2026-03-10T01:10:00+10:00");

  REQUIRE(parsed.has_value());
  CHECK(FormatRfc3339(*parsed) == "2026-03-09T15:10:00.000000Z");
}

TEST_CASE("parsing accepts a lowercase t or a space", "[domain]") {
  CHECK(ParseRfc3339("2026-03-09t15:10:00Z") == std::optional<Timestamp>(kMarch9));
  CHECK(ParseRfc3339("2026-03-09 15:10:00Z") == std::optional<Timestamp>(kMarch9));
}

TEST_CASE("parsing keeps the first six fractional digits", "[domain]") {
  CHECK(ParseRfc3339("2026-03-09T15:10:00.5Z") ==
        std::optional<Timestamp>(kMarch9 + 500'000));
  CHECK(ParseRfc3339("2026-03-09T15:10:00.000001Z") == std::optional<Timestamp>(kMarch9 + 1));
  CHECK(ParseRfc3339("2026-03-09T15:10:00.123456789Z") ==
        std::optional<Timestamp>(kMarch9 + 123'456));
  CHECK(ParseRfc3339("2026-03-09T16:10:00.25+01:00") ==
        std::optional<Timestamp>(kMarch9 + 250'000));
}

TEST_CASE("parsing rejects malformed timestamps", "[domain]") {
  const char* const invalid[] = {
      "",
      "2026-03-09",
      "2026-03-09T15:10:00",         // no zone
      "2026-03-09T15:10Z",           // no seconds
      "26-03-09T15:10:00Z",          // two-digit year
      "2026-3-09T15:10:00Z",         // one-digit month
      "2026/03/09T15:10:00Z",
      "2026-03-09X15:10:00Z",
      "2026-03-09T15:10:00.Z",       // fraction without digits
      "2026-03-09T15:10:00.1234567890Z",  // ten fractional digits
      "2026-03-09T15:10:00+0100",    // offset without a colon
      "2026-03-09T15:10:00+1:00",
      "2026-03-09T15:10:00+24:00",
      "2026-03-09T15:10:00+01:60",
      "2026-03-09T15:10:00ZZ",
      "2026-03-09T15:10:00Z ",
      " 2026-03-09T15:10:00Z",
      "2026-03-09T15:10:00 UTC",
  };
  for (const char* text : invalid) {
    INFO(text);
    CHECK_FALSE(ParseRfc3339(text).has_value());
  }
}

TEST_CASE("parsing rejects out-of-range fields", "[domain]") {
  const char* const invalid[] = {
      "2026-00-09T15:10:00Z", "2026-13-09T15:10:00Z", "2026-03-00T15:10:00Z",
      "2026-03-32T15:10:00Z", "2026-03-09T24:00:00Z", "2026-03-09T15:60:00Z",
      "2026-03-09T15:10:61Z",
  };
  for (const char* text : invalid) {
    INFO(text);
    CHECK_FALSE(ParseRfc3339(text).has_value());
  }
}

TEST_CASE("parsing rejects days that the month does not have", "[domain]") {
  const char* const invalid[] = {
      "2026-02-29T00:00:00Z",  // 2026 is not a leap year
      "2026-02-30T00:00:00Z",
      "2026-04-31T00:00:00Z",
      "2100-02-29T00:00:00Z",  // a century that is not a leap year
  };
  for (const char* text : invalid) {
    INFO(text);
    CHECK_FALSE(ParseRfc3339(text).has_value());
  }
}

TEST_CASE("parsing accepts the last day of every month", "[domain]") {
  CHECK(ParseRfc3339("2024-02-29T00:00:00Z").has_value());
  CHECK(ParseRfc3339("2000-02-29T00:00:00Z").has_value());
  CHECK(ParseRfc3339("2026-01-31T00:00:00Z").has_value());
  CHECK(ParseRfc3339("2026-04-30T00:00:00Z").has_value());
  CHECK(ParseRfc3339("2026-12-31T23:59:59Z").has_value());
}

TEST_CASE("parsing reads dates before 1970", "[domain]") {
  CHECK(ParseRfc3339("1969-12-31T23:59:59.999999Z") == std::optional<Timestamp>(-1));
  CHECK(ParseRfc3339("1900-01-01T00:00:00Z") ==
        std::optional<Timestamp>(-2'208'988'800'000'000LL));
  CHECK(ParseRfc3339("0001-01-01T00:00:00Z") ==
        std::optional<Timestamp>(-62'135'596'800'000'000LL));
}

TEST_CASE("formatting then parsing gives the same timestamp", "[domain]") {
  const Timestamp values[] = {0,
                              1,
                              -1,
                              kDecember4,
                              kMarch9 + 999'999,
                              -14'182'940'000'001LL,
                              -2'208'988'800'000'000LL,
                              -62'135'596'800'000'000LL,
                              253'402'300'799'999'999LL};
  for (const Timestamp value : values) {
    INFO(value);
    CHECK(ParseRfc3339(FormatRfc3339(value)) == std::optional<Timestamp>(value));
  }
}

}  // namespace
}  // namespace emulator::domain
