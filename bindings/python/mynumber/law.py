"""The My Number Act (番号法) as date-aware rules: six questions, each answered with citations,
effective dates, the confidence of the data and an ordered trace (see docs/law.md).

Every function takes the date (``"YYYY-MM-DD"`` or a :class:`datetime.date`) and keyword
arguments that mirror the JSON request members of docs/law.md, and returns the JSON response as a
``dict``. Errors raise :class:`mynumber.LawQueryError` (a ``ValueError``).

Informational only, not legal advice (法的助言ではありません).

>>> from mynumber import law
>>> law.penalty("2017-04-01", offence="PEN.FILE_LEAK")["article"]
'48'
"""

from __future__ import annotations

import datetime as _dt
import json as _json
from typing import Any, Dict, Iterable, List, Mapping, Optional, Tuple, Union

from ._optional import require

require("law")  # ModuleNotBuiltError when this installation was built without it

from . import _law  # noqa: E402

DateLike = Union[str, _dt.date]
Response = Dict[str, Any]

QUESTIONS = ("use", "request", "verify_identity", "payment", "penalty", "annex")
DISCLAIMER: str = _law.law_disclaimer

__all__ = ["QUESTIONS", "DISCLAIMER", "answer", "use", "request", "verify_identity", "payment", "penalty", "annex",
           "rule_ids", "explain"]


def _date_text(on: DateLike) -> str:
    if isinstance(on, _dt.datetime):
        raise TypeError("pass a date, not a datetime (the engine works on JST calendar days)")
    if isinstance(on, _dt.date):
        return on.isoformat()
    if isinstance(on, str):
        return on
    raise TypeError(f"date must be str or datetime.date, not {type(on).__name__}")


def answer(request: Union[Mapping[str, Any], str, bytes]) -> Response:
    """Answers one request: a mapping (serialised to JSON) or JSON text; its ``question`` member
    picks the question."""
    text = request if isinstance(request, (str, bytes)) else _json.dumps(dict(request), ensure_ascii=False)
    result: Response = _json.loads(_law.law_answer_json(text))
    return result


def _ask(question: str, on: DateLike, trace: bool, members: Mapping[str, Any]) -> Response:
    request: Dict[str, Any] = {"date": _date_text(on), "trace": trace}
    request.update({k: v for k, v in members.items() if v is not None})
    result: Response = _json.loads(_law.law_answer_question_json(question, _json.dumps(request, ensure_ascii=False)))
    return result


def use(on: DateLike, *, path: str, trace: bool = True, **members: Any) -> Response:
    """Art. 9: may this actor use My Numbers for this affair? ``path`` is one of ``annex``,
    ``ordinance``, ``related_affairs``, ``disaster_payment``, ``art19_recipient``, ``none``."""
    return _ask("use", on, trace, dict(members, path=path))


def request(on: DateLike, *, act: str = "request", situation: Optional[str] = None, trace: bool = True,
            **members: Any) -> Response:
    """Arts. 15, 19, 20: may a number be requested, provided, collected or stored?
    ``situation`` is an Art. 19 rule ID such as ``"P19.NETWORK"``, or None."""
    return _ask("request", on, trace, dict(members, act=act, situation=situation))


def verify_identity(on: DateLike, *, documents: Iterable[Union[str, Mapping[str, Any]]] = (),
                    channel: str = "in_person", trace: bool = True, **members: Any) -> Response:
    """Art. 16 / 施行令12条: are 番号確認 and 身元確認 satisfied? Documents are kind names
    (``"drivers_license"``) or dicts with ``kind``, ``holder``, ``details_unchanged``, ``expired``."""
    docs: List[Union[str, Dict[str, Any]]] = [d if isinstance(d, str) else dict(d) for d in documents]
    return _ask("verify_identity", on, trace, dict(members, channel=channel, documents=docs))


def payment(on: DateLike, *, kind: str, amount_yen: int, trace: bool = True, **members: Any) -> Response:
    """支払調書 thresholds: ``required``, ``permitted_in_anticipation`` or ``not_permitted``."""
    return _ask("payment", on, trace, dict(members, kind=kind, amount_yen=amount_yen))


def penalty(on: DateLike, *, offence: Optional[str] = None, article: Optional[str] = None,
            trace: bool = True) -> Response:
    """Arts. 48–57 (67–77 before 2016): the penalty for an act on the date, by offence ID or by
    the article number as it was on that date."""
    return _ask("penalty", on, trace, {"offence": offence, "article": article})


def annex(on: DateLike, *, actor: Optional[str] = None, keyword: Optional[str] = None,
          include_linkage: bool = True, limit: Optional[int] = None, trace: bool = True) -> Response:
    """Annex rows (別表 / 別表第一, and 別表第二 while it existed) in force on the date."""
    return _ask("annex", on, trace, {"actor": actor, "keyword": keyword, "include_linkage": include_linkage,
                                     "limit": limit})


def rule_ids() -> Tuple[str, ...]:
    """Semantic IDs of every rule, e.g. ``'P19.NETWORK'``."""
    return tuple(_law.law_rule_ids())


def _period(step: Mapping[str, Any]) -> str:
    until = step.get("until")
    return f"{step.get('from')}..{until if until else ''}"


def explain(response: Mapping[str, Any]) -> str:
    """A readable rendering of a response's trace, one line per step."""
    lines = []
    for step in response.get("trace", []):
        mark = "[yes]" if step.get("holds") else "[no] "
        line = f"{mark} {step['rule']}  {step.get('citation', '')}  ({_period(step)}, {step.get('status')}, " \
               f"{step.get('confidence')})"
        if step.get("note"):
            line += f" — {step['note']}"
        if step.get("version_note"):
            line += f" [{step['version_note']}]"
        lines.append(line)
    return "\n".join(lines)
