// Shared helpers for the doctest suites.
#ifndef MYNUMBER_TESTS_TEST_SUPPORT_HPP
#define MYNUMBER_TESTS_TEST_SUPPORT_HPP

#include <fstream>
#include <iterator>
#include <regex>
#include <sstream>
#include <string>
#include <vector>

namespace test_support {

// Reads a whole file; fails the calling test (via an empty result checked by the caller) if absent.
inline std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

// The approved test vectors listed at the top of ../shared/reference/numbers.md, in the line that
// starts with "- <label>:" (label = "Individual" or "Corporate").
inline std::vector<std::string> reference_vectors(const std::string& label) {
  const std::string text = read_file(std::string(MYNUMBER_REFERENCE_DIR) + "/numbers.md");
  std::vector<std::string> out;
  std::istringstream lines(text);
  std::string line;
  bool in_entry = false;
  while (std::getline(lines, line)) {
    if (line.rfind("- " + label + ":", 0) == 0) in_entry = true;
    else if (in_entry && (line.rfind("- ", 0) == 0 || line.empty())) break;
    if (!in_entry) continue;
    static const std::regex code("`([0-9]+)`");
    for (std::sregex_iterator it(line.begin(), line.end(), code), end; it != end; ++it) out.push_back((*it)[1]);
  }
  return out;
}

}  // namespace test_support

#endif
