#ifndef EMULATOR_UTIL_LOG_H_
#define EMULATOR_UTIL_LOG_H_

// A small leveled logger writing one line per event to stderr, as text or as
// JSON lines. Callers check Enabled() before building an expensive message.
//
// Thread safety: all functions may be called concurrently; lines never mix.

#include <optional>
#include <string>

namespace emulator::util {

enum class LogLevel { kDebug = 0, kInfo = 1, kWarn = 2, kError = 3 };
enum class LogFormat { kText, kJson };

std::optional<LogLevel> ParseLogLevel(const std::string& name);
std::optional<LogFormat> ParseLogFormat(const std::string& name);

void SetLogLevel(LogLevel level);
void SetLogFormat(LogFormat format);
bool LogEnabled(LogLevel level);
void Log(LogLevel level, const std::string& message);

}  // namespace emulator::util

#endif  // EMULATOR_UTIL_LOG_H_
