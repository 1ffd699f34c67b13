#include <mynumber/corp/zip.hpp>

#include <doctest/doctest.h>

#include "test_support.hpp"

using namespace mynumber::corp;

TEST_CASE("zip: entries are listed and streamed with their CRC checked") {
  const std::string path = corp_test::work_dir() + "/two_entries.zip";
  const std::string big(300000, 'x');  // several inflate rounds
  {
    nta_synth::zip_writer z(path);
    z.begin("a.csv");
    z.write(big);
    z.end();
    z.begin("a.asc");
    z.write("sig");
    z.end();
    z.close();
  }
  const auto entries = try_list_zip(path).value();
  REQUIRE(entries.size() == 2);
  CHECK(entries[0].name == "a.csv");
  CHECK(entries[0].size == big.size());
  CHECK(entries[0].method == 8);
  CHECK(is_csv_entry(entries[0].name));
  CHECK_FALSE(is_csv_entry(entries[1].name));
  CHECK(is_csv_entry("X.CSV"));
  zip_entry_source src(path, entries[0]);
  std::string out;
  char buf[7000];
  for (;;) {
    const std::size_t n = src.read(buf, sizeof buf).value();
    if (n == 0) break;
    out.append(buf, n);
  }
  CHECK(out == big);
  CHECK(src.name() == path + "!a.csv");
}

TEST_CASE("zip: broken archives are errc::archive") {
  const std::string path = corp_test::work_dir() + "/not_a.zip";
  corp_test::write_file(path, "1,2,3\n");
  const auto listed = try_list_zip(path);
  REQUIRE_FALSE(listed.has_value());
  CHECK(listed.error().code == mynumber::errc::archive);
  CHECK(try_list_zip(corp_test::work_dir() + "/missing.zip").error().code == mynumber::errc::io);

  zip_entry wrong;
  wrong.name = "x.csv";
  wrong.method = 12;  // bzip2: not supported
  zip_entry_source src(path, wrong);
  char buf[16];
  const auto r = src.read(buf, sizeof buf);
  REQUIRE_FALSE(r.has_value());
  CHECK(r.error().code == mynumber::errc::archive);
  CHECK(r.error().detail.find("method 12") != std::string::npos);
}
