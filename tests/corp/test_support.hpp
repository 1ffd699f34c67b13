// Shared helpers for the corp tests: a scratch directory and small synthetic worlds.
#ifndef MYNUMBER_TESTS_CORP_TEST_SUPPORT_HPP
#define MYNUMBER_TESTS_CORP_TEST_SUPPORT_HPP

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include <mynumber/corp/reader.hpp>

#include "nta_synth.hpp"

namespace corp_test {

inline std::string work_dir() {
  const std::filesystem::path p = std::filesystem::path(MYNUMBER_TEST_WORK_DIR) / "corp";
  std::filesystem::create_directories(p);
  return p.string();
}

inline void write_file(const std::string& path, const std::string& bytes) {
  std::ofstream f(path, std::ios::binary);
  f.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
}

// A small world in which every code value and edge case appears (see nta_synth.hpp).
inline nta_synth::config small_config(std::uint64_t corporations = 400) {
  nta_synth::config c;
  c.seed = 7;
  c.corporations = corporations;
  c.window_days = 4;
  c.window_event_rate = 0.15;
  c.new_rate = 0.02;
  return c;
}

inline std::vector<mynumber::corp::record> snapshot_rows(const nta_synth::world& w, nta_synth::civil_date day) {
  std::vector<mynumber::corp::record> rows;
  std::uint64_t seq = 0;
  for (std::uint64_t i = 0; i < w.total(); ++i) {
    auto r = w.snapshot_row(i, day);
    if (!r) continue;
    r->sequence_number = ++seq;
    rows.push_back(std::move(*r));
  }
  return rows;
}

inline std::string to_csv(const std::vector<mynumber::corp::record>& rows, nta_synth::encoding enc, bool crlf = true,
                          int columns = 30) {
  static const nta_synth::cp932_encoder sjis;
  std::string out = enc == nta_synth::encoding::utf8_bom ? "\xEF\xBB\xBF" : "";
  nta_synth::writer_options o;
  o.enc = enc;
  o.crlf = crlf;
  for (const auto& r : rows) nta_synth::write_row(r, out, o, &sjis, columns);
  return out;
}

struct read_result {
  std::vector<mynumber::corp::record> rows;
  std::vector<mynumber::corp::bad_row> bad;
  mynumber::corp::read_stats stats;
};

inline read_result read_all(mynumber::corp::bulk_reader& reader) {
  read_result out;
  mynumber::corp::record r;
  while (reader.next(r)) out.rows.push_back(r);
  out.bad = reader.bad_rows();
  out.stats = reader.stats();
  return out;
}

inline read_result read_bytes(const std::string& bytes, mynumber::corp::reader_options o = {}) {
  mynumber::corp::bulk_reader reader(std::make_unique<mynumber::corp::memory_source>(bytes, "test.csv"), std::move(o));
  return read_all(reader);
}

}  // namespace corp_test

#endif
