#!/usr/bin/env python3
"""Generate a synthetic 支援Navi-like mirror for benchmarks (python3 stdlib only).

Writes a `wget -m`-style tree, <out>/renkei-support.mhlw.go.jp/<path>/index.html, of N content
pages (~17 KB each on average) plus a top page and list pages that link every page, so a crawler
started at / reaches all of them.  Everything is a function of (--seed, page index, variant):
the same arguments give byte-identical files.

Page kinds, per block of ten pages: 1 case overview (全体概要, laid out as table rows, a
definition list or 「ラベル：値」 lines), its 4 step pages (<slug>_1/ … _4/), 2 FAQ pages, 1
glossary page, 1 long guideline page, 1 実施のポイント page.  About 20 % of the pages are CP932
("Shift_JIS" on the web, declared by <meta charset="Shift_JIS">), about 1 % EUC-JP
(EUC-JP-MS, declared by http-equiv), the rest UTF-8.

Network names are unique and do not depend on the seed: case k (block k) always has the name
network_name(k), so bench/queries.txt can ask for a name with a known answer.

    gen_corpus.py --out build/bench/corpus --pages 20000 --seed 1
    gen_corpus.py --out build/bench/corpus --pages 20000 --seed 1 --mutate 1      # 1 % rewritten
    gen_corpus.py --out build/bench/corpus --pages 20000 --seed 1 --mutate 1 --variant 0  # undo
    gen_corpus.py --name 3                                  # print case 3's network name

A stamp file <out>/.gen-stamp records seed, pages, generator version and the mutation state;
`--if-missing` exits early when the stamp already matches (pristine) — bench/run.sh relies on it.
"""
import argparse
import hashlib
import json
import os
import pathlib
import random
import sys
import time

HOST = "renkei-support.mhlw.go.jp"
SITE = "医療情報連携ネットワーク支援Navi"
GEN_VERSION = hashlib.sha256(pathlib.Path(__file__).read_bytes()).hexdigest()[:16]

# ---------------------------------------------------------------------------------------------
# Phrase tables

PREFS = ["北海道", "青森県", "岩手県", "宮城県", "秋田県", "山形県", "福島県", "茨城県", "栃木県",
         "群馬県", "埼玉県", "千葉県", "東京都", "神奈川県", "新潟県", "富山県", "石川県", "福井県",
         "山梨県", "長野県", "岐阜県", "静岡県", "愛知県", "三重県", "滋賀県", "京都府", "大阪府",
         "兵庫県", "奈良県", "和歌山県", "鳥取県", "島根県", "岡山県", "広島県", "山口県", "徳島県",
         "香川県", "愛媛県", "高知県", "福岡県", "佐賀県", "長崎県", "熊本県", "大分県", "宮崎県",
         "鹿児島県", "沖縄県"]
AREAS = ["北部", "南部", "東部", "西部", "中部", "沿岸", "山間", "県央", "湖東", "湖西", "島しょ",
         "北東部", "南西部"]
CITIES = ["みなと市", "さくら市", "ひばり町", "あおば市", "かわせ町", "みずほ市", "いずみ市", "つばさ町",
          "やまぶき村", "しらかば市", "ときわ市", "はるか町", "なごみ市", "ゆめの市", "かえで町"]

# Network names: NAME_A × NAME_B × NAME_SUFFIX = 40 × 30 × 20 = 24,000 unique names.
NAME_A = [("あさひ", "asahi"), ("かすみ", "kasumi"), ("こもれび", "komorebi"), ("しおかぜ", "shiokaze"),
          ("すずらん", "suzuran"), ("たんぽぽ", "tanpopo"), ("つつじ", "tsutsuji"), ("なでしこ", "nadeshiko"),
          ("はまなす", "hamanasu"), ("ひいらぎ", "hiiragi"), ("ふじ", "fuji"), ("ほたる", "hotaru"),
          ("みかん", "mikan"), ("もみじ", "momiji"), ("やまぶき", "yamabuki"), ("ゆり", "yuri"),
          ("りんどう", "rindo"), ("わかば", "wakaba"), ("オリーブ", "olive"), ("カメリア", "camellia"),
          ("コスモス", "cosmos"), ("サルビア", "salvia"), ("ステラ", "stella"), ("ソレイユ", "soleil"),
          ("ドルフィン", "dolphin"), ("ノース", "north"), ("パール", "pearl"), ("フェニックス", "phoenix"),
          ("ブルーベリー", "blueberry"), ("ポプラ", "poplar"), ("マリン", "marine"), ("ミント", "mint"),
          ("ラベンダー", "lavender"), ("リーフ", "leaf"), ("レインボー", "rainbow"), ("ロータス", "lotus"),
          ("銀河", "ginga"), ("白峰", "shiramine"), ("青葉", "aoba"), ("黒潮", "kuroshio")]
