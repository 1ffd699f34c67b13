"""Certificate commands: ``mynumber cert show|verify|verify-signature``.

* ``cert show FILE [--json]``: every field of a JPKI certificate (DER or PEM), including the
  holder's name and address from a signature certificate (this is the only command that prints
  personal data).
* ``cert verify FILE [--ca PATH]... [--crl FILE]... [--at TIME] [--expect KIND] [--require-crl]``:
  the verdict with every check. Trust anchors default to the embedded J-LIS roots; CRLs are only
  the files given (JPKI has no public CRL; nothing is fetched).
* ``cert verify-signature --cert FILE (--raw SIG | --cms CMS) DATA [options of verify]``: a raw
  card signature (RSA PKCS#1 v1.5 over SHA-256) or a detached CMS/PKCS#7 signature over DATA.

Exit codes: 0 valid, 1 verification failed, 2 usage or input error.
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any, Dict, List

from .. import jpki as _jpki
from . import EXIT_INVALID, EXIT_OK, EXIT_USAGE, common_options

_OUTCOME_MARK = {"passed": "ok", "failed": "FAILED", "skipped": "skipped", "warning": "warning"}


def _json_wanted(args: argparse.Namespace) -> bool:
    return bool(getattr(args, "json", False))


def _print_json(value: Any) -> None:
    print(json.dumps(value, ensure_ascii=False, sort_keys=False))


# ---- show -----------------------------------------------------------------------------------


def _show(args: argparse.Namespace) -> int:
    cert = _jpki.load_certificate(args.file)
    if _json_wanted(args):
        _print_json(cert.to_dict(include_basic_info=True))
        return EXIT_OK
    lines: List[str] = [
        f"kind:            {cert.kind} (decided by {cert.decided_by})"
        + (", test hierarchy O=JPKI-TEST" if cert.test_hierarchy else ""),
        f"serial (発行番号): {cert.serial_hex} (decimal {cert.serial_decimal})",
        f"valid:           {cert.not_before_jst} .. {cert.not_after_jst}",
        f"subject:         {cert.subject}",
        f"issuer:          {cert.issuer}",
    ]
    if cert.prefecture or cert.city:
        lines.append(f"locality:        {cert.prefecture or '-'} / {cert.city or '-'}")
    lines += [
        f"key:             {cert.key_algorithm} {cert.key_bits} bits",
        f"key usage:       {', '.join(cert.key_usage) or '-'}" + (" (critical)" if cert.key_usage_critical else ""),
        f"policies:        {', '.join(cert.policies) or '-'}",
        f"CRL points:      {'; '.join(cert.crl_distribution_points) or '-'}",
        f"SHA-256:         {cert.sha256_fingerprint}",
    ]
    b = cert.basic_info
    if b is not None:
        def subst(t: _jpki.SubstitutedText) -> str:
            if not t.substitute_positions:
                return ""
            marks = ", ".join(f"{c}@{p}" for c, p in zip(t.substitute_characters, t.substitute_positions))
            return f"  [代替文字 {marks}]"
        lines += [
            f"name (氏名):      {b.name.text}{subst(b.name)}",
            f"address (住所):   {b.address.text}{subst(b.address)}",
            f"sex (性別):       {b.sex} ({b.sex_label})",
            f"birth (生年月日): {b.birth_date.isoformat() if b.birth_date else 'unknown'}"
            + (f" ({b.wareki})" if b.wareki else "") + f"  [raw {b.birth_date_raw}]",
        ]
    for warning in cert.warnings:
        lines.append(f"warning:         {warning}")
    print("\n".join(lines))
    return EXIT_OK


# ---- verify ---------------------------------------------------------------------------------


def _print_verdict(v: _jpki.Verdict, indent: str = "") -> None:
    print(f"{indent}{'VALID' if v.ok else 'INVALID'}: {v.kind} certificate at {v.at_jst}")
    for c in v.checks:
        print(f"{indent}  {c.name:<11} {_OUTCOME_MARK.get(c.outcome, c.outcome):<8} {c.reason}: {c.detail}")
    for r in v.crls:
        nxt = r.next_update.isoformat() if r.next_update else "none"
        print(f"{indent}  CRL {r.status}: {r.issuer} (thisUpdate {r.this_update.isoformat()}, nextUpdate {nxt})")


def _verify_options(args: argparse.Namespace) -> Dict[str, Any]:
    return dict(ca=args.ca or None, crls=args.crl or (), at=args.at, expected_kind=args.expect,
                require_revocation=args.require_crl)


def _verify(args: argparse.Namespace) -> int:
    verdict = _jpki.verify(args.file, **_verify_options(args))
    if _json_wanted(args):
        _print_json(json.loads(_verdict_json(verdict)))
    else:
        _print_verdict(verdict)
    return EXIT_OK if verdict.ok else EXIT_INVALID


def _check_dict(c: _jpki.Check) -> Dict[str, Any]:
    return {"name": c.name, "outcome": c.outcome, "reason": c.reason, "detail": c.detail}


def _verdict_dict(v: _jpki.Verdict) -> Dict[str, Any]:
    first = v.first_failure
    return {
        "ok": v.ok, "kind": v.kind, "at": v.at.strftime("%Y-%m-%dT%H:%M:%SZ"), "at_jst": v.at_jst,
        "first_failure": _check_dict(first) if first else None,
        "checks": [_check_dict(c) for c in v.checks],
        "crls": [{"issuer": r.issuer, "this_update": r.this_update.strftime("%Y-%m-%dT%H:%M:%SZ"),
                  "next_update": r.next_update.strftime("%Y-%m-%dT%H:%M:%SZ") if r.next_update else None,
                  "applies": r.applies, "status": r.status} for r in v.crls],
        "chain": list(v.chain),
    }


def _verdict_json(v: _jpki.Verdict) -> str:
    return json.dumps(_verdict_dict(v), ensure_ascii=False)


# ---- verify-signature -----------------------------------------------------------------------


def _verify_signature(args: argparse.Namespace) -> int:
    with open(args.data, "rb") as f:
        content = f.read()
    options = _verify_options(args)
    if args.raw is not None:
        if args.cert is None:
            print("mynumber: --raw needs --cert (the signer certificate)", file=sys.stderr)
            return EXIT_USAGE
        with open(args.raw, "rb") as f:
            signature = f.read()
        result = _jpki.verify_raw_signature(args.cert, content, signature, **options)
    else:
        result = _jpki.verify_cms_detached(args.cms, content, signer=args.cert, **options)
    if _json_wanted(args):
        _print_json({"ok": result.ok, "signature": _check_dict(result.signature),
                     "signer_serial_hex": result.signer_serial_hex, "signer_kind": result.signer_kind,
                     "certificate": _verdict_dict(result.certificate) if result.certificate else None})
    else:
        s = result.signature
        print(f"{'VALID' if result.ok else 'INVALID'} signature: {s.reason}: {s.detail}")
        if result.signer_serial_hex:
            print(f"  signer: {result.signer_kind} certificate, serial {result.signer_serial_hex}")
        if result.certificate is not None:
            _print_verdict(result.certificate, indent="  ")
    return EXIT_OK if result.ok else EXIT_INVALID


# ---- registration ---------------------------------------------------------------------------


def _add_verify_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("--ca", action="append", metavar="PATH",
                   help="trust anchor file or directory (repeatable; default: the embedded J-LIS roots)")
    p.add_argument("--crl", action="append", metavar="FILE", help="CRL file, DER or PEM (repeatable)")
    p.add_argument("--at", metavar="TIME", help="verify at this instant: YYYY-MM-DD[THH:MM[:SS]][Z|+09:00|JST] "
                   "(no offset = UTC; default now)")
    p.add_argument("--expect", choices=("signature", "authentication", "ca"), help="required certificate kind")
    p.add_argument("--require-crl", action="store_true", help="fail when no usable CRL of the issuer was given")


def register(subparsers: Any) -> None:
    cert = subparsers.add_parser("cert", help="JPKI certificates: show, verify, verify signatures",
                                 description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    commands = cert.add_subparsers(dest="cert_command", metavar="<cert command>")
    commands.required = True

    show = commands.add_parser("show", parents=[common_options()], help="print every field (incl. 基本4情報)")
    show.add_argument("file", help="certificate file, DER or PEM")
    show.set_defaults(func=_show)

    verify = commands.add_parser("verify", parents=[common_options()], help="verify a certificate")
    verify.add_argument("file", help="certificate file, DER or PEM")
    _add_verify_options(verify)
    verify.set_defaults(func=_verify)

    sig = commands.add_parser("verify-signature", parents=[common_options()],
                              help="verify a raw card signature or a detached CMS signature")
    sig.add_argument("data", help="the signed data file")
    kind = sig.add_mutually_exclusive_group(required=True)
    kind.add_argument("--raw", metavar="SIG", help="raw RSA PKCS#1 v1.5 signature file (SHA-256 DigestInfo)")
    kind.add_argument("--cms", metavar="CMS", help="detached CMS/PKCS#7 SignedData file, DER or PEM")
    sig.add_argument("--cert", metavar="FILE", help="signer certificate (required with --raw)")
    _add_verify_options(sig)
    sig.set_defaults(func=_verify_signature)

