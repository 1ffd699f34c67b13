// File: benchmarks/law_bench.cpp — throughput of the law engine (mynumber::law).
//
// Prints, for a fixed mix of the six questions over dates spread across every amendment window:
//   decisions/second without a trace (the fast path, `trace* = nullptr`);
//   the added time per decision when a trace is recorded, with a fresh trace object each time
//   and with a reused one (cleared between decisions), and the time to render explain().
// Targets: >= 1,000,000 decisions/s without traces; a trace adds < 10 µs.
// Figures only, no pass/fail: speed is never a unit test. Standalone (std::chrono), e.g.
//   g++ -std=c++17 -O2 -Iinclude benchmarks/law_bench.cpp -o law_bench && ./law_bench
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <string>
#include <vector>

#include <mynumber/law.hpp>

namespace {

using namespace mynumber::law;
using clock_type = std::chrono::steady_clock;

struct mix {
  std::vector<date> dates;
  std::vector<identity_query> identity;
};

mix make_mix() {
  mix m;
  for (const char* iso : {"2015-12-15", "2016-01-01", "2017-04-01", "2020-05-24", "2020-05-25", "2020-12-12",
                          "2022-04-01", "2024-05-26", "2024-05-27", "2025-06-01", "2025-07-15", "2026-01-01"}) {
    m.dates.push_back(date::parse(iso));
  }
  for (const date on : m.dates) {
    identity_query q;
    q.on = on;
    q.documents = {{document_kind::residence_record_with_number}, {document_kind::drivers_license}};
    m.identity.push_back(q);
  }
  return m;
}

// One round = one decision of each kind per date (6 kinds x 12 dates = 72 decisions).
constexpr int kinds_per_date = 6;

std::uint64_t round_of(const mix& m, trace* t, bool reuse) {
  std::uint64_t sink = 0;
  trace local;
  auto slot = [&]() -> trace* {
    if (t == nullptr) return nullptr;
    if (reuse) {
      t->steps.clear();
      return t;
    }
    local = trace{};
    return &local;
  };
  for (std::size_t i = 0; i < m.dates.size(); ++i) {
    const date on = m.dates[i];
    {
      handling_query q{on, handling::provide, rule_id::p19_network, false, false};
      sink += static_cast<std::uint64_t>(evaluate_handling(q, slot()).decision);
    }
    {
      penalty_query q{on, rule_id::pen_file_leak};
      sink += evaluate_penalty(q, slot()).max_fine_yen;
    }
    {
      payment_query q;
      q.on = on;
      q.kind = rule_id::pay_fees_other;
      q.amount_yen = 40000 + 2000 * i;
      sink += static_cast<std::uint64_t>(evaluate_payment(q, slot()).decision);
    }
    {
      use_query q;
      q.on = on;
      q.path = use_path::related_affairs;
      q.statutory_filing_duty = true;
      sink += static_cast<std::uint64_t>(evaluate_use(q, slot()).decision);
    }
    {
      use_query q;
      q.on = on;
      q.path = use_path::annex;
      q.actor = "厚生労働大臣";
      q.annex_item = "一";
      sink += static_cast<std::uint64_t>(evaluate_use(q, slot()).decision);
    }
    sink += static_cast<std::uint64_t>(evaluate_identity(m.identity[i], slot()).satisfied());
  }
  return sink;
}

double seconds_for(const mix& m, int rounds, trace* t, bool reuse, std::uint64_t& sink) {
  const auto start = clock_type::now();
  for (int r = 0; r < rounds; ++r) sink += round_of(m, t, reuse);
  return std::chrono::duration<double>(clock_type::now() - start).count();
}

}  // namespace

int main() {
  const mix m = make_mix();
  const double per_round = static_cast<double>(m.dates.size() * kinds_per_date);
  std::uint64_t sink = 0;
  (void)seconds_for(m, 2000, nullptr, false, sink);  // warm-up

  const int rounds = 40000;
  const double decisions = per_round * rounds;
  double best_plain = 1e9;
  double best_fresh = 1e9;
  double best_reused = 1e9;
  trace reused;
  for (int rep = 0; rep < 5; ++rep) {
    const double plain = seconds_for(m, rounds, nullptr, false, sink);
    const double fresh = seconds_for(m, rounds / 4, &reused, false, sink) * 4;
    const double again = seconds_for(m, rounds / 4, &reused, true, sink) * 4;
    best_plain = plain < best_plain ? plain : best_plain;
    best_fresh = fresh < best_fresh ? fresh : best_fresh;
    best_reused = again < best_reused ? again : best_reused;
  }

  // explain() rendering cost on a typical trace.
  trace sample;
  (void)evaluate_penalty({date::parse("2017-04-01"), rule_id::pen_file_leak}, &sample);
  const int renders = 100000;
  std::size_t chars = 0;
  const auto start = clock_type::now();
  for (int i = 0; i < renders; ++i) chars += explain(sample).size();
  const double render = std::chrono::duration<double>(clock_type::now() - start).count();
  const std::string json_req = R"({"question":"penalty","date":"2017-04-01","offence":"PEN.FILE_LEAK"})";
  const int json_runs = 20000;
  const auto jstart = clock_type::now();
  for (int i = 0; i < json_runs; ++i) chars += try_answer_json(json_req)->size();
  const double json_time = std::chrono::duration<double>(clock_type::now() - jstart).count();

  std::printf("law engine benchmark (%zu dates x %d question kinds per round, best of 5)\n", m.dates.size(),
              kinds_per_date);
  std::printf("  decisions without trace   : %12.0f decisions/s  (%.1f ns each; target >= 1,000,000/s)\n",
              decisions / best_plain, best_plain / decisions * 1e9);
  std::printf("  with a fresh trace        : %12.0f decisions/s  (+%.3f us per decision; target < 10 us)\n",
              decisions / best_fresh, (best_fresh - best_plain) / decisions * 1e6);
  std::printf("  with a reused trace       : %12.0f decisions/s  (+%.3f us per decision)\n", decisions / best_reused,
              (best_reused - best_plain) / decisions * 1e6);
  std::printf("  explain() of a 4-step trace: %.3f us\n", render / renders * 1e6);
  std::printf("  JSON request -> response (penalty, with trace): %.3f us\n", json_time / json_runs * 1e6);
  std::printf("  (checksum %llu)\n", static_cast<unsigned long long>(sink + chars));
  return 0;
}
