title: アザレアネット（全体概要）
charset: UTF-8
meta: http-equiv
chrome: old
crumbs: ピックアップ事例=/pc-pickupcase/ > アザレアネット
comment: 表組みは旧CMSの出力をそのまま使用
script: 印刷用スタイルの切り替え
---
<div class="case-head">
  <h1>アザレアネット（平成24年稼働）</h1>
  <p class="operator">運営主体：任意団体 くるめ診療情報ネットワーク協議会（福岡県久留米市）</p>
  <p class="asof">※平成28年12月時点</p>
</div>
<ul class="case-tabs">
  <li class="current"><a href="/azalea/">全体概要</a></li>
  <li><a href="/azalea_1/">Step1 計画</a></li>
  <li><a href="/azalea_2/">Step2 構築</a></li>
  <li><a href="/azalea_3/">Step3 運用</a></li>
  <li><a href="/azalea_4/">Step4 更改</a></li>
</ul>
<h2>全体概要</h2>
<table class="case-summary" border="1" cellpadding="4">
  <tr><td bgcolor="#eeeeee">対象地域</td><td>久留米医療圏（福岡県の二次医療圏）</td></tr>
  <tr><td bgcolor="#eeeeee">構築時の主な関係者</td><td>圏域内の中核病院、地域の医師会</td></tr>
  <tr><td bgcolor="#eeeeee" colspan="2">費用負担</td></tr>
  <tr><td bgcolor="#eeeeee">構築費用</td><td>各開示施設の負担（全体額は不明）</td></tr>
  <tr><td bgcolor="#eeeeee">負担者</td><td>各開示施設</td></tr>
  <tr><td bgcolor="#eeeeee">運営主体の運用費用</td><td>2,258千円/年</td></tr>
  <tr><td bgcolor="#eeeeee" colspan="2">規模</td></tr>
  <tr><td bgcolor="#eeeeee">登録患者数</td><td>8,899人（平成28年11月末時点）</td></tr>
  <tr><td bgcolor="#eeeeee">参加機関数</td><td>179施設（平成28年12月1日時点）</td></tr>
  <tr><td bgcolor="#eeeeee">病病・病診連携以外のサービス</td><td>在宅医療を担う診療所・訪問看護との情報共有</td></tr>
  <tr><td bgcolor="#eeeeee">概要</td><td>久留米医療圏の中核病院が、それぞれ導入した地域連携システムを通じて診療情報を開示し、圏域の診療所などが閲覧する。協議会はシステムを一括して所有せず、開示施設ごとの仕組みを共通のルールで束ねている。</td></tr>
</table>

<h2 id="tokucho">特徴</h2>
<ul>
  <li>構築費用は情報を開示する各病院が自ら負担しており、協議会としての全体額は把握していない。</li>
  <li>運営主体の運用費用は年間2,258千円と小さく、事務局機能を中心とした運営にとどめている。</li>
  <li>同意書や運用規程の様式を協議会で統一し、どの開示施設の情報でも同じ手順で閲覧できるようにした。</li>
</ul>

<h2 id="seiko">成功要因</h2>
<p>複数の中核病院が競い合うのではなく、協議会という場で「地域として一つのネットワークに見えること」を優先して合意した点が大きい。開示施設が自ら費用を負担する形にしたことで、協議会の財政負担が軽く、補助金の終了に左右されにくい体制になった。</p>
<p>医師会が診療所への説明を担い、病院側の地域連携室と役割を分けて参加機関を増やしていった。</p>

<div class="note">
  <p>本ページは senrei のサンプルコーパス用に作成した要約であり、公開されている次のページの記載に基づく。出典：http://renkei-support.mhlw.go.jp/azalea/</p>
</div>
