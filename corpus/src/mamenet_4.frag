title: まめネット（Step4 更改）
charset: UTF-8
meta: http-equiv
chrome: old
crumbs: ピックアップ事例=/pc-pickupcase/ > まめネット=/mamenet/ > Step4 更改
comment: 更改フェーズの記事（まめネット）。編集用のメモ
script: タブの初期表示をStep4にする
---
<h1>まめネット　Step4：更改</h1>
{{tabs:mamenet:4}}
<h2>更改の考え方</h2>
<p>共通基盤と各サービスを分けて更改できる構成にしているため、一度にすべてを入れ替える必要はない。更改の計画では、サービスごとの利用状況と費用を比べて優先順位を決める。</p>
<ul>
  <li>改善事項の検討：利用の多いサービスの機能強化。</li>
  <li>更改費用：利用料の水準と合わせて、長期の資金計画を立てる。</li>
</ul>
<p class="source">本ページは senrei のサンプルコーパス用に作成した要約であり、公開されている次のページの記載に基づく。出典：http://renkei-support.mhlw.go.jp/mamenet_4/</p>
