// bench_corp — full-scale figures for the corporate-data module (run by benchmarks/bench_corp.sh).
//   bench_corp parse FILE...            parse throughput (one core, page cache), per file
//   bench_corp import FILE DB           full snapshot import into SQLite, with peak memory
//   bench_corp diffs DB DIFF...         apply daily diffs
//   bench_corp query DB FILE            lookups by number and name searches, sampled from FILE
// Times are printed as wall time and as CPU time of this thread (the machine is shared: CPU time
// is what the code costs; wall time includes waiting for a core). Every figure is also printed as
// a tab-separated ROW line (section, what, value, unit, comparison), as benchmarks/run_all.sh reads.
#include <sys/resource.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <iostream>
#include <random>
#include <string>
#include <vector>

#include <mynumber/corp.hpp>

namespace {

using namespace mynumber::corp;

double thread_cpu_seconds() {
  timespec ts{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) * 1e-9;
}
double wall_seconds() {
  return std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch()).count();
}
double process_cpu_seconds() {
  timespec ts{};
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) * 1e-9;
}
double peak_rss_mib() {
  rusage u{};
  getrusage(RUSAGE_SELF, &u);
  return static_cast<double>(u.ru_maxrss) / 1024.0;  // Linux: KiB
}
void row(const std::string& what, double value, const std::string& unit, const std::string& comparison) {
  std::printf("ROW\tCorporate data\t%s\t%.6g\t%s\t%s\n", what.c_str(), value, unit.c_str(), comparison.c_str());
}

struct timer {
  double wall0 = wall_seconds(), cpu0 = thread_cpu_seconds();
  [[nodiscard]] double wall() const { return wall_seconds() - wall0; }
  [[nodiscard]] double cpu() const { return thread_cpu_seconds() - cpu0; }
};

// One way of reading a file: which record type and which splitter.
struct parse_mode {
  const char* label;
  bool view;        // record_view (no copies) or record (owning strings)
  bool vectorized;  // reader_options::vectorized
};

int parse(const std::vector<std::string>& files) {
  // The headline figure is the first mode; the others show what the view API and the vector
  // path each contribute, measured the same way on the same file.
  static constexpr parse_mode modes[] = {
      {"record_view", true, true},
      {"record (owning strings)", false, true},
      {"record_view, general parser only", true, false},
  };
  // BENCH_CORP_PARSE_MODES=1 measures only the first mode (for profiling it alone).
  const char* only = std::getenv("BENCH_CORP_PARSE_MODES");
  const std::size_t mode_count = only != nullptr ? std::min<std::size_t>(std::strtoul(only, nullptr, 10), 3) : 3;
  for (const std::string& f : files) {
    const double mb = static_cast<double>(std::filesystem::file_size(f)) / 1e6;
    for (const parse_mode& mode : std::vector<parse_mode>(modes, modes + mode_count)) {
      double best_cpu = 1e30, best_wall = 1e30;
      read_stats stats;
      for (int run = 0; run < 3; ++run) {  // best of 3: the first run also warms the page cache
        reader_options options;
        options.vectorized = mode.vectorized;
        auto reader = bulk_reader::open(f, options);
        record owned;
        record_view view;
        timer t;
        if (mode.view) {
          while (reader.next(view)) {}
        } else {
          while (reader.next(owned)) {}
        }
        best_cpu = std::min(best_cpu, t.cpu());
        best_wall = std::min(best_wall, t.wall());
        stats = reader.stats();
      }
      std::printf("parse %s [%s]: %.1f MB, %llu rows (%llu good, %llu bad), encoding %s\n", f.c_str(), mode.label, mb,
                  static_cast<unsigned long long>(stats.rows), static_cast<unsigned long long>(stats.good),
                  static_cast<unsigned long long>(stats.bad), std::string(to_string(stats.encoding)).c_str());
      std::printf("  best of 3: %.2f s CPU (%.0f MB/s), %.2f s wall (%.0f MB/s)\n", best_cpu, mb / best_cpu, best_wall,
                  mb / best_wall);
      const std::string label = "parse " + std::string(to_string(stats.encoding)) + " (" +
                                std::filesystem::path(f).filename().string() + ", " + mode.label + ")";
      row(label, mb / best_cpu, "MB/s CPU", mode.label == modes[0].label ? "target >= 300 MB/s" : "");
      if (mode.label == modes[0].label) row(label + " wall", mb / best_wall, "MB/s wall", "");
      if (stats.rows != stats.good + stats.bad) {
        std::fprintf(stderr, "row totals do not reconcile\n");
        return 1;
      }
    }
  }
  return 0;
}