NAME_B = [("かけはし", "kakehashi"), ("つなぐ", "tsunagu"), ("むすび", "musubi"), ("ひかり", "hikari"),
          ("そよかぜ", "soyokaze"), ("ささえ", "sasae"), ("まなざし", "manazashi"), ("ぬくもり", "nukumori"),
          ("きずな", "kizuna"), ("えがお", "egao"), ("あゆみ", "ayumi"), ("みらい", "mirai"),
          ("こころ", "kokoro"), ("いのち", "inochi"), ("ひだまり", "hidamari"), ("ケア", "care"),
          ("メディ", "medi"), ("ヘルス", "health"), ("ライフ", "life"), ("ハート", "heart"),
          ("リンク", "link"), ("ブリッジ", "bridge"), ("スマイル", "smile"), ("ホープ", "hope"),
          ("サポート", "support"), ("ウェーブ", "wave"), ("クローバー", "clover"), ("アイ", "ai"),
          ("ゆい", "yui"), ("わ", "wa")]
NAME_SUFFIX = ["ネット", "ネットワーク", "リンク", "メディカルネット", "ケアネット", "医療ネット",
               "連携ネット", "ねっと", "ライン", "ナビ", "カルテ", "ネットシステム", "ヘルスネット",
               "在宅ネット", "地域ネット", "つながるネット", "安心ネット", "情報ネット", "ケアリンク",
               "ポート"]

OP_FORMS = ["特定非営利活動法人", "NPO法人", "一般社団法人", "公益社団法人", "公益財団法人",
            "任意団体", "", "", ""]
OP_BODIES = ["地域医療連携ネットワーク協議会", "医療情報ネットワーク協会", "診療情報連携推進協議会",
             "地域医療ネットワーク運営協議会", "医療介護連携推進機構", "保健医療情報連携協議会"]
OP_PUBLIC = ["{pref}", "{city}", "{pref}医師会", "{city}医師会", "{city}立総合病院", "{pref}立中央病院",
             "国立大学法人{stem}大学医学部附属病院"]

FUNDS = ["地域医療再生基金", "地域医療再生臨時特例基金", "地域医療介護総合確保基金", "国庫補助",
         "国の補助金", "県費", "県単独予算", "市町村負担金", "会費", "利用料", "自己資金", "自主財源",
         "電子的診療情報評価料", "参加機関の年会費", "医師会の負担金"]
PAYERS = ["情報を開示する中核病院", "参加する全機関", "県", "運営主体", "開示施設", "市町村",
          "医師会", "参加機関（会費）", "県と開示施設", "非公開"]
PRODUCTS = ["ID-Link", "HumanBridge", "SS-MIX2標準化ストレージ", "独自開発システム", "IHE XDS基盤",
            "HL7 FHIRゲートウェイ", "カルテコネクト", "地域連携パス管理システム"]
VENDORS = ["エスイーシー", "NEC", "富士通", "日立", "地元ベンダ", "複数ベンダ"]
STANDARDS = ["SS-MIX2", "IHE", "HL7 v2", "HL7 FHIR", "DICOM", "HS026", "HS025", "JAHIS"]
SERVICES = ["在宅医療・介護の多職種連携", "遠隔画像診断の支援", "救急時の情報共有", "地域連携パスの運用",
            "お薬手帳の電子化", "災害時のバックアップ", "検査結果の患者への開示", "テレビ会議による症例検討",
            "訪問看護記録の共有", "介護施設との連絡帳"]
CONSENT = ["一括同意", "施設ごとに同意", "リスト指定による同意", "包括同意（参加時に説明）"]

SUBJECTS = ["事務局", "協議会", "運営委員会", "県医師会", "郡市医師会", "中核病院の地域連携室",
            "参加する診療所", "薬剤師会", "訪問看護ステーション", "県の担当課", "市町村の保健福祉部門",
            "準備会", "ワーキンググループ", "システムベンダ", "情報システム部門", "理事会", "監事",
            "病院長会議", "地域包括支援センター", "介護支援専門員の部会", "歯科医師会", "看護協会"]
OBJECTS = ["患者の同意取得の手順", "検査結果と処方の共有範囲", "SS-MIX2標準化ストレージの設置",
           "参加機関の募集計画", "運用費用の負担割合", "会費の額と徴収方法", "個人情報保護方針",
           "セキュリティ対策の基準", "閲覧ログの監査", "利用者IDの発行手続き", "説明会の開催日程",
           "地域医療再生基金の申請", "地域医療介護総合確保基金の活用", "システムの更改時期",
           "データセンターの選定", "VPN回線の調達", "受入テストの項目", "障害時の連絡体制",
           "利用状況の評価指標", "登録患者数の目標", "医療介護連携の拡充", "画像データの共有",
           "電子的診療情報評価料の算定", "保守契約の内容", "仕様書の作成", "RFIの実施",
           "構築費用の見積り", "収支計画の見直し", "多職種連携の研修", "災害時の情報共有",
           "医療情報システムの安全管理に関するガイドラインへの対応", "3省2ガイドラインの確認",
           "次期更改の財源", "参加施設へのアンケート", "開示施設と閲覧施設の区分"]
VERBS = ["検討を重ねた", "手順を定めた", "説明会を開いた", "方針を決定した", "見直しを行った",
         "合意を得た", "課題を整理した", "意見を集約した", "試行を始めた", "評価を行った",
         "規程を改定した", "計画を立てた", "調査を実施した", "案を作成した", "協議を続けている",
         "運用を開始した", "周知を図った", "体制を整えた", "予算を確保した", "報告書にまとめた"]
VERBS_PLAIN = ["検討する", "確認する", "整理する", "定める", "見直す", "決定する", "明確にする",
               "共有する", "記録する", "評価する"]
