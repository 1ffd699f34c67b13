// File: card/validity.hpp — when a My Number Card and its electronic certificates expire.
// Rules (card_jpki.md §3, [C] from municipal pages):
//   * card: the 10th birthday after issue for adults, the 5th for minors; "adult" means 20 or
//     older when J-LIS received the application (申請受付日) before 2022-04-01, 18 or older from
//     then on (民法 成年年齢 amendment);
//   * foreign residents other than permanent residents, 特別永住者 and 高度専門職2号: the earlier
//     of that date and the end of the period of stay (在留期間満了日);
//   * electronic certificates: the 5th birthday after issue, never later than the card;
//   * every expiry ends at 23:59:59 JST (= 14:59:59 UTC) on its day.
// UNCONFIRMED, and modelled as stated here: the date on which age is judged (taken as the issue
// date), a birthday that falls on the issue date (not counted: "after issue"), and 29 February
// birthdays (28 February in common years).
#ifndef MYNUMBER_CARD_VALIDITY_HPP
#define MYNUMBER_CARD_VALIDITY_HPP

#include <cstdint>
#include <optional>
#include <string_view>

#include "../config.hpp"
#include "../date.hpp"
#include "../error.hpp"
#include "../result.hpp"

MYNUMBER_BEGIN_NAMESPACE
namespace card {

// The day the adult threshold moved from 20 to 18 (改正民法 施行日).
inline constexpr civil_date adult_age_18_from = civil_date::from_ymd_unchecked(2022, 4, 1);

// 20 for applications received before 2022-04-01, 18 from then on.
[[nodiscard]] constexpr int adult_age_threshold(const civil_date& application_received) noexcept {
  return application_received < adult_age_18_from ? 20 : 18;
}

enum class residence_status : std::uint8_t {
  japanese_national,   // 日本国籍
  foreign_permanent,   // 永住者, 特別永住者, 高度専門職2号: as Japanese nationals
  foreign_fixed_term,  // other 中長期在留者: capped at the end of the period of stay
};

struct card_application {
  civil_date birth;
  civil_date application_received;  // 申請受付日 (decides the adult threshold)
  civil_date issued;                // 交付日
  residence_status residence = residence_status::japanese_national;
  std::optional<civil_date> stay_until{};  // 在留期間満了日; required for foreign_fixed_term
};

enum class expiry_reason : std::uint8_t {
  tenth_birthday,  // adult: 10th birthday after issue
  fifth_birthday,  // minor (or certificate): 5th birthday after issue
  period_of_stay,  // capped at 在留期間満了日
  card_expiry,     // a certificate capped at the card's expiry
};

[[nodiscard]] constexpr std::string_view describe(expiry_reason r) noexcept {
  switch (r) {
    case expiry_reason::tenth_birthday: return "10th birthday after issue (発行日後10回目の誕生日)";
    case expiry_reason::fifth_birthday: return "5th birthday after issue (発行日後5回目の誕生日)";
    case expiry_reason::period_of_stay: return "end of the period of stay (在留期間満了日)";
    case expiry_reason::card_expiry: return "the card's expiry (カードの有効期限)";
  }
  return "unknown";
}

struct expiry {
  civil_date date;  // the last valid day; valid until 23:59:59 JST on it
  expiry_reason reason;
  bool adult = true;  // card expiry only: whether the holder counted as an adult
};

// The instant (seconds since the Unix epoch, UTC) at which a validity ending on `last_day` ends:
// 23:59:59 JST, i.e. 14:59:59 UTC on that day. Valid at t iff t <= this value.
[[nodiscard]] constexpr std::int64_t expiry_instant_utc(const civil_date& last_day) noexcept {
  return last_day.days_since_epoch() * 86400 + 14 * 3600 + 59 * 60 + 59;
}
[[nodiscard]] constexpr bool is_valid_at(const civil_date& last_day, std::int64_t unix_seconds) noexcept {
  return unix_seconds <= expiry_instant_utc(last_day);
}

namespace detail {
[[nodiscard]] inline result<void> check_dates(const card_application& a) {
  if (!a.birth.valid() || !a.issued.valid() || !a.application_received.valid()) {
    return error_info{errc::invalid_date, no_position, -1, "no such calendar day"};
  }
  if (a.issued < a.birth) return error_info{errc::invalid_date, no_position, -1, "issue date before birth date"};
  if (a.issued < a.application_received) {
    return error_info{errc::invalid_date, no_position, -1, "issue date before the application was received"};
  }
  if (a.residence == residence_status::foreign_fixed_term && !a.stay_until) {
    return error_info{errc::invalid_argument, no_position, -1, "a fixed-term foreign resident needs stay_until"};
  }
  return {};
}
}  // namespace detail

// The card's expiry (有効期限). Errors: errc::invalid_date for impossible dates or an issue date
// before the birth/application date; errc::invalid_argument when stay_until is missing.
[[nodiscard]] inline result<expiry> try_card_expiry(const card_application& a) {
  if (auto ok = detail::check_dates(a); !ok) return ok.error();
  const bool adult = age_on(a.birth, a.issued) >= adult_age_threshold(a.application_received);
  expiry e{nth_birthday_after(a.birth, a.issued, adult ? 10 : 5),
           adult ? expiry_reason::tenth_birthday : expiry_reason::fifth_birthday, adult};
  if (a.residence == residence_status::foreign_fixed_term && *a.stay_until < e.date) {
    e.date = *a.stay_until;
    e.reason = expiry_reason::period_of_stay;
  }
  return e;
}
[[nodiscard]] inline expiry card_expiry(const card_application& a) { return try_card_expiry(a).value(); }

// The expiry of an electronic certificate (署名用 and 利用者証明用 alike) issued on
// `certificate_issued` to the holder of a card expiring on `card_last_day`.
[[nodiscard]] inline result<expiry> try_certificate_expiry(const civil_date& birth,
                                                           const civil_date& certificate_issued,
                                                           const civil_date& card_last_day) {
  if (!birth.valid() || !certificate_issued.valid() || !card_last_day.valid()) {
    return error_info{errc::invalid_date, no_position, -1, "no such calendar day"};
  }
  if (certificate_issued < birth)
    return error_info{errc::invalid_date, no_position, -1, "issue date before birth date"};
  if (certificate_issued > card_last_day) {
    return error_info{errc::invalid_date, no_position, -1, "certificate issued after the card expired"};
  }
  expiry e{nth_birthday_after(birth, certificate_issued, 5), expiry_reason::fifth_birthday, true};
  if (card_last_day < e.date) {
    e.date = card_last_day;
    e.reason = expiry_reason::card_expiry;
  }
  return e;
}
[[nodiscard]] inline expiry certificate_expiry(const civil_date& birth, const civil_date& certificate_issued,
                                               const civil_date& card_last_day) {
  return try_certificate_expiry(birth, certificate_issued, card_last_day).value();
}

}  // namespace card
MYNUMBER_END_NAMESPACE

#endif  // MYNUMBER_CARD_VALIDITY_HPP
