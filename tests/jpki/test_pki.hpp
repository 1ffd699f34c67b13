// Test support for the jpki suite: the generated test PKI (tools/jpki_test_pki.cpp, run by ctest
// as a fixture into MYNUMBER_JPKI_TEST_PKI_DIR) and a small JSON reader for its manifest.
#ifndef MYNUMBER_TESTS_JPKI_TEST_PKI_HPP
#define MYNUMBER_TESTS_JPKI_TEST_PKI_HPP

#include <cstdlib>
#include <map>
#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

#include "../test_support.hpp"

namespace test_pki {

// A JSON value (objects keep keys sorted; enough for the manifest).
struct json {
  enum class type { null, boolean, number, string, array, object } kind = type::null;
  bool boolean = false;
  double number = 0;
  std::string text;
  std::vector<json> items;
  std::map<std::string, json> fields;

  [[nodiscard]] const json& operator[](const std::string& key) const {
    const auto it = fields.find(key);
    if (it == fields.end()) throw std::runtime_error("manifest: missing key " + key);
    return it->second;
  }
  [[nodiscard]] bool is_null() const { return kind == type::null; }
};

class json_reader {
 public:
  explicit json_reader(const std::string& s) : s_(s) {}
  json parse() {
    json v = value();
    space();
    if (i_ != s_.size()) throw std::runtime_error("manifest: trailing data");
    return v;
  }

 private:
  void space() {
    while (i_ < s_.size() && (s_[i_] == ' ' || s_[i_] == '\n' || s_[i_] == '\r' || s_[i_] == '\t')) ++i_;
  }
  void expect(char c) {
    space();
    if (i_ >= s_.size() || s_[i_] != c) throw std::runtime_error(std::string("manifest: expected ") + c);
    ++i_;
  }
  std::string string_value() {
    expect('"');
    std::string out;
    while (i_ < s_.size() && s_[i_] != '"') {
      if (s_[i_] == '\\') {
        ++i_;
        const char e = s_.at(i_);
        if (e == 'n') out += '\n';
        else if (e == 'u') {
          const unsigned code = static_cast<unsigned>(std::stoul(s_.substr(i_ + 1, 4), nullptr, 16));
          out += static_cast<char>(code);  // the generator escapes only ASCII controls
          i_ += 4;
        } else out += e;
        ++i_;
      } else {
        out += s_[i_++];
      }
    }
    ++i_;
    return out;
  }
  json value() {
    space();
    json v;
    const char c = s_.at(i_);
    if (c == '{') {
      v.kind = json::type::object;
      ++i_;
      space();
      if (s_.at(i_) == '}') {
        ++i_;
        return v;
      }
      while (true) {
        std::string key = string_value();
        expect(':');
        v.fields[key] = value();
        space();
        if (s_.at(i_) == ',') {
          ++i_;
          continue;
        }
        expect('}');
        return v;
      }
    }
    if (c == '[') {
      v.kind = json::type::array;
      ++i_;
      space();
      if (s_.at(i_) == ']') {
        ++i_;
        return v;
      }
      while (true) {
        v.items.push_back(value());
        space();
        if (s_.at(i_) == ',') {
          ++i_;
          continue;
        }
        expect(']');
        return v;
      }
    }
    if (c == '"') {
      v.kind = json::type::string;
      v.text = string_value();
      return v;
    }
    if (s_.compare(i_, 4, "null") == 0) {
      i_ += 4;
      return v;
    }
    if (s_.compare(i_, 4, "true") == 0) {
      i_ += 4;
      v.kind = json::type::boolean;
      v.boolean = true;
      return v;
    }
    if (s_.compare(i_, 5, "false") == 0) {
      i_ += 5;
      v.kind = json::type::boolean;
      return v;
    }
    std::size_t used = 0;
    v.kind = json::type::number;
    v.number = std::stod(s_.substr(i_), &used);
    i_ += used;
    return v;
  }
  const std::string& s_;
  std::size_t i_ = 0;
};

// Directory of the generated PKI.
inline std::string dir() { return MYNUMBER_JPKI_TEST_PKI_DIR; }

inline std::string path(const std::string& relative) { return dir() + "/" + relative; }

inline std::string read(const std::string& relative) { return test_support::read_file(path(relative)); }

// The parsed manifest (read once per process).
inline const json& manifest() {
  static const json m = [] {
    const std::string text = read("manifest.json");
    if (text.empty()) throw std::runtime_error("test PKI manifest missing: run the jpki_test_pki fixture");
    return json_reader(text).parse();
  }();
  return m;
}

// The manifest entry of certificate `id`.
inline const json& cert_entry(const std::string& id) {
  for (const auto& c : manifest()["certificates"].items) {
    if (c["id"].text == id) return c;
  }
  throw std::runtime_error("manifest: no certificate " + id);
}

}  // namespace test_pki

#endif  // MYNUMBER_TESTS_JPKI_TEST_PKI_HPP
