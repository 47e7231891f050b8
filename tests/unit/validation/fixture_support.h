#ifndef TESTS_UNIT_VALIDATION_FIXTURE_SUPPORT_H_
#define TESTS_UNIT_VALIDATION_FIXTURE_SUPPORT_H_

// Loading of the fixtures that tools/pydantic_reference/generate_fixtures.py
// writes from pydantic's own answers.

#include <fstream>
#include <sstream>
#include <stdexcept>
#include <string>

#include <nlohmann/json.hpp>

namespace emulator::validation::testing {

inline nlohmann::json LoadFixture(const std::string& file_name) {
  std::string path = std::string(TEST_DATA_DIR) + "/validation/" + file_name;
  std::ifstream stream(path);
  if (!stream) throw std::runtime_error("cannot open fixture file " + path);
  std::stringstream text;
  text << stream.rdbuf();
  return nlohmann::json::parse(text.str());
}

inline std::string FromHex(const std::string& hex) {
  std::string bytes;
  for (std::size_t i = 0; i + 1 < hex.size(); i += 2) {
    bytes.push_back(static_cast<char>(std::stoi(hex.substr(i, 2), nullptr, 16)));
  }
  return bytes;
}

}  // namespace emulator::validation::testing

#endif  // TESTS_UNIT_VALIDATION_FIXTURE_SUPPORT_H_
