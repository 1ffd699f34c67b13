"""Rule data of the My Number Act engine (番号法, law ID 425AC0000000027).

This module is the single source of the rule records. tools/gen_law_tables.py turns it into
include/mynumber/law/detail/rule_tables.hpp and docs/legal-sources.md; nothing else should
restate these facts.

Every fact here comes from the statute texts in data/law/ (provenance in data/law/README.md), from
the PPC guideline, or from the public secondary sources named in `src`. Confidence:
  statute      the statutory text was read (text B = Dec-2015 text, text A = e-Gov 2025-09 XML,
               or the 2025-04-01 income-tax order/regulation);
  computed     a date counted from a promulgation date written in the statute;
  official     the PPC guideline (事業者編, 2025-06) or another government publication;
  secondary    practitioner pages cited by the fact base;
  unconfirmed  inferred, or no primary text exists for that date.

Time windows (half-open [from, to)): no e-Gov text of the Act exists in the fact base for
2016-01-01 .. 2025-05-31, so every fact in that span is at best `secondary`; text A is treated as
seen for 2025-06-01 .. 2025-09-24 (it contains 拘禁刑, effective 2025-06-01, and was retrieved on
2025-09-24); dates after 2025-09-24 reuse text A as UNCONFIRMED.
"""

LAW = "425AC0000000027"
LAW_JA = "番号法"
TXT_B = "law/425AC0000000027_2015-12.txt"
TXT_A = "law/425AC0000000027_egov_2025-09.xml"
REG = "law/income_tax_enforcement_regulation_2025-04.txt"
ORD = "law/income_tax_enforcement_order_2025-04.txt"
PPC = "PPC guideline 事業者編 (令和7年6月一部改正)"

# Engine range and amendment boundaries (law.md §1.2).
START = "2015-12-01"        # text B is the text in force in Dec 2015; earlier dates are out of range
D2016 = "2016-01-01"        # 平成27年法律第65号: commission reorganised, penal articles renumbered
D_NOTICE_CARD = "2020-05-25"  # 令和元年法律第16号: 通知カード abolished [official date]
D_CORP_FINE = "2020-12-12"  # 令和2年法律第44号: 1億円 corporate fines [computed]
D_PENSION_BOOK = "2022-04-01"  # 年金手帳 no longer issued (law.md §8); listing afterwards UNCONFIRMED
D_ANNEX2_GONE = "2024-05-27"  # 令和5年法律第48号: 別表第二 abolished (date UNCONFIRMED, strongly indicated)
D_HEALTH_CARD = "2024-12-02"  # new health-insurance cards stopped [secondary]
D_KOKIN = "2025-06-01"      # 令和4年法律第68号: 懲役 -> 拘禁刑
D_TAX_REG = "2025-04-01"    # income-tax regulation/order revision that was read
A_SEEN_END = "2025-09-25"   # text A retrieved 2025-09-24; the day after starts the unconfirmed tail
END = "9999-12-31"

MID_NOTE = "no primary text of the Act for 2016-01-01..2025-05-31; inferred from the 2015 and 2025 texts"
TAIL_NOTE = "after the 2025-09-24 text: assumed unchanged"

# ---------------------------------------------------------------------------------------------
# Rules. Each rule: id, title (English), title_ja, versions. A version is a dict with
# from/to (half-open), status (in_force | not_in_force | unknown), confidence, citation
# (article, paragraph, item, extra), law (ID, short name), revision, src, note.


def ver(frm, to, status, conf, article="", paragraph="", item="", extra="", revision="",
        src="", note="", law=LAW, law_ja=LAW_JA):
    return dict(frm=frm, to=to, status=status, conf=conf, article=article, paragraph=paragraph,
                item=item, extra=extra, revision=revision, src=src, note=note, law=law, law_ja=law_ja)


def act_span(article, p2015, pmid, p2025, *, item2015="", itemmid="", item2025="",
             extra2015="", extramid="", extra2025="", mid_conf="unconfirmed", mid_src="law.md",
             mid_note=MID_NOTE, mid_until=D_ANNEX2_GONE, src2015="", src2025="", a_from=D_ANNEX2_GONE):
    """The usual five windows of a provision of the Act.

    p/item = None means "not in this text" (status not_in_force, or unknown in the middle)."""
    out = []

    def mk(frm, to, para, item, extra, conf, src, note, rev):
        if para is None or item is None:
            status = "not_in_force" if conf == "statute" else "unknown"
            out.append(ver(frm, to, status, conf, article, "", "", "", rev, src, note))
        else:
            out.append(ver(frm, to, "in_force", conf, article, para, item, extra, rev, src, note))

    mk(START, D2016, p2015, item2015, extra2015, "statute", src2015 or TXT_B, "", "text:2015-12")
    mk(D2016, mid_until, pmid, itemmid, extramid, mid_conf, mid_src, mid_note, "inferred")
    if mid_until != a_from:
        mk(mid_until, a_from, pmid, itemmid, extramid, mid_conf, mid_src, mid_note, "inferred")
    mk(a_from, D_KOKIN, p2025, item2025, extra2025, "unconfirmed", src2025 or TXT_A,
       "current numbering assumed before the 2025 text (insertion dates UNCONFIRMED)", "inferred")
    mk(D_KOKIN, A_SEEN_END, p2025, item2025, extra2025, "statute", src2025 or TXT_A, "", "text:2025-09")
    mk(A_SEEN_END, END, p2025, item2025, extra2025, "unconfirmed", src2025 or TXT_A, TAIL_NOTE, "text:2025-09")
    return out


