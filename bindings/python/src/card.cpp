// File: card.cpp — the card part of mynumber._core: validity rules, 照合番号B, 和暦, PIN formats
// and (with PC/SC) the CardReader class. The public Python API is mynumber.card; errors arrive
// as CardError / PinError (codes 200–299) through the translator of module.cpp.
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include <chrono>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "mynumber/card.hpp"
#include "mynumber/detail/secure_wipe.hpp"
#include "py_common.hpp"

namespace mynumber::python {
namespace {

// "YYYY-MM-DD" (or "YYYYMMDD"); a bad date raises the error of errc::invalid_date.
civil_date date_of(py::handle obj) {
  const std::string_view text = text_arg(obj);
  return (text.size() == 8 ? civil_date::try_parse_basic(text) : civil_date::try_parse(text)).value();
}

std::string reason_of(card::expiry_reason r) {
  switch (r) {
    case card::expiry_reason::tenth_birthday: return "tenth_birthday";
    case card::expiry_reason::fifth_birthday: return "fifth_birthday";
    case card::expiry_reason::period_of_stay: return "period_of_stay";
    case card::expiry_reason::card_expiry: return "card_expiry";
  }
  return "unknown";
}

struct pin_name {
  const char* name;
  card::pin_kind kind;
};
constexpr pin_name pin_names[] = {
    {"jpki_auth", card::pin_kind::jpki_auth},         {"jpki_sign", card::pin_kind::jpki_sign},
    {"text_pin", card::pin_kind::text_pin},           {"text_code_a", card::pin_kind::text_code_a},
    {"text_code_b", card::pin_kind::text_code_b},     {"visual_birth", card::pin_kind::visual_birth},
    {"visual_code_b", card::pin_kind::visual_code_b}, {"visual_code_a", card::pin_kind::visual_code_a},
    {"juki_pin", card::pin_kind::juki_pin},
};

card::pin_kind pin_of(const std::string& name) {
  for (const auto& p : pin_names) {
    if (name == p.name) return p.kind;
  }
  throw mynumber::error(errc::invalid_argument, "unknown PIN kind '" + name + "'");
}

// A copy of a secret argument that is wiped when it goes out of scope.
struct secret {
  std::string value;
  explicit secret(py::handle obj) : value(text_arg(obj)) {}
  secret(const secret&) = delete;
  secret& operator=(const secret&) = delete;
  ~secret() { mynumber::detail::secure_wipe(value.data(), value.size()); }
};

#if defined(MYNUMBER_HAS_PCSC)
class card_reader {
 public:
  card_reader(const std::string& name, unsigned wait_ms) : transport_(connect(name, wait_ms)), reader_(transport_) {}

