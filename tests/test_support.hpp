// Shared helpers for the doctest suites.
#ifndef MYNUMBER_TESTS_TEST_SUPPORT_HPP
#define MYNUMBER_TESTS_TEST_SUPPORT_HPP

#include <fstream>
#include <iterator>
#include <sstream>
#include <string>
#include <vector>

namespace test_support {

// Reads a whole file; fails the calling test (via an empty result checked by the caller) if absent.
inline std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

// The fixed number test vectors of data/numbers/vectors.tsv (kind "individual" or "corporate")
// whose expected verdict is `expected` ("valid" or "invalid"), in file order.
inline std::vector<std::string> vectors(const std::string& kind, const std::string& expected = "valid") {
  std::istringstream lines(read_file(std::string(MYNUMBER_DATA_DIR) + "/numbers/vectors.tsv"));
  std::vector<std::string> out;
  std::string line;
  while (std::getline(lines, line)) {
    if (line.empty() || line[0] == '#') continue;
    std::istringstream fields(line);
    std::string k, number, verdict;
    if (std::getline(fields, k, '\t') && std::getline(fields, number, '\t') && std::getline(fields, verdict, '\t') &&
        k == kind && verdict == expected)
      out.push_back(number);
  }
  return out;
}

}  // namespace test_support

#endif