RULES = []


def rule(rid, title, title_ja, versions):
    RULES.append(dict(id=rid, title=title, title_ja=title_ja, versions=versions))


# --- Article 9: scope of use (law.md §2) ---------------------------------------------------------
rule("A9.ANNEX", "Use by an annex entity for an annex affair", "別表に掲げる者による利用",
     act_span("9", "1", "1", "1", item2015="", itemmid="", item2025="",
              extra2015="別表第一", extramid="別表第一", extra2025="別表"))
rule("A9.ORDINANCE", "Use by a local government for affairs fixed by ordinance (条例)", "条例事務での利用",
     act_span("9", "2", "2", "2"))
rule("A9.RELATED_AFFAIRS", "個人番号関係事務: employers, payers and others that must file documents bearing others' numbers",
     "個人番号関係事務", act_span("9", "3", "3 or 4 (UNCONFIRMED)", "4",
                              mid_note="paragraph 3 in 2015, 4 in 2025 (the 戸籍 paragraph was inserted, probably by 令和元年法律第17号); when is UNCONFIRMED"))
rule("A9.DISASTER", "Disaster payments by banks and insurers under prior contracts (激甚災害)", "激甚災害時の利用",
     act_span("9", "4", "4 or 5 (UNCONFIRMED)", "5"))
rule("A9.RECIPIENT", "Use by a recipient under Art. 19 (investigations, life and property, commission rules) within the purpose",
     "第19条による提供を受けた者の利用",
     act_span("9", "5", "5 or 6 (UNCONFIRMED)", "6", extra2015="（第19条第11号〜第14号）",
              extramid="", extra2025="（第19条第13号〜第17号）"))
rule("A9.NO_PATH", "No Art. 9 path applies: use is not permitted", "利用範囲外",
     act_span("9", "", "", "", mid_conf="unconfirmed"))

# --- Articles 14, 15, 19, 20 (law.md §3–5) ---------------------------------------------------------
rule("A14.REQUEST", "A 個人番号利用事務等実施者 may ask for the number when needed", "提供の要求",
     act_span("14", "1", "1", "1"))
rule("A15.BAN", "Nobody may ask another person for a number unless an Art. 19 item applies", "提供の求めの制限",
     act_span("15", "", "", ""))
rule("A15.HOUSEHOLD", "Art. 15 covers only 他人: members of one's own household are outside it", "同一世帯の者",
     act_span("15", "", "", "", extra2015="（他人＝自己と同一の世帯に属する者以外の者）",
              extramid="（他人＝自己と同一の世帯に属する者以外の者）", extra2025="（他人＝自己と同一の世帯に属する者以外の者）"))
rule("A19.BASE", "Providing 特定個人情報 is prohibited unless an Art. 19 item applies", "特定個人情報の提供の制限",
     act_span("19", "", "", ""))
rule("A20.BAN", "Collecting or storing others' 特定個人情報 is prohibited unless an Art. 19 item applies", "収集等の制限",
     act_span("20", "", "", ""))

