// Tests of secure/audit.hpp: chain verification against every single-byte edit, removal,
// reordering, duplication and truncation; keyed chains; refusal of numbers in fields; deletion
// certificates; the file-backed log.
#include <doctest/doctest.h>

#include <mynumber/secure/audit.hpp>

#include <chrono>
#include <filesystem>
#include <sstream>
#include <string>
#include <vector>

#include <sys/wait.h>
#include <unistd.h>

#include "secure_test_support.hpp"

using namespace mynumber;

namespace {

std::chrono::system_clock::time_point at_second(long long s) {
  return std::chrono::system_clock::time_point(std::chrono::seconds(1795000000 + s));
}

std::vector<audit_event> sample_events() {
  std::vector<audit_event> events;
  events.push_back({"clerk-a", audit_action::store, "源泉徴収票作成", std::string("A9.RELATED_AFFAIRS"), "employee/42",
                    std::nullopt, at_second(0)});
  events.push_back({"clerk-a", audit_action::reveal, "payroll", std::nullopt, "employee/42",
                    std::string("screen \"view\"\n"), at_second(5)});
  events.push_back({"clerk-b", audit_action::provide, "tax office filing", std::string("P19.RELATED_AFFAIRS"),
                    "employee/42", std::nullopt, at_second(9)});
  events.push_back(
      {"clerk-b", audit_action::store, "payroll", std::nullopt, "employee/43", std::nullopt, at_second(12)});
  events.push_back({"admin", audit_action::delete_, "retention period over", std::string("A20.BAN"), "employee/42",
                    std::string("crypto-erase"), at_second(60)});
  events.push_back({"admin", audit_action::delete_, "retention period over", std::string("A20.BAN"), "employee/43",
                    std::string("overwrite"), at_second(61)});
  return events;
}

std::vector<std::string> make_lines(const symmetric_key* key = nullptr) {
  audit_head head;
  std::vector<std::string> lines;
  for (const auto& e : sample_events()) lines.push_back(try_make_audit_line(e, head, key).value());
  return lines;
}

std::string join(const std::vector<std::string>& lines) {
  std::string out;
  for (const auto& l : lines) out += l + "\n";
  return out;
}

}  // namespace

TEST_CASE("a fresh log verifies and its head is the last hash") {
  const auto lines = make_lines();
  const auto head = try_verify_audit_log(join(lines));
  REQUIRE(head.has_value());
  CHECK(head->entries == 6);
  CHECK(lines.back().find(head->hash) != std::string::npos);
  CHECK(try_verify_audit_log("").value() == audit_head{});
  CHECK(lines[0].rfind(
            "{\"v\":1,\"seq\":0,\"time\":\"2026-11-18T11:06:40Z\",\"actor\":\"clerk-a\",\"action\":\"store\"", 0) == 0);
  CHECK(lines[1].find("\"detail\":\"screen \\\"view\\\"\\n\"") != std::string::npos);
  std::vector<audit_entry> entries;
  REQUIRE(try_verify_audit_log(join(lines), {}, &entries).has_value());
  REQUIRE(entries.size() == 6);
  CHECK(entries[0].purpose == "源泉徴収票作成");
  CHECK(entries[1].detail == std::optional<std::string>("screen \"view\"\n"));
  CHECK(entries[4].action == audit_action::delete_);
}

TEST_CASE("changing any byte of any entry is detected at that entry") {
  const auto lines = make_lines();
  std::size_t checked = 0;
  for (std::size_t k = 0; k < lines.size(); ++k) {
    for (std::size_t i = 0; i <= lines[k].size(); ++i) {  // i == size: the newline
      for (const char replacement : {'x', '0', '"'}) {
        std::string text;
        bool same = false;
        for (std::size_t j = 0; j < lines.size(); ++j) {
          std::string line = lines[j] + "\n";
          if (j == k) {
            same = line[i] == replacement;
            line[i] = replacement;
          }
          text += line;
        }
        if (same) continue;
        CAPTURE(k);
        CAPTURE(i);
        CAPTURE(replacement);
        const auto r = try_verify_audit_log(text);
        REQUIRE_FALSE(r.has_value());
        CHECK((r.error().code == errc::audit_chain_broken || r.error().code == errc::format_version));
        CHECK(r.error().position == k + 1);
        ++checked;
      }
    }
  }
  CHECK(checked > 3000);
}

