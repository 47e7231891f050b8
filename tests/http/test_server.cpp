#include "test_server.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <stdexcept>

#include <catch2/catch.hpp>

#include "domain/timestamp.h"
#include "seed/seed_loader.h"
#include "util/log.h"

namespace emulator::testing {

const char* const kTestSeed = R"json({
  "idSeed": 7,
  "epoch": "2026-12-01T09:00:00Z",
  "users": [
    {"id": "cccccccccccccccccccc0001", "username": "alice", "fullName": "Alice Test",
     "email": "alice@example.com", "token": "alice-token"},
    {"id": "cccccccccccccccccccc0002", "username": "bob", "token": "bob-token"}
  ],
  "repositories": [
    {"id": "aaaaaaaaaaaaaaaaaaaa0001", "name": "scoring", "type": "service", "createdBy": "alice",
     "artifacts": [
       {"id": "bbbbbbbbbbbbbbbbbbbb0001", "name": "scoring", "status": "locked",
        "spec": {"containerGroups": [{"name": "main", "containers": [
          {"name": "api", "imageUri": "registry.example.com/scoring:1", "primary": true, "port": 8080}]}]}},
       {"id": "bbbbbbbbbbbbbbbbbbbb0002", "name": "scoring", "description": "next version",
        "tags": [{"name": "team", "value": "ml"}],
        "spec": {"containerGroups": [{"name": "main", "containers": [
          {"name": "api", "imageUri": "registry.example.com/scoring:2", "primary": true, "port": 8080}]}]}}
     ]},
    {"id": "aaaaaaaaaaaaaaaaaaaa0002", "name": "llm", "type": "nim", "createdBy": "bob",
     "artifacts": [
       {"id": "bbbbbbbbbbbbbbbbbbbb0003", "name": "llm",
        "spec": {"containerGroups": [{"name": "main", "containers": [
          {"name": "nim", "imageUri": "nvcr.io/nim/llama:1", "primary": true, "port": 8000}]}]}}
     ]}
  ]
})json";

TestServer::TestServer(const std::string& seed_json, http::ServerOptions options, std::string admin_token) {
  // The access log of every test request would bury the failure reports.
  util::SetLogLevel(util::LogLevel::kWarn);
  seed::SeedLoadResult seed = seed::LoadSeed(seed_json, "test seed");
  if (!seed.world) {
    std::string problems;
    for (const auto& problem : seed.problems) problems += problem + "\n";
    throw std::runtime_error("test seed is invalid:\n" + problems);
  }
  const domain::Timestamp start = *domain::ParseRfc3339(kTestStart);
  clock_.SetVirtual(start);
  store_ = std::make_unique<domain::Store>(std::move(*seed.world), clock_);
  plane_ = std::make_unique<control::ControlPlane>(*store_, clock_, journal_, metrics_, scenarios_,
                                                   control::ClockStart{true, start}, std::move(admin_token));
  plane_->SetReady(true);

  options.host = "127.0.0.1";
  options.port = 0;
  options.threads = 8;
  server_ = std::make_unique<http::EmulatorServer>(options, *plane_);
  port_ = server_->Bind();
  if (port_ <= 0) throw std::runtime_error("test server could not bind a port");
  thread_ = std::thread([this] { server_->Listen(); });

  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(5);
  while (!server_->IsRunning()) {
    if (std::chrono::steady_clock::now() > deadline) {
      throw std::runtime_error("test server did not start within 5 seconds");
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
}

TestServer::~TestServer() {
  server_->Stop();
  if (thread_.joinable()) thread_.join();
}

std::unique_ptr<httplib::Client> TestServer::Client(const std::string& token) const {
  auto client = std::make_unique<httplib::Client>("127.0.0.1", port_);
  client->set_connection_timeout(5, 0);
  client->set_read_timeout(10, 0);
  if (!token.empty()) client->set_default_headers({{"Authorization", "Bearer " + token}});
  return client;
}

std::string RawExchange(int port, const std::string& request, int timeout_ms, RawEnd* end) {
  const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  REQUIRE(fd >= 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_port = htons(static_cast<uint16_t>(port));
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  REQUIRE(::connect(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0);
  REQUIRE(::send(fd, request.data(), request.size(), MSG_NOSIGNAL) == static_cast<ssize_t>(request.size()));

  std::string received;
  RawEnd how = RawEnd::kTimedOut;
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(timeout_ms);
  for (;;) {
    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
                          deadline - std::chrono::steady_clock::now())
                          .count();
    if (left <= 0) break;
    pollfd poll_fd{fd, POLLIN, 0};
    if (::poll(&poll_fd, 1, static_cast<int>(left)) <= 0) break;
    char buffer[4096];
    const ssize_t read = ::recv(fd, buffer, sizeof buffer, 0);
    if (read < 0) {
      how = errno == ECONNRESET ? RawEnd::kReset : RawEnd::kClosed;
      break;
    }
    if (read == 0) {
      how = RawEnd::kClosed;
      break;
    }
    received.append(buffer, static_cast<size_t>(read));
  }
  if (end != nullptr) *end = how;
  ::close(fd);
  return received;
}

nlohmann::json BodyJson(const httplib::Result& result) {
  REQUIRE(result);
  const auto parsed = nlohmann::json::parse(result->body, nullptr, false);
  INFO("body: " << result->body);
  REQUIRE_FALSE(parsed.is_discarded());
  return parsed;
}

nlohmann::json ServiceArtifactBody(const std::string& name) {
  return {{"name", name},
          {"type", "service"},
          {"spec",
           {{"containerGroups",
             {{{"name", "main"},
               {"containers",
                {{{"name", "api"},
                  {"imageUri", "registry.example.com/api:1"},
                  {"primary", true},
                  {"port", 8080}}}}}}}}}};
}

nlohmann::json BuildableArtifactBody(const std::string& name) {
  nlohmann::json body = ServiceArtifactBody(name);
  nlohmann::json& container = body["spec"]["containerGroups"][0]["containers"][0];
  container.erase("imageUri");
  const nlohmann::json datarobot = {{"catalogId", "dddddddddddddddddddd0001"},
                                    {"catalogVersionId", "dddddddddddddddddddd0002"}};
  container["imageBuildConfig"] = {{"codeRef", {{"datarobot", datarobot}}}};
  return body;
}

}  // namespace emulator::testing
