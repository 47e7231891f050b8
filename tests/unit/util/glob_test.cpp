// The shared glob matcher behind journal path filters and scenario rules.
#include <string>

#include <catch2/catch.hpp>

#include "util/glob.h"

namespace emulator::util {
namespace {

TEST_CASE("an empty pattern matches only the empty string", "[util]") {
  CHECK(GlobMatches("", ""));
  CHECK_FALSE(GlobMatches("", "a"));
}

TEST_CASE("a star matches any run, the empty one included", "[util]") {
  CHECK(GlobMatches("*", ""));
  CHECK(GlobMatches("*", "/api/v2/artifacts"));
  CHECK(GlobMatches("a*", "a"));
  CHECK(GlobMatches("*a*", "bab"));
  CHECK(GlobMatches("***", "x"));
}

TEST_CASE("a question mark matches exactly one character", "[util]") {
  CHECK_FALSE(GlobMatches("?", ""));
  CHECK(GlobMatches("?", "a"));
  CHECK(GlobMatches("?", "?"));
  CHECK_FALSE(GlobMatches("?", "ab"));
  CHECK_FALSE(GlobMatches("*?", ""));
  CHECK(GlobMatches("?*", "a"));
}

TEST_CASE("several stars backtrack to the right split", "[util]") {
  CHECK(GlobMatches("a*b*c", "abc"));
  CHECK(GlobMatches("a*b*c", "a-b-b-c-c"));
  CHECK_FALSE(GlobMatches("a*b*c", "a-b-c-d"));
  CHECK_FALSE(GlobMatches("a*b*c", "a-c-b"));
  CHECK(GlobMatches("*ab*ab*", "xxabyyab"));
  CHECK_FALSE(GlobMatches("*ab*ab*", "xxabyyb"));
}

TEST_CASE("literal characters compare exactly", "[util]") {
  CHECK(GlobMatches("/api/v2/artifacts", "/api/v2/artifacts"));
  CHECK_FALSE(GlobMatches("/api/v2/artifacts", "/api/v2/Artifacts"));
  CHECK_FALSE(GlobMatches("/api/v2/artifacts", "/api/v2/artifacts/"));
  CHECK_FALSE(GlobMatches("/api/v2/artifacts/", "/api/v2/artifacts"));
}

TEST_CASE("a star crosses path separators", "[util]") {
  CHECK(GlobMatches("/api/*/logs", "/api/v2/artifacts/f01/builds/b01/logs"));
  CHECK_FALSE(GlobMatches("/api/*/logs", "/api/v2/artifacts/f01/builds/b01/logs/x"));
}

}  // namespace
}  // namespace emulator::util
