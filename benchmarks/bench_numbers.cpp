// File: benchmarks/bench_numbers.cpp — number validation speed: the per-number API and a
// straightforward scalar loop against the vectorised bulk validators (bulk.hpp), all measured in
// the same run on the same in-memory buffers, with the median of repetitions and the speed-up.
//
//   bench_numbers [google-benchmark flags]       run and print the summary table
//   bench_numbers --write-lines PATH COUNT       write COUNT generated Individual Numbers, one per
//                                                line, to PATH (the CLI benchmark's input) and exit
//   bench_numbers --validate-file PATH           validate PATH (Individual Numbers, one per line)
//                                                through one reused 4 MiB buffer and print the
//                                                counts: the floor for a streaming CLI
//
// The numbers are generated (generate.hpp) with a fixed seed. Generated Individual Numbers may be
// real ones: the files stay in the build tree and are never published.
#include <benchmark/benchmark.h>

#include <fcntl.h>
#include <unistd.h>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <random>
#include <string>
#include <string_view>
#include <vector>

#include <mynumber/bulk.hpp>
#include <mynumber/generate.hpp>

#include "bench_report.hpp"

namespace mn = mynumber;
using mn::number_kind;
using mn::simd_level;

namespace {

constexpr std::size_t numbers_per_set = 2'000'000;

std::string generated(std::mt19937_64& rng, number_kind kind) {
  return kind == number_kind::individual ? mn::generate<number_kind::individual>(rng).reveal()
                                         : mn::generate<number_kind::corporate>(rng).reveal();
}

// A data set: newline-separated text, the same lines as views, and the same numbers as fixed
// 16-byte records (space padded).
struct data_set {
  std::string text;
  std::vector<std::string_view> lines;
  std::string records16;
  std::size_t count = 0;
  std::size_t expected_valid = 0;
};

// `bad_percent` of the lines get one digit changed (mostly a check digit mismatch) and one in a
// hundred of those loses its last digit (too short), so the bulk paths meet odd lines too.
data_set make_set(number_kind kind, const char* eol, unsigned bad_percent, std::uint64_t seed) {
  std::mt19937_64 rng(seed);
  data_set set;
  set.count = numbers_per_set;
  set.text.reserve(numbers_per_set * 15);
  set.records16.reserve(numbers_per_set * 16);
  for (std::size_t i = 0; i < numbers_per_set; ++i) {
    std::string number = generated(rng, kind);
    if (rng() % 100 < bad_percent) {
      if (rng() % 100 == 0) number.pop_back();
      else number[rng() % number.size()] = static_cast<char>('0' + rng() % 10);
    }
    set.text += number;
    set.text += eol;
    number.resize(16, ' ');
    set.records16 += number;
  }
  const char* p = set.text.data();
  const char* const end = p + set.text.size();
  while (p < end) {
    const char* nl = static_cast<const char*>(std::memchr(p, '\n', static_cast<std::size_t>(end - p)));
    std::size_t len = static_cast<std::size_t>(nl - p);
    if (len != 0 && p[len - 1] == '\r') --len;
    set.lines.emplace_back(p, len);
    p = nl + 1;
  }
  set.expected_valid = mn::validate_lines_scalar(set.text, kind, nullptr, 0).valid;
  return set;
}

// Every path must agree before anything is timed: a fast wrong answer is not a result.
void verify_or_die(const data_set& set, number_kind kind) {
  std::vector<std::uint8_t> a(set.count), b(set.count);
  const mn::bulk_counts ref = mn::validate_lines_scalar(set.text, kind, a.data(), a.size());
  for (simd_level level : {simd_level::sse41, simd_level::avx2, simd_level::neon}) {
    if (!mn::simd_level_supported(level)) continue;
    const mn::bulk_counts got = mn::validate_lines_with(level, set.text, kind, b.data(), b.size());
    if (got.valid != ref.valid || got.records != ref.records || a != b) {
      std::fprintf(stderr, "bench_numbers: %s disagrees with scalar; refusing to benchmark\n",
                   std::string(mn::to_string(level)).c_str());
      std::exit(2);
    }
  }
}

void count_check(benchmark::State& state, std::size_t valid, std::size_t expected) {
  if (valid != expected) state.SkipWithError("wrong number of valid records");
}

// C++ per-number API: validate() on each pre-split line.
void per_number(benchmark::State& state, const data_set* set, number_kind kind) {
  for (auto _ : state) {
    std::size_t valid = 0;
    for (std::string_view line : set->lines) valid += mn::validate(kind, line).ok() ? 1 : 0;
    benchmark::DoNotOptimize(valid);
    count_check(state, valid, set->expected_valid);
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * set->count));
}

