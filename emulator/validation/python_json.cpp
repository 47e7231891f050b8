#include "validation/python_json.h"

#include <cerrno>
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <limits>
#include <optional>
#include <string>

namespace emulator::validation {
namespace {

using Json = nlohmann::ordered_json;

// Thrown inside the reader only. ParsePythonJson turns it into a result.
struct DecodeError {
  std::string message;
  std::size_t byte_offset;
};
struct TooDeep {};

bool IsWhitespace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

int HexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

void AppendUtf8(std::uint32_t code_point, std::string& out) {
  if (code_point < 0x80) {
    out.push_back(static_cast<char>(code_point));
  } else if (code_point < 0x800) {
    out.push_back(static_cast<char>(0xC0 | (code_point >> 6)));
    out.push_back(static_cast<char>(0x80 | (code_point & 0x3F)));
  } else if (code_point < 0x10000) {
    out.push_back(static_cast<char>(0xE0 | (code_point >> 12)));
    out.push_back(static_cast<char>(0x80 | ((code_point >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (code_point & 0x3F)));
  } else {
    out.push_back(static_cast<char>(0xF0 | (code_point >> 18)));
    out.push_back(static_cast<char>(0x80 | ((code_point >> 12) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | ((code_point >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (code_point & 0x3F)));
  }
}

// Strict UTF-8 check, as Python's codec applies it: no overlong forms, no
// encoded surrogates, nothing above U+10FFFF.
bool IsValidUtf8(std::string_view text) {
  std::size_t i = 0;
  while (i < text.size()) {
    auto byte = static_cast<unsigned char>(text[i]);
    int extra = 0;
    std::uint32_t code_point = 0;
    if (byte < 0x80) {
      ++i;
      continue;
    } else if (byte >= 0xC2 && byte <= 0xDF) {
      extra = 1;
      code_point = byte & 0x1F;
    } else if (byte >= 0xE0 && byte <= 0xEF) {
      extra = 2;
      code_point = byte & 0x0F;
    } else if (byte >= 0xF0 && byte <= 0xF4) {
      extra = 3;
      code_point = byte & 0x07;
    } else {
      return false;
    }
    if (i + extra >= text.size()) return false;
    for (int k = 1; k <= extra; ++k) {
      auto next = static_cast<unsigned char>(text[i + k]);
      if ((next & 0xC0) != 0x80) return false;
      code_point = (code_point << 6) | (next & 0x3F);
    }
    if ((extra == 2 && code_point < 0x800) || (extra == 3 && code_point < 0x10000) ||
        (code_point >= 0xD800 && code_point <= 0xDFFF) || code_point > 0x10FFFF) {
      return false;
    }
    i += extra + 1;
  }
  return true;
}

class Reader {
 public:
  explicit Reader(std::string_view text) : text_(text) {}

  Json ReadDocument() {
    std::size_t pos = SkipWhitespace(0);
    Json value = ReadValue(pos, 0);
    pos = SkipWhitespace(pos);
    if (pos != text_.size()) throw DecodeError{"Extra data", pos};
    return value;
  }

 private:
  std::size_t SkipWhitespace(std::size_t pos) const {
    while (pos < text_.size() && IsWhitespace(text_[pos])) ++pos;
    return pos;
  }

  bool StartsWith(std::size_t pos, std::string_view word) const {
    return text_.substr(pos, word.size()) == word;
  }

  // Reads the value starting exactly at `pos` and advances `pos` past it.
  Json ReadValue(std::size_t& pos, int depth) {
    if (pos >= text_.size()) throw DecodeError{"Expecting value", pos};
    char c = text_[pos];
    if (c == '"') return ReadString(pos);
    if (c == '{') return ReadObject(pos, depth + 1);
    if (c == '[') return ReadArray(pos, depth + 1);
    if (c == 'n' && StartsWith(pos, "null")) {
      pos += 4;
      return Json(nullptr);
    }
    if (c == 't' && StartsWith(pos, "true")) {
      pos += 4;
      return Json(true);
    }
    if (c == 'f' && StartsWith(pos, "false")) {
      pos += 5;
      return Json(false);
    }
    // NOTE: Python accepts NaN and Infinity, and FastAPI then fails to render
    // them in a response. They are kept as doubles here and render as null.
    if (c == 'N' && StartsWith(pos, "NaN")) {
      pos += 3;
      return Json(std::numeric_limits<double>::quiet_NaN());
    }
    if (c == 'I' && StartsWith(pos, "Infinity")) {
      pos += 8;
      return Json(std::numeric_limits<double>::infinity());
    }
    if (c == '-' && StartsWith(pos, "-Infinity")) {
      pos += 9;
      return Json(-std::numeric_limits<double>::infinity());
    }
    std::optional<Json> number = ReadNumber(pos);
    if (!number) throw DecodeError{"Expecting value", pos};
    return *number;
  }

  // Mirrors the pattern -?(0|[1-9]\d*)(\.\d+)?([eE][-+]?\d+)? of Python's scanner.
  std::optional<Json> ReadNumber(std::size_t& pos) {
    std::size_t end = pos;
    if (end < text_.size() && text_[end] == '-') ++end;
    if (end >= text_.size() || !IsDigit(text_[end])) return std::nullopt;
    if (text_[end] == '0') {
      ++end;
    } else {
      while (end < text_.size() && IsDigit(text_[end])) ++end;
    }
    bool is_float = false;
    if (end + 1 < text_.size() && text_[end] == '.' && IsDigit(text_[end + 1])) {
      is_float = true;
      end += 2;
      while (end < text_.size() && IsDigit(text_[end])) ++end;
    }
    if (end < text_.size() && (text_[end] == 'e' || text_[end] == 'E')) {
      std::size_t exponent = end + 1;
      if (exponent < text_.size() && (text_[exponent] == '+' || text_[exponent] == '-')) {
        ++exponent;
      }
      if (exponent < text_.size() && IsDigit(text_[exponent])) {
        while (exponent < text_.size() && IsDigit(text_[exponent])) ++exponent;
        is_float = true;
        end = exponent;
      }
    }
    std::string literal(text_.substr(pos, end - pos));
    pos = end;
    if (!is_float) {
      errno = 0;
      if (literal[0] == '-') {
        long long value = std::strtoll(literal.c_str(), nullptr, 10);
        if (errno == 0) return Json(static_cast<std::int64_t>(value));
      } else {
        unsigned long long value = std::strtoull(literal.c_str(), nullptr, 10);
        if (errno == 0) return Json(static_cast<std::uint64_t>(value));
      }
      // NOTE: Python keeps integers of any size. One beyond 64 bits becomes a
      // double here, so its error type and echoed input can differ.
    }
    return Json(std::strtod(literal.c_str(), nullptr));
  }

  // Reads four hex digits after the 'u' at `u_pos`. Python also requires one
  // more character after them (at least the closing quote).
  std::uint32_t ReadHex4(std::size_t u_pos) const {
    if (u_pos + 5 >= text_.size()) {
      throw DecodeError{"Invalid \\uXXXX escape", u_pos};
    }
    std::uint32_t value = 0;
    for (std::size_t k = 1; k <= 4; ++k) {
      int digit = HexValue(text_[u_pos + k]);
      if (digit < 0) throw DecodeError{"Invalid \\uXXXX escape", u_pos};
      value = value * 16 + static_cast<std::uint32_t>(digit);
    }
    return value;
  }

  Json ReadString(std::size_t& pos) {
    std::size_t quote = pos;
    std::size_t i = pos + 1;
    std::string out;
    while (true) {
      if (i >= text_.size()) throw DecodeError{"Unterminated string starting at", quote};
      auto c = static_cast<unsigned char>(text_[i]);
      if (c == '"') break;
      if (c < 0x20) throw DecodeError{"Invalid control character at", i};
      if (c != '\\') {
        out.push_back(static_cast<char>(c));
        ++i;
        continue;
      }
      if (i + 1 >= text_.size()) throw DecodeError{"Unterminated string starting at", quote};
      char escape = text_[i + 1];
      switch (escape) {
        case '"': out.push_back('"'); break;
        case '\\': out.push_back('\\'); break;
        case '/': out.push_back('/'); break;
        case 'b': out.push_back('\b'); break;
        case 'f': out.push_back('\f'); break;
        case 'n': out.push_back('\n'); break;
        case 'r': out.push_back('\r'); break;
        case 't': out.push_back('\t'); break;
        case 'u': {
          std::uint32_t code_point = ReadHex4(i + 1);
          i += 6;
          if (code_point >= 0xD800 && code_point <= 0xDBFF && i + 1 < text_.size() &&
              text_[i] == '\\' && text_[i + 1] == 'u') {
            std::uint32_t low = ReadHex4(i + 1);
            if (low >= 0xDC00 && low <= 0xDFFF) {
              code_point = 0x10000 + ((code_point - 0xD800) << 10) + (low - 0xDC00);
              i += 6;
            }
          }
          // NOTE: Python keeps a lone surrogate in the string. UTF-8 cannot
          // represent it, so it becomes U+FFFD here.
          if (code_point >= 0xD800 && code_point <= 0xDFFF) code_point = 0xFFFD;
          AppendUtf8(code_point, out);
          continue;
        }
        default:
          throw DecodeError{"Invalid \\escape", i};
      }
      i += 2;
    }
    pos = i + 1;
    return Json(std::move(out));
  }

  Json ReadObject(std::size_t& pos, int depth) {
    if (depth > kMaxJsonDepth) throw TooDeep{};
    Json object = Json::object();
    std::size_t i = SkipWhitespace(pos + 1);
    if (i < text_.size() && text_[i] == '}') {
      pos = i + 1;
      return object;
    }
    while (true) {
      if (i >= text_.size() || text_[i] != '"') {
        throw DecodeError{"Expecting property name enclosed in double quotes", i};
      }
      std::string key = ReadString(i).get<std::string>();
      i = SkipWhitespace(i);
      if (i >= text_.size() || text_[i] != ':') throw DecodeError{"Expecting ':' delimiter", i};
      i = SkipWhitespace(i + 1);
      // Python keeps the first position of a repeated key and the last value.
      object[key] = ReadValue(i, depth);
      i = SkipWhitespace(i);
      if (i < text_.size() && text_[i] == '}') {
        pos = i + 1;
        return object;
      }
      if (i >= text_.size() || text_[i] != ',') throw DecodeError{"Expecting ',' delimiter", i};
      // NOTE: Python 3.13 reports a trailing comma as "Illegal trailing
      // comma before end of object". This follows Python 3.11.
      i = SkipWhitespace(i + 1);
    }
  }

  Json ReadArray(std::size_t& pos, int depth) {
    if (depth > kMaxJsonDepth) throw TooDeep{};
    Json array = Json::array();
    std::size_t i = SkipWhitespace(pos + 1);
    if (i < text_.size() && text_[i] == ']') {
      pos = i + 1;
      return array;
    }
    while (true) {
      array.push_back(ReadValue(i, depth));
      i = SkipWhitespace(i);
      if (i < text_.size() && text_[i] == ']') {
        pos = i + 1;
        return array;
      }
      if (i >= text_.size() || text_[i] != ',') throw DecodeError{"Expecting ',' delimiter", i};
      i = SkipWhitespace(i + 1);
    }
  }

  std::string_view text_;
};

std::size_t CountCodePoints(std::string_view text, std::size_t byte_offset) {
  std::size_t count = 0;
  for (std::size_t i = 0; i < byte_offset && i < text.size(); ++i) {
    if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) ++count;
  }
  return count;
}

}  // namespace

PythonJsonResult ParsePythonJson(std::string_view text) {
  PythonJsonResult result;

  // json.loads(bytes) decodes first. A UTF-8 byte order mark selects
  // utf-8-sig, which drops it before positions are counted.
  // NOTE: Python also detects UTF-16 and UTF-32 bodies by their zero bytes.
  // Those are read as UTF-8 here and fail as invalid UTF-8.
  if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
  if (!IsValidUtf8(text)) {
    result.status = PythonJsonResult::Status::kUnreadable;
    result.message = "body is not valid UTF-8";
    return result;
  }

  try {
    result.value = Reader(text).ReadDocument();
  } catch (const DecodeError& error) {
    result.status = PythonJsonResult::Status::kDecodeError;
    result.message = error.message;
    result.position = CountCodePoints(text, error.byte_offset);
  } catch (const TooDeep&) {
    result.status = PythonJsonResult::Status::kUnreadable;
    result.message = "body nests deeper than the decoder's recursion limit";
  }
  return result;
}

}  // namespace emulator::validation
