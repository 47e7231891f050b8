#ifndef EMULATOR_VALIDATION_SCHEMA_ENGINE_H_
#define EMULATOR_VALIDATION_SCHEMA_ENGINE_H_

// An interpreter for the JSON schemas of the reference that validates a value
// the way the pydantic v2 model behind each schema does in Python lax mode
// (FastAPI validates json.loads output with from_attributes=True): the same
// coercions, defaults, error types, messages, contexts and order.
//
// Thread safety: SchemaEngine::Instance() is built once, then only read.

#include <cstdint>
#include <deque>
#include <map>
#include <memory>
#include <optional>
#include <regex>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "validation/validator.h"

namespace emulator::validation {

using OrderedJson = nlohmann::ordered_json;

struct ModelHooks;
struct SchemaNode;

struct FieldSpec {
  std::string name;
  const SchemaNode* schema = nullptr;
  bool required = false;
  // Used when the field is absent. A property without a "default" keyword
  // that is not required defaults to None: the reference omits
  // `"default": null`.
  nlohmann::json default_value;
};

struct SchemaNode {
  enum class Kind {
    kAny,
    kNull,
    kString,
    kInteger,
    kNumber,
    kBoolean,
    kLiteral,      // "const", or an "enum" that is not a named enum class
    kEnum,         // an "enum" whose title is a component schema name
    kArray,
    kDict,         // object with only "additionalProperties": {schema}
    kModel,        // object with "properties": a pydantic model
    kNullable,     // anyOf [X, null]: Optional[X], errors come from X alone
    kUnion,        // anyOf of several non-null members: smart-mode union
    kTaggedUnion,  // oneOf with a discriminator
  };
  Kind kind = Kind::kAny;
  std::string name;  // model or enum class name (the schema title)

  std::optional<std::size_t> min_length;
  std::optional<std::size_t> max_length;
  std::optional<std::regex> pattern;
  std::string pattern_source;

  std::optional<double> ge;
  std::optional<double> le;
  std::optional<double> gt;
  std::optional<double> lt;

  std::vector<OrderedJson> allowed;  // kLiteral, kEnum

  const SchemaNode* item = nullptr;  // kArray, kDict values, kNullable inner

  std::vector<FieldSpec> fields;  // kModel, in validation order
  bool forbid_extra = false;
  const ModelHooks* hooks = nullptr;

  std::vector<const SchemaNode*> members;  // kUnion, kTaggedUnion
  std::string discriminator;               // kTaggedUnion
  std::vector<std::string> tags;           // kTaggedUnion, one per member
};

// Collects issues while tracking the location of the value being validated.
class IssueSink {
 public:
  explicit IssueSink(nlohmann::json loc_prefix);

  void PushLoc(nlohmann::json element) { loc_.push_back(std::move(element)); }
  void PopLoc() { loc_.erase(loc_.end() - 1); }

  void Add(std::string type, std::string msg, const OrderedJson& input,
           std::optional<nlohmann::json> ctx = std::nullopt);
  // Moves the issues of `other` in, inserting `tag` into their location just
  // after this sink's current location (pydantic's union member tags).
  void AppendTagged(IssueSink&& other, const std::string& tag);

  const nlohmann::json& loc() const { return loc_; }
  std::size_t size() const { return issues_.size(); }
  std::vector<ValidationIssue> TakeIssues() { return std::move(issues_); }

 private:
  nlohmann::json loc_;
  std::vector<ValidationIssue> issues_;
};

// Converts an ordered value (document order) into the sorted nlohmann::json.
nlohmann::json ToJson(const OrderedJson& value);
OrderedJson ToOrderedJson(const nlohmann::json& value);

class SchemaEngine {
 public:
  // The engine for the embedded reference schemas, compiled on first use.
  static const SchemaEngine& Instance();

  // Compiles `components` (name to schema). Throws std::runtime_error when a
  // schema uses a construct the engine does not interpret.
  explicit SchemaEngine(const nlohmann::json& components);

  // The compiled top-level component `name`; nullptr when there is none.
  const SchemaNode* Component(std::string_view name) const;

  // Validates `input` against `node`. Returns true and sets `*out` to the
  // value pydantic would dump (JSON mode, by alias) when no issue was added.
  bool Validate(const SchemaNode& node, const OrderedJson& input, IssueSink& sink,
                nlohmann::json* out) const;

 private:
  const SchemaNode* Compile(const nlohmann::json& schema);

  bool ValidateModel(const SchemaNode& node, const OrderedJson& input, IssueSink& sink,
                     nlohmann::json* out) const;
  bool ValidateArray(const SchemaNode& node, const OrderedJson& input, IssueSink& sink,
                     nlohmann::json* out) const;
  bool ValidateDict(const SchemaNode& node, const OrderedJson& input, IssueSink& sink,
                    nlohmann::json* out) const;
  bool ValidateUnion(const SchemaNode& node, const OrderedJson& input, IssueSink& sink,
                     nlohmann::json* out) const;
  bool ValidateTaggedUnion(const SchemaNode& node, const OrderedJson& input, IssueSink& sink,
                           nlohmann::json* out) const;

  std::deque<SchemaNode> nodes_;
  std::map<std::string, const SchemaNode*, std::less<>> components_;
  std::vector<std::string> enum_class_names_;
};

// pydantic's short name for a union member, used in `loc`: the class name
// of a model, "str", "list[str]", "literal['a']", "union[...]" and so on.
std::string UnionMemberTag(const SchemaNode& node);

}  // namespace emulator::validation

#endif  // EMULATOR_VALIDATION_SCHEMA_ENGINE_H_
