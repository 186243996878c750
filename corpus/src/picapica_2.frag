title: ピカピカリンク（Step2 構築）
charset: UTF-8
meta: http-equiv
chrome: old
crumbs: ピックアップ事例=/pc-pickupcase/ > ピカピカリンク=/picapica/ > Step2 構築
comment: 構築フェーズの記事（ピカピカリンク）。編集用のメモ
script: タブの初期表示をStep2にする
---
<h1>ピカピカリンク　Step2：構築</h1>
{{tabs:picapica:2}}
<h2>構築の進め方</h2>
<p>協議会の事務局が工程管理を担い、参加予定の病院の担当者と定期的に進み具合を確認した。</p>
<ul>
  <li>仕様書作成・調達：県全域で使うことを前提に、参加機関が増えても対応できる構成を求めた。</li>
  <li>要件定義・設計：共有する情報の種類と、閲覧できる期間を決めた。</li>
  <li>テスト：稼働前に、病院と診療所の双方で閲覧と同意の手続きを試した。</li>
</ul>
<p>平成22年の稼働に合わせて、操作の手引きを作成した。</p>
<p class="source">本ページは senrei のサンプルコーパス用に作成した要約であり、公開されている次のページの記載に基づく。出典：http://renkei-support.mhlw.go.jp/picapica_2/</p>
