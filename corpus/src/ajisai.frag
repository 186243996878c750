title: あじさいネット（全体概要）
charset: Shift_JIS
meta: http-equiv
chrome: old
crumbs: ピックアップ事例=/pc-pickupcase/ > あじさいネット
comment: 旧テンプレート。掲載内容は運営主体の確認済み版に差し替えること
script: アクセス解析の設定値であり本文ではない
---
<div class="case-head">
  <h1>あじさいネット（平成16年稼働）</h1>
  <p class="operator">運営主体：特定非営利活動法人 長崎地域医療連携ネットワークシステム協議会（長崎県）</p>
  <p class="asof">※平成29年2月時点</p>
</div>
<ul class="case-tabs">
  <li class="current"><a href="/ajisai/">全体概要</a></li>
  <li><a href="/ajisai_1/">Step1 計画</a></li>
  <li><a href="/ajisai_2/">Step2 構築</a></li>
  <li><a href="/ajisai_3/">Step3 運用</a></li>
  <li><a href="/ajisai_4/">Step4 更改</a></li>
</ul>
<h2>全体概要</h2>
<table class="case-summary" summary="あじさいネットの全体概要">
  <tr><th>対象地域</th><td>長崎県全域</td></tr>
  <tr><th>人口</th><td>約143万人（長崎県）</td></tr>
  <tr><th>構築時の主な関係者</th><td>県内の中核病院、地域の医師会、参加を希望する診療所</td></tr>
  <tr><th colspan="2" class="group">費用負担</th></tr>
  <tr><th>構築費用</th><td>約2,000万円<br />※データ出力対応費を含まない</td></tr>
  <tr><th>負担者</th><td>情報を開示する中核病院</td></tr>
  <tr><th>運営主体の運用費用</th><td>非公開</td></tr>
  <tr><th>負担者</th><td>非公開</td></tr>
  <tr><th colspan="2" class="group">規模</th></tr>
  <tr><th>登録患者数</th><td>61,134人（平成29年1月末時点）</td></tr>
  <tr><th>参加機関数</th><td>323（開示32/閲覧293）（平成29年1月末時点）</td></tr>
  <tr><th>病病・病診連携以外のサービス</th><td>在宅医療・介護の多職種連携、遠隔画像診断の支援</td></tr>
  <tr><th>概要</th><td>県内の中核病院が持つ診療情報（検査結果、処方、画像、退院時の記録など）を、患者の同意を得たうえで、地域のかかりつけ医が安全な回線を通じて閲覧できる仕組み。長崎県全域を対象とし、全国でも早い時期から運用が続いている。</td></tr>
</table>

<h2 id="tokucho">特徴</h2>
<ol class="circled">
  <li>①医師が中心となって立ち上げ、現場の診療に役立つことを最優先に機能を選んできた。</li>
  <li>②情報を開示する施設と閲覧する施設を分け、閲覧側の負担を小さくすることで参加機関を増やした。</li>
  <li>③一つの地域から始め、県全域へと段階的に対象を広げた。</li>
</ol>

<h2 id="seiko">成功要因</h2>
<p>立ち上げの段階から、病院と診療所の医師が顔を合わせて使い方を話し合い、「使われる仕組み」を優先したことが大きい。構築費用は約2,000万円（データ出力対応費を含まない）で、大きな投資をせずに始められたことも参加のしやすさにつながった。</p>
<p>また、運用開始後も利用者の声を受けて機能を少しずつ見直し、患者の同意取得の手順を参加機関で共有したことが、登録患者数の伸びにつながった。</p>

<div class="note">
  <p>各Step（計画～更改）の取組みは、上のタブから参照できる。</p>
  <p>本ページは senrei のサンプルコーパス用に作成した要約であり、公開されている次のページの記載に基づく。出典：http://renkei-support.mhlw.go.jp/ajisai/</p>
  <p class="editor">要約担当：髙野（サンプル作成用の架空の担当者名）</p>
</div>
