"""Corporate-data commands (法人番号 bulk files and the offline store):

  mynumber corp validate-file FILE      every bad row, with file, line and reason
  mynumber corp import SNAPSHOT --db DB full snapshot (CSV or .zip) into a SQLite store
  mynumber corp apply-diff DIFF... --db DB   daily diffs, in date order, each applied once
  mynumber corp lookup NUMBER --db DB [--history]
  mynumber corp search NAME --db DB [--pref CODE] [--city CODE] [--kind CODE] [--status open|closed]

``--db`` defaults to $MYNUMBER_CORP_DB. Exit codes: 0 fine, 1 bad rows found / nothing found,
2 usage or input error.
"""

from __future__ import annotations

import argparse
import datetime
import json
import os
import sys
from typing import Any, Dict, List

from .. import corp as corp_api
from . import EXIT_INVALID, EXIT_OK, EXIT_USAGE, common_options

DB_ENV = "MYNUMBER_CORP_DB"


def _json_default(value: Any) -> Any:
    if isinstance(value, datetime.date):
        return value.isoformat()
    raise TypeError(type(value).__name__)


def _emit(obj: Any) -> None:
    print(json.dumps(obj, ensure_ascii=False, default=_json_default))


def _db(args: argparse.Namespace) -> str:
    path = args.db or os.environ.get(DB_ENV)
    if not path:
        raise SystemExit(f"mynumber corp: no store: pass --db FILE or set {DB_ENV}")
    return str(path)


class _Progress:
    """A one-line progress bar on stderr (only when stderr is a terminal or --progress is given)."""

    def __init__(self, total_bytes: int, enabled: bool) -> None:
        self.total = max(total_bytes, 1)
        self.enabled = enabled

    def __call__(self, rows: int, done_bytes: int) -> None:
        if not self.enabled:
            return
        frac = min(done_bytes / self.total, 1.0)
        bar = "#" * int(frac * 30)
        sys.stderr.write(f"\r[{bar:<30}] {frac * 100:5.1f}%  {rows:,} rows")
        sys.stderr.flush()

    def done(self) -> None:
        if self.enabled:
            sys.stderr.write("\n")


def _report_text(rep: Dict[str, Any]) -> str:
    s = rep["stats"]
    if rep["already_applied"]:
        return f"{rep['file']}: already applied, nothing changed"
    return (f"{rep['file']}: {s['rows']} rows ({s['good']} good, {s['bad']} bad, {s['encoding']}); "
            f"{rep['inserted']} written, {rep['deleted']} deleted, {rep['corrected']} corrected, "
            f"{rep['duplicates']} duplicates; data date {rep['data_date']}")


def _print_bad_rows(rows: List[Dict[str, Any]], as_json: bool) -> None:
    for b in rows:
        if as_json:
            _emit({"type": "bad_row", **b})
        else:
            print(f"{b['file']}:{b['line']}: {b['reason']}", file=sys.stderr)


def _cmd_validate(args: argparse.Namespace) -> int:
    as_json = getattr(args, "json", False)
    reader = corp_api.Reader(args.file)
    reader.drain()  # validation runs in C++; good rows are only counted
    stats = reader.stats
    _print_bad_rows(reader.bad_rows, as_json)
    if as_json:
        _emit({"type": "summary", "file": args.file, **stats, "bad_rows_shown": len(reader.bad_rows)})
    else:
        print(f"{args.file}: {stats['rows']} rows, {stats['good']} good, {stats['bad']} bad ({stats['encoding']})")
    return EXIT_OK if stats["bad"] == 0 else EXIT_INVALID


def _cmd_import(args: argparse.Namespace) -> int:
    as_json = getattr(args, "json", False)
    store = corp_api.Store(_db(args))
    size = os.path.getsize(args.snapshot) if os.path.exists(args.snapshot) else 0
    bar = _Progress(size, (sys.stderr.isatty() or args.progress) and not args.no_progress)
    rep = store.import_snapshot(args.snapshot, progress=bar)
    bar.done()
    _print_bad_rows(rep["bad_rows"], as_json)
    if as_json:
        _emit({"type": "report", **{k: v for k, v in rep.items() if k != "bad_rows"}})
    else:
        print(_report_text(rep))
    return EXIT_OK if rep["stats"]["bad"] == 0 else EXIT_INVALID


