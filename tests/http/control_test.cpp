// The control API under /_emulator/.
#include <atomic>
#include <thread>

#include <catch2/catch.hpp>

#include "test_server.h"

using emulator::testing::BodyJson;
using emulator::testing::BuildableArtifactBody;
using emulator::testing::ServiceArtifactBody;
using emulator::testing::TestServer;
using nlohmann::json;
namespace t = emulator::testing;

namespace {

const char kJson[] = "application/json";

std::string CreateArtifact(httplib::Client& client, const json& body) {
  auto result = client.Post("/api/v2/artifacts", body.dump(), kJson);
  REQUIRE(result);
  REQUIRE(result->status == 201);
  return BodyJson(result)["id"].get<std::string>();
}

}  // namespace

TEST_CASE("reset returns the seed's world, ids and clock", "[control]") {
  TestServer server;
  auto client = server.Client();
  const json before = BodyJson(client->Get("/_emulator/state"));
  const std::string first_id = CreateArtifact(*client, ServiceArtifactBody("temporary"));
  REQUIRE(client->Post("/_emulator/clock/advance", R"({"seconds": 3600})", kJson)->status == 200);

  auto reset = client->Post("/_emulator/reset", "", kJson);

  CHECK(reset->status == 204);
  CHECK(BodyJson(client->Get("/_emulator/state")) == before);
  CHECK(client->Get("/api/v2/artifacts/" + first_id)->status == 404);
  CHECK(BodyJson(client->Get("/_emulator/clock"))["now"] == "2026-12-04T10:00:00.000000Z");
  CHECK(CreateArtifact(*client, ServiceArtifactBody("again")) == first_id);
}

TEST_CASE("reset during concurrent writes never leaves a mixed world", "[control]") {
  TestServer server;
  std::atomic<bool> done{false};
  std::vector<std::thread> writers;
  for (int i = 0; i < 4; ++i) {
    writers.emplace_back([&, i] {
      auto client = server.Client();
      int n = 0;
      while (!done) {
        client->Post("/api/v2/artifacts", ServiceArtifactBody("w" + std::to_string(i) + "-" + std::to_string(n++)).dump(),
                     kJson);
      }
    });
  }
  auto control = server.Client();
  for (int i = 0; i < 20; ++i) REQUIRE(control->Post("/_emulator/reset", "", kJson)->status == 204);
  done = true;
  for (auto& writer : writers) writer.join();
  REQUIRE(control->Post("/_emulator/reset", "", kJson)->status == 204);

  // Every repository's artifact count matches its artifacts, and the world
  // is exactly the seed's again.
  const json repositories = BodyJson(control->Get("/api/v2/artifactRepositories?limit=100"));
  const json artifacts = BodyJson(control->Get("/api/v2/artifacts?limit=100"));
  CHECK(repositories["totalCount"] == 2);
  CHECK(artifacts["totalCount"] == 3);
  for (const auto& repository : repositories["data"]) {
    const json members = BodyJson(control->Get("/api/v2/artifacts?repositoryId=" + repository["id"].get<std::string>()));
    CHECK(members["totalCount"] == repository["numArtifacts"]);
  }
}

TEST_CASE("a snapshot restores the world it saved", "[control]") {
  TestServer server;
  auto client = server.Client();
  CreateArtifact(*client, ServiceArtifactBody("kept"));
  const json saved_state = BodyJson(client->Get("/_emulator/state"));

  auto saved = client->Post("/_emulator/snapshots/before-test", "", kJson);
  CreateArtifact(*client, ServiceArtifactBody("discarded"));
  REQUIRE(client->Delete(std::string("/api/v2/artifacts/") + t::kDraftArtifactId)->status == 204);
  auto restored = client->Post("/_emulator/snapshots/before-test/restore", "", kJson);

  CHECK(saved->status == 201);
  CHECK(BodyJson(saved)["name"] == "before-test");
  CHECK(restored->status == 204);
  CHECK(BodyJson(client->Get("/_emulator/state")) == saved_state);
  const json list = BodyJson(client->Get("/_emulator/snapshots"));
  CHECK(list["snapshots"].size() == 1);
  CHECK(client->Delete("/_emulator/snapshots/before-test")->status == 204);
  auto missing = client->Post("/_emulator/snapshots/before-test/restore", "", kJson);
  CHECK(missing->status == 404);
  CHECK(BodyJson(missing) == json{{"detail", "Snapshot 'before-test' not found"}});
}

