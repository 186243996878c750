#!/usr/bin/env python3
"""Fidelity benchmark scorer: ingest generated (or sample) pages with senrei, compare every field
with the truth, print accuracy per field, and list every miss.

    bench/fidelity/score.py                      # 2,000 + 500 generated pages, the 8 samples, variants
    bench/fidelity/score.py --pages 200          # a quick run
    bench/fidelity/score.py --senrei /path/to/build/senrei   # another build (read-only)

Scoring rules (docs/performance.md, "Fidelity"):
- a check is made for a field when the truth states it OR senrei returned it; a value senrei
  reads that the page does not state is a miss, as is a missing or wrong one;
- money and counts exact to the unit (yen, person, institution), years exact, rates within 1e-6;
- texts compared after NFKC with white space removed; keywords exactly;
- lists (funding_sources, payers, products) as sets; fees as a set of (payer_type, yen, period);
- a stated 非公開 / 不明 is a state, compared as a state: a number in its place is a miss;
- sub-values (approximate, period, as_of) are checked only where the truth states the value;
  an as_of matches when senrei's date starts with the truth's YYYY-MM.
"""
import argparse
import collections
import json
import math
import os
import shutil
import subprocess
import sys
import time
import unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))

# The rows of the table, in order.  Each row is (name, truth field, kind of comparison).
ROWS = [
    ("kind", None, "kind"),
    ("one_record", None, "one_record"),
    ("network_name", "network_name", "text"),
    ("operator_name", "operator_name", "text"),
    ("operator_form", "operator_form", "key"),
    ("start_year", "start_year", "number"),
    ("area_name", "area_name", "text"),
    ("area_scope", "area_scope", "key"),
    ("prefecture", "prefecture", "key"),
    ("population", "population", "number"),
    ("aging_rate", "aging_rate", "rate"),
    ("build_cost_yen", "build_cost_yen", "money"),
    ("build_cost_yen.approximate", "build_cost_yen", "approximate"),
    ("build_cost_includes_data_output", "build_cost_includes_data_output", "flag"),
    ("running_cost_yen", "running_cost_yen", "money"),
    ("running_cost_yen.period", "running_cost_yen", "period"),
    ("funding_sources", "funding_sources", "set"),
    ("build_payers", "build_payers", "set"),
    ("running_payers", "running_payers", "set"),
    ("patients", "patients", "number"),
    ("patients.as_of", "patients", "as_of"),
    ("institutions_total", "institutions_total", "number"),
    ("institutions_total.as_of", "institutions_total", "as_of"),
    ("institutions_total.parts_mismatch", "institutions_total", "parts_mismatch"),
    ("institutions_disclosing", "institutions_disclosing", "number"),
    ("institutions_viewing", "institutions_viewing", "number"),
    ("fees", "fees", "fees"),
    ("products", "products", "set"),
]


# Where the page wrote a row's value, when it is not under the row's own name.
WRITTEN_IN = {"operator_form": ["operator_form", "operator_name"], "area_scope": ["area_name"],
              "prefecture": ["area_name"], "build_cost_includes_data_output": ["build_cost_yen"],
              "institutions_disclosing": ["institutions_total"], "institutions_viewing": ["institutions_total"]}


def written(page, field):
    w = page.get("written", {})
    for f in WRITTEN_IN.get(field, [field]):
        if f in w:
            return w[f]
    return ""


def norm_text(s):
    return "".join(unicodedata.normalize("NFKC", s or "").split())


def product_key(s):
    """ID-Link, id_link and ＩＤ－Ｌｉｎｋ alike."""
    return "".join(c for c in unicodedata.normalize("NFKC", s).lower() if c not in " -_‐")


def got_fields(record):
    """Field name -> list of Field objects, as senrei returned them."""
    out = collections.defaultdict(list)
    for f in (record or {}).get("fields", []):
        out[f.get("name")].append(f)
    return out


def fee_items(entries):
    """Fees as a set of (payer_type, yen, period).  Reads either one Field per fee (number, period,
    payer_type or payer) or Fields whose items are objects {payer_type, yen, period}."""
    out = set()
    for e in entries:
        items = e.get("items") or []
        if items and isinstance(items[0], dict):
            for it in items:
                out.add((it.get("payer_type") or it.get("payer"), it.get("yen", it.get("number")),
                         it.get("period") or "unknown"))
        elif e.get("number") is not None or e.get("text"):
            out.add((e.get("payer_type") or e.get("payer"), e.get("number"), e.get("period") or "unknown"))
    return out


