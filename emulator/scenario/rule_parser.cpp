#include "scenario/rule_parser.h"
#include "util/text.h"

#include <algorithm>
#include <cctype>
#include <cmath>

#include "scenario/route_table.h"

namespace emulator::scenario {
namespace {

using nlohmann::json;

const std::vector<std::string> kHttpMethods = {"GET",    "POST", "PUT",    "PATCH",
                                               "DELETE", "HEAD", "OPTIONS"};

std::string Lower(std::string text) { return util::ToLowerAscii(std::move(text)); }

std::string Upper(std::string text) {
  for (char& c : text) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return text;
}

void ParseMethods(JsonReader& reader, const json& value, const std::string& pointer, Match& match) {
  const auto methods = reader.StringOrList(value, pointer);
  if (!methods) return;
  for (size_t i = 0; i < methods->size(); ++i) {
    const std::string method = Upper((*methods)[i]);
    if (std::find(kHttpMethods.begin(), kHttpMethods.end(), method) == kHttpMethods.end()) {
      const std::string where = value.is_array() ? JsonReader::Child(pointer, i) : pointer;
      reader.Problem(where, "unknown HTTP method \"" + (*methods)[i] +
                                "\"; expected GET, POST, PUT, PATCH, DELETE, HEAD or OPTIONS");
      continue;
    }
    match.methods.push_back(method);
  }
}

void ParseRoutes(JsonReader& reader, const json& value, const std::string& pointer, Match& match) {
  const auto routes = reader.StringOrList(value, pointer);
  if (!routes) return;
  for (size_t i = 0; i < routes->size(); ++i) {
    const std::string& written = (*routes)[i];
    const std::string where = value.is_array() ? JsonReader::Child(pointer, i) : pointer;
    const auto canonical = CanonicalRoute(written);
    if (!canonical) {
      std::string hint;
      if (written.find('{') == std::string::npos) {
        hint = " To match a concrete path such as /api/v2/artifacts/abc, use \"path\".";
      }
      reader.Problem(where, "unknown route template \"" + written + "\"; expected one of: " +
                                KnownRouteList() + "." + hint);
      continue;
    }
    match.routes.push_back(*canonical);
  }
}

// A method list and a route list that can never meet would make the rule
// silently dead, which is always a mistake in the file.
void CheckMethodsServeRoutes(JsonReader& reader, const std::string& pointer, const Match& match) {
  if (match.methods.empty()) return;
  for (const auto& route : match.routes) {
    const bool served = std::any_of(match.methods.begin(), match.methods.end(),
                                    [&](const std::string& m) { return RouteServesMethod(route, m); });
    if (!served) {
      reader.Problem(JsonReader::Child(pointer, "route"),
                     "no request can match: " + route + " serves only " + MethodsOf(route));
    }
  }
}

std::optional<Match> ParseMatch(JsonReader& reader, const json& value, const std::string& pointer) {
  Match match;
  if (!reader.ExpectObject(value, pointer)) return std::nullopt;
  reader.RejectUnknownKeys(value, pointer,
                           {"method", "route", "path", "artifactId", "repositoryId", "buildId",
                            "token", "user", "clientIp", "header", "query"});
  const size_t problems_before = reader.problems().size();

  for (const auto& item : value.items()) {
    const std::string& key = item.key();
    const json& member = item.value();
    const std::string where = JsonReader::Child(pointer, key);
    if (key == "method") {
      ParseMethods(reader, member, where, match);
    } else if (key == "route") {
      ParseRoutes(reader, member, where, match);
    } else if (key == "path") {
      if (auto path = reader.String(member, where)) {
        const bool anchored = !path->empty() && (path->rfind(kApiPrefix, 0) == 0 ||
                                                 path->front() == '*' || path->front() == '?');
        if (!anchored) {
          reader.Problem(where, "must start with " + std::string(kApiPrefix) +
                                    " (paths are compared as received) or a wildcard, found \"" +
                                    *path + "\"");
        } else {
          match.path_glob = *path;
        }
      }
    } else if (key == "header" || key == "query") {
      if (auto entries = reader.StringMap(member, where)) {
        for (auto& [name, wanted] : *entries) {
          if (key == "header") {
            match.headers.emplace_back(Lower(name), wanted);
          } else {
            match.query.emplace_back(name, wanted);
          }
        }
      }
    } else if (auto text = reader.String(member, where)) {
      if (key == "artifactId") match.artifact_id = *text;
      if (key == "repositoryId") match.repository_id = *text;
      if (key == "buildId") match.build_id = *text;
      if (key == "token") match.token = *text;
      if (key == "user") match.username = *text;
      if (key == "clientIp") match.client_ip = *text;
    }
  }

  CheckMethodsServeRoutes(reader, pointer, match);
  if (reader.problems().size() != problems_before) return std::nullopt;
  return match;
}

std::optional<TimePoint> ParseTimePoint(JsonReader& reader, const json& value,
                                        const std::string& pointer) {
  const auto text = reader.String(value, pointer);
  if (!text) return std::nullopt;
  if (!text->empty() && text->front() == '+') {
    if (auto offset = ParseOffset(*text)) return TimePoint{true, *offset};
    reader.Problem(pointer, "invalid offset \"" + *text +
                                "\"; expected a number and a unit ms, s, m or h, e.g. \"+30s\"");
    return std::nullopt;
  }
  if (auto time = domain::ParseRfc3339(*text)) return TimePoint{false, *time};
  reader.Problem(pointer, "invalid time \"" + *text +
                              "\"; expected RFC 3339 (2026-01-31T12:00:00Z) or an offset from "
                              "load time (\"+30s\")");
  return std::nullopt;
}

std::optional<When> ParseWhen(JsonReader& reader, const json& value, const std::string& pointer) {
  When when;
  if (!reader.ExpectObject(value, pointer)) return std::nullopt;
  reader.RejectUnknownKeys(value, pointer, {"always", "nth", "first", "after", "every",
                                            "probability", "from", "until", "times"});
  const size_t problems_before = reader.problems().size();

  for (const auto& item : value.items()) {
    const std::string& key = item.key();
    const json& member = item.value();
    const std::string where = JsonReader::Child(pointer, key);
    if (key == "always") {
      if (member != json(true)) {
        reader.Problem(where, "must be true, found " + JsonReader::Describe(member) +
                                  "; remove the rule to disable it");
      }
    } else if (key == "nth") {
      if (!member.is_array() || member.empty()) {
        reader.Problem(where, "expected a non-empty array of call numbers, found " +
                                  JsonReader::Describe(member));
        continue;
      }
      for (size_t i = 0; i < member.size(); ++i) {
        if (auto n = reader.Count(member[i], JsonReader::Child(where, i), 1)) when.nth.push_back(*n);
      }
      std::sort(when.nth.begin(), when.nth.end());
    } else if (key == "first") {
      when.first = reader.Count(member, where, 1);
    } else if (key == "after") {
      when.after = reader.Count(member, where, 0);
    } else if (key == "every") {
      when.every = reader.Count(member, where, 1);
    } else if (key == "times") {
      when.times = reader.Count(member, where, 1);
    } else if (key == "probability") {
      const auto p = reader.Number(member, where);
      if (p && !(*p >= 0.0 && *p <= 1.0)) {
        reader.Problem(where, "must be between 0 and 1, found " + member.dump());
      } else {
        when.probability = p;
      }
    } else if (key == "from") {
      when.from = ParseTimePoint(reader, member, where);
    } else if (key == "until") {
      when.until = ParseTimePoint(reader, member, where);
    }
  }

  // Only two points of the same kind can be compared before load time.
  if (when.from && when.until && when.from->relative == when.until->relative &&
      when.until->value <= when.from->value) {
    reader.Problem(JsonReader::Child(pointer, "until"), "must be later than \"from\"");
  }
  if (reader.problems().size() != problems_before) return std::nullopt;
  return when;
}

}  // namespace

std::optional<domain::Timestamp> ParseOffset(const std::string& text) {
  if (text.size() < 3 || text.front() != '+') return std::nullopt;
  size_t unit_start = 1;
  while (unit_start < text.size() &&
         (std::isdigit(static_cast<unsigned char>(text[unit_start])) || text[unit_start] == '.')) {
    ++unit_start;
  }
  const std::string number = text.substr(1, unit_start - 1);
  const std::string unit = text.substr(unit_start);
  if (number.empty() || number.front() == '.' || number.back() == '.' ||
      std::count(number.begin(), number.end(), '.') > 1) {
    return std::nullopt;
  }

  double micros_per_unit = 0;
  if (unit == "ms") {
    micros_per_unit = 1e3;
  } else if (unit == "s") {
    micros_per_unit = 1e6;
  } else if (unit == "m") {
    micros_per_unit = 60e6;
  } else if (unit == "h") {
    micros_per_unit = 3600e6;
  } else {
    return std::nullopt;
  }
  const double micros = std::stod(number) * micros_per_unit;
  // More than a year ahead is a typo, and the bound keeps the cast defined.
  if (micros > 366.0 * 24 * 3600e6) return std::nullopt;
  return static_cast<domain::Timestamp>(std::llround(micros));
}

std::optional<Rule> ParseRule(JsonReader& reader, const json& value, const std::string& pointer,
                              const std::string& scenario_name, size_t index) {
  if (!reader.ExpectObject(value, pointer)) return std::nullopt;
  reader.RejectUnknownKeys(value, pointer, {"id", "description", "match", "when", "then"});
  const size_t problems_before = reader.problems().size();

  Rule rule;
  rule.id = scenario_name + "#" + std::to_string(index);
  if (value.contains("id")) {
    if (auto id = reader.String(value["id"], JsonReader::Child(pointer, "id"))) {
      if (id->empty()) {
        reader.Problem(JsonReader::Child(pointer, "id"), "must not be empty");
      } else {
        rule.id = *id;
      }
    }
  }
  if (value.contains("description")) {
    reader.String(value["description"], JsonReader::Child(pointer, "description"));
  }

  std::optional<Match> match = Match{};
  if (value.contains("match")) {
    rule.match_json = value["match"];
    match = ParseMatch(reader, value["match"], JsonReader::Child(pointer, "match"));
  }
  if (value.contains("when")) {
    rule.when_json = value["when"];
    if (auto when = ParseWhen(reader, value["when"], JsonReader::Child(pointer, "when"))) {
      rule.when = *when;
    }
  }
  if (!value.contains("then")) {
    reader.Problem(JsonReader::Child(pointer, "then"),
                   "missing; every rule needs a \"then\" with one action");
  } else {
    rule.then_json = value["then"];
    const Match* parsed_match = match ? &*match : nullptr;
    if (auto action =
            ParseAction(reader, value["then"], JsonReader::Child(pointer, "then"), parsed_match)) {
      rule.action = *action;
    }
  }

  if (reader.problems().size() != problems_before || !match) return std::nullopt;
  rule.match = *match;
  return rule;
}

}  // namespace emulator::scenario
