#!/usr/bin/env python3
"""Writes the .xlsx fixtures of tests/extract/xlsx_test.cpp by hand: python3's zipfile and the
Office Open XML parts as text, so every byte is known (no spreadsheet program involved).

  python3 tests/data/extract/xlsx/make_fixtures.py   # rewrites the .xlsx files beside it

budget.xlsx — a prefecture's fund plan as an office would type it:
  sheet 「事業計画」: a title merged across A1:D1; header row 3; a project name merged over two
  rows (A5:A6); amounts in #,##0,"千円" (1605000 → 1,605千円) and #,##0 "円"; a share in 0.0%;
  a start date 2024-04-01 as a serial number in yyyy/m/d; a formula with its cached value; an
  inline string; a boolean; a shared string with a furigana run (<rPh>) that must not show.
  sheet 「概要」: label rows 構築費用 | 約2,000万円 (labels for table_labels).
  A chart sheet relationship is listed and must be skipped.
"""
import os
import zipfile

HERE = os.path.dirname(os.path.abspath(__file__))

CONTENT_TYPES = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
<Default Extension="xml" ContentType="application/xml"/>
<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>
<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>
<Override PartName="/xl/worksheets/sheet2.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>
<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>
<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>
</Types>"""

ROOT_RELS = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>
</Relationships>"""

WORKBOOK = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">
<workbookPr/>
<sheets>
<sheet name="事業計画" sheetId="1" r:id="rId1"/>
<sheet name="グラフ" sheetId="3" r:id="rId9"/>
<sheet name="概要" sheetId="2" r:id="rId2"/>
</sheets>
</workbook>"""

WORKBOOK_RELS = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>
<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="/xl/worksheets/sheet2.xml"/>
<Relationship Id="rId9" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/chartsheet" Target="chartsheets/sheet1.xml"/>
<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>
<Relationship Id="rId4" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>
</Relationships>"""

# Shared strings 0..: the furigana run of 0 (ミナトケン) must not show.
STRINGS = [
    '<si><t>みなと県地域医療介護総合確保基金 事業計画</t><rPh sb="0" eb="4"><t>ミナトケン</t></rPh><phoneticPr fontId="1"/></si>',
    '<si><t>事業名</t></si>',
    '<si><t>事業費</t></si>',
    '<si><t>負担割合</t></si>',
    '<si><t>開始日</t></si>',
    '<si><r><t>ICTを活用した</t></r><r><rPr><b/></rPr><t>地域医療連携</t></r><r><t>ネットワーク構築</t></r></si>',
    '<si><t>在宅医療介護連携&amp;研修</t></si>',
    '<si><t>構築費用</t></si>',
    '<si><t>約2,000万円</t></si>',
    '<si><t>運用費用</t></si>',
    '<si><t>年額1,340万円</t></si>',
]
SST = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
       '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="%d" uniqueCount="%d">%s</sst>'
       % (len(STRINGS), len(STRINGS), "".join(STRINGS)))

# cellXfs: 0 General, 1 千円 (custom 176), 2 0.0% (builtin 165 custom), 3 yyyy/m/d (builtin 14),
# 4 #,##0"円" (custom 177).
STYLES = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">
<numFmts count="3">
<numFmt numFmtId="176" formatCode="#,##0,&quot;千円&quot;"/>
<numFmt numFmtId="177" formatCode="#,##0&quot;円&quot;"/>
<numFmt numFmtId="178" formatCode="0.0%"/>
</numFmts>
<fonts count="1"><font><sz val="11"/><name val="游ゴシック"/></font></fonts>
<fills count="1"><fill><patternFill patternType="none"/></fill></fills>
<borders count="1"><border/></borders>
<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>
<cellXfs count="5">
<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>
<xf numFmtId="176" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>
<xf numFmtId="178" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>
<xf numFmtId="14" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>
<xf numFmtId="177" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>
</cellXfs>
</styleSheet>"""

SHEET1 = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">
<dimension ref="A1:D7"/>
<sheetData>
<row r="1"><c r="A1" t="s"><v>0</v></c></row>
<row r="3"><c r="A3" t="s"><v>1</v></c><c r="B3" t="s"><v>2</v></c><c r="C3" t="s"><v>3</v></c><c r="D3" t="s"><v>4</v></c></row>
<row r="4"><c r="A4" t="s"><v>5</v></c><c r="B4" s="1"><v>1605000</v></c><c r="C4" s="2"><v>0.6667</v></c><c r="D4" s="3"><v>45383</v></c></row>
<row r="5"><c r="A5" t="s"><v>6</v></c><c r="B5" s="4"><f>B4/100</f><v>16050</v></c><c r="C5" t="b"><v>1</v></c><c r="D5" t="inlineStr"><is><t>未定</t></is></c></row>
<row r="6"><c r="B6" s="1"><v>-250000</v></c><c r="C6" t="e"><v>#N/A</v></c></row>
</sheetData>
<mergeCells count="2"><mergeCell ref="A1:D1"/><mergeCell ref="A5:A6"/></mergeCells>
</worksheet>"""

SHEET2 = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">
<sheetData>
<row r="2"><c r="B2" t="s"><v>7</v></c><c r="C2" t="s"><v>8</v></c></row>
<row r="3"><c r="B3" t="s"><v>9</v></c><c r="C3" t="s"><v>10</v></c></row>
</sheetData>
</worksheet>"""


def write(name, parts):
    path = os.path.join(HERE, name)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for part, text in parts:
            info = zipfile.ZipInfo(part, date_time=(2024, 4, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(info, text.encode("utf-8"))
    print("wrote", path)


write("budget.xlsx", [
    ("[Content_Types].xml", CONTENT_TYPES),
    ("_rels/.rels", ROOT_RELS),
    ("xl/workbook.xml", WORKBOOK),
    ("xl/_rels/workbook.xml.rels", WORKBOOK_RELS),
    ("xl/sharedStrings.xml", SST),
    ("xl/styles.xml", STYLES),
    ("xl/worksheets/sheet1.xml", SHEET1),
    ("xl/worksheets/sheet2.xml", SHEET2),
])
