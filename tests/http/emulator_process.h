#ifndef EMULATOR_TESTS_HTTP_EMULATOR_PROCESS_H_
#define EMULATOR_TESTS_HTTP_EMULATOR_PROCESS_H_

// The artifact-emulator binary run as a child process, for what only a real
// process shows: options, exit codes, signals and state files.

#include <sys/types.h>

#include <string>
#include <vector>

namespace emulator::testing {

struct ProcessResult {
  int exit_code = -1;
  std::string output;  // stdout and stderr together
};

// Runs the binary to completion (killed after `timeout_ms`).
ProcessResult RunEmulator(const std::vector<std::string>& args,
                          const std::vector<std::string>& environment = {}, int timeout_ms = 10000);

class EmulatorProcess {
 public:
  // Starts the binary with `args` plus --port 0 and waits for its start-up
  // line; fails the test if it does not appear within 10 seconds.
  explicit EmulatorProcess(const std::vector<std::string>& args,
                           const std::vector<std::string>& environment = {});
  ~EmulatorProcess();

  int port() const { return port_; }
  const std::string& startup_line() const { return startup_line_; }
  // Sends `signal` and returns the exit code (128 + signal when killed).
  int Stop(int signal);

 private:
  pid_t pid_ = -1;
  int output_fd_ = -1;
  int port_ = -1;
  std::string startup_line_;
};

}  // namespace emulator::testing

#endif  // EMULATOR_TESTS_HTTP_EMULATOR_PROCESS_H_
