title: ピカピカリンク（Step3 運用）
charset: UTF-8
meta: http-equiv
chrome: old
crumbs: ピックアップ事例=/pc-pickupcase/ > ピカピカリンク=/picapica/ > Step3 運用
comment: 運用フェーズの記事（ピカピカリンク）。編集用のメモ
script: タブの初期表示をStep3にする
---
<h1>ピカピカリンク　Step3：運用</h1>
{{tabs:picapica:3}}
<h2>運用の体制</h2>
<p>協議会が運営主体となり、システムの保守は事業者に委託している。運用規程や同意書の様式は協議会で定め、参加機関に示している。</p>
<ul>
  <li>参加機関の募集・説明・契約：県医師会と連携して、県内各地で説明会を開いた。</li>
  <li>参加患者の募集：中核病院の窓口で仕組みを説明し、同意を得た患者の情報を共有する。</li>
  <li>評価・課題整理：利用状況を協議会で報告し、運用の改善につなげている。</li>
</ul>
<p class="source">本ページは senrei のサンプルコーパス用に作成した要約であり、公開されている次のページの記載に基づく。出典：http://renkei-support.mhlw.go.jp/picapica_3/</p>
