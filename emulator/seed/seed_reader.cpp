#include "seed/seed_reader.h"
#include "util/text.h"

#include <algorithm>

#include "domain/id_generator.h"
#include "domain/timestamp.h"

namespace emulator::seed {

std::string SeedReader::Child(const std::string& pointer, const std::string& key) {
  return util::AppendToPointer(pointer, key);
}

std::string SeedReader::Child(const std::string& pointer, size_t index) {
  return util::AppendToPointer(pointer, index);
}

void SeedReader::RejectUnknownKeys(const nlohmann::json& object, const std::string& pointer,
                                   const std::vector<std::string>& allowed) {
  if (!object.is_object()) return;
  for (const auto& item : object.items()) {
    if (std::find(allowed.begin(), allowed.end(), item.key()) == allowed.end()) {
      std::string known;
      for (const auto& key : allowed) known += (known.empty() ? "" : ", ") + key;
      Problem(Child(pointer, item.key()), "unknown key; expected one of: " + known);
    }
  }
}

bool SeedReader::IsObject(const nlohmann::json& value, const std::string& pointer) {
  if (value.is_object()) return true;
  Problem(pointer, "expected a JSON object, found " + std::string(value.type_name()));
  return false;
}

std::optional<std::string> SeedReader::String(const nlohmann::json& object,
                                              const std::string& pointer, const std::string& key,
                                              bool required) {
  const auto found = object.find(key);
  if (found == object.end() || found->is_null()) {
    if (required) Problem(Child(pointer, key), "missing; a string is required");
    return std::nullopt;
  }
  if (!found->is_string()) {
    Problem(Child(pointer, key), "expected a string, found " + std::string(found->type_name()));
    return std::nullopt;
  }
  return found->get<std::string>();
}

std::optional<long long> SeedReader::Integer(const nlohmann::json& object,
                                             const std::string& pointer, const std::string& key,
                                             long long minimum) {
  const auto found = object.find(key);
  if (found == object.end() || found->is_null()) return std::nullopt;
  if (!found->is_number_integer()) {
    Problem(Child(pointer, key), "expected an integer, found " + found->dump());
    return std::nullopt;
  }
  const long long value = found->get<long long>();
  if (value < minimum) {
    Problem(Child(pointer, key), "must be at least " + std::to_string(minimum));
    return std::nullopt;
  }
  return value;
}

std::optional<double> SeedReader::Number(const nlohmann::json& object, const std::string& pointer,
                                         const std::string& key, double minimum) {
  const auto found = object.find(key);
  if (found == object.end() || found->is_null()) return std::nullopt;
  if (!found->is_number()) {
    Problem(Child(pointer, key), "expected a number, found " + found->dump());
    return std::nullopt;
  }
  const double value = found->get<double>();
  if (value < minimum) {
    Problem(Child(pointer, key), "must be at least " + std::to_string(minimum));
    return std::nullopt;
  }
  return value;
}

std::optional<bool> SeedReader::Boolean(const nlohmann::json& object, const std::string& pointer,
                                        const std::string& key) {
  const auto found = object.find(key);
  if (found == object.end() || found->is_null()) return std::nullopt;
  if (!found->is_boolean()) {
    Problem(Child(pointer, key), "expected true or false, found " + found->dump());
    return std::nullopt;
  }
  return found->get<bool>();
}

nlohmann::json SeedReader::Array(const nlohmann::json& object, const std::string& pointer,
                                 const std::string& key) {
  const auto found = object.find(key);
  if (found == object.end() || found->is_null()) return nlohmann::json::array();
  if (!found->is_array()) {
    Problem(Child(pointer, key), "expected an array, found " + std::string(found->type_name()));
    return nlohmann::json::array();
  }
  return *found;
}

std::vector<std::string> SeedReader::StringArray(const nlohmann::json& object,
                                                 const std::string& pointer,
                                                 const std::string& key) {
  std::vector<std::string> values;
  const nlohmann::json items = Array(object, pointer, key);
  for (size_t i = 0; i < items.size(); ++i) {
    if (items[i].is_string()) {
      values.push_back(items[i].get<std::string>());
    } else {
      Problem(Child(Child(pointer, key), i), "expected a string, found " + items[i].dump());
    }
  }
  return values;
}

std::optional<long long> SeedReader::Time(const nlohmann::json& object, const std::string& pointer,
                                          const std::string& key) {
  const std::optional<std::string> text = String(object, pointer, key, false);
  if (!text) return std::nullopt;
  const std::optional<domain::Timestamp> time = domain::ParseRfc3339(*text);
  if (!time) {
    Problem(Child(pointer, key),
            "'" + *text + "' is not an RFC 3339 timestamp such as 2026-01-01T09:00:00Z");
  }
  return time;
}

std::optional<std::string> SeedReader::Id(const nlohmann::json& object, const std::string& pointer) {
  const std::optional<std::string> id = String(object, pointer, "id", false);
  if (id && !domain::IsObjectId(*id)) {
    Problem(Child(pointer, "id"),
            "'" + *id + "' is not an id of 24 lowercase hex digits; leave it out to have one generated");
    return std::nullopt;
  }
  return id;
}

}  // namespace emulator::seed
