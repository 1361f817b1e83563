#!/usr/bin/env python3
"""Expected figures for tests/ansan_totals.rs, read straight from the source, independently of the Rust importer.

Source: ../shared/realdata/kr-ansan-city-totals/4119000.json (행정안전부 지방재정365 via bada17/local-finance).
Writes tests/expected/ansan_totals.json: per year, 결산 세출 and 세입 in whole won.
"""
import json
import pathlib

here = pathlib.Path(__file__).resolve().parent
src = here.parent.parent.parent / "shared" / "realdata" / "kr-ansan-city-totals" / "4119000.json"
series = json.loads(src.read_text(encoding="utf-8"))["시계열"]
out = {
    "years": len(series),
    "settled_expenditure": {s["연도"]: s["세출"] for s in series},
    "settled_revenue": {s["연도"]: s["세입"] for s in series},
}
(here / "ansan_totals.json").write_text(json.dumps(out, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
print(out["years"], "years")
