#!/usr/bin/env python3
"""Writes data/ansan-city-totals.json (project format 2) from the 지방재정365 yearly totals of 안산시.

Source: ../shared/realdata/kr-ansan-city-totals/4119000.json (bada17/local-finance, site/data/loc/4119000.json at
4550d5bd9257976817799baed70f8c137d5ea1b1), figures from 행정안전부 지방재정365. Each amount keeps the row of `시계열`
it was read from (1-based) and its column (세출 or 세입). Amounts are whole won, as published; nothing is rounded,
summed or merged with the 2015 article's figures.

Usage: python3 scripts/ansan-totals.py [REALDATA_DIR]   (run from the repository root)
"""
import json
import pathlib
import sys

root = pathlib.Path(__file__).resolve().parent.parent
realdata = pathlib.Path(sys.argv[1]) if len(sys.argv) > 1 else root.parent / "shared" / "realdata"
src = realdata / "kr-ansan-city-totals" / "4119000.json"
data = json.loads(src.read_text(encoding="utf-8"))
series = data["시계열"]
cited = "kr-ansan-city-totals/4119000.json"

amounts = []
for row, item in enumerate(series, start=1):
    year = int(item["연도"])
    for column, direction in (("세출", "expenditure"), ("세입", "revenue")):
        value = item[column]
        if not isinstance(value, int):
            sys.exit(f"{src}: 시계열[{row - 1}].{column}: expected whole won as an integer, found {value!r}")
        amount = {
            "id": f"{year}-{direction}",
            "node": data["laf_cd"],
            "amount": value,
            "currency": "KRW",
            "period": {"year": year},
            "phase": "settled",
            "measure": "executed",
            "funding": "unknown",
            "origin": {"type": "cell", "file": cited, "row": row, "column": column},
        }
        if direction == "revenue":
            amount["direction"] = "revenue"
        amounts.append(amount)

doc = {
    "$schema": "./schema-v2.json",
    "format": "ansan-budget/2",
    "meta": {
        "id": "ansan-city-totals",
        "title": f"안산시 세출·세입 결산 {series[0]['연도']}–{series[-1]['연도']}",
        "title_other": f"Ansan City: settled expenditure and revenue, {series[0]['연도']}–{series[-1]['연도']}",
        "languages": ["ko", "en"],
        "source": "출처: 행정안전부 지방재정365 (안산시 4119000, 연도별 세출·세입 결산)",
        "illustrative": False,
        "currency": "KRW",
    },
    "nodes": [
        {"code": data["laf_cd"], "name": "안산시", "name_other": "Ansan City", "level": "지방자치단체"}
    ],
    "amounts": amounts,
}
out = root / "data" / "ansan-city-totals.json"
out.write_text(json.dumps(doc, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
print(f"{out.relative_to(root)}: {len(amounts)} amounts, {len(series)} years")
