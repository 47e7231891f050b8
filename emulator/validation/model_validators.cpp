#include "validation/model_validators.h"

#include <map>
#include <string>

namespace emulator::validation {
namespace {

constexpr std::size_t kMaxNameLength = 63;

bool IsLowerAlpha(char c) { return c >= 'a' && c <= 'z'; }
bool IsDigit(char c) { return c >= '0' && c <= '9'; }

// Kubernetes DNS-1123 label rules, which the reference states for container
// and container group names. Counts code points, as Python's len() does.
std::optional<std::string> CheckResourceName(const nlohmann::json& value,
                                             const std::string& what) {
  if (!value.is_string()) return std::nullopt;
  const auto& name = value.get_ref<const std::string&>();

  std::size_t length = 0;
  for (char c : name) {
    if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++length;
  }
  if (length > kMaxNameLength) return what + " name must be at most 63 characters";

  bool valid = !name.empty() && IsLowerAlpha(name.front()) &&
               (IsLowerAlpha(name.back()) || IsDigit(name.back()));
  for (char c : name) {
    if (!IsLowerAlpha(c) && !IsDigit(c) && c != '-') valid = false;
  }
  if (!valid) {
    return what +
           " name must contain only lowercase letters, digits and hyphens, start with a "
           "letter and end with a letter or digit";
  }
  return std::nullopt;
}

std::optional<std::string> CheckContainerName(const nlohmann::json& value) {
  return CheckResourceName(value, "Container");
}

std::optional<std::string> CheckContainerGroupName(const nlohmann::json& value) {
  return CheckResourceName(value, "Container group");
}

bool IsTrue(const nlohmann::json& model, const char* field) {
  auto it = model.find(field);
  return it != model.end() && it->is_boolean() && it->get<bool>();
}

bool IsNullOrAbsent(const nlohmann::json& model, const char* field) {
  auto it = model.find(field);
  return it == model.end() || it->is_null();
}

std::optional<std::string> CheckContainerPort(const nlohmann::json& model) {
  bool primary = IsTrue(model, "primary");
  bool has_port = !IsNullOrAbsent(model, "port");
  if (primary && !has_port) return "A primary container must define a port";
  if (!primary && has_port) return "A non-primary container must not define a port";
  return std::nullopt;
}

std::optional<std::string> CheckContainerImage(const nlohmann::json& model) {
  if (IsNullOrAbsent(model, "imageBuildConfig") && IsNullOrAbsent(model, "imageUri")) {
    return "imageUri is required when imageBuildConfig is not set";
  }
  return std::nullopt;
}

std::optional<std::string> CheckSeccompProfile(const nlohmann::json& model) {
  if (!IsNullOrAbsent(model, "localhostProfile") && model.value("type", "") != "Localhost") {
    return "localhostProfile is only allowed when type is Localhost";
  }
  return std::nullopt;
}

// The spec variant follows the top-level `type`, which defaults to service,
// so the discriminated union of `spec` gets the tag the artifact declares.
nlohmann::ordered_json InjectSpecType(const nlohmann::ordered_json& input) {
  if (!input.is_object()) return input;
  auto spec = input.find("spec");
  if (spec == input.end() || !spec->is_object()) return input;

  nlohmann::ordered_json result = input;
  auto type = input.find("type");
  result["spec"]["type"] = type != input.end() ? *type : nlohmann::ordered_json("service");
  return result;
}

const std::map<std::string, ModelHooks, std::less<>>& HooksByModel() {
  static const auto* const kHooks = new std::map<std::string, ModelHooks, std::less<>>{
      // ArtifactType's description: "defaults to service when omitted", and
      // "artifacts are always created as drafts".
      {"InputArtifact", {InjectSpecType, {{"type", "service"}, {"status", "draft"}}, {}, {}}},
      // The dockerfile "defaults to using ./dockerfile from the source code".
      {"ImageBuildConfig",
       {nullptr, {{"dockerfile", {{"path", "./Dockerfile"}, {"source", "provided"}}}}, {}, {}}},
      // Neither nullable nor given a default in the schema: an empty mapping.
      {"ProbeConfig", {nullptr, {{"httpHeaders", nlohmann::json::object()}}, {}, {}}},
      {"Container",
       {nullptr,
        {},
        {{"name", CheckContainerName}},
        {CheckContainerPort, CheckContainerImage}}},
      {"ContainerGroup", {nullptr, {}, {{"name", CheckContainerGroupName}}, {}}},
      {"SeccompProfile", {nullptr, {}, {}, {CheckSeccompProfile}}},
  };
  return *kHooks;
}

}  // namespace

const ModelHooks* FindModelHooks(std::string_view model_name) {
  const auto& hooks = HooksByModel();
  auto it = hooks.find(model_name);
  return it == hooks.end() ? nullptr : &it->second;
}

}  // namespace emulator::validation
