// artifact-emulator: parses options, loads the seed, the state file and the
// scenarios, and serves until SIGINT or SIGTERM.
#include <pthread.h>
#include <unistd.h>
#include <signal.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <mutex>
#include <memory>
#include <sstream>
#include <thread>

#include <boost/program_options.hpp>

#include "control/control_plane.h"
#include "domain/clock.h"
#include "domain/store.h"
#include "http/server.h"
#include "journal/metrics.h"
#include "journal/request_journal.h"
#include "scenario/engine.h"
#include "scenario/watcher.h"
#include "seed/seed_loader.h"
#include "seed/state_file.h"
#include "util/log.h"

namespace po = boost::program_options;
using emulator::util::Log;
using emulator::util::LogLevel;

namespace {

constexpr int kExitUsage = 2;
constexpr const char* kEnvironmentPrefix = "ARTIFACT_EMULATOR_";

struct Options {
  emulator::http::ServerOptions server;
  std::string seed_file;
  std::string log_level = "info";
  std::string log_format = "text";
  std::string clock_mode = "real";
  std::string start_time;
  long long id_seed = 0;  // used only when the option is given
  std::string admin_token;
  long long journal_size = 10000;
  long long journal_body_bytes = 8192;
  long long max_body_bytes = 1 << 20;
  std::string state_file;
  int persist_interval = 5;
  std::string on_bad_state_file = "fail";
  std::vector<std::string> scenario_paths;
  bool watch = false;
};

po::options_description Describe(Options& options) {
  po::options_description description("Options (each also read from ARTIFACT_EMULATOR_<OPTION>, "
                                      "e.g. ARTIFACT_EMULATOR_PORT; the command line wins)");
  auto& server = options.server;
  description.add_options()
      ("help", "print this help and exit")
      ("version", "print the version and exit")
      ("host", po::value(&server.host)->default_value(server.host), "address to listen on")
      ("port", po::value(&server.port)->default_value(server.port), "TCP port; 0 picks any free port")
      ("seed", po::value(&options.seed_file), "seed file (JSON) to load instead of the built-in seed")
      ("public-url", po::value(&server.public_url),
       "base URL of next/previous links, e.g. https://emulator.example.com; by default taken per "
       "request from Forwarded or X-Forwarded-Proto/X-Forwarded-Host, else Host")
      ("threads", po::value(&server.threads)->default_value(server.threads),
       "worker threads, i.e. connections served at once")
      ("max-body-bytes", po::value(&options.max_body_bytes)->default_value(options.max_body_bytes),
       "largest request body accepted, in bytes; larger ones get 413")
      ("log-level", po::value(&options.log_level)->default_value(options.log_level),
       "error, warn, info or debug")
      ("log-format", po::value(&options.log_format)->default_value(options.log_format),
       "text or json (one JSON object per line)")
      ("clock", po::value(&options.clock_mode)->default_value(options.clock_mode),
       "real, or virtual: time stands still until moved through /_emulator/clock")
      ("start-time", po::value(&options.start_time),
       "RFC 3339 time a virtual clock starts at; default: the first whole hour after the "
       "latest timestamp of the seed (and state file)")
      ("id-seed", po::value(&options.id_seed),
       "seed of the id generator, replacing the seed file's idSeed")
      ("admin-token", po::value(&options.admin_token),
       "token the /_emulator/ routes require (as Authorization: Bearer), except health, ready and "
       "the OpenAPI documents; by default they are open")
      ("journal-size", po::value(&options.journal_size)->default_value(options.journal_size),
       "requests kept in the request journal; the oldest are dropped")
      ("journal-body-bytes", po::value(&options.journal_body_bytes)->default_value(options.journal_body_bytes),
       "request body bytes kept per journal entry")
      ("state-file", po::value(&options.state_file),
       "keep the world in this file: loaded at start if it exists, saved on shutdown and "
       "every --persist-interval seconds when it changed")
      ("persist-interval", po::value(&options.persist_interval)->default_value(options.persist_interval),
       "seconds between state file saves; 0 saves only on shutdown")
      ("on-bad-state-file", po::value(&options.on_bad_state_file)->default_value(options.on_bad_state_file),
       "fail (refuse to start) or seed (start from the seed, with a warning)")
      ("scenario", po::value(&options.scenario_paths)->composing(),
       "scenario file, or directory of *.json scenario files; repeatable")
      ("watch", po::bool_switch(&options.watch), "reload scenario files when they change")
      ("max-hang-seconds", po::value(&server.max_hang_seconds)->default_value(server.max_hang_seconds),
       "longest a hang fault keeps a connection open, in seconds");
  return description;
}

// Maps ARTIFACT_EMULATOR_PUBLIC_URL to "public-url"; other variables to "".
std::string EnvironmentToOption(const po::options_description& description, const std::string& name) {
  const std::string prefix = kEnvironmentPrefix;
  if (name.compare(0, prefix.size(), prefix) != 0) return "";
  std::string option = name.substr(prefix.size());
  for (auto& c : option) c = c == '_' ? '-' : static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return description.find_nothrow(option, false) ? option : "";
}

bool ReadFile(const std::string& path, std::string& text) {
  std::ifstream file(path, std::ios::binary);
  if (!file) return false;
  std::ostringstream buffer;
  buffer << file.rdbuf();
  text = buffer.str();
  return true;
}

int Usage(const std::string& message) {
  std::cerr << "artifact-emulator: " << message << "\n";
  return kExitUsage;
}

// Checks the options that Boost cannot; returns an empty string when valid.
std::string CheckOptions(const Options& options) {
  if (!emulator::util::ParseLogLevel(options.log_level)) {
    return "invalid value for option '--log-level': '" + options.log_level + "'; use error, warn, info or debug";
  }
  if (!emulator::util::ParseLogFormat(options.log_format)) {
    return "invalid value for option '--log-format': '" + options.log_format + "'; use text or json";
  }
  if (options.server.port < 0 || options.server.port > 65535) {
    return "invalid value for option '--port': " + std::to_string(options.server.port) + "; use 0 to 65535";
  }
  if (options.server.threads < 1 || options.server.threads > 4096) {
    return "invalid value for option '--threads': " + std::to_string(options.server.threads) + "; use 1 to 4096";
  }
  if (options.clock_mode != "real" && options.clock_mode != "virtual") {
    return "invalid value for option '--clock': '" + options.clock_mode + "'; use real or virtual";
  }
  if (!options.start_time.empty() && !emulator::domain::ParseRfc3339(options.start_time)) {
    return "invalid value for option '--start-time': '" + options.start_time +
           "'; use an RFC 3339 time such as 2026-12-04T10:00:00Z";
  }
  if (options.on_bad_state_file != "fail" && options.on_bad_state_file != "seed") {
    return "invalid value for option '--on-bad-state-file': '" + options.on_bad_state_file + "'; use fail or seed";
  }
  if (options.persist_interval < 0) return "invalid value for option '--persist-interval': use 0 or more seconds";
  if (options.server.max_hang_seconds < 0) return "invalid value for option '--max-hang-seconds': use 0 or more";
  if (options.journal_size < 0 || options.journal_size > 10'000'000) {
    return "invalid value for option '--journal-size': use 0 to 10000000 entries";
  }
  if (options.journal_body_bytes < 0 || options.journal_body_bytes > (1LL << 30)) {
    return "invalid value for option '--journal-body-bytes': use 0 to 1073741824 bytes";
  }
  if (options.max_body_bytes < 1 || options.max_body_bytes > (1LL << 32)) {
    return "invalid value for option '--max-body-bytes': use 1 to 4294967296 bytes";
  }
  const std::string& url = options.server.public_url;
  if (!url.empty() && url.rfind("http://", 0) != 0 && url.rfind("https://", 0) != 0) {
    return "invalid value for option '--public-url': '" + url + "'; use an absolute URL such as https://emulator.example.com";
  }
  return "";
}

}  // namespace

