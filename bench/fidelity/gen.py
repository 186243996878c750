#!/usr/bin/env python3
"""Fidelity benchmark generator: invented case overview pages whose facts are known.

Writes, under OUT:
  mirror/renkei-support.mhlw.go.jp/   a wget -m style copy of a 支援Navi-like site (C++ plugin
                                      renkei-navi): /, /pc-pickupcase/ and one /<slug>/ per network
  mirror-site/renkei.fidbench.example/ the same kind of facts on another site, read by the TOML
                                      `site` plugin through sources/fidbench-site.toml
  ws-sources/fidbench-site.toml       that declarative source
  truth.json                          per page: URL, channel, layout, charset, and the fields as
                                      senrei should read them (docs/json.md names)
  variants: with --variants, one fixed network in every layout x charset instead (18+ pages)

Deterministic: the same --seed writes the same bytes; another seed changes every number (names
and layouts too).  Page shapes are written for this benchmark only: not the sample corpus and not
bench/gen_corpus.py.  Value forms follow DOMAIN.md §4; decoys follow issue 12 item 7.
"""
import argparse
import json
import os
import random
import shutil
import sys
import unicodedata

NAVI_HOST = "renkei-support.mhlw.go.jp"
SITE_HOST = "renkei.fidbench.example"

# ---------------------------------------------------------------- vocabulary (what sites write)

PREFS = ["北海道", "青森県", "岩手県", "宮城県", "秋田県", "山形県", "福島県", "茨城県", "栃木県", "群馬県",
         "埼玉県", "千葉県", "東京都", "神奈川県", "新潟県", "富山県", "石川県", "福井県", "山梨県", "長野県",
         "岐阜県", "静岡県", "愛知県", "三重県", "滋賀県", "京都府", "大阪府", "兵庫県", "奈良県", "和歌山県",
         "鳥取県", "島根県", "岡山県", "広島県", "山口県", "徳島県", "香川県", "愛媛県", "高知県", "福岡県",
         "佐賀県", "長崎県", "熊本県", "大分県", "宮崎県", "鹿児島県", "沖縄県"]
# invented place names (no real municipality is meant)
PLACES = ["青葉", "白浜", "緑川", "朝日", "桜台", "東雲", "若草", "北浦", "南風", "星野", "高森", "大沢",
          "宮前", "春日", "千早", "鶴見", "松風", "梅ヶ丘", "竹林", "美浜", "新田", "川辺", "山吹", "霧島野",
          "黒潮", "八雲", "浅間野", "紫野", "和泉野", "常盤", "秋津", "瑞穂", "鳴海", "葵", "真砂", "橘"]
NAME_HEADS = ["あおば", "しらさぎ", "つばさ", "ひだまり", "すずらん", "こもれび", "さくら", "かけはし", "ゆいまーる",
              "みどり", "はまなす", "あけぼの", "きずな", "ほたる", "やまびこ", "なでしこ", "つつじ", "かえで",
              "こだま", "わかば", "すばる", "いろは", "ひびき", "みなと", "そよかぜ", "ふたば", "あさひ", "もみじ",
              "たんぽぽ", "ひまわり草", "オリーブ", "コスモス", "ポプラ", "ミモザ", "アカシア", "ラベンダー",
              "カトレア", "シリウス", "ペガサス", "オーロラ"]
NAME_MIDS = ["", "医療", "メディカル", "ケア", "地域", "健康", "いのち", "安心", "連携", "みらい"]
NAME_TAILS = ["ネット", "ネットワーク", "リンク", "ネット21", "ライン", "ネットシステム", "連携ネット", "ネクスト"]

FORMS = {  # operator_form: how a page writes it as a prefix of the operator's name, or in a 組織形態 row
    "npo": (["特定非営利活動法人", "NPO法人", "ＮＰＯ法人"], ["特定非営利活動法人", "NPO法人"]),
    "general_association": (["一般社団法人"], ["一般社団法人"]),
    "public_interest_association": (["公益社団法人", "公益財団法人"], ["公益社団法人"]),
    "voluntary_association": ([], ["任意団体"]),
}
FORM_LABELS = ["組織形態", "法人格", "運営主体の形態", "法人形態", "組織の形態", "団体の種類", "運営形態",
               "法人種別", "組織区分", "運営主体の法人格", "法人の種類", "組織種別", "団体形態", "運営組織の形態",
               "設立形態"]

