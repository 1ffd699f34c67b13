#!/usr/bin/env python3
"""Generate the law module's data headers and the legal-sources page.

Reads the statute copies in the fact base (e-Gov XML of 2025-09 and the Dec-2015 text of
番号法) and the rule records in tools/law_rules.py, and writes:

  include/mynumber/law/detail/annex_tables.hpp   別表 (2025, 177 rows), 別表第一 (2015, 99 rows),
                                                 別表第二 (2015, 121 rows + provider/data pairs)
  include/mynumber/law/detail/rule_tables.hpp    rule IDs, rule versions, penalty, payment and
                                                 analogous-law rows
  docs/legal-sources.md                          every rule with its citations and dates

Output is deterministic. With --check nothing is written; the exit status is 1 if any output
differs from the file in the tree (CI runs this from tools/test.d/law.sh).

Python standard library only.
"""

import argparse
import os
import re
import sys
import xml.etree.ElementTree as ET

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(HERE)
sys.dont_write_bytecode = True  # keep tools/ free of __pycache__
sys.path.insert(0, HERE)
import law_rules as R  # noqa: E402  (data module beside this script)

XML_NAME = "law/425AC0000000027_egov_2025-09.xml"
TXT_NAME = "law/425AC0000000027_2015-12.txt"
EXPECTED = {"current": 177, "table1": 99, "table2": 121}

