// The filter predicates behind every list: value lists, search and tags.
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "domain/filters.h"

namespace emulator::domain {
namespace {

TEST_CASE("an empty value list matches everything", "[domain]") {
  const bool matches = MatchesAny({}, "anything");

  CHECK(matches);
}

TEST_CASE("a value list matches any of its values exactly", "[domain]") {
  const std::vector<std::string> values = {"draft", "locked"};

  CHECK(MatchesAny(values, "draft"));
  CHECK(MatchesAny(values, "locked"));
  CHECK_FALSE(MatchesAny(values, "Draft"));
  CHECK_FALSE(MatchesAny(values, "lock"));
  CHECK_FALSE(MatchesAny(values, ""));
}

TEST_CASE("search finds a substring whatever its case", "[domain]") {
  CHECK(ContainsIgnoringCase("Fraud Scorer", "fraud"));
  CHECK(ContainsIgnoringCase("Fraud Scorer", "SCORER"));
  CHECK(ContainsIgnoringCase("Fraud Scorer", "d s"));
  CHECK(ContainsIgnoringCase("6958A0000000000000000001", "a000"));
  CHECK(ContainsIgnoringCase("abc", "abc"));
}

TEST_CASE("search fails when the text is absent", "[domain]") {
  CHECK_FALSE(ContainsIgnoringCase("Fraud Scorer", "fraudscorer"));
  CHECK_FALSE(ContainsIgnoringCase("abc", "abcd"));
  CHECK_FALSE(ContainsIgnoringCase("", "a"));
}

TEST_CASE("an empty search matches everything", "[domain]") {
  CHECK(ContainsIgnoringCase("Fraud Scorer", ""));
  CHECK(ContainsIgnoringCase("", ""));
}

const std::vector<Tag> kTags = {{"t1", "team", "risk"}, {"t2", "stage", "prod"}};

TEST_CASE("tag filters without keys or values match everything", "[domain]") {
  CHECK(MatchesTags(kTags, {}, {}));
  CHECK(MatchesTags({}, {}, {}));
}

TEST_CASE("a tag key filter needs a matching key", "[domain]") {
  CHECK(MatchesTags(kTags, {"team"}, {}));
  CHECK(MatchesTags(kTags, {"owner", "stage"}, {}));
  CHECK_FALSE(MatchesTags(kTags, {"owner"}, {}));
  CHECK_FALSE(MatchesTags(kTags, {"risk"}, {}));
  CHECK_FALSE(MatchesTags({}, {"team"}, {}));
}

TEST_CASE("a tag value filter needs a matching value", "[domain]") {
  CHECK(MatchesTags(kTags, {}, {"prod"}));
  CHECK(MatchesTags(kTags, {}, {"dev", "risk"}));
  CHECK_FALSE(MatchesTags(kTags, {}, {"team"}));
  CHECK_FALSE(MatchesTags({}, {}, {"prod"}));
}

TEST_CASE("tag key and value may match different tags", "[domain]") {
  CHECK(MatchesTags(kTags, {"team"}, {"prod"}));
  CHECK(MatchesTags(kTags, {"team"}, {"risk"}));
  CHECK_FALSE(MatchesTags(kTags, {"team"}, {"dev"}));
  CHECK_FALSE(MatchesTags(kTags, {"owner"}, {"risk"}));
}

}  // namespace
}  // namespace emulator::domain
