// The request journal: ids, the size bound, body truncation, queries and
// filters.
#include <memory>
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "journal/request_journal.h"

namespace emulator::journal {
namespace {

JournalEntry Entry(const std::string& method, const std::string& path, int status = 200) {
  JournalEntry entry;
  entry.method = method;
  entry.path = path;
  entry.status = status;
  return entry;
}

// The ids of entries, joined by commas.
std::string Ids(const std::vector<JournalEntry>& entries) {
  std::string ids;
  for (const auto& entry : entries) {
    if (!ids.empty()) ids += ",";
    ids += std::to_string(entry.id);
  }
  return ids;
}

// A journal holding entries 1..`count`, all GET /api/v2/artifacts.
std::unique_ptr<RequestJournal> JournalWith(int count, std::size_t max_entries = 100) {
  auto journal = std::make_unique<RequestJournal>(max_entries, 1024);
  for (int i = 0; i < count; ++i) journal->Record(Entry("GET", "/api/v2/artifacts"));
  return journal;
}

JournalFilter SinceId(std::uint64_t id) {
  JournalFilter filter;
  filter.since = id;
  return filter;
}

// ---------------------------------------------------------------------------
// Ids and bounds

TEST_CASE("journal entries get ids in arrival order", "[journal]") {
  RequestJournal journal(10, 1024);

  journal.Record(Entry("GET", "/a"));
  journal.Record(Entry("POST", "/b"));
  journal.Record(Entry("DELETE", "/c"));

  const std::vector<JournalEntry> entries = journal.Query({}, 10);
  REQUIRE(entries.size() == 3);
  CHECK(Ids(entries) == "1,2,3");
  CHECK(entries[0].path == "/a");
  CHECK(entries[2].method == "DELETE");
}

TEST_CASE("a journal ignores the id an entry arrives with", "[journal]") {
  RequestJournal journal(10, 1024);
  JournalEntry entry = Entry("GET", "/a");
  entry.id = 77;

  journal.Record(entry);

  CHECK(Ids(journal.Query({}, 10)) == "1");
}

TEST_CASE("a full journal drops its oldest entries", "[journal]") {
  const auto owner = JournalWith(5, 3);
  RequestJournal& journal = *owner;

  const std::vector<JournalEntry> entries = journal.Query({}, 10);

  CHECK(journal.size() == 3);
  CHECK(Ids(entries) == "3,4,5");
}

TEST_CASE("a journal of size zero keeps nothing", "[journal]") {
  const auto owner = JournalWith(3, 0);
  RequestJournal& journal = *owner;

  CHECK(journal.size() == 0);
  CHECK(journal.Query({}, 10).empty());
}

TEST_CASE("clearing a journal empties it and restarts ids", "[journal]") {
  const auto owner = JournalWith(4);
  RequestJournal& journal = *owner;

  journal.Clear();
  const std::size_t size_after_clear = journal.size();
  journal.Record(Entry("GET", "/again"));

  CHECK(size_after_clear == 0);
  CHECK(Ids(journal.Query({}, 10)) == "1");
}

// ---------------------------------------------------------------------------
// Bodies

TEST_CASE("a body longer than the limit is cut and flagged", "[journal]") {
  RequestJournal journal(10, 5);
  JournalEntry entry = Entry("POST", "/a");
  entry.body = "hello world";

  journal.Record(entry);

  const std::vector<JournalEntry> entries = journal.Query({}, 1);
  REQUIRE(entries.size() == 1);
  CHECK(entries[0].body == "hello");
  CHECK(entries[0].body_truncated);
}

TEST_CASE("a body exactly at the limit is kept whole", "[journal]") {
  RequestJournal journal(10, 5);
  JournalEntry entry = Entry("POST", "/a");
  entry.body = "hello";

  journal.Record(entry);

  const std::vector<JournalEntry> entries = journal.Query({}, 1);
  REQUIRE(entries.size() == 1);
  CHECK(entries[0].body == "hello");
  CHECK_FALSE(entries[0].body_truncated);
}

TEST_CASE("a body limit of zero keeps no body", "[journal]") {
  RequestJournal journal(10, 0);
  JournalEntry with_body = Entry("POST", "/a");
  with_body.body = "x";

  journal.Record(with_body);
  journal.Record(Entry("GET", "/b"));

  const std::vector<JournalEntry> entries = journal.Query({}, 10);
  REQUIRE(entries.size() == 2);
  CHECK(entries[0].body == "");
  CHECK(entries[0].body_truncated);
  CHECK_FALSE(entries[1].body_truncated);
}

// ---------------------------------------------------------------------------
// Queries

TEST_CASE("a query without since returns the newest entries oldest first", "[journal]") {
  const auto owner = JournalWith(6);
  RequestJournal& journal = *owner;

  const std::vector<JournalEntry> newest = journal.Query({}, 3);

  CHECK(Ids(newest) == "4,5,6");
}

TEST_CASE("a query with since returns the first entries after it", "[journal]") {
  const auto owner = JournalWith(6);
  RequestJournal& journal = *owner;

  CHECK(Ids(journal.Query(SinceId(2), 3)) == "3,4,5");
  CHECK(Ids(journal.Query(SinceId(5), 3)) == "6");
  CHECK(Ids(journal.Query(SinceId(6), 3)) == "");
  CHECK(Ids(journal.Query(SinceId(0), 2)) == "1,2");
}

TEST_CASE("a query since a dropped entry starts at the oldest", "[journal]") {
  const auto owner = JournalWith(10, 4);
  RequestJournal& journal = *owner;

  const std::vector<JournalEntry> entries = journal.Query(SinceId(2), 10);

  CHECK(Ids(entries) == "7,8,9,10");
}

TEST_CASE("a query with limit zero returns nothing", "[journal]") {
  const auto owner = JournalWith(3);
  RequestJournal& journal = *owner;

  CHECK(journal.Query({}, 0).empty());
  CHECK(journal.Query(SinceId(0), 0).empty());
}

TEST_CASE("the limit applies after filtering", "[journal]") {
  RequestJournal journal(100, 1024);
  for (int i = 0; i < 6; ++i) journal.Record(Entry(i % 2 == 0 ? "GET" : "POST", "/a"));
  JournalFilter posts;
  posts.method = "POST";
  JournalFilter posts_since = posts;
  posts_since.since = 2;

  CHECK(Ids(journal.Query(posts, 2)) == "4,6");
  CHECK(Ids(journal.Query(posts_since, 1)) == "4");
  CHECK(journal.Count(posts) == 3);
}

// ---------------------------------------------------------------------------
// Filters

std::unique_ptr<RequestJournal> MixedJournal() {
  auto journal = std::make_unique<RequestJournal>(100, 1024);
  JournalEntry list = Entry("GET", "/api/v2/artifacts");
  list.route = "/artifacts";
  list.user = "alice";
  journal->Record(list);
  JournalEntry create = Entry("POST", "/api/v2/artifacts", 201);
  create.route = "/artifacts";
  create.user = "bob";
  journal->Record(create);
  JournalEntry builds = Entry("POST", "/api/v2/artifacts/f01/builds", 202);
  builds.route = "/artifacts/{artifact_id}/builds";
  builds.user = "alice";
  journal->Record(builds);
  JournalEntry unknown = Entry("GET", "/nothing/here", 404);
  journal->Record(unknown);
  JournalEntry control = Entry("POST", "/_emulator/reset", 204);
  control.route = "/_emulator/reset";
  journal->Record(control);
  return journal;
}

TEST_CASE("journal filters select by each field", "[journal]") {
  const auto owner = MixedJournal();
  RequestJournal& journal = *owner;
  const auto ids = [&](const JournalFilter& filter) { return Ids(journal.Query(filter, 100)); };
  JournalFilter by_method;
  by_method.method = "POST";
  JournalFilter by_prefix;
  by_prefix.path_prefix = "/api/v2/artifacts";
  JournalFilter by_glob;
  by_glob.path_glob = "/api/v2/artifacts/*/builds";
  JournalFilter by_route;
  by_route.route = "/artifacts";
  JournalFilter by_status;
  by_status.status = 404;
  JournalFilter by_user;
  by_user.user = "alice";

  CHECK(ids({}) == "1,2,3,4,5");
  CHECK(ids(by_method) == "2,3,5");
  CHECK(ids(by_prefix) == "1,2,3");
  CHECK(ids(by_glob) == "3");
  CHECK(ids(by_route) == "1,2");
  CHECK(ids(by_status) == "4");
  CHECK(ids(by_user) == "1,3");
}

TEST_CASE("journal filters combine with AND", "[journal]") {
  const auto owner = MixedJournal();
  RequestJournal& journal = *owner;
  JournalFilter filter;
  filter.method = "POST";
  filter.user = "alice";

  CHECK(Ids(journal.Query(filter, 100)) == "3");
  CHECK(journal.Count(filter) == 1);
}

TEST_CASE("a method filter is case-sensitive", "[journal]") {
  const auto owner = MixedJournal();
  RequestJournal& journal = *owner;
  JournalFilter filter;
  filter.method = "post";

  CHECK(journal.Count(filter) == 0);
}

TEST_CASE("a path glob must match the whole path", "[journal]") {
  const auto owner = MixedJournal();
  RequestJournal& journal = *owner;
  JournalFilter prefix_only;
  prefix_only.path_glob = "/api/v2";
  JournalFilter any_builds;
  any_builds.path_glob = "*/builds";
  JournalFilter one_character;
  one_character.path_glob = "/api/v2/artifacts/f0?/builds";

  CHECK(journal.Count(prefix_only) == 0);
  CHECK(Ids(journal.Query(any_builds, 10)) == "3");
  CHECK(Ids(journal.Query(one_character, 10)) == "3");
}

TEST_CASE("filters on route or user skip entries without one", "[journal]") {
  const auto owner = MixedJournal();
  RequestJournal& journal = *owner;
  JournalFilter by_route;
  by_route.route = "";
  JournalFilter by_user;
  by_user.user = "";

  CHECK(journal.Count(by_route) == 0);
  CHECK(journal.Count(by_user) == 0);
}

TEST_CASE("an empty path prefix matches every path", "[journal]") {
  const auto owner = MixedJournal();
  RequestJournal& journal = *owner;
  JournalFilter filter;
  filter.path_prefix = "";

  CHECK(journal.Count(filter) == 5);
}

// ---------------------------------------------------------------------------
// JSON

TEST_CASE("a journal entry renders every field as JSON", "[journal]") {
  JournalEntry entry = Entry("PATCH", "/api/v2/artifacts/f01", 200);
  entry.id = 12;
  entry.request_id = "req-1";
  entry.time = 1'772'366'400'000'001LL;
  entry.query = "force=true";
  entry.headers = {{"Content-Type", "application/json"}, {"Authorization", "<redacted>"}};
  entry.body = "{\"name\":\"x\"}";
  entry.response_bytes = 321;
  entry.duration_micros = 1500;
  entry.user = "alice";
  entry.route = "/artifacts/{artifact_id}";

  const nlohmann::json rendered = entry.ToJson();

  const nlohmann::json expected = {
      {"id", 12},
      {"requestId", "req-1"},
      {"time", "2026-03-01T12:00:00.000001Z"},
      {"method", "PATCH"},
      {"path", "/api/v2/artifacts/f01"},
      {"query", "force=true"},
      {"headers", nlohmann::json::array({nlohmann::json::array({"Content-Type", "application/json"}),
                                         nlohmann::json::array({"Authorization", "<redacted>"})})},
      {"body", "{\"name\":\"x\"}"},
      {"bodyTruncated", false},
      {"status", 200},
      {"responseBytes", 321},
      {"durationMicros", 1500},
      {"user", "alice"},
      {"scenarioRule", nullptr},
      {"route", "/artifacts/{artifact_id}"}};
  CHECK(rendered == expected);
}

// ---------------------------------------------------------------------------
// Glob matching

TEST_CASE("glob patterns match whole strings", "[journal]") {
  struct Case {
    const char* pattern;
    const char* text;
    bool matches;
  };
  const Case cases[] = {
      {"", "", true},
      {"", "a", false},
      {"*", "", true},
      {"*", "anything/at/all", true},
      {"**", "x", true},
      {"?", "", false},
      {"?", "a", true},
      {"?", "ab", false},
      {"??", "ab", true},
      {"*?", "", false},
      {"*?", "x", true},
      {"abc", "abc", true},
      {"abc", "abcd", false},
      {"abc", "ABC", false},
      {"a*b*c", "abc", true},
      {"a*b*c", "aXXbYYc", true},
      {"a*b*c", "abcbc", true},
      {"a*b*c", "abcab", false},
      {"a*b*c", "acb", false},
      {"a*b*c", "ab", false},
      {"a*", "ba", false},
      {"*a", "bba", true},
      {"*a", "ab", false},
      {"a?c", "abc", true},
      {"a?c", "ac", false},
      {"*/builds", "/api/v2/artifacts/f01/builds", true},
      {"/api/*/logs", "/api/v2/artifacts/f01/builds/b01/logs", true},
      {"*ab*ab*", "xxabyyab", true},
      {"*ab*ab*", "xxabyyb", false},
  };
  for (const Case& c : cases) {
    INFO("pattern '" << c.pattern << "' text '" << c.text << "'");
    CHECK(GlobMatches(c.pattern, c.text) == c.matches);
  }
}

TEST_CASE("a glob with many stars handles a long text", "[journal]") {
  const std::string text(20000, 'a');

  const bool matches = GlobMatches("*a*a*a*a*a*a*a*a*a*a*b", text);

  CHECK_FALSE(matches);
  CHECK(GlobMatches("*a*a*a*a*a*a*a*a*a*a*", text));
}

}  // namespace
}  // namespace emulator::journal
