title: 晴れやかネット（Step4 更改）
charset: UTF-8
meta: http-equiv
chrome: old
crumbs: ピックアップ事例=/pc-pickupcase/ > 晴れやかネット=/hareyaka/ > Step4 更改
comment: 更改フェーズの記事（晴れやかネット）。編集用のメモ
script: タブの初期表示をStep4にする
---
<h1>晴れやかネット　Step4：更改</h1>
{{tabs:hareyaka:4}}
<h2>更改の考え方</h2>
<p>機器の保守期限に合わせて、およそ5年ごとの更改を想定している。更改の際には、運用の中で集めた改善事項をもとに、必要な機能と費用を見直す。</p>
<ul>
  <li>改善事項の検討：診療所からの情報登録のしやすさ、画像の共有。</li>
  <li>更改費用：運用費用とは別に、更改に備えた資金の確保を計画に組み込む。</li>
</ul>
<p class="source">本ページは senrei のサンプルコーパス用に作成した要約であり、公開されている次のページの記載に基づく。出典：http://renkei-support.mhlw.go.jp/hareyaka_4/</p>
