#include "http/server.h"

#include <atomic>
#include <chrono>
#include <cstdio>

#include <httplib.h>

#include "api/handlers.h"
#include "control/control_api.h"
#include "http/auth.h"
#include "http/error_response.h"
#include "http/public_url.h"
#include "http/routes.h"
#include "util/log.h"
#include "util/url.h"

namespace emulator::http {
namespace {

using util::LogLevel;

// When the current request started, for the access log's duration. The
// logger runs on the worker thread that served the request.
thread_local std::chrono::steady_clock::time_point t_request_start;

std::atomic<unsigned long long> g_request_counter{0};

std::string NewRequestId() {
  char buffer[24];
  std::snprintf(buffer, sizeof buffer, "req-%012llx", ++g_request_counter);
  return buffer;
}

void SetJson(httplib::Response& response, int status, const std::string& body) {
  response.status = status;
  response.set_content(body, "application/json");
}

void WriteApiResponse(const api::ApiResponse& result, httplib::Response& response) {
  for (const auto& [name, value] : result.headers) response.set_header(name, value);
  switch (result.kind) {
    case api::ApiResponse::Kind::kError:
      SetJson(response, StatusFor(result.error->code()), ErrorBody(*result.error));
      if (result.error->code() == domain::ErrorCode::kUnauthenticated) {
        response.set_header("WWW-Authenticate", "Bearer");
      }
      return;
    case api::ApiResponse::Kind::kNoContent:
      response.status = 204;
      return;
    case api::ApiResponse::Kind::kCreated:
      response.status = 201;
      break;
    case api::ApiResponse::Kind::kAccepted:
      response.status = 202;
      break;
    case api::ApiResponse::Kind::kOk:
      response.status = 200;
      break;
  }
  if (result.text) {
    response.set_content(*result.text, "application/json");
  } else {
    response.set_content(result.body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace),
                         "application/json");
  }
}

std::string RawPathOf(const httplib::Request& request) {
  const std::string& target = request.target.empty() ? request.path : request.target;
  return target.substr(0, target.find('?'));
}

std::string RawQueryOf(const httplib::Request& request) {
  const size_t question = request.target.find('?');
  return question == std::string::npos ? "" : request.target.substr(question + 1);
}

}  // namespace

EmulatorServer::EmulatorServer(ServerOptions options, domain::Store& store, domain::Clock& clock)
    : options_(std::move(options)), store_(store), clock_(clock),
      server_(std::make_unique<httplib::Server>()) {
  Configure();
}

EmulatorServer::~EmulatorServer() { Stop(); }

