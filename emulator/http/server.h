#ifndef EMULATOR_HTTP_SERVER_H_
#define EMULATOR_HTTP_SERVER_H_

#include <atomic>
#include <cstddef>
#include <memory>
#include <string>

#include "control/control_plane.h"

namespace httplib {
class Server;
struct Request;
struct Response;
}  // namespace httplib

namespace emulator::http {

struct ServerOptions {
  std::string host = "127.0.0.1";
  int port = 8080;  // 0 binds any free port
  int threads = 64;
  std::size_t max_body_bytes = 1 << 20;
  // Base of absolute links (next/previous); empty derives it per request.
  std::string public_url;
  int keep_alive_timeout_seconds = 5;
  int read_timeout_seconds = 10;
  int write_timeout_seconds = 30;
  // Upper bound of a "hang" fault, in seconds.
  int max_hang_seconds = 60;
};

// The HTTP adapter: every cpp-httplib setting, routing to the API and control
// handlers, authentication, scenario faults, error bodies, the access log,
// the request journal and the metrics.
//
// Thread safety: Bind and Listen are called once, from one thread; Stop may
// be called from any thread (including a signal-watching one).
class EmulatorServer {
 public:
  EmulatorServer(ServerOptions options, control::ControlPlane& plane);
  ~EmulatorServer();
  EmulatorServer(const EmulatorServer&) = delete;
  EmulatorServer& operator=(const EmulatorServer&) = delete;

  // Binds the listening socket. Returns the bound port, or -1 on failure.
  int Bind();
  // Serves until Stop; returns false when serving failed.
  bool Listen();
  // Stops accepting, ends injected delays and hangs early, and makes Listen
  // return once the requests in flight have their responses.
  void Stop();
  bool IsRunning() const;

 private:
  void Configure();
  // Routes one request to its API or control handler and writes the response.
  void Dispatch(const httplib::Request& request, httplib::Response& response);
  void Record(const httplib::Request& request, const httplib::Response& response);

  const ServerOptions options_;
  control::ControlPlane& plane_;
  std::atomic<bool> stopping_{false};
  std::atomic<bool> listen_started_{false};
  std::atomic<bool> listen_finished_{false};
  std::unique_ptr<httplib::Server> server_;
};

}  // namespace emulator::http

#endif  // EMULATOR_HTTP_SERVER_H_
