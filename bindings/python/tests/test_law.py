"""mynumber.law and `mynumber law …`: the six questions through the Python API and the CLI."""

from __future__ import annotations

import datetime
import json
from typing import Any

import pytest

import mynumber

pytestmark = pytest.mark.skipif("law" not in mynumber.available_modules(), reason="built without the law module")

if "law" in mynumber.available_modules():
    from mynumber import law
    from mynumber.cli import main


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


# ---- API ------------------------------------------------------------------------------------


def test_penalty_2017_rows_of_the_original_overview() -> None:
    expected = {
        "PEN.FILE_LEAK": ("48", 48, 2_000_000, True),
        "PEN.NUMBER_FOR_GAIN": ("49", 36, 1_500_000, True),
        "PEN.NETWORK_SECRECY": ("50", 36, 1_500_000, True),
        "PEN.OBTAIN_BY_FRAUD": ("51", 36, 1_500_000, False),
        "PEN.OFFICIAL_ABUSE": ("52", 24, 1_000_000, False),
        "PEN.ORDER_VIOLATION": ("53", 24, 500_000, False),
        "PEN.INSPECTION_OBSTRUCTION": ("54", 12, 500_000, False),
        "PEN.CARD_FRAUD": ("55", 6, 500_000, False),
    }
    for offence, (article, months, fine, cumulative) in expected.items():
        r = law.penalty(datetime.date(2017, 4, 1), offence=offence)
        assert (r["article"], r["max_months"], r["max_fine_yen"], r["cumulative"]) == (article, months, fine, cumulative)
        assert r["imprisonment"] == "懲役"
        assert r["confidence"] in ("secondary", "UNCONFIRMED")


def test_penalty_by_article_as_numbered_on_the_date() -> None:
    assert law.penalty("2015-12-31", article="67")["offence"] == "PEN.FILE_LEAK"
    r = law.penalty("2025-06-01", article="48", trace=False)
    assert r["imprisonment"] == "拘禁刑"
    assert r["corporate_max_fine_yen"] == 100_000_000
    assert "trace" not in r
    with pytest.raises(mynumber.LawQueryError) as info:
        law.penalty("2016-01-01", article="67")
    assert info.value.reason == "law_unknown_id"


@pytest.mark.parametrize("boundary", ["2016-01-01", "2020-05-25", "2020-12-12", "2022-04-01", "2024-05-27",
                                      "2025-06-01"])
def test_network_provision_day_before_and_day_of(boundary: str) -> None:
    day = datetime.date.fromisoformat(boundary)
    before = law.request(day - datetime.timedelta(days=1), act="provide", situation="P19.NETWORK")
    at = law.request(day, act="provide", situation="P19.NETWORK")
    assert before["decision"] == at["decision"] == "permitted"
    expected_item = {"2024-05-27": ("7", "8"), "2025-06-01": ("8", "8")}.get(boundary, ("7", "7"))
    assert (before["basis"]["item"], at["basis"]["item"]) == expected_item
    assert at["trace"][0]["rule"] == "P19.NETWORK"


def test_identity_notification_card_transition() -> None:
    docs = [{"kind": "notification_card", "details_unchanged": False}, "drivers_license"]
    assert law.verify_identity("2020-05-24", documents=docs)["decision"] == "satisfied"
    r = law.verify_identity("2020-05-25", documents=docs)
    assert r["decision"] == "not_satisfied"
    assert r["number_check"]["result"] == "not_satisfied"
    assert r["agent_authority"]["result"] == "not_applicable"
    assert r["missing"]


def test_payment_three_answers() -> None:
    assert law.payment("2025-07-01", kind="PAY.FEES_OTHER", amount_yen=50_001)["decision"] == "required"
    assert law.payment("2025-07-01", kind="PAY.FEES_OTHER", amount_yen=50_000)["decision"] == "not_permitted"
    r = law.payment("2025-07-01", kind="PAY.REAL_ESTATE_RENT", amount_yen=10_000, amount_final=False)
    assert r["decision"] == "permitted_in_anticipation"
    assert r["threshold_yen"] == 150_000


