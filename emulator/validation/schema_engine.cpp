#include "validation/schema_engine.h"

#include <algorithm>
#include <stdexcept>
#include <string>
#include <utility>

#include "validation/model_validators.h"
#include "validation/python_repr.h"
#include "validation/scalar_rules.h"

namespace emulator::embedded {
extern const std::string_view kReferenceSchemasJson;
}  // namespace emulator::embedded

namespace emulator::validation {
namespace {

using Kind = SchemaNode::Kind;

bool IsNullSchema(const nlohmann::json& schema) {
  return schema.is_object() && schema.value("type", "") == "null";
}

std::string ItemCount(std::size_t count) {
  return std::to_string(count) + (count == 1 ? " item" : " items");
}

std::string JoinTags(const std::vector<const SchemaNode*>& members) {
  std::string out;
  for (std::size_t i = 0; i < members.size(); ++i) {
    if (i > 0) out += ",";
    out += UnionMemberTag(*members[i]);
  }
  return out;
}

}  // namespace

IssueSink::IssueSink(nlohmann::json loc_prefix) : loc_(std::move(loc_prefix)) {
  if (!loc_.is_array()) loc_ = nlohmann::json::array();
}

void IssueSink::Add(std::string type, std::string msg, const OrderedJson& input,
                    std::optional<nlohmann::json> ctx) {
  issues_.push_back(ValidationIssue{std::move(type), loc_, std::move(msg), ToJson(input),
                                    std::move(ctx)});
}

void IssueSink::AppendTagged(IssueSink&& other, const std::string& tag) {
  std::size_t position = loc_.size();
  for (auto& issue : other.issues_) {
    issue.loc.insert(issue.loc.begin() + static_cast<std::ptrdiff_t>(position), tag);
    issues_.push_back(std::move(issue));
  }
  other.issues_.clear();
}

nlohmann::json ToJson(const OrderedJson& value) {
  if (value.is_object()) {
    nlohmann::json object = nlohmann::json::object();
    for (const auto& [key, member] : value.items()) object[key] = ToJson(member);
    return object;
  }
  if (value.is_array()) {
    nlohmann::json array = nlohmann::json::array();
    for (const auto& member : value) array.push_back(ToJson(member));
    return array;
  }
  switch (value.type()) {
    case OrderedJson::value_t::string:
      return value.get<std::string>();
    case OrderedJson::value_t::boolean:
      return value.get<bool>();
    case OrderedJson::value_t::number_integer:
      return value.get<std::int64_t>();
    case OrderedJson::value_t::number_unsigned:
      return value.get<std::uint64_t>();
    case OrderedJson::value_t::number_float:
      return value.get<double>();
    default:
      return nullptr;
  }
}

OrderedJson ToOrderedJson(const nlohmann::json& value) {
  if (value.is_object()) {
    OrderedJson object = OrderedJson::object();
    for (const auto& [key, member] : value.items()) object[key] = ToOrderedJson(member);
    return object;
  }
  if (value.is_array()) {
    OrderedJson array = OrderedJson::array();
    for (const auto& member : value) array.push_back(ToOrderedJson(member));
    return array;
  }
  switch (value.type()) {
    case nlohmann::json::value_t::string:
      return value.get<std::string>();
    case nlohmann::json::value_t::boolean:
      return value.get<bool>();
    case nlohmann::json::value_t::number_integer:
      return value.get<std::int64_t>();
    case nlohmann::json::value_t::number_unsigned:
      return value.get<std::uint64_t>();
    case nlohmann::json::value_t::number_float:
      return value.get<double>();
    default:
      return nullptr;
  }
}

std::string UnionMemberTag(const SchemaNode& node) {
  switch (node.kind) {
    case Kind::kModel:
    case Kind::kEnum:
      return node.name;
    case Kind::kString:
      return "str";
    case Kind::kInteger:
      return "int";
    case Kind::kNumber:
      return "float";
    case Kind::kBoolean:
      return "bool";
    case Kind::kNull:
      return "none";
    case Kind::kAny:
      return "any";
    case Kind::kArray:
      return "list[" + UnionMemberTag(*node.item) + "]";
    case Kind::kDict:
      return "dict[str," + UnionMemberTag(*node.item) + "]";
    case Kind::kNullable:
      return "nullable[" + UnionMemberTag(*node.item) + "]";
    case Kind::kLiteral: {
      std::string out = "literal[";
      for (std::size_t i = 0; i < node.allowed.size(); ++i) {
        if (i > 0) out += ",";
        out += PythonRepr(node.allowed[i]);
      }
      return out + "]";
    }
    case Kind::kUnion:
      return "union[" + JoinTags(node.members) + "]";
    case Kind::kTaggedUnion:
      return "tagged-union[" + JoinTags(node.members) + "]";
  }
  return "any";
}

const SchemaEngine& SchemaEngine::Instance() {
  // Built once on first use. C++ guarantees the initialisation runs once
  // even when several request threads arrive together.
  static const SchemaEngine* const kEngine =
      new SchemaEngine(nlohmann::json::parse(embedded::kReferenceSchemasJson));
  return *kEngine;
}

SchemaEngine::SchemaEngine(const nlohmann::json& components) {
  // Components that are bare enums are Python Enum classes: a property
  // carrying one of their titles fails with type "enum", not "literal_error".
  for (const auto& [name, schema] : components.items()) {
    if (schema.is_object() && schema.contains("enum")) enum_class_names_.push_back(name);
  }
  for (const auto& [name, schema] : components.items()) components_[name] = Compile(schema);
}

const SchemaNode* SchemaEngine::Component(std::string_view name) const {
  auto it = components_.find(name);
  return it == components_.end() ? nullptr : it->second;
}

const SchemaNode* SchemaEngine::Compile(const nlohmann::json& schema) {
  SchemaNode node;
  if (!schema.is_object()) throw std::runtime_error("schema is not an object: " + schema.dump());
  node.name = schema.value("title", "");

  if (schema.contains("anyOf") || schema.contains("oneOf")) {
    const auto& choices = schema.contains("anyOf") ? schema["anyOf"] : schema["oneOf"];
    std::vector<const nlohmann::json*> non_null;
    bool has_null = false;
    for (const auto& choice : choices) {
      if (IsNullSchema(choice)) {
        has_null = true;
      } else {
        non_null.push_back(&choice);
      }
    }
    if (schema.contains("discriminator")) {
      node.kind = Kind::kTaggedUnion;
      node.discriminator = schema["discriminator"].value("propertyName", "");
      for (const auto* choice : non_null) {
        const SchemaNode* member = Compile(*choice);
        const auto& tag_schema = (*choice)["properties"][node.discriminator];
        node.tags.push_back(tag_schema.contains("const") ? tag_schema["const"].get<std::string>()
                                                         : tag_schema["enum"][0].get<std::string>());
        node.members.push_back(member);
      }
    } else if (has_null && non_null.size() == 1) {
      node.kind = Kind::kNullable;
      node.item = Compile(*non_null[0]);
    } else {
      node.kind = Kind::kUnion;
      for (const auto& choice : choices) node.members.push_back(Compile(choice));
    }
  } else if (schema.contains("const")) {
    node.kind = Kind::kLiteral;
    node.allowed.push_back(ToOrderedJson(schema["const"]));
  } else if (schema.contains("enum")) {
    bool named = false;
    for (const auto& name : enum_class_names_) named = named || name == node.name;
    node.kind = named ? Kind::kEnum : Kind::kLiteral;
    for (const auto& value : schema["enum"]) node.allowed.push_back(ToOrderedJson(value));
  } else {
    std::string type = schema.value("type", "");
    if (type == "string") {
      // NOTE: "format" is ignored. The service probably declares a
      // date-time property such as ContainerBuildInfo.createdAt as datetime,
      // which parses and reformats the text. It is kept as given here.
      node.kind = Kind::kString;
      if (schema.contains("minLength")) node.min_length = schema["minLength"].get<std::size_t>();
      if (schema.contains("maxLength")) node.max_length = schema["maxLength"].get<std::size_t>();
      if (schema.contains("pattern")) {
        node.pattern_source = schema["pattern"].get<std::string>();
        node.pattern.emplace(node.pattern_source, std::regex::ECMAScript);
      }
    } else if (type == "integer" || type == "number") {
      node.kind = type == "integer" ? Kind::kInteger : Kind::kNumber;
      if (schema.contains("minimum")) node.ge = schema["minimum"].get<double>();
      if (schema.contains("maximum")) node.le = schema["maximum"].get<double>();
      if (schema.contains("exclusiveMinimum")) node.gt = schema["exclusiveMinimum"].get<double>();
      if (schema.contains("exclusiveMaximum")) node.lt = schema["exclusiveMaximum"].get<double>();
    } else if (type == "boolean") {
      node.kind = Kind::kBoolean;
    } else if (type == "null") {
      node.kind = Kind::kNull;
    } else if (type == "array") {
      node.kind = Kind::kArray;
      node.item = Compile(schema.value("items", nlohmann::json::object()));
      if (schema.contains("minItems")) node.min_length = schema["minItems"].get<std::size_t>();
      if (schema.contains("maxItems")) node.max_length = schema["maxItems"].get<std::size_t>();
    } else if (type == "object" && schema.contains("properties")) {
      node.kind = Kind::kModel;
      node.forbid_extra = schema.contains("additionalProperties") &&
                          schema["additionalProperties"] == false;
      node.hooks = FindModelHooks(node.name);
      // Declaration order: the "required" list, then the other properties
      // in the order the reference lists them (alphabetical).
      const auto& properties = schema["properties"];
      std::vector<std::string> order;
      for (const auto& name : schema.value("required", nlohmann::json::array())) {
        order.push_back(name.get<std::string>());
      }
      for (const auto& [name, property] : properties.items()) {
        if (std::find(order.begin(), order.end(), name) == order.end()) order.push_back(name);
      }
      for (const auto& name : order) {
        const auto& property = properties.at(name);
        FieldSpec field;
        field.name = name;
        field.schema = Compile(property);
        field.required = schema.contains("required") &&
                         std::find(schema["required"].begin(), schema["required"].end(), name) !=
                             schema["required"].end();
        field.default_value = property.value("default", nlohmann::json());
        if (node.hooks != nullptr) {
          for (const auto& [field_name, value] : node.hooks->prose_defaults) {
            if (field_name == name) field.default_value = value;
          }
        }
        node.fields.push_back(std::move(field));
      }
    } else if (type == "object") {
      node.kind = Kind::kDict;
      const auto& values = schema.value("additionalProperties", nlohmann::json::object());
      node.item = Compile(values.is_object() ? values : nlohmann::json::object());
    } else {
      node.kind = Kind::kAny;
    }
  }

  nodes_.push_back(std::move(node));
  return &nodes_.back();
}

bool SchemaEngine::Validate(const SchemaNode& node, const OrderedJson& input, IssueSink& sink,
                            nlohmann::json* out) const {
  switch (node.kind) {
    case Kind::kAny:
      *out = ToJson(input);
      return true;
    case Kind::kNull:
      if (input.is_null()) {
        *out = nullptr;
        return true;
      }
      sink.Add("none_required", "Input should be None", input);
      return false;
    case Kind::kString:
      return ValidateString(node, input, sink, out);
    case Kind::kInteger:
      return ValidateInteger(node, input, sink, out);
    case Kind::kNumber:
      return ValidateNumber(node, input, sink, out);
    case Kind::kBoolean:
      return ValidateBoolean(input, sink, out);
    case Kind::kLiteral:
    case Kind::kEnum:
      return ValidateChoice(node, input, sink, out);
    case Kind::kArray:
      return ValidateArray(node, input, sink, out);
    case Kind::kDict:
      return ValidateDict(node, input, sink, out);
    case Kind::kModel:
      return ValidateModel(node, input, sink, out);
    case Kind::kNullable:
      if (input.is_null()) {
        *out = nullptr;
        return true;
      }
      return Validate(*node.item, input, sink, out);
    case Kind::kUnion:
      return ValidateUnion(node, input, sink, out);
    case Kind::kTaggedUnion:
      return ValidateTaggedUnion(node, input, sink, out);
  }
  return false;
}

bool SchemaEngine::ValidateModel(const SchemaNode& node, const OrderedJson& input,
                                 IssueSink& sink, nlohmann::json* out) const {
  OrderedJson rewritten;
  const OrderedJson* data = &input;
  if (node.hooks != nullptr && node.hooks->before != nullptr) {
    rewritten = node.hooks->before(input);
    data = &rewritten;
  }
  if (!data->is_object()) {
    // FastAPI validates with from_attributes=True, which turns pydantic's
    // model_type error into this one.
    sink.Add("model_attributes_type",
             "Input should be a valid dictionary or object to extract fields from", *data);
    return false;
  }

  std::size_t issues_before = sink.size();
  nlohmann::json result = nlohmann::json::object();
  for (const auto& field : node.fields) {
    auto it = data->find(field.name);
    if (it == data->end()) {
      if (field.required) {
        sink.PushLoc(field.name);
        sink.Add("missing", "Field required", *data);
        sink.PopLoc();
      } else {
        result[field.name] = field.default_value;
      }
      continue;
    }

    sink.PushLoc(field.name);
    nlohmann::json value;
    if (Validate(*field.schema, *it, sink, &value)) {
      std::optional<std::string> error;
      if (node.hooks != nullptr) {
        for (const auto& [name, check] : node.hooks->field_checks) {
          if (name == field.name && !error) error = check(value);
        }
      }
      if (error) {
        sink.Add("value_error", "Value error, " + *error, *it,
                 nlohmann::json{{"error", nlohmann::json::object()}});
      } else {
        result[field.name] = std::move(value);
      }
    }
    sink.PopLoc();
  }

  if (node.forbid_extra) {
    for (const auto& [key, value] : data->items()) {
      bool known = false;
      for (const auto& field : node.fields) known = known || field.name == key;
      if (known) continue;
      sink.PushLoc(key);
      sink.Add("extra_forbidden", "Extra inputs are not permitted", value);
      sink.PopLoc();
    }
  }
  if (sink.size() != issues_before) return false;

  if (node.hooks != nullptr) {
    for (const auto& check : node.hooks->after) {
      if (auto error = check(result)) {
        // FastAPI renders the ValueError in ctx through jsonable_encoder,
        // which turns an exception object into an empty dict.
        sink.Add("value_error", "Value error, " + *error, *data,
                 nlohmann::json{{"error", nlohmann::json::object()}});
        return false;
      }
    }
  }
  *out = std::move(result);
  return true;
}

bool SchemaEngine::ValidateArray(const SchemaNode& node, const OrderedJson& input,
                                 IssueSink& sink, nlohmann::json* out) const {
  if (!input.is_array()) {
    sink.Add("list_type", "Input should be a valid list", input);
    return false;
  }
  if (node.max_length && input.size() > *node.max_length) {
    sink.Add("too_long",
             "List should have at most " + ItemCount(*node.max_length) +
                 " after validation, not " + std::to_string(input.size()),
             input,
             nlohmann::json{{"field_type", "List"},
                            {"max_length", *node.max_length},
                            {"actual_length", input.size()}});
    return false;
  }

  std::size_t issues_before = sink.size();
  nlohmann::json result = nlohmann::json::array();
  for (std::size_t i = 0; i < input.size(); ++i) {
    sink.PushLoc(i);
    nlohmann::json value;
    if (Validate(*node.item, input[i], sink, &value)) result.push_back(std::move(value));
    sink.PopLoc();
  }
  if (sink.size() != issues_before) return false;

  if (node.min_length && input.size() < *node.min_length) {
    sink.Add("too_short",
             "List should have at least " + ItemCount(*node.min_length) +
                 " after validation, not " + std::to_string(input.size()),
             input,
             nlohmann::json{{"field_type", "List"},
                            {"min_length", *node.min_length},
                            {"actual_length", input.size()}});
    return false;
  }
  *out = std::move(result);
  return true;
}

bool SchemaEngine::ValidateDict(const SchemaNode& node, const OrderedJson& input,
                                IssueSink& sink, nlohmann::json* out) const {
  if (!input.is_object()) {
    sink.Add("dict_type", "Input should be a valid dictionary", input);
    return false;
  }
  std::size_t issues_before = sink.size();
  nlohmann::json result = nlohmann::json::object();
  for (const auto& [key, member] : input.items()) {
    sink.PushLoc(key);
    nlohmann::json value;
    if (Validate(*node.item, member, sink, &value)) result[key] = std::move(value);
    sink.PopLoc();
  }
  if (sink.size() != issues_before) return false;
  *out = std::move(result);
  return true;
}

bool SchemaEngine::ValidateUnion(const SchemaNode& node, const OrderedJson& input,
                                 IssueSink& sink, nlohmann::json* out) const {
  // NOTE: pydantic's smart mode tries every member strictly, then laxly, and
  // prefers the success that sets the most fields. The first member that
  // validates is taken here. The unions of the reference have disjoint
  // members, so the two agree on them.
  std::vector<IssueSink> attempts;
  for (const auto* member : node.members) {
    IssueSink attempt(sink.loc());
    nlohmann::json value;
    if (Validate(*member, input, attempt, &value)) {
      *out = std::move(value);
      return true;
    }
    attempts.push_back(std::move(attempt));
  }
  for (std::size_t i = 0; i < node.members.size(); ++i) {
    sink.AppendTagged(std::move(attempts[i]), UnionMemberTag(*node.members[i]));
  }
  return false;
}

bool SchemaEngine::ValidateTaggedUnion(const SchemaNode& node, const OrderedJson& input,
                                       IssueSink& sink, nlohmann::json* out) const {
  if (!input.is_object()) {
    sink.Add("model_attributes_type",
             "Input should be a valid dictionary or object to extract fields from", input);
    return false;
  }
  std::string discriminator = "'" + node.discriminator + "'";
  auto tag = input.find(node.discriminator);
  if (tag == input.end()) {
    sink.Add("union_tag_not_found",
             "Unable to extract tag using discriminator " + discriminator, input,
             nlohmann::json{{"discriminator", discriminator}});
    return false;
  }

  for (std::size_t i = 0; i < node.members.size(); ++i) {
    if (tag->is_string() && tag->get_ref<const std::string&>() == node.tags[i]) {
      sink.PushLoc(node.tags[i]);
      bool ok = Validate(*node.members[i], input, sink, out);
      sink.PopLoc();
      return ok;
    }
  }

  std::string expected;
  for (std::size_t i = 0; i < node.tags.size(); ++i) {
    if (i > 0) expected += ", ";
    expected += "'" + node.tags[i] + "'";
  }
  std::string tag_text = PythonStr(*tag);
  sink.Add("union_tag_invalid",
           "Input tag '" + tag_text + "' found using " + discriminator +
               " does not match any of the expected tags: " + expected,
           input,
           nlohmann::json{
               {"discriminator", discriminator}, {"tag", tag_text}, {"expected_tags", expected}});
  return false;
}

}  // namespace emulator::validation