def show(v):
    if isinstance(v, (set, frozenset)):
        v = sorted(v, key=str)
    if isinstance(v, float) and v.is_integer():
        v = int(v)
    if isinstance(v, tuple):
        return "/".join(show(x) for x in v)
    if isinstance(v, list):
        return "[" + ", ".join(show(x) for x in v) + "]"
    return "—" if v is None else str(v)


def check(row, truth, got, record, truth_page_kind="case_overview"):
    """(checked, right, expected, got, sentence) for one row of one page."""
    name, tf, how = row
    if how == "kind":  # a case overview, or for a list page "other" (or no record at all)
        want = truth_page_kind
        k = record.get("kind") if record else None
        return True, k == want, want, k, ""
    if how == "one_record":  # checked on pages the generator also put under another URL
        return False, False, None, None, ""
    t = truth.get(tf)
    entries = got.get(tf, [])
    if how == "parts_mismatch":  # the flag on the field (issue 12 items 3 and 6)
        want = "parts_mismatch" in (t or {}).get("flags", [])
        have = any("parts_mismatch" in (e.get("flags") or []) for e in entries)
        if not want and not have:
            return False, False, None, None, ""
        return True, want == have, want, have, ""
    g = entries[0] if entries else None
    sentence = (g or {}).get("provenance", {}).get("sentence", "") if g else ""
    if how in ("approximate", "period", "as_of"):
        if t is None or t.get("state", "stated") != "stated":
            return False, False, None, None, ""
        if how == "approximate":
            want, have = bool(t.get("approximate")), bool(g and g.get("approximate"))
            return True, want == have, want, have if g else None, sentence
        if how == "period":
            want, have = t.get("period"), g.get("period") if g else None
            return True, want == have, want, have, sentence
        want, have = t.get("as_of"), g.get("as_of") if g else None
        if want is None and have is None:
            return False, False, None, None, ""
        return True, bool(want and have and have.startswith(want)), want, have, sentence
    if how == "fees":
        want = {(i["payer_type"], i["yen"], i["period"]) for i in t["items"]} if t else set()
        have = fee_items(entries)
        if not want and not have:
            return False, False, None, None, ""
        return True, want == have, want or None, have or None, sentence
    if how == "set":
        # a list, or a state (負担者：非公開) in place of one
        def key(v, items):
            if v is None or (v.get("state", "stated") == "stated" and not items):
                return None
            return v.get("state", "stated") if v.get("state", "stated") != "stated" else frozenset(items)
        have_items = set()
        for e in entries:
            have_items |= set(x for x in e.get("items", []) if isinstance(x, str))
        if t and t.get("ids"):  # products: a name (カルテコ) or a keyword (karteco) is the same item
            spell = {}
            for name, ident in zip(t["items"], t["ids"]):
                spell[product_key(name)] = spell[product_key(ident)] = name
            have_items = {spell.get(product_key(x), x) for x in have_items}
        want, have = key(t, (t or {}).get("items", [])), key(g, have_items)
        if want is None and have is None:
            return False, False, None, None, ""
        return True, want == have, want, have, sentence
    if t is None and g is None:
        return False, False, None, None, ""
    if how == "money":
        def key(v):
            if v is None:
                return None
            st = v.get("state", "stated")
            if st != "stated":
                return (st,)
            if v.get("number") is None:  # 「参加機関の利用料で賄う」: no amount, no state
                return None
            return (st, v.get("number"), v.get("number_high"))
        want, have = key(t), key(g)
        if want is None and have is None:
            return False, False, None, None, ""
        return True, want == have, want, have, sentence
    if how == "text":
        want, have = (t or {}).get("text"), (g or {}).get("text")
        return True, want is not None and norm_text(want) == norm_text(have), want, have, sentence
    if how == "key":
        want, have = (t or {}).get("text"), (g or {}).get("text")
        return True, want is not None and want == have, want, have, sentence
    if how == "flag":
        want, have = (t or {}).get("flag"), (g or {}).get("flag")
        return True, want is not None and want == have, want, have, sentence
    want, have = (t or {}).get("number"), (g or {}).get("number")
    if how == "rate":
        ok = want is not None and have is not None and abs(want - have) <= 1e-6
    else:
        ok = want is not None and have is not None and want == have and (g or {}).get("state", "stated") == "stated"
    return True, ok, want, have, sentence


