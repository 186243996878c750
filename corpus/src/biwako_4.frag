title: びわ湖メディカルネット（Step4 更改）
charset: UTF-8
meta: charset
chrome: new
crumbs: ピックアップ事例=/pc-pickupcase/ > びわ湖メディカルネット=/biwako/ > Step4 更改
comment: 更改フェーズの記事（びわ湖メディカルネット）。編集用のメモ
script: タブの初期表示をStep4にする
---
<h1>びわ湖メディカルネット　Step4：更改</h1>
{{tabs:biwako:4}}
<h2>更改に向けて</h2>
<p>段階的に整備した経緯から、機器ごとに更新の時期が異なる。協議会では、更改の時期をそろえて費用を抑える方法を検討している。</p>
<ul>
  <li>改善事項の検討：医療と介護の情報共有の拡充。</li>
  <li>更改費用：地域医療介護総合確保基金の活用を含め、財源の組み合わせを検討する。</li>
</ul>
<p class="source">本ページは senrei のサンプルコーパス用に作成した要約であり、公開されている次のページの記載に基づく。出典：http://renkei-support.mhlw.go.jp/biwako_4/</p>
