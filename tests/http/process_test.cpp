// The binary as a user runs it: options, start-up line, exit codes, signals
// and state files.
#include <signal.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>

#include <catch2/catch.hpp>
#include <httplib.h>
#include <nlohmann/json.hpp>

#include "emulator_process.h"

using emulator::testing::EmulatorProcess;
using emulator::testing::RunEmulator;
using nlohmann::json;

namespace {

std::string TemporaryPath(const std::string& name) {
  return (std::filesystem::temp_directory_path() /
          ("artifact-emulator-test-" + std::to_string(getpid()) + "-" + name))
      .string();
}

void WriteFile(const std::string& path, const std::string& text) {
  std::ofstream file(path, std::ios::binary);
  file << text;
}

std::string ReadFile(const std::string& path) {
  std::ifstream file(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(file), {});
}

httplib::Client ClientFor(const EmulatorProcess& process) {
  httplib::Client client("127.0.0.1", process.port());
  client.set_default_headers({{"Authorization", "Bearer alice-token"}});
  client.set_read_timeout(5, 0);
  return client;
}

const char kArtifact[] =
    R"({"name": "persisted", "spec": {"containerGroups": [{"containers": [
        {"name": "api", "imageUri": "example/api:1", "primary": true, "port": 8080}]}]}})";

}  // namespace

TEST_CASE("the start-up line names the URL and the counts", "[process]") {
  EmulatorProcess emulator({});

  CHECK(emulator.startup_line().find(" with 3 users, 5 repositories, 13 artifacts and 7 builds from <built-in seed>") !=
        std::string::npos);
  CHECK(emulator.Stop(SIGTERM) == 0);
}

TEST_CASE("SIGINT and SIGTERM stop the emulator with exit code 0", "[process]") {
  EmulatorProcess interrupted({});
  EmulatorProcess terminated({});

  CHECK(interrupted.Stop(SIGINT) == 0);
  CHECK(terminated.Stop(SIGTERM) == 0);
}

TEST_CASE("a bad option exits 2 naming the option", "[process]") {
  const auto unknown = RunEmulator({"--colour", "red"});
  const auto bad_port = RunEmulator({"--port", "http"});
  const auto bad_clock = RunEmulator({"--clock", "sundial"});

  CHECK(unknown.exit_code == 2);
  CHECK(unknown.output.find("colour") != std::string::npos);
  CHECK(bad_port.exit_code == 2);
  CHECK(bad_port.output.find("--port") != std::string::npos);
  CHECK(bad_clock.exit_code == 2);
  CHECK(bad_clock.output.find("--clock") != std::string::npos);
}

TEST_CASE("a bad seed exits 2 naming the file and the pointer", "[process]") {
  const std::string path = TemporaryPath("bad-seed.json");
  WriteFile(path, R"({"users": [{"username": "alice"}]})");

  const auto result = RunEmulator({"--seed", path});

  CHECK(result.exit_code == 2);
  CHECK(result.output.find(path + ": /users/0/token: missing") != std::string::npos);
  std::remove(path.c_str());
}

TEST_CASE("options are read from the environment, the command line winning", "[process]") {
  const auto from_environment = RunEmulator({}, {"ARTIFACT_EMULATOR_LOG_LEVEL=loud"});
  EmulatorProcess overridden({"--log-level", "warn"}, {"ARTIFACT_EMULATOR_LOG_LEVEL=loud"});

  CHECK(from_environment.exit_code == 2);
  CHECK(from_environment.output.find("--log-level") != std::string::npos);
  CHECK(overridden.Stop(SIGTERM) == 0);
}

TEST_CASE("the state file keeps the world across a restart", "[process]") {
  const std::string path = TemporaryPath("state.json");
  std::remove(path.c_str());
  std::string created_id;
  {
    EmulatorProcess first({"--state-file", path});
    auto client = ClientFor(first);
    auto created = client.Post("/api/v2/artifacts", kArtifact, "application/json");
    REQUIRE(created);
    REQUIRE(created->status == 201);
    created_id = json::parse(created->body)["id"];
    CHECK(first.Stop(SIGTERM) == 0);
  }
  REQUIRE(std::filesystem::exists(path));
  CHECK_FALSE(std::filesystem::exists(path + ".tmp." + std::to_string(getpid())));

  EmulatorProcess second({"--state-file", path});
  auto client = ClientFor(second);
  auto reread = client.Get("/api/v2/artifacts/" + created_id);
  auto next = client.Post("/api/v2/artifacts", kArtifact, "application/json");

  CHECK(second.startup_line().find("from " + path) != std::string::npos);
  REQUIRE(reread);
  CHECK(reread->status == 200);
  CHECK(json::parse(reread->body)["name"] == "persisted");
  REQUIRE(next);
  CHECK(json::parse(next->body)["id"] != created_id);
  CHECK(second.Stop(SIGTERM) == 0);
  std::remove(path.c_str());
}

