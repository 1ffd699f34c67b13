// File: benchmarks/bench_report.hpp — Google Benchmark glue shared by the C++ benchmarks: every
// benchmark runs with a warm-up and repetitions, and a reporter keeps the MEDIAN of each one, then
// prints a side-by-side table (time per item and speed-up over a named baseline measured in the
// same run). Each table row is also printed as a tab-separated "ROW" line, which
// benchmarks/run_all.sh collects into the suite table:
//   ROW <tab> section <tab> what <tab> value <tab> unit <tab> comparison
#ifndef MYNUMBER_BENCHMARKS_BENCH_REPORT_HPP
#define MYNUMBER_BENCHMARKS_BENCH_REPORT_HPP

#include <benchmark/benchmark.h>

#include <cstdio>
#include <map>
#include <string>
#include <utility>
#include <vector>

namespace bench {

// Repetition policy of every benchmark: warm-up, then 7 timed runs of at least 0.25 s each; only
// the aggregates are reported and the median is used. Times are CPU time of the benchmark thread:
// the build machine is shared, and wall time would count the waits for a core.
inline benchmark::internal::Benchmark* rigorous(benchmark::internal::Benchmark* b) {
  return b->MinWarmUpTime(0.2)->MinTime(0.25)->Repetitions(7)->ReportAggregatesOnly(true);
}

// One row of the summary: `name` is the benchmark, measured against `baseline` (another
// benchmark's name, or empty for none).
struct row {
  std::string section;
  std::string label;
  std::string name;
  std::string baseline;
  double items_per_iteration = 1;
  std::string unit = "ns/number";
  double ns_per_unit = 1;  // 1000 when `unit` is in microseconds
};

class median_reporter : public benchmark::ConsoleReporter {
 public:
  void ReportRuns(const std::vector<Run>& runs) override {
    ConsoleReporter::ReportRuns(runs);
    for (const Run& run : runs) {
      if (run.run_type != Run::RT_Aggregate || run.aggregate_name != "median") continue;
      // Adjusted time is in the benchmark's time unit; convert to nanoseconds. Keyed by the name
      // given to RegisterBenchmark (without the /repeats:... suffixes).
      const double to_ns = 1e9 / benchmark::GetTimeUnitMultiplier(run.time_unit);
      medians_[run.run_name.function_name] = run.GetAdjustedCPUTime() * to_ns;
    }
  }

  // Median nanoseconds per iteration of `name`, or a negative value if it did not run.
  [[nodiscard]] double median_ns(const std::string& name) const {
    const auto it = medians_.find(name);
    return it == medians_.end() ? -1.0 : it->second;
  }

  void print_summary(const std::string& title, const std::vector<row>& rows) const {
    std::printf(
        "\n%s (median CPU time of 7 repetitions after warm-up; ratios against a baseline measured in the same run)\n",
        title.c_str());
    std::printf("%-58s %14s   %s\n", "what", "time", "vs baseline");
    for (const row& r : rows) {
      const double ns = median_ns(r.name);
      if (ns < 0) {
        std::printf("%-58s %14s   %s\n", r.label.c_str(), "not run", "");
        std::printf("ROW\t%s\t%s\tnot available\t\t\n", r.section.c_str(), r.label.c_str());
        continue;
      }
      const double per_item = ns / r.items_per_iteration / r.ns_per_unit;
      std::string comparison = "baseline";
      if (!r.baseline.empty()) {
        const double base = median_ns(r.baseline);
        char text[64];
        if (base <= 0) std::snprintf(text, sizeof text, "baseline not run");
        else if (base >= ns) std::snprintf(text, sizeof text, "%.2fx faster", base / ns);
        else std::snprintf(text, sizeof text, "%.2fx slower", ns / base);
        comparison = text;
      }
      std::printf("%-58s %9.3f %-9s %s\n", r.label.c_str(), per_item, r.unit.c_str(), comparison.c_str());
      std::printf("ROW\t%s\t%s\t%.3f\t%s\t%s\n", r.section.c_str(), r.label.c_str(), per_item, r.unit.c_str(),
                  comparison.c_str());
    }
    std::fflush(stdout);
  }

 private:
  std::map<std::string, double> medians_;
};

}  // namespace bench

#endif  // MYNUMBER_BENCHMARKS_BENCH_REPORT_HPP
