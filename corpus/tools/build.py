#!/usr/bin/env python3
"""Build the offline 支援Navi mirror under corpus/sample/ from the page sources in corpus/src/.

Each source corpus/src/<path>.frag is one page, written in UTF-8: a few "key: value" header
lines, a line "---", then the page body.  This script wraps the body in the site chrome that the
page's era used (global navigation, breadcrumb, footer, a comment and a script that must never be
indexed), writes it to sample/renkei-support.mhlw.go.jp/<path>/index.html, and converts the pages
that declare Shift_JIS or EUC-JP with iconv (CP932 and EUC-JP-MS, the encodings such pages really
use), checking that each converts back to exactly the UTF-8 it came from.

Why a generator: the chrome must be identical on every page (the extractor tests rely on it being
set apart), and the non-UTF-8 pages are easier to edit as UTF-8.  The mirror itself is committed,
so nobody needs Python to run the demo or the tests.

    python3 corpus/tools/build.py          # regenerate the mirror
    python3 corpus/tools/build.py --check  # exit 1 if the mirror is stale or a trap is broken

The ministry sites' pages (corpus/src/ministry/<host>/<path>, written whole: a "charset:" header
line, "---", then the HTML) are converted the same way into sample/<host>/<path>; their PDFs are
written by scripts/make-sample-pdfs, and --check verifies that every PDF a page links exists and
every PDF is linked.
"""
import pathlib
import re
import subprocess
import sys

HERE = pathlib.Path(__file__).resolve().parent
CORPUS = HERE.parent
SRC = CORPUS / "src"
SAMPLE = CORPUS / "sample"
MIRROR = SAMPLE / "renkei-support.mhlw.go.jp"
MINISTRY_SRC = SRC / "ministry"

# The iconv target for each charset a page may declare.  Plain "SHIFT_JIS" and "EUC-JP" in glibc
# fail on ① and 髙, which real pages contain.
ICONV = {"UTF-8": None, "Shift_JIS": "CP932", "EUC-JP": "EUC-JP-MS"}

CASES = [
    ("ajisai", "あじさいネット"), ("picapica", "ピカピカリンク"), ("azalea", "アザレアネット"),
    ("himawari", "さどひまわりネット"), ("hareyaka", "晴れやかネット"),
    ("biwako", "びわ湖メディカルネット"), ("mamenet", "まめネット"), ("chokai", "ちょうかいネット"),
]
STEPS = [("/process1/", "Step1 計画"), ("/process2/", "Step2 構築"), ("/process3/", "Step3 運用"),
         ("/process/#step4", "Step4 更改")]
SITE = "医療情報連携ネットワーク支援Navi"


def gnav_items(indent):
    sub_steps = "".join(f'{indent}    <li><a href="{h}">{t}</a></li>\n' for h, t in STEPS)
    sub_cases = "".join(f'{indent}    <li><a href="/{s}/">{n}</a></li>\n' for s, n in CASES)
    return (f'{indent}<li><a href="/process/">ネットワークの構築手順</a>\n{indent}  <ul>\n{sub_steps}'
            f'{indent}  </ul></li>\n'
            f'{indent}<li><a href="/pc-pickupcase/">ピックアップ事例</a>\n{indent}  <ul>\n{sub_cases}'
            f'{indent}  </ul></li>\n'
            f'{indent}<li><a href="/faq/">よくある質問</a></li>\n'
            f'{indent}<li><a href="/pc-terms/">用語集</a></li>\n'
            f'{indent}<li><a href="/statistics/">統計情報</a></li>\n')


def breadcrumb(crumbs):
    parts = ['<a href="/">ホーム</a>']
    for crumb in crumbs:
        if "=" in crumb:
            text, href = crumb.split("=", 1)
            parts.append(f'<a href="{href.strip()}">{text.strip()}</a>')
        else:
            parts.append(f"<span>{crumb.strip()}</span>")
    return " &gt; ".join(parts)


def page_new(h, body):
    """The site as renewed around 2017: HTML5, <nav>, <main>."""
    meta = (f'<meta charset="{h["charset"]}">' if h["meta"] == "charset" else
            f'<meta http-equiv="Content-Type" content="text/html; charset={h["charset"]}">')
    return f"""<!DOCTYPE html>
<html lang="ja">
<head>
{meta}
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{h["title"]}｜{SITE}</title>
<script>
  // スクリプト専用語：{h["script"]}
  window.naviPage = {{ key: "{h["key"]}", note: "スクリプト専用語" }};
</script>
</head>
<body>
<!-- コメント専用語：{h["comment"]} -->
<header id="header">
  <p class="site-name"><a href="/">{SITE}</a></p>
  <nav id="gnav" aria-label="グローバルナビゲーション">
    <ul>
{gnav_items("      ")}    </ul>
  </nav>
</header>
<div class="breadcrumb">{breadcrumb(h["crumbs"])}</div>
<main id="main">
{body.rstrip()}
</main>
<footer id="footer">
  <ul class="footer-menu">
    <li><a href="/">ホーム</a></li>
    <li><a href="/faq/">よくある質問</a></li>
    <li><a href="/pc-terms/">用語集</a></li>
  </ul>
  <p class="copyright">Copyright © 厚生労働省 All Rights Reserved.</p>
</footer>
</body>
</html>
"""


