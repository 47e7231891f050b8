#include "emulator_process.h"

#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstring>
#include <regex>

#include <catch2/catch.hpp>

namespace emulator::testing {
namespace {

// Starts the binary with stdout and stderr on a pipe; returns the pid.
pid_t Spawn(const std::vector<std::string>& args, const std::vector<std::string>& environment,
            int& output_fd) {
  int pipe_fds[2];
  REQUIRE(pipe(pipe_fds) == 0);
  const pid_t pid = fork();
  REQUIRE(pid >= 0);
  if (pid == 0) {
    dup2(pipe_fds[1], STDOUT_FILENO);
    dup2(pipe_fds[1], STDERR_FILENO);
    close(pipe_fds[0]);
    close(pipe_fds[1]);
    for (const auto& variable : environment) putenv(const_cast<char*>(variable.c_str()));
    std::vector<char*> argv;
    argv.push_back(const_cast<char*>(EMULATOR_BINARY));
    for (const auto& arg : args) argv.push_back(const_cast<char*>(arg.c_str()));
    argv.push_back(nullptr);
    execv(EMULATOR_BINARY, argv.data());
    _exit(127);
  }
  close(pipe_fds[1]);
  output_fd = pipe_fds[0];
  return pid;
}

// Reads what is available within `timeout_ms`; false at end of output.
bool ReadSome(int fd, std::string& out, int timeout_ms) {
  pollfd watch{fd, POLLIN, 0};
  if (poll(&watch, 1, timeout_ms) <= 0) return true;
  char buffer[4096];
  const ssize_t count = read(fd, buffer, sizeof buffer);
  if (count <= 0) return false;
  out.append(buffer, static_cast<size_t>(count));
  return true;
}

int ExitCodeOf(int status) {
  if (WIFEXITED(status)) return WEXITSTATUS(status);
  if (WIFSIGNALED(status)) return 128 + WTERMSIG(status);
  return -1;
}

}  // namespace

ProcessResult RunEmulator(const std::vector<std::string>& args, const std::vector<std::string>& environment,
                          int timeout_ms) {
  ProcessResult result;
  int fd = -1;
  const pid_t pid = Spawn(args, environment, fd);
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(timeout_ms);
  while (std::chrono::steady_clock::now() < deadline && ReadSome(fd, result.output, 50)) {
  }
  close(fd);
  int status = 0;
  if (waitpid(pid, &status, WNOHANG) == 0) {
    kill(pid, SIGKILL);
    waitpid(pid, &status, 0);
  }
  result.exit_code = ExitCodeOf(status);
  return result;
}

EmulatorProcess::EmulatorProcess(const std::vector<std::string>& args, const std::vector<std::string>& environment) {
  std::vector<std::string> all_args = args;
  all_args.push_back("--port");
  all_args.push_back("0");
  pid_ = Spawn(all_args, environment, output_fd_);

  // Log lines on stderr may come first; the start-up line is the one to find.
  std::string output;
  const std::regex listening(R"(artifact-emulator listening on http://127\.0\.0\.1:(\d+) [^\n]*)");
  std::smatch match;
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
  while (!std::regex_search(output, match, listening) && std::chrono::steady_clock::now() < deadline) {
    if (!ReadSome(output_fd_, output, 50)) break;
  }
  INFO(output);
  REQUIRE(std::regex_search(output, match, listening));
  startup_line_ = match[0];
  port_ = std::stoi(match[1]);
}

EmulatorProcess::~EmulatorProcess() {
  if (pid_ > 0) Stop(SIGKILL);
}

int EmulatorProcess::Stop(int signal) {
  if (pid_ <= 0) return -1;
  kill(pid_, signal);
  // Drain the output so the child never blocks on a full pipe.
  std::string ignored;
  int status = 0;
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
  while (waitpid(pid_, &status, WNOHANG) == 0) {
    if (std::chrono::steady_clock::now() > deadline) {
      kill(pid_, SIGKILL);
      waitpid(pid_, &status, 0);
      break;
    }
    ReadSome(output_fd_, ignored, 20);
  }
  close(output_fd_);
  pid_ = -1;
  return ExitCodeOf(status);
}

}  // namespace emulator::testing