def test_use_and_annex() -> None:
    r = law.use("2025-07-01", path="annex", actor="総務大臣", annex_item="二の二")
    assert r["decision"] == "permitted"
    assert r["annex_row"]["citation"] == "番号法 別表 二の二の項"
    assert law.use("2024-05-26", path="annex", actor="総務大臣", annex_item="二の二")["decision"] == "not_permitted"
    assert law.annex("2025-07-01", include_linkage=False, limit=0)["count"] == 177
    linked = law.annex("2016-06-01", keyword="難病")
    assert any("providers" in row for row in linked["rows"])
    assert law.annex("2024-05-27", keyword="難病")["linkage_table_status"] == "not_in_force"


def test_answer_dispatch_and_errors() -> None:
    assert law.answer({"question": "penalty", "date": "2017-04-01", "offence": "PEN.CARD_FRAUD"})["article"] == "55"
    with pytest.raises(mynumber.LawQueryError) as info:
        law.answer('{"question": "penalty", "date": "2017-04-01",}')
    assert info.value.reason == "json_malformed"
    assert info.value.position is not None
    with pytest.raises(ValueError):  # LawQueryError is a ValueError
        law.request("2010-01-01")
    with pytest.raises(mynumber.LawQueryError) as info:
        law.use("2025-07-01", path="annex", typo=True)
    assert info.value.reason == "law_invalid_query"
    with pytest.raises(TypeError):
        law.request(datetime.datetime(2025, 7, 1))  # type: ignore[arg-type]
    assert "P19.NETWORK" in law.rule_ids()
    assert "not legal advice" in law.DISCLAIMER


def test_explain_renders_every_step() -> None:
    r = law.penalty("2025-07-01", offence="PEN.FILE_LEAK")
    text = law.explain(r)
    assert len(text.splitlines()) == len(r["trace"]) == 4
    assert "PEN.KOKINKEI" in text


# ---- CLI ------------------------------------------------------------------------------------


def test_cli_penalty_readable_trace(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "law", "penalty", "--date", "2017-04-01", "--article", "48")
    assert code == 0
    assert "4年以下の懲役" in out
    assert "trace:" in out
    assert "PEN.CORPORATE" in out
    assert "not legal advice" in out


def test_cli_json_outputs_one_object(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "law", "annex", "--date", "2025-07-01", "--no-linkage", "--json")
    assert code == 0
    data: Any = json.loads(out)
    assert data["count"] == 177
    assert len(data["rows"]) == 177
    code, out, _ = run(capsys, "--json", "law", "request", "--date", "2024-05-27", "--act", "provide",
                       "--situation", "P19.JOB_CHANGE", "--consent")
    assert code == 0
    assert json.loads(out)["basis"]["citation"] == "番号法 第19条第4号"


def test_cli_every_question(capsys: pytest.CaptureFixture[str]) -> None:
    cases = [
        ["use", "--date", "2016-01-01", "--path", "related_affairs", "--filing-duty"],
        ["request", "--date", "2025-07-01", "--same-household"],
        ["verify-identity", "--date", "2025-07-01", "--channel", "agent", "--doc", "drivers_license:agent",
         "--doc", "power_of_attorney:agent", "--doc", "my_number_card"],
        ["payment", "--date", "2025-07-01", "--kind", "PAY.GOLD_BULLION", "--amount", "2000001"],
        ["penalty", "--date", "2020-12-12", "--offence", "PEN.ORDER_VIOLATION"],
        ["annex", "--date", "2016-06-01", "--actor", "市町村長", "--keyword", "難病", "--limit", "2"],
    ]
    expected = ["permitted", "permitted", "satisfied", "required", None, None]
    for argv, decision in zip(cases, expected):
        code, out, err = run(capsys, "law", *argv, "--json")
        assert code == 0, err
        data = json.loads(out)
        if decision is not None:
            assert data["decision"] == decision
    code, out, _ = run(capsys, "law", "penalty", "--date", "2020-12-12", "--offence", "PEN.ORDER_VIOLATION", "--json")
    assert json.loads(out)["corporate_max_fine_yen"] == 100_000_000


def test_cli_errors_exit_2(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "law", "penalty", "--date", "2010-01-01", "--article", "48")
    assert code == 2
    assert "outside" in err
    code, out, _ = run(capsys, "law", "payment", "--date", "2025-07-01", "--kind", "PAY.NOPE", "--amount", "1", "--json")
    assert code == 2
    assert json.loads(out)["error"]["reason"] == "law_unknown_id"
    with pytest.raises(SystemExit):
        main(["law", "verify-identity", "--doc", "passport:sideways"])
