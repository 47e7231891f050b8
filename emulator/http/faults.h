#ifndef EMULATOR_HTTP_FAULTS_H_
#define EMULATOR_HTTP_FAULTS_H_

// Network-level faults carried out on the connection of the request being
// served. cpp-httplib 0.11.4 does not expose a request's socket, so the
// socket is found by its address pair (see FindConnectionSocket).

#include <atomic>
#include <string>

namespace httplib {
struct Request;
struct Response;
}  // namespace httplib

namespace emulator::http {

// The file descriptor of the connection that carried `request`: the socket
// whose local and peer addresses are the request's. Returns -1 when none is
// found (which would be an emulator bug).
int FindConnectionSocket(const httplib::Request& request);

// Ends the connection at once. With `reset`, the peer gets a TCP RST
// (ECONNRESET); without, an orderly close with no response (EOF). The
// descriptor number stays valid: it is re-pointed at a dead socket, so the
// library's own later writes fail quietly and its close closes that one.
// Returns false when the socket could not be found.
bool AbortConnection(const httplib::Request& request, bool reset);

// Waits, sending nothing, until the client closes its side, `max_seconds`
// pass or `stopping` becomes true. Returns true when the client gave up.
bool HangUntilClientLeaves(const httplib::Request& request, int max_seconds,
                           const std::atomic<bool>& stopping);

// Replaces the response body with a provider that declares the full length
// but sends only the first half, then drops the connection.
void TruncateBody(httplib::Response& response);

// Replaces the response body with a chunked provider that sends it in
// `chunks` pieces, `interval_ms` apart.
void DribbleBody(httplib::Response& response, int chunks, int interval_ms,
                 const std::atomic<bool>& stopping);

// Turns the response into a 200 whose body is not valid JSON.
void MalformBody(httplib::Response& response);

// Sleeps `milliseconds` in short slices, returning early once `stopping`.
void SleepUnlessStopping(long long milliseconds, const std::atomic<bool>& stopping);

}  // namespace emulator::http

#endif  // EMULATOR_HTTP_FAULTS_H_