TEST_CASE("removing, reordering or duplicating entries is detected at the first bad entry") {
  const auto lines = make_lines();
  for (std::size_t k = 0; k < lines.size() - 1; ++k) {  // removing the last one is truncation, below
    auto removed = lines;
    removed.erase(removed.begin() + static_cast<std::ptrdiff_t>(k));
    const auto r = try_verify_audit_log(join(removed));
    REQUIRE_FALSE(r.has_value());
    CHECK(r.error().code == errc::audit_chain_broken);
    CHECK(r.error().position == k + 1);
    CHECK(r.error().detail.find("line " + std::to_string(k + 1)) != std::string::npos);
  }
  for (std::size_t k = 0; k + 1 < lines.size(); ++k) {
    auto swapped = lines;
    std::swap(swapped[k], swapped[k + 1]);
    const auto r = try_verify_audit_log(join(swapped));
    REQUIRE_FALSE(r.has_value());
    CHECK(r.error().position == k + 1);
  }
  auto duplicated = lines;
  duplicated.insert(duplicated.begin() + 3, lines[2]);
  CHECK(try_verify_audit_log(join(duplicated)).error().position == 4);
  // A missing final newline (a torn write) is reported too.
  const std::string torn = join(lines).substr(0, join(lines).size() - 1);
  CHECK(try_verify_audit_log(torn).error().position == 6);
}

TEST_CASE("an entry spliced in from another log is detected at that entry") {
  // Same sequence number and a valid hash of its own, but it belongs to another chain.
  const auto lines = make_lines();
  auto other_events = sample_events();
  other_events[0].actor = "someone-else";
  audit_head other_head;
  std::vector<std::string> other;
  for (const auto& e : other_events) other.push_back(try_make_audit_line(e, other_head).value());
  REQUIRE(try_parse_audit_line(other[2]).has_value());
  auto spliced = lines;
  spliced[2] = other[2];
  const auto r = try_verify_audit_log(join(spliced));
  REQUIRE_FALSE(r.has_value());
  CHECK(r.error().position == 3);
  CHECK(r.error().detail.find("\"prev\"") != std::string::npos);
}

TEST_CASE("truncation is detected against a recorded head") {
  const auto lines = make_lines();
  const audit_head head = try_verify_audit_log(join(lines)).value();
  auto shorter = lines;
  shorter.pop_back();
  CHECK(try_verify_audit_log(join(shorter)).has_value());  // the chain alone cannot know
  audit_verify_options options;
  options.expected_head = head;
  const auto r = try_verify_audit_log(join(shorter), options);
  REQUIRE_FALSE(r.has_value());
  CHECK(r.error().code == errc::audit_chain_broken);
  CHECK(r.error().position == 6);
  CHECK(try_verify_audit_log(join(lines), options).has_value());
}

TEST_CASE("keyed chains need the key and resist an unkeyed rewrite") {
  const auto ring = secure_test::ring_of(secure_test::counting_key("audit-2026", 0x33));
  const auto keyed = make_lines(&ring.current());
  CHECK(keyed[0].find("\"key\":\"audit-2026\"") != std::string::npos);
  audit_verify_options with_keys;
  with_keys.keys = &ring;
  CHECK(try_verify_audit_log(join(keyed), with_keys).value().entries == 6);
  CHECK(try_verify_audit_log(join(keyed)).error().code == errc::key_unknown);

  const auto impostor = secure_test::ring_of(secure_test::counting_key("audit-2026", 0x34));
  audit_verify_options wrong;
  wrong.keys = &impostor;
  CHECK(try_verify_audit_log(join(keyed), wrong).error().position == 1);

  // Someone without the key rewrites the whole log as an unkeyed chain: refused as keyed log.
  const auto rewritten = make_lines();
  const auto r = try_verify_audit_log(join(rewritten), with_keys);
  REQUIRE_FALSE(r.has_value());
  CHECK(r.error().code == errc::audit_chain_broken);
  CHECK(r.error().position == 1);
}

