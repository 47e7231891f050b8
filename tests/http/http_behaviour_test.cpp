// Behaviour shared by every route: authentication, unknown paths and
// methods, trailing slashes, headers and request bodies.
#include <chrono>

#include <catch2/catch.hpp>

#include "test_server.h"

using emulator::testing::BodyJson;
using emulator::testing::TestServer;
using nlohmann::json;
namespace t = emulator::testing;

TEST_CASE("a request without a token is not authenticated", "[http]") {
  TestServer server;
  auto client = server.Client("");

  auto result = client->Get("/api/v2/artifacts");

  CHECK(result->status == 401);
  CHECK(BodyJson(result) == json{{"detail", "Not authenticated"}});
  CHECK(result->get_header_value("WWW-Authenticate") == "Bearer");
}

TEST_CASE("a request with another scheme is not authenticated", "[http]") {
  TestServer server;
  auto client = server.Client("");
  client->set_default_headers({{"Authorization", "Basic YWxpY2U6c2VjcmV0"}});

  auto result = client->Get("/api/v2/artifacts");

  CHECK(result->status == 401);
  CHECK(BodyJson(result) == json{{"detail", "Not authenticated"}});
}

TEST_CASE("an unknown token is rejected as invalid credentials", "[http]") {
  TestServer server;
  auto client = server.Client("mallory-token");

  auto result = client->Get("/api/v2/artifactRepositories");

  CHECK(result->status == 401);
  CHECK(BodyJson(result) == json{{"detail", "Invalid authentication credentials"}});
  CHECK(result->get_header_value("WWW-Authenticate") == "Bearer");
}

TEST_CASE("health needs no token", "[http]") {
  TestServer server;
  auto client = server.Client("");

  auto result = client->Get("/_emulator/health");

  CHECK(result->status == 200);
  CHECK(BodyJson(result) == json{{"status", "ok"}});
}

TEST_CASE("an unknown path answers not found", "[http]") {
  TestServer server;
  auto client = server.Client();

  for (const char* path : {"/api/v2/widgets", "/", "/api/v3/artifacts", "/api/v2/artifacts/x/y/z/w/v"}) {
    auto result = client->Get(path);
    INFO(path);
    CHECK(result->status == 404);
    CHECK(BodyJson(result) == json{{"detail", "Not Found"}});
    CHECK(result->get_header_value("Content-Type") == "application/json");
  }
}

TEST_CASE("an unsupported method answers 405 with Allow", "[http]") {
  TestServer server;
  auto client = server.Client();

  auto put_list = client->Put("/api/v2/artifacts", "{}", "application/json");
  auto post_build = client->Post(std::string("/api/v2/artifacts/") + t::kDraftArtifactId + "/builds/x",
                                 "{}", "application/json");

  CHECK(put_list->status == 405);
  CHECK(BodyJson(put_list) == json{{"detail", "Method Not Allowed"}});
  CHECK(put_list->get_header_value("Allow") == "GET, POST");
  CHECK(post_build->status == 405);
  CHECK(post_build->get_header_value("Allow") == "DELETE, GET");
}

TEST_CASE("every route answers with and without a trailing slash", "[http]") {
  TestServer server;
  auto client = server.Client();
  const std::string artifact = std::string("/api/v2/artifacts/") + t::kDraftArtifactId;
  const std::string repository = std::string("/api/v2/artifactRepositories/") + t::kServiceRepositoryId;

  for (const std::string& path : {std::string("/api/v2/artifacts"), artifact, artifact + "/builds",
                                  std::string("/api/v2/artifactRepositories"), repository,
                                  repository + "/sharedRoles"}) {
    auto plain = client->Get(path);
    auto slashed = client->Get(path + "/");
    INFO(path);
    CHECK(plain->status == 200);
    CHECK(slashed->status == 200);
    CHECK(slashed->get_header_value("Location").empty());
  }
}

TEST_CASE("every response carries a JSON content type and a request id", "[http]") {
  TestServer server;
  auto client = server.Client();

  auto listed = client->Get("/api/v2/artifacts");
  auto echoed = client->Get("/api/v2/artifacts", {{"X-Request-ID", "trace-42"}});

  CHECK(listed->get_header_value("Content-Type") == "application/json");
  CHECK_FALSE(listed->get_header_value("X-Request-ID").empty());
  CHECK(echoed->get_header_value("X-Request-ID") == "trace-42");
}

TEST_CASE("a body over the limit answers 413 with a JSON detail", "[http]") {
  emulator::http::ServerOptions options;
  options.max_body_bytes = 1024;
  TestServer server(t::kTestSeed, options);
  auto client = server.Client();

  auto result = client->Post("/api/v2/artifacts", std::string(4096, ' '), "application/json");

  REQUIRE(result);
  CHECK(result->status == 413);
  CHECK(BodyJson(result)["detail"].is_string());
}

TEST_CASE("a POST without Content-Length is served at once", "[http]") {
  TestServer server;
  // httplib::Client adds Content-Length to every POST, so write it by hand.
  const std::string request = std::string("POST /api/v2/artifacts/") + t::kNimDraftArtifactId +
                              "/builds HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                              "Authorization: Bearer alice-token\r\nConnection: close\r\n\r\n";

  const auto start = std::chrono::steady_clock::now();
  const std::string response = t::RawExchange(server.port(), request, 3000);
  const auto elapsed = std::chrono::steady_clock::now() - start;

  CHECK(response.rfind("HTTP/1.1 422", 0) == 0);
  CHECK(elapsed < std::chrono::seconds(2));
}

TEST_CASE("bodies on GET and DELETE are ignored", "[http]") {
  TestServer server;
  auto client = server.Client();
  const std::string path = std::string("/api/v2/artifacts/") + t::kDraftArtifactId;

  httplib::Request get;
  get.method = "GET";
  get.path = path;
  get.headers = {{"Authorization", "Bearer alice-token"}, {"Content-Type", "application/json"}};
  get.body = "not json at all";
  auto got = client->send(get);
  auto deleted = client->Delete(path, "null", "application/json");

  CHECK(got->status == 200);
  CHECK(deleted->status == 204);
}

TEST_CASE("HEAD is answered like GET without a body", "[http]") {
  TestServer server;
  auto client = server.Client();

  auto result = client->Head("/api/v2/artifacts");

  CHECK(result->status == 200);
  CHECK(result->body.empty());
}

TEST_CASE("a Range header is ignored", "[http]") {
  TestServer server;
  auto client = server.Client();

  auto result = client->Get("/api/v2/artifacts", {{"Range", "bytes=0-10"}});

  CHECK(result->status == 200);
  CHECK(BodyJson(result)["totalCount"] == 3);
}

TEST_CASE("a large form-encoded body is refused with the reason", "[http]") {
  TestServer server;
  auto client = server.Client();

  auto result = client->Put("/_emulator/state", std::string(9000, 'x'), "application/x-www-form-urlencoded");

  CHECK(result->status == 413);
  CHECK(BodyJson(result)["detail"].get<std::string>().find("application/json") != std::string::npos);
}