KANJI_DIGITS = {"一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
ITEM_RE = re.compile(r"^([一二三四五六七八九十百]+(?:の[一二三四五六七八九十]+)*)\u3000(.*)$")


class GenError(Exception):
    pass


def kanji_number(text):
    """一 .. 九百九十九 -> int."""
    total, current = 0, 0
    for ch in text:
        if ch in KANJI_DIGITS:
            current = KANJI_DIGITS[ch]
        elif ch == "十":
            total += (current or 1) * 10
            current = 0
        elif ch == "百":
            total += (current or 1) * 100
            current = 0
        else:
            raise GenError("not a kanji numeral: %r" % text)
    return total + current


def split_item(label):
    """'三十六の二' -> (36, 2); '二' -> (2, 0). Only one branch level occurs in these tables."""
    parts = label.split("の")
    if len(parts) > 2:
        raise GenError("nested branch item not supported: %s" % label)
    return kanji_number(parts[0]), (kanji_number(parts[1]) if len(parts) == 2 else 0)


def split_actor_cell(text, where):
    m = ITEM_RE.match(text)
    if not m:
        raise GenError("%s: item cell does not start with an item number: %r" % (where, text[:40]))
    return m.group(1), m.group(2)


def parse_current(xml_path):
    root = ET.parse(xml_path).getroot()
    law_body = root.find(".//LawBody")
    if law_body is None:
        raise GenError("no LawBody in %s" % xml_path)
    tables = law_body.findall("AppdxTable")
    if len(tables) != 1:
        raise GenError("expected one AppdxTable in the main body, found %d" % len(tables))
    rows = []
    for index, tr in enumerate(tables[0].iter("TableRow"), start=1):
        cols = tr.findall("TableColumn")
        if len(cols) != 2:
            raise GenError("別表 row %d: expected 2 columns, found %d" % (index, len(cols)))
        cells = ["".join("".join(s.itertext()) for s in c.iter("Sentence")).strip() for c in cols]
        label, actor = split_actor_cell(cells[0], "別表 row %d" % index)
        rows.append(dict(label=label, actor=actor, affair=cells[1],
                         source="%s AppdxTable/TableRow[%d]" % (XML_NAME, index)))
    return rows


def parse_2015(txt_path):
    with open(txt_path, encoding="utf-8") as f:
        lines = [line.strip() for line in f.read().split("\n")]
    try:
        start1 = next(i for i, l in enumerate(lines) if l.startswith("別表第一\u3000"))
        start2 = next(i for i, l in enumerate(lines) if l.startswith("別表第二\u3000"))
    except StopIteration:
        raise GenError("別表第一 / 別表第二 headings not found in %s" % txt_path)
    header2 = lines[start2 + 1:start2 + 5]
    if header2 != ["情報照会者", "事務", "情報提供者", "特定個人情報"]:
        raise GenError("別表第二 column headings changed: %r" % header2)

    def groups(first, last):
        out = []
        for n in range(first, last):
            text = lines[n]
            if not text:
                continue
            m = ITEM_RE.match(text)
            if m:
                out.append(dict(label=m.group(1), head=m.group(2), body=[], line=n + 1))
            elif out:
                out[-1]["body"].append(text)
            else:
                raise GenError("line %d: text before the first item" % (n + 1))
        return out

    table1 = []
    for g in groups(start1 + 1, start2):
        if g["head"] == "削除" and not g["body"]:
            table1.append(dict(label=g["label"], actor="削除", affair="", line=g["line"]))
        elif len(g["body"]) == 1:
            table1.append(dict(label=g["label"], actor=g["head"], affair=g["body"][0], line=g["line"]))
        else:
            raise GenError("別表第一 %s (line %d): expected one affair line" % (g["label"], g["line"]))
    table2 = []
    for g in groups(start2 + 5, len(lines)):
        body = g["body"]
        if g["head"] == "削除" and not body:
            table2.append(dict(label=g["label"], actor="削除", affair="", pairs=[], line=g["line"]))
            continue
        if len(body) < 3 or len(body) % 2 != 1:
            raise GenError("別表第二 %s (line %d): expected affair + provider/data pairs" % (g["label"], g["line"]))
        pairs = [(body[k], body[k + 1]) for k in range(1, len(body), 2)]
        table2.append(dict(label=g["label"], actor=g["head"], affair=body[0], pairs=pairs, line=g["line"]))
    return table1, table2


def cpp_str(text):
    out = ['"']
    for ch in text:
        if ch in '"\\':
            out.append("\\" + ch)
        elif ch == "\n":
            out.append("\\n")
        elif ord(ch) < 0x20:
            out.append("\\x%02x" % ord(ch))
        else:
            out.append(ch)
    out.append('"')
    return "".join(out)


def cpp_date(iso):
    y, m, d = iso.split("-")
    return "civil_date::from_ymd_unchecked(%d, %d, %d)" % (int(y), int(m), int(d))


def cpp_ident(rule_id):
    return rule_id.lower().replace(".", "_")


HEADER_NOTE = """// GENERATED by tools/gen_law_tables.py — do not edit. Regenerate with
//   python3 tools/gen_law_tables.py
// and check with `python3 tools/gen_law_tables.py --check`.
"""


def emit_annex(current, table1, table2):
    out = [HEADER_NOTE]
    out.append("// Source: the fact base copies %s (別表, 2025) and %s (別表第一/第二, Dec 2015).\n" % (XML_NAME, TXT_NAME))
    out.append("#ifndef MYNUMBER_LAW_DETAIL_ANNEX_TABLES_HPP\n#define MYNUMBER_LAW_DETAIL_ANNEX_TABLES_HPP\n\n")
    out.append('#include "../types.hpp"\n\nMYNUMBER_BEGIN_NAMESPACE\nnamespace law {\nnamespace detail {\n\n')

    def row1(r, table, cite_table, src):
        num, branch = split_item(r["label"])
        citation = "番号法 %s %sの項" % (cite_table, r["label"])
        return "    {%s, %d, %d, %s, %s, %s, %s},\n" % (cpp_str(r["label"]), num, branch, cpp_str(r["actor"]),
                                                   cpp_str(r["affair"]), cpp_str(citation), cpp_str(src))

    out.append("inline constexpr annex_row annex_current[%d] = {\n" % len(current))
    for r in current:
        out.append(row1(r, "current", "別表", r["source"]))
    out.append("};\n\n")
    out.append("inline constexpr annex_row annex_2015_table1[%d] = {\n" % len(table1))
    for r in table1:
        out.append(row1(r, "table1", "別表第一", "%s:%d" % (TXT_NAME, r["line"])))
    out.append("};\n\n")
    pairs = []
    rows2 = []
    for r in table2:
        num, branch = split_item(r["label"])
        first = len(pairs)
        pairs.extend(r["pairs"])
        rows2.append("    {%s, %d, %d, %s, %s, %d, %d, %s, %s},\n" % (
            cpp_str(r["label"]), num, branch, cpp_str(r["actor"]), cpp_str(r["affair"]), first, len(r["pairs"]),
            cpp_str("番号法 別表第二 %sの項" % r["label"]), cpp_str("%s:%d" % (TXT_NAME, r["line"]))))
    out.append("inline constexpr annex2_pair annex_2015_table2_pairs[%d] = {\n" % len(pairs))
    for p, d in pairs:
        out.append("    {%s, %s},\n" % (cpp_str(p), cpp_str(d)))
    out.append("};\n\n")
    out.append("inline constexpr annex2_row annex_2015_table2[%d] = {\n" % len(rows2))
    out.extend(rows2)
    out.append("};\n\n")
    out.append("}  // namespace detail\n}  // namespace law\nMYNUMBER_END_NAMESPACE\n\n#endif  // MYNUMBER_LAW_DETAIL_ANNEX_TABLES_HPP\n")
    return "".join(out)


STATUS = {"in_force": "rule_status::in_force", "not_in_force": "rule_status::not_in_force", "unknown": "rule_status::unknown"}
CONF = {c: "confidence::" + c for c in ("statute", "computed", "official", "secondary", "unconfirmed")}
TRI = {"yes": "tristate::yes", "no": "tristate::no", "unknown": "tristate::unknown"}
CORP = {"none": "corporate_fine::none", "same": "corporate_fine::same_as_individual",
        "100m": "corporate_fine::hundred_million_yen", "unknown": "corporate_fine::unknown"}
KIND = {"none": "imprisonment::none", "choueki": "imprisonment::choueki", "kokinkei": "imprisonment::kokinkei"}


def validate_rules():
    seen = set()
    for r in R.RULES:
        if r["id"] in seen:
            raise GenError("duplicate rule id %s" % r["id"])
        seen.add(r["id"])
        if not re.match(r"^[A-Z0-9]+\.[A-Z0-9_]+$", r["id"]):
            raise GenError("bad rule id %s" % r["id"])
        vs = r["versions"]
        if not vs:
            raise GenError("%s: no versions" % r["id"])
        if vs[0]["frm"] != R.START or vs[-1]["to"] != R.END:
            raise GenError("%s: versions must cover %s..%s" % (r["id"], R.START, R.END))
        for a, b in zip(vs, vs[1:]):
            if a["to"] != b["frm"]:
                raise GenError("%s: gap or overlap at %s/%s" % (r["id"], a["to"], b["frm"]))
        for v in vs:
            if not v["frm"] < v["to"]:
                raise GenError("%s: empty window %s..%s" % (r["id"], v["frm"], v["to"]))


def emit_rules():
    validate_rules()
    index = {r["id"]: n for n, r in enumerate(R.RULES)}
    out = [HEADER_NOTE]
    out.append("// Source: tools/law_rules.py (facts from the fact base law.md and the statute copies).\n")
    out.append("#ifndef MYNUMBER_LAW_DETAIL_RULE_TABLES_HPP\n#define MYNUMBER_LAW_DETAIL_RULE_TABLES_HPP\n\n")
    out.append('#include <cstdint>\n\n#include "../types.hpp"\n\nMYNUMBER_BEGIN_NAMESPACE\nnamespace law {\n\n')
    out.append("// Stable semantic rule IDs; the string form (e.g. \"P19.NETWORK\") is rule_records[i].id.\n")
    out.append("enum class rule_id : std::uint16_t {\n")
    for r in R.RULES:
        out.append("  %s,  // %s\n" % (cpp_ident(r["id"]), r["id"]))
    out.append("};\n\ninline constexpr std::size_t rule_count = %d;\n\nnamespace detail {\n\n" % len(R.RULES))
    versions = []
    records = []
    for r in R.RULES:
        first = len(versions)
        for v in r["versions"]:
            cite = "{%s, %s, %s, %s, %s, %s}" % (cpp_str(v["law"]), cpp_str(v["law_ja"]), cpp_str(v["article"]),
                                              cpp_str(v["paragraph"]), cpp_str(v["item"]), cpp_str(v["extra"]))
            versions.append("    {%s, %s, %s, %s, %s, %s, %s, %s},\n" % (
                cpp_date(v["frm"]), cpp_date(v["to"]), STATUS[v["status"]], CONF[v["conf"]], cite,
                cpp_str(v["revision"]), cpp_str(v["src"]), cpp_str(v["note"])))
        records.append("    {%s, %s, %s, %d, %d},\n" % (cpp_str(r["id"]), cpp_str(r["title"]), cpp_str(r["title_ja"]),
                                                     first, len(r["versions"])))
    out.append("inline constexpr rule_version rule_versions[%d] = {\n" % len(versions))
    out.extend(versions)
    out.append("};\n\n")
    out.append("inline constexpr rule_record rule_records[%d] = {\n" % len(records))
    out.extend(records)
    out.append("};\n\n")
    out.append("inline constexpr penalty_row penalty_rows[%d] = {\n" % len(R.PENALTY_ROWS))
    for p in R.PENALTY_ROWS:
        out.append("    {%d, %s, %s, %s, %s, %s, %s, %d, %d, %s, %s, %s, %s},\n" % (
            index[p["offence"]], cpp_date(p["frm"]), cpp_date(p["to"]), STATUS[p["status"]], CONF[p["conf"]],
            cpp_str(p["article"]), KIND[p["kind"]], p["months"], p["fine"], "true" if p["heika"] else "false",
            TRI[p["abroad"]], CORP[p["corporate"]], cpp_str(p["note"])))
    out.append("};\n\n")
    out.append("inline constexpr payment_row payment_rows[%d] = {\n" % (len(R.PAYMENTS)))
    for (pid, _t, _tj, yen, per, payer, _law, _a, _p, _i, antic, _n) in R.PAYMENTS:
        out.append("    {%d, %d, %s, %s, %s},\n" % (
            index[pid], yen, "payment_basis::per_payment" if per == "payment" else "payment_basis::per_year",
            "payer_condition::corporation_or_dealer" if payer == "corp_or_dealer" else "payer_condition::any",
            {"": "anticipation::when_undecided", "contract": "anticipation::at_contract",
             "employment": "anticipation::at_employment"}[antic]))
    out.append("};\n\n")
    out.append("inline constexpr analogue_row analogue_rows[%d] = {\n" % len(R.ANALOGUES))
    for (oid, law, art, text, conf, note) in R.ANALOGUES:
        out.append("    {%d, %s, %s, %s, %s, %s, %s},\n" % (index[oid], cpp_str(law), cpp_str(art), cpp_str(text),
                                                          cpp_date(R.ANALOGUES_AS_OF), CONF[conf], cpp_str(note)))
    out.append("};\n\n")
    out.append("}  // namespace detail\n}  // namespace law\nMYNUMBER_END_NAMESPACE\n\n#endif  // MYNUMBER_LAW_DETAIL_RULE_TABLES_HPP\n")
    return "".join(out)


def cite_text(v):
    parts = []
    if v["law_ja"]:
        parts.append(v["law_ja"])
    art = ""
    if v["article"]:
        head, sep, branch = v["article"].partition("の")  # 52の2 is written 第52条の2
        art = "第%s条%s" % (head, sep + branch)
    if v["paragraph"]:
        art += "第%s項" % v["paragraph"]
    if v["item"]:
        art += "第%s号" % v["item"]
    if art:
        parts.append(art)
    text = " ".join(parts)
    if v["extra"]:
        # A parenthetical attaches to the citation; a table name is a separate word (as in C++).
        text += v["extra"] if v["extra"].startswith("（") or not text else " " + v["extra"]
    return text or "—"


def md_escape(text):
    return text.replace("|", "\\|")


def emit_sources(counts):
    out = ["<!-- GENERATED by tools/gen_law_tables.py from tools/law_rules.py — do not edit. -->\n",
           "# Legal sources of the My Number Act engine (番号法ルールの出典)\n\n",
           "**This engine is informational. It is not legal advice (法的助言ではありません).** It encodes the texts listed "
           "below as far as they are known to the project, and every answer states how certain its data is. Where no "
           "primary text exists for a date, the answer says so. Check the statute and a qualified professional before "
           "relying on any answer.\n\n",
           "## Texts\n\n",
           "| text | role | dates treated as seen |\n|---|---|---|\n",
           "| `%s` (番号法, plain text of e-Gov HTML, Dec 2015) | text B: 2015 numbering, 別表第一 (%d rows), 別表第二 (%d rows) | %s .. 2015-12-31 |\n"
           % (TXT_NAME, counts["table1"], counts["table2"], R.START),
           "| `%s` (番号法, e-Gov XML, retrieved 2025-09-24) | text A: current numbering, 別表 (%d rows) | %s .. 2025-09-24 |\n"
           % (XML_NAME, counts["current"], R.D_KOKIN),
           "| `%s`, `%s` (所得税法施行規則 / 施行令, revision 2025-04-01) | payment-record thresholds | %s .. 2025-09-24 |\n"
           % (R.REG, R.ORD, R.D_TAX_REG),
           "| %s, 個人情報保護委員会, https://www.ppc.go.jp/legal/policy/my_number_guideline_jigyosha/ (cited, not copied) | identity-verification structure, transitional rules, penalty comparison | official |\n\n" % R.PPC,
           "Paths are relative to `data/` (provenance and checksums in `data/law/README.md`). No text of the Act for 2016-01-01 .. "
           "2025-05-31 is available, so answers for that span are `secondary` at best. Text A is the version in "
           "force when it was retrieved (2025-09-24) and already contains the 2025-06-01 拘禁刑 change; treating it "
           "as seen from 2025-06-01 assumes no other amendment took effect in between, except where a rule below "
           "says its own date is UNCONFIRMED (e.g. the smartphone card route, which counts as seen only on "
           "2025-09-24).\n\n",
           "Confidence levels, strongest first: `statute` (text seen), `computed` (date counted from the text), "
           "`official` (PPC guideline), `secondary` (practitioner sources), `UNCONFIRMED` (inferred, or no text). "
           "An answer's confidence is the weakest level among the rule versions it relied on.\n\n",
           "## Rules\n\n",
           "Each rule has a stable ID; article, paragraph and item numbers are given per date range. Ranges are "
           "half-open: `from` is the first day, `to` the first day no longer covered.\n"]
    for r in R.RULES:
        out.append("\n### `%s` — %s（%s）\n\n" % (r["id"], md_escape(r["title"]), md_escape(r["title_ja"])))
        out.append("| from | to | status | citation | confidence | source | note |\n|---|---|---|---|---|---|---|\n")
        for v in r["versions"]:
            conf = "UNCONFIRMED" if v["conf"] == "unconfirmed" else v["conf"]
            out.append("| %s | %s | %s | %s | %s | %s | %s |\n" % (
                v["frm"], "—" if v["to"] == R.END else v["to"], v["status"].replace("_", " "), md_escape(cite_text(v)),
                conf, md_escape(v["src"]) or "—", md_escape(v["note"]) or ""))
    out.append("\n## Penalty comparison with analogous laws (as of %s)\n\n" % R.ANALOGUES_AS_OF)
    out.append("| offence | law | article | penalty | confidence | note |\n|---|---|---|---|---|---|\n")
    for (oid, law, art, text, conf, note) in R.ANALOGUES:
        out.append("| `%s` | %s | %s | %s | %s | %s |\n" % (oid, law, art or "—", text,
                                                         "UNCONFIRMED" if conf == "unconfirmed" else conf, note))
    return "".join(out)


def main(argv):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--data-dir", default=os.path.join(REPO, "data"),
                    help="folder holding law/ with the statute texts (default: the repository's data/)")
    ap.add_argument("--out-dir", default=REPO, help="repository root to write into (default: this repository)")
    ap.add_argument("--check", action="store_true", help="write nothing; exit 1 if an output differs")
    args = ap.parse_args(argv)
    try:
        current = parse_current(os.path.join(args.data_dir, XML_NAME))
        table1, table2 = parse_2015(os.path.join(args.data_dir, TXT_NAME))
        counts = {"current": len(current), "table1": len(table1), "table2": len(table2)}
        for key, want in EXPECTED.items():
            if counts[key] != want:
                raise GenError("%s: %d rows parsed, the statute has %d" % (key, counts[key], want))
        outputs = {
            "include/mynumber/law/detail/annex_tables.hpp": emit_annex(current, table1, table2),
            "include/mynumber/law/detail/rule_tables.hpp": emit_rules(),
            "docs/legal-sources.md": emit_sources(counts),
        }
    except (GenError, OSError, ET.ParseError) as exc:
        print("gen_law_tables: error: %s" % exc, file=sys.stderr)
        return 2
    differ = []
    for rel, text in sorted(outputs.items()):
        path = os.path.join(args.out_dir, rel)
        data = text.encode("utf-8")
        try:
            with open(path, "rb") as f:
                old = f.read()
        except OSError:
            old = None
        if old == data:
            continue
        differ.append(rel)
        if not args.check:
            os.makedirs(os.path.dirname(path), exist_ok=True)
            with open(path, "wb") as f:
                f.write(data)
    if args.check:
        for rel in differ:
            print("gen_law_tables: %s differs from the generated output" % rel, file=sys.stderr)
        return 1 if differ else 0
    for rel in differ:
        print("gen_law_tables: wrote %s" % rel)
    print("gen_law_tables: rows 別表=%d 別表第一=%d 別表第二=%d, rules=%d" % (
        counts["current"], counts["table1"], counts["table2"], len(R.RULES)))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
