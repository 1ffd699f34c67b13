#include <mynumber/corp/name_key.hpp>

#include <doctest/doctest.h>

using namespace mynumber::corp;

TEST_CASE("name_key: width, kana, spaces and 中点 fold away") {
  CHECK(fold_name("ＢＭ　ＳＱＵＡＲＥ") == "BMSQUARE");
  CHECK(fold_name("株式会社ｓｏｕｖｅｎｉｒ") == "株式会社SOUVENIR");
  CHECK(fold_name("ｶﾌﾞｼｷｶﾞｲｼｬ") == fold_name("かぶしきがいしゃ"));
  CHECK(fold_name("ｶﾌﾞｼｷｶﾞｲｼｬ") == "カブシキガイシヤ");  // small ャ → ヤ
  CHECK(fold_name("キャノン") == fold_name("キヤノン"));
  CHECK(fold_name("ジャパン・システム") == "ジヤパンシステム");
  CHECK(fold_name("ﾊﾟﾝ") == "パン");
  CHECK(fold_name("ｳﾞｨ") == "ヴイ");
  CHECK(fold_name("サーヒ\u2015ス") == "サーヒース");  // a dash after katakana is the long-vowel mark
  CHECK(fold_name("ABC-1\u2212") == "ABC-1-");         // elsewhere a hyphen
  CHECK(fold_name("髙島屋") == "高島屋");
  CHECK(fold_name("神﨑") == "神崎");
  CHECK(fold_name("abc") == "ABC");
  CHECK(fold_name("a\xFF"
                  "b") == "AB");  // invalid bytes dropped
}

TEST_CASE("name_key: legal forms before or after the name") {
  const auto a = make_name_keys("株式会社ＡＢＣ商事");
  const auto b = make_name_keys("ABC商事株式会社");
  const auto c = make_name_keys("㈱ABC商事");
  const auto d = make_name_keys("（株）ＡＢＣ商事");
  const auto e = make_name_keys("ABC商事 Co., Ltd.");
  CHECK(a.core == "ABC商事");
  CHECK(b.core == "ABC商事");
  CHECK(c.core == "ABC商事");
  CHECK(d.core == "ABC商事");
  CHECK(e.core == "ABC商事");
  CHECK(a.position == legal_form_position::prefix);
  CHECK(b.position == legal_form_position::suffix);
  CHECK(a.form == "株式会社");
  CHECK(make_name_keys("一般社団法人日本協会").core == "日本協会");
  CHECK(make_name_keys("医療法人社団青葉会").core == "青葉会");  // the longer form wins over 医療法人
  CHECK(make_name_keys("株式会社").core == "株式会社");          // nothing left: keep the word
  CHECK(make_name_keys("八幡神社").position == legal_form_position::none);
  CHECK(kana_key("かぶしきがいしゃさくら") == "サクラ");
  CHECK(kana_key("イワミチョウ") == kana_key("イワミチヨウ"));
  CHECK(is_kana_only(fold_name("さくら")));
  CHECK_FALSE(is_kana_only(fold_name("桜")));
}
