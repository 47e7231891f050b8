#include "http/faults.h"

#include <arpa/inet.h>
#include <dirent.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <memory>
#include <thread>

#include <httplib.h>

namespace emulator::http {
namespace {

// The numeric address and port of a socket address, e.g. ("127.0.0.1", 8080).
bool Describe(const sockaddr_storage& address, std::string& host, int& port) {
  char buffer[INET6_ADDRSTRLEN] = {};
  if (address.ss_family == AF_INET) {
    const auto* ipv4 = reinterpret_cast<const sockaddr_in*>(&address);
    inet_ntop(AF_INET, &ipv4->sin_addr, buffer, sizeof buffer);
    port = ntohs(ipv4->sin_port);
  } else if (address.ss_family == AF_INET6) {
    const auto* ipv6 = reinterpret_cast<const sockaddr_in6*>(&address);
    inet_ntop(AF_INET6, &ipv6->sin6_addr, buffer, sizeof buffer);
    port = ntohs(ipv6->sin6_port);
  } else {
    return false;
  }
  host = buffer;
  return true;
}

bool SocketMatches(int fd, const httplib::Request& request) {
  sockaddr_storage local{};
  sockaddr_storage peer{};
  socklen_t local_size = sizeof local;
  socklen_t peer_size = sizeof peer;
  if (getsockname(fd, reinterpret_cast<sockaddr*>(&local), &local_size) != 0) return false;
  if (getpeername(fd, reinterpret_cast<sockaddr*>(&peer), &peer_size) != 0) return false;
  std::string local_host, peer_host;
  int local_port = 0, peer_port = 0;
  if (!Describe(local, local_host, local_port) || !Describe(peer, peer_host, peer_port)) return false;
  return local_port == request.local_port && peer_port == request.remote_port &&
         peer_host == request.remote_addr && local_host == request.local_addr;
}

// A connected socket whose other end is already closed: writes fail with
// EPIPE and reads see end of file.
int DeadSocket() {
  int pair[2];
  if (socketpair(AF_UNIX, SOCK_STREAM, 0, pair) != 0) return -1;
  close(pair[1]);
  return pair[0];
}

}  // namespace

int FindConnectionSocket(const httplib::Request& request) {
  std::unique_ptr<DIR, int (*)(DIR*)> directory(opendir("/proc/self/fd"), closedir);
  if (!directory) return -1;
  while (const dirent* entry = readdir(directory.get())) {
    char* end = nullptr;
    const long fd = std::strtol(entry->d_name, &end, 10);
    if (end == entry->d_name || *end != '\0') continue;
    if (SocketMatches(static_cast<int>(fd), request)) return static_cast<int>(fd);
  }
  return -1;
}

bool AbortConnection(const httplib::Request& request, bool reset) {
  const int fd = FindConnectionSocket(request);
  if (fd < 0) return false;
  if (reset) {
    // A zero linger time makes the close below send RST instead of FIN.
    const linger abort_on_close{1, 0};
    setsockopt(fd, SOL_SOCKET, SO_LINGER, &abort_on_close, sizeof abort_on_close);
  }
  const int dead = DeadSocket();
  if (dead < 0) return false;
  // dup2 closes the connection's socket and re-uses its number atomically,
  // so no other connection can be handed that number in between.
  dup2(dead, fd);
  close(dead);
  return true;
}

bool HangUntilClientLeaves(const httplib::Request& request, int max_seconds,
                           const std::atomic<bool>& stopping) {
  const int fd = FindConnectionSocket(request);
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(max_seconds);
  while (std::chrono::steady_clock::now() < deadline && !stopping) {
    if (fd >= 0) {
      pollfd watch{fd, POLLRDHUP, 0};
      if (poll(&watch, 1, 50) > 0 && (watch.revents & (POLLRDHUP | POLLHUP | POLLERR))) return true;
    } else {
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
  }
  return false;
}

void TruncateBody(httplib::Response& response) {
  auto body = std::make_shared<std::string>(std::move(response.body));
  if (body->empty()) *body = "{}";
  const std::string content_type = response.get_header_value("Content-Type");
  response.body.clear();
  // The provider sets Content-Type again; one header must remain.
  response.headers.erase("Content-Type");
  response.set_content_provider(
      body->size(), content_type.empty() ? "application/json" : content_type,
      [body](size_t offset, size_t, httplib::DataSink& sink) {
        const size_t half = body->size() / 2;
        if (offset < half) sink.write(body->data() + offset, half - offset);
        // Returning false makes the library drop the connection with the
        // promised length unmet.
        return offset < half;
      });
}

void DribbleBody(httplib::Response& response, int chunks, int interval_ms,
                 const std::atomic<bool>& stopping) {
  auto body = std::make_shared<std::string>(std::move(response.body));
  const std::string content_type = response.get_header_value("Content-Type");
  response.body.clear();
  response.headers.erase("Content-Type");
  const size_t pieces = static_cast<size_t>(std::max(1, chunks));
  const size_t piece_size = std::max<size_t>(1, (body->size() + pieces - 1) / pieces);
  response.set_chunked_content_provider(
      content_type.empty() ? "application/json" : content_type,
      [body, piece_size, interval_ms, &stopping](size_t offset, httplib::DataSink& sink) {
        if (offset >= body->size()) {
          sink.done();
          return true;
        }
        if (offset > 0) SleepUnlessStopping(interval_ms, stopping);
        const size_t length = std::min(piece_size, body->size() - offset);
        sink.write(body->data() + offset, length);
        return true;
      });
}

void MalformBody(httplib::Response& response) {
  std::string body = response.body;
  if (body.size() < 2) body = "{\"data\": [";
  // Half of a JSON document is never a complete one.
  body.resize(body.size() / 2 + 1);
  body += "<html>";
  response.status = 200;
  response.set_content(body, "application/json");
}

void SleepUnlessStopping(long long milliseconds, const std::atomic<bool>& stopping) {
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(milliseconds);
  while (!stopping && std::chrono::steady_clock::now() < deadline) {
    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
        deadline - std::chrono::steady_clock::now());
    std::this_thread::sleep_for(std::min(left, std::chrono::milliseconds(20)));
  }
}

}  // namespace emulator::http
