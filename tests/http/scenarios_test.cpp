// Scripted faults as a client sees them on the wire.
#include <atomic>
#include <chrono>
#include <set>
#include <thread>

#include <catch2/catch.hpp>

#include "test_server.h"

using emulator::testing::BodyJson;
using emulator::testing::BuildableArtifactBody;
using emulator::testing::RawEnd;
using emulator::testing::RawExchange;
using emulator::testing::TestServer;
using nlohmann::json;
namespace t = emulator::testing;
using Clock = std::chrono::steady_clock;

namespace {

const char kJson[] = "application/json";

void Load(TestServer& server, const std::string& scenario) {
  auto client = server.Client("");
  auto result = client->Post("/_emulator/scenarios", scenario, kJson);
  REQUIRE(result);
  INFO(result->body);
  REQUIRE(result->status == 201);
}

std::string RawGet(const std::string& path) {
  return "GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer alice-token\r\n"
                         "Connection: close\r\n\r\n";
}

long long MillisSince(Clock::time_point start) {
  return std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now() - start).count();
}

}  // namespace

TEST_CASE("a first-two rule answers 503 twice, then the real answer", "[scenarios]") {
  TestServer server;
  Load(server, R"({"name": "flaky-list", "rules": [{"match": {"method": "GET", "route": "/artifacts"},
    "when": {"first": 2}, "then": {"status": 503, "headers": {"Retry-After": "1"},
    "body": {"detail": "Service Unavailable"}}}]})");
  auto client = server.Client();

  auto first = client->Get("/api/v2/artifacts");
  auto second = client->Get("/api/v2/artifacts");
  auto third = client->Get("/api/v2/artifacts");

  CHECK(first->status == 503);
  CHECK(first->get_header_value("Retry-After") == "1");
  CHECK(BodyJson(first) == json{{"detail", "Service Unavailable"}});
  CHECK(first->get_header_value("Content-Type") == "application/json");
  CHECK(second->status == 503);
  CHECK(third->status == 200);
  const json journal = BodyJson(client->Get("/_emulator/requests"));
  CHECK(journal["data"][0]["scenarioRule"] == "flaky-list#0");
  CHECK(journal["data"][2]["scenarioRule"].is_null());
  const std::string metrics = client->Get("/_emulator/metrics")->body;
  CHECK(metrics.find("emulator_faults_fired_total{rule=\"flaky-list#0\"} 2") != std::string::npos);
}

TEST_CASE("a first-two rule fires exactly twice when 16 clients race", "[scenarios]") {
  TestServer server;
  Load(server, R"({"name": "race", "rules": [{"match": {"route": "/artifacts"},
    "when": {"first": 2}, "then": {"status": 503}}]})");

  std::atomic<int> unavailable{0};
  std::atomic<int> ok{0};
  std::vector<std::thread> clients;
  for (int i = 0; i < 16; ++i) {
    clients.emplace_back([&] {
      auto client = server.Client();
      for (int n = 0; n < 10; ++n) {
        auto result = client->Get("/api/v2/artifacts?limit=1");
        if (result && result->status == 503) ++unavailable;
        if (result && result->status == 200) ++ok;
      }
    });
  }
  for (auto& client : clients) client.join();

  CHECK(unavailable == 2);
  CHECK(ok == 158);
}

TEST_CASE("a delay holds one answer without blocking other clients", "[scenarios]") {
  TestServer server;
  Load(server, R"({"name": "slow", "rules": [{"match": {"route": "/artifactRepositories"},
    "then": {"delayMs": 1500}}]})");
  auto slow_client = server.Client();
  auto fast_client = server.Client();

  const auto start = Clock::now();
  std::thread slow([&] { REQUIRE(slow_client->Get("/api/v2/artifactRepositories")->status == 200); });
  std::this_thread::sleep_for(std::chrono::milliseconds(100));
  const auto fast_start = Clock::now();
  auto fast = fast_client->Get("/api/v2/artifacts");
  const long long fast_ms = MillisSince(fast_start);
  slow.join();
  const long long slow_ms = MillisSince(start);

  CHECK(fast->status == 200);
  // Well under the delay even on a loaded machine: the fast call never waits for it.
  CHECK(fast_ms < 1000);
  CHECK(slow_ms >= 1500);
}

