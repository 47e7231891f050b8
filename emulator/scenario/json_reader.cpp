#include "scenario/json_reader.h"
#include "util/text.h"

#include <algorithm>

namespace emulator::scenario {

void JsonReader::Problem(const std::string& pointer, const std::string& what) {
  problems_.push_back(source_ + ": " + (pointer.empty() ? "/" : pointer) + ": " + what);
}

void JsonReader::RejectUnknownKeys(const nlohmann::json& object, const std::string& pointer,
                                   const std::vector<std::string>& allowed) {
  if (!object.is_object()) return;
  for (const auto& item : object.items()) {
    if (std::find(allowed.begin(), allowed.end(), item.key()) != allowed.end()) continue;
    std::string known;
    for (const auto& key : allowed) known += (known.empty() ? "" : ", ") + key;
    Problem(Child(pointer, item.key()), "unknown key; expected one of: " + known);
  }
}

bool JsonReader::ExpectObject(const nlohmann::json& value, const std::string& pointer) {
  if (value.is_object()) return true;
  Problem(pointer, "expected an object, found " + Describe(value));
  return false;
}

std::optional<std::string> JsonReader::String(const nlohmann::json& value,
                                              const std::string& pointer) {
  if (value.is_string()) return value.get<std::string>();
  Problem(pointer, "expected a string, found " + Describe(value));
  return std::nullopt;
}

std::optional<std::uint64_t> JsonReader::Count(const nlohmann::json& value,
                                               const std::string& pointer, std::uint64_t minimum) {
  if (!value.is_number_integer()) {
    Problem(pointer, "expected an integer, found " + Describe(value));
    return std::nullopt;
  }
  const bool negative = value.is_number_integer() && !value.is_number_unsigned() &&
                        value.get<long long>() < 0;
  if (negative || value.get<std::uint64_t>() < minimum) {
    Problem(pointer, "must be at least " + std::to_string(minimum) + ", found " + value.dump());
    return std::nullopt;
  }
  return value.get<std::uint64_t>();
}

std::optional<double> JsonReader::Number(const nlohmann::json& value, const std::string& pointer) {
  if (value.is_number()) return value.get<double>();
  Problem(pointer, "expected a number, found " + Describe(value));
  return std::nullopt;
}

std::optional<std::vector<std::string>> JsonReader::StringOrList(const nlohmann::json& value,
                                                                 const std::string& pointer) {
  if (value.is_string()) return std::vector<std::string>{value.get<std::string>()};
  if (!value.is_array() || value.empty()) {
    Problem(pointer, "expected a string or a non-empty array of strings, found " + Describe(value));
    return std::nullopt;
  }
  std::vector<std::string> items;
  bool valid = true;
  for (size_t i = 0; i < value.size(); ++i) {
    if (auto item = String(value[i], Child(pointer, i))) {
      items.push_back(*item);
    } else {
      valid = false;
    }
  }
  if (!valid) return std::nullopt;
  return items;
}

std::optional<std::vector<std::pair<std::string, std::string>>> JsonReader::StringMap(
    const nlohmann::json& value, const std::string& pointer) {
  if (!ExpectObject(value, pointer)) return std::nullopt;
  std::vector<std::pair<std::string, std::string>> entries;
  bool valid = true;
  for (const auto& item : value.items()) {
    if (auto text = String(item.value(), Child(pointer, item.key()))) {
      entries.emplace_back(item.key(), *text);
    } else {
      valid = false;
    }
  }
  if (!valid) return std::nullopt;
  return entries;
}

std::string JsonReader::Child(const std::string& pointer, const std::string& key) {
  return util::AppendToPointer(pointer, key);
}

std::string JsonReader::Child(const std::string& pointer, size_t index) {
  return util::AppendToPointer(pointer, index);
}

std::string JsonReader::Describe(const nlohmann::json& value) {
  switch (value.type()) {
    case nlohmann::json::value_t::null: return "null";
    case nlohmann::json::value_t::boolean: return "a boolean (" + value.dump() + ")";
    case nlohmann::json::value_t::string: return "a string (" + value.dump() + ")";
    case nlohmann::json::value_t::number_integer:
    case nlohmann::json::value_t::number_unsigned: return "an integer (" + value.dump() + ")";
    case nlohmann::json::value_t::number_float: return "a number (" + value.dump() + ")";
    case nlohmann::json::value_t::array: return "an array";
    case nlohmann::json::value_t::object: return "an object";
    default: return value.type_name();
  }
}

}  // namespace emulator::scenario