# Article 19 items: (id, title, title_ja, 2015 item, 2017 item (inferred), 2025 item, mid confidence)
ART19 = [
    ("P19.USE_AFFAIRS", "A 利用事務実施者 provides to the person, an agent or a 関係事務実施者, within need", "利用事務実施者からの提供", "1", "1", "1", "unconfirmed"),
    ("P19.RELATED_AFFAIRS", "A 関係事務実施者 provides within the need of 関係事務", "関係事務実施者からの提供", "2", "2", "2", "unconfirmed"),
    ("P19.FROM_PERSON", "The person or an agent provides their own number to a 実施者", "本人又は代理人からの提供", "3", "3", "3", "unconfirmed"),
    ("P19.JOB_CHANGE", "Former employer to new employer on a job change, with the employee's consent", "転職時の使用者等間の提供", None, None, "4", "unconfirmed"),
    ("P19.JLIS", "J-LIS provides 機構保存本人確認情報 to a 利用事務実施者", "機構からの提供", "4", "4", "5", "unconfirmed"),
    ("P19.ENTRUST_SUCCESSION", "Entrustment (委託) or business succession (merger etc.)", "委託・事業承継", "5", "5", "6", "unconfirmed"),
    ("P19.RESIDENT_REGISTRY", "Provision under 住民基本台帳法 30条の6 etc.", "住民基本台帳法による提供", "6", "6", "7", "unconfirmed"),
    ("P19.NETWORK", "Information-provision network (情報提供ネットワークシステム)", "情報提供ネットワークシステム", "7", "7", "8", "secondary"),
    ("P19.ORDINANCE_NETWORK", "Ordinance affairs over the network (PPC rules)", "条例事務関係情報照会", None, "8", "9", "secondary"),
    ("P19.TAX_AUTHORITIES", "National Tax Agency and prefectural/municipal tax authorities", "国税・地方税の連携", "8", "9", "10", "unconfirmed"),
    ("P19.LOCAL_INTERNAL", "Within one local government, to another organ under ordinance", "同一地方公共団体内の提供", "9", "10", "11", "unconfirmed"),
    ("P19.BOOK_ENTRY", "Book-entry transfer institutions (振替機関等)", "振替機関等", "10", "11", "12", "unconfirmed"),
    ("P19.COMMISSION", "To the Personal Information Protection Commission on its request", "委員会への提供", "11", "12", "13", "unconfirmed"),
    ("P19.MIC_JLIS", "To the Minister for Internal Affairs on request (J-LIS supervision)", "総務大臣への提供", None, "13", "14", "unconfirmed"),
    ("P19.PUBLIC_INTEREST", "Diet inquiries, courts, criminal and tax-offence investigation, Board of Audit, public interest by Cabinet Order", "各議院審査・訴訟・捜査等", "12", "14", "15", "secondary"),
    ("P19.LIFE_BODY_PROPERTY", "Protecting life, body or property, with consent or where consent is hard to obtain", "人の生命・身体・財産の保護", "13", "15", "16", "unconfirmed"),
    ("P19.COMMISSION_RULES", "Other cases fixed by Commission rules", "委員会規則で定める場合", "14", "16", "17", "unconfirmed"),
]
for rid, title, title_ja, i15, i17, i25, conf in ART19:
    if rid == "P19.NETWORK":
        rule(rid, title, title_ja, act_span("19", "", "", "", item2015=i15, itemmid=i17, item2025=i25,
                                            extra2015="（別表第二）", extramid="（別表第二）", extra2025="（主務省令）",
                                            mid_conf=conf, mid_note="2017 numbering inferred; a 2019 blog quotes 「第十九条第七号又は第八号」 (law.md §4)"))
    else:
        rule(rid, title, title_ja, act_span("19", "" if i15 else None, "" if i17 else None, "",
                                            item2015=i15 or "", itemmid=i17 or "", item2025=i25, mid_conf=conf,
                                            mid_note="2017 numbering inferred (law.md §4); insertion dates of later items UNCONFIRMED"))

# --- Article 16 and identity verification (law.md §3, §8) --------------------------------------------
rule("A16.CARD", "Presenting the 個人番号カード satisfies both checks", "個人番号カードの提示",
     act_span("16", "", "", "", item2015="", itemmid="", item2025="1"))
rule("A16.NOTIFICATION_CARD", "通知カード plus a ministerial-ordinance identity document", "通知カード及び主務省令で定める書類",
     [ver(START, D2016, "in_force", "statute", "16", "", "", "（通知カード）", "text:2015-12", TXT_B),
      ver(D2016, D_NOTICE_CARD, "in_force", "unconfirmed", "16", "", "", "（通知カード）", "inferred", "law.md §1.2", MID_NOTE),
      ver(D_NOTICE_CARD, END, "not_in_force", "official", "16", "", "", "", "", PPC + " 〈参考2〉",
          "通知カード abolished on 2020-05-25 (令和元年法律第16号)")])
rule("A16.NOTIFICATION_CARD_TRANSITIONAL", "After abolition, a 通知カード whose entries are unchanged still serves as 番号確認書類",
     "通知カードの経過措置",
     [ver(START, D_NOTICE_CARD, "not_in_force", "official", "16", "", "", "", "", PPC + " 〈参考2〉", "the card itself was still current"),
      ver(D_NOTICE_CARD, END, "in_force", "official", "16", "", "", "（旧法16・旧規1・3, 経過措置）", "", PPC + " 〈参考2〉")])
rule("A16.CARD_ALTERNATIVE", "カード代替電磁的記録 (smartphone) checked with the Prime Minister's or an accredited program",
     "カード代替電磁的記録", [
         ver(START, D2016, "not_in_force", "statute", "16", src=TXT_B),
         ver(D2016, "2025-09-24", "unknown", "unconfirmed", "16", note="introducing law and date UNCONFIRMED (law.md §1.2)", src="law.md §1.2"),
         ver("2025-09-24", A_SEEN_END, "in_force", "statute", "16", "", "2", "", "text:2025-09", TXT_A),
         ver(A_SEEN_END, END, "in_force", "unconfirmed", "16", "", "2", "", "text:2025-09", TXT_A, TAIL_NOTE)])
rule("A16.OTHER", "Another measure fixed by Cabinet Order: 番号確認 plus 身元確認 (施行令12条)", "政令で定める措置",
     act_span("16", "", "", "", item2015="", itemmid="", item2025="3"))

GUIDE = PPC + " 第4-3-⑷〈参考1〉"
REGV = "番号法施行規則"
ORDV = "番号法施行令"


def official(article, paragraph="", item="", law_ja=REGV, note="", conf="official", frm=START, to=END, extra=""):
    # The 施行令 and 施行規則 texts are not in the fact base: their structure comes from the guideline.
    return [ver(frm, to, "in_force", conf, article, paragraph, item, extra, "guideline:2025-06", GUIDE,
                note or "text of the order/regulation not seen; structure from the PPC guideline", law="", law_ja=law_ja)]


rule("IDV.NUMBER_DOC", "番号確認書類: a copy of the residence record bearing the number (住民票の写し等)", "番号確認書類",
     official("12", "1", "1", ORDV))