TEST_CASE("a torn state file stops the start unless told to use the seed", "[process]") {
  const std::string path = TemporaryPath("torn-state.json");
  WriteFile(path, R"({"idSeed": 1, "users": [{"username": "alice", "tok)");

  const auto refused = RunEmulator({"--state-file", path});
  EmulatorProcess fallback({"--state-file", path, "--on-bad-state-file", "seed"});

  CHECK(refused.exit_code == 2);
  CHECK(refused.output.find(path) != std::string::npos);
  CHECK(refused.output.find("not valid JSON") != std::string::npos);
  CHECK(fallback.startup_line().find("from <built-in seed>") != std::string::npos);
  CHECK(fallback.Stop(SIGTERM) == 0);
  CHECK(ReadFile(path).find("torn") == std::string::npos);
  std::remove(path.c_str());
}

TEST_CASE("watched scenario files reload, and a broken edit keeps the old version", "[process]") {
  const std::string path = TemporaryPath("watched.json");
  WriteFile(path, R"({"name": "watched", "rules": [{"match": {"route": "/artifacts"}, "then": {"status": 503}}]})");
  EmulatorProcess emulator({"--scenario", path, "--watch", "--log-level", "warn"});
  auto client = ClientFor(emulator);
  const auto status_now = [&] {
    auto result = client.Get("/api/v2/artifacts");
    return result ? result->status : -1;
  };
  const auto wait_for_status = [&](int expected) {
    for (int attempt = 0; attempt < 60 && status_now() != expected; ++attempt) usleep(100 * 1000);
    return status_now();
  };
  REQUIRE(status_now() == 503);

  // Keep the size different so the change is seen even within one mtime tick.
  WriteFile(path, R"({"name": "watched", "rules": [{"match": {"route": "/artifacts"}, "then": {"status": 502}}],
                      "description": "second version"})");
  const int after_edit = wait_for_status(502);
  WriteFile(path, R"({"name": "watched", "rules": [)");
  usleep(1500 * 1000);
  const int after_broken_edit = status_now();
  auto readiness = client.Get("/_emulator/ready");

  CHECK(after_edit == 502);
  CHECK(after_broken_edit == 502);
  REQUIRE(readiness);
  CHECK(readiness->status == 503);
  CHECK(readiness->body.find("failed to reload") != std::string::npos);
  CHECK(emulator.Stop(SIGTERM) == 0);
  std::remove(path.c_str());
}

TEST_CASE("an out-of-range number in a seed exits 2 instead of crashing", "[process]") {
  const std::string path = TemporaryPath("huge-number.json");
  WriteFile(path, R"({"idSeed": 1e400, "users": []})");

  const auto result = RunEmulator({"--seed", path});

  CHECK(result.exit_code == 2);
  CHECK(result.output.find("not valid JSON") != std::string::npos);
  std::remove(path.c_str());
}

TEST_CASE("out-of-range option values exit 2", "[process]") {
  for (const std::vector<std::string>& args :
       {std::vector<std::string>{"--journal-size", "-1"}, {"--max-body-bytes", "0"},
        {"--public-url", "notaurl"}, {"--id-seed", "-1"}, {"--host", "203.0.113.1", "--port", "0"}}) {
    const auto result = RunEmulator(args);
    INFO(args[0] << " " << args[1] << ": " << result.output);
    CHECK(result.exit_code == 2);
    CHECK(result.output.find(args[0].substr(0, 6)) != std::string::npos);
  }
}

TEST_CASE("a virtual clock starts after the seed's newest data", "[process]") {
  EmulatorProcess emulator({"--clock", "virtual"});
  auto client = ClientFor(emulator);

  auto created = client.Post("/api/v2/artifacts", kArtifact, "application/json");
  auto newest = client.Get("/api/v2/artifacts?limit=1");

  REQUIRE(created);
  REQUIRE(newest);
  const json artifact = json::parse(created->body);
  CHECK(json::parse(newest->body)["data"][0]["id"] == artifact["id"]);
  CHECK(artifact["createdAt"].get<std::string>().substr(14) == "00:00.000000Z");
  CHECK(emulator.Stop(SIGTERM) == 0);
}
