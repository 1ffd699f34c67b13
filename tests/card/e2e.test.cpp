// End-to-end: the reader talks through pcscd and vsmartcard's vpcd to tools/virtual_card.py,
// which serves the repository's JPKI test PKI. tools/test.d/card.sh starts the services and
// sets MYNUMBER_VIRTUAL_CARD_PROFILE to the card's profile JSON. Without a reachable card the
// first test FAILS (it does not skip): this executable only runs where the card is expected.
// The cases run in file order and change the card (PIN change, blocking): run against a fresh
// virtual card.
#include <doctest/doctest.h>

#include <mynumber/card.hpp>
#include <mynumber/jpki.hpp>

#include <openssl/evp.h>
#include <signal.h>
#include <sys/types.h>

#include <chrono>
#include <cstdlib>
#include <fstream>
#include <iterator>
#include <memory>
#include <optional>
#include <regex>
#include <sstream>
#include <string>
#include <thread>

using namespace mynumber;
using card::pin_kind;

namespace {

std::string read_text(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

// The profile is flat JSON written by virtual_card.py; string fields hold no escaped quotes.
struct profile {
  std::string text;
  [[nodiscard]] std::string get(const std::string& key) const {
    const std::regex re("\"" + key + "\": \"([^\"]*)\"");
    std::smatch m;
    if (!std::regex_search(text, m, re)) FAIL("profile lacks " << key);
    return m[1].str();
  }
};

const profile& card_profile() {
  static const profile p = [] {
    const char* path = std::getenv("MYNUMBER_VIRTUAL_CARD_PROFILE");
    profile out;
    if (path != nullptr) out.text = read_text(path);
    return out;
  }();
  return p;
}

// One PC/SC connection for the whole run. A failed connection is remembered, so the later
// cases fail at once instead of each waiting for a card again.
card::pcsc_transport& link() {
  static std::unique_ptr<card::pcsc_transport> transport;
  static std::optional<std::string> failure;
  if (!transport && !failure) {
    card::pcsc_options opt;
    opt.wait = std::chrono::milliseconds(10000);
    auto r = card::pcsc_transport::try_connect(opt);
    if (r) {
      transport = std::make_unique<card::pcsc_transport>(std::move(*r));
    } else {
      failure = r.error().message();
    }
  }
  if (failure) FAIL("cannot reach the virtual card through PC/SC: " << *failure);
  return *transport;
}

std::vector<std::uint8_t> sha256(const std::string& data) {
  std::vector<std::uint8_t> md(EVP_MAX_MD_SIZE);
  unsigned int size = 0;
  REQUIRE(EVP_Digest(data.data(), data.size(), md.data(), &size, EVP_sha256(), nullptr) == 1);
  md.resize(size);
  return md;
}

std::string as_string(const std::vector<std::uint8_t>& v) { return std::string(v.begin(), v.end()); }

jpki::verify_options test_pki_options() {
  const std::string pki = card_profile().get("pki");
  auto roots = jpki::trust_store::try_from_bytes(read_text(pki + "/sign_root.pem") + read_text(pki + "/auth_root.pem"));
  REQUIRE(roots);
  jpki::verify_options opt;
  opt.anchors = std::move(*roots);
  return opt;
}

card::verify_options last_try() {
  card::verify_options o;
  o.allow_last_try = true;
  return o;
}

}  // namespace

TEST_CASE("the virtual card is reachable through pcscd and looks like a JPKI card") {
  REQUIRE_MESSAGE(!card_profile().text.empty(), "MYNUMBER_VIRTUAL_CARD_PROFILE must name the card's profile JSON");
  auto atr = link().try_atr();
  REQUIRE(atr);
  CHECK(*atr == std::vector<std::uint8_t>{0x3B, 0xE0, 0x00, 0xFF, 0x81, 0x31, 0xFE, 0x45, 0x14});
  CHECK(link().reader_name().find("Virtual PCD") != std::string::npos);
}

TEST_CASE("a fresh card: every counter full, and the empty VERIFY never uses a try") {
  card::reader r(link());
  const std::pair<pin_kind, int> expected[] = {{pin_kind::jpki_auth, 3},
                                               {pin_kind::jpki_sign, 5},
                                               {pin_kind::text_pin, 3},
                                               {pin_kind::text_code_b, 10},
                                               {pin_kind::juki_pin, 3}};
  for (const auto& [kind, tries] : expected) {
    for (int round = 0; round < 5; ++round) {
      auto st = r.try_pin_status(kind);
      REQUIRE(st);
      REQUIRE_MESSAGE(st->tries_left == tries, "card not fresh; restart the virtual card");
    }
  }
}

TEST_CASE("read the Individual Number with the input-support PIN") {
  card::reader r(link());
  auto n = r.try_read_my_number(card_profile().get("text_pin"));
  REQUIRE(n);
  CHECK(n->reveal() == card_profile().get("individual_number"));
  std::ostringstream shown;
  shown << *n;
  CHECK(shown.str() != card_profile().get("individual_number"));  // masked by default
}

TEST_CASE("read the four attributes with the PIN and with 照合番号B") {
  const profile& p = card_profile();
  const auto birth = civil_date::parse(p.get("birth_date"));
  const auto issued = civil_date::parse(p.get("issued"));
  // The card's expiry and 照合番号B, computed here independently of the virtual card.
  const auto expiry = card::card_expiry({birth, issued, issued});
  CHECK(expiry.date.to_string() == p.get("expiry"));
  const std::string code_b = card::verification_code_b(birth, expiry.date.year(), p.get("security_code"));
  CHECK(code_b == p.get("verification_code_b"));

  card::reader r(link());
  for (const auto& credential :
       {card::text_credential::pin(p.get("text_pin")), card::text_credential::code_b(code_b)}) {
    auto info = r.try_read_basic_info(credential);
    REQUIRE(info);
    CHECK(info->name == p.get("name"));
    CHECK(info->address == p.get("address"));
    CHECK(info->birth == birth);
    CHECK(std::string(1, info->sex.digit) == p.get("sex"));
  }
}

TEST_CASE("read both certificates and the CAs, and verify them with the JPKI module") {
  const profile& p = card_profile();
  card::reader r(link());
  const auto options = test_pki_options();

  auto auth = r.try_read_auth_certificate();
  REQUIRE(auth);
  CHECK(auth->to_der() == read_text(p.get("pki") + "/" + p.get("auth")));
  CHECK(auth->kind() == jpki::certificate_kind::authentication);
  const auto auth_verdict = jpki::verify(*auth, options);
  CHECK_MESSAGE(auth_verdict.ok, (auth_verdict.first_failure() ? auth_verdict.first_failure()->detail : ""));

  // With a wrong password the signature certificate stays closed (and one try is used).
  auto refused = r.try_read_certificate_der(card::certificate_slot::signature, "WRONG1", {});
  REQUIRE_FALSE(refused);
  CHECK(refused.error().code == errc::pin_incorrect);
  CHECK(r.pin_status_of(pin_kind::jpki_sign).tries_left == 4);

  auto sign = r.try_read_signature_certificate(p.get("sign_password"));
  REQUIRE(sign);
  CHECK(r.pin_status_of(pin_kind::jpki_sign).tries_left == 5);  // a correct password resets the counter
  CHECK(sign->kind() == jpki::certificate_kind::signature);
  const auto sign_verdict = jpki::verify(*sign, options);
  CHECK_MESSAGE(sign_verdict.ok, (sign_verdict.first_failure() ? sign_verdict.first_failure()->detail : ""));
  // The certificate's 基本4情報 and the input-support AP agree.
  auto basic = sign->try_basic_info();
  REQUIRE(basic);
  CHECK(basic->name.text == p.get("name"));
  CHECK(basic->address.text == p.get("address"));

  auto auth_ca = r.try_read_ca_certificate(card::certificate_slot::authentication_ca);
  REQUIRE(auth_ca);
  CHECK(auth_ca->to_der() == read_text(p.get("pki") + "/auth_root.der"));
  auto sign_ca = r.try_read_ca_certificate(card::certificate_slot::signature_ca);
  REQUIRE(sign_ca);
  CHECK(sign_ca->to_der() == read_text(p.get("pki") + "/sign_root.der"));
}

TEST_CASE("sign with the signature key and verify with the JPKI module") {
  const profile& p = card_profile();
  card::reader r(link());
  const auto options = test_pki_options();
  const std::string message = "mynumber e2e: 署名のテスト";
  const auto digest = sha256(message);

  auto sig = r.try_sign(p.get("sign_password"), card::hash_algorithm::sha256, digest);
  REQUIRE(sig);
  CHECK(sig->size() == 256);
  auto cert = r.try_read_signature_certificate(p.get("sign_password"));
  REQUIRE(cert);
  const auto good = jpki::verify_raw_signature(*cert, message, as_string(*sig), options);
  CHECK(good.ok);
  CHECK(good.signature.reason == "valid");
  const auto other = jpki::verify_raw_signature(*cert, message + "!", as_string(*sig), options);
  CHECK_FALSE(other.ok);

  // The authentication key signs with the 4-digit PIN; its signature verifies under the auth certificate.
  auto auth_sig = r.try_sign(p.get("auth_pin"), card::hash_algorithm::sha256, digest, {}, true);
  REQUIRE(auth_sig);
  const auto auth_ok = jpki::verify_raw_signature(r.read_auth_certificate(), message, as_string(*auth_sig), options);
  CHECK(auth_ok.ok);
  // ...and not under the signature certificate.
  CHECK_FALSE(jpki::verify_raw_signature(*cert, message, as_string(*auth_sig), options).ok);
}

TEST_CASE("change the authentication PIN and back") {
  const profile& p = card_profile();
  card::reader r(link());
  const std::string old_pin = p.get("auth_pin");
  REQUIRE(r.try_change_pin(pin_kind::jpki_auth, old_pin, "9876"));
  const auto digest = sha256("x");
  CHECK(r.try_sign("9876", card::hash_algorithm::sha256, digest, {}, true));
  auto stale = r.try_sign(old_pin, card::hash_algorithm::sha256, digest, {}, true);
  REQUIRE_FALSE(stale);
  CHECK(stale.error().code == errc::pin_incorrect);
  CHECK(r.pin_status_of(pin_kind::jpki_auth).tries_left == 2);
  REQUIRE(r.try_change_pin(pin_kind::jpki_auth, "9876", old_pin));
  CHECK(r.pin_status_of(pin_kind::jpki_auth).tries_left == 3);
  // Format rules apply to the new value before anything is sent.
  CHECK(r.try_change_pin(pin_kind::jpki_auth, old_pin, "12345").error().code == errc::pin_format);
}

TEST_CASE("wrong PINs decrement, lockout safety refuses the last try, a third wrong PIN blocks") {
  const profile& p = card_profile();
  card::reader r(link());
  const std::string pin = p.get("text_pin");
  const std::string wrong = pin == "0000" ? "1111" : "0000";

  auto e = r.try_read_my_number(wrong);
  REQUIRE_FALSE(e);
  CHECK(e.error().code == errc::pin_incorrect);
  CHECK(r.pin_status_of(pin_kind::text_pin).tries_left == 2);
  CHECK(r.try_read_my_number(wrong).error().code == errc::pin_incorrect);
  CHECK(r.pin_status_of(pin_kind::text_pin).tries_left == 1);

  // Only one try left: refused even with the right PIN, and nothing is used.
  auto guarded = r.try_read_my_number(pin);
  REQUIRE_FALSE(guarded);
  CHECK(guarded.error().code == errc::lockout_guard);
  CHECK(r.pin_status_of(pin_kind::text_pin).tries_left == 1);
  // With the explicit opt-in the right PIN succeeds and restores the counter.
  auto n = r.try_read_my_number(pin, last_try());
  REQUIRE(n);
  CHECK(r.pin_status_of(pin_kind::text_pin).tries_left == 3);

  // Now block it.
  CHECK(r.try_read_my_number(wrong).error().code == errc::pin_incorrect);
  CHECK(r.try_read_my_number(wrong).error().code == errc::pin_incorrect);
  auto last = r.try_read_my_number(wrong, last_try());
  REQUIRE_FALSE(last);
  CHECK(last.error().code == errc::pin_blocked);
  CHECK(r.pin_status_of(pin_kind::text_pin).blocked());
  // Blocked: even the right PIN is refused, without sending a VERIFY.
  CHECK(r.try_read_my_number(pin, last_try()).error().code == errc::pin_blocked);
  CHECK(r.pin_status_of(pin_kind::text_pin).blocked());
  // 照合番号B still opens the attributes.
  CHECK(r.try_read_basic_info(card::text_credential::code_b(p.get("verification_code_b"))));
}

TEST_CASE("transport errors are typed") {
  card::pcsc_options opt;
  opt.reader = "No Such Reader 99";
  auto r = card::pcsc_transport::try_connect(opt);
  REQUIRE_FALSE(r);
  CHECK(r.error().code == errc::reader_not_found);
}

// Last: the card goes away mid-session (tools/test.d/card.sh passes the virtual card's PID). The
// next command fails at once with a typed error, and a second attempt does not hang either.
TEST_CASE("a removed card gives card_removed, without retries") {
  const char* pid_text = std::getenv("MYNUMBER_VIRTUAL_CARD_PID");
  REQUIRE_MESSAGE(pid_text != nullptr, "MYNUMBER_VIRTUAL_CARD_PID must name the virtual card process");
  card::reader r(link());
  REQUIRE(r.try_pin_status(pin_kind::jpki_auth));
  REQUIRE(::kill(static_cast<pid_t>(std::stol(pid_text)), SIGTERM) == 0);
  std::this_thread::sleep_for(std::chrono::milliseconds(1500));
  for (int attempt = 0; attempt < 2; ++attempt) {
    const auto start = std::chrono::steady_clock::now();
    auto st = r.try_pin_status(pin_kind::jpki_auth);
    const auto took = std::chrono::steady_clock::now() - start;
    REQUIRE_FALSE(st);
    CHECK(st.error().code == errc::card_removed);
    CHECK(took < std::chrono::seconds(5));
  }
}