CONNECT = ["その結果、", "また、", "一方で、", "このため、", "さらに、", "具体的には、", "当初は、",
           "現在では、", "あわせて、", "なお、", "特に、", "その後、"]
REASONS = ["参加機関の負担を小さくするため", "患者の安心につなげるため", "医師の協力を得るため",
           "運用費用を持続的に賄うため", "基金の終了後も運営を続けるため", "現場の意見を反映するため",
           "個人情報の取扱いを明確にするため", "他地域の事例に学ぶため", "救急時に迅速に対応するため",
           "介護との連携を深めるため"]
OUTCOMES = ["参加機関が{n}施設まで増えた", "登録患者数が{n}人を超えた", "閲覧件数が月{n}件に達した",
            "紹介状の作成時間が約{p}割減った", "重複検査が減少した", "退院調整が円滑になった",
            "運用費用を年間{m}万円削減できた", "会費収入で運用費用の{p}割を賄えるようになった"]
TERMS = [("SS-MIX2", "厚生労働省電子的診療情報交換推進事業で定められた標準化ストレージの仕様。電子カルテのデータを標準形式で出力し、施設間の連携に用いる。"),
         ("IHE", "医療情報システム間の連携を進めるための国際的な取組み。統合プロファイルとして接続の手順を定める。"),
         ("HL7 FHIR", "医療情報交換の次世代標準。Webの技術を用いてリソース単位でデータを扱う。"),
         ("ID-Link", "地域医療連携で広く使われる製品の一つ。開示施設のデータを閲覧施設から参照できる。"),
         ("HumanBridge", "富士通が提供する地域医療ネットワークの製品。"),
         ("開示施設", "自施設の診療情報をネットワークに公開する医療機関。多くは中核病院。"),
         ("閲覧施設", "ネットワークを通じて他施設の診療情報を参照する医療機関や薬局、介護事業所。"),
         ("地域医療再生基金", "平成21年度に創設された基金。多くのネットワークの構築費用に充てられた。"),
         ("地域医療介護総合確保基金", "平成26年度に創設された基金。医療と介護の連携に関する事業に活用される。"),
         ("電子的診療情報評価料", "診療報酬の一つ。ネットワークを通じて診療情報を取得し評価した場合に算定できる。"),
         ("一括同意", "ネットワークへの参加時に、全施設での情報共有について患者から一度に同意を得る方式。"),
         ("データ出力対応費", "電子カルテからデータを出力するための改修費。構築費用に含めるかどうかで比較の前提が変わる。"),
         ("二次医療圏", "一般の入院医療を提供する区域。多くのネットワークが対象地域の単位とする。"),
         ("VPN", "インターネット上に仮想的な専用線を作る技術。施設間の通信を保護する。"),
         ("運営主体", "ネットワークを運営する団体。NPO法人、一般社団法人、協議会などの形態がある。"),
         ("3省2ガイドライン", "厚生労働省、総務省、経済産業省の3省が定めた2つのガイドラインの総称。")]
FAQ_Q = ["構築費用はどの程度かかりますか", "運用費用は誰が負担していますか", "会費はどのように決めればよいですか",
         "参加機関を増やすにはどうすればよいですか", "患者の同意はどのように取得しますか",
         "SS-MIX2は必須ですか", "基金が終了した後の財源はどうすればよいですか",
         "個人情報保護方針には何を書けばよいですか", "ベンダはどのように選定しますか",
         "システムの更改はいつ行うべきですか", "介護事業所も参加できますか", "薬局との連携は可能ですか",
         "閲覧ログはどのように監査しますか", "障害が起きたときはどうしますか",
         "登録患者数の目標はどのように立てますか", "受入テストでは何を確認しますか"]
GUIDE_TITLES = ["医療情報システムの安全管理に関するガイドライン", "医療情報連携ネットワークの構築と運用の手引き",
                "地域医療連携における情報連携基盤技術仕様の解説", "医療情報を取り扱う情報システム・サービスの提供事業者における安全管理ガイドライン",
                "地域医療情報連携ネットワークの費用と財源に関する調査報告", "医療介護連携推進のための情報共有の手引き"]
CHAPTERS = ["総則", "目的と適用範囲", "組織的安全管理対策", "物理的安全対策", "技術的安全対策",
            "人的安全対策", "情報の破棄", "外部との情報交換", "災害等の非常時の対応", "運用管理規程",
            "費用と財源", "評価と改善"]
STEP_NAMES = {1: "計画", 2: "構築", 3: "運用", 4: "更改"}
STEP_ITEMS = {
    1: ["地域課題、要求事項の抽出", "医療情報連携NWの必要性の検討", "事業概要の決定", "組織の設置",
        "個人情報保護方針等の作成", "ガイドライン・標準規格等の確認", "システム化方針決定",
        "事業計画・収支計画の立案"],
    2: ["工程管理", "仕様書作成・調達", "要件定義・設計", "構築", "テスト"],
    3: ["運用に向けた文書作成", "システム運用保守体制決定", "参加機関の募集・説明・契約",
        "設備工事・導入", "参加患者募集", "評価・課題整理"],
    4: ["改善事項検討", "次期システムの要件整理", "更改費用の確保", "データ移行", "切替と並行稼働"],
}
FW = str.maketrans("0123456789,", "０１２３４５６７８９，")


