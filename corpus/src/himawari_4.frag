title: さどひまわりネット（Step4 更改）
charset: UTF-8
meta: charset
chrome: new
crumbs: ピックアップ事例=/pc-pickupcase/ > さどひまわりネット=/himawari/ > Step4 更改
comment: 更改フェーズの記事（さどひまわりネット）。編集用のメモ
script: タブの初期表示をStep4にする
---
<h1>さどひまわりネット　Step4：更改</h1>
{{tabs:himawari:4}}
<h2>更改に向けて</h2>
<p>利用料で運用を続けている以上、更改の費用をどのように確保するかが大きな課題である。運営主体では、更改の時期と費用の見込みを早めに示し、参加機関と負担のあり方を話し合うことにしている。</p>
<ul>
  <li>改善事項の検討：介護の現場で使いやすい画面や、共有する情報の追加。</li>
  <li>更改費用の確保：利用料の見直しと、公的な基金の活用の可能性を合わせて検討する。</li>
</ul>
<p class="source">本ページは senrei のサンプルコーパス用に作成した要約であり、公開されている次のページの記載に基づく。出典：http://renkei-support.mhlw.go.jp/himawari_4/</p>