TEST_CASE("the state can be replaced and is validated first", "[control]") {
  TestServer server;
  auto client = server.Client();
  json state = BodyJson(client->Get("/_emulator/state"));
  state["repositories"][0]["name"] = "renamed-by-state";

  auto replaced = client->Put("/_emulator/state", state.dump(), kJson);
  json broken = state;
  broken["users"][0].erase("token");
  auto rejected = client->Put("/_emulator/state", broken.dump(), kJson);

  CHECK(replaced->status == 204);
  CHECK(BodyJson(client->Get(std::string("/api/v2/artifactRepositories/") + t::kServiceRepositoryId))["name"] ==
        "renamed-by-state");
  CHECK(rejected->status == 422);
  CHECK(BodyJson(rejected)["detail"][0] == json{{"pointer", "/users/0/token"},
                                                {"problem", "missing; a string is required"}});
  CHECK(BodyJson(client->Get("/_emulator/state")) == state);
}

TEST_CASE("the journal records API calls with the token redacted", "[control]") {
  TestServer server;
  auto client = server.Client();
  client->Get("/api/v2/artifacts?limit=2");
  client->Post("/api/v2/artifacts", R"({"name": ""})", kJson);

  const json journal = BodyJson(client->Get("/_emulator/requests"));

  REQUIRE(journal["count"] == 2);
  const json& first = journal["data"][0];
  const json& second = journal["data"][1];
  CHECK(first["id"] == 1);
  CHECK(first["method"] == "GET");
  CHECK(first["path"] == "/api/v2/artifacts");
  CHECK(first["query"] == "limit=2");
  CHECK(first["status"] == 200);
  CHECK(first["user"] == "alice");
  CHECK(first["route"] == "/artifacts");
  CHECK(first["time"] == "2026-12-04T10:00:00.000000Z");
  bool saw_authorization = false;
  for (const auto& header : first["headers"]) {
    if (header[0] == "Authorization") {
      saw_authorization = true;
      CHECK(header[1] == "[redacted]");
    }
  }
  CHECK(saw_authorization);
  CHECK(journal.dump().find("alice-token") == std::string::npos);
  CHECK(second["status"] == 422);
  CHECK(second["body"] == R"({"name": ""})");
}

