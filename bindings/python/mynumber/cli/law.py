"""Law commands: ``mynumber law use|request|verify-identity|payment|penalty|annex``.

Each command answers one question of the My Number Act engine for ``--date`` (default: today in
JST) and prints the decision, its citation and confidence, and the reasoning trace; ``--json``
prints the engine's JSON response (docs/law.md) instead, on one line. Exit codes: 0 answered,
2 invalid query. Informational only, not legal advice.
"""

from __future__ import annotations

import argparse
import datetime as _dt
import json
import sys
from typing import Any, Callable, Dict, List, Mapping, Optional

from .. import _core
from .. import law as _law
from .._law import law_answer_question_json
from . import EXIT_OK, EXIT_USAGE, common_options

JST = _dt.timezone(_dt.timedelta(hours=9))


def _today() -> str:
    return _dt.datetime.now(JST).date().isoformat()


def _yen(value: Any) -> str:
    return f"{int(value):,}円"


# ---- output ---------------------------------------------------------------------------------


def _basis_line(response: Mapping[str, Any]) -> str:
    basis = response.get("basis")
    if not basis:
        return ""
    until = basis.get("until") or "open"
    return f"  basis: {basis['rule']}  {basis['citation']}  (in this form {basis['from']}..{until}, " \
           f"{basis['status']}, {basis['confidence']})"


def _summary(question: str, r: Mapping[str, Any]) -> List[str]:
    head = f"{question} on {r['date']}: "
    if question == "verify_identity":
        lines = [head + str(r["decision"])]
        for name in ("number_check", "identity_check", "agent_authority"):
            c = r[name]
            if c["result"] == "not_applicable":
                continue
            fallback = " (fallback)" if c["fallback"] else ""
            lines.append(f"  {name}: {c['result']} by {c['rule']} {c['citation']}{fallback}")
        for missing in r.get("missing", []):
            lines.append(f"  missing: {missing}")
        return lines
    if question == "penalty":
        lines = [head + f"{r['offence']} — {r['basis']['citation']} as numbered on the date ({r['status']})"]
        if r["status"] == "in_force":
            if r["imprisonment"] != "none":
                months = int(r["max_months"])
                term = f"{months // 12}年" if months % 12 == 0 else f"{months}月"
                joiner = "and/or (併科)" if r["cumulative"] else "or"
                lines.append(f"  {term}以下の{r['imprisonment']} {joiner} {_yen(r['max_fine_yen'])}以下の罰金")
            else:
                lines.append(f"  {_yen(r['max_fine_yen'])}以下の罰金")
            lines.append(f"  acts abroad (国外犯): {r['abroad']}")
            corp = r["corporate"]
            corp_text = corp if corp in ("none", "unknown") else f"{corp}, up to {_yen(r['corporate_max_fine_yen'])}"
            lines.append(f"  corporate fine (両罰): {corp_text}")
        for a in r.get("analogues", []):
            lines.append(f"  analogous: {a['law']} {a['article'] or '—'}: {a['penalty']} (as of {a['as_of']}, "
                         f"{a['confidence']})")
        return lines
    if question == "annex":
        lines = [head + f"{r['count']} row(s) from {r['table']}; 別表第二 {r['linkage_table_status']}"]
        for row in r.get("rows", []):
            who = row.get("actor") or row.get("requester")
            lines.append(f"  {row['citation']}: {who} | {row['affair']}")
            for p in row.get("providers", []):
                lines.append(f"      → {p['provider']} | {p['data']}")
        return lines
    line = head + str(r["decision"])
    if question == "payment":
        line += f" (threshold {_yen(r['threshold_yen'])} {r['threshold_basis']})"
    lines = [line]
    if question == "use" and "annex_row" in r:
        lines.append(f"  annex row: {r['annex_row']['citation']}: {r['annex_row']['actor']}")
    return lines


