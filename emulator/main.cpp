// artifact-emulator: parses options, loads the seed and serves until a
// SIGINT or SIGTERM.
#include <pthread.h>
#include <signal.h>

#include <cstdio>
#include <fstream>
#include <iostream>
#include <sstream>
#include <thread>

#include <boost/program_options.hpp>

#include "domain/clock.h"
#include "domain/store.h"
#include "http/server.h"
#include "seed/seed_loader.h"
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
       "request from X-Forwarded-Proto/X-Forwarded-Host, else Host")
      ("threads", po::value(&server.threads)->default_value(server.threads),
       "worker threads, i.e. connections served at once")
      ("max-body-bytes", po::value(&server.max_body_bytes)->default_value(server.max_body_bytes),
       "largest request body accepted, in bytes; larger ones get 413")
      ("log-level", po::value(&options.log_level)->default_value(options.log_level),
       "error, warn, info or debug")
      ("log-format", po::value(&options.log_format)->default_value(options.log_format),
       "text or json (one JSON object per line)");
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

std::string ReadFile(const std::string& path, bool& ok) {
  std::ifstream file(path, std::ios::binary);
  ok = static_cast<bool>(file);
  std::ostringstream text;
  text << file.rdbuf();
  return text.str();
}

}  // namespace

int main(int argc, char** argv) {
  Options options;
  const po::options_description description = Describe(options);
  po::variables_map values;
  try {
    po::store(po::parse_command_line(argc, argv, description), values);
    po::store(po::parse_environment(description,
                                    [&](const std::string& name) {
                                      return EnvironmentToOption(description, name);
                                    }),
              values);
    po::notify(values);
  } catch (const po::error& error) {
    std::cerr << "artifact-emulator: " << error.what() << "\nRun with --help to see the options.\n";
    return kExitUsage;
  }
  if (values.count("help")) {
    std::cout << "Usage: artifact-emulator [options]\n\n" << description << "\n";
    return 0;
  }
  if (values.count("version")) {
    std::cout << "artifact-emulator " << ARTIFACT_EMULATOR_VERSION << "\n";
    return 0;
  }

  const auto level = emulator::util::ParseLogLevel(options.log_level);
  const auto format = emulator::util::ParseLogFormat(options.log_format);
  if (!level || !format) {
    std::cerr << "artifact-emulator: invalid value for option '--"
              << (!level ? "log-level" : "log-format") << "': '"
              << (!level ? options.log_level : options.log_format) << "'; use "
              << (!level ? "error, warn, info or debug" : "text or json") << "\n";
    return kExitUsage;
  }
  if (options.server.port < 0 || options.server.port > 65535) {
    std::cerr << "artifact-emulator: invalid value for option '--port': " << options.server.port
              << "; use 0 to 65535\n";
    return kExitUsage;
  }
  if (options.server.threads < 1 || options.server.threads > 4096) {
    std::cerr << "artifact-emulator: invalid value for option '--threads': " << options.server.threads
              << "; use 1 to 4096\n";
    return kExitUsage;
  }
  emulator::util::SetLogLevel(*level);
  emulator::util::SetLogFormat(*format);

  // Load the seed before anything is served.
  emulator::seed::SeedLoadResult seed;
  std::string seed_name = "<built-in seed>";
  if (options.seed_file.empty()) {
    seed = emulator::seed::LoadDefaultSeed();
  } else {
    seed_name = options.seed_file;
    bool readable = false;
    const std::string text = ReadFile(options.seed_file, readable);
    if (!readable) {
      std::cerr << "artifact-emulator: cannot read seed file '" << options.seed_file
                << "' given by option '--seed'\n";
      return kExitUsage;
    }
    seed = emulator::seed::LoadSeed(text, options.seed_file);
  }
  if (!seed.world) {
    for (const auto& problem : seed.problems) std::cerr << problem << "\n";
    std::cerr << "artifact-emulator: the seed has " << seed.problems.size()
              << " problem(s); fix them and start again\n";
    return kExitUsage;
  }

  // Block the stop signals in every thread; one thread waits for them.
  sigset_t stop_signals;
  sigemptyset(&stop_signals);
  sigaddset(&stop_signals, SIGINT);
  sigaddset(&stop_signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &stop_signals, nullptr);

  emulator::domain::Clock clock;
  emulator::domain::Store store(std::move(*seed.world), clock);
  emulator::http::EmulatorServer server(options.server, store, clock);
  const int port = server.Bind();
  if (port < 0) {
    std::cerr << "artifact-emulator: cannot listen on " << options.server.host << ":"
              << options.server.port << "; the port is in use or the address is not local "
              << "(change --host or --port)\n";
    return 1;
  }
  server.SetReady(true);

  const auto counts = store.Counts();
  std::cout << "artifact-emulator listening on http://" << options.server.host << ":" << port
            << " with " << counts.users << " users, " << counts.repositories << " repositories, "
            << counts.artifacts << " artifacts and " << counts.builds << " builds from "
            << seed_name << std::endl;

  std::thread signal_watcher([&] {
    int received = 0;
    sigwait(&stop_signals, &received);
    Log(LogLevel::kInfo, std::string("Received ") + (received == SIGINT ? "SIGINT" : "SIGTERM") +
                             "; stopping");
    server.Stop();
  });

  const bool served = server.Listen();
  if (!served) {
    Log(LogLevel::kError, "The server stopped unexpectedly");
    signal_watcher.detach();
    return 1;
  }
  signal_watcher.join();
  Log(LogLevel::kInfo, "Stopped cleanly");
  return 0;
}