rule("IDV.NUMBER_FALLBACK_FILE", "番号確認 when documents are difficult: check against an earlier verified file", "番号確認の特例（既存ファイル照合）",
     official("2", "1", conf="secondary", note="the earlier-file example is secondary; full list UNCONFIRMED"))
rule("IDV.IDENTITY_PHOTO", "身元確認書類: photo ID (運転免許証, 旅券, 在留カード …)", "身元確認書類",
     official("12", "1", "2", ORDV, note="list as excerpted from 規1 (law.md §8); order text not seen"))
rule("IDV.IDENTITY_TWO_DOCS", "身元確認 when photo ID is difficult: two or more documents", "身元確認の特例（二以上の書類）",
     official("2", "3", conf="secondary", note="document list from secondary sources; exact list UNCONFIRMED"))
rule("IDV.HEALTH_CARD", "健康保険の被保険者証 as one of two documents", "健康保険証",
     [ver(START, D_HEALTH_CARD, "in_force", "secondary", "2", "3", "", "", "", "law.md §8", "listed by secondary sources", law="", law_ja=REGV),
      ver(D_HEALTH_CARD, END, "in_force", "unconfirmed", "2", "3", "", "", "", "law.md §8",
          "new cards stopped 2024-12-02; existing cards usable until their printed expiry [secondary]; whether the list was amended is UNCONFIRMED", law="", law_ja=REGV)])
rule("IDV.QUALIFICATION_CERT", "資格確認書 (replaces the health-insurance card) as one of two documents", "資格確認書",
     [ver(START, D_HEALTH_CARD, "not_in_force", "secondary", "2", "3", src="law.md §8", note="issued from 2024-12-02", law="", law_ja=REGV),
      ver(D_HEALTH_CARD, END, "unknown", "unconfirmed", "2", "3", src="law.md §8", note="whether the list names it is UNCONFIRMED", law="", law_ja=REGV)])
rule("IDV.PENSION_BOOK", "年金手帳 as one of two documents", "年金手帳",
     [ver(START, D_PENSION_BOOK, "in_force", "secondary", "2", "3", "", "", "", "law.md §8", "listed by secondary sources", law="", law_ja=REGV),
      ver(D_PENSION_BOOK, END, "in_force", "unconfirmed", "2", "3", "", "", "", "law.md §8",
          "new issue stopped 2022-04 (基礎年金番号通知書); whether it is still listed is UNCONFIRMED", law="", law_ja=REGV)])
rule("IDV.TELEPHONE", "By telephone: an earlier verified file plus facts only the person would know", "電話による確認", official("2", "5"))
rule("IDV.IDENTITY_OBVIOUS", "Identity obvious (e.g. employment relationship): no 身元確認書類 needed", "人違いでないことが明らか（雇用関係等）",
     official("2", "6", note="wording of the exception quoted by secondary sources; structure from the PPC guideline"))
rule("IDV.ONLINE", "Online: IC-chip reading, electronic signature or a J-LIS check", "電子情報処理組織による確認", official("3"))
rule("IDV.AGENT_AUTHORITY", "Agent: proof of authority (戸籍謄本, 委任状)", "代理権の確認", official("12", "2", "1", ORDV))
rule("IDV.AGENT_IDENTITY", "Agent: the agent's identity document", "代理人の身元確認", official("12", "2", "2", ORDV))
rule("IDV.AGENT_OBVIOUS", "Agent: identity obvious", "代理人の身元確認（明らかな場合）", official("9", "4"))
rule("IDV.AGENT_PRINCIPAL_NUMBER", "Agent: the principal's number document", "本人の番号確認", official("12", "2", "3", ORDV))
rule("IDV.POST", "By post: copies of the documents", "書面の送付", official("11"))

# --- Payment records (law.md §9) -------------------------------------------------------------------
TAXREG = "所得税法施行規則"
TAXORD = "所得税法施行令"
TAXREG_ID = "340M50000040011"
TAXORD_ID = "340CO0000000096"

