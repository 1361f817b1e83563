#!/usr/bin/env python3
"""Expected totals for tests/import_csv.rs, computed without the Rust importer (stdlib only).

Reads the ten Open Budget Oakland "flow" CSVs in ../shared/realdata/oakland-flow-FY13-FY23/flow (source, commit and
licence in that folder's SOURCE.txt) and writes, per file: the phase and fiscal year from the file name, the data
rows, and the budget's totals by direction in integer cents, computed from the decimal text of `amount` with
Python's csv module and decimal.Decimal (never a float). A row whose amount is empty or not a number is left out of
the totals and listed as unreadable, with its 1-based data row and its line.

    python3 tests/expected/oakland.py > tests/expected/oakland.json
"""
import csv
import json
import os
import re
import sys
from decimal import Decimal, InvalidOperation

HERE = os.path.dirname(os.path.abspath(__file__))
FLOW = os.path.join(HERE, "..", "..", "..", "shared", "realdata", "oakland-flow-FY13-FY23", "flow")
DIRECTIONS = {"Expense": "expenditure", "Revenue": "revenue"}


def cents(text):
    """Integer cents of a decimal text such as "-15000.0", or None."""
    try:
        value = Decimal(text.strip()) * 100
    except InvalidOperation:
        return None
    if value != value.to_integral_value():
        return None
    return int(value)


def main():
    folder = sys.argv[1] if len(sys.argv) > 1 else FLOW
    out = {}
    for name in sorted(os.listdir(folder)):
        m = re.fullmatch(r"FY(\d\d)-(\d\d)__(\w+)\.csv", name)
        if not m:
            continue
        start, end, phase = int(m.group(1)), int(m.group(2)), m.group(3)
        assert end == start + 1, name
        totals = {"expenditure": 0, "revenue": 0}
        unreadable = []
        rows = amounts = 0
        with open(os.path.join(folder, name), newline="", encoding="utf-8") as f:
            reader = csv.DictReader(f)
            for row in reader:
                rows += 1
                # The name's years must agree with the column's, which the importer reads.
                assert row["budget_year"] == "FY%02d-%02d" % (start, end), (name, rows)
                value = cents(row["amount"]) if row["amount"].strip() else None
                if value is None:
                    unreadable.append({"row": rows, "line": reader.line_num, "text": row["amount"]})
                    continue
                amounts += 1
                totals[DIRECTIONS[row["account_type"]]] += value
        out[name] = {
            "phase": phase,
            "fiscal_year": 2000 + start,
            "rows": rows,
            "amounts": amounts,
            "totals_cents": totals,
            "unreadable": unreadable,
        }
    json.dump(out, sys.stdout, indent=1, sort_keys=True)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
