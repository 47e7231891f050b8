#ifndef EMULATOR_TESTS_HTTP_TEST_SERVER_H_
#define EMULATOR_TESTS_HTTP_TEST_SERVER_H_

// A real emulator server on an ephemeral 127.0.0.1 port, started on a thread
// for one test and stopped when the test ends, plus helpers for its clients.

#include <memory>
#include <string>
#include <thread>

#include <httplib.h>
#include <nlohmann/json.hpp>

#include "control/control_plane.h"
#include "domain/clock.h"
#include "domain/store.h"
#include "http/server.h"
#include "journal/metrics.h"
#include "journal/request_journal.h"
#include "scenario/engine.h"

namespace emulator::testing {

// A small world: users alice and bob, one service repository with a locked
// v1 and a draft, one NIM repository with a draft. The clock is virtual and
// starts at kTestStart.
extern const char* const kTestSeed;
inline constexpr const char* kTestStart = "2026-12-04T10:00:00Z";
inline constexpr const char* kServiceRepositoryId = "aaaaaaaaaaaaaaaaaaaa0001";
inline constexpr const char* kLockedArtifactId = "bbbbbbbbbbbbbbbbbbbb0001";
inline constexpr const char* kDraftArtifactId = "bbbbbbbbbbbbbbbbbbbb0002";
inline constexpr const char* kNimRepositoryId = "aaaaaaaaaaaaaaaaaaaa0002";
inline constexpr const char* kNimDraftArtifactId = "bbbbbbbbbbbbbbbbbbbb0003";
inline constexpr const char* kAliceId = "cccccccccccccccccccc0001";

class TestServer {
 public:
  explicit TestServer(const std::string& seed_json = kTestSeed,
                      http::ServerOptions options = http::ServerOptions{},
                      std::string admin_token = "");
  ~TestServer();
  TestServer(const TestServer&) = delete;
  TestServer& operator=(const TestServer&) = delete;

  int port() const { return port_; }
  std::string base_url() const { return "http://127.0.0.1:" + std::to_string(port_); }
  domain::Clock& clock() { return clock_; }
  domain::Store& store() { return *store_; }
  journal::RequestJournal& journal() { return journal_; }
  scenario::ScenarioEngine& scenarios() { return scenarios_; }
  control::ControlPlane& plane() { return *plane_; }

  // A client that sends `Authorization: Bearer <token>` (none when empty).
  std::unique_ptr<httplib::Client> Client(const std::string& token = "alice-token") const;

 private:
  domain::Clock clock_;
  std::unique_ptr<domain::Store> store_;
  journal::RequestJournal journal_{1000, 8192};
  journal::Metrics metrics_;
  scenario::ScenarioEngine scenarios_;
  std::unique_ptr<control::ControlPlane> plane_;
  std::unique_ptr<http::EmulatorServer> server_;
  std::thread thread_;
  int port_ = -1;
};

// How a raw exchange ended.
enum class RawEnd { kClosed, kReset, kTimedOut };

// Sends `request` bytes on a new connection to 127.0.0.1:`port` and returns
// everything received until the peer closes or resets the connection or
// `timeout_ms` passes; `end`, when given, tells which.
std::string RawExchange(int port, const std::string& request, int timeout_ms, RawEnd* end = nullptr);

// Parses a response body, failing the test on invalid JSON.
nlohmann::json BodyJson(const httplib::Result& result);

// A valid service artifact body with one primary container.
nlohmann::json ServiceArtifactBody(const std::string& name);
// The same with an imageBuildConfig and a codeRef, and no imageUri.
nlohmann::json BuildableArtifactBody(const std::string& name);

}  // namespace emulator::testing

#endif  // EMULATOR_TESTS_HTTP_TEST_SERVER_H_