LABELS = {
    "network_name": ["ネットワーク名", "名称", "ネットワーク名称", "地域医療連携ネットワーク名", "連携システム名称", "愛称", "通称",
                     "医療連携ネットワーク名称", "ネットワークの名称", "連携ネットワークの名称", "呼称", "連携ネットワーク名",
                     "地域連携システム名", "ネットワーク愛称", "事業の名称"],
    "operator_name": ["運営主体", "運営団体", "事務局", "運営組織", "運営者", "管理運営主体", "実施主体", "事業主体",
                      "運営法人", "運用主体", "設置主体", "運営母体", "事業実施主体", "運営管理者", "運営主体名"],
    "start_year": ["稼働", "稼働開始", "運用開始", "開始年", "稼働年", "運用開始年", "運用開始時期", "サービス開始",
                   "稼動開始年", "本格稼働", "開始時期", "稼働開始年度", "運用開始年度", "供用開始", "稼働時期"],
    "area_name": ["対象地域", "対象エリア", "地域", "対象区域", "対象範囲", "実施地域", "サービス提供地域", "対象医療圏",
                  "連携地域", "事業対象地域", "対象圏域", "参加地域", "カバー地域", "活動地域", "運用地域"],
    "population": ["人口", "対象地域の人口", "対象人口", "圏域人口", "地域人口", "医療圏人口", "総人口", "対象地域人口",
                   "住民数", "人口規模", "管内人口", "居住人口", "推計人口", "域内人口", "対象圏域の人口"],
    "aging_rate": ["高齢化率", "高齢者率", "65歳以上人口割合", "高齢者人口比率", "老年人口割合", "65歳以上の割合",
                   "高齢化比率", "高齢人口率", "高齢者の割合", "老年人口比率", "65歳以上人口比率", "高齢化の状況",
                   "65歳以上人口の割合", "高齢者比率", "高齢者人口割合"],
    "build_cost_yen": ["構築費用", "初期費用", "システム構築費", "整備費", "導入費用", "構築費", "初期投資額", "導入経費",
                       "システム整備費用", "構築経費", "初期導入費用", "イニシャルコスト", "システム導入費", "整備事業費",
                       "構築に要した費用", "システム開発費"],
    "running_cost_yen": ["運用費用", "運営費用", "運用経費", "ランニングコスト", "維持費", "保守運用費", "運用保守費用",
                         "維持管理費", "運営経費", "保守費用", "運用コスト", "維持運営費", "システム運用費",
                         "運用にかかる費用", "運営主体の運用費用", "維持管理経費"],
    "funding_sources": ["財源", "主な財源", "資金", "活用した補助金", "財源内訳", "構築財源", "資金源", "活用した基金",
                        "原資", "費用の財源", "財源の内訳", "事業財源", "運営財源", "資金調達", "補助金等"],
    "build_payers": ["構築費用の負担者", "構築費の負担者", "初期費用の負担者", "整備費の負担者", "導入費用の負担者",
                     "構築時の費用負担", "構築費負担者", "初期費用負担", "構築費用負担者", "構築費の負担",
                     "整備費負担者", "導入時の負担者", "構築に係る負担者", "システム構築費の負担者", "初期投資の負担者"],
    "running_payers": ["運用費用の負担者", "運用費の負担者", "運営費用の負担者", "維持費の負担者", "ランニングコストの負担者",
                       "運用時の費用負担", "運用費負担者", "運営費負担", "運用経費の負担者", "運用費用負担者",
                       "保守費の負担者", "維持管理費の負担者", "運営経費の負担", "運用に係る負担者", "運用コストの負担者"],
    "patients": ["登録患者数", "参加患者数", "同意患者数", "患者数", "登録者数", "利用患者数", "同意取得患者数",
                 "参加同意者数", "患者登録数", "累計登録患者数", "同意書取得数", "登録済み患者数", "患者登録者数",
                 "利用登録者数", "登録住民数"],
    "institutions_total": ["参加機関数", "参加施設数", "参加機関", "加入施設数", "参加医療機関数", "利用施設数",
                           "登録施設数", "連携施設数", "加入機関数", "登録機関数", "参加事業所数", "利用機関数",
                           "接続施設数", "参加施設", "参加医療機関等の数"],
    "fees": ["年会費", "会費", "利用料", "参加費", "利用料金", "年間利用料", "参加機関負担金", "会費（年額）",
             "利用負担金", "参加料", "負担金", "接続料", "システム利用料", "施設利用料", "月額利用料"],
    "products": ["製品", "使用システム", "導入システム", "採用システム", "システム", "製品名", "利用システム",
                 "基盤システム", "採用製品", "パッケージ", "導入製品", "使用製品", "連携基盤", "主なシステム",
                 "システム製品"],
}
GROUP_LABELS = {"cost": ["費用負担", "費用", "事業費", "費用と負担"], "scale": ["規模", "参加状況", "利用状況", "実績"]}

FUNDS = {  # key: phrasings a page writes
    "regional_revitalization_fund": ["地域医療再生基金", "地域医療再生臨時特例基金"],
    "comprehensive_care_fund": ["地域医療介護総合確保基金", "総合確保基金"],
    "national_subsidy": ["国庫補助", "国の補助金"],
    "prefectural_budget": ["県費", "県単独補助"],
    "municipal_budget": ["市町村負担金", "市費"],
    "own_funds": ["自己資金", "自主財源"],
    "medical_fee": ["診療報酬（電子的診療情報評価料）"],
}
PAYERS = {  # key: phrasings of a 負担者 cell
    "prefecture": ["県", "{pref}"],
    "municipality": ["市町村", "構成市町"],
    "operator": ["運営主体", "協議会"],
    "participants": ["参加機関", "参加医療機関"],
    "medical_association": ["医師会", "県医師会"],
    "hospital": ["中核病院"],
    "disclosing_institutions": ["開示施設"],
}
FEE_PAYERS = {"hospital": ["病院"], "clinic": ["診療所", "医科診療所"], "dental": ["歯科診療所"],
              "pharmacy": ["薬局", "保険薬局"], "home_nursing": ["訪問看護ステーション"], "care": ["介護事業所"]}
PRODUCTS = [("ID-Link", "エスイーシー"), ("HumanBridge", "富士通Japan"), ("カルテコ", "メディカル・データ・ビジョン"),
            ("Prime Arch", "SBS情報システム"), ("MeDaCa", None)]
# A product may come back as its name or as a keyword: the scorer accepts either spelling.
PRODUCT_IDS = {"ID-Link": "id_link", "HumanBridge": "humanbridge", "カルテコ": "karteco",
               "Prime Arch": "prime_arch", "MeDaCa": "medaca"}

ERAS = [("令和", "R", 2019), ("平成", "H", 1989)]
KANJI_DIGITS = "〇一二三四五六七八九"

# ---------------------------------------------------------------- value writing


def zen(s):
    """ASCII digits and commas to full width."""
    return s.translate(str.maketrans("0123456789,.", "０１２３４５６７８９，．"))


def comma(n):
    return f"{n:,}"


def kanji_num(n):
    """1..9999 in kanji numerals (三千五百)."""
    out = ""
    for unit, name in ((1000, "千"), (100, "百"), (10, "十")):
        d = n // unit
        n %= unit
        if d:
            out += ("" if d == 1 else KANJI_DIGITS[d]) + name
    if n:
        out += KANJI_DIGITS[n]
    return out


def era_year(rng, y, allow_abbrev=True):
    era, ab, base = ERAS[0] if y >= 2019 and (y > 2019 or rng.random() < 0.5) else ERAS[1]
    n = y - base + 1
    r = rng.random()
    if allow_abbrev and r < 0.2:
        return f"{ab}{n}"
    if n == 1 and rng.random() < 0.6:
        return f"{era}元"
    return f"{era}{n}"


def write_year(rng, y):
    """start year: 平成24年 / H24 / 2012年 / 令和元年 / 平成24年度"""
    r = rng.random()
    if r < 0.3:
        return f"{y}年"
    e = era_year(rng, y)
    if rng.random() < 0.2:
        return f"{e}年度"
    return f"{e}年"