  [[nodiscard]] std::string name() const { return transport_.reader_name(); }
  [[nodiscard]] py::bytes atr() const {
    const auto a = transport_.try_atr().value();
    return py::bytes(reinterpret_cast<const char*>(a.data()), a.size());
  }
  [[nodiscard]] std::optional<int> pin_status(const std::string& kind) {
    const auto k = pin_of(kind);
    py::gil_scoped_release unlocked;
    return reader_.try_pin_status(k).value().tries_left;
  }
  [[nodiscard]] individual_number read_my_number(py::handle pin, bool allow_last_try) {
    secret p(pin);
    py::gil_scoped_release unlocked;
    return reader_.try_read_my_number(p.value, options(allow_last_try)).value();
  }
  [[nodiscard]] py::dict read_basic_info(py::handle credential, const std::string& kind, bool allow_last_try) {
    secret c(credential);
    const auto k = pin_of(kind);
    card::basic_info info;
    {
      py::gil_scoped_release unlocked;
      info = reader_.try_read_basic_info(card::text_credential(k, c.value), options(allow_last_try)).value();
    }
    py::dict out;
    out["name"] = info.name;
    out["address"] = info.address;
    out["birth_date"] = info.birth.to_string();
    out["sex"] = std::string(1, info.sex.digit);
    return out;
  }
  [[nodiscard]] py::bytes read_certificate(const std::string& slot, py::object password, bool allow_last_try) {
    card::certificate_slot s = card::certificate_slot::authentication;
    if (slot == "auth") s = card::certificate_slot::authentication;
    else if (slot == "auth_ca") s = card::certificate_slot::authentication_ca;
    else if (slot == "sign") s = card::certificate_slot::signature;
    else if (slot == "sign_ca") s = card::certificate_slot::signature_ca;
    else throw mynumber::error(errc::invalid_argument, "slot must be auth, auth_ca, sign or sign_ca");
    secret p(password.is_none() ? py::str("") : password);
    std::vector<std::uint8_t> der;
    {
      py::gil_scoped_release unlocked;
      der = reader_.try_read_certificate_der(s, p.value, options(allow_last_try)).value();
    }
    return py::bytes(reinterpret_cast<const char*>(der.data()), der.size());
  }
  [[nodiscard]] py::bytes sign(py::handle secret_text, py::bytes digest, bool use_auth_key, bool allow_last_try) {
    secret s(secret_text);
    const std::string d = digest;
    const std::vector<std::uint8_t> bytes(d.begin(), d.end());
    std::vector<std::uint8_t> sig;
    {
      py::gil_scoped_release unlocked;
      sig =
          reader_.try_sign(s.value, card::hash_algorithm::sha256, bytes, options(allow_last_try), use_auth_key).value();
    }
    return py::bytes(reinterpret_cast<const char*>(sig.data()), sig.size());
  }
  void change_pin(const std::string& kind, py::handle old_pin, py::handle new_pin, bool allow_last_try) {
    const auto k = pin_of(kind);
    secret o(old_pin);
    secret n(new_pin);
    py::gil_scoped_release unlocked;
    reader_.try_change_pin(k, o.value, n.value, options(allow_last_try)).value();
  }

