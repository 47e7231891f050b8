#include <set>

#include <catch2/catch.hpp>

#include "test_server.h"

using emulator::testing::BodyJson;
using emulator::testing::ServiceArtifactBody;
using emulator::testing::TestServer;
using nlohmann::json;

namespace {

// Adds artifacts until there are five in all (three come from the seed).
void AddTwoArtifacts(TestServer& server) {
  auto client = server.Client();
  for (const char* name : {"extra-one", "extra-two"}) {
    server.clock().Advance(1000000);
    auto result = client->Post("/api/v2/artifacts", ServiceArtifactBody(name).dump(), "application/json");
    REQUIRE(result->status == 201);
  }
}

// The path and query of an absolute link of this server.
std::string PathOf(const TestServer& server, const std::string& link) {
  const std::string base = server.base_url();
  REQUIRE(link.compare(0, base.size(), base) == 0);
  return link.substr(base.size());
}

}  // namespace

TEST_CASE("pages of two over five artifacts have sizes two, two and one", "[pagination]") {
  TestServer server;
  AddTwoArtifacts(server);
  auto client = server.Client();

  const json first = BodyJson(client->Get("/api/v2/artifacts?limit=2"));
  const json second = BodyJson(client->Get(PathOf(server, first["next"])));
  const json third = BodyJson(client->Get(PathOf(server, second["next"])));

  CHECK(first["count"] == 2);
  CHECK(second["count"] == 2);
  CHECK(third["count"] == 1);
  for (const json* page : {&first, &second, &third}) CHECK((*page)["totalCount"] == 5);
  CHECK(first["previous"].is_null());
  CHECK(third["next"].is_null());
  CHECK(first["next"] == server.base_url() + "/api/v2/artifacts?limit=2&offset=2");
  CHECK(third["previous"] == server.base_url() + "/api/v2/artifacts?limit=2&offset=2");
}

TEST_CASE("following next links verbatim reaches every artifact once", "[pagination]") {
  TestServer server;
  AddTwoArtifacts(server);
  httplib::Client client(server.base_url());
  client.set_default_headers({{"Authorization", "Bearer alice-token"}});

  std::multiset<std::string> seen;
  json link = server.base_url() + "/api/v2/artifacts/?limit=2&orderBy=name";
  int pages = 0;
  while (!link.is_null() && pages < 10) {
    const json page = BodyJson(client.Get(PathOf(server, link)));
    for (const auto& item : page["data"]) seen.insert(item["id"].get<std::string>());
    link = page["next"];
    ++pages;
  }

  CHECK(pages == 3);
  CHECK(seen.size() == 5);
  CHECK(std::set<std::string>(seen.begin(), seen.end()).size() == 5);
}

TEST_CASE("next links keep every filter, repeated ones included", "[pagination]") {
  TestServer server;
  AddTwoArtifacts(server);
  auto client = server.Client();

  const json page = BodyJson(client->Get("/api/v2/artifacts?type=service&offset=0&ids=x&ids=y&limit=1"));

  CHECK(page["next"].is_null());
  const json all = BodyJson(client->Get("/api/v2/artifacts?type=service&status=draft&offset=0&limit=1"));
  CHECK(all["next"] == server.base_url() +
                           "/api/v2/artifacts?type=service&status=draft&offset=1&limit=1");
}

TEST_CASE("a page past the end links back to the last full page", "[pagination]") {
  TestServer server;
  AddTwoArtifacts(server);
  auto client = server.Client();

  const json page = BodyJson(client->Get("/api/v2/artifacts?offset=50&limit=2"));

  CHECK(page["count"] == 0);
  CHECK(page["data"] == json::array());
  CHECK(page["totalCount"] == 5);
  CHECK(page["next"].is_null());
  CHECK(page["previous"] == server.base_url() + "/api/v2/artifacts?offset=3&limit=2");
}

TEST_CASE("links follow the proxy headers", "[pagination]") {
  TestServer server;
  auto client = server.Client();
  client->set_default_headers({{"Authorization", "Bearer alice-token"},
                               {"X-Forwarded-Proto", "https"},
                               {"X-Forwarded-Host", "models.example.com"}});

  const json page = BodyJson(client->Get("/api/v2/artifacts?limit=1"));

  CHECK(page["next"] == "https://models.example.com/api/v2/artifacts?limit=1&offset=1");
}

TEST_CASE("links follow the Forwarded header", "[pagination]") {
  TestServer server;
  auto client = server.Client();
  client->set_default_headers({{"Authorization", "Bearer alice-token"},
                               {"Forwarded", "for=10.0.0.1;proto=https;host=api.example.org"}});

  const json page = BodyJson(client->Get("/api/v2/artifacts?limit=1"));

  CHECK(page["next"] == "https://api.example.org/api/v2/artifacts?limit=1&offset=1");
}

TEST_CASE("links use the configured public URL", "[pagination]") {
  emulator::http::ServerOptions options;
  options.public_url = "https://emulator.example.com/";
  TestServer server(emulator::testing::kTestSeed, options);
  auto client = server.Client();

  const json page = BodyJson(client->Get("/api/v2/artifacts?limit=1"));

  CHECK(page["next"] == "https://emulator.example.com/api/v2/artifacts?limit=1&offset=1");
}

TEST_CASE("links use the Host header without a proxy", "[pagination]") {
  TestServer server;
  auto client = server.Client();
  client->set_default_headers({{"Authorization", "Bearer alice-token"}, {"Host", "emulator.test:9999"}});

  const json page = BodyJson(client->Get("/api/v2/artifacts?limit=1"));

  CHECK(page["next"] == "http://emulator.test:9999/api/v2/artifacts?limit=1&offset=1");
}

TEST_CASE("repository lists paginate the same way", "[pagination]") {
  TestServer server;
  auto client = server.Client();

  const json first = BodyJson(client->Get("/api/v2/artifactRepositories?limit=1"));
  const json second = BodyJson(client->Get(PathOf(server, first["next"])));

  CHECK(first["totalCount"] == 2);
  CHECK(first["count"] == 1);
  CHECK(second["count"] == 1);
  CHECK(second["next"].is_null());
  CHECK(first["data"][0]["id"] != second["data"][0]["id"]);
}

TEST_CASE("invalid paging values are rejected, never clamped", "[pagination]") {
  TestServer server;
  auto client = server.Client();

  for (const std::string query : {"limit=0", "limit=101", "offset=-1", "limit=abc", "offset=1.5"}) {
    auto result = client->Get("/api/v2/artifacts?" + query);
    INFO(query);
    CHECK(result->status == 422);
    CHECK(BodyJson(result)["detail"].is_array());
  }
}

TEST_CASE("links keep https from an upper-case proxy scheme", "[pagination]") {
  TestServer server;
  auto client = server.Client();
  client->set_default_headers({{"Authorization", "Bearer alice-token"},
                               {"X-Forwarded-Proto", "HTTPS"},
                               {"X-Forwarded-Host", "models.example.com"}});

  const json page = BodyJson(client->Get("/api/v2/artifacts?limit=1"));

  CHECK(page["next"] == "https://models.example.com/api/v2/artifacts?limit=1&offset=1");
}