TEST_CASE("the journal filters and counts requests", "[control]") {
  TestServer server;
  auto client = server.Client();
  for (int i = 0; i < 3; ++i) client->Get("/api/v2/artifacts");
  client->Get(std::string("/api/v2/artifacts/") + t::kDraftArtifactId);
  client->Get("/api/v2/artifacts/ffffffffffffffffffff0000");

  const json gets = BodyJson(client->Post("/_emulator/requests/count", R"({"method": "GET", "path": "/api/v2/artifacts"})", kJson));
  const json not_found = BodyJson(client->Post("/_emulator/requests/count", R"({"status": 404})", kJson));
  const json globbed = BodyJson(client->Post("/_emulator/requests/count", R"({"path": "/api/v2/artifacts/*"})", kJson));
  const json by_route = BodyJson(client->Post("/_emulator/requests/count", R"({"route": "/artifacts/{artifact_id}"})", kJson));
  const json since = BodyJson(client->Get("/_emulator/requests?since=3"));
  const json newest = BodyJson(client->Get("/_emulator/requests?limit=1"));
  auto bad_matcher = client->Post("/_emulator/requests/count", R"({"colour": "red"})", kJson);

  CHECK(gets["count"] == 3);
  CHECK(not_found["count"] == 1);
  CHECK(globbed["count"] == 2);
  CHECK(by_route["count"] == 2);
  CHECK(since["count"] == 2);
  CHECK(since["data"][0]["id"] == 4);
  CHECK(newest["data"][0]["id"] == 5);
  CHECK(bad_matcher->status == 422);
  REQUIRE(client->Delete("/_emulator/requests")->status == 204);
  CHECK(BodyJson(client->Get("/_emulator/requests"))["count"] == 0);
}

TEST_CASE("the journal keeps only its newest entries", "[control]") {
  TestServer server;
  auto client = server.Client();
  for (int i = 0; i < 1005; ++i) client->Get("/api/v2/artifactRepositories");

  const json journal = BodyJson(client->Get("/_emulator/requests?limit=5000"));

  CHECK(server.journal().size() == 1000);
  CHECK(journal["count"] == 1000);
  CHECK(journal["data"][0]["id"] == 6);
  CHECK(journal["data"][999]["id"] == 1005);
}

TEST_CASE("the virtual clock drives a build to COMPLETED without sleeping", "[control]") {
  TestServer server;
  auto client = server.Client();
  const std::string artifact = CreateArtifact(*client, BuildableArtifactBody("clocked"));
  auto triggered = client->Post("/api/v2/artifacts/" + artifact + "/builds", "", kJson);
  const std::string build = BodyJson(triggered)["buildIds"][0];
  const std::string path = "/api/v2/artifacts/" + artifact + "/builds/" + build;

  std::vector<std::string> statuses;
  for (int step = 0; step < 4; ++step) {
    statuses.push_back(BodyJson(client->Get(path))["status"]);
    const json clock = BodyJson(client->Post("/_emulator/clock/advance", R"({"seconds": 1.5})", kJson));
    CHECK(clock["mode"] == "virtual");
  }
  statuses.push_back(BodyJson(client->Get(path))["status"]);

  CHECK(statuses == std::vector<std::string>{"PENDING", "IN_PROGRESS", "IN_PROGRESS", "BUILT", "COMPLETED"});
}

TEST_CASE("the clock switches between virtual and real time", "[control]") {
  TestServer server;
  auto client = server.Client();

  const json frozen = BodyJson(client->Put("/_emulator/clock", R"({"mode": "virtual", "now": "2030-01-02T03:04:05Z"})", kJson));
  const json real = BodyJson(client->Put("/_emulator/clock", R"({"mode": "real"})", kJson));
  auto invalid = client->Put("/_emulator/clock", R"({"mode": "sideways"})", kJson);
  auto negative = client->Post("/_emulator/clock/advance", R"({"seconds": -5})", kJson);

  CHECK(frozen == json{{"mode", "virtual"}, {"now", "2030-01-02T03:04:05.000000Z"}});
  CHECK(real["mode"] == "real");
  CHECK(real["now"].get<std::string>().rfind("2030-01-02T03:04:", 0) == 0);
  CHECK(invalid->status == 422);
  CHECK(negative->status == 422);
}

TEST_CASE("metrics count requests by route, method and status", "[control]") {
  TestServer server;
  auto client = server.Client();
  client->Get("/api/v2/artifacts");
  client->Get("/api/v2/artifacts");
  client->Get("/api/v2/artifacts/ffffffffffffffffffff0000");

  auto metrics = client->Get("/_emulator/metrics");

  CHECK(metrics->status == 200);
  CHECK(metrics->get_header_value("Content-Type").rfind("text/plain", 0) == 0);
  const std::string& text = metrics->body;
  CHECK(text.find("emulator_requests_total{route=\"/artifacts\",method=\"GET\",status=\"200\"} 2") != std::string::npos);
  CHECK(text.find("emulator_requests_total{route=\"/artifacts/{artifact_id}\",method=\"GET\",status=\"404\"} 1") !=
        std::string::npos);
  CHECK(text.find("emulator_request_duration_seconds_count{route=\"/artifacts\"} 2") != std::string::npos);
  CHECK(text.find("emulator_store_objects{kind=\"artifacts\"} 3") != std::string::npos);
  CHECK(text.find("emulator_journal_entries 3") != std::string::npos);
}

TEST_CASE("both OpenAPI documents are served", "[control]") {
  TestServer server;
  auto client = server.Client("");

  const json api = BodyJson(client->Get("/api/v2/openapi.json"));
  const json control = BodyJson(client->Get("/_emulator/openapi.json"));

  CHECK(api["openapi"].get<std::string>().rfind("3.1", 0) == 0);
  CHECK(api["paths"].contains("/artifacts/{artifact_id}/builds/{build_id}/logs"));
  CHECK(api["paths"].size() == 9);
  CHECK(control["paths"].contains("/_emulator/reset"));
}

TEST_CASE("an admin token protects the control routes", "[control]") {
  TestServer server(t::kTestSeed, emulator::http::ServerOptions{}, "admin-secret");
  auto anonymous = server.Client("");
  auto user = server.Client();
  auto admin = server.Client("admin-secret");

  CHECK(anonymous->Get("/_emulator/health")->status == 200);
  CHECK(anonymous->Get("/_emulator/ready")->status == 200);
  CHECK(anonymous->Post("/_emulator/reset", "", kJson)->status == 401);
  CHECK(user->Get("/_emulator/state")->status == 401);
  CHECK(admin->Post("/_emulator/reset", "", kJson)->status == 204);
  CHECK(admin->Get("/_emulator/requests")->status == 200);
}

TEST_CASE("two runs with one seed give byte-identical transcripts", "[control]") {
  const auto transcript = [] {
    // Links carry the host, so both runs name the same one.
    emulator::http::ServerOptions options;
    options.public_url = "http://emulator.test";
    TestServer server(t::kTestSeed, options);
    auto client = server.Client();
    std::string text;
    const auto record = [&](const httplib::Result& result) {
      REQUIRE(result);
      text += std::to_string(result->status) + " " + result->body + "\n";
    };
    record(client->Post("/api/v2/artifacts", BuildableArtifactBody("deterministic").dump(), kJson));
    const std::string id = json::parse(text.substr(4))["id"];
    record(client->Post("/api/v2/artifacts/" + id + "/builds", "", kJson));
    record(client->Post("/_emulator/clock/advance", R"({"seconds": 10})", kJson));
    record(client->Get("/api/v2/artifacts/" + id));
    record(client->Get("/api/v2/artifacts/" + id + "/builds"));
    record(client->Patch("/api/v2/artifacts/" + id, R"({"status": "locked"})", kJson));
    record(client->Get("/api/v2/artifacts?limit=2"));
    return text;
  };

  const std::string first = transcript();
  const std::string second = transcript();

  CHECK(first == second);
  CHECK(first.find("\"version\":1") != std::string::npos);
}

TEST_CASE("control bodies with out-of-range numbers are rejected, not failed", "[control]") {
  TestServer server;
  auto client = server.Client();

  auto state = client->Put("/_emulator/state", R"({"idSeed": 1e400})", kJson);
  auto scenario = client->Post("/_emulator/scenarios", R"({"name": "x", "rules": [], "seed": 1e400})", kJson);
  auto advance = client->Post("/_emulator/clock/advance", R"({"seconds": 1e400})", kJson);

  CHECK(state->status == 422);
  CHECK(scenario->status == 422);
  CHECK(advance->status == 422);
}

TEST_CASE("the clock rejects impossible dates and years past 9999", "[control]") {
  TestServer server;
  auto client = server.Client();

  auto february_30 = client->Put("/_emulator/clock", R"({"mode": "virtual", "now": "2026-02-30T00:00:00Z"})", kJson);
  REQUIRE(client->Put("/_emulator/clock", R"({"mode": "virtual", "now": "9999-12-31T00:00:00Z"})", kJson)->status == 200);
  auto past_9999 = client->Post("/_emulator/clock/advance", R"({"seconds": 86400})", kJson);

  CHECK(february_30->status == 422);
  CHECK(past_9999->status == 422);
  CHECK(BodyJson(client->Get("/_emulator/clock"))["now"] == "9999-12-31T00:00:00.000000Z");
}

TEST_CASE("snapshot names are restricted to a safe alphabet", "[control]") {
  TestServer server;
  auto client = server.Client();

  auto spaced = client->Post("/_emulator/snapshots/with%20space", "", kJson);
  auto long_name = client->Post("/_emulator/snapshots/" + std::string(200, 'a'), "", kJson);
  auto fine = client->Post("/_emulator/snapshots/before-test_1.v2", "", kJson);

  CHECK(spaced->status == 422);
  CHECK(long_name->status == 422);
  CHECK(fine->status == 201);
}

TEST_CASE("generated request ids restart at a reset", "[control]") {
  TestServer server;
  auto client = server.Client();
  const std::string first = client->Get("/api/v2/artifacts")->get_header_value("X-Request-ID");
  client->Get("/api/v2/artifacts");

  REQUIRE(client->Post("/_emulator/reset", "", kJson)->status == 204);
  const std::string after_reset = client->Get("/api/v2/artifacts")->get_header_value("X-Request-ID");

  CHECK(first == "req-000000000001");
  CHECK(after_reset == "req-000000000001");
}