def score(pages, records):
    """Per row: [checked, right]; and the misses."""
    by_row = {r[0]: [0, 0] for r in ROWS}
    by_group = collections.defaultdict(lambda: [0, 0])
    by_label = score.by_label
    misses = []
    for p in pages:
        urls = [p["url"]] + p.get("aliases", [])
        cases = [r for u in urls for r in records.get(u, []) if r.get("kind") == "case_overview"]
        rec = (records.get(p["url"]) or [None])[0]
        if rec is None and p.get("duplicate") == "copy" and cases:
            rec = cases[0]  # byte-identical copies: either URL may be the record's
        got = got_fields(rec)
        for row in ROWS:
            if row[2] == "one_record":
                if not p.get("aliases"):
                    continue
                right = len(cases) == 1 and (cases[0]["url"] == p["url"] or p.get("duplicate") == "copy")
                checked, want, have, sentence = True, f"1 record at {p['url']}", \
                    ", ".join(r["url"] for r in cases) or "none", ""
            else:
                checked, right, want, have, sentence = check(row, p["fields"], got, rec,
                                                             p.get("kind", "case_overview"))
            if not checked:
                continue
            by_row[row[0]][0] += 1
            by_row[row[0]][1] += right
            for g in (("channel", p.get("channel", "")), ("layout", p.get("layout", "")),
                      ("charset", p.get("charset", ""))):
                by_group[g][0] += 1
                by_group[g][1] += right
            # the label the page used for this value (「構築経費：…」 → 構築経費), for by-label.tsv
            w = written(p, row[1] or "")
            label = w[: w.index("）") + 1] if w.startswith("（") else w.split("：", 1)[0]
            by_label[(row[0], label)][0] += 1
            by_label[(row[0], label)][1] += right
            if not right:
                misses.append((p["url"], p.get("channel", ""), p.get("layout", ""), p.get("charset", ""), row[0],
                               show(want), show(have), sentence, written(p, row[1] or ""),
                               json.dumps(p.get("how", {}), ensure_ascii=False)))
    return by_row, by_group, misses


score.by_label = collections.defaultdict(lambda: [0, 0])


def run(cmd, log):
    with open(log, "a") as f:
        f.write("$ " + " ".join(cmd) + "\n")
        f.flush()
        r = subprocess.run(cmd, stdout=f, stderr=f)
    if r.returncode != 0:
        sys.exit(f"bench-fidelity: '{' '.join(cmd)}' failed with exit code {r.returncode}; see {log}")


def ingest(senrei, ws, crawls, log):
    """A fresh workspace, the given crawls, and the records by URL."""
    shutil.rmtree(ws, ignore_errors=True)
    os.makedirs(os.path.join(ws, "sources"))
    for source, mirror, toml in crawls:
        if toml:
            shutil.copy(toml, os.path.join(ws, "sources"))
        run([senrei, "--data", ws, "crawl", source, "--mirror", mirror], log)
    out = subprocess.run([senrei, "--data", ws, "export", "--format", "jsonl"], capture_output=True, text=True)
    if out.returncode != 0:
        sys.exit(f"bench-fidelity: export failed: {out.stderr.strip()}")
    records = collections.defaultdict(list)  # URL -> every record under it
    for line in out.stdout.splitlines():
        if line.strip():
            r = json.loads(line)
            records[r["url"]].append(r)
    return records


def acc(right, checked):
    """Accuracy to 3 decimals, truncated: 2,503 of 2,504 is 0.999, not 1.000."""
    return f"{math.floor(right / checked * 1000) / 1000:.3f}"


def table(title, by_row, by_group=None):
    lines = [f"### {title}", "", "| field | checked | right | accuracy |", "|---|---:|---:|---:|"]
    tc = tr = 0
    for name, (c, r) in by_row.items():
        if c == 0:
            continue
        tc += c
        tr += r
        lines.append(f"| {name} | {c} | {r} | {acc(r, c)} |")
    lines.append(f"| **overall** | {tc} | {tr} | **{acc(tr, tc)}** |" if tc else "| **overall** | 0 | 0 | — |")
    if by_group:
        lines += ["", "| by | value | checked | right | accuracy |", "|---|---|---:|---:|---:|"]
        for (kind, value), (c, r) in sorted(by_group.items()):
            lines.append(f"| {kind} | {value} | {c} | {r} | {acc(r, c)} |")
    return "\n".join(lines)


