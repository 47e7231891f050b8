#include "http/server.h"
#include "util/text.h"

#include <cctype>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <thread>

#include <httplib.h>

#include "api/handlers.h"
#include "http/auth.h"
#include "http/error_response.h"
#include "http/faults.h"
#include "http/public_url.h"
#include "http/routes.h"
#include "util/log.h"
#include "util/url.h"

namespace emulator::http {
namespace {

using util::LogLevel;

// The facts about the request being served that the journal and metrics need.
// The pre-routing hook, the handler and the logger of one request all run on
// the worker thread that serves it.
struct RequestContext {
  std::chrono::steady_clock::time_point start;
  std::string route;  // template; "unmatched" for unknown paths
  std::optional<std::string> username;
  std::optional<std::string> scenario_rule;
  bool journaled = false;         // API routes only: control calls are not the client's
  bool connection_dropped = false;  // no response reached the client
};
thread_local RequestContext t_context;

using util::EqualsIgnoringCase;

// Generated request ids count per control plane and restart at a reset, so
// that two runs of the same requests produce the same ids.
std::string FormatRequestId(unsigned long long number) {
  char buffer[24];
  std::snprintf(buffer, sizeof buffer, "req-%012llx", number);
  return buffer;
}

void SetJson(httplib::Response& response, int status, const std::string& body) {
  response.status = status;
  response.set_content(body, "application/json");
}

std::string DumpJson(const nlohmann::json& value) {
  return value.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
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
  response.set_content(result.text ? *result.text : DumpJson(result.body), result.content_type);
}

// Writes the response a scenario rule scripted.
void WriteScriptedResponse(const scenario::Decision& decision, httplib::Response& response) {
  response.status = decision.status;
  bool has_content_type = false;
  for (const auto& [name, value] : decision.headers) {
    if (EqualsIgnoringCase(name, "Content-Type")) has_content_type = true;
    response.set_header(name, value);
  }
  std::string body;
  if (decision.raw_body) {
    body = *decision.raw_body;
  } else if (decision.body) {
    body = DumpJson(*decision.body);
  }
  if (!body.empty() || decision.status != 204) {
    const std::string content_type =
        has_content_type ? response.get_header_value("Content-Type") : "application/json";
    response.set_content(body, content_type);
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

std::string BearerToken(const std::string& authorization) {
  const size_t space = authorization.find(' ');
  if (space == std::string::npos) return "";
  std::string token = authorization.substr(space + 1);
  while (!token.empty() && token.front() == ' ') token.erase(token.begin());
  while (!token.empty() && token.back() == ' ') token.pop_back();
  return token;
}

// The facts a scenario rule can match on.
scenario::RequestFacts FactsOf(const httplib::Request& request, const Route& route,
                               const std::vector<std::string>& params,
                               const std::optional<domain::User>& user, const api::ApiRequest& api_request) {
  scenario::RequestFacts facts;
  facts.method = request.method;
  facts.route = RouteTemplate(route);
  facts.path = api_request.raw_path;
  // Placeholders appear in the order artifact_repository_id | artifact_id, build_id.
  const std::string path_template = route.path_template;
  if (path_template.find("{artifact_repository_id}") != std::string::npos && !params.empty()) {
    facts.repository_id = params[0];
  }
  if (path_template.find("{artifact_id}") != std::string::npos && !params.empty()) {
    facts.artifact_id = params[0];
  }
  if (path_template.find("{build_id}") != std::string::npos && params.size() > 1) {
    facts.build_id = params[1];
  }
  facts.token = BearerToken(request.get_header_value("Authorization"));
  if (user) facts.username = user->username;
  for (const auto& [name, value] : request.headers) facts.headers.emplace_back(name, value);
  facts.query = api_request.query;
  facts.client_ip = request.remote_addr;
  return facts;
}

}  // namespace

EmulatorServer::EmulatorServer(ServerOptions options, control::ControlPlane& plane)
    : options_(std::move(options)), plane_(plane), server_(std::make_unique<httplib::Server>()) {
  Configure();
}

EmulatorServer::~EmulatorServer() { Stop(); }

void EmulatorServer::Configure() {
  httplib::Server& server = *server_;

  // NOTE: pipelined requests are not served. cpp-httplib 0.11.4 drops bytes
  // it read past the first request of a keep-alive connection, while the real
  // service responds to each. No common client pipelines.
  // Each keep-alive connection occupies one worker for its life, so the pool
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
    t_context = RequestContext{};
    t_context.start = std::chrono::steady_clock::now();
    t_context.route = "unmatched";
    // cpp-httplib 0.11.4 reads the body of a POST, PUT, PATCH or DELETE that
    // has neither Content-Length nor Transfer-Encoding until the connection
    // closes or the read times out, then responds 400. By HTTP/1.1 such a
    // request has no body, so it is served here, before the library tries to
    // read one; no body bytes are left on the connection.
    const bool has_body = request.has_header("Content-Length") || request.has_header("Transfer-Encoding");
    if (!has_body && request.method != "GET" && request.method != "HEAD" && request.method != "OPTIONS") {
      Dispatch(request, response);
      return httplib::Server::HandlerResponse::Handled;
    }
    return httplib::Server::HandlerResponse::Unhandled;
  });