int main(int argc, char** argv) {
  Options options;
  const po::options_description description = Describe(options);
  po::variables_map values;
  try {
    po::store(po::parse_command_line(argc, argv, description), values);
    po::store(po::parse_environment(description,
                                    [&](const std::string& name) { return EnvironmentToOption(description, name); }),
              values);
    po::notify(values);
  } catch (const po::error& error) {
    return Usage(std::string(error.what()) + "\nRun with --help to see the options.");
  }
  if (values.count("help")) {
    std::cout << "Usage: artifact-emulator [options]\n\n" << description << "\n";
    return 0;
  }
  if (values.count("version")) {
    std::cout << "artifact-emulator " << ARTIFACT_EMULATOR_VERSION << "\n";
    return 0;
  }
  if (const std::string problem = CheckOptions(options); !problem.empty()) return Usage(problem);
  for (char** variable = environ; *variable != nullptr; ++variable) {
    const std::string entry = *variable;
    const std::string name = entry.substr(0, entry.find('='));
    if (name.rfind(kEnvironmentPrefix, 0) == 0 && EnvironmentToOption(description, name).empty()) {
      Log(LogLevel::kWarn, "Ignoring the environment variable " + name + ", which names no option; see --help");
    }
  }
  emulator::util::SetLogLevel(*emulator::util::ParseLogLevel(options.log_level));
  emulator::util::SetLogFormat(*emulator::util::ParseLogFormat(options.log_format));

  // The seed is the world a reset returns to.
  if (values.count("id-seed") && options.id_seed < 0) return Usage("invalid value for option '--id-seed': use 0 or more");
  const std::optional<std::uint64_t> id_seed =
      values.count("id-seed") ? std::optional<std::uint64_t>(options.id_seed) : std::nullopt;
  options.server.max_body_bytes = static_cast<std::size_t>(options.max_body_bytes);
  emulator::seed::SeedLoadResult seed;
  std::string seed_name = "<built-in seed>";
  if (options.seed_file.empty()) {
    seed = emulator::seed::LoadDefaultSeed(id_seed);
  } else {
    seed_name = options.seed_file;
    std::string text;
    if (!ReadFile(options.seed_file, text)) {
      return Usage("cannot read seed file '" + options.seed_file + "' given by option '--seed'");
    }
    seed = emulator::seed::LoadSeed(text, options.seed_file, id_seed);
  }
  if (!seed.world) {
    for (const auto& problem : seed.problems) std::cerr << problem << "\n";
    return Usage("the seed has " + std::to_string(seed.problems.size()) + " problem(s); fix them and start again");
  }

  // A state file, when present, contains the world to continue from.
  std::optional<emulator::domain::World> saved_world;
  if (!options.state_file.empty() && std::filesystem::exists(options.state_file)) {
    std::string text;
    emulator::seed::SeedLoadResult state;
    if (!ReadFile(options.state_file, text)) {
      state.problems.push_back(options.state_file + ": the file cannot be read");
    } else {
      state = emulator::seed::LoadSeed(text, options.state_file);
    }
    if (state.world) {
      saved_world = std::move(state.world);
    } else if (options.on_bad_state_file == "seed") {
      for (const auto& problem : state.problems) Log(LogLevel::kWarn, problem);
      Log(LogLevel::kWarn, "The state file " + options.state_file +
                               " is invalid; starting from the seed because of --on-bad-state-file seed. "
                               "The file will be overwritten at the next save");
    } else {
      for (const auto& problem : state.problems) std::cerr << problem << "\n";
      return Usage("the state file '" + options.state_file +
                   "' is invalid; fix or remove it, or start with --on-bad-state-file seed");
    }
  }

  // The clock.
  emulator::domain::Clock clock;
  emulator::control::ClockStart clock_start;
  clock_start.virtual_mode = options.clock_mode == "virtual";
  if (options.start_time.empty()) {
    // The first whole hour after everything the world holds, so that new
    // resources are the newest and no update predates its creation.
    constexpr emulator::domain::Timestamp kHour = 3600 * emulator::domain::kMicrosPerSecond;
    emulator::domain::Timestamp latest = seed.world->LatestTimestamp();
    if (saved_world) latest = std::max(latest, saved_world->LatestTimestamp());
    clock_start.start = (latest / kHour + 1) * kHour;
  } else {
    clock_start.start = *emulator::domain::ParseRfc3339(options.start_time);
  }
  if (clock_start.virtual_mode) clock.SetVirtual(clock_start.start);

  // Scenarios from files and from the seed; any problem stops the start.
  std::vector<std::shared_ptr<const emulator::scenario::Scenario>> scenarios;
  std::vector<std::string> scenario_problems;
  std::map<std::string, std::string> scenario_sources;  // name -> where it was defined
  const auto take = [&](emulator::scenario::ParseResult parsed, const std::string& source) {
    scenario_problems.insert(scenario_problems.end(), parsed.problems.begin(), parsed.problems.end());
    if (!parsed.scenario) return;
    const std::string name = emulator::scenario::ScenarioName(*parsed.scenario);
    const auto [earlier, added] = scenario_sources.emplace(name, source);
    if (!added) {
      scenario_problems.push_back(source + ": /name: scenario '" + name + "' is already defined by " +
                                  earlier->second + "; give each scenario its own name");
      return;
    }
    scenarios.push_back(parsed.scenario);
  };
  for (const auto& path : options.scenario_paths) {
    for (auto& parsed : emulator::scenario::LoadScenarioPath(path)) take(std::move(parsed), path);
  }
  for (size_t i = 0; i < seed.scenarios.size(); ++i) {
    const std::string source = seed_name + "/scenarios/" + std::to_string(i);
    take(emulator::scenario::ParseScenario(seed.scenarios[i], source), source);
  }
  if (!scenario_problems.empty()) {
    for (const auto& problem : scenario_problems) std::cerr << problem << "\n";
    return Usage("the scenarios have " + std::to_string(scenario_problems.size()) +
                 " problem(s); fix them and start again");
  }

  // Block the stop signals in every thread; one thread waits for them.
  sigset_t stop_signals;
  sigemptyset(&stop_signals);
  sigaddset(&stop_signals, SIGINT);
  sigaddset(&stop_signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &stop_signals, nullptr);

  emulator::domain::Store store(std::move(*seed.world), clock);
  if (saved_world) store.Replace(std::move(*saved_world));
  emulator::journal::RequestJournal journal(static_cast<std::size_t>(options.journal_size),
                                            static_cast<std::size_t>(options.journal_body_bytes));
  emulator::journal::Metrics metrics;
  emulator::scenario::ScenarioEngine engine;
  const size_t scenario_count = scenarios.size();
  engine.SetInitial(std::move(scenarios), clock.Now());
  emulator::control::ControlPlane plane(store, clock, journal, metrics, engine, clock_start, options.admin_token);

  emulator::http::EmulatorServer server(options.server, plane);
  const int port = server.Bind();
  if (port < 0) {
    return Usage("cannot listen on " + options.server.host + ":" + std::to_string(options.server.port) +
                 "; the port is in use or the address is not local (change --host or --port)");
  }

  std::unique_ptr<emulator::seed::StatePersister> persister;
  if (!options.state_file.empty()) {
    persister = std::make_unique<emulator::seed::StatePersister>(store, options.state_file, options.persist_interval);
    persister->Start();
  }
  // A watched file that fails to reload makes /_emulator/ready return 503
  // until it parses again; the previous version keeps serving meanwhile.
  std::mutex failed_reloads_mutex;
  std::map<std::string, std::string> failed_reloads;  // file -> first problem, guarded by the mutex
  // REQUIRES: failed_reloads_mutex held.
  const auto update_readiness = [&] {
    if (failed_reloads.empty()) {
      plane.SetReady(true);
    } else {
      plane.SetReady(false, "A watched scenario file failed to reload (the previous version is serving): " +
                                failed_reloads.begin()->second);
    }
  };
  std::unique_ptr<emulator::scenario::ScenarioWatcher> watcher;
  if (options.watch && !options.scenario_paths.empty()) {
    watcher = std::make_unique<emulator::scenario::ScenarioWatcher>(
        options.scenario_paths, std::chrono::milliseconds(500),
        [&](const std::string& file, std::shared_ptr<const emulator::scenario::Scenario> scenario) {
          const std::string name = emulator::scenario::ScenarioName(*scenario);
          engine.ReloadLoaded(std::move(scenario), clock.Now());
          Log(LogLevel::kInfo, "Reloaded scenario '" + name + "' from " + file);
          std::lock_guard<std::mutex> lock(failed_reloads_mutex);
          failed_reloads.erase(file);
          update_readiness();
        },
        [&](const std::string& file, const std::string& name) {
          engine.UnloadLoaded(name);
          Log(LogLevel::kInfo, "Removed scenario '" + name + "' because " + file + " no longer defines it");
          std::lock_guard<std::mutex> lock(failed_reloads_mutex);
          failed_reloads.erase(file);
          update_readiness();
        },
        [&](const std::string& file, const std::string& problem) {
          std::lock_guard<std::mutex> lock(failed_reloads_mutex);
          failed_reloads[file] = problem;
          update_readiness();
        });
    watcher->Start();
  }
  {
    std::lock_guard<std::mutex> lock(failed_reloads_mutex);
    update_readiness();
  }

  const auto counts = store.Counts();
  std::cout << "artifact-emulator listening on http://" << options.server.host << ":" << port << " with "
            << counts.users << " users, " << counts.repositories << " repositories, " << counts.artifacts
            << " artifacts and " << counts.builds << " builds from "
            << (saved_world ? options.state_file : seed_name);
  if (scenario_count > 0) std::cout << " and " << scenario_count << " scenario(s)";
  std::cout << std::endl;

  std::thread signal_watcher([&] {
    int received = 0;
    sigwait(&stop_signals, &received);
    Log(LogLevel::kInfo, std::string("Received ") + (received == SIGINT ? "SIGINT" : "SIGTERM") + "; stopping");
    server.Stop();
  });

  const bool served = server.Listen();
  if (watcher) watcher->Stop();
  if (persister) persister->Stop();
  if (!served) {
    Log(LogLevel::kError, "The server stopped unexpectedly");
    signal_watcher.detach();
    return 1;
  }
  signal_watcher.join();
  Log(LogLevel::kInfo, "Stopped cleanly");
  return 0;
}