// Whole buffer through validate_lines_with(level) (scalar = the straightforward loop).
void lines(benchmark::State& state, const data_set* set, number_kind kind, simd_level level, bool dispatched) {
  std::vector<std::uint8_t> status(set->count);
  for (auto _ : state) {
    const mn::bulk_counts c = dispatched
                                  ? mn::validate_lines(set->text, kind, status.data(), status.size())
                                  : mn::validate_lines_with(level, set->text, kind, status.data(), status.size());
    benchmark::DoNotOptimize(status.data());
    count_check(state, c.valid, set->expected_valid);
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * set->count));
}

void strided(benchmark::State& state, const data_set* set, number_kind kind, simd_level level) {
  std::vector<std::uint8_t> status(set->count);
  for (auto _ : state) {
    const mn::bulk_counts c =
        mn::validate_strided_with(level, set->records16.data(), set->count, 16, kind, status.data(), status.size());
    benchmark::DoNotOptimize(status.data());
    count_check(state, c.valid, set->expected_valid);
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * set->count));
}

int write_lines(const char* path, const char* count_text) {
  const unsigned long long count = std::strtoull(count_text, nullptr, 10);
  std::FILE* f = std::fopen(path, "wb");
  if (f == nullptr) {
    std::perror(path);
    return 1;
  }
  std::mt19937_64 rng(20261127);
  std::string chunk;
  for (unsigned long long i = 0; i < count; ++i) {
    chunk += generated(rng, number_kind::individual);
    chunk += '\n';
    if (chunk.size() > (1u << 20) || i + 1 == count) {
      if (std::fwrite(chunk.data(), 1, chunk.size(), f) != chunk.size()) {
        std::perror(path);
        std::fclose(f);
        return 1;
      }
      chunk.clear();
    }
  }
  return std::fclose(f) == 0 ? 0 : 1;
}

