title: ピカピカリンク（Step4 更改）
charset: UTF-8
meta: http-equiv
chrome: old
crumbs: ピックアップ事例=/pc-pickupcase/ > ピカピカリンク=/picapica/ > Step4 更改
comment: 更改フェーズの記事（ピカピカリンク）。編集用のメモ
script: タブの初期表示をStep4にする
---
<h1>ピカピカリンク　Step4：更改</h1>
{{tabs:picapica:4}}
<h2>更改に向けて</h2>
<p>稼働から年数がたち、機器の保守期限を見据えた更改の検討が必要になった。協議会では、これまでの運用で出された改善事項を整理し、次のシステムに求める機能をまとめている。</p>
<ul>
  <li>改善事項の検討：閲覧の操作性、共有する情報の追加、介護分野との連携。</li>
  <li>更改費用の確保：更改にかかる費用を誰がどのように負担するかを、県や参加機関と協議する。</li>
</ul>
<p class="source">本ページは senrei のサンプルコーパス用に作成した要約であり、公開されている次のページの記載に基づく。出典：http://renkei-support.mhlw.go.jp/picapica_4/</p>
