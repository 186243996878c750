title: ちょうかいネット（Step4 更改）
charset: UTF-8
meta: charset
chrome: new
crumbs: ピックアップ事例=/pc-pickupcase/ > ちょうかいネット=/chokai/ > Step4 更改
comment: 更改フェーズの記事（ちょうかいネット）。編集用のメモ
script: タブの初期表示をStep4にする
---
<h1>ちょうかいネット　Step4：更改</h1>
{{tabs:chokai:4}}
<h2>更改の考え方</h2>
<p>基金で整備したシステムを更新する時期を迎えるにあたり、更改費用をどのように確保するかを協議会で検討している。</p>
<ul>
  <li>改善事項の検討：介護の関係者との情報共有の拡充。</li>
  <li>更改費用：基金に頼らずに更改できるよう、費用の見込みを早めに示す。</li>
</ul>
<p class="source">本ページは senrei のサンプルコーパス用に作成した要約であり、公開されている次のページの記載に基づく。出典：https://renkei-support.mhlw.go.jp/chokai_4/</p>