int import(const std::string& file, const std::string& db) {
  std::filesystem::remove(db);
  auto s = store::open(db);
  timer t;
  const double process_cpu0 = process_cpu_seconds();
  std::uint64_t last = 0;
  double rows_done = 0;  // the last progress call comes when every row is in, before the indexes
  const auto rep = s.try_import_snapshot(file, {}, [&](std::uint64_t rows, std::uint64_t) {
                      rows_done = t.wall();
                      if (rows - last >= 1000000) {
                        std::fprintf(stderr, "  %llu rows...\n", static_cast<unsigned long long>(rows));
                        last = rows;
                      }
                    }).value();
  const double wall = t.wall(), cpu = t.cpu(), all_threads_cpu = process_cpu_seconds() - process_cpu0;
  const double peak = peak_rss_mib();
  std::printf(
      "import %s: %llu rows inserted, %llu bad, in %.1f s wall (%.1f s CPU in this thread, %.1f s in all); "
      "rows in after %.1f s, indexes and statistics %.1f s; peak RSS %.0f MiB; db %.0f MB\n",
      file.c_str(), static_cast<unsigned long long>(rep.inserted), static_cast<unsigned long long>(rep.stats.bad), wall,
      cpu, all_threads_cpu, rows_done, wall - rows_done, peak,
      static_cast<double>(std::filesystem::file_size(db)) / 1e6);
  row("SQLite import, full snapshot", wall, "s wall", "target < 90 s");
  row("SQLite import: rows inserted", rows_done, "s wall", "");
  row("SQLite import: indexes, dedup, ANALYZE", wall - rows_done, "s wall", "");
  row("SQLite import CPU (all threads)", all_threads_cpu, "s CPU", "");
  row("SQLite import peak memory", peak, "MiB RSS", "target < 1024 MiB");
  return 0;
}

int diffs(const std::string& db, const std::vector<std::string>& files) {
  auto s = store::open(db);
  timer t;
  const auto reports = s.try_apply_diffs(files).value();
  std::uint64_t rows = 0;
  for (const auto& r : reports) rows += r.stats.rows;
  std::printf("applied %zu diffs (%llu rows) in %.2f s wall\n", reports.size(), static_cast<unsigned long long>(rows),
              t.wall());
  row("apply diffs", t.wall() * 1000.0 / static_cast<double>(std::max<std::size_t>(1, reports.size())), "ms/diff wall",
      std::to_string(rows) + " rows in " + std::to_string(reports.size()) + " diffs");
  return 0;
}

double percentile(std::vector<double> v, double p) {
  std::sort(v.begin(), v.end());
  return v[static_cast<std::size_t>(p * static_cast<double>(v.size() - 1))];
}

int query(const std::string& db, const std::string& file) {
  // Sample numbers and names from the snapshot (every 97th row).
  std::vector<std::string> numbers, names;
  {
    auto reader = bulk_reader::open(file);
    record r;
    std::uint64_t i = 0;
    while (reader.next(r))
      if (++i % 97 == 0) {
        numbers.push_back(r.corporate_number);
        if (r.hihyoji != flag::yes) names.push_back(r.name);
      }
  }
  std::mt19937_64 rng(42);
  std::shuffle(numbers.begin(), numbers.end(), rng);
  std::shuffle(names.begin(), names.end(), rng);
  numbers.resize(std::min<std::size_t>(numbers.size(), 20000));
  names.resize(std::min<std::size_t>(names.size(), 300));
  auto s = store::open(db);
  std::vector<double> lookup_us;
  std::size_t found = 0;
  for (const std::string& n : numbers) {
    timer t;
    found += s.lookup(n).has_value();
    lookup_us.push_back(t.wall() * 1e6);
  }
  double sum = 0;
  for (double v : lookup_us) sum += v;
  std::printf("lookup by number: %zu lookups (%zu found), mean %.1f us, median %.1f us, p99 %.1f us (wall)\n",
              lookup_us.size(), found, sum / static_cast<double>(lookup_us.size()), percentile(lookup_us, 0.5),
              percentile(lookup_us, 0.99));
  row("lookup by number (median)", percentile(lookup_us, 0.5), "us", "target < 100 us");
  row("lookup by number (p99)", percentile(lookup_us, 0.99), "us", "");

  // Name search: the first three characters of a sampled name's core, prefix mode, 100 results.
  std::vector<double> search_ms;
  std::size_t hits = 0;
  for (const std::string& name : names) {
    const std::string core = make_name_keys(name).core;
    std::size_t cut = 0, chars = 0;
    while (cut < core.size() && chars < 3) {
      ++cut;
      while (cut < core.size() && (static_cast<unsigned char>(core[cut]) & 0xC0) == 0x80) ++cut;
      ++chars;
    }
    for (const std::string& q : {core.substr(0, cut), name}) {
      timer t;
      hits += s.try_search_name(q).value().size();
      search_ms.push_back(t.wall() * 1e3);
    }
  }
  sum = 0;
  for (double v : search_ms) sum += v;
  std::printf("name search: %zu searches (%zu hits, limit 100), mean %.2f ms, median %.2f ms, p99 %.2f ms (wall)\n",
              search_ms.size(), hits, sum / static_cast<double>(search_ms.size()), percentile(search_ms, 0.5),
              percentile(search_ms, 0.99));
  row("name search, prefix (median)", percentile(search_ms, 0.5), "ms", "target < 50 ms");
  row("name search, prefix (p99)", percentile(search_ms, 0.99), "ms", "");
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  const std::vector<std::string> args(argv + 1, argv + argc);
  try {
    if (args.size() >= 2 && args[0] == "parse") return parse({args.begin() + 1, args.end()});
    if (args.size() == 3 && args[0] == "import") return import(args[1], args[2]);
    if (args.size() >= 3 && args[0] == "diffs") return diffs(args[1], {args.begin() + 2, args.end()});
    if (args.size() == 3 && args[0] == "query") return query(args[1], args[2]);
  } catch (const std::exception& e) {
    std::fprintf(stderr, "bench_corp: %s\n", e.what());
    return 1;
  }
  std::fprintf(stderr, "usage: bench_corp parse FILE... | import FILE DB | diffs DB DIFF... | query DB FILE\n");
  return 2;
}
