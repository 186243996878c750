title: さどひまわりネット（Step2 構築）
charset: UTF-8
meta: charset
chrome: new
crumbs: ピックアップ事例=/pc-pickupcase/ > さどひまわりネット=/himawari/ > Step2 構築
comment: 構築フェーズの記事（さどひまわりネット）。編集用のメモ
script: タブの初期表示をStep2にする
---
<h1>さどひまわりネット　Step2：構築</h1>
{{tabs:himawari:2}}
<h2>構築の進め方</h2>
<p>運営主体が工程管理を担い、島内の病院の電子カルテや薬局のシステムとの接続を順に進めた。</p>
<ul>
  <li>仕様書作成・調達：医療と介護の双方で使えることを条件とした。</li>
  <li>要件定義・設計：薬局や介護施設からも情報を登録できる双方向の仕組みとした。</li>
  <li>テスト：参加予定の機関に協力を依頼し、稼働前に操作を確かめた。</li>
</ul>
<p class="source">本ページは senrei のサンプルコーパス用に作成した要約であり、公開されている次のページの記載に基づく。出典：http://renkei-support.mhlw.go.jp/himawari_2/</p>