def main():
    ap = argparse.ArgumentParser(description="senrei fidelity benchmark (not a test: prints a table)")
    ap.add_argument("--senrei", default=os.path.join(ROOT, "build", "senrei"))
    ap.add_argument("--pages", type=int, default=2000)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--work", default=os.path.join(ROOT, "build", "bench-fidelity"))
    ap.add_argument("--show", type=int, default=20, help="misses printed on stdout (all go to the file)")
    ap.add_argument("--only", choices=["generated", "sample", "variants"], action="append")
    a = ap.parse_args()
    senrei = os.path.abspath(a.senrei)
    if not os.access(senrei, os.X_OK):
        sys.exit(f"bench-fidelity: no senrei binary at {senrei}; build it (make build) or pass --senrei PATH")
    os.makedirs(a.work, exist_ok=True)
    log = os.path.join(a.work, "senrei.log")
    open(log, "w").close()
    gen = os.path.join(HERE, "gen.py")
    parts = a.only or ["generated", "sample", "variants"]
    reports, all_misses = [], []
    print(f"senrei: {senrei} (modified {time.strftime('%Y-%m-%d %H:%M', time.gmtime(os.path.getmtime(senrei)))} UTC)")

    def generated(label, corpus, extra):
        subprocess.run([sys.executable, gen, "--out", corpus, "--seed", str(a.seed)] + extra, check=True)
        truth = json.load(open(os.path.join(corpus, "truth.json"), encoding="utf-8"))["pages"]
        t0 = time.time()
        records = ingest(senrei, os.path.join(a.work, "ws-" + label), [
            ("renkei-navi", os.path.join(corpus, "mirror", "renkei-support.mhlw.go.jp"), None),
            ("fidbench-site", os.path.join(corpus, "mirror-site", "renkei.fidbench.example"),
             os.path.join(corpus, "ws-sources", "fidbench-site.toml"))], log)
        secs = time.time() - t0
        by_row, by_group, misses = score(truth, records)
        cases = sum(1 for p in truth if p.get("kind", "case_overview") == "case_overview")  # noqa: F841
        reports.append(table(f"{label}: {cases} case pages + {len(truth) - cases} other pages, seed {a.seed} "
                             f"(ingest {secs:.0f} s)", by_row, by_group))
        all_misses.extend((label,) + m for m in misses)
        return by_row

    if "generated" in parts:
        generated("generated", os.path.join(a.work, f"corpus-{a.pages}-{a.seed}"), ["--pages", str(a.pages)])
    if "sample" in parts:
        truth = json.load(open(os.path.join(HERE, "sample-truth.json"), encoding="utf-8"))["pages"]
        records = ingest(senrei, os.path.join(a.work, "ws-sample"), [
            ("renkei-navi", os.path.join(ROOT, "corpus", "sample", "renkei-support.mhlw.go.jp"), None)], log)
        by_row, _, misses = score(truth, records)
        reports.append(table(f"sample: the {len(truth)} overviews of corpus/sample (truth: DOMAIN.md §5)", by_row))
        all_misses.extend(("sample",) + m for m in misses)
    if "variants" in parts:
        generated("variants", os.path.join(a.work, "corpus-variants"), ["--variants"])

    print()
    print("\n\n".join(reports))
    path = os.path.join(a.work, "misses.tsv")
    with open(path, "w", encoding="utf-8") as f:
        f.write("set\turl\tchannel\tlayout\tcharset\tfield\texpected\tgot\tsenrei_sentence\twritten_on_page\thow\n")
        for m in all_misses:
            f.write("\t".join(str(x).replace("\t", " ").replace("\n", " ") for x in m) + "\n")
    with open(os.path.join(a.work, "by-label.tsv"), "w", encoding="utf-8") as f:
        f.write("field\tlabel_on_page\tchecked\tright\taccuracy\n")
        for (field, label), (c, r) in sorted(score.by_label.items()):
            f.write(f"{field}\t{label}\t{c}\t{r}\t{acc(r, c)}\n")
    print(f"\n{len(all_misses)} misses, all in {path}; the first {min(a.show, len(all_misses))}:")
    for m in all_misses[: a.show]:
        print(f"  {m[1]}  {m[5]}: expected {m[6]}, got {m[7]}  [{m[3]}, {m[4]}]" + (f"  «{m[9]}»" if m[9] else ""))


if __name__ == "__main__":
    main()