TEST_CASE("a rate limit answers 429 per token with its headers", "[scenarios]") {
  TestServer server;
  Load(server, R"({"name": "throttle", "rules": [{"match": {"path": "/api/v2/*"},
    "then": {"rateLimit": {"requests": 2, "perSeconds": 10, "key": "token"}}}]})");
  auto alice = server.Client();
  auto bob = server.Client("bob-token");

  auto alice_first = alice->Get("/api/v2/artifacts");
  auto alice_second = alice->Get("/api/v2/artifacts");
  auto alice_third = alice->Get("/api/v2/artifacts");
  auto bob_first = bob->Get("/api/v2/artifacts");
  server.clock().Advance(10 * 1000000LL);
  auto alice_later = alice->Get("/api/v2/artifacts");

  CHECK(alice_first->status == 200);
  CHECK(alice_first->get_header_value("X-RateLimit-Limit") == "2");
  CHECK(alice_first->get_header_value("X-RateLimit-Remaining") == "1");
  CHECK(alice_second->status == 200);
  CHECK(alice_third->status == 429);
  CHECK(alice_third->get_header_value("X-RateLimit-Remaining") == "0");
  CHECK_FALSE(alice_third->get_header_value("Retry-After").empty());
  CHECK(bob_first->status == 200);
  CHECK(alice_later->status == 200);
}

TEST_CASE("a reset fault resets the connection", "[scenarios]") {
  TestServer server;
  Load(server, R"({"name": "reset", "rules": [{"match": {"route": "/artifacts"}, "then": {"fault": "reset"}}]})");

  RawEnd end = RawEnd::kTimedOut;
  const std::string received = RawExchange(server.port(), RawGet("/api/v2/artifacts"), 3000, &end);

  CHECK(received.empty());
  CHECK(end == RawEnd::kReset);
  const json journal = BodyJson(server.Client()->Get("/_emulator/requests"));
  CHECK(journal["data"][0]["status"] == 0);
}

TEST_CASE("a close fault closes the connection with no answer", "[scenarios]") {
  TestServer server;
  Load(server, R"({"name": "close", "rules": [{"match": {"route": "/artifacts"}, "then": {"fault": "close"}}]})");

  RawEnd end = RawEnd::kTimedOut;
  const std::string received = RawExchange(server.port(), RawGet("/api/v2/artifacts"), 3000, &end);

  CHECK(received.empty());
  CHECK(end == RawEnd::kClosed);
  CHECK(server.Client()->Get("/api/v2/artifactRepositories")->status == 200);
}

TEST_CASE("a truncate fault sends fewer bytes than Content-Length", "[scenarios]") {
  TestServer server;
  Load(server, R"({"name": "truncate", "rules": [{"match": {"route": "/artifacts"}, "then": {"fault": "truncate"}}]})");

  RawEnd end = RawEnd::kTimedOut;
  const std::string received = RawExchange(server.port(), RawGet("/api/v2/artifacts"), 3000, &end);

  const size_t header_end = received.find("\r\n\r\n");
  REQUIRE(header_end != std::string::npos);
  const std::string headers = received.substr(0, header_end);
  const size_t length_at = headers.find("Content-Length: ");
  REQUIRE(length_at != std::string::npos);
  const size_t promised = std::stoul(headers.substr(length_at + 16));
  const size_t sent = received.size() - header_end - 4;
  CHECK(received.rfind("HTTP/1.1 200", 0) == 0);
  CHECK(sent < promised);
  CHECK(sent > 0);
  CHECK(end != RawEnd::kTimedOut);
}

TEST_CASE("a malformed JSON fault answers 200 with a body that is not JSON", "[scenarios]") {
  TestServer server;
  Load(server, R"({"name": "garbled", "rules": [{"match": {"route": "/artifacts/{artifact_id}"},
    "then": {"fault": "malformedJson"}}]})");
  auto client = server.Client();

  auto result = client->Get(std::string("/api/v2/artifacts/") + t::kDraftArtifactId);

  REQUIRE(result);
  CHECK(result->status == 200);
  CHECK(result->get_header_value("Content-Type") == "application/json");
  CHECK(json::parse(result->body, nullptr, false).is_discarded());
}

TEST_CASE("a hang fault answers nothing until the client gives up", "[scenarios]") {
  emulator::http::ServerOptions options;
  options.max_hang_seconds = 5;
  TestServer server(t::kTestSeed, options);
  Load(server, R"({"name": "hang", "rules": [{"match": {"route": "/artifacts"}, "then": {"fault": "hang"}}]})");
  auto client = server.Client();
  client->set_read_timeout(1, 0);

  const auto start = Clock::now();
  auto result = client->Get("/api/v2/artifacts");
  const long long waited = MillisSince(start);

  CHECK_FALSE(result);
  CHECK(result.error() == httplib::Error::Read);
  CHECK(waited >= 900);
  CHECK(waited < 3000);
  // The worker is freed once the client has gone.
  std::this_thread::sleep_for(std::chrono::milliseconds(200));
  CHECK(server.Client()->Get("/api/v2/artifactRepositories")->status == 200);
}

TEST_CASE("a hang is bounded by the maximum hang time", "[scenarios]") {
  emulator::http::ServerOptions options;
  options.max_hang_seconds = 1;
  TestServer server(t::kTestSeed, options);
  Load(server, R"({"name": "hang", "rules": [{"match": {"route": "/artifacts"}, "then": {"fault": "hang"}}]})");

  const auto start = Clock::now();
  RawEnd end = RawEnd::kTimedOut;
  const std::string received = RawExchange(server.port(), RawGet("/api/v2/artifacts"), 5000, &end);
  const long long waited = MillisSince(start);

  CHECK(received.empty());
  CHECK(end == RawEnd::kClosed);
  CHECK(waited >= 900);
  CHECK(waited < 3000);
}

TEST_CASE("a dribble fault sends the real answer slowly in chunks", "[scenarios]") {
  TestServer server;
  Load(server, R"({"name": "dribble", "rules": [{"match": {"route": "/artifacts"},
    "then": {"fault": {"dribble": {"chunks": 4, "intervalMs": 150}}}}]})");
  auto client = server.Client();

  const auto start = Clock::now();
  auto result = client->Get("/api/v2/artifacts");
  const long long waited = MillisSince(start);

  REQUIRE(result);
  CHECK(result->status == 200);
  CHECK(BodyJson(result)["totalCount"] == 3);
  CHECK(result->get_header_value("Transfer-Encoding") == "chunked");
  CHECK(waited >= 450);
  CHECK(waited < 2000);
}

TEST_CASE("a scripted build failure shows in status and logs", "[scenarios]") {
  TestServer server;
  auto client = server.Client();
  auto created = client->Post("/api/v2/artifacts", BuildableArtifactBody("doomed").dump(), kJson);
  const std::string artifact = BodyJson(created)["id"];
  Load(server, R"({"name": "failing-build", "rules": [{"match": {"method": "POST",
    "route": "/artifacts/{artifact_id}/builds", "artifactId": ")" + artifact + R"("},
    "then": {"build": {"outcome": "FAILED", "atStatus": "IN_PROGRESS", "afterSeconds": 2,
    "log": "pip install exited with code 1"}}}]})");

  auto triggered = client->Post("/api/v2/artifacts/" + artifact + "/builds", "", kJson);
  const std::string build = BodyJson(triggered)["buildIds"][0];
  const std::string path = "/api/v2/artifacts/" + artifact + "/builds/" + build;
  std::vector<std::string> walk;
  for (int second = 0; second <= 4; ++second) {
    walk.push_back(BodyJson(client->Get(path))["status"]);
    server.clock().Advance(1000000);
  }
  const std::string log = client->Get(path + "/logs")->body;

  CHECK(walk == std::vector<std::string>{"PENDING", "IN_PROGRESS", "IN_PROGRESS", "FAILED", "FAILED"});
  CHECK(log.find("pip install exited with code 1") != std::string::npos);
  CHECK(log.find("\"levelname\":\"ERROR\"") != std::string::npos);
  CHECK(log.find("Build completed") == std::string::npos);
}

TEST_CASE("replacing a scenario never answers with a half-loaded set", "[scenarios]") {
  TestServer server;
  const std::string version_a = R"({"name": "swap", "rules": [
    {"match": {"route": "/artifacts"}, "then": {"status": 503, "body": {"version": "a"}}},
    {"match": {"route": "/artifactRepositories"}, "then": {"status": 503, "body": {"version": "a"}}}]})";
  const std::string version_b = R"({"name": "swap", "rules": [
    {"match": {"route": "/artifacts"}, "then": {"status": 502, "body": {"version": "b"}}},
    {"match": {"route": "/artifactRepositories"}, "then": {"status": 502, "body": {"version": "b"}}}]})";
  Load(server, version_a);

  std::atomic<bool> done{false};
  std::atomic<int> inconsistent{0};
  std::vector<std::thread> clients;
  for (int i = 0; i < 4; ++i) {
    clients.emplace_back([&] {
      auto client = server.Client();
      while (!done) {
        auto result = client->Get("/api/v2/artifacts");
        if (!result) continue;
        const json body = json::parse(result->body, nullptr, false);
        const bool is_a = result->status == 503 && body == json{{"version", "a"}};
        const bool is_b = result->status == 502 && body == json{{"version", "b"}};
        if (!is_a && !is_b) ++inconsistent;
      }
    });
  }
  for (int swap = 0; swap < 40; ++swap) Load(server, swap % 2 == 0 ? version_b : version_a);
  done = true;
  for (auto& client : clients) client.join();

  CHECK(inconsistent == 0);
}

TEST_CASE("reset restores the loaded scenarios with zeroed counters", "[scenarios]") {
  TestServer server;
  auto control = server.Client("");
  Load(server, R"({"name": "added", "rules": [{"match": {"route": "/artifacts"}, "then": {"status": 503}}]})");
  REQUIRE(server.Client()->Get("/api/v2/artifacts")->status == 503);

  REQUIRE(control->Post("/_emulator/reset", "", kJson)->status == 204);

  CHECK(server.Client()->Get("/api/v2/artifacts")->status == 200);
  CHECK(BodyJson(control->Get("/_emulator/scenarios"))["scenarios"].size() == 0);
}

TEST_CASE("an invalid scenario is rejected with pointers", "[scenarios]") {
  TestServer server;
  auto control = server.Client("");

  auto result = control->Post("/_emulator/scenarios",
                              R"({"name": "bad", "rules": [{"match": {"route": "/widgets"}, "then": {"status": 503}}]})",
                              kJson);

  CHECK(result->status == 422);
  const json detail = BodyJson(result)["detail"];
  REQUIRE(detail.size() >= 1);
  CHECK(detail[0]["pointer"] == "/rules/0/match/route");
  CHECK(BodyJson(control->Get("/_emulator/scenarios"))["scenarios"].size() == 0);
}

TEST_CASE("scenario responses that would break HTTP are rejected", "[scenarios]") {
  TestServer server;
  auto control = server.Client("");

  for (const char* then : {R"({"status": 100})", R"({"status": 204, "body": {"a": 1}})",
                           R"({"status": 200, "headers": {"Content-Length": "5"}})"}) {
    const std::string scenario = std::string(R"({"name": "bad", "rules": [{"then": )") + then + "}]}";
    auto result = control->Post("/_emulator/scenarios", scenario, kJson);
    INFO(then);
    CHECK(result->status == 422);
  }
}

TEST_CASE("a dribbled answer has one Content-Type", "[scenarios]") {
  TestServer server;
  Load(server, R"({"name": "dribble", "rules": [{"match": {"route": "/artifacts"},
    "then": {"fault": {"dribble": {"chunks": 2, "intervalMs": 10}}}}]})");

  auto result = server.Client()->Get("/api/v2/artifacts");

  REQUIRE(result);
  CHECK(result->get_header_value_count("Content-Type") == 1);
}
