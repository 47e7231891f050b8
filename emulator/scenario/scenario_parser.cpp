// Parsing of whole scenario documents and loading them from files.

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include "scenario/engine.h"
#include "scenario/json_reader.h"
#include "scenario/rule_parser.h"
#include "scenario/scenario.h"

namespace emulator::scenario {
namespace {

using nlohmann::json;

// Names appear in control API paths and metric labels, so they stay plain.
bool IsValidName(const std::string& name) {
  if (name.empty() || name.size() > 128) return false;
  return std::all_of(name.begin(), name.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
           c == '_' || c == '.';
  });
}

ParseResult Failed(std::vector<std::string> problems) {
  ParseResult result;
  result.problems = std::move(problems);
  return result;
}

}  // namespace

ParseResult ParseScenario(const json& document, const std::string& source) {
  JsonReader reader(source);
  auto scenario = std::make_shared<Scenario>();
  scenario->source = source;

  if (!reader.ExpectObject(document, "")) return Failed(reader.TakeProblems());
  reader.RejectUnknownKeys(document, "", {"name", "seed", "description", "rules"});

  if (!document.contains("name")) {
    reader.Problem("/name", "missing; every scenario needs a name");
  } else if (auto name = reader.String(document["name"], "/name")) {
    if (IsValidName(*name)) {
      scenario->name = *name;
    } else {
      reader.Problem("/name", "invalid name \"" + *name +
                                  "\"; use 1 to 128 letters, digits, '-', '_' or '.'");
    }
  }
  if (document.contains("seed")) {
    if (auto seed = reader.Count(document["seed"], "/seed", 0)) scenario->seed = *seed;
  }
  if (document.contains("description")) {
    if (auto description = reader.String(document["description"], "/description")) {
      scenario->description = *description;
    }
  }

  if (!document.contains("rules")) {
    reader.Problem("/rules", "missing; expected an array of rules");
  } else if (!document["rules"].is_array()) {
    reader.Problem("/rules", "expected an array, found " + JsonReader::Describe(document["rules"]));
  } else {
    const json& rules = document["rules"];
    // Rule ids name firings in metrics, so two rules may not share one.
    std::map<std::string, size_t> first_index_of_id;
    for (size_t i = 0; i < rules.size(); ++i) {
      const std::string pointer = JsonReader::Child("/rules", i);
      auto rule = ParseRule(reader, rules[i], pointer, scenario->name, i);
      if (!rule) continue;
      const auto [existing, inserted] = first_index_of_id.emplace(rule->id, i);
      if (!inserted) {
        reader.Problem(JsonReader::Child(pointer, "id"),
                       "duplicate id \"" + rule->id + "\"; also used by /rules/" +
                           std::to_string(existing->second));
        continue;
      }
      scenario->rules.push_back(std::move(*rule));
    }
  }

  if (!reader.problems().empty()) return Failed(reader.TakeProblems());
  ParseResult result;
  result.scenario = std::move(scenario);
  return result;
}

ParseResult ParseScenarioText(const std::string& text, const std::string& source) {
  json document;
  try {
    document = json::parse(text);
  } catch (const json::exception& error) {
    // The library's message already locates the error by byte offset.
    return Failed({source + ": /: invalid JSON: " + error.what()});
  }
  return ParseScenario(document, source);
}

std::vector<ParseResult> LoadScenarioPath(const std::string& path) {
  namespace fs = std::filesystem;
  std::error_code error;
  const fs::file_status status = fs::status(path, error);
  if (error || !fs::exists(status)) {
    return {Failed({path + ": /: cannot read: no such file or directory"})};
  }

  std::vector<std::string> files;
  if (fs::is_directory(status)) {
    for (const auto& entry : fs::directory_iterator(path, error)) {
      if (entry.is_regular_file() && entry.path().extension() == ".json") {
        files.push_back(entry.path().string());
      }
    }
    if (error) return {Failed({path + ": /: cannot list directory: " + error.message()})};
    std::sort(files.begin(), files.end());
  } else {
    files.push_back(path);
  }

  std::vector<ParseResult> results;
  std::map<std::string, std::string> file_of_name;
  for (const auto& file : files) {
    std::ifstream stream(file, std::ios::binary);
    std::stringstream text;
    text << stream.rdbuf();
    if (!stream) {
      results.push_back(Failed({file + ": /: cannot read the file"}));
      continue;
    }
    ParseResult result = ParseScenarioText(text.str(), file);
    if (result.scenario) {
      const auto [existing, inserted] = file_of_name.emplace(result.scenario->name, file);
      if (!inserted) {
        result = Failed({file + ": /name: scenario \"" + result.scenario->name +
                         "\" is already defined in " + existing->second});
      }
    }
    results.push_back(std::move(result));
  }
  return results;
}

std::string ScenarioName(const Scenario& scenario) { return scenario.name; }

}  // namespace emulator::scenario