  // Fills in only the library's own error responses; ours already carry a body.
  const std::size_t max_body_bytes = options_.max_body_bytes;
  const httplib::Server::HandlerWithResponse dress_library_errors =
      [max_body_bytes](const httplib::Request& request, httplib::Response& response) {
        if (!response.body.empty() || response.status == 204) {
          return httplib::Server::HandlerResponse::Unhandled;
        }
        // cpp-httplib 0.11.4 also rejects form-encoded bodies over 8192 bytes
        // (curl -d sends that type by default), whatever the limit.
        const bool form = request.get_header_value("Content-Type").rfind("application/x-www-form-urlencoded", 0) == 0;
        const bool form_limit = response.status == 413 && form &&
                                std::strtoull(request.get_header_value("Content-Length").c_str(), nullptr, 10) <= max_body_bytes;
        SetJson(response, response.status,
                form_limit ? DumpJson({{"detail", "Request body too large for Content-Type "
                                                  "application/x-www-form-urlencoded (at most 8192 bytes); "
                                                  "send JSON with Content-Type: application/json"}})
                           : LibraryErrorBody(response.status));
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
        SetJson(response, 500, DumpJson({{"detail", "Internal Server Error: " + what}}));
      });

  server.set_logger([](const httplib::Request& request, const httplib::Response& response) {
    if (!util::LogEnabled(LogLevel::kInfo)) return;
    const auto micros = std::chrono::duration_cast<std::chrono::microseconds>(
                            std::chrono::steady_clock::now() - t_context.start)
                            .count();
    const int status = t_context.connection_dropped ? 0 : response.status;
    std::string line = request.method + " " + request.path + " " + std::to_string(status) + " " +
                       std::to_string(response.body.size()) + "B " + std::to_string(micros) + "us " +
                       response.get_header_value("X-Request-ID");
    if (t_context.scenario_rule) line += " scenario=" + *t_context.scenario_rule;
    util::Log(LogLevel::kInfo, line);
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

void EmulatorServer::Record(const httplib::Request& request, const httplib::Response& response) {
  const auto micros = std::chrono::duration_cast<std::chrono::microseconds>(
                          std::chrono::steady_clock::now() - t_context.start)
                          .count();
  // A handler that threw has no status yet; the exception handler sends 500.
  const int status = t_context.connection_dropped ? 0 : (response.status > 0 ? response.status : 500);
  const std::string request_id = response.get_header_value("X-Request-ID");
  plane_.metrics().Observe(t_context.route, request.method, status, micros);

  if (t_context.journaled) {
    journal::JournalEntry entry;
    entry.request_id = request_id;
    entry.time = plane_.clock().Now();
    entry.method = request.method;
    entry.path = RawPathOf(request);
    entry.query = RawQueryOf(request);
    for (const auto& [name, value] : request.headers) {
      // The library adds the socket addresses as pseudo headers.
      if (name == "REMOTE_ADDR" || name == "REMOTE_PORT" || name == "LOCAL_ADDR" || name == "LOCAL_PORT") {
        continue;
      }
      const bool secret = EqualsIgnoringCase(name, "Authorization");
      entry.headers.emplace_back(name, secret ? "[redacted]" : value);
    }
    entry.body = request.body;
    entry.status = status;
    entry.response_bytes = response.body.size();
    entry.duration_micros = micros;
    entry.user = t_context.username;
    entry.scenario_rule = t_context.scenario_rule;
    entry.route = t_context.route;
    plane_.journal().Record(std::move(entry));
  }
}

void EmulatorServer::Dispatch(const httplib::Request& request, httplib::Response& response) {
  // The service ignores Range; cpp-httplib would cut our JSON to the range
  // while keeping status 200. The library owns a mutable Request and only
  // lends it as const, so clearing the parsed ranges here is safe.
  const_cast<httplib::Request&>(request).ranges.clear();

  // The journal and metrics are written before the response goes out, so a
  // client that reads the journal right after a response finds that request.
  struct RecordOnExit {
    EmulatorServer& server;
    const httplib::Request& request;
    const httplib::Response& response;
    ~RecordOnExit() { server.Record(request, response); }
  } record_on_exit{*this, request, response};

  // A client's own request id is echoed when it is a reasonable length.
  std::string request_id = request.get_header_value("X-Request-ID");
  if (request_id.empty() || request_id.size() > 200) request_id = FormatRequestId(plane_.NextRequestNumber());
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
  const Route& route = *match.route;
  t_context.route = RouteTemplate(route);

  api::ApiRequest api_request;
  api_request.method = request.method;
  api_request.path_params = match.path_params;
  api_request.raw_path = raw_path;
  api_request.raw_query = RawQueryOf(request);
  api_request.query = util::ParseQuery(api_request.raw_query);
  api_request.body.present = request.has_header("Content-Length") || request.has_header("Transfer-Encoding");
  api_request.body.content_type = request.get_header_value("Content-Type");
  api_request.body.text = request.body;
  api_request.public_base_url = PublicBaseUrl(options_.public_url, request);

  if (route.access != Access::kUser) {
    const std::string& admin_token = plane_.admin_token();
    if (route.access == Access::kAdmin && !admin_token.empty() &&
        BearerToken(request.get_header_value("Authorization")) != admin_token) {
      WriteApiResponse(api::ApiResponse::Failure(
                           domain::Error(domain::ErrorCode::kUnauthenticated, "Not authenticated")),
                       response);
      return;
    }
    WriteApiResponse(route.control_handler(api_request, plane_), response);
    return;
  }

  // The emulated API: scenarios first (an outage affects every caller),
  // then authentication, then the handler.
  t_context.journaled = true;
  domain::Result<domain::User> caller = Authenticate(request.get_header_value("Authorization"), plane_.store());
  const std::optional<domain::User> user = caller.ok() ? std::optional(caller.value()) : std::nullopt;
  if (user) t_context.username = user->username;

  const scenario::Decision decision = plane_.scenarios().Decide(
      FactsOf(request, route, match.path_params, user, api_request), plane_.clock().Now());
  if (decision.fired) t_context.scenario_rule = decision.fired->description;
  for (const auto& [name, value] : decision.extra_headers) response.set_header(name, value);

  using Kind = scenario::Decision::Kind;
  if (decision.kind == Kind::kRespond) {
    WriteScriptedResponse(decision, response);
    return;
  }
  if (decision.kind == Kind::kDelay) SleepUnlessStopping(decision.delay_ms, stopping_);
  if (decision.kind == Kind::kFault) {
    using scenario::NetworkFault;
    switch (decision.fault) {
      case NetworkFault::kReset:
      case NetworkFault::kClose:
        t_context.connection_dropped = AbortConnection(request, decision.fault == NetworkFault::kReset);
        response.status = 500;
        return;
      case NetworkFault::kHang:
        HangUntilClientLeaves(request, options_.max_hang_seconds, stopping_);
        t_context.connection_dropped = AbortConnection(request, /*reset=*/false);
        response.status = 500;
        return;
      default:
        break;  // the others reshape the real response below
    }
  }

  if (!caller.ok()) {
    WriteApiResponse(api::ApiResponse::Failure(caller.error()), response);
  } else {
    api_request.caller = caller.value();
    api::ApiContext context{plane_.store(), std::nullopt};
    if (decision.kind == Kind::kBuild) context.build_outcome = decision.build_outcome;
    WriteApiResponse(route.api_handler(api_request, context), response);
  }

  if (decision.kind == Kind::kFault) {
    switch (decision.fault) {
      case scenario::NetworkFault::kTruncate:
        TruncateBody(response);
        break;
      case scenario::NetworkFault::kMalformedJson:
        MalformBody(response);
        break;
      case scenario::NetworkFault::kDribble:
        DribbleBody(response, decision.dribble.chunks, decision.dribble.interval_ms, stopping_);
        break;
      default:
        break;
    }
  }
}

int EmulatorServer::Bind() {
  if (options_.port == 0) return server_->bind_to_any_port(options_.host);
  return server_->bind_to_port(options_.host, options_.port) ? options_.port : -1;
}

bool EmulatorServer::Listen() {
  listen_started_ = true;
  const bool served = stopping_ ? true : server_->listen_after_bind();
  listen_finished_ = true;
  return served;
}

void EmulatorServer::Stop() {
  stopping_ = true;
  if (!server_) return;
  // httplib's stop() does nothing until the accept loop has started, so a
  // stop that arrives just before Listen() gets there is repeated until the
  // loop has run and ended.
  for (;;) {
    server_->stop();
    if (!listen_started_ || listen_finished_) return;
    if (server_->is_running()) {
      server_->stop();
      return;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
}

bool EmulatorServer::IsRunning() const { return server_->is_running(); }

}  // namespace emulator::http