TEST_CASE("fields holding an Individual Number are refused, without echoing it") {
  audit_head head;
  for (int field = 0; field < 5; ++field) {
    audit_event e{"clerk", audit_action::reveal, "payroll", std::nullopt, "employee/42", std::nullopt, at_second(0)};
    const std::string bad = "x 123456789018 y";
    if (field == 0) e.actor = bad;
    if (field == 1) e.purpose = bad;
    if (field == 2) e.record_id = bad;
    if (field == 3) e.legal_basis = bad;
    if (field == 4) e.detail = bad;
    const auto r = try_make_audit_line(e, head);
    REQUIRE_FALSE(r.has_value());
    CHECK(r.error().code == errc::invalid_argument);
    CHECK(r.error().message().find("123456789018") == std::string::npos);
  }
  CHECK(head.entries == 0);
  // Longer digit runs and numbers with a wrong check digit are ordinary ids.
  audit_event ok{"clerk",      audit_action::reveal, "p", std::nullopt, "order-1234567890123 ref-123456789012",
                 std::nullopt, at_second(0)};
  CHECK(try_make_audit_line(ok, head).has_value());
  audit_event empty{"", audit_action::reveal, "p", std::nullopt, "r", std::nullopt, at_second(0)};
  CHECK(try_make_audit_line(empty, head).error().code == errc::invalid_argument);
  audit_event bad_utf8{"a\xff", audit_action::reveal, "p", std::nullopt, "r", std::nullopt, at_second(0)};
  CHECK(try_make_audit_line(bad_utf8, head).error().code == errc::invalid_utf8);
}

TEST_CASE("deletion certificates come from the verified log") {
  const auto lines = make_lines();
  const auto cert = try_make_deletion_certificate(join(lines), "records officer", {}, {}, at_second(100)).value();
  REQUIRE(cert.deletions.size() == 2);
  CHECK(cert.deletions[0].record_id == "employee/42");
  CHECK(cert.deletions[0].detail == std::optional<std::string>("crypto-erase"));
  CHECK(cert.log_head.entries == 6);
  const std::string json = cert.to_json();
  CHECK(json.rfind("{\"type\":\"mynumber-deletion-certificate\",\"v\":1,\"issued\":\"2026-11-18T11:08:20Z\"", 0) == 0);
  CHECK(json.find("\"method\":\"crypto-erase\"") != std::string::npos);
  CHECK(json.find("\"log_head\":{\"entries\":6,\"hash\":\"" + cert.log_head.hash + "\"}") != std::string::npos);

  deletion_filter one;
  one.record_id = "employee/43";
  CHECK(try_make_deletion_certificate(join(lines), "officer", one).value().deletions.size() == 1);
  deletion_filter window;
  window.from = cert.deletions[1].time;
  CHECK(try_make_deletion_certificate(join(lines), "officer", window).value().deletions.size() == 1);
  window.until = cert.deletions[1].time;
  CHECK(try_make_deletion_certificate(join(lines), "officer", window).value().deletions.empty());

  auto broken = lines;
  broken.erase(broken.begin() + 1);
  CHECK(try_make_deletion_certificate(join(broken), "officer").error().code == errc::audit_chain_broken);
}