def _print(question: str, response: Mapping[str, Any], as_json: bool) -> None:
    if as_json:
        sys.stdout.write(json.dumps(response, ensure_ascii=False) + "\n")
        return
    lines = _summary(question, response)
    basis = _basis_line(response)
    if basis:
        lines.append(basis)
    lines.append(f"  confidence: {response['confidence']}")
    trace = _law.explain(response)
    if trace:
        lines.append("  trace:")
        lines.extend("    " + t for t in trace.splitlines())
    lines.append(f"  ({response['disclaimer']})")
    sys.stdout.write("\n".join(lines) + "\n")


def _run(question: str, build: Callable[[argparse.Namespace], Dict[str, Any]]) -> Callable[[argparse.Namespace], int]:
    def handler(args: argparse.Namespace) -> int:
        as_json = bool(getattr(args, "json", False))
        request = {"date": args.date or _today(), "trace": not args.no_trace}
        request.update({k: v for k, v in build(args).items() if v is not None})
        try:
            response = json.loads(law_answer_question_json(question, json.dumps(request, ensure_ascii=False)))
        except _core.LawQueryError as exc:
            if as_json:
                sys.stdout.write(json.dumps({"error": {"code": exc.code, "reason": exc.reason, "message": str(exc)}},
                                            ensure_ascii=False) + "\n")
            else:
                print(f"mynumber: {exc}", file=sys.stderr)
            return EXIT_USAGE
        _print(question, response, as_json)
        return EXIT_OK

    return handler


def _document(spec: str) -> Dict[str, Any]:
    """``kind[:agent][:changed][:expired]`` → a document object."""
    parts = spec.split(":")
    doc: Dict[str, Any] = {"kind": parts[0]}
    for flag in parts[1:]:
        if flag == "agent":
            doc["holder"] = "agent"
        elif flag == "principal":
            doc["holder"] = "principal"
        elif flag == "changed":
            doc["details_unchanged"] = False
        elif flag == "expired":
            doc["expired"] = True
        else:
            raise argparse.ArgumentTypeError(f"unknown document flag {flag!r} (agent, principal, changed, expired)")
    return doc


def _flags(args: argparse.Namespace, names: Mapping[str, str]) -> Dict[str, Optional[bool]]:
    return {member: (True if getattr(args, attr) else None) for attr, member in names.items()}


# ---- registration ---------------------------------------------------------------------------


