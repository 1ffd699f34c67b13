// gen_nta_bulk — writes synthetic NTA corporate-number files (tools/nta_synth.hpp) in the exact
// bulk format: a national snapshot, one diff per day after it and, optionally, the snapshot at the
// end of the diff window (which must equal snapshot + diffs).
//
//   gen_nta_bulk --out DIR [--rows N] [--seed S] [--date YYYY-MM-DD] [--days D]
//                [--encoding utf8|utf8-bom|cp932] [--zip] [--lf] [--end-snapshot]
//                [--diff-rate R] [--new-rate R]
// Files: DIR/00_zenkoku_all_YYYYMMDD.{csv|zip}, DIR/diff_YYYYMMDD.{csv|zip} (file names as in
// corporate_data.md §1.2; the diff name is UNCONFIRMED there).
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <memory>
#include <string>

#include "nta_synth.hpp"

namespace {

// Streams rows to a .csv or into a .zip (CSV entry + a placeholder .asc, as the NTA zips hold one).
class sink {
 public:
  sink(const std::string& base, bool zip) : zip_(zip), name_(base) {
    const std::string slash = base.substr(base.find_last_of('/') + 1);
    if (zip_) {
      z_ = std::make_unique<nta_synth::zip_writer>(base + ".zip");
      z_->begin(slash + ".csv");
    } else {
      f_ = std::fopen((base + ".csv").c_str(), "wb");
      if (f_ == nullptr) throw std::runtime_error("cannot create " + base + ".csv");
    }
    entry_ = slash;
  }
  void write(const std::string& s) {
    bytes_ += s.size();
    if (zip_) z_->write(s);
    else if (std::fwrite(s.data(), 1, s.size(), f_) != s.size()) throw std::runtime_error("write failed");
  }
  std::uint64_t close() {
    if (zip_) {
      z_->end();
      z_->begin(entry_ + ".asc");
      z_->write("-----BEGIN PGP SIGNATURE-----\nsynthetic placeholder, not a signature\n-----END PGP SIGNATURE-----\n");
      z_->end();
      z_->close();
    } else if (std::fclose(f_) != 0) {
      throw std::runtime_error("close failed");
    }
    return bytes_;
  }

 private:
  bool zip_;
  std::string name_, entry_;
  std::unique_ptr<nta_synth::zip_writer> z_;
  std::FILE* f_ = nullptr;
  std::uint64_t bytes_ = 0;
};

void usage() {
  std::cerr << "usage: gen_nta_bulk --out DIR [--rows N] [--seed S] [--date YYYY-MM-DD] [--days D]\n"
               "                    [--encoding utf8|utf8-bom|cp932] [--zip] [--lf] [--end-snapshot]\n"
               "                    [--diff-rate R] [--new-rate R]\n";
}

}  // namespace

int main(int argc, char** argv) {
  nta_synth::config cfg;
  std::string out;
  nta_synth::writer_options wo;
  bool zip = false, end_snapshot = false;
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    const auto value = [&]() -> std::string {
      if (i + 1 >= argc) {
        usage();
        std::exit(2);
      }
      return argv[++i];
    };
    if (a == "--out") out = value();
    else if (a == "--rows") cfg.corporations = std::stoull(value());
    else if (a == "--seed") cfg.seed = std::stoull(value());
    else if (a == "--date") {
      const auto day = nta_synth::civil_date::try_parse(value());
      if (!day) {
        std::cerr << "gen_nta_bulk: --date: " << day.error().message() << "\n";
        return 2;
      }
      cfg.snapshot_date = *day;
    } else if (a == "--days") cfg.window_days = std::stoi(value());
    else if (a == "--diff-rate") cfg.window_event_rate = std::stod(value());
    else if (a == "--new-rate") cfg.new_rate = std::stod(value());
    else if (a == "--zip") zip = true;
    else if (a == "--lf") wo.crlf = false;
    else if (a == "--end-snapshot") end_snapshot = true;
    else if (a == "--encoding") {
      const std::string e = value();
      if (e == "utf8") wo.enc = nta_synth::encoding::utf8;
      else if (e == "utf8-bom") wo.enc = nta_synth::encoding::utf8_bom;
      else if (e == "cp932" || e == "sjis") wo.enc = nta_synth::encoding::cp932;
      else {
        usage();
        return 2;
      }
    } else {
      usage();
      return 2;
    }
  }
  if (out.empty()) {
    usage();
    return 2;
  }
  try {
    const auto t0 = std::chrono::steady_clock::now();
    std::filesystem::create_directories(out);  // --out may name a directory that does not exist yet
    nta_synth::world w(cfg);
    nta_synth::cp932_encoder sjis;
    const auto write_snapshot = [&](nta_synth::civil_date day) {
      sink s(out + "/00_zenkoku_all_" + day.to_basic_string(), zip);
      std::string buf;
      if (wo.enc == nta_synth::encoding::utf8_bom) buf += "\xEF\xBB\xBF";
      std::uint64_t seq = 0;
      for (std::uint64_t i = 0; i < w.total(); ++i) {
        auto row = w.snapshot_row(i, day);
        if (!row) continue;
        row->sequence_number = ++seq;
        nta_synth::write_row(*row, buf, wo, &sjis);
        if (buf.size() > (1u << 20)) {
          s.write(buf);
          buf.clear();
        }
      }
      s.write(buf);
      const std::uint64_t bytes = s.close();
      std::cout << "snapshot " << day.to_string() << ": " << seq << " rows, " << bytes << " bytes\n";
    };
    write_snapshot(cfg.snapshot_date);
    const auto diffs = w.all_diffs();
    for (std::size_t d = 0; d < diffs.size(); ++d) {
      const nta_synth::civil_date day = cfg.snapshot_date.add_days(static_cast<long>(d + 1));
      sink s(out + "/diff_" + day.to_basic_string(), zip);
      std::string buf;
      if (wo.enc == nta_synth::encoding::utf8_bom) buf += "\xEF\xBB\xBF";
      for (const auto& r : diffs[d]) nta_synth::write_row(r, buf, wo, &sjis);
      s.write(buf);
      s.close();
      std::cout << "diff " << day.to_string() << ": " << diffs[d].size() << " rows\n";
    }
    if (end_snapshot && cfg.window_days > 0) write_snapshot(w.window_end());
    const double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    std::cout << "done in " << secs << " s\n";
  } catch (const std::exception& e) {
    std::cerr << "gen_nta_bulk: " << e.what() << "\n";
    return 1;
  }
  return 0;
}