# ---------------------------------------------------------------------------------------------
# Page identities: path, kind and title are functions of the index only (links need them).

def network_name(k):
    """Case k's unique network name (independent of the seed)."""
    m = len(NAME_A) * len(NAME_B) * len(NAME_SUFFIX)
    j = (k * 7919 + 11) % m          # 7919 is prime and does not divide 24,000: a permutation
    a, rest = divmod(j, len(NAME_B) * len(NAME_SUFFIX))
    b, s = divmod(rest, len(NAME_SUFFIX))
    return NAME_A[a][0] + NAME_B[b][0] + NAME_SUFFIX[s], NAME_A[a][1] + NAME_B[b][1]


def case_slug(block):
    return f"{network_name(block)[1]}{block}"


def identity(i):
    """(path, kind, title) of content page i."""
    block, r = divmod(i, 10)
    name = network_name(block)[0]
    if r == 0:
        return f"/{case_slug(block)}/", "case_overview", f"{name}（全体概要）"
    if r <= 4:
        return f"/{case_slug(block)}_{r}/", "case_step", f"{name}（Step{r} {STEP_NAMES[r]}）"
    if r in (5, 6):
        q = FAQ_Q[(block * 2 + r) % len(FAQ_Q)]
        return f"/faq/q{block * 2 + r - 5}/", "faq", f"よくある質問 {block * 2 + r - 4}：{q}"
    if r == 7:
        term = TERMS[block % len(TERMS)][0]
        return f"/pc-terms/t{block}/", "glossary", f"用語集：{term}（{block + 1}）"
    if r == 8:
        g = GUIDE_TITLES[block % len(GUIDE_TITLES)]
        return f"/guideline/g{block}/", "guideline", f"{g}（第{block % 9 + 1}.{block % 3}版 解説{block}）"
    step = block % 4 + 1
    return f"/process{step}_{block}/", "point", f"実施のポイント：Step{step} {STEP_ITEMS[step][block % len(STEP_ITEMS[step])]}（{block}）"


# ---------------------------------------------------------------------------------------------
# Japanese figures (DOMAIN.md §4)

def wareki(y, rng):
    if y >= 2019:
        n = y - 2018
        return "令和元年" if n == 1 else f"令和{n}年"
    return f"平成{y - 1988}年" if rng.random() < 0.9 else f"H{y - 1988}年"


def num(n, rng):
    s = f"{n:,}"
    return s.translate(FW) if rng.random() < 0.12 else s


def yen(rng):
    """A build or running amount as the pages write it."""
    k = rng.random()
    if k < 0.30:
        return f"約{num(rng.randrange(5, 900) * 100, rng)}万円"
    if k < 0.55:
        return f"{num(rng.randrange(2000, 990000), rng)}千円"
    if k < 0.70:
        return f"{rng.randrange(1, 9)}億{num(rng.randrange(100, 9999), rng)}万円"
    if k < 0.78:
        return f"{rng.randrange(1, 9)}.{rng.randrange(1, 9)}億円"
    if k < 0.84:
        lo = rng.randrange(10, 40) * 100
        return f"約{num(lo, rng)}～約{num(lo + rng.randrange(5, 20) * 100, rng)}万円"
    if k < 0.88:
        return f"{num(rng.randrange(500, 9000) * 10, rng)}千円（うち{num(rng.randrange(100, 500) * 10, rng)}千円は{rng.choice(FUNDS[:3])}）"
    return rng.choice(["総額不明", "非公開", "不明", "各開示施設負担、全体額不明"])


def date_asof(rng):
    y = rng.randrange(2014, 2021)
    return f"{wareki(y, rng)}{rng.randrange(1, 13)}月末時点" if rng.random() < 0.8 else f"{y}年{rng.randrange(1, 13)}月現在"


def sentence(rng):
    t = rng.randrange(9)
    s, o, v = rng.choice(SUBJECTS), rng.choice(OBJECTS), rng.choice(VERBS)
    if t == 0:
        return f"{rng.choice(CONNECT)}{s}は{o}について{v}。"
    if t == 1:
        y = rng.randrange(2005, 2024)
        return f"{wareki(y, rng)}度には、{s}が中心となって{o}の{v.replace('た', 'た', 1)}。" if rng.random() < 0.5 else f"{y}年度から{s}が{o}を担当している。"
    if t == 2:
        return f"{rng.choice(REASONS)}、{s}と{rng.choice(SUBJECTS)}が{o}を{rng.choice(VERBS_PLAIN)}ことにした。"
    if t == 3:
        out = rng.choice(OUTCOMES).format(n=num(rng.randrange(20, 40000), rng), p=rng.randrange(1, 9), m=rng.randrange(50, 3000))
        return f"{rng.choice(CONNECT)}{o}に取り組んだことで、{out}。"
    if t == 4:
        return f"{rng.choice(PREFS)}の{rng.choice(AREAS)}では、{s}が{rng.choice(STANDARDS)}に準拠した{rng.choice(PRODUCTS)}を用いて{o}を{rng.choice(VERBS_PLAIN)}。"
    if t == 5:
        run = yen(rng)
        run = f"年間{run}" if run[0] in "約0123456789０１２３４５６７８９" and rng.random() < 0.6 else run
        return f"構築費用は{yen(rng)}、運用費用は{run}であり、財源には{rng.choice(FUNDS)}と{rng.choice(FUNDS)}を充てた。"
    if t == 6:
        return f"「{o}が最も難しかった」と{s}の担当者は振り返る。"
    if t == 7:
        return f"{s}では、{o}と{rng.choice(OBJECTS)}をあわせて{v}。"
    return f"参加機関数は{num(rng.randrange(20, 900), rng)}施設、登録患者数は約{num(rng.randrange(1000, 90000), rng)}人（{date_asof(rng)}）である。"