 private:
  static card::pcsc_transport connect(const std::string& name, unsigned wait_ms) {
    card::pcsc_options o;
    o.reader = name;
    o.wait = std::chrono::milliseconds(wait_ms);
    py::gil_scoped_release unlocked;
    return std::move(card::pcsc_transport::try_connect(o).value());
  }
  static card::verify_options options(bool allow_last_try) {
    card::verify_options o;
    o.allow_last_try = allow_last_try;
    return o;
  }
  card::pcsc_transport transport_;
  card::reader reader_;
};
#endif

}  // namespace

void register_card(py::module_& m) {
  m.def(
      "card_expiry",
      [](py::handle birth, py::handle issued, py::object received, const std::string& residence,
         py::object stay_until) {
        card::card_application a{date_of(birth), received.is_none() ? date_of(issued) : date_of(received),
                                 date_of(issued)};
        if (residence == "japanese") a.residence = card::residence_status::japanese_national;
        else if (residence == "permanent") a.residence = card::residence_status::foreign_permanent;
        else if (residence == "fixed_term") a.residence = card::residence_status::foreign_fixed_term;
        else throw mynumber::error(errc::invalid_argument, "residence must be japanese, permanent or fixed_term");
        if (!stay_until.is_none()) a.stay_until = date_of(stay_until);
        const auto e = card::try_card_expiry(a).value();
        return py::make_tuple(e.date.to_string(), reason_of(e.reason), e.adult);
      },
      py::arg("birth"), py::arg("issued"), py::arg("application_received") = py::none(),
      py::arg("residence") = "japanese", py::arg("stay_until") = py::none(),
      "Card expiry: (last valid day 'YYYY-MM-DD', reason, adult). Raises MyNumberError(reason invalid_date) for a bad "
      "date, or "
      "InvalidArgumentError.");
  m.def(
      "card_certificate_expiry",
      [](py::handle birth, py::handle issued, py::handle card_last_day) {
        const auto e = card::try_certificate_expiry(date_of(birth), date_of(issued), date_of(card_last_day)).value();
        return py::make_tuple(e.date.to_string(), reason_of(e.reason));
      },
      py::arg("birth"), py::arg("issued"), py::arg("card_expiry"),
      "Electronic-certificate expiry: (last valid day, reason).");
  m.def(
      "card_expiry_instant", [](py::handle last_day) { return card::expiry_instant_utc(date_of(last_day)); },
      py::arg("last_day"), "Unix seconds of 23:59:59 JST on the last valid day.");
  m.def(
      "card_verification_code_b",
      [](py::handle birth, int expiry_year, py::handle security_code, bool gregorian) {
        secret code(security_code);
        return card::try_verification_code_b(date_of(birth), expiry_year, code.value,
                                             gregorian ? card::birth_calendar::gregorian : card::birth_calendar::wareki)
            .value();
      },
      py::arg("birth"), py::arg("expiry_year"), py::arg("security_code"), py::arg("gregorian") = false,
      "照合番号B: birth date as 和暦 YYMMDD (or 西暦 with gregorian=True, UNCONFIRMED) + expiry year + code.");
  m.def(
      "card_to_wareki",
      [](py::handle date) {
        const auto w = try_to_wareki(date_of(date)).value();
        return py::make_tuple(w.to_string(), std::string(era_info_of(w.era_id).romaji), w.year);
      },
      py::arg("date"), "A date in 和暦: (text such as '平成元年1月8日', era romaji, era year).");
  m.def(
      "card_check_pin_format",
      [](const std::string& kind, py::handle pin) {
        secret p(pin);
        card::check_pin_format(pin_of(kind), p.value).value();
      },
      py::arg("kind"), py::arg("pin"), "Raises PinError(pin_format) unless `pin` meets the format of `kind`.");
  m.def(
      "card_pin_specs",
      []() {
        py::list out;
        for (const auto& p : pin_names) {
          const auto& s = card::spec(p.kind);
          py::dict d;
          d["kind"] = p.name;
          d["name_ja"] = std::string(s.name_ja);
          d["name_en"] = std::string(s.name_en);
          d["ef"] = s.file->id;
          d["min_length"] = s.min_length;
          d["max_length"] = s.max_length;
          d["max_tries"] = s.max_tries == 0 ? py::object(py::none()) : py::object(py::int_(s.max_tries));
          d["tries_confirmed"] = s.tries_confirmed;
          out.append(d);
        }
        return py::tuple(out);
      },
      "Every credential of the card with its key EF, length and retry limit.");
#if defined(MYNUMBER_HAS_PCSC)
  m.attr("card_has_pcsc") = true;
  py::class_<card_reader>(m, "CardReader", "A My Number Card in a PC/SC reader (see mynumber.card.Reader).")
      .def(py::init<const std::string&, unsigned>(), py::arg("reader") = "", py::arg("wait_ms") = 0)
      .def_property_readonly("name", &card_reader::name)
      .def("atr", &card_reader::atr)
      .def("pin_status", &card_reader::pin_status, py::arg("kind"))
      .def("read_my_number", &card_reader::read_my_number, py::arg("pin"), py::arg("allow_last_try") = false)
      .def("read_basic_info", &card_reader::read_basic_info, py::arg("credential"), py::arg("kind") = "text_pin",
           py::arg("allow_last_try") = false)
      .def("read_certificate", &card_reader::read_certificate, py::arg("slot"), py::arg("password") = py::none(),
           py::arg("allow_last_try") = false)
      .def("sign", &card_reader::sign, py::arg("secret"), py::arg("digest"), py::arg("use_auth_key") = false,
           py::arg("allow_last_try") = false)
      .def("change_pin", &card_reader::change_pin, py::arg("kind"), py::arg("old"), py::arg("new"),
           py::arg("allow_last_try") = false);
#else
  m.attr("card_has_pcsc") = false;
#endif
}

}  // namespace mynumber::python
