#!/usr/bin/env python3
"""Expected figures for tests/import_fdp.rs, computed without the Rust importer.

Reads Madrid's expenditure CSV (../shared/realdata/madrid-gastos-2012-2015, FDP v0.3 with "mapping": measure IMPORTE
in EUR, factor 1, dimension "program" = PROGRAMA) with the standard library's csv module, and adds the amounts up
in euro cents with integer arithmetic only. Writes madrid.json beside this script:

    python3 tests/expected/madrid.py
"""
import csv
import json
import os

HERE = os.path.dirname(os.path.abspath(__file__))
FOLDER = os.path.join(HERE, "..", "..", "..", "shared", "realdata", "madrid-gastos-2012-2015")


def cents(text):
    """A decimal text as an exact count of cents (refusing anything finer)."""
    text = text.strip()
    sign = -1 if text.startswith("-") else 1
    text = text.lstrip("+-")
    whole, _, frac = text.partition(".")
    frac = frac.rstrip("0")
    if not (whole + frac).isdigit() or len(frac) > 2:
        raise ValueError(f"not an amount in cents: {text!r}")
    return sign * (int(whole or "0") * 100 + int(frac.ljust(2, "0")))


def main():
    with open(os.path.join(FOLDER, "datapackage.json"), encoding="utf-8") as f:
        measure = json.load(f)["mapping"]["measures"]["amount"]
    assert measure["source"] == "IMPORTE" and measure["currency"] == "EUR" and measure["factor"] == 1
    path = os.path.join(FOLDER, "data", "gastos_v40_2012-2015.csv")
    rows = 0
    by_year = {}
    by_year_program = {}
    programs = set()
    with open(path, encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f):
            rows += 1
            year, program = row["AÑO"], row["PROGRAMA"]
            amount = cents(row["IMPORTE"])
            programs.add(program)
            by_year[year] = by_year.get(year, 0) + amount
            per = by_year_program.setdefault(year, {})
            per[program] = per.get(program, 0) + amount
    out = {
        "source": "madrid-gastos-2012-2015/data/gastos_v40_2012-2015.csv (stdlib csv, integer cents)",
        "rows": rows,
        "programs": len(programs),
        "programs_with_leading_zero": sorted(p for p in programs if p.startswith("0")),
        "total_cents_by_year": dict(sorted(by_year.items())),
        "cents_by_year_program": {y: dict(sorted(p.items())) for y, p in sorted(by_year_program.items())},
    }
    with open(os.path.join(HERE, "madrid.json"), "w", encoding="utf-8") as f:
        json.dump(out, f, ensure_ascii=False, indent=1, sort_keys=False)
        f.write("\n")


if __name__ == "__main__":
    main()