# (id, title, title_ja, threshold_yen, per ('year' | 'payment'), payer ('any' | 'corp_or_dealer'),
#  rule ('exempt_at_or_below' | 'required_above'), law, article, paragraph, item, anticipation, note)
PAYMENTS = [
    ("PAY.REAL_ESTATE_RENT", "Rent for land or buildings (不動産の使用料等)", "不動産の使用料等", 150000, "year", "corp_or_dealer", TAXREG, "90", "3", "2", "contract", ""),
    ("PAY.REAL_ESTATE_BROKERAGE", "Brokerage fees for real estate (あっせん手数料)", "不動産等の売買・貸付けのあっせん手数料", 150000, "year", "corp_or_dealer", TAXREG, "90", "3", "2", "", ""),
    ("PAY.REAL_ESTATE_PURCHASE", "Purchase price of real estate (譲受けの対価)", "不動産等の譲受けの対価", 1000000, "year", "corp_or_dealer", TAXREG, "90", "3", "1", "", ""),
    ("PAY.LIFE_INSURANCE_LUMP_SUM", "Life-insurance lump sum (一時金)", "生命保険契約等の一時金", 1000000, "payment", "any", TAXREG, "86", "3", "2", "", ""),
    ("PAY.LIFE_INSURANCE_ANNUITY", "Life-insurance annuity (not public pension)", "生命保険契約等の年金", 200000, "year", "any", TAXREG, "86", "3", "1", "", ""),
    ("PAY.NONLIFE_ANNUITY", "Non-life insurance annuity", "損害保険契約等の年金", 200000, "year", "any", TAXREG, "87", "3", "1", "", ""),
    ("PAY.NONLIFE_MATURITY", "Non-life insurance maturity refund etc.", "損害保険契約等の満期返戻金等", 1000000, "year", "any", TAXREG, "87", "3", "2", "", ""),
    ("PAY.INSURANCE_AGENT_FEE", "Insurance agency fees", "保険等代理報酬", 200000, "year", "any", TAXREG, "88", "2", "", "", ""),
    ("PAY.FEES_SALES_AGENT_ETC", "Medical fees, sales-agent, collector, meter-reader and boxer fees, Art. 204(1)(vi) fees", "診療報酬・外交員報酬等", 500000, "year", "any", TAXREG, "84", "2", "1", "", ""),
    ("PAY.ADVERTISING_PRIZE", "Advertising prize money", "広告宣伝のための賞金", 500000, "year", "any", TAXREG, "84", "2", "2", "", ""),
    ("PAY.FEES_OTHER", "Other fees (lawyers, tax accountants, lectures, manuscripts …)", "その他の報酬・料金等", 50000, "year", "any", TAXREG, "84", "2", "4", "", ""),
    ("PAY.INSTALLMENT_SAVINGS", "Installment-savings compensation (定期積金の給付補塡金等)", "定期積金の給付補塡金等", 30000, "year", "any", TAXREG, "84の2", "2", "2", "", ""),
    ("PAY.SILENT_PARTNERSHIP", "Silent-partnership profit distributions", "匿名組合契約等の利益の分配", 50000, "year", "any", TAXREG, "85", "2", "", "", ""),
    ("PAY.NONRESIDENT_PARTNERSHIP", "Non-resident partnership profit (per payment)", "非居住者等の組合利益", 30000, "payment", "any", TAXREG, "89", "3", "", "", ""),
    ("PAY.NONRESIDENT_DOMESTIC_SOURCE", "Non-resident domestic-source income (per year)", "非居住者等の国内源泉所得", 500000, "year", "any", TAXREG, "89", "4", "", "", ""),
    ("PAY.TRUST_BENEFICIARY_TRANSFER", "Transfer price of trust beneficial interests", "信託受益権の譲渡の対価", 1000000, "year", "any", TAXREG, "90の4", "2", "", "", ""),
    ("PAY.GOLD_BULLION", "Gold bullion sale price (金地金等の譲渡の対価): number given only above the figure", "金地金等の譲渡の対価", 2000000, "payment", "any", TAXORD, "350の7", "", "", "", "令350の7: 「政令で定める金額は、二百万円」"),
    ("PAY.SALARY_YEAR_END_ADJUSTED", "Salary of a year-end-adjusted employee", "給与所得の源泉徴収票（年末調整済み）", 5000000, "year", "any", TAXREG, "93", "2", "", "employment", "item numbers 一〜四 of 規93② not separated here"),
    ("PAY.SALARY_OFFICER_YEAR_END_ADJUSTED", "Salary of a year-end-adjusted corporate officer (役員)", "給与所得の源泉徴収票（法人役員）", 1500000, "year", "any", TAXREG, "93", "2", "", "employment", "item numbers 一〜四 of 規93② not separated here"),
    ("PAY.SALARY_DEPENDENT_DECLARATION", "Other salary to people who filed a 扶養控除等申告書", "給与所得の源泉徴収票（扶養控除等申告書提出者）", 2500000, "year", "any", TAXREG, "93", "2", "", "employment", "item numbers 一〜四 of 規93② not separated here; the 'not year-end adjusted' gloss is an interpretation"),
    ("PAY.SALARY_OTHER", "Salary, all other cases", "給与所得の源泉徴収票（その他）", 500000, "year", "any", TAXREG, "93", "2", "", "employment", "item numbers 一〜四 of 規93② not separated here"),
    ("PAY.PUBLIC_PENSION", "Public pension (203の3 一〜六号)", "公的年金等の源泉徴収票", 600000, "year", "any", TAXREG, "94の2", "2", "", "", ""),
    ("PAY.PUBLIC_PENSION_ITEM7", "Public pension (203の3 七号)", "公的年金等の源泉徴収票（七号）", 300000, "year", "any", TAXREG, "94の2", "2", "", "", ""),
]
for (pid, title, title_ja, yen, per, payer, law_ja, art, para, item, antic, note) in PAYMENTS:
    law_id = TAXORD_ID if law_ja == TAXORD else TAXREG_ID
    srcf = ORD if law_ja == TAXORD else REG
    rule(pid, title, title_ja, [
        ver(START, D_TAX_REG, "in_force", "unconfirmed", art, para, item, "", "inferred", "law.md §9",
            "only the 2025-04-01 revision was read; the figure is assumed for earlier dates", law=law_id, law_ja=law_ja),
        ver(D_TAX_REG, A_SEEN_END, "in_force", "statute", art, para, item, "", "rev:20250401", srcf, note, law=law_id, law_ja=law_ja),
        ver(A_SEEN_END, END, "in_force", "unconfirmed", art, para, item, "", "rev:20250401", srcf, TAIL_NOTE, law=law_id, law_ja=law_ja)])