def write_month(rng, y, m):
    """as-of: 令和元年6月末 / 平成28年6月 / 2016年6月 / H28.6"""
    r = rng.random()
    if r < 0.25:
        return f"{y}年{m}月"
    if y == 2019:  # 平成 ended on 30 April 2019
        e = "平成31" if m <= 4 else rng.choice(["令和元", "令和1"])
    else:
        e = era_year(rng, y, allow_abbrev=False)
    return f"{e}年{m}月" + ("末" if rng.random() < 0.5 else "")


def pick_amount(rng, lo, hi, form):
    """An amount in yen that `form` can write exactly."""
    if form in ("sen", "sen_zen"):
        return rng.randrange(lo // 1000, hi // 1000) * 1000
    if form in ("man", "man_zen", "man_approx"):
        return rng.randrange(max(1, lo // 10000), hi // 10000) * 10000
    if form == "oku_man":  # 2億1,281万円
        return rng.randrange(1, 20) * 100000000 + rng.randrange(1, 10000) * 10000
    if form == "oku_sen":  # 3億5千万円
        return rng.randrange(1, 9) * 100000000 + rng.randrange(1, 9) * 10000000
    if form == "oku_dec":  # 1.2億円
        return rng.randrange(11, 99) * 10000000
    if form == "kanji":  # 三千五百万円
        return rng.randrange(1, 99) * 1000000 if rng.random() < 0.5 else rng.randrange(1, 10) * 10000000
    if form == "yen":
        return rng.randrange(lo, hi)
    raise ValueError(form)


def write_money(rng, yen, form, approx):
    pre = "約" if approx else ""
    if form == "sen":
        return f"{pre}{comma(yen // 1000)}千円"
    if form == "sen_zen":
        return pre + zen(comma(yen // 1000)) + "千円"
    if form == "man":
        return f"{pre}{comma(yen // 10000)}万円"
    if form == "man_zen":
        return pre + zen(comma(yen // 10000)) + "万円"
    if form == "man_approx":
        return f"{pre}{comma(yen // 10000)}万円"
    if form == "oku_man":
        oku, man = divmod(yen // 10000, 10000)
        return f"{pre}{oku}億{comma(man)}万円" if man else f"{pre}{oku}億円"
    if form == "oku_sen":
        oku, rest = divmod(yen, 100000000)
        return f"{pre}{oku}億{rest // 10000000}千万円"
    if form == "oku_dec":
        return f"{pre}{yen / 100000000:.1f}億円"
    if form == "kanji":
        return f"{pre}{kanji_num(yen // 10000)}万円"
    if form == "yen":
        return f"{pre}{comma(yen)}円"
    raise ValueError(form)


MONEY_FORMS = ["sen", "sen_zen", "man", "man_zen", "oku_man", "oku_sen", "oku_dec", "kanji", "yen"]


def write_count(rng, n, unit, approx):
    pre = "約" if approx else ""
    r = rng.random()
    s = comma(n)
    if r < 0.15:
        s = zen(s)
    elif r < 0.25:
        s = str(n)
    return f"{pre}{s}{unit}"


# ---------------------------------------------------------------- facts of one network


class Net:
    pass


def invent(rng, i, used_names):
    n = Net()
    n.i = i
    n.slug = "c%04d" % i
    while True:
        name = rng.choice(NAME_HEADS) + rng.choice(NAME_MIDS) + rng.choice(NAME_TAILS)
        if name not in used_names:
            used_names.add(name)
            break
    n.name = name
    n.pref = rng.choice(PREFS)
    pref_short = n.pref[:-1] if n.pref[-1] in "県府都" and n.pref != "京都府" else n.pref
    place = rng.choice(PLACES)
    place2 = rng.choice([p for p in PLACES if p != place])
    scope = rng.choices(["prefecture", "secondary_area", "municipal", "multi_area"], [4, 3, 2, 1])[0]
    if scope == "prefecture":
        n.area, n.area_note = rng.choice([f"{n.pref}全域", f"{n.pref}全県"]), ""
    elif scope == "secondary_area":
        n.area, n.area_note = rng.choice([f"{place}二次医療圏", f"{place}医療圏", f"{place}保健医療圏"]), n.pref
    elif scope == "municipal":
        n.area, n.area_note = f"{place}市", n.pref
    else:
        n.area, n.area_note = f"{place}市・{place2}町", n.pref
    n.scope = scope
    # operator
    form = rng.choices(["npo", "general_association", "public_interest_association", "voluntary_association",
                        "council", "medical_association", "prefecture", "municipality"], [5, 3, 1, 2, 3, 2, 1, 1])[0]
    n.form = form
    if form == "medical_association":
        n.op = f"{place}医師会" if scope != "prefecture" else f"{n.pref}医師会"
    elif form == "prefecture":
        n.op = n.pref
    elif form == "municipality":
        n.op = f"{place}市"
        if scope != "municipal":
            n.area, n.area_note, n.scope = f"{place}市", n.pref, "municipal"
    elif form == "council":  # 協議会 with no legal form stated
        n.op = rng.choice([f"{place}地域医療連携推進協議会", f"{pref_short}医療情報ネットワーク協議会"])
    else:
        n.op = rng.choice([f"{place}地域医療連携推進協議会", f"{pref_short}医療情報ネットワーク協議会",
                           f"{place}医療情報連携協議会", f"{place}地域医療ネットワーク協会", f"{pref_short}診療情報連携協議会"])
    n.start = rng.randrange(2004, 2023)
    n.population = rng.randrange(30000, 5000000)
    n.pop_approx = rng.random() < 0.4
    if n.pop_approx:  # 約143万人: the number the page states
        n.population = round(n.population, -4)
    n.aging = rng.randrange(180, 430) / 1000 if rng.random() < 0.7 else None
    n.aging_where = rng.choice(["row", "population_cell", "prose"])
    n.pop_year = rng.randrange(2010, 2023) if rng.random() < 0.4 else None
    # as-of dates
    n.page_date = (rng.randrange(max(n.start + 1, 2015), 2024), rng.randrange(1, 13)) if rng.random() < 0.85 else None
    n.exception_date = None
    if n.page_date and rng.random() < 0.3:
        y, m = n.page_date
        n.exception_date = (y - 1 if m < 7 else y, rng.randrange(1, 7))
    n.own_dates = rng.random() < 0.35
    # build cost
    n.build_state = rng.choices(["stated", "undisclosed", "unknown", "absent"], [80, 6, 7, 7])[0]
    n.build_form = rng.choice(MONEY_FORMS + ["range"])
    n.build_approx = rng.random() < 0.35
    if n.build_form == "range":
        lo = pick_amount(rng, 10000000, 300000000, "man")
        n.build = (lo, lo + rng.randrange(1, 200) * 100000 * 10)
    else:
        n.build = (pick_amount(rng, 5000000, 2000000000, n.build_form), None)
    n.build_dataout = rng.choice([True, False, None])
    n.build_breakdown = rng.choice(["none", "uchi", "after"])
    n.build_payers = rng.sample(list(PAYERS), rng.randrange(1, 3)) if rng.random() < 0.6 else []
    # running cost
    n.run_state = rng.choices(["stated", "undisclosed", "unknown", "absent"], [78, 8, 6, 8])[0]
    n.run_period = rng.choice(["year", "month", "unknown"])
    n.run_form = rng.choice(["sen", "man", "man_zen", "oku_man", "yen", "sen_zen"])
    lo, hi = (100000, 5000000) if n.run_period == "month" else (1000000, 400000000)
    if n.run_form == "oku_man" and n.run_period == "month":
        n.run_form = "man"
    if n.run_form == "oku_man":
        lo = 100000000
    n.run = pick_amount(rng, lo, hi, n.run_form)
    n.run_approx = rng.random() < 0.25
    n.run_payers = rng.sample(list(PAYERS), rng.randrange(1, 3)) if rng.random() < 0.6 else []
    n.run_payer_inline = rng.random() < 0.3  # 「3億1,200万円／負担者：県・参加機関」
    # funds
    n.funds = rng.sample(list(FUNDS), rng.randrange(0, 3))
    n.funds_where = rng.choice(["row", "summary"])
    n.negation = rng.choice([None, "national_subsidy", "comprehensive_care_fund"])
    if n.negation in n.funds:
        n.negation = None
    # counts
    n.patients = rng.randrange(200, 120000) if rng.random() < 0.85 else None
    n.pat_approx = rng.random() < 0.2
    if n.pat_approx and n.patients:
        n.patients = round(n.patients, -2)
    n.inst = rng.randrange(12, 1500) if rng.random() < 0.85 else None
    n.inst_breakdown = rng.choice(["none", "kinds", "disc_view", "nested", "lines", "kinds_mismatch"]) if n.inst else "none"
    if n.inst:
        d = rng.randrange(3, max(4, n.inst // 3))
        # nested: 開示d〔うちnested施設は閲覧も利用〕、閲覧view — the groups overlap, the stated total is inst
        n.nested = rng.randrange(1, d) if n.inst_breakdown == "nested" else 0
        n.disc, n.view = d, n.inst - d + n.nested
    # fees
    n.fees = []
    if rng.random() < 0.45:
        for kind in rng.sample(list(FEE_PAYERS), rng.randrange(1, 4)):
            per = rng.choice(["year", "month"])
            amt = rng.randrange(1, 60) * 1000 if per == "year" else rng.randrange(1, 30) * 500
            n.fees.append((kind, amt, per))
    n.products = rng.sample(PRODUCTS, rng.randrange(1, 3)) if rng.random() < 0.6 else []
    n.layout = None
    return n


# ---------------------------------------------------------------- statements (label, value) and truth


def fund_word(rng, key):
    return rng.choice(FUNDS[key])


def payer_words(rng, n, keys):
    return "・".join(rng.choice(PAYERS[k]).format(pref=n.pref) for k in keys)


def fee_text(rng, n):
    parts = []
    for kind, amt, per in n.fees:
        who = rng.choice(FEE_PAYERS[kind])
        a = comma(amt) + "円"
        if per == "year":
            parts.append(rng.choice([f"{who} {a}/年", f"{who}：年額{a}", f"{who} {a}（年間）"]))
        else:
            parts.append(rng.choice([f"{who} 月額{a}", f"{who}：月額{a}"]))
    return "、".join(parts)


def date_note(rng, d, kind="時点"):
    y, m = d
    return f"{write_month(rng, y, m)}{kind}"


def build_statements(rng, n, others):
    """The page's facts as (group, label, value) triples, and the truth as senrei should read it."""
    T = {}
    S = []  # (group, label, value)
    W = {}  # field -> 「label：value」 as written (for the miss list)

    def say(group, field, label, value):
        S.append((group, label, value))
        W[field] = f"{label}：{value}"
    lab = (lambda f: LABELS[f][0]) if CANONICAL else (lambda f: rng.choice(LABELS[f]))  # noqa: E731
    T["network_name"] = {"text": n.name}
    if rng.random() < 0.4:
        say("", "network_name", lab("network_name"), n.name)
    # operator + form
    prefixes, words = FORMS.get(n.form, ([], []))
    op_written = n.op
    form_stated = False
    if prefixes and rng.random() < 0.6:
        op_written = f"{rng.choice(prefixes)} {n.op}" if rng.random() < 0.5 else f"{rng.choice(prefixes)}{n.op}"
        form_stated = True
    if rng.random() < 0.3:
        op_written += f"（{n.pref}）"
    say("", "operator_name", lab("operator_name"), op_written)
    T["operator_name"] = {"text": n.op}
    if not form_stated and words:
        say("", "operator_form", FORM_LABELS[0] if CANONICAL else rng.choice(FORM_LABELS), rng.choice(words))
        form_stated = True
    if form_stated or n.form in ("council", "medical_association", "prefecture", "municipality"):
        T["operator_form"] = {"text": n.form}
    # start year
    if rng.random() < 0.5:
        n.heading_year = None
        say("", "start_year", lab("start_year"), write_year(rng, n.start) + rng.choice(["", "", "から運用", "稼働"]))
    else:
        n.heading_year = write_year(rng, n.start)
    T["start_year"] = {"number": n.start}
    # area
    area_written = n.area + (f"（{n.area_note}）" if n.area_note else "")
    say("", "area_name", lab("area_name"), area_written)
    T["area_name"] = {"text": n.area}
    T["area_scope"] = {"text": n.scope}
    T["prefecture"] = {"text": n.pref}
    # population and aging rate
    pop = write_count(rng, n.population, "人", n.pop_approx)
    if n.pop_approx and rng.random() < 0.6:
        pop = ("約" if True else "") + f"{n.population // 10000}万人"
    if n.pop_year:
        pop += f"（{era_year(rng, n.pop_year, False)}年{rng.choice(['国勢調査', '住民基本台帳', '10月1日現在'])}）"
    prose_extra = []
    if n.aging is not None:
        rate = f"{n.aging * 100:.1f}％" if rng.random() < 0.7 else f"{n.aging * 100:.1f}%"
        if n.aging_where == "population_cell":
            pop = pop + f"（{lab('aging_rate')}{rate}）" if not n.pop_year else pop.replace("）", f"、高齢化率{rate}）")
        elif n.aging_where == "row":
            say("", "aging_rate", lab("aging_rate"), rate)
        else:
            prose_extra.append(f"地域の高齢化率は{rate}で、全国平均を上回っている。")
        T["aging_rate"] = {"number": n.aging}
    say("", "population", lab("population"), pop)
    T["population"] = {"number": n.population}
    # build cost
    cost = None
    if n.build_state == "stated":
        if n.build_form == "range":
            lo, hi = n.build
            cost = f"約{comma(lo // 10000)}～約{comma(hi // 10000)}万円"
            T["build_cost_yen"] = {"state": "stated", "number": lo, "number_high": hi, "approximate": True}
        else:
            cost = write_money(rng, n.build[0], n.build_form, n.build_approx)
            T["build_cost_yen"] = {"state": "stated", "number": n.build[0], "approximate": n.build_approx}
        if n.build_breakdown == "uchi" and n.build_form != "range":
            part = (n.build[0] // 3) // 10000 * 10000
            if part > 0:
                cost += f"（うちサーバ等機器{comma(part // 10000)}万円）"
    elif n.build_state == "undisclosed":
        cost = rng.choice(["非公開", "非公開（各開示施設の負担）"])
        T["build_cost_yen"] = {"state": "undisclosed"}
    elif n.build_state == "unknown":
        cost = rng.choice(["総額不明", "不明", "全体額は不明"])
        T["build_cost_yen"] = {"state": "unknown"}
    if cost is not None:
        if n.build_dataout is not None:
            cost += "（※データ出力対応費を含む）" if n.build_dataout else "（※データ出力対応費を含まない）"
            T["build_cost_includes_data_output"] = {"flag": n.build_dataout}
        say("cost", "build_cost_yen", lab("build_cost_yen"), cost)
        if n.build_breakdown == "after" and n.build_state == "stated" and n.build_form != "range":
            a = n.build[0] // 2 // 10000 * 10000
            if a > 0:
                S.append(("cost", "内訳", f"ハードウェア{comma(a // 10000)}万円、ソフトウェア{comma((n.build[0] - a) // 10000)}万円"
                          if (n.build[0] - a) % 10000 == 0 else f"ハードウェア{comma(a // 10000)}万円ほか"))
    if n.build_payers:
        say("cost", "build_payers", lab("build_payers"), payer_words(rng, n, n.build_payers))
        T["build_payers"] = {"items": list(n.build_payers)}
    # running cost
    run = None
    if n.run_state == "stated":
        amount = write_money(rng, n.run, n.run_form, n.run_approx)
        if n.run_period == "year":
            run = rng.choice([f"{amount}/年", f"{amount}（年間）", f"年額{amount}", f"年間{amount}", f"{amount}（年額）"])
        elif n.run_period == "month":
            run = rng.choice([f"月額{amount}", f"{amount}/月", f"{amount}（月額）"])
        else:
            run = amount
        T["running_cost_yen"] = {"state": "stated", "number": n.run, "period": n.run_period, "approximate": n.run_approx}
    elif n.run_state == "undisclosed":
        run = "非公開"
        T["running_cost_yen"] = {"state": "undisclosed"}
    elif n.run_state == "unknown":
        run = "不明"
        T["running_cost_yen"] = {"state": "unknown"}
    if run is not None:
        if n.run_payers and n.run_payer_inline:
            run += "／負担者：" + payer_words(rng, n, n.run_payers)
        say("cost", "running_cost_yen", lab("running_cost_yen"), run)
    if n.run_payers:
        if run is None or not n.run_payer_inline:
            say("cost", "running_payers", lab("running_payers"), payer_words(rng, n, n.run_payers))
        T["running_payers"] = {"items": list(n.run_payers)}
    # funds
    funds = list(n.funds)
    summary_funds = ""
    if funds:
        words = [fund_word(rng, k) for k in funds]
        if n.funds_where == "row":
            say("cost", "funding_sources", lab("funding_sources"), "、".join(words))
        else:
            summary_funds = f"システムは{'と'.join(words)}を活用して整備・更新した。"
    derived = set(funds)
    for p in n.build_payers + n.run_payers:
        if p == "prefecture":
            derived.add("prefectural_budget")
        if p == "municipality":
            derived.add("municipal_budget")
    if n.fees:
        derived.add("member_fees")
        periods = {per for _, _, per in n.fees}
        fee_labels = [l for l in LABELS["fees"] if not (("年" in l and "month" in periods) or ("月" in l and "year" in periods))]
        say("cost", "fees", fee_labels[0] if CANONICAL else rng.choice(fee_labels), fee_text(rng, n))
        T["fees"] = {"items": [{"payer_type": k, "yen": a, "period": p} for k, a, p in n.fees]}
    if derived:
        T["funding_sources"] = {"items": sorted(derived)}
    negation = ""
    if n.negation == "national_subsidy":
        negation = "国の補助金に頼らず、運営を続けられる体制を目指している。"
    elif n.negation == "comprehensive_care_fund":
        negation = "地域医療介護総合確保基金は使っていない。"
    # as-of
    page_note = ""
    if n.page_date:
        page_note = "※" + date_note(rng, n.page_date)
        if n.exception_date:
            page_note += f"（ただし、{rng.choice(['登録患者数や参加機関数', '患者数・参加施設数'])}は{date_note(rng, n.exception_date)}）"
    count_date = n.exception_date or n.page_date
    # patients
    if n.patients:
        v = write_count(rng, n.patients, rng.choice(["人", "名"]), n.pat_approx)
        d = count_date
        if n.own_dates:
            d = (rng.randrange(max(n.start, 2015), 2024), rng.randrange(1, 13))
            v += f"（{date_note(rng, d, rng.choice(['時点', '現在']))}）"
        say("scale", "patients", lab("patients"), v)
        T["patients"] = {"number": n.patients}
        if d:
            T["patients"]["as_of"] = "%04d-%02d" % d
    # institutions
    if n.inst:
        v = write_count(rng, n.inst, "施設", False)
        d = count_date
        own = ""
        if n.own_dates:
            d = (rng.randrange(max(n.start, 2015), 2024), rng.randrange(1, 13))
            own = f"（{date_note(rng, d)}）"
        extra_rows = []
        b = n.inst_breakdown
        if b == "kinds":
            h = rng.randrange(1, max(2, n.inst // 4))
            c = rng.randrange(1, max(2, n.inst - h))
            v += f"{own}（病院{h}、診療所{c}、薬局{n.inst - h - c}）" if n.inst - h - c > 0 else f"{own}（病院{h}、診療所{n.inst - h}）"
        elif b == "kinds_mismatch":
            # stated parts that add up to more than the stated total: the total stands, flagged parts_mismatch
            h = rng.randrange(1, max(2, n.inst // 3))
            c = n.inst - h + rng.randrange(5, 60)
            v += f"{own}（病院{h}、診療所{c}）"
            T_flags = ["parts_mismatch"]
        elif b == "disc_view":
            v += f"{own}（開示{n.disc}／閲覧{n.view}）"
            T["institutions_disclosing"] = {"number": n.disc}
            T["institutions_viewing"] = {"number": n.view}
        elif b == "nested":
            v += f"{own}（開示{n.disc}施設〔うち{n.nested}施設は閲覧も利用〕、閲覧{n.view}施設）"
            T["institutions_disclosing"] = {"number": n.disc}
            T["institutions_viewing"] = {"number": n.view}
        elif b == "lines":
            v += own
            extra_rows = [("scale", "うち開示施設", f"{n.disc}施設（病院）"), ("scale", "うち閲覧施設", f"{n.view}施設（診療所・薬局ほか）")]
            T["institutions_disclosing"] = {"number": n.disc}
            T["institutions_viewing"] = {"number": n.view}
        else:
            v += own
        say("scale", "institutions_total", lab("institutions_total"), v)
        S.extend(extra_rows)
        T["institutions_total"] = {"number": n.inst}
        if b == "kinds_mismatch":
            T["institutions_total"]["flags"] = T_flags
        if d:
            T["institutions_total"]["as_of"] = "%04d-%02d" % d
    if n.products:
        names = [f"{p}（{v}）" if v and rng.random() < 0.5 else p for p, v in n.products]
        say("", "products", lab("products"), "、".join(names))
        T["products"] = {"items": sorted(p for p, _ in n.products)}
        T["products"]["ids"] = [PRODUCT_IDS[p] for p in T["products"]["items"]]
    other = rng.choice(others)
    summary = (f"{n.area}の病院・診療所・薬局などを結ぶネットワーク。{summary_funds}"
               f"隣接する{other}とも相互参照の協定を結んでいる。{negation}{''.join(prose_extra)}")
    if n.run_payers and n.run_payer_inline and "running_cost_yen" in W:
        W["running_payers"] = W["running_cost_yen"]
    if n.heading_year:
        W["start_year"] = f"（見出し）{n.name}（{n.heading_year}稼働）"
    W.setdefault("network_name", f"（見出し）{n.name}")
    if n.aging is not None and n.aging_where != "row":
        W["aging_rate"] = "（人口欄）" + W.get("population", "") if n.aging_where == "population_cell" else "（文中）" + prose_extra[0]
    if summary_funds:
        W["funding_sources"] = "（概要文）" + summary_funds + W.get("funding_sources", "")
    if page_note and ("patients" in W or "institutions_total" in W):
        for f in ("patients", "institutions_total"):
            if f in W:
                W[f] += " ／ " + page_note
    how = {"build": f"{n.build_state}:{n.build_form}" + (":approx" if n.build_approx else "") +
           f":{n.build_breakdown}", "running": f"{n.run_state}:{n.run_form}:{n.run_period}",
           "institutions": n.inst_breakdown, "aging": n.aging_where if n.aging is not None else "none",
           "funds": n.funds_where, "dates": ("exception" if n.exception_date else "page" if n.page_date else "none") +
           ("+own" if n.own_dates else "")}
    return S, T, page_note, summary, W, how


# ---------------------------------------------------------------- layouts

def esc(s):
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def lay_th(rng, S, td=False):
    cell = "td" if td else "th"
    rows = []
    for g, l, v in S:
        rows.append(f"<tr><{cell}>{esc(l)}</{cell}><td>{esc(v)}</td></tr>")
    return "<table class=\"gaiyo\">\n" + "\n".join(rows) + "\n</table>"


def lay_grouped(rng, S):
    """Navi-like: a group cell (費用負担, 規模) whose value cell holds 「ラベル：値」 lines."""
    out, i = [], 0
    while i < len(S):
        g = S[i][0]
        if not g:
            out.append(f"<tr><th>{esc(S[i][1])}</th><td>{esc(S[i][2])}</td></tr>")
            i += 1
            continue
        j = i
        while j < len(S) and S[j][0] == g:
            j += 1
        lines = "<br>\n".join(f"{esc(l)}：{esc(v)}" for _, l, v in S[i:j])
        out.append(f"<tr><th>{esc(rng.choice(GROUP_LABELS[g]))}</th><td>{lines}</td></tr>")
        i = j
    return "<table>\n" + "\n".join(out) + "\n</table>"


def lay_dl(rng, S):
    return "<dl class=\"overview\">\n" + "\n".join(f"<dt>{esc(l)}</dt><dd>{esc(v)}</dd>" for _, l, v in S) + "\n</dl>"


def lay_nested_dl(rng, S):
    out, i = [], 0
    while i < len(S):
        g = S[i][0]
        if not g:
            out.append(f"<dt>{esc(S[i][1])}</dt><dd>{esc(S[i][2])}</dd>")
            i += 1
            continue
        j = i
        while j < len(S) and S[j][0] == g:
            j += 1
        inner = "\n".join(f"  <dt>{esc(l)}</dt><dd>{esc(v)}</dd>" for _, l, v in S[i:j])
        out.append(f"<dt>{esc(rng.choice(GROUP_LABELS[g]))}</dt><dd><dl>\n{inner}\n</dl></dd>")
        i = j
    return "<dl>\n" + "\n".join(out) + "\n</dl>"


def lay_colon(rng, S):
    sep = rng.choice(["：", ":", "："])
    return "\n".join(f"<p>{esc(l)}{sep}{esc(v)}</p>" if rng.random() < 0.8 else f"<p>【{esc(l)}】{esc(v)}</p>" for _, l, v in S)


def lay_prose(rng, S):
    sents = []
    for _, l, v in S:
        t = rng.choice(["{l}は{v}である。", "{l}は、{v}となっている。", "{l}は{v}。"])
        sents.append(t.format(l=l, v=v))
    paras, cur = [], []
    for s in sents:
        cur.append(s)
        if len(cur) >= 3:
            paras.append("<p>" + esc("".join(cur)) + "</p>")
            cur = []
    if cur:
        paras.append("<p>" + esc("".join(cur)) + "</p>")
    return "\n".join(paras)


LAYOUTS = {
    "th_table": lambda rng, S: lay_th(rng, S),
    "td_table": lambda rng, S: lay_th(rng, S, td=True),
    "grouped_table": lay_grouped,
    "dl": lay_dl,
    "nested_dl": lay_nested_dl,
    "colon_lines": lay_colon,
    "prose": lay_prose,
}
CHARSETS = ["utf-8", "cp932", "euc-jp"]
# Every 20th network (by index) is also reachable under a second URL: one record each is expected.
DUPLICATES = {7: "index", 13: "canonical", 17: "copy"}
CANONICAL = False  # --variants: every label the first (most common) phrasing, so only markup varies
META = {"utf-8": "UTF-8", "cp932": "Shift_JIS", "euc-jp": "EUC-JP"}


def encode(html, charset):
    if charset == "euc-jp":
        html = html.replace("～", "〜").replace("－", "−")
    return html.encode(charset)


def page_html(rng, n, S, page_note, summary, layout, charset, meta, nav_names, site):
    head_meta = ""
    if meta:
        head_meta = (f'<meta charset="{META[charset]}">' if rng.random() < 0.5 else
                     f'<meta http-equiv="Content-Type" content="text/html; charset={META[charset]}">')
    heading = n.name + (f"（{n.heading_year}稼働）" if n.heading_year else "")
    nav = "\n".join(f'<li><a href="{u}">{esc(t)}</a></li>' for u, t in nav_names)
    site_title = "医療情報連携ネットワーク支援Navi" if not site else "地域医療連携 事例データベース"
    body = LAYOUTS[layout](rng, S)
    note = f"<p class=\"asof\">{esc(page_note)}</p>" if page_note else ""
    return f"""<!DOCTYPE html>
<html lang="ja"><head>{head_meta}
<title>{esc(n.name)}（全体概要）｜{site_title}</title>
</head><body>
<header><p class="logo"><a href="/">{site_title}</a></p>
<nav><ul>
{nav}
</ul></nav></header>
<main>
<h1>{esc(heading)}</h1>
{note}
<h2>全体概要</h2>
{body}
<h2>概要</h2>
<p>{esc(summary)}</p>
</main>
<footer><p>この事例は fidelity ベンチマーク用に生成した架空のネットワークです。</p></footer>
</body></html>
"""


def write(path, data):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "wb") as f:
        f.write(data)


SITE_TOML = f"""# fidbench-site: the fidelity benchmark's generated site read by the TOML `site` plugin.
name = "fidbench-site"
title = "地域医療連携 事例データベース（fidelity ベンチマーク）"
publisher = "fidbench"
base_url = "http://{SITE_HOST}/"
title_from = "h1"
default_kind = "none"

[[kind]]
url = '/jirei/[a-z0-9-]+\\.html$'
kind = "case_overview"

[politeness]
max_pages = 100000
"""


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--out", required=True)
    ap.add_argument("--pages", type=int, default=2000, help="case overview pages on the Navi-like site")
    ap.add_argument("--site-pages", type=int, default=None, help="pages on the TOML site (default pages/4)")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--variants", action="store_true", help="one network in every layout x charset")
    a = ap.parse_args()
    site_pages = a.site_pages if a.site_pages is not None else max(1, a.pages // 4)
    rng = random.Random(a.seed)
    if os.path.exists(a.out):
        shutil.rmtree(a.out)
    used = set()
    count = 1 if a.variants else a.pages
    nets = [invent(rng, i, used) for i in range(count)]
    if a.variants:  # one network that states every field: only layout and charset vary
        global CANONICAL
        CANONICAL = True
        while not (nets[0].aging and nets[0].build_state == "stated" and nets[0].run_state == "stated" and
                   nets[0].patients and nets[0].inst and nets[0].inst_breakdown == "disc_view" and nets[0].fees and
                   nets[0].products and nets[0].run_payers and nets[0].build_payers and nets[0].funds and
                   nets[0].aging_where == "row" and nets[0].own_dates and nets[0].funds_where == "row" and
                   nets[0].build_dataout is not None):
            nets[0] = invent(rng, 0, set())
    others = sorted(used)
    truth = []
    navi_root = os.path.join(a.out, "mirror", NAVI_HOST)
    site_root = os.path.join(a.out, "mirror-site", SITE_HOST)
    combos = []
    if a.variants:
        for layout in LAYOUTS:
            for cs in CHARSETS:
                combos.append((nets[0], layout, cs, True, f"v-{layout.replace('_', '-')}-{cs.replace('-', '')}"))
    else:
        for k, n in enumerate(nets):
            combos.append((n, list(LAYOUTS)[k % len(LAYOUTS)] if k < len(LAYOUTS) * 3 else rng.choice(list(LAYOUTS)),
                           CHARSETS[k % 3] if k < 3 else rng.choice(CHARSETS), rng.random() < 0.7, n.slug))
    nav_all = [(f"/{slug}/", n.name) for n, _, _, _, slug in combos]
    site_combos = combos if a.variants else combos[:site_pages]
    nav_site = [(f"/jirei/{slug}.html", n.name) for n, _, _, _, slug in site_combos]

    def one(n, layout, cs, meta, slug, site):
        prng = random.Random(f"{a.seed}:{slug}:{site}")
        S, T, note, summary, W, how = build_statements(prng, n, [o for o in others if o != n.name] or ["みなと医療ネット"])
        pool = nav_site if site else nav_all
        nav = prng.sample(pool, min(12, len(pool)))
        html = page_html(prng, n, S, note, summary, layout, cs, meta, nav, site)
        if site:
            url = f"http://{SITE_HOST}/jirei/{slug}.html"
            write(os.path.join(site_root, "jirei", f"{slug}.html"), encode(html, cs))
        else:
            url = f"http://{NAVI_HOST}/{slug}/"
            write(os.path.join(navi_root, slug, "index.html"), encode(html, cs))
        aliases, dup = [], None
        if not site and not a.variants and n.i % 20 in DUPLICATES:
            dup = DUPLICATES[n.i % 20]
            if dup == "index":      # linked as /x/index.html too: the same file
                aliases = [url + "index.html"]
            elif dup == "canonical":  # a print copy that names the overview as canonical
                canon = html.replace("<head>", f'<head><link rel="canonical" href="{url}">', 1)
                write(os.path.join(navi_root, f"{slug}-print", "index.html"), encode(canon, cs))
                aliases = [f"http://{NAVI_HOST}/{slug}-print/"]
            else:                   # byte-identical under another URL
                write(os.path.join(navi_root, f"{slug}-copy", "index.html"), encode(html, cs))
                aliases = [f"http://{NAVI_HOST}/{slug}-copy/"]
            extra_links.extend(aliases)
        truth.append({"url": url, "channel": "site-toml" if site else "renkei-navi", "layout": layout,
                      "charset": cs + ("" if meta else "-nometa"), "fields": T, "written": W, "how": how,
                      "aliases": aliases, "duplicate": dup})

    extra_links = []
    for n, layout, cs, meta, slug in combos:
        one(n, layout, cs, meta, slug, False)
    for n, layout, cs, meta, slug in site_combos:
        # the same facts on another site, in another layout and charset
        srng = random.Random(f"{a.seed}:site:{slug}")
        if not a.variants:
            layout, cs, meta = srng.choice(list(LAYOUTS)), srng.choice(CHARSETS), srng.random() < 0.7
        one(n, layout, cs, meta, slug, True)
    # list pages: navigation naming every network (decoy for the name and the kind)
    links = "\n".join(f'<li><a href="/{slug}/">{esc(n.name)}</a></li>' for n, _, _, _, slug in combos)
    links += "\n" + "\n".join(f'<li><a href="{u}">印刷用・旧URL</a></li>' for u in extra_links)
    links += '\n<li><a href="/about/">このサイトについて</a></li>'
    # "about this site" under a URL shaped like a case overview's (issue 12 item 2): it is no case
    write(os.path.join(navi_root, "about", "index.html"), f"""<!DOCTYPE html><html lang="ja"><head>
<meta charset="UTF-8"><title>このサイトについて｜医療情報連携ネットワーク支援Navi</title></head><body><main>
<h1>このサイトについて</h1>
<p>本サイトは、地域医療情報連携ネットワークの構築・運用に取り組む方に向けて、{esc(nets[0].name)}や
{esc(nets[-1].name)}など各地の事例を紹介しています。掲載内容は各ネットワークへの取材と公開資料に基づきます。</p>
<p>お問い合わせ：医療情報連携ネットワーク支援Navi 事務局（電子メールでお願いします）</p>
</main></body></html>""".encode())
    idx = f"""<!DOCTYPE html><html lang="ja"><head><meta charset="UTF-8"><title>医療情報連携ネットワーク支援Navi</title></head>
<body><h1>医療情報連携ネットワーク支援Navi</h1><p><a href="/pc-pickupcase/">ピックアップ事例</a></p><ul>{links}</ul></body></html>"""
    write(os.path.join(navi_root, "index.html"), idx.encode())
    write(os.path.join(navi_root, "pc-pickupcase", "index.html"),
          idx.replace("<h1>医療情報連携ネットワーク支援Navi</h1>", "<h1>ピックアップ事例</h1>").encode())
    slinks = "\n".join(f'<li><a href="/jirei/{s}.html">{esc(n.name)}</a></li>' for n, _, _, _, s in site_combos)
    write(os.path.join(site_root, "index.html"),
          f"""<!DOCTYPE html><html lang="ja"><head><meta charset="UTF-8"><title>事例一覧</title></head>
<body><h1>事例一覧</h1><ul>{slinks}</ul></body></html>""".encode())
    # the list pages are no case: kind other (renkei-navi) or no record at all (the TOML source's
    # default_kind none), and no field of theirs is a fact
    for url, kind in ((f"http://{NAVI_HOST}/", "other"), (f"http://{NAVI_HOST}/pc-pickupcase/", "other"),
                      (f"http://{NAVI_HOST}/about/", "other"), (f"http://{SITE_HOST}/", None)):
        truth.append({"url": url, "channel": "site-toml" if SITE_HOST in url else "renkei-navi",
                      "layout": "about" if url.endswith("/about/") else "list",
                      "charset": "utf-8", "kind": kind, "fields": {}, "written": {}, "how": {}})
    write(os.path.join(a.out, "ws-sources", "fidbench-site.toml"), SITE_TOML.encode())
    with open(os.path.join(a.out, "truth.json"), "w", encoding="utf-8") as f:
        json.dump({"seed": a.seed, "pages": truth}, f, ensure_ascii=False, indent=0)
    print(f"fidelity corpus: {len(truth) - 4} case pages ({len(combos)} renkei-navi, {len(site_combos)} site-toml) "
          f"in {a.out}", file=sys.stderr)


if __name__ == "__main__":
    main()
