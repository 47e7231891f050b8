// The JSON reader against messages and positions taken from Python 3.11's
// json.loads; the body fixtures check the same through ValidateBody.
#include <string>

#include <catch2/catch.hpp>

#include "validation/python_json.h"

namespace emulator::validation {
namespace {

using Status = PythonJsonResult::Status;

struct DecodeCase {
  std::string text;
  std::string message;
  std::size_t position;
};

}  // namespace

TEST_CASE("python json reader reports Python's decode errors", "[validation]") {
  const DecodeCase cases[] = {
      {"", "Expecting value", 0},
      {" ", "Expecting value", 1},
      {"{", "Expecting property name enclosed in double quotes", 1},
      {"[", "Expecting value", 1},
      {"{\"a\"", "Expecting ':' delimiter", 4},
      {"{\"a\":1", "Expecting ',' delimiter", 6},
      {"{\"a\":1,}", "Expecting property name enclosed in double quotes", 7},
      {"[1,]", "Expecting value", 3},
      {"[1 2]", "Expecting ',' delimiter", 3},
      {"{'a':1}", "Expecting property name enclosed in double quotes", 1},
      {"\"abc", "Unterminated string starting at", 0},
      {"\"a\\x\"", "Invalid \\escape", 2},
      {"\"a\\u12\"", "Invalid \\uXXXX escape", 3},
      {"\"\\u1234", "Invalid \\uXXXX escape", 2},
      {"\"\\ud800\\u12\"", "Invalid \\uXXXX escape", 8},
      {"\"a\tb\"", "Invalid control character at", 2},
      {"{} {}", "Extra data", 3},
      {"01", "Extra data", 1},
      {"1.", "Extra data", 1},
      {"-a", "Expecting value", 0},
      {"tru", "Expecting value", 0},
      {"{\"\xC3\xA9\":x}", "Expecting value", 5},
  };

  for (const auto& c : cases) {
    INFO("text: " << c.text);
    PythonJsonResult result = ParsePythonJson(c.text);
    CHECK(result.status == Status::kDecodeError);
    CHECK(result.message == c.message);
    CHECK(result.position == c.position);
  }
}

TEST_CASE("python json reader accepts what Python accepts", "[validation]") {
  CHECK(ParsePythonJson("\xEF\xBB\xBF{}").value == nlohmann::ordered_json::object());
  CHECK(ParsePythonJson("\"\\ud83d\\ude00\"").value == "\xF0\x9F\x98\x80");
  CHECK(ParsePythonJson("{\"a\":1,\"a\":2}").value["a"] == 2);
  CHECK(ParsePythonJson("NaN").value.is_number_float());
  CHECK(ParsePythonJson("-Infinity").value.get<double>() < 0);
  CHECK(ParsePythonJson("1e400").value.get<double>() > 1e308);
  CHECK(ParsePythonJson("18446744073709551615").value.is_number_unsigned());
}

TEST_CASE("python json reader keeps member order", "[validation]") {
  PythonJsonResult result = ParsePythonJson("{\"z\":1,\"a\":2}");

  REQUIRE(result.status == Status::kOk);
  CHECK(result.value.begin().key() == "z");
}

TEST_CASE("python json reader rejects undecodable bodies", "[validation]") {
  CHECK(ParsePythonJson("{\"a\":\"\xFF\"}").status == Status::kUnreadable);
  CHECK(ParsePythonJson("\"\xC0\xAF\"").status == Status::kUnreadable);
  CHECK(ParsePythonJson("\"\xED\xA0\x80\"").status == Status::kUnreadable);
  CHECK(ParsePythonJson(std::string(5000, '[')).status == Status::kUnreadable);
}

TEST_CASE("python json reader turns lone surrogates into U+FFFD", "[validation]") {
  CHECK(ParsePythonJson("\"\\ud800x\"").value == "\xEF\xBF\xBDx");
}

}  // namespace emulator::validation
