// Parsing of a rule's "then" section into an Action.

#include <algorithm>
#include <cctype>
#include <cmath>

#include "scenario/route_table.h"
#include "util/text.h"
#include "scenario/rule_parser.h"

namespace emulator::scenario {
namespace {

using nlohmann::json;

const std::vector<std::string> kActionKeys = {"status",   "delayMs", "rateLimit",
                                              "fault",    "build",   "passThrough"};
// Keys that only shape a "status" response.
const std::vector<std::string> kResponseKeys = {"headers", "body", "rawBody"};

// Each delay occupies a server thread while it sleeps, and one longer than ten
// minutes is more likely a unit mistake than a test plan.
constexpr std::int64_t kMaxDelayMs = 10 * 60 * 1000;

struct FaultName {
  const char* name;
  NetworkFault fault;
};
constexpr FaultName kFaultNames[] = {
    {"reset", NetworkFault::kReset},         {"close", NetworkFault::kClose},
    {"truncate", NetworkFault::kTruncate},   {"malformedJson", NetworkFault::kMalformedJson},
    {"hang", NetworkFault::kHang},           {"dribble", NetworkFault::kDribble},
};

// RFC 9110 token characters; anything else in a name, or a line break in a
// value, would corrupt the response head.
bool IsHeaderName(const std::string& name) {
  static const std::string kSymbols = "!#$%&'*+-.^_`|~";
  return !name.empty() && std::all_of(name.begin(), name.end(), [](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || kSymbols.find(c) != std::string::npos;
  });
}

// Headers that frame the message on the wire; the server must own them.
bool IsFramingHeader(const std::string& name) {
  const std::string lower = util::ToLowerAscii(name);
  return lower == "content-length" || lower == "transfer-encoding" || lower == "connection";
}

void CheckHeaders(JsonReader& reader, const Headers& headers, const std::string& pointer) {
  for (const auto& [name, value] : headers) {
    const std::string where = JsonReader::Child(pointer, name);
    if (!IsHeaderName(name)) {
      reader.Problem(where, "invalid header name; use letters, digits and !#$%&'*+-.^_`|~");
    } else if (value.find_first_of("\r\n") != std::string::npos) {
      reader.Problem(where, "header values must not contain line breaks");
    } else if (IsFramingHeader(name)) {
      reader.Problem(where, "the server sets " + name + " itself; a second one would make the response unreadable");
    }
  }
}

void ParseRespond(JsonReader& reader, const json& then, const std::string& pointer, Action& action) {
  action.kind = Decision::Kind::kRespond;
  const std::string status_pointer = JsonReader::Child(pointer, "status");
  // A 1xx status is not a final response: the client would wait forever.
  if (auto status = reader.Count(then["status"], status_pointer, 200)) {
    if (*status > 599) {
      reader.Problem(status_pointer, "must be an HTTP status between 200 and 599, found " +
                                         std::to_string(*status));
    }
    action.status = static_cast<int>(*status);
  }
  // HTTP forbids a body on 204 and 304.
  const bool bodiless = action.status == 204 || action.status == 304;
  if (bodiless && (then.contains("body") || then.contains("rawBody"))) {
    reader.Problem(JsonReader::Child(pointer, then.contains("body") ? "body" : "rawBody"),
                   "a " + std::to_string(action.status) + " response has no body; remove it");
  }
  if (then.contains("headers")) {
    const std::string headers_pointer = JsonReader::Child(pointer, "headers");
    if (auto headers = reader.StringMap(then["headers"], headers_pointer)) {
      CheckHeaders(reader, *headers, headers_pointer);
      action.headers = *headers;
    }
  }
  if (then.contains("body") && then.contains("rawBody")) {
    reader.Problem(JsonReader::Child(pointer, "rawBody"),
                   "\"body\" and \"rawBody\" exclude each other; keep one");
  } else if (then.contains("body")) {
    action.body = then["body"];
  } else if (then.contains("rawBody")) {
    action.raw_body = reader.String(then["rawBody"], JsonReader::Child(pointer, "rawBody"));
  }
}

void ParseDelay(JsonReader& reader, const json& value, const std::string& pointer, Action& action) {
  action.kind = Decision::Kind::kDelay;
  const auto check_bound = [&](std::uint64_t ms, const std::string& where) {
    if (ms > static_cast<std::uint64_t>(kMaxDelayMs)) {
      reader.Problem(where, "must be at most " + std::to_string(kMaxDelayMs) + " (10 minutes)");
      return false;
    }
    return true;
  };
  if (value.is_object()) {
    reader.RejectUnknownKeys(value, pointer, {"min", "max"});
    const std::string min_pointer = JsonReader::Child(pointer, "min");
    const std::string max_pointer = JsonReader::Child(pointer, "max");
    if (!value.contains("min") || !value.contains("max")) {
      reader.Problem(pointer, "a delay range needs both \"min\" and \"max\" in milliseconds");
      return;
    }
    const auto min = reader.Count(value["min"], min_pointer, 0);
    const auto max = reader.Count(value["max"], max_pointer, 0);
    if (!min || !max || !check_bound(*min, min_pointer) || !check_bound(*max, max_pointer)) return;
    if (*max < *min) {
      reader.Problem(max_pointer, "must be at least \"min\" (" + std::to_string(*min) + ")");
      return;
    }
    action.delay_min_ms = static_cast<std::int64_t>(*min);
    action.delay_max_ms = static_cast<std::int64_t>(*max);
    return;
  }
  if (!value.is_number_integer()) {
    reader.Problem(pointer, "expected milliseconds as an integer or {\"min\": .., \"max\": ..}, found " +
                                JsonReader::Describe(value));
    return;
  }
  if (auto ms = reader.Count(value, pointer, 0); ms && check_bound(*ms, pointer)) {
    action.delay_min_ms = action.delay_max_ms = static_cast<std::int64_t>(*ms);
  }
}

void ParseRateLimit(JsonReader& reader, const json& value, const std::string& pointer,
                    Action& action) {
  action.kind = Decision::Kind::kRespond;
  if (!reader.ExpectObject(value, pointer)) return;
  reader.RejectUnknownKeys(value, pointer, {"requests", "perSeconds", "key"});
  RateLimit limit;

  const std::string requests_pointer = JsonReader::Child(pointer, "requests");
  if (!value.contains("requests")) {
    reader.Problem(requests_pointer, "missing; the number of requests allowed per window is required");
  } else if (auto requests = reader.Count(value["requests"], requests_pointer, 1)) {
    limit.requests = static_cast<std::int64_t>(*requests);
  }

  const std::string seconds_pointer = JsonReader::Child(pointer, "perSeconds");
  if (!value.contains("perSeconds")) {
    reader.Problem(seconds_pointer, "missing; the window length in seconds is required");
  } else if (auto seconds = reader.Number(value["perSeconds"], seconds_pointer)) {
    if (!(*seconds >= 0.001 && *seconds <= 86400)) {
      reader.Problem(seconds_pointer, "must be between 0.001 and 86400 seconds, found " +
                                          value["perSeconds"].dump());
    } else {
      limit.period = static_cast<domain::Timestamp>(std::llround(*seconds * 1e6));
    }
  }

  if (value.contains("key")) {
    const std::string key_pointer = JsonReader::Child(pointer, "key");
    if (auto key = reader.String(value["key"], key_pointer)) {
      if (*key == "token") {
        limit.key = RateLimitKey::kToken;
      } else if (*key == "user") {
        limit.key = RateLimitKey::kUser;
      } else if (*key == "ip") {
        limit.key = RateLimitKey::kIp;
      } else if (*key == "global") {
        limit.key = RateLimitKey::kGlobal;
      } else {
        reader.Problem(key_pointer, "unknown key \"" + *key + "\"; expected token, user, ip or global");
      }
    }
  }
  action.rate_limit = limit;
}

void ParseDribble(JsonReader& reader, const json& value, const std::string& pointer,
                  Action& action) {
  if (!reader.ExpectObject(value, pointer)) return;
  reader.RejectUnknownKeys(value, pointer, {"chunks", "intervalMs"});
  if (value.contains("chunks")) {
    if (auto chunks = reader.Count(value["chunks"], JsonReader::Child(pointer, "chunks"), 1)) {
      action.dribble.chunks = static_cast<int>(std::min<std::uint64_t>(*chunks, 1'000'000));
    }
  }
  if (value.contains("intervalMs")) {
    const std::string interval_pointer = JsonReader::Child(pointer, "intervalMs");
    if (auto interval = reader.Count(value["intervalMs"], interval_pointer, 0)) {
      if (*interval > static_cast<std::uint64_t>(kMaxDelayMs)) {
        reader.Problem(interval_pointer, "must be at most " + std::to_string(kMaxDelayMs));
      } else {
        action.dribble.interval_ms = static_cast<int>(*interval);
      }
    }
  }
}

void ParseFault(JsonReader& reader, const json& value, const std::string& pointer, Action& action) {
  action.kind = Decision::Kind::kFault;
  std::string known;
  for (const auto& entry : kFaultNames) known += (known.empty() ? "" : ", ") + std::string(entry.name);

  if (value.is_object()) {
    if (value.size() != 1 || !value.contains("dribble")) {
      reader.Problem(pointer, "an object fault must be {\"dribble\": {\"chunks\": n, \"intervalMs\": t}}");
      return;
    }
    action.fault = NetworkFault::kDribble;
    ParseDribble(reader, value["dribble"], JsonReader::Child(pointer, "dribble"), action);
    return;
  }
  const auto name = reader.String(value, pointer);
  if (!name) return;
  for (const auto& entry : kFaultNames) {
    if (*name == entry.name) {
      action.fault = entry.fault;
      return;
    }
  }
  reader.Problem(pointer, "unknown fault \"" + *name + "\"; expected one of: " + known);
}

// A build outcome only affects the request that creates builds. On any other
// request the adapter would ignore it while the rule still counted a firing,
// so such rules are rejected.
bool OnlyMatchesBuildTriggers(const Match& match) {
  if (match.methods.size() != 1 || match.methods.front() != "POST") return false;
  if (!match.routes.empty()) {
    return std::all_of(match.routes.begin(), match.routes.end(),
                       [](const std::string& route) { return route == kTriggerBuildRoute; });
  }
  const std::string& path = match.path_glob;
  if (path.empty() || path.find_first_of("*?") != std::string::npos) return false;
  const auto route = RouteOfPath(path);
  return route && *route == kTriggerBuildRoute;
}

void ParseBuild(JsonReader& reader, const json& value, const std::string& pointer,
                const Match* match, Action& action) {
  action.kind = Decision::Kind::kBuild;
  if (match != nullptr && !OnlyMatchesBuildTriggers(*match)) {
    reader.Problem(pointer, std::string("a build outcome applies only to build triggers; set "
                                        "\"match\": {\"method\": \"POST\", \"route\": \"") +
                                kTriggerBuildRoute + "\"} (optionally with \"artifactId\")");
  }
  if (!reader.ExpectObject(value, pointer)) return;
  reader.RejectUnknownKeys(value, pointer, {"outcome", "atStatus", "afterSeconds", "log"});
  domain::BuildOutcome& outcome = action.build_outcome;

  const std::string outcome_pointer = JsonReader::Child(pointer, "outcome");
  if (!value.contains("outcome")) {
    reader.Problem(outcome_pointer, "missing; expected FAILED, CANCELLED or STALL");
  } else if (auto name = reader.String(value["outcome"], outcome_pointer)) {
    if (*name == "FAILED") {
      outcome.final_status = domain::BuildStatus::kFailed;
    } else if (*name == "CANCELLED") {
      outcome.final_status = domain::BuildStatus::kCancelled;
    } else if (*name == "STALL") {
      outcome.stall = true;
    } else {
      reader.Problem(outcome_pointer, "unknown outcome \"" + *name + "\"; expected FAILED, CANCELLED or STALL");
    }
  }

  if (value.contains("atStatus")) {
    const std::string status_pointer = JsonReader::Child(pointer, "atStatus");
    if (auto name = reader.String(value["atStatus"], status_pointer)) {
      const auto status = domain::ParseBuildStatus(*name);
      if (status == domain::BuildStatus::kPending || status == domain::BuildStatus::kInProgress ||
          status == domain::BuildStatus::kBuilt) {
        outcome.stop_during = *status;
      } else {
        reader.Problem(status_pointer, "unknown status \"" + *name + "\"; expected PENDING, IN_PROGRESS or BUILT");
      }
    }
  }

  if (value.contains("afterSeconds")) {
    const std::string after_pointer = JsonReader::Child(pointer, "afterSeconds");
    if (auto seconds = reader.Number(value["afterSeconds"], after_pointer)) {
      if (!(*seconds >= 0 && *seconds <= 86400)) {
        reader.Problem(after_pointer, "must be between 0 and 86400 seconds, found " + value["afterSeconds"].dump());
      } else {
        outcome.stop_after = static_cast<domain::Timestamp>(std::llround(*seconds * 1e6));
      }
    }
  }

  if (value.contains("log")) {
    if (auto log = reader.String(value["log"], JsonReader::Child(pointer, "log"))) {
      outcome.log_message = *log;
    }
  }
}

}  // namespace

std::optional<Action> ParseAction(JsonReader& reader, const json& value, const std::string& pointer,
                                  const Match* match) {
  if (!reader.ExpectObject(value, pointer)) return std::nullopt;
  std::vector<std::string> allowed = kActionKeys;
  allowed.insert(allowed.end(), kResponseKeys.begin(), kResponseKeys.end());
  reader.RejectUnknownKeys(value, pointer, allowed);
  const size_t problems_before = reader.problems().size();

  std::vector<std::string> present;
  for (const auto& key : kActionKeys) {
    if (value.contains(key)) present.push_back(key);
  }
  if (present.empty()) {
    reader.Problem(pointer, "no action; add exactly one of: status, delayMs, rateLimit, fault, build, passThrough");
    return std::nullopt;
  }
  if (present.size() > 1) {
    std::string names;
    for (const auto& key : present) names += (names.empty() ? "\"" : ", \"") + key + "\"";
    reader.Problem(pointer, "contains " + std::to_string(present.size()) + " actions (" + names +
                                "); a rule has exactly one action, so split it into several rules");
    return std::nullopt;
  }
  const std::string& kind = present.front();
  if (kind != "status") {
    for (const auto& key : kResponseKeys) {
      if (value.contains(key)) {
        reader.Problem(JsonReader::Child(pointer, key), "only allowed together with \"status\"");
      }
    }
  }

  Action action;
  const std::string where = JsonReader::Child(pointer, kind);
  if (kind == "status") {
    ParseRespond(reader, value, pointer, action);
  } else if (kind == "delayMs") {
    ParseDelay(reader, value[kind], where, action);
  } else if (kind == "rateLimit") {
    ParseRateLimit(reader, value[kind], where, action);
  } else if (kind == "fault") {
    ParseFault(reader, value[kind], where, action);
  } else if (kind == "build") {
    ParseBuild(reader, value[kind], where, match, action);
  } else if (value[kind] != json(true)) {
    reader.Problem(where, "must be true, found " + JsonReader::Describe(value[kind]));
  } else {
    action.kind = Decision::Kind::kPassThrough;
  }

  if (reader.problems().size() != problems_before) return std::nullopt;
  return action;
}

}  // namespace emulator::scenario
