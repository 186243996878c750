#include "senrei/case_page.hpp"

#include <algorithm>
#include <cmath>

#include "record/sentences.hpp"
#include "senrei/fields.hpp"
#include "senrei/ja.hpp"
#include "senrei/vocabulary.hpp"

namespace senrei {
inline namespace SENREI_ABI_NAMESPACE {

namespace {

bool contains(std::string_view s, std::string_view w) { return s.find(w) != std::string_view::npos; }

void add_flag(std::vector<std::string>& flags, std::string_view flag) {
  if (std::find(flags.begin(), flags.end(), flag) == flags.end()) flags.emplace_back(flag);
}

Field* find_field(std::vector<Field>& fields, std::string_view name) {
  for (auto& f : fields)
    if (f.name == name) return &f;
  return nullptr;
}


// 「登録患者数や参加機関数」 → patients, institutions_total.
std::vector<std::string> fields_named(std::string_view subject) {
  std::vector<std::string> out;
  std::string s(subject);
  for (std::string_view sep : {"や", "、", "・", "及び", "および", "と", ","}) {
    for (std::size_t p = s.find(sep); p != std::string::npos; p = s.find(sep, p + 1)) s.replace(p, sep.size(), "\n");
  }
  std::size_t start = 0;
  while (start <= s.size()) {
    std::size_t end = s.find('\n', start);
    if (end == std::string::npos) end = s.size();
    if (end > start)
      if (auto f = field_for_label(s.substr(start, end - start)))
        if (std::find(out.begin(), out.end(), *f) == out.end()) out.push_back(*f);
    start = end + 1;
  }
  return out;
}

constexpr std::string_view kCaseFacts[] = {
    "start_year",       "population",    "aging_rate",     "build_cost_yen", "running_cost_yen",
    "patients",         "institutions_total", "operator_name", "operator_form", "area_name",
    "funding_sources",  "build_payers",  "running_payers", "consent_method", "fees"};

}  // namespace

namespace {
// The text with every bracketed part （…） (…) 〔…〕 removed.
std::string without_brackets(std::string_view s) {
  std::string out;
  int depth = 0;
  for (std::size_t i = 0; i < s.size();) {
    std::size_t len = 1;
    bool open = false, close = false;
    for (std::string_view o : {"（", "(", "〔", "［", "["})
      if (s.compare(i, o.size(), o) == 0) open = true, len = o.size();
    for (std::string_view c : {"）", ")", "〕", "］", "]"})
      if (s.compare(i, c.size(), c) == 0) close = true, len = c.size();
    if (open) ++depth;
    else if (close) depth = std::max(0, depth - 1);
    else if (depth == 0) out.append(s.substr(i, len));
    i += len;
  }
  return out;
}
}  // namespace

AsOfNote read_as_of_note(const ParsedPage& page) {
  AsOfNote note;
  // A marked note (※) first; else the first short text stating 時点 / 現在 with a date.
  for (bool marked : {true, false}) {
    for (const auto& b : page.blocks) {
      if (b.role == Block::Role::table_row || b.role == Block::Role::definition) continue;
      if (b.text.size() > 600) continue;  // about 200 characters: a note, not a paragraph
      if (!contains(b.text, "時点") && !contains(b.text, "現在")) continue;
      if (marked && !contains(b.text, "※")) continue;
      // A marked note runs from its ※: 「人口80万人（令和4年10月1日現在）。…（※データ出力対応費を含まない）」
      // has a mark, but its date is the population's, before the mark.
      std::string head = marked ? b.text.substr(b.text.find("※")) : b.text, rest;
      if (marked && !contains(head, "時点") && !contains(head, "現在")) continue;
      for (std::string_view but : {"ただし", "但し", "なお"}) {
        if (auto p = head.find(but); p != std::string::npos) {
          rest = head.substr(p + but.size());
          head.resize(p);
          break;
        }
      }
      // Unmarked, a date in brackets after other text is a value's own (「人口41,563人（平成22年
      // 10月1日現在）」): the population's year is not the page's.  Only a date outside brackets,
      // or a note that is all bracket (「（令和5年6月時点）」), makes the note.
      if (!marked) {
        std::string plain = without_brackets(head);
        if (plain.find_first_not_of(" \t\n。") != std::string::npos) head = plain;
        if (!contains(head, "時点") && !contains(head, "現在")) continue;
      }
      auto d = ja::parse_date(head);
      if (!d) continue;
      note.date = *d;
      note.sentence = b.text;
      // 「登録患者数や参加機関数は平成28年6月末時点」: each clause names fields and their date.
      for (const auto& clause : record_detail::split_sentences(rest)) {
        auto wa = clause.find("は");
        if (wa == std::string::npos) continue;
        auto date = ja::parse_date(clause.substr(wa));
        if (!date) continue;
        for (auto& f : fields_named(clause.substr(0, wa))) note.except.emplace_back(f, *date);
      }
      return note;
    }
  }
  return note;
}

std::vector<Field> read_case_heading(const ParsedPage& page) {
  std::vector<Field> out;
  for (const auto& b : page.blocks) {
    if (b.role != Block::Role::heading || b.level != 1) continue;
    const std::string& text = b.text;
    for (std::string_view open : {"（", "("}) {
      auto pos = text.find(open);
      if (pos == std::string::npos || pos == 0) continue;
      std::string name = text.substr(0, pos);
      while (!name.empty() && name.back() == ' ') name.pop_back();
      std::string rest = text.substr(pos);
      if (contains(rest, "稼働") || contains(rest, "開始") || contains(rest, "運用")) {
        merge_fields(out, read_fields("network_name", name, {page.url, text}));
        merge_fields(out, read_fields("start_year", rest, {page.url, text}));
        return out;
      }
    }
    merge_fields(out, read_fields("network_name", text, {page.url, text}));
    return out;
  }
  return out;
}

std::string name_from_title(std::string_view title) {
  std::string t(title);
  // The site's name after a separator, then a bracketed section name: （全体概要）.
  for (std::string_view sep : {"｜", "|", " - ", " – ", "：", "＜", "<"})
    if (auto p = t.find(sep); p != std::string::npos && p > 0) t.resize(p);
  for (std::string_view open : {"（", "(", "【", "［", "["})
    if (auto p = t.find(open); p != std::string::npos && p > 0) t.resize(p);
  while (!t.empty() && (t.back() == ' ')) t.pop_back();
  while (t.starts_with(" ")) t.erase(0, 1);
  if (t.empty() || t.size() > 120) return {};  // about 40 characters: a sentence, not a name
  static constexpr std::string_view kTopic[] = {"。", "、", "について", "しくみ", "仕組み", "とは", "一覧",
                                                "概要", "紹介", "案内", "事例", "費用", "運営", "ページ"};
  for (std::string_view w : kTopic)
    if (contains(t, w)) return {};
  return t;
}

std::vector<Field> read_stated_facts(const ParsedPage& page) {
  std::vector<Field> out;
  for (const auto& b : page.blocks) {
    for (const auto& s : record_detail::split_sentences(b.text)) {
      const std::string n = ja::nfkc(s);
      const Provenance p{page.url, s};
      if (auto at = n.find("高齢化率"); at != std::string::npos) {
        if (auto r = ja::parse_rate(std::string_view(n).substr(at))) {
          Field f;
          f.name = "aging_rate";
          f.number = *r;
          f.unit = "fraction";
          f.raw = s;
          f.provenance = p;
          merge_fields(out, {f});
        }
      }
      // A sentence names a funding source only when it speaks of money (「県内の市町村が参加」
      // names no municipal budget; 「…を地域医療再生基金で更新した」 names a fund).
      bool money = false;
      for (std::string_view w : {"基金", "補助", "予算", "財源", "費", "負担", "料", "賄", "充て", "資金", "報酬"})
        money = money || contains(n, w);
      if (auto funds = money ? ja::parse_funding_sources(s) : std::vector<std::string>{}; !funds.empty()) {
        Field f;
        f.name = "funding_sources";
        f.items = std::move(funds);
        f.raw = s;
        f.provenance = p;
        merge_fields(out, {f});
      }
      if (auto products = vocabulary::all_matches(vocabulary::Concept::product, n); !products.empty()) {
        Field f;
        f.name = "products";
        for (const auto* t : products) f.items.emplace_back(t->keyword);
        f.raw = s;
        f.provenance = p;
        merge_fields(out, {f});
      }
    }
  }
  return out;
}

void date_values(std::vector<Field>& fields, const AsOfNote& note) {
  for (auto& f : fields) {
    if (!f.as_of.empty() || f.name == "start_year" || f.unit.empty()) continue;
    std::string date = note.date;
    for (const auto& [name, d] : note.except) {
      const bool breakdown_of = (name == "institutions_total" && f.name.starts_with("institutions_")) ||
                                (name == "patients" && f.name.starts_with("patients"));
      if (f.name == name || breakdown_of) date = d;
    }
    f.as_of = date;
  }
}

std::vector<std::string> check_consistency(std::vector<Field>& fields) {
  auto number = [&](std::string_view name) -> const Field* {
    for (const auto& f : fields)
      if (f.name == name && f.state == ValueState::stated && f.number) return &f;
    return nullptr;
  };
  // A count per 100,000 people out of range: more patients than people, or more institutions
  // than any area has (Japan has about 200 hospitals, clinics, dental clinics and pharmacies per
  // 100,000; 1,000 leaves room for care providers).
  if (const Field* pop = number("population"); pop && *pop->number > 0) {
    for (auto [name, high] : {std::pair<std::string_view, double>{"patients", 100000}, {"institutions_total", 1000}}) {
      if (Field* f = find_field(fields, name); f && f->number && f->state == ValueState::stated)
        if (*f->number / *pop->number * 100000 > high) add_flag(f->flags, "implausible_per_capita");
    }
  }
  // A value dated before the network started.
  if (const Field* start = number("start_year")) {
    for (auto& f : fields) {
      if (f.name == "start_year" || f.as_of.size() < 4 || f.name == "population" || f.name == "aging_rate") continue;
      int year = 0;
      for (std::size_t i = 0; i < 4; ++i) {
        if (f.as_of[i] < '0' || f.as_of[i] > '9') year = -1;
        if (year >= 0) year = year * 10 + (f.as_of[i] - '0');
      }
      if (year > 0 && year < static_cast<int>(*start->number)) add_flag(f.flags, "as_of_before_start");
    }
  }
  // A running cost per year above the whole build cost.
  if (const Field* build = number("build_cost_yen")) {
    if (Field* run = find_field(fields, "running_cost_yen"); run && run->number && run->state == ValueState::stated) {
      const double per_year = run->period == "month" ? *run->number * 12 : *run->number;
      if ((run->period == "year" || run->period == "month") && per_year > *build->number)
        add_flag(run->flags, "running_above_build");
    }
  }
  std::vector<std::string> record_flags;
  for (const auto& f : fields)
    for (const auto& flag : f.flags)
      if (flag != "derived") add_flag(record_flags, flag);
  return record_flags;
}

bool reads_as_case_overview(const std::vector<Field>& fields) {
  bool name = false;
  int facts = 0;
  for (const auto& f : fields) {
    if (f.name == "network_name" && !f.text.empty()) name = true;
    if (std::find(std::begin(kCaseFacts), std::end(kCaseFacts), f.name) != std::end(kCaseFacts)) ++facts;
  }
  return name && facts >= 2;
}

CaseReading read_case_overview(const ParsedPage& page) {
  CaseReading r;
  r.fields = read_case_heading(page);
  merge_fields(r.fields, read_labelled_fields(page));
  r.is_case_overview = reads_as_case_overview(r.fields);
  merge_fields(r.fields, read_stated_facts(page));
  const AsOfNote note = read_as_of_note(page);
  r.as_of = note.date;
  date_values(r.fields, note);
  r.flags = check_consistency(r.fields);
  return r;
}

}  // namespace SENREI_ABI_NAMESPACE
}  // namespace senrei