rule("PAY.RETIREMENT", "Retirement income slip: submitted only for corporate officers", "退職所得の源泉徴収票",
     [ver(START, D_TAX_REG, "in_force", "unconfirmed", "94", "2", "", "", "inferred", "law.md §9", "only the 2025-04-01 revision was read", law=TAXREG_ID, law_ja=TAXREG),
      ver(D_TAX_REG, A_SEEN_END, "in_force", "statute", "94", "2", "", "", "rev:20250401", REG, "", law=TAXREG_ID, law_ja=TAXREG),
      ver(A_SEEN_END, END, "in_force", "unconfirmed", "94", "2", "", "", "rev:20250401", REG, TAIL_NOTE, law=TAXREG_ID, law_ja=TAXREG)])
rule("PAY.REQUEST_AT_CONTRACT", "The number may be requested at contract time unless it is already clear that no record will be needed",
     "契約締結時の提供の求め", [ver(START, END, "in_force", "official", "", "", "", "（ガイドライン 第4-3-⑴）", "guideline:2025-06", PPC,
                                   "PPC guideline (2025-06): rents, employment contracts, unlisted shareholders", law="", law_ja="特定個人情報ガイドライン（事業者編）")])

# --- Penalties (law.md §7) -------------------------------------------------------------------------
# (id, title, title_ja, 2015 article, 2016+ article, term months, fine yen, 併科, abroad2015, abroad2016,
#  abroad2025, corporate 2015/2016 (same|none), corporate from 2020-12-12 (same|100m|none))
OFFENCES = [
    ("PEN.FILE_LEAK", "Providing a 特定個人情報ファイル without just cause (staff of 個人番号利用事務等)", "特定個人情報ファイルの不正提供", "67", "48", 48, 2000000, True, True, True, True, "same", "100m"),
    ("PEN.NUMBER_FOR_GAIN", "Providing or misappropriating a number for unlawful gain", "不正な利益を図る目的での個人番号の提供・盗用", "68", "49", 36, 1500000, True, True, True, True, "same", "100m"),
    ("PEN.NETWORK_SECRECY", "Leaking or misappropriating secrets of the network work (Art. 25)", "情報提供ネットワークシステムに関する秘密の漏えい・盗用", "69", "50", 36, 1500000, True, True, True, True, "none", "none"),
    ("PEN.OBTAIN_BY_FRAUD", "Obtaining a number by deception, violence, threat, theft, trespass or unauthorised access", "詐欺・暴行・不正アクセス等による個人番号の取得", "70", "51", 36, 1500000, False, True, True, True, "same", "same"),
    ("PEN.OFFICIAL_ABUSE", "Officials abusing authority to collect 特定個人情報 documents", "職権濫用による文書等の収集", "71", "52", 24, 1000000, False, True, True, True, "none", "none"),
    ("PEN.JLIS_SECRECY", "Breach of J-LIS officers' secrecy (38条の3の2)", "機構役職員の秘密保持義務違反", None, "52の2", 24, 1000000, False, None, None, True, "none", "none"),
    ("PEN.KOSEKI_SECRECY", "Leaking or misappropriating 戸籍関係情報作成用情報 secrets (45条の2③)", "戸籍関係情報作成用情報に関する秘密の漏えい・盗用", None, "52の3", 24, 1000000, True, None, None, True, "none", "none"),
    ("PEN.ORDER_VIOLATION", "Violating a Commission order", "委員会の命令違反", "73", "53", 24, 500000, False, False, False, False, "same", "100m"),
    ("PEN.ORDER_VIOLATION_APPLIED", "Violating an order under Art. 34 as applied by 21条の2⑧ / 45条の2⑨", "準用命令違反", None, "53の2", 12, 500000, False, None, None, False, "same", "same"),
    ("PEN.INSPECTION_OBSTRUCTION", "Refusing, falsifying or obstructing Commission reports or inspections", "検査妨害等", "74", "54", 12, 500000, False, False, False, False, "same", "same"),
    ("PEN.CARD_FRAUD", "Obtaining a card by deception or other wrongful means", "不正手段による個人番号カード等の取得", "75", "55", 6, 500000, False, False, False, True, "same", "same"),
    ("PEN.INSPECTION_OBSTRUCTION_APPLIED", "Obstructing inspections as applied by 21条の2⑧ / 45条の2⑨ (fine only)", "準用検査妨害等", None, "55の2", 0, 300000, False, None, None, False, "same", "same"),
    ("PEN.JLIS_BOOKS", "J-LIS officers: book-keeping breaches and obstructing 38条の7① (fine only)", "機構役職員の帳簿・検査妨害", None, "55の3", 0, 300000, False, None, None, False, "none", "none"),
]