def register(subparsers: "argparse._SubParsersAction[argparse.ArgumentParser]") -> None:
    law = subparsers.add_parser("law", help="the My Number Act as date-aware rules (informational, not legal advice)",
                                description="Answers questions about the My Number Act (番号法) for a date, with "
                                "citations, effective dates, confidence and a reasoning trace. Informational only, "
                                "not legal advice.")
    commands = law.add_subparsers(dest="law_command", metavar="<question>")
    commands.required = True

    def add(name: str, help_text: str) -> argparse.ArgumentParser:
        p = commands.add_parser(name, parents=[common_options()], help=help_text, description=help_text)
        p.add_argument("--date", metavar="YYYY-MM-DD", help="the date asked about (default: today in JST)")
        p.add_argument("--no-trace", action="store_true", help="leave out the reasoning trace")
        return p

    p = add("use", "Art. 9: may this actor use My Numbers for this affair?")
    p.add_argument("--path", required=True, choices=["annex", "ordinance", "related_affairs", "disaster_payment",
                                                     "art19_recipient", "none"])
    p.add_argument("--actor", help="actor, matched within the annex row's 上欄")
    p.add_argument("--item", help="annex item as numbered on the date, e.g. 二の二")
    p.add_argument("--keyword", help="keyword of the annex affair (下欄)")
    p.add_argument("--local-government", action="store_true")
    p.add_argument("--ordinance", action="store_true", help="an ordinance (条例) fixes the affair")
    p.add_argument("--filing-duty", action="store_true", help="a law obliges filing documents bearing the number")
    p.add_argument("--financial-institution", action="store_true")
    p.add_argument("--disaster", action="store_true", help="a 激甚災害 (or similar) has occurred")
    p.add_argument("--prior-contract", action="store_true")
    p.add_argument("--received-under", metavar="P19.ID", help="Art. 19 item the number was received under")
    p.add_argument("--within-purpose", action="store_true")
    p.set_defaults(func=_run("use", lambda a: dict(
        path=a.path, actor=a.actor, annex_item=a.item, affair_keyword=a.keyword, received_under=a.received_under,
        **_flags(a, {"local_government": "local_government", "ordinance": "ordinance_enacted",
                     "filing_duty": "statutory_filing_duty", "financial_institution": "financial_institution",
                     "disaster": "disaster_declared", "prior_contract": "prior_contract",
                     "within_purpose": "within_purpose"}))))

    p = add("request", "Arts. 15, 19, 20: may a number be requested, provided, collected or stored?")
    p.add_argument("--act", default="request", choices=["request", "provide", "collect", "store"])
    p.add_argument("--situation", metavar="P19.ID", help="the Art. 19 item that covers the situation")
    p.add_argument("--same-household", action="store_true", help="the person asked is in one's own household")
    p.add_argument("--consent", action="store_true", help="the person consented (job change)")
    p.set_defaults(func=_run("request", lambda a: dict(
        act=a.act, situation=a.situation,
        **_flags(a, {"same_household": "same_household", "consent": "consent"}))))

    p = add("verify-identity", "Art. 16 / 施行令12条: are 番号確認 and 身元確認 satisfied?")
    p.add_argument("--channel", default="in_person", choices=["in_person", "agent", "online", "post", "telephone"])
    p.add_argument("--doc", action="append", default=[], type=_document, metavar="KIND[:agent][:changed][:expired]",
                   help="a document presented (repeatable), e.g. drivers_license or power_of_attorney:agent")
    p.add_argument("--earlier-file", action="store_true", help="an earlier verified file exists")
    p.add_argument("--identity-obvious", action="store_true", help="identity obvious (e.g. employment relationship)")
    p.add_argument("--knows-facts", action="store_true", help="telephone: states facts only the person knows")
    p.set_defaults(func=_run("verify_identity", lambda a: dict(
        channel=a.channel, documents=a.doc,
        **_flags(a, {"earlier_file": "earlier_verified_file", "identity_obvious": "identity_obvious",
                     "knows_facts": "knows_personal_facts"}))))

    p = add("payment", "支払調書 thresholds: must the payer collect the payee's number?")
    p.add_argument("--kind", required=True, metavar="PAY.ID", help="payment record, e.g. PAY.FEES_OTHER")
    p.add_argument("--payer", default="corporation", choices=["corporation", "real_estate_dealer", "individual"])
    p.add_argument("--amount", type=int, required=True, metavar="YEN")
    p.add_argument("--not-final", action="store_true", help="the amount is not settled yet (e.g. at contract)")
    p.add_argument("--officer", action="store_true", help="payee is a corporate officer (retirement income)")
    p.set_defaults(func=_run("payment", lambda a: dict(
        kind=a.kind, payer=a.payer, amount_yen=a.amount, amount_final=False if a.not_final else None,
        payee_is_officer=True if a.officer else None)))

    p = add("penalty", "Arts. 48–57: the penalty for an act on the date")
    which = p.add_mutually_exclusive_group(required=True)
    which.add_argument("--offence", metavar="PEN.ID", help="offence id, e.g. PEN.FILE_LEAK")
    which.add_argument("--article", metavar="N", help="article as numbered on the date, e.g. 48, 67 or 52の2")
    p.set_defaults(func=_run("penalty", lambda a: dict(offence=a.offence, article=a.article)))

    p = add("annex", "Annex (別表) rows in force on the date")
    p.add_argument("--actor", help="substring of the actor columns")
    p.add_argument("--keyword", help="substring of the affair / data columns")
    p.add_argument("--no-linkage", action="store_true", help="leave out the 別表第二 tuples")
    p.add_argument("--limit", type=int, metavar="N", help="print at most N rows")
    p.set_defaults(func=_run("annex", lambda a: dict(
        actor=a.actor, keyword=a.keyword, include_linkage=False if a.no_linkage else None, limit=a.limit)))
