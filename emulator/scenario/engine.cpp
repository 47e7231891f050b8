#include "scenario/engine.h"

#include <algorithm>
#include <unordered_map>

#include "scenario/random.h"
#include "scenario/rule_matcher.h"
#include "scenario/scenario.h"

namespace emulator::scenario {
namespace {

// Rate windows are kept per token, user or address. Past this many keys the
// expired windows are dropped, so a client cycling through tokens cannot grow
// the map without bound.
constexpr size_t kMaxRateWindows = 10'000;

struct RateWindow {
  domain::Timestamp start = 0;
  std::int64_t count = 0;
};

struct RuleState {
  std::uint64_t calls = 0;  // matching requests that reached the rule
  std::uint64_t fired = 0;
  SplitMix64 random;
  std::unordered_map<std::string, RateWindow> windows;
};

struct ActiveScenario {
  std::shared_ptr<const Scenario> scenario;
  domain::Timestamp loaded_at = 0;
  std::vector<RuleState> rules;
};

ActiveScenario Activate(std::shared_ptr<const Scenario> scenario, domain::Timestamp now) {
  ActiveScenario active;
  active.loaded_at = now;
  active.rules.resize(scenario->rules.size());
  for (size_t i = 0; i < active.rules.size(); ++i) {
    active.rules[i].random = SplitMix64(RuleSeed(scenario->seed, i));
  }
  active.scenario = std::move(scenario);
  return active;
}

// Applies the "when" conditions to call number `state.calls`. The random
// generator is consumed only when every other condition holds, so a rule's
// draws depend on its own call sequence and nothing else.
bool ConditionsHold(const When& when, RuleState& state, domain::Timestamp loaded_at,
                    domain::Timestamp now) {
  const std::uint64_t call = state.calls;
  if (when.from && now < when.from->Resolve(loaded_at)) return false;
  if (when.until && now >= when.until->Resolve(loaded_at)) return false;
  if (!when.nth.empty() && !std::binary_search(when.nth.begin(), when.nth.end(), call)) return false;
  if (when.first && call > *when.first) return false;
  if (when.after && call <= *when.after) return false;
  if (when.every && call % *when.every != 0) return false;
  if (when.times && state.fired >= *when.times) return false;
  if (when.probability) return state.random.NextUnit() < *when.probability;
  return true;
}

std::string RateKey(RateLimitKey key, const RequestFacts& request) {
  switch (key) {
    case RateLimitKey::kToken: return request.token;
    case RateLimitKey::kUser: return request.username;
    case RateLimitKey::kIp: return request.client_ip;
    case RateLimitKey::kGlobal: return "";
  }
  return "";
}

void DropExpiredWindows(RuleState& state, domain::Timestamp period, domain::Timestamp now) {
  for (auto it = state.windows.begin(); it != state.windows.end();) {
    it = now >= it->second.start + period ? state.windows.erase(it) : std::next(it);
  }
}

// Counts the request in its key's fixed window and returns whether it is
// within budget, filling the X-RateLimit-* headers either way. A window
// opens at the first request of its key and lasts `period`, so a client's
// budget does not depend on when the emulator started.
bool CountInWindow(const RateLimit& limit, RuleState& state, const RequestFacts& request,
                   domain::Timestamp now, Headers& headers, std::int64_t& reset_seconds) {
  if (state.windows.size() >= kMaxRateWindows) DropExpiredWindows(state, limit.period, now);
  RateWindow& window = state.windows[RateKey(limit.key, request)];
  if (window.count == 0 || now >= window.start + limit.period || now < window.start) {
    window.start = now;
    window.count = 0;
  }
  ++window.count;

  const domain::Timestamp until_reset = window.start + limit.period - now;
  reset_seconds = std::max<std::int64_t>(
      1, (until_reset + domain::kMicrosPerSecond - 1) / domain::kMicrosPerSecond);
  const std::int64_t remaining = std::max<std::int64_t>(0, limit.requests - window.count);
  headers = {{"X-RateLimit-Limit", std::to_string(limit.requests)},
             {"X-RateLimit-Remaining", std::to_string(remaining)},
             {"X-RateLimit-Reset", std::to_string(reset_seconds)}};
  return window.count <= limit.requests;
}

// Adds the headers whose names are not present yet: when two rate limits
// both pass a request, the earlier rule's numbers are reported.
void AddMissingHeaders(Headers& target, const Headers& extra) {
  for (const auto& header : extra) {
    const bool present = std::any_of(target.begin(), target.end(),
                                     [&](const auto& existing) { return existing.first == header.first; });
    if (!present) target.push_back(header);
  }
}

void ApplyAction(const Action& action, RuleState& state, Decision& decision) {
  decision.kind = action.kind;
  switch (action.kind) {
    case Decision::Kind::kRespond:
      decision.status = action.status;
      decision.headers = action.headers;
      decision.body = action.body;
      decision.raw_body = action.raw_body;
      break;
    case Decision::Kind::kDelay:
      decision.delay_ms = action.delay_min_ms == action.delay_max_ms
                              ? action.delay_min_ms
                              : state.random.NextInRange(action.delay_min_ms, action.delay_max_ms);
      break;
    case Decision::Kind::kFault:
      decision.fault = action.fault;
      decision.dribble = action.dribble;
      break;
    case Decision::Kind::kBuild:
      decision.build_outcome = action.build_outcome;
      break;
    case Decision::Kind::kNone:
    case Decision::Kind::kPassThrough:
      break;
  }
}

void FillRateLimited(const Headers& rate_headers, std::int64_t reset_seconds, Decision& decision) {
  decision.kind = Decision::Kind::kRespond;
  decision.status = 429;
  decision.headers = {{"Retry-After", std::to_string(reset_seconds)}};
  decision.headers.insert(decision.headers.end(), rate_headers.begin(), rate_headers.end());
  decision.body = nlohmann::json{{"detail", "Too Many Requests"}};
}

}  // namespace

struct ScenarioEngine::State {
  std::vector<std::shared_ptr<const Scenario>> initial;
  std::vector<ActiveScenario> active;  // in load order