def _cmd_apply(args: argparse.Namespace) -> int:
    as_json = getattr(args, "json", False)
    store = corp_api.Store(_db(args))
    reports = store.apply_diffs(args.diff)
    bad = 0
    for rep in reports:
        _print_bad_rows(rep["bad_rows"], as_json)
        bad += rep["stats"]["bad"]
        if as_json:
            _emit({"type": "report", **{k: v for k, v in rep.items() if k != "bad_rows"}})
        else:
            print(_report_text(rep))
    return EXIT_OK if bad == 0 else EXIT_INVALID


def _show(rows: List[Dict[str, Any]], as_json: bool) -> None:
    for r in rows:
        if as_json:
            _emit(r)
            continue
        status = "closed " + r["close_date"].isoformat() if r["close_date"] else "open"
        address = " ".join(x for x in (r["prefecture_name"], r["city_name"], r["street_number"], r["address_outside"]) if x)
        mark = "" if r.get("current", True) else " (past)"
        print(f"{r['corporate_number']}  {r['name'] or ''}  [{r['kind'] or '---'}] {address}  {status}{mark}")


def _cmd_lookup(args: argparse.Namespace) -> int:
    store = corp_api.Store(_db(args))
    rows = store.history(args.number) if args.history else [r for r in [store.lookup(args.number)] if r]
    _show(rows, getattr(args, "json", False))
    return EXIT_OK if rows else EXIT_INVALID


def _cmd_search(args: argparse.Namespace) -> int:
    store = corp_api.Store(_db(args))
    rows = store.search(args.name, mode=args.mode, prefecture=args.pref, city=args.city or "", kind=args.kind,
                        status=args.status, include_hihyoji=args.include_hidden, limit=args.limit)
    _show(rows, getattr(args, "json", False))
    return EXIT_OK if rows else EXIT_INVALID


def register(subparsers: "argparse._SubParsersAction[argparse.ArgumentParser]") -> None:
    group = subparsers.add_parser("corp", help="corporate-number data: NTA bulk files and an offline store",
                                  description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = group.add_subparsers(dest="corp_command", metavar="<corp command>")
    sub.required = True
    common = common_options()

    def db_option(p: argparse.ArgumentParser) -> None:
        p.add_argument("--db", metavar="FILE", help=f"the SQLite store (default: ${DB_ENV})")

    p = sub.add_parser("validate-file", parents=[common], help="report every bad row of a bulk CSV or .zip")
    p.add_argument("file")
    p.set_defaults(func=_cmd_validate)

    p = sub.add_parser("import", parents=[common], help="import a full snapshot into the store")
    p.add_argument("snapshot")
    db_option(p)
    p.add_argument("--progress", action="store_true", help="show the progress bar even when stderr is not a terminal")
    p.add_argument("--no-progress", action="store_true", help="never show the progress bar")
    p.set_defaults(func=_cmd_import)

    p = sub.add_parser("apply-diff", parents=[common], help="apply daily diffs (date order, each once)")
    p.add_argument("diff", nargs="+")
    db_option(p)
    p.set_defaults(func=_cmd_apply)

    p = sub.add_parser("lookup", parents=[common], help="a corporation by its 13-digit number")
    p.add_argument("number")
    db_option(p)
    p.add_argument("--history", action="store_true", help="every row, current first")
    p.set_defaults(func=_cmd_lookup)

    p = sub.add_parser("search", parents=[common], help="corporations by name (width/kana folded, legal forms ignored)")
    p.add_argument("name")
    db_option(p)
    p.add_argument("--pref", type=int, default=0, metavar="CODE", help="prefecture code 1-47")
    p.add_argument("--city", metavar="CODE", help="3-digit city code (with --pref)")
    p.add_argument("--kind", type=int, default=0, metavar="CODE", help="法人種別 code, e.g. 301")
    p.add_argument("--status", choices=("any", "open", "closed"), default="any")
    p.add_argument("--mode", choices=("prefix", "exact", "partial"), default="prefix")
    p.add_argument("--include-hidden", action="store_true", help="include 検索対象除外 rows")
    p.add_argument("--limit", type=int, default=20)
    p.set_defaults(func=_cmd_search)
