#ifndef EMULATOR_SEED_SEED_READER_H_
#define EMULATOR_SEED_SEED_READER_H_

#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace emulator::seed {

// Typed access to one JSON object of a seed file that records a problem, with
// the JSON pointer of the offending value, instead of throwing.
class SeedReader {
 public:
  explicit SeedReader(std::vector<std::string>& problems) : problems_(problems) {}

  void Problem(const std::string& pointer, const std::string& what) {
    problems_.push_back((pointer.empty() ? "/" : pointer) + ": " + what);
  }

  // Records every key of `object` outside `allowed`; a typo must not be
  // silently ignored.
  void RejectUnknownKeys(const nlohmann::json& object, const std::string& pointer,
                         const std::vector<std::string>& allowed);

  bool IsObject(const nlohmann::json& value, const std::string& pointer);

  std::optional<std::string> String(const nlohmann::json& object, const std::string& pointer,
                                    const std::string& key, bool required);
  std::optional<long long> Integer(const nlohmann::json& object, const std::string& pointer,
                                   const std::string& key, long long minimum);
  std::optional<double> Number(const nlohmann::json& object, const std::string& pointer,
                               const std::string& key, double minimum);
  std::optional<bool> Boolean(const nlohmann::json& object, const std::string& pointer,
                              const std::string& key);
  // An array member; returns an empty array when absent.
  nlohmann::json Array(const nlohmann::json& object, const std::string& pointer,
                       const std::string& key);
  std::vector<std::string> StringArray(const nlohmann::json& object, const std::string& pointer,
                                       const std::string& key);
  // An RFC 3339 timestamp, in microseconds.
  std::optional<long long> Time(const nlohmann::json& object, const std::string& pointer,
                                const std::string& key);
  // An id, which must have the 24-hex-digit shape of the service's ids.
  std::optional<std::string> Id(const nlohmann::json& object, const std::string& pointer);

  static std::string Child(const std::string& pointer, const std::string& key);
  static std::string Child(const std::string& pointer, size_t index);

 private:
  std::vector<std::string>& problems_;
};

}  // namespace emulator::seed

#endif  // EMULATOR_SEED_SEED_READER_H_
