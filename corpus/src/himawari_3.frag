title: さどひまわりネット（Step3 運用）
charset: UTF-8
meta: charset
chrome: new
crumbs: ピックアップ事例=/pc-pickupcase/ > さどひまわりネット=/himawari/ > Step3 運用
comment: 運用フェーズの記事（さどひまわりネット）。編集用のメモ
script: タブの初期表示をStep3にする
---
<h1>さどひまわりネット　Step3：運用</h1>
{{tabs:himawari:3}}
<h2>運用の体制</h2>
<p>運営主体の運用費用は、参加機関が支払う利用料で賄っている。利用料の水準は参加機関と協議して決めた。</p>
<ul>
  <li>参加機関の募集・説明・契約：職種ごとに説明会を開き、利用料の考え方も合わせて説明した。</li>
  <li>参加患者の募集：住民向けの説明会を島内各地で開き、同意を集めた。</li>
  <li>評価・課題整理：利用の少ない機関を訪問し、使い方の相談に応じている。</li>
</ul>
<p class="source">本ページは senrei のサンプルコーパス用に作成した要約であり、公開されている次のページの記載に基づく。出典：http://renkei-support.mhlw.go.jp/himawari_3/</p>