def page_old(h, body):
    """The site as first published: XHTML 1.0, a <div id="gnav"> menu, http-equiv charset."""
    meta = (f'<meta charset="{h["charset"]}" />' if h["meta"] == "charset" else
            f'<meta http-equiv="Content-Type" content="text/html; charset={h["charset"]}" />')
    return f"""<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">
<html xmlns="http://www.w3.org/1999/xhtml" xml:lang="ja" lang="ja">
<head>
{meta}
<title>{h["title"]}｜{SITE}</title>
<script type="text/javascript">
<!--
var pageKey = "{h["key"]}";
/* スクリプト専用語：{h["script"]} */
// -->
</script>
</head>
<body>
<div id="wrapper">
<!-- コメント専用語：{h["comment"]} -->
<div id="header">
  <div id="logo"><a href="/">{SITE}</a></div>
  <div id="gnav">
    <ul>
{gnav_items("      ")}    </ul>
  </div>
</div>
<div class="breadcrumb">{breadcrumb(h["crumbs"])}</div>
<div id="contents">
{body.rstrip()}
</div>
<footer>
  <div id="footer">
    <p><a href="/">ホーム</a>｜<a href="/faq/">よくある質問</a>｜<a href="/pc-terms/">用語集</a></p>
    <p class="copyright">Copyright &copy; 厚生労働省 All Rights Reserved.</p>
  </div>
</footer>
</div>
</body>
</html>
"""


STEP_NAMES = ["全体概要", "Step1 計画", "Step2 構築", "Step3 運用", "Step4 更改"]


def expand_tabs(body):
    """{{tabs:<slug>:<n>}} becomes a case's tab list, tab n (0 = overview) marked current."""
    def tabs(m):
        slug, current = m.group(1), int(m.group(2))
        items = []
        for n, name in enumerate(STEP_NAMES):
            href = f"/{slug}/" if n == 0 else f"/{slug}_{n}/"
            cls = ' class="current"' if n == current else ""
            items.append(f'  <li{cls}><a href="{href}">{name}</a></li>')
        return '<ul class="case-tabs">\n' + "\n".join(items) + "\n</ul>"
    return re.sub(r"\{\{tabs:([a-z]+):([0-4])\}\}", tabs, body)


def parse_source(path):
    text = path.read_text(encoding="utf-8")
    head, sep, body = text.partition("\n---\n")
    if not sep:
        sys.exit(f"{path}: no '---' line between header and body; add one after the header")
    h = {"meta": "charset", "chrome": "new", "charset": "UTF-8", "crumbs": ""}
    for line in head.splitlines():
        key, _, value = line.partition(":")
        h[key.strip()] = value.strip()
    for required in ("title", "comment", "script"):
        if required not in h:
            sys.exit(f"{path}: header line '{required}: ...' is missing")
    if h["charset"] not in ICONV:
        sys.exit(f"{path}: charset {h['charset']} unknown; use one of {', '.join(ICONV)}")
    h["key"] = path.stem
    h["crumbs"] = [c for c in h["crumbs"].split(">") if c.strip()] if h["crumbs"] else []
    return h, expand_tabs(body)


def encode(html, charset, where):
    target = ICONV[charset]
    if target is None:
        return html.encode("utf-8")
    out = subprocess.run(["iconv", "-f", "UTF-8", "-t", target], input=html.encode("utf-8"),
                         capture_output=True)
    if out.returncode != 0:
        sys.exit(f"{where}: iconv to {target} failed: {out.stderr.decode().strip()}; "
                 "replace the character it names (e.g. © by &copy;, 〜 by ～)")
    back = subprocess.run(["iconv", "-f", target, "-t", "UTF-8"], input=out.stdout,
                          capture_output=True)
    if back.returncode != 0 or back.stdout != html.encode("utf-8"):
        sys.exit(f"{where}: {target} does not round-trip to the same UTF-8; "
                 "a character maps one way only (e.g. U+301C 〜 becomes U+FF5E ～): use the other form")
    return out.stdout


def output_path(stem):
    return MIRROR / "index.html" if stem == "index" else MIRROR / stem / "index.html"


