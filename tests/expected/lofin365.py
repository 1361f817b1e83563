#!/usr/bin/env python3
"""Expected totals for tests/import_lofin365.rs, computed without the Rust importer (stdlib json, integers only).

Reads the Gyeonggi file /work/shared/realdata/kr-lofin365-line-items-2026/4118000.json (popfund's camelCase shape)
and the committed fixture tests/fixtures/lofin365/raw-rows.json (the API's names, amounts as strings). For each:
rows, rows breaking 국비 + 시도비 + 시군구비 + 기타 = 예산현액, the sums of 예산현액, 지출액 and 편성/배정액, and the
funding parts per 분야. Writes tests/expected/lofin365.json:

    python3 tests/expected/lofin365.py > tests/expected/lofin365.json
"""
import json
import os

HERE = os.path.dirname(os.path.abspath(__file__))
REAL = os.path.join(HERE, "..", "..", "..", "shared", "realdata", "kr-lofin365-line-items-2026", "4118000.json")
FIXTURE = os.path.join(HERE, "..", "fixtures", "lofin365", "raw-rows.json")

CAMEL = {"cash": "bdgCashAmt", "national": "bdgNtep", "provincial": "capep", "city": "sggep",
         "other": "etcAmt", "executed": "epAmt", "allocated": "cplAmt", "field": "fldNm"}
RAW = {"cash": "bdg_cash_amt", "national": "bdg_ntep", "provincial": "capep", "city": "sggep",
       "other": "etc_amt", "executed": "ep_amt", "allocated": "cpl_amt", "field": "fld_nm"}
PARTS = ["national", "provincial", "city", "other"]


def won(v):
    # Integers only: a float or a string with anything but digits (and a leading '-') is an error here too.
    if isinstance(v, bool):
        raise ValueError(v)
    if isinstance(v, int):
        return v
    if isinstance(v, str) and v.lstrip("-").isdigit() and v.count("-") <= 1 and not v.startswith("--"):
        return int(v)
    raise ValueError(repr(v))


def totals(rows, names):
    out = {"rows": len(rows), "invariant_breaks": 0, "budgeted": 0, "executed": 0, "allocated": 0, "by_field": {}}
    for r in rows:
        get = {k: won(r[names[k]]) for k in ["cash", "executed", "allocated"] + PARTS}
        if sum(get[p] for p in PARTS) != get["cash"]:
            out["invariant_breaks"] += 1
        out["budgeted"] += get["cash"]
        out["executed"] += get["executed"]
        out["allocated"] += get["allocated"]
        field = out["by_field"].setdefault(r[names["field"]].strip(), {p: 0 for p in PARTS})
        for p in PARTS:
            field[p] += get[p]
    return out


def main():
    with open(REAL, encoding="utf-8") as f:
        real = json.load(f)
    with open(FIXTURE, encoding="utf-8") as f:
        fixture = json.load(f)
    result = {
        "4118000": dict(totals(real["projects"], CAMEL), lafCd=real["lafCd"], exeYmd=real["exeYmd"]),
        "raw-rows": totals(fixture, RAW),
    }
    print(json.dumps(result, ensure_ascii=False, indent=2, sort_keys=True))


if __name__ == "__main__":
    main()