# Penalty windows: (from, to, renumbered, kokin, corp_period, confidence, numbering note)
PEN_WINDOWS = [
    (START, D2016, False, False, 0, "statute", TXT_B, "Dec-2015 text: penal chapter 第67〜77条"),
    (D2016, D_NOTICE_CARD, True, False, 1, "secondary", "law.md §7.1",
     "48〜57 from 2016-01-01 (pages dated 2016 [secondary]); terms as in the 2015 text; 両罰 list mapped from Art. 77 (inferred)"),
    (D_NOTICE_CARD, D_CORP_FINE, True, False, 1, "secondary", "law.md §7.1",
     "as before; Art. 55 covers the 個人番号カード only (通知カード abolished 2020-05-25)"),
    (D_CORP_FINE, D_KOKIN, True, False, 2, "secondary", "law.md §7.2–7.3",
     "1億円 corporate fines from 2020-12-12 (令和2年法律第44号; date computed)"),
    (D_KOKIN, A_SEEN_END, True, True, 2, "statute", TXT_A, "2025 text: 拘禁刑 (令和4年法律第68号)"),
    (A_SEEN_END, END, True, True, 2, "unconfirmed", TXT_A, TAIL_NOTE),
]

PENALTY_ROWS = []  # rows for the C++ penalty table
for (oid, title, title_ja, a15, a16, months, fine, heika, ab15, ab16, ab25, corp_old, corp_new) in OFFENCES:
    versions = []
    for (frm, to, renum, kokin, corp_p, conf, src, note) in PEN_WINDOWS:
        article = a16 if renum else a15
        new_article = a15 is None
        if new_article and not kokin:
            status, vconf = ("not_in_force", "statute") if not renum else ("unknown", "unconfirmed")
            versions.append(ver(frm, to, status, vconf, a16 if renum else "", src=src,
                                note="" if not renum else "article added later; insertion date UNCONFIRMED (law.md §7.2)"))
            PENALTY_ROWS.append(dict(offence=oid, frm=frm, to=to, status=status, conf=vconf, article=a16 if renum else "",
                                     kind="none", months=0, fine=0, heika=False, abroad="unknown" if renum else "no",
                                     corporate="unknown" if renum else "none", note=versions[-1]["note"], src=src))
            continue
        # Abroad (Art. 56 / 76)
        if not renum:
            abroad = "yes" if ab15 else "no"
        elif frm < D_NOTICE_CARD:
            abroad = "yes" if ab16 else "no"
        elif kokin:
            abroad = "yes" if ab25 else "no"
        else:
            abroad = ("yes" if ab16 else "no") if ab16 == ab25 else "unknown"
        # Corporate (Art. 57 / 77)
        if corp_p == 0:
            corporate = corp_old
        elif corp_p == 1:
            corporate = corp_old
        else:
            corporate = corp_new
        vconf = conf
        vnote = note
        if corp_p == 1 and corporate != "none" and vconf == "secondary":
            vnote += "; corporate liability before 2020-12-12 inferred (UNCONFIRMED)"
        if abroad == "unknown":
            vnote += "; Art. 56 extended to Art. 55 at an UNCONFIRMED date"
        if oid == "PEN.CARD_FRAUD":
            if frm < D_NOTICE_CARD:
                vnote += "; covers 通知カード又は個人番号カード"
            elif kokin:
                vnote += "; covers 個人番号カード or カード代替電磁的記録"
            else:
                vnote += "; covers 個人番号カード"
        kind = "none" if months == 0 else ("kokinkei" if kokin else "choueki")
        versions.append(ver(frm, to, "in_force", vconf, article, "", "", "", "text:2015-12" if not renum else
                            ("text:2025-09" if kokin else "inferred"), src, vnote))
        PENALTY_ROWS.append(dict(offence=oid, frm=frm, to=to, status="in_force", conf=vconf, article=article, kind=kind,
                                 months=months, fine=fine, heika=heika, abroad=abroad, corporate=corporate, note=vnote, src=src))
    rule(oid, title, title_ja, versions)

rule("PEN.ABROAD", "Acts abroad (国外犯)", "国外犯",
     [ver(START, D2016, "in_force", "statute", "76", src=TXT_B, note="covers 67〜72", revision="text:2015-12"),
      ver(D2016, D_KOKIN, "in_force", "secondary", "56", src="law.md §7.3", note="covered 48〜52 in 2016–2017; later extension to 52の2, 52の3 and 55 at UNCONFIRMED dates", revision="inferred"),
      ver(D_KOKIN, A_SEEN_END, "in_force", "statute", "56", src=TXT_A, note="covers 48〜52の3 and 55", revision="text:2025-09"),
      ver(A_SEEN_END, END, "in_force", "unconfirmed", "56", src=TXT_A, note=TAIL_NOTE, revision="text:2025-09")])
rule("PEN.CORPORATE", "Corporate liability (両罰規定)", "両罰規定",
     [ver(START, D2016, "in_force", "statute", "77", "1", src=TXT_B, note="67, 68, 70, 73〜75: 各本条の罰金", revision="text:2015-12"),
      ver(D2016, D_CORP_FINE, "in_force", "unconfirmed", "57", "1", src="law.md §7.3", note="48, 49, 51, 53〜55 (mapped from Art. 77; inferred)", revision="inferred"),
      ver(D_CORP_FINE, D_KOKIN, "in_force", "secondary", "57", "1", src="law.md §1.2, §7.3", note="一号: 48, 49, 53 → 1億円以下; 二号: 各本条 (令和2年法律第44号, 2020-12-12 computed)", revision="inferred"),
      ver(D_KOKIN, A_SEEN_END, "in_force", "statute", "57", "1", src=TXT_A, note="一号: 48, 49, 53 → 1億円以下; 二号: 51, 53の2〜55の2 各本条", revision="text:2025-09"),
      ver(A_SEEN_END, END, "in_force", "unconfirmed", "57", "1", src=TXT_A, note=TAIL_NOTE, revision="text:2025-09")])