void EmulatorServer::Configure() {
  httplib::Server& server = *server_;

  // Each keep-alive connection holds one worker for its life, so the pool
  // size is the number of clients served at once; a short keep-alive gives
  // idle connections' workers back quickly.
  const int threads = options_.threads;
  server.new_task_queue = [threads] { return new httplib::ThreadPool(static_cast<size_t>(threads)); };
  server.set_keep_alive_max_count(1000);
  server.set_keep_alive_timeout(options_.keep_alive_timeout_seconds);
  server.set_read_timeout(options_.read_timeout_seconds, 0);
  server.set_write_timeout(options_.write_timeout_seconds, 0);
  // Without TCP_NODELAY a small reply on a reused connection waits for the
  // peer's delayed ACK, about 40 ms.
  server.set_tcp_nodelay(true);
  server.set_payload_max_length(options_.max_body_bytes);

  server.set_pre_routing_handler([this](const httplib::Request& request, httplib::Response& response) {
    t_request_start = std::chrono::steady_clock::now();
    // cpp-httplib 0.11.4 reads the body of a POST, PUT, PATCH or DELETE that
    // has neither Content-Length nor Transfer-Encoding until the connection
    // closes or the read times out, then answers 400. HTTP/1.1 says such a
    // request has no body, so it is served here, before the library tries to
    // read one; no body bytes are left on the connection.
    const bool has_body = request.has_header("Content-Length") || request.has_header("Transfer-Encoding");
    if (!has_body && request.method != "GET" && request.method != "HEAD" && request.method != "OPTIONS") {
      Dispatch(request, response);
      return httplib::Server::HandlerResponse::Handled;
    }
    return httplib::Server::HandlerResponse::Unhandled;
  });

  // Dresses only the library's own error answers; ours already carry a body.
  const httplib::Server::HandlerWithResponse dress_library_errors =
      [](const httplib::Request&, httplib::Response& response) {
        if (!response.body.empty()) return httplib::Server::HandlerResponse::Unhandled;
        SetJson(response, response.status, LibraryErrorBody(response.status));
        return httplib::Server::HandlerResponse::Handled;
      };
  server.set_error_handler(dress_library_errors);

  server.set_exception_handler(
      [](const httplib::Request& request, httplib::Response& response, std::exception_ptr error) {
        std::string what = "unknown exception";
        try {
          std::rethrow_exception(error);
        } catch (const std::exception& exception) {
          what = exception.what();
        } catch (...) {
        }
        util::Log(LogLevel::kError, "Internal error while serving " + request.method + " " +
                                        request.path + ": " + what +
                                        "; this is an emulator bug, please report it");
        SetJson(response, 500,
                nlohmann::json{{"detail", "Internal Server Error: " + what}}.dump(
                    -1, ' ', false, nlohmann::json::error_handler_t::replace));
      });

  server.set_logger([](const httplib::Request& request, const httplib::Response& response) {
    if (!util::LogEnabled(LogLevel::kInfo)) return;
    const auto micros = std::chrono::duration_cast<std::chrono::microseconds>(
                            std::chrono::steady_clock::now() - t_request_start)
                            .count();
    util::Log(LogLevel::kInfo, request.method + " " + request.path + " " +
                                   std::to_string(response.status) + " " +
                                   std::to_string(response.body.size()) + "B " +
                                   std::to_string(micros) + "us " +
                                   response.get_header_value("X-Request-ID"));
  });

  const auto dispatch = [this](const httplib::Request& request, httplib::Response& response) {
    Dispatch(request, response);
  };

  const std::string any_path = ".*";
  server.Get(any_path, dispatch);
  server.Post(any_path, dispatch);
  server.Put(any_path, dispatch);
  server.Patch(any_path, dispatch);
  server.Delete(any_path, dispatch);
  server.Options(any_path, dispatch);
}

void EmulatorServer::Dispatch(const httplib::Request& request, httplib::Response& response) {
  // A client's own request id is echoed when it is a reasonable length.
  std::string request_id = request.get_header_value("X-Request-ID");
  if (request_id.empty() || request_id.size() > 200) request_id = NewRequestId();
  response.set_header("X-Request-ID", request_id);

  const std::string raw_path = RawPathOf(request);
  const RouteMatch match = MatchRoute(request.method, raw_path);
  if (match.route == nullptr) {
    if (match.allowed_methods.empty()) {
      SetJson(response, 404, R"({"detail":"Not Found"})");
      return;
    }
    std::string allow;
    for (const auto& method : match.allowed_methods) allow += (allow.empty() ? "" : ", ") + method;
    response.set_header("Allow", allow);
    SetJson(response, 405, R"({"detail":"Method Not Allowed"})");
    return;
  }

  api::ApiRequest api_request;
  api_request.method = request.method;
  api_request.path_params = match.path_params;
  api_request.raw_path = raw_path;
  api_request.raw_query = RawQueryOf(request);
  api_request.query = util::ParseQuery(api_request.raw_query);
  api_request.body.present = request.has_header("Content-Length") ||
                             request.has_header("Transfer-Encoding");
  api_request.body.content_type = request.get_header_value("Content-Type");
  api_request.body.text = request.body;
  api_request.public_base_url = PublicBaseUrl(options_.public_url, request);

  if (match.route->kind == RouteKind::kControl) {
    control::ControlContext context{store_, clock_, ready_};
    WriteApiResponse(match.route->control_handler(api_request, context), response);
    return;
  }

  domain::Result<domain::User> caller =
      Authenticate(request.get_header_value("Authorization"), store_);
  if (!caller.ok()) {
    WriteApiResponse(api::ApiResponse::Failure(caller.error()), response);
    return;
  }
  api_request.caller = caller.value();
  api::ApiContext context{store_};
  WriteApiResponse(match.route->api_handler(api_request, context), response);
}

int EmulatorServer::Bind() {
  if (options_.port == 0) return server_->bind_to_any_port(options_.host);
  return server_->bind_to_port(options_.host, options_.port) ? options_.port : -1;
}

bool EmulatorServer::Listen() { return server_->listen_after_bind(); }

void EmulatorServer::Stop() {
  if (server_) server_->stop();
}

bool EmulatorServer::IsRunning() const { return server_->is_running(); }

}  // namespace emulator::http
