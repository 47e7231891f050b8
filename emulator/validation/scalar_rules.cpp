#include "validation/scalar_rules.h"

#include <cctype>
#include <cmath>
#include <cstdint>
#include <limits>
#include <string>

#include "validation/python_repr.h"

namespace emulator::validation {
namespace {

constexpr char kIntParsingMessage[] =
    "Input should be a valid integer, unable to parse string as an integer";

std::size_t CountCodePoints(const std::string& text) {
  std::size_t count = 0;
  for (char c : text) {
    if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++count;
  }
  return count;
}

std::string Plural(std::size_t count, const char* noun) {
  return std::to_string(count) + " " + noun + (count == 1 ? "" : "s");
}

// A bound from the schema, as Python prints it: 1024, not 1024.0.
nlohmann::json BoundValue(double bound) {
  if (std::floor(bound) == bound && std::fabs(bound) < 9e15) {
    return static_cast<std::int64_t>(bound);
  }
  return bound;
}

std::string BoundText(double bound) { return PythonRepr(ToOrderedJson(BoundValue(bound))); }

bool IsPythonSpace(char c) { return c == ' ' || (c >= '\t' && c <= '\r'); }

// pydantic's int-from-str grammar: optional surrounding whitespace, a sign,
// digits with single underscores between them, and an optional fraction of
// zeros only ("8080.0").
std::optional<long double> ParseIntString(const std::string& raw) {
  std::size_t begin = 0;
  std::size_t end = raw.size();
  while (begin < end && IsPythonSpace(raw[begin])) ++begin;
  while (end > begin && IsPythonSpace(raw[end - 1])) --end;
  std::string text = raw.substr(begin, end - begin);

  std::size_t i = 0;
  bool negative = false;
  if (i < text.size() && (text[i] == '+' || text[i] == '-')) negative = text[i++] == '-';
  long double value = 0;
  bool seen_digit = false;
  while (i < text.size()) {
    char c = text[i];
    if (std::isdigit(static_cast<unsigned char>(c))) {
      value = value * 10 + (c - '0');
      seen_digit = true;
      ++i;
    } else if (c == '_' && seen_digit && i + 1 < text.size() &&
               std::isdigit(static_cast<unsigned char>(text[i + 1]))) {
      ++i;
    } else {
      break;
    }
  }
  if (!seen_digit) return std::nullopt;
  if (i < text.size() && text[i] == '.') {
    ++i;
    std::size_t zeros = 0;
    while (i < text.size() && text[i] == '0') ++i, ++zeros;
    if (zeros == 0) return std::nullopt;
  }
  if (i != text.size()) return std::nullopt;
  return negative ? -value : value;
}

bool CheckNumberBounds(const SchemaNode& node, long double value, const OrderedJson& input,
                       IssueSink& sink) {
  if (node.le && value > *node.le) {
    sink.Add("less_than_equal", "Input should be less than or equal to " + BoundText(*node.le),
             input, nlohmann::json{{"le", BoundValue(*node.le)}});
    return false;
  }
  if (node.lt && value >= *node.lt) {
    sink.Add("less_than", "Input should be less than " + BoundText(*node.lt), input,
             nlohmann::json{{"lt", BoundValue(*node.lt)}});
    return false;
  }
  if (node.ge && value < *node.ge) {
    sink.Add("greater_than_equal",
             "Input should be greater than or equal to " + BoundText(*node.ge), input,
             nlohmann::json{{"ge", BoundValue(*node.ge)}});
    return false;
  }
  if (node.gt && value <= *node.gt) {
    sink.Add("greater_than", "Input should be greater than " + BoundText(*node.gt), input,
             nlohmann::json{{"gt", BoundValue(*node.gt)}});
    return false;
  }
  return true;
}

nlohmann::json IntegerJson(long double value) {
  if (value >= static_cast<long double>(std::numeric_limits<std::int64_t>::min()) &&
      value <= static_cast<long double>(std::numeric_limits<std::int64_t>::max())) {
    return static_cast<std::int64_t>(value);
  }
  // NOTE: Python would keep an integer of this size exactly. It is
  // approximated by a double here.
  return static_cast<double>(value);
}

}  // namespace

bool ValidateString(const SchemaNode& node, const OrderedJson& input, IssueSink& sink,
                    nlohmann::json* out) {
  if (!input.is_string()) {
    sink.Add("string_type", "Input should be a valid string", input);
    return false;
  }
  const auto& text = input.get_ref<const std::string&>();
  std::size_t length = CountCodePoints(text);
  if (node.min_length && length < *node.min_length) {
    sink.Add("string_too_short",
             "String should have at least " + Plural(*node.min_length, "character"), input,
             nlohmann::json{{"min_length", *node.min_length}});
    return false;
  }
  if (node.max_length && length > *node.max_length) {
    sink.Add("string_too_long",
             "String should have at most " + Plural(*node.max_length, "character"), input,
             nlohmann::json{{"max_length", *node.max_length}});
    return false;
  }
  // NOTE: pydantic matches with Rust's regex crate, where \d also matches
  // non-ASCII digits, but std::regex matches ASCII digits only.
  if (node.pattern && !std::regex_search(text, *node.pattern)) {
    sink.Add("string_pattern_mismatch",
             "String should match pattern '" + node.pattern_source + "'", input,
             nlohmann::json{{"pattern", node.pattern_source}});
    return false;
  }
  *out = text;
  return true;
}

bool ValidateInteger(const SchemaNode& node, const OrderedJson& input, IssueSink& sink,
                     nlohmann::json* out) {
  long double value = 0;
  if (input.is_boolean()) {
    value = input.get<bool>() ? 1 : 0;
  } else if (input.is_number_integer()) {
    value = input.is_number_unsigned() ? static_cast<long double>(input.get<std::uint64_t>())
                                       : static_cast<long double>(input.get<std::int64_t>());
  } else if (input.is_number_float()) {
    double number = input.get<double>();
    if (!std::isfinite(number)) {
      sink.Add("finite_number", "Input should be a finite number", input);
      return false;
    }
    if (std::floor(number) != number) {
      sink.Add("int_from_float",
               "Input should be a valid integer, got a number with a fractional part", input);
      return false;
    }
    if (std::fabs(number) >= 9.223372036854775807e18) {
      sink.Add("int_parsing_size",
               "Unable to parse input string as an integer, exceeded maximum size", input);
      return false;
    }
    value = number;
  } else if (input.is_string()) {
    auto parsed = ParseIntString(input.get_ref<const std::string&>());
    if (!parsed) {
      sink.Add("int_parsing", kIntParsingMessage, input);
      return false;
    }
    value = *parsed;
  } else {
    sink.Add("int_type", "Input should be a valid integer", input);
    return false;
  }
  if (!CheckNumberBounds(node, value, input, sink)) return false;
  *out = IntegerJson(value);
  return true;
}

bool ValidateNumber(const SchemaNode& node, const OrderedJson& input, IssueSink& sink,
                    nlohmann::json* out) {
  double value = 0;
  if (input.is_boolean()) {
    value = input.get<bool>() ? 1 : 0;
  } else if (input.is_number()) {
    value = input.get<double>();
  } else if (input.is_string()) {
    // NOTE: Python's float() also accepts underscores, "inf" and "nan";
    // this accepts what strtod reads in full.
    const auto& text = input.get_ref<const std::string&>();
    char* end = nullptr;
    value = std::strtod(text.c_str(), &end);
    if (text.empty() || end != text.c_str() + text.size()) {
      sink.Add("float_parsing", "Input should be a valid number, unable to parse string as a number",
               input);
      return false;
    }
  } else {
    sink.Add("float_type", "Input should be a valid number", input);
    return false;
  }
  if (!CheckNumberBounds(node, value, input, sink)) return false;
  *out = value;
  return true;
}

bool ValidateBoolean(const OrderedJson& input, IssueSink& sink, nlohmann::json* out) {
  constexpr char kParsing[] = "Input should be a valid boolean, unable to interpret input";
  if (input.is_boolean()) {
    *out = input.get<bool>();
    return true;
  }
  if (input.is_number()) {
    double number = input.get<double>();
    if (input.is_number_float() && (!std::isfinite(number) || std::floor(number) != number)) {
      sink.Add("bool_type", "Input should be a valid boolean", input);
      return false;
    }
    if (number == 0 || number == 1) {
      *out = number == 1;
      return true;
    }
    sink.Add("bool_parsing", kParsing, input);
    return false;
  }
  if (input.is_string()) {
    std::string lower = input.get<std::string>();
    for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (lower == "1" || lower == "on" || lower == "t" || lower == "true" || lower == "y" ||
        lower == "yes") {
      *out = true;
      return true;
    }
    if (lower == "0" || lower == "off" || lower == "f" || lower == "false" || lower == "n" ||
        lower == "no") {
      *out = false;
      return true;
    }
    sink.Add("bool_parsing", kParsing, input);
    return false;
  }
  sink.Add("bool_type", "Input should be a valid boolean", input);
  return false;
}

bool ValidateChoice(const SchemaNode& node, const OrderedJson& input, IssueSink& sink,
                    nlohmann::json* out) {
  for (const auto& allowed : node.allowed) {
    if (allowed == input && allowed.is_boolean() == input.is_boolean() &&
        allowed.is_string() == input.is_string()) {
      *out = ToJson(allowed);
      return true;
    }
  }
  std::string expected = JoinExpected(node.allowed);
  bool is_enum = node.kind == SchemaNode::Kind::kEnum;
  sink.Add(is_enum ? "enum" : "literal_error", "Input should be " + expected, input,
           nlohmann::json{{"expected", expected}});
  return false;
}

}  // namespace emulator::validation
