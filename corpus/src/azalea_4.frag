title: アザレアネット（Step4 更改）
charset: UTF-8
meta: http-equiv
chrome: old
crumbs: ピックアップ事例=/pc-pickupcase/ > アザレアネット=/azalea/ > Step4 更改
comment: 更改フェーズの記事（アザレアネット）。編集用のメモ
script: タブの初期表示をStep4にする
---
<h1>アザレアネット　Step4：更改</h1>
{{tabs:azalea:4}}
<h2>更改の考え方</h2>
<p>システムは開示施設ごとに導入されているため、更改の時期も病院ごとに異なる。協議会は、更改の際にも閲覧の手順が変わらないよう、各病院と事前に調整している。</p>
<ul>
  <li>改善事項の検討：診療所からの要望を協議会で集め、各開示施設に伝える。</li>
  <li>更改費用：各開示施設が負担する。</li>
</ul>
<p class="source">本ページは senrei のサンプルコーパス用に作成した要約であり、公開されている次のページの記載に基づく。出典：http://renkei-support.mhlw.go.jp/azalea_4/</p>