// Reads the file with read(2) into one reused buffer, validates the whole lines of each fill in
// bulk and carries the partial last line over. Exit status 1 if any line is invalid.
int validate_file(const char* path) {
  const int fd = ::open(path, O_RDONLY);
  if (fd < 0) {
    std::perror(path);
    return 2;
  }
  std::vector<char> buffer(std::size_t{1} << 22);
  std::vector<std::uint8_t> status(buffer.size());
  mn::bulk_counts total;
  std::size_t filled = 0;
  const auto run = [&](std::size_t size) {
    const mn::bulk_counts c = mn::validate_lines(std::string_view(buffer.data(), size), number_kind::individual,
                                                 status.data(), status.size());
    total.records += c.records;
    total.valid += c.valid;
    total.invalid += c.invalid;
  };
  for (;;) {
    const ssize_t n = ::read(fd, buffer.data() + filled, buffer.size() - filled);
    if (n < 0) {
      std::perror(path);
      ::close(fd);
      return 2;
    }
    if (n == 0) break;
    const std::size_t end = filled + static_cast<std::size_t>(n);
    std::size_t cut = end;
    while (cut != 0 && buffer[cut - 1] != '\n') --cut;
    if (cut == 0) cut = end;  // one line longer than the buffer: validated in pieces (not for real use)
    run(cut);
    std::memmove(buffer.data(), buffer.data() + cut, end - cut);
    filled = end - cut;
  }
  if (filled != 0) run(filled);
  ::close(fd);
  std::printf("%zu records: %zu valid, %zu invalid\n", total.records, total.valid, total.invalid);
  return total.invalid == 0 ? 0 : 1;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc == 4 && std::strcmp(argv[1], "--write-lines") == 0) return write_lines(argv[2], argv[3]);
  if (argc == 3 && std::strcmp(argv[1], "--validate-file") == 0) return validate_file(argv[2]);

  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;

  struct named_set {
    const char* name;
    number_kind kind;
    data_set set;
  };
  std::printf("generating %zu numbers per set...\n", numbers_per_set);
  std::fflush(stdout);
  // Sets: valid LF (both kinds), valid CRLF, and 10 % bad lines.
  static std::vector<named_set> sets;
  sets.push_back({"individual", number_kind::individual, make_set(number_kind::individual, "\n", 0, 1)});
  sets.push_back({"corporate", number_kind::corporate, make_set(number_kind::corporate, "\n", 0, 2)});
  sets.push_back({"individual_crlf", number_kind::individual, make_set(number_kind::individual, "\r\n", 0, 3)});
  sets.push_back({"individual_10pct_bad", number_kind::individual, make_set(number_kind::individual, "\n", 10, 4)});
  for (const named_set& s : sets) verify_or_die(s.set, s.kind);

  const std::string best(mn::to_string(mn::best_simd_level()));
  std::vector<bench::row> rows;
  for (const named_set& s : sets) {
    const std::string n = s.name;
    const auto items = static_cast<double>(s.set.count);
    const std::string base = "scalar_loop/" + n + "";
    const bool full = n == "individual" || n == "corporate";
    if (full) {
      bench::rigorous(benchmark::RegisterBenchmark(("per_number/" + n).c_str(), per_number, &s.set, s.kind));
      rows.push_back(
          {"C++ numbers", n + ": per-number validate() on split lines", "per_number/" + n + "", base, items});
    }
    bench::rigorous(
        benchmark::RegisterBenchmark(("scalar_loop/" + n).c_str(), lines, &s.set, s.kind, simd_level::scalar, false));
    rows.push_back({"C++ numbers", n + ": scalar loop (validate_lines_scalar)", base, "", items});
    for (simd_level level : {simd_level::sse41, simd_level::avx2, simd_level::neon}) {
      if (!full || !mn::simd_level_supported(level)) continue;
      const std::string name = "bulk_" + std::string(mn::to_string(level)) + "/" + n;
      bench::rigorous(benchmark::RegisterBenchmark(name.c_str(), lines, &s.set, s.kind, level, false));
      rows.push_back({"C++ numbers", n + ": bulk " + std::string(mn::to_string(level)), name + "", base, items});
    }
    const std::string dispatched = "bulk_dispatched/" + n;
    bench::rigorous(benchmark::RegisterBenchmark(dispatched.c_str(), lines, &s.set, s.kind, simd_level::scalar, true));
    rows.push_back(
        {"C++ numbers", n + ": bulk validate_lines (dispatched: " + best + ")", dispatched + "", base, items});
    if (n == "individual") {
      bench::rigorous(
          benchmark::RegisterBenchmark("strided16_scalar/individual", strided, &s.set, s.kind, simd_level::scalar));
      bench::rigorous(benchmark::RegisterBenchmark("strided16_dispatched/individual", strided, &s.set, s.kind,
                                                   mn::best_simd_level()));
      rows.push_back({"C++ numbers", n + ": 16-byte records, scalar", "strided16_scalar/individual", "", items});
      rows.push_back({"C++ numbers", n + ": 16-byte records, bulk validate_strided (" + best + ")",
                      "strided16_dispatched/individual", "strided16_scalar/individual", items});
    }
  }

  bench::median_reporter reporter;
  benchmark::RunSpecifiedBenchmarks(&reporter);
  reporter.print_summary("C++ number validation, " + std::to_string(numbers_per_set) + " numbers per buffer", rows);
  benchmark::Shutdown();
  return 0;
}