def build():
    pages = {}
    for path in sorted(SRC.glob("*.frag")):
        h, body = parse_source(path)
        html = (page_old if h["chrome"] == "old" else page_new)(h, body)
        pages[output_path(path.stem)] = (encode(html, h["charset"], path), html)
    return pages


def build_ministry():
    """sample/<host>/<path> for each corpus/src/ministry/<host>/<path>: {path: (bytes, utf8 html)}."""
    pages = {}
    for path in sorted(p for p in MINISTRY_SRC.rglob("*") if p.is_file()):
        head, sep, body = path.read_text(encoding="utf-8").partition("\n---\n")
        if not sep:
            sys.exit(f"{path}: no '---' line after the header; add one after 'charset: ...'")
        h = dict((k.strip(), v.strip()) for k, _, v in (line.partition(":") for line in head.splitlines()))
        charset = h.get("charset", "")
        if charset not in ICONV:
            sys.exit(f"{path}: header 'charset: {charset}' unknown; use one of {', '.join(ICONV)}")
        declared = re.search(r'charset="?([A-Za-z0-9_-]+)', body)
        if not declared or declared.group(1).lower() != charset.lower():
            sys.exit(f"{path}: the page declares charset {declared.group(1) if declared else 'nothing'}, "
                     f"the header says {charset}; make them agree")
        pages[SAMPLE / path.relative_to(MINISTRY_SRC)] = (encode(body, charset, path), body)
    return pages


def check_ministry(pages):
    """Every PDF a ministry page links exists; every PDF is linked; marker words are present."""
    problems, linked = [], set()
    for out, (_, html) in pages.items():
        host = out.relative_to(SAMPLE).parts[0]
        where = out.relative_to(SAMPLE).as_posix()
        if "スクリプト専用語" not in html or "コメント専用語" not in html:
            problems.append(f"{where}: marker words missing")
        if "サンプルコーパス用に作成した要約" not in html:
            problems.append(f"{where}: does not say it is a summary written for the sample corpus")
        for href in re.findall(r'href="([^"#]+\.pdf)"', html):
            if href.startswith("https://") or href.startswith("http://"):
                h, _, rest = href.split("://", 1)[1].partition("/")
                target = SAMPLE / h / rest
            elif href.startswith("/"):
                target = SAMPLE / host / href.lstrip("/")
            else:
                target = out.parent / href
            linked.add(target.resolve())
            if not target.is_file():
                problems.append(f"{where}: links {href}, which is not in the mirror (run scripts/make-sample-pdfs)")
    for host in {o.relative_to(SAMPLE).parts[0] for o in pages}:
        for pdf in sorted((SAMPLE / host).rglob("*.pdf")):
            if pdf.resolve() not in linked:
                problems.append(f"{pdf.relative_to(SAMPLE)}: no page links it")
    return problems


def check_traps(pages):
    """The search-quality traps the tests rely on (corpus/README.md); fail loudly if one breaks."""
    problems = []
    texts = {p.relative_to(MIRROR).as_posix(): html for p, (_, html) in pages.items()}
    kyoto = [k for k, t in texts.items() if re.search(r"(?<!東)京都", t)]
    if kyoto != ["pc-terms/index.html"]:
        problems.append(f"京都 (not in 東京都) should be on pc-terms only, is on {kyoto}")
    if not any("東京都" in t and not re.search(r"(?<!東)京都", t) for t in texts.values()):
        problems.append("no page mentions 東京都 without 京都")
    for k, t in texts.items():
        if "スクリプト専用語" not in t or "コメント専用語" not in t:
            problems.append(f"{k}: marker words missing")
        for href in sorted(set(re.findall(r'href="(/[^"#]*)', t))):
            if output_path(href.strip("/") or "index") not in pages:
                problems.append(f"{k}: link {href} leads to no page")
    return problems


def main():
    pages = build()
    ministry = build_ministry()
    problems = check_traps(pages)
    if "--check" in sys.argv:
        existing = {p for p in MIRROR.rglob("*") if p.is_file()}
        for host in {o.relative_to(SAMPLE).parts[0] for o in ministry}:
            existing |= {p for p in (SAMPLE / host).rglob("*") if p.is_file() and p.suffix != ".pdf"}
        generated = {**pages, **ministry}
        stale = [str(p) for p, (data, _) in generated.items() if not p.exists() or p.read_bytes() != data]
        extra = sorted(str(p) for p in existing - set(generated))
        problems += [f"stale: {s}" for s in stale] + [f"not generated: {e}" for e in extra]
        problems += check_ministry(ministry)
    else:
        for p, (data, _) in {**pages, **ministry}.items():
            p.parent.mkdir(parents=True, exist_ok=True)
            p.write_bytes(data)
        problems += check_ministry(ministry)
    for problem in problems:
        print(problem, file=sys.stderr)
    print(f"{len(pages)} Navi pages, {len(ministry)} ministry pages, {len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