  // Activates the initial scenarios afresh; a later one with a name already
  // taken replaces the earlier one in place.
  void ActivateInitial(domain::Timestamp now) {
    active.clear();
    for (const auto& scenario : initial) {
      if (ActiveScenario* existing = Find(scenario->name)) {
        *existing = Activate(scenario, now);
      } else {
        active.push_back(Activate(scenario, now));
      }
    }
  }

  ActiveScenario* Find(const std::string& name) {
    for (auto& active_scenario : active) {
      if (active_scenario.scenario->name == name) return &active_scenario;
    }
    return nullptr;
  }
};

ScenarioEngine::ScenarioEngine() : state_(std::make_unique<State>()) {}
ScenarioEngine::~ScenarioEngine() = default;

void ScenarioEngine::SetInitial(std::vector<std::shared_ptr<const Scenario>> scenarios,
                                domain::Timestamp now) {
  std::lock_guard<std::mutex> lock(mutex_);
  scenarios.erase(std::remove(scenarios.begin(), scenarios.end(), nullptr), scenarios.end());
  state_->initial = std::move(scenarios);
  state_->ActivateInitial(now);
}

bool ScenarioEngine::Add(std::shared_ptr<const Scenario> scenario, domain::Timestamp now,
                         bool replace) {
  if (!scenario) return false;
  std::lock_guard<std::mutex> lock(mutex_);
  if (ActiveScenario* existing = state_->Find(scenario->name)) {
    if (!replace) return false;
    *existing = Activate(std::move(scenario), now);
    return true;
  }
  state_->active.push_back(Activate(std::move(scenario), now));
  return true;
}

void ScenarioEngine::ReloadLoaded(std::shared_ptr<const Scenario> scenario, domain::Timestamp now) {
  if (!scenario) return;
  std::lock_guard<std::mutex> lock(mutex_);
  auto& initial = state_->initial;
  const auto same_name = [&](const std::shared_ptr<const Scenario>& loaded) {
    return loaded->name == scenario->name;
  };
  const auto found = std::find_if(initial.begin(), initial.end(), same_name);
  if (found != initial.end()) {
    *found = scenario;
  } else {
    initial.push_back(scenario);
  }
  if (ActiveScenario* existing = state_->Find(scenario->name)) {
    *existing = Activate(std::move(scenario), now);
  } else {
    state_->active.push_back(Activate(std::move(scenario), now));
  }
}

void ScenarioEngine::UnloadLoaded(const std::string& name) {
  std::lock_guard<std::mutex> lock(mutex_);
  auto& initial = state_->initial;
  initial.erase(std::remove_if(initial.begin(), initial.end(),
                               [&](const std::shared_ptr<const Scenario>& loaded) { return loaded->name == name; }),
                initial.end());
  auto& active = state_->active;
  active.erase(std::remove_if(active.begin(), active.end(),
                              [&](const ActiveScenario& entry) { return entry.scenario->name == name; }),
               active.end());
}

bool ScenarioEngine::Remove(const std::string& name) {
  std::lock_guard<std::mutex> lock(mutex_);
  auto& active = state_->active;
  const auto it = std::find_if(active.begin(), active.end(),
                               [&](const ActiveScenario& a) { return a.scenario->name == name; });
  if (it == active.end()) return false;
  active.erase(it);
  return true;
}

bool ScenarioEngine::ResetCounters(const std::string& name, domain::Timestamp now) {
  std::lock_guard<std::mutex> lock(mutex_);
  ActiveScenario* existing = state_->Find(name);
  if (existing == nullptr) return false;
  *existing = Activate(existing->scenario, now);
  return true;
}

void ScenarioEngine::Reset(domain::Timestamp now) {
  std::lock_guard<std::mutex> lock(mutex_);
  state_->ActivateInitial(now);
}

Decision ScenarioEngine::Decide(const RequestFacts& request, domain::Timestamp now) {
  Decision decision;
  std::lock_guard<std::mutex> lock(mutex_);
  for (ActiveScenario& active : state_->active) {
    const Scenario& scenario = *active.scenario;
    for (size_t i = 0; i < scenario.rules.size(); ++i) {
      const Rule& rule = scenario.rules[i];
      if (!RuleMatches(rule.match, request)) continue;
      RuleState& state = active.rules[i];
      ++state.calls;
      if (!ConditionsHold(rule.when, state, active.loaded_at, now)) continue;

      if (rule.action.rate_limit) {
        Headers rate_headers;
        std::int64_t reset_seconds = 0;
        if (CountInWindow(*rule.action.rate_limit, state, request, now, rate_headers,
                          reset_seconds)) {
          AddMissingHeaders(decision.extra_headers, rate_headers);
          continue;
        }
        FillRateLimited(rate_headers, reset_seconds, decision);
      } else {
        ApplyAction(rule.action, state, decision);
      }
      ++state.fired;
      decision.fired = FiredRule{scenario.name, i, rule.id};
      return decision;
    }
  }
  return decision;
}

nlohmann::json ScenarioEngine::Describe() const {
  std::lock_guard<std::mutex> lock(mutex_);
  nlohmann::json scenarios = nlohmann::json::array();
  for (const ActiveScenario& active : state_->active) {
    const Scenario& scenario = *active.scenario;
    nlohmann::json rules = nlohmann::json::array();
    for (size_t i = 0; i < scenario.rules.size(); ++i) {
      const Rule& rule = scenario.rules[i];
      rules.push_back({{"index", i},
                       {"id", rule.id},
                       {"match", rule.match_json},
                       {"when", rule.when_json},
                       {"then", rule.then_json},
                       {"calls", active.rules[i].calls},
                       {"fired", active.rules[i].fired}});
    }
    scenarios.push_back({{"name", scenario.name},
                         {"source", scenario.source},
                         {"description", scenario.description},
                         {"seed", scenario.seed},
                         {"loadedAt", domain::FormatRfc3339(active.loaded_at)},
                         {"rules", std::move(rules)}});
  }
  return scenarios;
}

std::map<std::string, std::uint64_t> ScenarioEngine::FiredCounts() const {
  std::lock_guard<std::mutex> lock(mutex_);
  std::map<std::string, std::uint64_t> counts;
  for (const ActiveScenario& active : state_->active) {
    for (size_t i = 0; i < active.rules.size(); ++i) {
      counts[active.scenario->rules[i].id] += active.rules[i].fired;
    }
  }
  return counts;
}

}  // namespace emulator::scenario
