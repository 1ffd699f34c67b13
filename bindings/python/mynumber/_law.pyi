# Type stubs of the extension module mynumber._law (mynumber.law), generated from the runtime with
# pybind11-stubgen; the law module maintains them. Checked with `python -m mypy.stubtest mynumber._law`.
# Its errors are the classes of mynumber._core.
import typing

def law_answer_json(request: typing.Any) -> str:
    """
    Answers one JSON request (its "question" member picks the question) with a JSON response. Raises LawQueryError (json_malformed, law_invalid_query, law_unknown_id, law_date_out_of_range).
    """

def law_answer_question_json(question: str, request: typing.Any) -> str:
    """
    Like law_answer_json for one named question; the request's "question" member may be omitted.
    """

law_disclaimer: str

def law_rule_ids() -> tuple[typing.Any, ...]:
    """
    The semantic IDs of every rule (e.g. 'P19.NETWORK'), in table order.
    """
