title: ピカピカリンク（全体概要）
charset: UTF-8
meta: http-equiv
chrome: old
crumbs: ピックアップ事例=/pc-pickupcase/ > ピカピカリンク
comment: 費用・規模の項目は公開情報がないため掲載しない
script: タブ切り替え処理の初期化
---
<div class="case-head">
  <h1>ピカピカリンク（平成22年稼働）</h1>
  <p class="operator">運営主体：任意団体 佐賀県診療情報地域連携システム協議会（佐賀県）</p>
  <p class="asof">※平成29年3月時点</p>
</div>
<ul class="case-tabs">
  <li class="current"><a href="/picapica/">全体概要</a></li>
  <li><a href="/picapica_1/">Step1 計画</a></li>
  <li><a href="/picapica_2/">Step2 構築</a></li>
  <li><a href="/picapica_3/">Step3 運用</a></li>
  <li><a href="/picapica_4/">Step4 更改</a></li>
</ul>
<h2>全体概要</h2>
<dl class="case-summary">
  <dt>対象地域</dt>
  <dd>佐賀県の全県域</dd>
  <dt>人口</dt>
  <dd>約84万人（佐賀県）</dd>
  <dt>組織形態</dt>
  <dd>任意団体（協議会）</dd>
  <dt>構築時の主な関係者</dt>
  <dd>佐賀県、県医師会、県内の中核病院</dd>
  <dt>病病・病診連携以外のサービス</dt>
  <dd>在宅医療・介護の関係者との情報共有</dd>
  <dt>概要</dt>
  <dd>県内の中核病院の診療情報を、患者の同意のもとで地域の医療機関が閲覧できるようにした県全域のネットワーク。紹介・逆紹介の際に、検査結果や処方の内容を紹介状と合わせて確認できる。</dd>
</dl>
<p class="small">費用負担・規模については、本ページの元になった公開ページに記載がないため掲載していない。</p>

<h2 id="tokucho">特徴</h2>
<ul>
  <li>県、医師会、中核病院が一つの協議会に集まり、法人格を持たない任意団体として運営している。</li>
  <li>当初から県全域を対象とし、二次医療圏ごとにネットワークを分けなかった。</li>
  <li>閲覧する側の診療所は特別な機器を用意せず、インターネットに接続した端末から利用できる。</li>
</ul>

<h2 id="seiko">成功要因</h2>
<p>県が計画推進主体として早い段階から関わり、関係者の合意形成を支えたことが大きい。協議会の場で病院と診療所が連携の目的を共有し、どの情報を誰が見られるかを具体的に決めていったことで、参加に対する不安が小さくなった。</p>
<p>また、利用する医師が使い方を説明し合う勉強会を重ね、参加機関の裾野を広げていった。</p>

<div class="note">
  <p>本ページは senrei のサンプルコーパス用に作成した要約であり、公開されている次のページの記載に基づく。出典：http://renkei-support.mhlw.go.jp/picapica/</p>
</div>