TEST_CASE("the file-backed log appends, locks and refuses to extend a damaged tail") {
  const auto dir = secure_test::work_dir("audit");
  const auto path = dir / "access.jsonl";
  audit_log a(path);
  audit_log b(path);  // a second writer on the same file: the chain stays linear
  const auto events = sample_events();
  for (std::size_t i = 0; i < events.size(); ++i) (void)(i % 2 == 0 ? a : b).append(events[i]);
  const audit_head head = a.verify();
  CHECK(head.entries == 6);
  CHECK(b.verify(head) == head);
  namespace fs = std::filesystem;
  CHECK((fs::status(path).permissions() & (fs::perms::group_all | fs::perms::others_all)) == fs::perms::none);

  // Damage the last line: appending must fail rather than chain onto it.
  std::string text = a.read_all().value();
  const auto pos = text.rfind("overwrite");
  REQUIRE(pos != std::string::npos);
  text[pos] = 'O';
  secure_test::write_file(path, text);
  const auto appended = a.try_append(events[0]);
  REQUIRE_FALSE(appended.has_value());
  CHECK(appended.error().code == errc::audit_chain_broken);
  CHECK(a.try_verify().error().position == 6);

  // A keyed file log.
  const auto ring = secure_test::ring_of(secure_test::counting_key("audit", 0x44));
  audit_log keyed(dir / "keyed.jsonl", &ring);
  (void)keyed.append(events[0]);
  (void)keyed.append(events[1]);
  CHECK(keyed.verify().entries == 2);
  CHECK(audit_log(dir / "keyed.jsonl").try_verify().error().code == errc::key_unknown);
  CHECK(audit_log(dir / "missing.jsonl").verify().entries == 0);
}

TEST_CASE("concurrent writers in several processes keep one linear chain") {
  // flock around read-head + append: without it two processes would chain onto the same head.
  const auto path = secure_test::work_dir("audit-concurrent") / "shared.jsonl";
  constexpr int processes = 4;
  constexpr int appends = 25;
  std::vector<pid_t> children;
  for (int p = 0; p < processes; ++p) {
    const pid_t pid = fork();
    REQUIRE(pid >= 0);
    if (pid == 0) {
      audit_log log(path);
      int failures = 0;
      for (int i = 0; i < appends; ++i) {
        audit_event e{"worker-" + std::to_string(p),   audit_action::store, "payroll",   std::nullopt,
                      "employee/" + std::to_string(i), std::nullopt,        std::nullopt};
        failures += log.try_append(e).has_value() ? 0 : 1;
      }
      _exit(failures == 0 ? 0 : 1);
    }
    children.push_back(pid);
  }
  for (const pid_t pid : children) {
    int status = 0;
    REQUIRE(waitpid(pid, &status, 0) == pid);
    CHECK(WIFEXITED(status));
    CHECK(WEXITSTATUS(status) == 0);
  }
  const auto head = audit_log(path).try_verify();
  REQUIRE(head.has_value());
  CHECK(head->entries == processes * appends);
}

TEST_CASE("strict line parsing") {
  const auto lines = make_lines();
  CHECK(try_parse_audit_line(lines[0]).has_value());
  CHECK(try_parse_audit_line(lines[0] + " ").error().code == errc::audit_chain_broken);
  std::string spaced = lines[0];
  spaced.insert(1, " ");
  CHECK(try_parse_audit_line(spaced).error().detail == "not in canonical form");
  std::string escaped = lines[0];
  const auto at = escaped.find("clerk-a");
  escaped.replace(at, 1, "\\u0063");  // "c" written as an escape: same value, not canonical
  CHECK(try_parse_audit_line(escaped).error().detail == "not in canonical form");
  std::string v2 = lines[0];
  v2[5] = '2';
  CHECK(try_parse_audit_line(v2).error().code == errc::format_version);
  CHECK(to_string(audit_action::delete_) == "delete");
  CHECK(try_parse_audit_action("erase").error().code == errc::invalid_argument);
}
