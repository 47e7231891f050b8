#ifndef EMULATOR_VALIDATION_MODEL_VALIDATORS_H_
#define EMULATOR_VALIDATION_MODEL_VALIDATORS_H_

// Rules the reference states only in prose, written as the pydantic
// validators of the service would be, and keyed by schema name so that the
// schema engine attaches them to the models it compiles.

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

namespace emulator::validation {

// Rewrites the raw input of a model before its fields are validated
// (a pydantic `model_validator(mode="before")`).
using BeforeHook = nlohmann::ordered_json (*)(const nlohmann::ordered_json& input);

// Checks one validated field value (a pydantic `field_validator`, mode
// "after"). Returns the sentence of the ValueError it raises, if any.
using FieldCheck = std::optional<std::string> (*)(const nlohmann::json& value);

// Checks the whole validated model (a `model_validator(mode="after")`); runs
// only when every field is valid.
using ModelCheck = std::optional<std::string> (*)(const nlohmann::json& model);

struct ModelHooks {
  BeforeHook before = nullptr;
  // Defaults stated only in prose, used in place of the implicit None.
  std::vector<std::pair<std::string, nlohmann::json>> prose_defaults;
  std::vector<std::pair<std::string, FieldCheck>> field_checks;
  std::vector<ModelCheck> after;  // run in order; the first failure is reported
};

// The hooks of the model named `model_name`; nullptr when it has none.
const ModelHooks* FindModelHooks(std::string_view model_name);

}  // namespace emulator::validation

#endif  // EMULATOR_VALIDATION_MODEL_VALIDATORS_H_
