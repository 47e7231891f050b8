// Percent-decoding and query string parsing.
#include <string>
#include <utility>
#include <vector>

#include <catch2/catch.hpp>

#include "util/url.h"

namespace emulator::util {
namespace {

using Params = std::vector<std::pair<std::string, std::string>>;

TEST_CASE("percent escapes decode in either case", "[util]") {
  CHECK(PercentDecode("%41", false) == "A");
  CHECK(PercentDecode("a%2fb", false) == "a/b");
  CHECK(PercentDecode("a%2Fb", false) == "a/b");
  CHECK(PercentDecode("art-1%3Fforce=true", false) == "art-1?force=true");
  CHECK(PercentDecode("abc%41", false) == "abcA");
  CHECK(PercentDecode("%e2%82%ac", false) == "\xe2\x82\xac");
}

TEST_CASE("an escaped NUL decodes to a NUL byte", "[util]") {
  const std::string decoded = PercentDecode("a%00b", false);

  CHECK(decoded == std::string("a\0b", 3));
}

TEST_CASE("invalid percent escapes are kept as they are", "[util]") {
  CHECK(PercentDecode("%", false) == "%");
  CHECK(PercentDecode("%4", false) == "%4");
  CHECK(PercentDecode("abc%", false) == "abc%");
  CHECK(PercentDecode("%zz", false) == "%zz");
  CHECK(PercentDecode("%4g", false) == "%4g");
  CHECK(PercentDecode("%g4", false) == "%g4");
  CHECK(PercentDecode("100%", true) == "100%");
}

TEST_CASE("a percent before a valid escape is kept", "[util]") {
  CHECK(PercentDecode("%%41", false) == "%A");
  CHECK(PercentDecode("%2541", false) == "%41");
}

TEST_CASE("a plus is a space only in queries", "[util]") {
  CHECK(PercentDecode("a+b", true) == "a b");
  CHECK(PercentDecode("a+b", false) == "a+b");
  CHECK(PercentDecode("a%2Bb", true) == "a+b");
  CHECK(PercentDecode("a%20b", false) == "a b");
}

TEST_CASE("a query splits into decoded pairs in order", "[util]") {
  const Params params = ParseQuery("offset=10&limit=5&search=fraud+scorer%21");

  CHECK(params == Params{{"offset", "10"}, {"limit", "5"}, {"search", "fraud scorer!"}});
}

TEST_CASE("a query keeps repeated keys", "[util]") {
  const Params params = ParseQuery("tagKeys=team&tagKeys=stage&limit=1&tagKeys=team");

  CHECK(params ==
        Params{{"tagKeys", "team"}, {"tagKeys", "stage"}, {"limit", "1"}, {"tagKeys", "team"}});
}

TEST_CASE("a query key without a value has an empty value", "[util]") {
  CHECK(ParseQuery("search=") == Params{{"search", ""}});
  CHECK(ParseQuery("search") == Params{{"search", ""}});
  CHECK(ParseQuery("a=&b") == Params{{"a", ""}, {"b", ""}});
  CHECK(ParseQuery("=value") == Params{{"", "value"}});
}

TEST_CASE("empty query pieces are skipped", "[util]") {
  CHECK(ParseQuery("").empty());
  CHECK(ParseQuery("&").empty());
  CHECK(ParseQuery("&&a=1&&b=2&") == Params{{"a", "1"}, {"b", "2"}});
}

TEST_CASE("a value may contain an equals sign", "[util]") {
  const Params params = ParseQuery("filter=a=b&x=%3D");

  CHECK(params == Params{{"filter", "a=b"}, {"x", "="}});
}

TEST_CASE("query keys are decoded too", "[util]") {
  const Params params = ParseQuery("order%42y=name&a+b=c");

  CHECK(params == Params{{"orderBy", "name"}, {"a b", "c"}});
}

TEST_CASE("an encoded ampersand does not split the query", "[util]") {
  const Params params = ParseQuery("search=R%26D&limit=2");

  CHECK(params == Params{{"search", "R&D"}, {"limit", "2"}});
}

}  // namespace
}  // namespace emulator::util