PARAGRAPH_SCALE = 1.7   # tuned so that the mean content page is ~17 KB (DOMAIN-like mix of kinds)


def paragraph(rng, n):
    return "<p>" + "".join(sentence(rng) for _ in range(round(n * PARAGRAPH_SCALE))) + "</p>\n"


# ---------------------------------------------------------------------------------------------
# Page bodies

def case_fields(block, rng):
    name, _ = network_name(block)
    pref = PREFS[(block * 13 + rng.randrange(3)) % len(PREFS)]
    city = rng.choice(CITIES)
    start = 2004 + (block * 5 + rng.randrange(3)) % 18
    form = rng.choice(OP_FORMS)
    if form or rng.random() < 0.5:
        op = f"{form} {pref.rstrip('都道府県')}{rng.choice(OP_BODIES)}".strip()
    else:
        op = rng.choice(OP_PUBLIC).format(pref=pref, city=city, stem=pref.rstrip('都道府県') or pref)
    scope = rng.choice([f"{pref}全域", f"{pref}全県域", f"{pref}{rng.choice(AREAS)}二次医療圏",
                        f"{city}及び周辺{rng.randrange(2, 9)}市町", f"{pref}{rng.choice(AREAS)}医療圏"])
    h, c, d, ph = rng.randrange(3, 60), rng.randrange(10, 500), rng.randrange(0, 80), rng.randrange(0, 200)
    nurse, care = rng.randrange(0, 40), rng.randrange(0, 120)
    total = h + c + d + ph + nurse + care
    if rng.random() < 0.5:
        inst = f"{num(total, rng)}（病院{h}、診療所{c}、歯科{d}、薬局{ph}、訪問看護{nurse}、介護事業所{care}）"
    else:
        disc = max(1, h // 2)
        inst = f"{num(total, rng)}（開示{disc}/閲覧{total - disc}）"
    running = yen(rng)
    period = rng.random()
    running = (f"年間{running}" if period < 0.35 else f"月額{running}" if period < 0.5
               else f"{running}(年間)" if period < 0.6 else running)
    return [
        ("対象地域", scope),
        ("人口", f"約{rng.randrange(3, 300) * 1000 // 100 / 10:g}万人（{pref}）" if rng.random() < 0.7 else f"{num(rng.randrange(30000, 2000000), rng)}人"),
        ("構築時の主な関係者", "、".join(rng.sample(SUBJECTS, 3))),
        ("構築費用", f"{yen(rng)}<br />※データ出力対応費を{rng.choice(['含む', '含まない'])}" if rng.random() < 0.8 else yen(rng)),
        ("構築費用の負担者", rng.choice(PAYERS)),
        ("運営主体の運用費用", running),
        ("運用費用の負担者", rng.choice(PAYERS)),
        ("財源", "、".join(rng.sample(FUNDS, rng.randrange(1, 4)))),
        ("会費", rng.choice(["なし", f"病院 {num(rng.randrange(1, 10) * 10000, rng)}円/年、診療所・薬局 {num(rng.randrange(1, 5) * 5000, rng)}円/年",
                             f"月額{num(rng.randrange(1, 10) * 1000, rng)}円（閲覧施設）", "検討中"])),
        ("登録患者数", f"{rng.choice(['', '約'])}{num(rng.randrange(500, 90000), rng)}{rng.choice(['人', '名'])}（{date_asof(rng)}）"),
        ("参加機関数", f"{inst}（{date_asof(rng)}）"),
        ("同意方式", rng.choice(CONSENT)),
        ("主な製品", f"{rng.choice(PRODUCTS)}（{rng.choice(VENDORS)}）"),
        ("標準規格", "、".join(rng.sample(STANDARDS, 2))),
        ("病病・病診連携以外のサービス", "、".join(rng.sample(SERVICES, 2))),
    ], name, op, pref, city, start


def body_case_overview(i, rng):
    block = i // 10
    fields, name, op, pref, city, start = case_fields(block, rng)
    slug = case_slug(block)
    out = [f'<div class="case-head">\n<h1>{name}（{wareki(start, rng) if rng.random() < 0.85 else f"{start}年"}稼働）</h1>\n',
           f'<p class="operator">運営主体：{op}（{pref}{city}）　TEL 0{rng.randrange(10, 99)}-{rng.randrange(100, 999)}-{rng.randrange(1000, 9999)}</p>\n',
           f'<p class="site">公式サイト：<a href="http://www.{slug}.example.jp/">http://www.{slug}.example.jp/</a></p>\n',
           f'<p class="asof">※{date_asof(rng).replace("末時点", "時点")}</p>\n</div>\n<ul class="case-tabs">\n<li class="current"><a href="/{slug}/">全体概要</a></li>\n']
    out += [f'<li><a href="/{slug}_{s}/">Step{s} {STEP_NAMES[s]}</a></li>\n' for s in range(1, 5)]
    out.append("</ul>\n<h2>全体概要</h2>\n")
    layout = rng.randrange(3)
    if layout == 0:
        out.append(f'<table class="case-summary" summary="{name}の全体概要">\n')
        out += [f"<tr><th>{k}</th><td>{v}</td></tr>\n" for k, v in fields]
        out.append("</table>\n")
    elif layout == 1:
        out.append('<dl class="case-summary">\n')
        out += [f"<dt>{k}</dt><dd>{v}</dd>\n" for k, v in fields]
        out.append("</dl>\n")
    else:
        out.append('<div class="case-summary">\n')
        out += [f"<p>{k}：{v}</p>\n" for k, v in fields]
        out.append("</div>\n")
    out.append(f"<h3>概要</h3>\n" + paragraph(rng, 6))
    out.append('<h2 id="tokucho">特徴</h2>\n<ol class="circled">\n')
    marks = "①②③④⑤" if rng.random() < 0.5 else "12345"
    out += [f"<li>{marks[j]}{sentence(rng)}</li>\n" for j in range(rng.randrange(3, 6))]
    out.append('</ol>\n<h2 id="seiko">成功要因</h2>\n')
    out += [paragraph(rng, rng.randrange(5, 9)) for _ in range(rng.randrange(4, 8))]
    return "".join(out)


def body_case_step(i, rng):
    block, r = divmod(i, 10)
    name = network_name(block)[0]
    out = [f"<h1>{name}　Step{r} {STEP_NAMES[r]}</h1>\n", f'<table class="step-table">\n<tr><th>項目</th><th>実施内容</th><th>期間</th></tr>\n']
    for item in STEP_ITEMS[r]:
        y = rng.randrange(2005, 2022)
        out.append(f"<tr><td>{item}</td><td>{sentence(rng)}{sentence(rng)}</td><td>{wareki(y, rng)}{rng.randrange(1, 13)}月～{rng.randrange(1, 13)}月</td></tr>\n")
    out.append("</table>\n<h2>取組みの詳細</h2>\n")
    out += [paragraph(rng, rng.randrange(5, 10)) for _ in range(rng.randrange(5, 9))]
    out.append(f"<h2>担当者の声</h2>\n<blockquote>{sentence(rng)}{sentence(rng)}</blockquote>\n")
    return "".join(out)


def body_faq(i, rng):
    _, _, title = identity(i)
    out = [f"<h1>{title}</h1>\n", '<div class="answer">\n']
    out += [paragraph(rng, rng.randrange(4, 8)) for _ in range(rng.randrange(3, 6))]
    out.append("</div>\n<h2>関連する質問</h2>\n<dl class=\"faq\">\n")
    for _ in range(rng.randrange(3, 7)):
        out.append(f"<dt>Q. {rng.choice(FAQ_Q)}？</dt><dd>A. {sentence(rng)}{sentence(rng)}</dd>\n")
    out.append("</dl>\n")
    return "".join(out)


def body_glossary(i, rng):
    block = i // 10
    term, definition = TERMS[block % len(TERMS)]
    out = [f"<h1>用語集：{term}</h1>\n<p class=\"definition\">{definition}</p>\n<h2>関連用語</h2>\n<dl class=\"terms\">\n"]
    for t, d in rng.sample(TERMS, 6):
        out.append(f"<dt>{t}</dt><dd>{d}{sentence(rng)}</dd>\n")
    out.append("</dl>\n<h2>使われ方の例</h2>\n")
    out += [paragraph(rng, rng.randrange(4, 8)) for _ in range(rng.randrange(3, 6))]
    return "".join(out)


def body_guideline(i, rng):
    _, _, title = identity(i)
    y = rng.randrange(2009, 2024)
    out = [f"<h1>{title}</h1>\n<p class=\"issued\">{wareki(y, rng)}{rng.randrange(1, 13)}月　厚生労働省 医政局</p>\n"]
    for c, chap in enumerate(rng.sample(CHAPTERS, rng.randrange(6, 10)), 1):
        out.append(f"<h2>第{c}章 {chap}</h2>\n")
        for s in range(1, rng.randrange(3, 6)):
            out.append(f"<h3>{c}.{s} {rng.choice(OBJECTS)}</h3>\n")
            out += [paragraph(rng, rng.randrange(4, 8)) for _ in range(rng.randrange(2, 4))]
            if rng.random() < 0.3:
                out.append("<ul>\n" + "".join(f"<li>{rng.choice(OBJECTS)}を{rng.choice(VERBS_PLAIN)}こと。</li>\n" for _ in range(4)) + "</ul>\n")
    return "".join(out)


def body_point(i, rng):
    _, _, title = identity(i)
    out = [f"<h1>{title}</h1>\n<h2>ポイント</h2>\n<ol>\n"]
    out += [f"<li>{sentence(rng)}</li>\n" for _ in range(rng.randrange(3, 7))]
    out.append("</ol>\n<h2>事例から</h2>\n")
    out += [paragraph(rng, rng.randrange(5, 9)) for _ in range(rng.randrange(4, 8))]
    return "".join(out)


BODIES = {"case_overview": body_case_overview, "case_step": body_case_step, "faq": body_faq,
          "glossary": body_glossary, "guideline": body_guideline, "point": body_point}


# ---------------------------------------------------------------------------------------------
# Chrome and encoding

GNAV = ('<ul id="gnav">\n<li><a href="/">ホーム</a></li>\n<li><a href="/process/">ネットワークの構築手順</a>\n<ul>\n'
        + "".join(f'<li><a href="/process{s}_{s - 1}/">Step{s} {STEP_NAMES[s]}</a></li>\n' for s in range(1, 5))
        + '</ul></li>\n<li><a href="/pc-pickupcase/">ピックアップ事例</a></li>\n<li><a href="/faq/">よくある質問</a></li>\n'
        '<li><a href="/pc-terms/">用語集</a></li>\n<li><a href="/sitemap/">サイトマップ</a></li>\n</ul>\n')
FOOTER = ('<div id="footer">\n<ul class="fnav"><li><a href="/">ホーム</a></li><li><a href="/sitemap/">サイトマップ</a></li>'
          '<li><a href="/faq/">よくある質問</a></li></ul>\n<p class="copyright">Copyright &copy; 厚生労働省 Ministry of Health, Labour and Welfare, All Right reserved.</p>\n</div>\n')
CRUMB = {"case_overview": '<a href="/pc-pickupcase/">ピックアップ事例</a>', "case_step": '<a href="/pc-pickupcase/">ピックアップ事例</a>',
         "faq": '<a href="/faq/">よくある質問</a>', "glossary": '<a href="/pc-terms/">用語集</a>',
         "guideline": '<a href="/sitemap/">ガイドライン</a>', "point": '<a href="/process/">ネットワークの構築手順</a>'}


def encoding_of(i, seed):
    """'Shift_JIS' for ~20 % of pages, 'EUC-JP' for ~1 %, else 'UTF-8' (hash of seed and index)."""
    h = int.from_bytes(hashlib.blake2b(f"{seed}:{i}:enc".encode(), digest_size=4).digest(), "big") % 100
    return "Shift_JIS" if h < 20 else "EUC-JP" if h == 20 else "UTF-8"


def wrap(title, charset, crumb, body, related):
    meta = (f'<meta http-equiv="Content-Type" content="text/html; charset={charset}">' if charset == "EUC-JP"
            else f'<meta charset="{charset}">')
    rel = "".join(f'<li><a href="{p}">{t}</a></li>\n' for p, t in related)
    return (f'<!DOCTYPE html>\n<html lang="ja">\n<head>\n{meta}\n<title>{title}｜{SITE}</title>\n'
            f'<script>window.naviPage = {{ note: "アクセス解析の設定値であり本文ではない" }};</script>\n</head>\n<body>\n'
            f'<div id="header"><p class="logo"><a href="/">{SITE}</a></p>\n{GNAV}</div>\n'
            f'<div class="breadcrumb"><a href="/">ホーム</a> &gt; {crumb}{" &gt; " if crumb else ""}<span>{title}</span></div>\n'
            f'<div id="main">\n{body}<div class="related">\n<h2>関連ページ</h2>\n<ul>\n{rel}</ul>\n</div>\n</div>\n'
            f'{FOOTER}</body>\n</html>\n')


def encode(text, charset):
    if charset == "Shift_JIS":
        return text.encode("cp932")
    if charset == "EUC-JP":
        # Python's euc_jp lacks ① and ～(U+FF5E); real EUC-JP-MS pages write ～ as 〜.
        return text.replace("～", "〜").translate({ord(c): f"({n})" for n, c in enumerate("①②③④⑤", 1)}).encode("euc_jp")
    return text.encode("utf-8")


def content_page(i, n, seed, variant):
    path, kind, title = identity(i)
    rng = random.Random(f"{seed}:{i}:{variant}")
    body = BODIES[kind](i, rng)
    if variant:
        body = f'<p class="update">※{wareki(2019 + variant % 6, rng)}{variant % 12 + 1}月更新（改訂{variant}）</p>\n' + body
    lrng = random.Random(f"{seed}:{i}:links")
    related = [identity(j)[::2] for j in sorted(set(lrng.randrange(n) for _ in range(lrng.randrange(5, 21)))) if j != i]
    charset = encoding_of(i, seed)
    return path, encode(wrap(title, charset, CRUMB[kind], body, related), charset)


def list_pages(n, per=100):
    """The top page and the list pages: every content page is two links from /."""
    pages = []
    nlists = (n + per - 1) // per
    cases = [j for j in range(0, n, 10)]
    items = "".join(f'<li><a href="/sitemap/{k}/">サイトマップ {k + 1}（{k * per + 1}～{min(n, (k + 1) * per)}）</a></li>\n' for k in range(nlists))
    top = ('<h1>医療情報連携ネットワーク支援Naviへようこそ</h1>\n<p>地域医療情報連携ネットワークの計画、構築、運用、更改に役立つ情報と事例を掲載しています。</p>\n'
           f'<h2>サイトマップ</h2>\n<ul class="sitemap">\n{items}</ul>\n')
    pages.append(("/", wrap("ホーム", "UTF-8", "", top, [])))
    pages.append(("/sitemap/", wrap("サイトマップ", "UTF-8", "", f'<ul class="sitemap">\n{items}</ul>\n', [])))
    for k in range(nlists):
        lis = "".join(f'<li><a href="{identity(j)[0]}">{identity(j)[2]}</a></li>\n' for j in range(k * per, min(n, (k + 1) * per)))
        pages.append((f"/sitemap/{k}/", wrap(f"サイトマップ {k + 1}", "UTF-8", '<a href="/sitemap/">サイトマップ</a>', f"<ul>\n{lis}</ul>\n", [])))
    npick = (len(cases) + per - 1) // per
    for k in range(npick):
        lis = "".join(f'<li><a href="{identity(j)[0]}">{network_name(j // 10)[0]}</a></li>\n' for j in cases[k * per:(k + 1) * per])
        nxt = f'<p class="pager"><a href="/pc-pickupcase/p{k + 1}/">次へ</a></p>\n' if k + 1 < npick else ""
        pages.append(("/pc-pickupcase/" if k == 0 else f"/pc-pickupcase/p{k}/",
                      wrap("ピックアップ事例" if k == 0 else f"ピックアップ事例 {k + 1}", "UTF-8", "", f"<ul class=\"cases\">\n{lis}</ul>\n{nxt}", [])))
    for path, title in (("/faq/", "よくある質問"), ("/pc-terms/", "用語集"), ("/process/", "ネットワークの構築手順")):
        kind = {"/faq/": ("faq",), "/pc-terms/": ("glossary",), "/process/": ("point",)}[path]
        lis = "".join(f'<li><a href="{identity(j)[0]}">{identity(j)[2]}</a></li>\n' for j in range(min(n, 1000)) if identity(j)[1] in kind)
        pages.append((path, wrap(title, "UTF-8", "", f"<ul>\n{lis}</ul>\n", [])))
    return [(p, t.encode("utf-8")) for p, t in pages]


def write(root, path, data):
    d = root / path.strip("/")
    d.mkdir(parents=True, exist_ok=True)
    (d / "index.html").write_bytes(data)
    return len(data)


def mutated_set(n, seed, percent):
    k = max(1, round(n * percent / 100)) if percent > 0 else 0
    return sorted(random.Random(f"{seed}:mutate:{percent}").sample(range(n), k))


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--out", type=pathlib.Path)
    ap.add_argument("--pages", type=int, default=2000)
    ap.add_argument("--seed", default="1")
    ap.add_argument("--mutate", type=float, metavar="PERCENT", help="rewrite this share of the pages in place")
    ap.add_argument("--variant", type=int, default=None, help="content variant for --mutate (default: one more than the last; 0 restores)")
    ap.add_argument("--if-missing", action="store_true", help="do nothing if <out> already holds this pristine corpus")
    ap.add_argument("--name", type=int, metavar="K", help="print case K's network name and slug, and exit")
    a = ap.parse_args()
    if a.name is not None:
        print(network_name(a.name)[0], case_slug(a.name), identity(a.name * 10)[0])
        return 0
    if not a.out:
        ap.error("--out is required")
    root = a.out / HOST
    stamp_file = a.out / ".gen-stamp"
    want = {"seed": a.seed, "pages": a.pages, "version": GEN_VERSION}
    stamp = json.loads(stamp_file.read_text()) if stamp_file.exists() else {}
    t0 = time.time()

    if a.mutate is not None:
        if {k: stamp.get(k) for k in want} != want:
            sys.exit(f"gen_corpus: {a.out} does not hold a corpus of --pages {a.pages} --seed {a.seed}; generate it first")
        variant = a.variant if a.variant is not None else stamp.get("variant", 0) + 1
        idx = mutated_set(a.pages, a.seed, a.mutate)
        total = sum(write(root, *content_page(i, a.pages, a.seed, variant)) for i in idx)
        stamp.update(variant=variant, mutated_percent=a.mutate if variant else 0)
        stamp_file.write_text(json.dumps(stamp))
        print(f"gen_corpus: rewrote {len(idx)} pages ({a.mutate}%, variant {variant}), {total:,} bytes, {time.time() - t0:.1f} s")
        return 0

    if a.if_missing and {k: stamp.get(k) for k in want} == want and stamp.get("variant", 0) == 0:
        print(f"gen_corpus: {a.out} already holds --pages {a.pages} --seed {a.seed} ({stamp.get('bytes', 0):,} bytes); reused")
        return 0
    if stamp_file.exists():
        stamp_file.unlink()
    if root.exists():
        import shutil
        shutil.rmtree(root)
    root.mkdir(parents=True)
    total = 0
    counts = {}
    for i in range(a.pages):
        path, data = content_page(i, a.pages, a.seed, 0)
        total += write(root, path, data)
        cs = encoding_of(i, a.seed)
        counts[cs] = counts.get(cs, 0) + 1
    lists = list_pages(a.pages)
    ltotal = sum(write(root, p, d) for p, d in lists)
    stamp_file.write_text(json.dumps(dict(want, variant=0, bytes=total + ltotal, files=a.pages + len(lists))))
    enc = ", ".join(f"{k} {v}" for k, v in sorted(counts.items()))
    print(f"gen_corpus: {a.pages} content pages ({enc}) + {len(lists)} list pages in {root}")
    print(f"gen_corpus: total {total + ltotal:,} bytes ({(total + ltotal) / 1e6:.1f} MB), "
          f"mean content page {total / max(1, a.pages) / 1024:.1f} KiB, {time.time() - t0:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
