title: まめネット（Step2 構築）
charset: UTF-8
meta: http-equiv
chrome: old
crumbs: ピックアップ事例=/pc-pickupcase/ > まめネット=/mamenet/ > Step2 構築
comment: 構築フェーズの記事（まめネット）。編集用のメモ
script: タブの初期表示をStep2にする
---
<h1>まめネット　Step2：構築</h1>
{{tabs:mamenet:2}}
<h2>構築の進め方</h2>
<p>構築費用は434,000千円で、データ出力対応費は含まない。各医療機関の電子カルテからの出力は、それぞれの機関の対応として扱った。</p>
<ul>
  <li>仕様書作成・調達：共通基盤と各サービスを分けて調達できるようにした。</li>
  <li>要件定義・設計：サービスごとに、利用する職種と共有する情報を決めた。</li>
  <li>テスト：サービスごとに参加予定の機関で試行した。</li>
</ul>
<p class="source">本ページは senrei のサンプルコーパス用に作成した要約であり、公開されている次のページの記載に基づく。出典：http://renkei-support.mhlw.go.jp/mamenet_2/</p>
