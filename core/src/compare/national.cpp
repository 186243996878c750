#include "compare/national.hpp"

#include <array>

namespace senrei::compare {

namespace {
constexpr std::array<NationalFigure, 7> kFigures{{
    {"jmari_2017_costs", "日医総研 2017", "JMARI 2017",
     "全国の平均構築費用 約3,000万円、平均運用費用 約1,400万円/年",
     "national average build cost about 30 million yen, average running cost about 14 million yen a year"},
    {"jmari_2019_averages", "日医総研 2019–20", "JMARI 2019–20",
     "平均（累計）構築費用 2億1,281万円、参加施設 122.8、登録患者 14,095人、運用年数 7.2年",
     "average cumulative build cost 212.81 million yen, 122.8 institutions, 14,095 patients, 7.2 years in operation"},
    {"jmari_2022_renewal", "日医総研 2022", "JMARI 2022",
     "67.7%のネットワークが次回更改の財源を決めていなかった",
     "67.7% of networks had no decided funding for their next renewal"},
    {"jmari_2018_survival", "日医総研 2018（事例調査）", "JMARI 2018 (case studies)",
     "2012–2016年度に約4割のネットワークが停止・終了・統合した",
     "about 4 in 10 networks stopped, ended or merged during FY2012–2016"},
    {"boa_2019_targets", "会計検査院 2019", "Board of Audit 2019",
     "基金で整備した60システムのうち4システムは参加施設が全くなく、県は参加目標を設定せず利用状況も把握していなかった",
     "of 60 fund-financed systems, 4 had no participating institution at all; prefectures had set no participant "
     "targets and did not monitor use"},
    {"boa_2019_acceptance", "会計検査院 2019", "Board of Audit 2019",
     "60システムのうち2システムは受入検査が不十分で、1年以上使えなかった",
     "of 60 fund-financed systems, 2 were unusable for over a year after weak acceptance tests"},
    {"boa_2019_deficient", "会計検査院 2019", "Board of Audit 2019",
     "基金で整備した60システムのうち9システムに不備があった",
     "of 60 fund-financed systems, 9 were deficient"},
}};
}  // namespace

const NationalFigure* national_figure(std::string_view id) {
  for (const auto& f : kFigures)
    if (f.id == id) return &f;
  return nullptr;
}

}  // namespace senrei::compare
