#include "domain/spec.h"

namespace emulator::domain {

std::string ContainerName(const nlohmann::json& container) {
  const auto name = container.find("name");
  return name != container.end() && name->is_string() ? name->get<std::string>() : "container";
}

std::optional<std::pair<std::string, std::string>> CodeSource(const nlohmann::json& container) {
  if (!container.is_object()) return std::nullopt;
  const auto config = container.find("imageBuildConfig");
  if (config == container.end() || !config->is_object()) return std::nullopt;
  const auto code_ref = config->find("codeRef");
  if (code_ref == config->end() || !code_ref->is_object()) return std::nullopt;
  const nlohmann::json datarobot = code_ref->value("datarobot", nlohmann::json::object());
  return std::make_pair(datarobot.value("catalogId", ""), datarobot.value("catalogVersionId", ""));
}

}  // namespace emulator::domain
