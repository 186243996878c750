title: ピックアップ事例
charset: UTF-8
meta: charset
chrome: new
crumbs: ピックアップ事例
comment: 事例一覧。並び順は掲載順
script: 地図表示の初期化
---
<h1>ピックアップ事例</h1>
<p>全国の医療情報連携ネットワークの中から、運営主体の形態や対象地域の異なる8つの事例を紹介します。各事例のページでは、全体概要と、Step1からStep4までの取組みを見ることができます。</p>
<table class="case-list">
  <thead>
    <tr><th>ネットワーク名</th><th>地域</th><th>稼働</th><th>運営主体</th></tr>
  </thead>
  <tbody>
    <tr><td><a href="/ajisai/">あじさいネット</a></td><td>長崎県</td><td>平成16年</td><td>特定非営利活動法人 長崎地域医療連携ネットワークシステム協議会</td></tr>
    <tr><td><a href="/picapica/">ピカピカリンク</a></td><td>佐賀県</td><td>平成22年</td><td>佐賀県診療情報地域連携システム協議会（任意団体）</td></tr>
    <tr><td><a href="/azalea/">アザレアネット</a></td><td>福岡県（久留米医療圏）</td><td>平成24年</td><td>くるめ診療情報ネットワーク協議会（任意団体）</td></tr>
    <tr><td><a href="/himawari/">さどひまわりネット</a></td><td>新潟県（佐渡医療圏）</td><td>平成25年</td><td>特定非営利活動法人 佐渡地域医療連携推進協議会</td></tr>
    <tr><td><a href="/hareyaka/">晴れやかネット</a></td><td>岡山県</td><td>平成25年</td><td>一般社団法人 医療ネットワーク岡山協議会</td></tr>
    <tr><td><a href="/biwako/">びわ湖メディカルネット</a></td><td>滋賀県</td><td>平成26年</td><td>特定非営利活動法人 滋賀県医療情報連携ネットワーク協議会</td></tr>
    <tr><td><a href="/mamenet/">まめネット</a></td><td>島根県</td><td>平成25年</td><td>特定非営利活動法人 しまね医療情報ネットワーク協会</td></tr>
    <tr><td><a href="/chokai/">ちょうかいネット</a></td><td>山形県（庄内二次医療圏）</td><td>平成23年</td><td>酒田地区・鶴岡地区 医療情報ネットワーク協議会</td></tr>
  </tbody>
</table>
<p class="source">本ページは senrei のサンプルコーパス用に作成した要約であり、公開されている次のページの記載に基づく。出典：http://renkei-support.mhlw.go.jp/pc-pickupcase/</p>
