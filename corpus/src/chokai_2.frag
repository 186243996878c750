title: ちょうかいネット（Step2 構築）
charset: UTF-8
meta: charset
chrome: new
crumbs: ピックアップ事例=/pc-pickupcase/ > ちょうかいネット=/chokai/ > Step2 構築
comment: 構築フェーズの記事（ちょうかいネット）。編集用のメモ
script: タブの初期表示をStep2にする
---
<h1>ちょうかいネット　Step2：構築</h1>
{{tabs:chokai:2}}
<h2>構築の進め方</h2>
<p>構築は二つの事業に分けて進め、費用は２９，９２５千円と４０，１０５千円である。いずれも地域医療再生基金を財源とした。</p>
<ul>
  <li>仕様書作成・調達：中核病院の既存システムと接続できることを条件とした。</li>
  <li>要件定義・設計：閲覧できる情報の範囲と、同意を得る手順を決めた。</li>
  <li>テスト：稼働前に、地域の診療所で閲覧の操作を確かめた。</li>
</ul>
<p class="source">本ページは senrei のサンプルコーパス用に作成した要約であり、公開されている次のページの記載に基づく。出典：https://renkei-support.mhlw.go.jp/chokai_2/</p>