rule("PEN.KOKINKEI", "懲役 becomes 拘禁刑 for acts on or after 2025-06-01", "拘禁刑への一本化",
     [ver(START, D_KOKIN, "not_in_force", "statute", "", extra="令和4年法律第68号", src="law.md §1.2", law="504AC0000000068", law_ja="刑法等の一部を改正する法律"),
      ver(D_KOKIN, END, "in_force", "statute", "", extra="令和4年法律第68号", src="law.md §1.2", law="504AC0000000068", law_ja="刑法等の一部を改正する法律",
          note="acts before the date keep the earlier penalty (なお従前の例); details of the transition UNCONFIRMED")])

# Analogous laws (law.md §7.3; PPC guideline 2025-06 table). Rows: (offence, law, article, text, conf, note)
ANALOGUES = [
    ("PEN.NUMBER_FOR_GAIN", "個人情報保護法", "179", "1年以下の拘禁刑又は50万円以下の罰金", "official", "as tabulated in the PPC guideline (2025-06)"),
    ("PEN.NUMBER_FOR_GAIN", "個人情報保護法", "184①一", "法人 1億円以下の罰金", "official", "as tabulated in the PPC guideline (2025-06)"),
    ("PEN.ORDER_VIOLATION", "個人情報保護法", "178", "1年以下の拘禁刑又は100万円以下の罰金", "official", "as tabulated in the PPC guideline (2025-06)"),
    ("PEN.ORDER_VIOLATION", "個人情報保護法", "184①一", "法人 1億円以下の罰金", "official", "as tabulated in the PPC guideline (2025-06)"),
    ("PEN.INSPECTION_OBSTRUCTION", "個人情報保護法", "182", "50万円以下の罰金", "official", "as tabulated in the PPC guideline (2025-06)"),
    ("PEN.INSPECTION_OBSTRUCTION", "個人情報保護法", "184①二", "法人 各本条の罰金", "official", "as tabulated in the PPC guideline (2025-06)"),
    ("PEN.FILE_LEAK", "行政機関個人情報保護法", "", "not in the fact base", "unconfirmed", "no text of this law is in the fact base"),
    ("PEN.FILE_LEAK", "住民基本台帳法", "", "not in the fact base", "unconfirmed", "no text of this law is in the fact base"),
]
ANALOGUES_AS_OF = "2025-06-01"  # the guideline revision (令和7年6月) these figures come from

# --- Annex rules (law.md §6) -----------------------------------------------------------------------
rule("ANNEX.TABLE1", "別表第一 (2015): entities and affairs for Art. 9(1)", "別表第一",
     [ver(START, D2016, "in_force", "statute", "", extra="別表第一", src=TXT_B, revision="text:2015-12", note="99 rows"),
      ver(D2016, D_ANNEX2_GONE, "in_force", "unconfirmed", "", extra="別表第一", src=TXT_B, revision="inferred",
          note="rows of the Dec-2015 text; items added between 2016 and 2024 are not in the fact base"),
      ver(D_ANNEX2_GONE, END, "not_in_force", "unconfirmed", "", src="law.md §6", note="renamed 「別表」 by 令和5年法律第48号 (date UNCONFIRMED)")])
rule("ANNEX.TABLE2", "別表第二 (2015): information-linkage tuples for Art. 19 item 7", "別表第二",
     [ver(START, D2016, "in_force", "statute", "", extra="別表第二", src=TXT_B, revision="text:2015-12", note="121 rows"),
      ver(D2016, D_ANNEX2_GONE, "in_force", "unconfirmed", "", extra="別表第二", src=TXT_B, revision="inferred",
          note="rows of the Dec-2015 text; later changes are not in the fact base"),
      ver(D_ANNEX2_GONE, END, "not_in_force", "unconfirmed", "", src="law.md §6",
          note="abolished by 令和5年法律第48号; the tuples are now fixed by 主務省令; the date 2024-05-27 is strongly indicated but UNCONFIRMED")])
rule("ANNEX.CURRENT", "別表 (2025): entities and affairs for Art. 9(1)", "別表",
     [ver(START, D_ANNEX2_GONE, "not_in_force", "unconfirmed", "", src="law.md §6", note="before 令和5年法律第48号 the table was 別表第一"),
      ver(D_ANNEX2_GONE, D_KOKIN, "in_force", "unconfirmed", "", extra="別表", src=TXT_A, revision="inferred",
          note="rows of the 2025 text; rows added after 2024-05-27 cannot be told apart"),
      ver(D_KOKIN, A_SEEN_END, "in_force", "statute", "", extra="別表", src=TXT_A, revision="text:2025-09", note="177 rows"),
      ver(A_SEEN_END, END, "in_force", "unconfirmed", "", extra="別表", src=TXT_A, revision="text:2025-09", note=TAIL_NOTE)])
