// Helpers shared by the secure module's tests: fixed test keys (generated here, not secrets of
// anyone), the token-vector table of docs/security.md, temporary files.
#ifndef MYNUMBER_TESTS_SECURE_SUPPORT_HPP
#define MYNUMBER_TESTS_SECURE_SUPPORT_HPP

#include <mynumber/secure.hpp>

#include <cstdint>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include "test_support.hpp"

namespace secure_test {

// A key whose bytes are first, first+1, …, first+31 (test keys for published vectors).
inline mynumber::symmetric_key counting_key(const std::string& id, std::uint8_t first) {
  unsigned char bytes[32];
  for (int i = 0; i < 32; ++i) bytes[i] = static_cast<unsigned char>(first + i);
  return mynumber::symmetric_key::make(id, mynumber::secret(bytes, sizeof bytes));
}

// A ring of the given keys; the first is current.
template <class... Keys>
mynumber::key_ring ring_of(Keys&&... keys) {
  mynumber::key_ring ring;
  (ring.add(std::forward<Keys>(keys)), ...);
  return ring;
}

struct token_vector {
  std::string key_hex, key_id, domain, number, token;
};

// Rows of the table between <!-- token-vectors:begin --> and <!-- token-vectors:end --> in
// docs/security.md: | key (hex) | key id | domain | number | token |, values in backticks.
inline std::vector<token_vector> published_token_vectors() {
  const std::string doc = test_support::read_file(std::string(MYNUMBER_SOURCE_DIR) + "/docs/security.md");
  const auto begin = doc.find("<!-- token-vectors:begin -->");
  const auto end = doc.find("<!-- token-vectors:end -->");
  std::vector<token_vector> out;
  if (begin == std::string::npos || end == std::string::npos) return out;
  std::istringstream lines(doc.substr(begin, end - begin));
  std::string line;
  while (std::getline(lines, line)) {
    std::vector<std::string> cells;
    std::string::size_type at = 0;
    while ((at = line.find('`', at)) != std::string::npos) {
      const auto close = line.find('`', at + 1);
      if (close == std::string::npos) break;
      cells.push_back(line.substr(at + 1, close - at - 1));
      at = close + 1;
    }
    if (cells.size() == 5) out.push_back({cells[0], cells[1], cells[2], cells[3], cells[4]});
  }
  return out;
}

// A fresh directory under the test work dir.
inline std::filesystem::path work_dir(const std::string& name) {
  const std::filesystem::path dir = std::filesystem::path(MYNUMBER_TEST_WORK_DIR) / name;
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  return dir;
}

inline void write_file(const std::filesystem::path& path, const std::string& text) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out << text;
}

}  // namespace secure_test

#endif
