title: トップページ
charset: UTF-8
meta: charset
chrome: new
crumbs:
comment: トップページのお知らせ欄は更新停止中
script: お知らせ欄のスライド表示
---
<section class="intro">
  <h1>医療情報連携ネットワーク支援Navi</h1>
  <p>地域で医療情報連携ネットワークをこれから構築しようとする方、すでに運用しているネットワークの更改を控えた方に向けて、構築の手順と、先行する地域の事例を紹介するサイトです。</p>
  <p>ネットワークの構築は、計画、構築、運用、更改の4つのStepで進みます。各Stepで行うことと、実施のポイントをまとめています。</p>
</section>
<section class="menu">
  <h2>ネットワークの構築手順</h2>
  <ul>
    <li><a href="/process/">構築手順の全体像（Step1～Step4）</a></li>
    <li><a href="/process1/">Step1 計画</a>（<a href="/process1_2/">実施のポイント：医療情報連携NWの必要性の検討</a>／<a href="/process1_8/">実施のポイント：事業計画・収支計画の立案</a>）</li>
    <li><a href="/process2/">Step2 構築</a></li>
    <li><a href="/process3/">Step3 運用</a></li>
  </ul>
  <h2>ピックアップ事例</h2>
  <p>全国の取組みから8つの事例を選び、全体概要と各Stepの取組みを紹介しています。<a href="/pc-pickupcase/">事例の一覧</a></p>
  <table class="case-index">
    <tr><th>事例</th><th>全体概要</th><th>Step1</th><th>Step2</th><th>Step3</th><th>Step4</th></tr>
    <tr><td>あじさいネット（長崎県）</td><td><a href="/ajisai/">全体概要</a></td><td><a href="/ajisai_1/">計画</a></td><td><a href="/ajisai_2/">構築</a></td><td><a href="/ajisai_3/">運用</a></td><td><a href="/ajisai_4/">更改</a></td></tr>
    <tr><td>ピカピカリンク（佐賀県）</td><td><a href="/picapica/">全体概要</a></td><td><a href="/picapica_1/">計画</a></td><td><a href="/picapica_2/">構築</a></td><td><a href="/picapica_3/">運用</a></td><td><a href="/picapica_4/">更改</a></td></tr>
    <tr><td>アザレアネット（福岡県）</td><td><a href="/azalea/">全体概要</a></td><td><a href="/azalea_1/">計画</a></td><td><a href="/azalea_2/">構築</a></td><td><a href="/azalea_3/">運用</a></td><td><a href="/azalea_4/">更改</a></td></tr>
    <tr><td>さどひまわりネット（新潟県）</td><td><a href="/himawari/">全体概要</a></td><td><a href="/himawari_1/">計画</a></td><td><a href="/himawari_2/">構築</a></td><td><a href="/himawari_3/">運用</a></td><td><a href="/himawari_4/">更改</a></td></tr>
    <tr><td>晴れやかネット（岡山県）</td><td><a href="/hareyaka/">全体概要</a></td><td><a href="/hareyaka_1/">計画</a></td><td><a href="/hareyaka_2/">構築</a></td><td><a href="/hareyaka_3/">運用</a></td><td><a href="/hareyaka_4/">更改</a></td></tr>
    <tr><td>びわ湖メディカルネット（滋賀県）</td><td><a href="/biwako/">全体概要</a></td><td><a href="/biwako_1/">計画</a></td><td><a href="/biwako_2/">構築</a></td><td><a href="/biwako_3/">運用</a></td><td><a href="/biwako_4/">更改</a></td></tr>
    <tr><td>まめネット（島根県）</td><td><a href="/mamenet/">全体概要</a></td><td><a href="/mamenet_1/">計画</a></td><td><a href="/mamenet_2/">構築</a></td><td><a href="/mamenet_3/">運用</a></td><td><a href="/mamenet_4/">更改</a></td></tr>
    <tr><td>ちょうかいネット（山形県）</td><td><a href="/chokai/">全体概要</a></td><td><a href="/chokai_1/">計画</a></td><td><a href="/chokai_2/">構築</a></td><td><a href="/chokai_3/">運用</a></td><td><a href="/chokai_4/">更改</a></td></tr>
  </table>
  <h2>資料</h2>
  <ul>
    <li><a href="/faq/">よくある質問</a></li>
    <li><a href="/pc-terms/">用語集</a></li>
    <li><a href="/statistics/">統計情報</a></li>
  </ul>
</section>
<aside class="note">
  <p>このサイトの各ページは、senrei のサンプルコーパス用に作成した要約であり、厚生労働省「医療情報連携ネットワーク支援Navi」（http://renkei-support.mhlw.go.jp/）の公開ページの記載に基づく。</p>
</aside>
