title: 晴れやかネット（全体概要）
charset: Shift_JIS
meta: http-equiv
chrome: old
crumbs: ピックアップ事例=/pc-pickupcase/ > 晴れやかネット
comment: 数値は運営主体提供資料より転記
script: 画像の遅延読み込み
---
<div class="case-head">
  <h1>晴れやかネット（平成25年稼働）</h1>
  <p class="operator">運営主体：一般社団法人 医療ネットワーク岡山協議会（岡山県）</p>
  <p class="asof">※平成29年3月時点</p>
</div>
<ul class="case-tabs">
  <li class="current"><a href="/hareyaka/">全体概要</a></li>
  <li><a href="/hareyaka_1/">Step1 計画</a></li>
  <li><a href="/hareyaka_2/">Step2 構築</a></li>
  <li><a href="/hareyaka_3/">Step3 運用</a></li>
  <li><a href="/hareyaka_4/">Step4 更改</a></li>
</ul>
<h2>全体概要</h2>
<table class="case-summary">
  <tr><th scope="row">対象地域</th><td>岡山県全域</td></tr>
  <tr><th scope="row">人口</th><td>約190万人（岡山県）</td></tr>
  <tr><th scope="row">構築時の主な関係者</th><td>岡山県、県医師会、県内の中核病院・大学病院</td></tr>
  <tr><th scope="rowgroup" rowspan="4">費用負担</th>
      <td>構築費用：950,007千円<br />※データ出力対応費を含む</td></tr>
  <tr><td>負担者：運営主体（構築には地域医療再生基金を活用した）</td></tr>
  <tr><td>運営主体の運用費用：50,000千円/年</td></tr>
  <tr><td>負担者：運営主体（参加機関の会費などで賄う）</td></tr>
  <tr><th scope="rowgroup" rowspan="2">規模</th>
      <td>登録患者数：12,166人（平成29年2月末時点）</td></tr>
  <tr><td>参加機関数：429施設（平成29年3月1日時点）</td></tr>
  <tr><th scope="row">病病・病診連携以外のサービス</th><td>遠隔画像診断、在宅医療・介護との連携、医療機関同士の紹介状のやり取り</td></tr>
  <tr><th scope="row">概要</th><td>岡山県全域の病院と診療所を結ぶ県単位のネットワーク。中核病院の電子カルテから出力した診療情報を共有サーバに集め、患者の同意を得た参加機関が閲覧する。構築費用には、各病院の電子カルテからデータを出力するための対応費も含まれている。</td></tr>
</table>

<h2 id="tokucho">特徴</h2>
<ol class="circled">
  <li>①県医師会と県が中心となって一般社団法人を設立し、運営主体の責任と権限をはっきりさせた。</li>
  <li>②中核病院の情報を閲覧するだけでなく、診療所からも情報を登録できる双方向の連携を目指した。</li>
  <li>③標準規格（SS-MIX2）に沿ってデータを出力し、電子カルテの製品が異なる病院同士でも情報を共有できるようにした。</li>
</ol>

<h2 id="seiko">成功要因</h2>
<p>法人化によって契約や会計の主体が明確になり、参加機関にとって「誰が責任を持つネットワークか」が分かりやすくなった。年間50,000千円の運用費用を見込んだ事業収支計画を早い段階で作り、会費の考え方を参加機関に丁寧に説明したことも、参加の広がりにつながった。</p>
<p>一方で、事務局からは、計画の段階で参考にできる事例が少なく、運営の実務的な情報を集めるのに苦労したという声が聞かれた。</p>

<div class="note">
  <p>各Step（計画～更改）の詳細は、上のタブから参照できる。</p>
  <p>本ページは senrei のサンプルコーパス用に作成した要約であり、公開されている次のページの記載に基づく。出典：http://renkei-support.mhlw.go.jp/hareyaka/</p>
  <p class="editor">要約担当：髙田（サンプル作成用の架空の担当者名）</p>
</div>
