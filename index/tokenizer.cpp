#include "index/tokenizer.hpp"

#include <mecab.h>

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <cstdio>
#include <fstream>
#include <cstdlib>
#include <filesystem>
#include <system_error>

#include "index/errors.hpp"

namespace senrei::index {

struct Tokenizer::Worker {
  MeCab::Tagger* tagger = nullptr;
  MeCab::Lattice* lattice = nullptr;
  MeCab::Tagger* plain_tagger = nullptr;  // with a user dictionary: the system one alone
  MeCab::Lattice* plain_lattice = nullptr;
  ~Worker() {
    delete plain_lattice;
    delete plain_tagger;
    delete lattice;
    delete tagger;
  }
};

namespace {

bool is_utf8_charset(const char* charset) {
  std::string c = charset ? charset : "";
  for (auto& ch : c) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
  return c == "utf8" || c == "utf-8";
}

// The last feature field of every entry in share/mecab/senrei-user.csv.
constexpr std::string_view kUserWordMark = ",senrei";

// Feed MeCab line-sized pieces: a lattice over a whole PDF would cost memory for nothing.
constexpr std::size_t kMaxPiece = 4096;

std::size_t piece_end(std::string_view text, std::size_t begin) {
  std::size_t limit = std::min(text.size(), begin + kMaxPiece);
  for (std::size_t i = begin; i < limit; ++i) {
    if (text[i] == '\n') return i + 1;
    // 。 is E3 80 82
    if (i + 2 < limit && static_cast<unsigned char>(text[i]) == 0xE3 &&
        static_cast<unsigned char>(text[i + 1]) == 0x80 && static_cast<unsigned char>(text[i + 2]) == 0x82)
      return i + 3;
  }
  if (limit == text.size()) return limit;
  std::size_t end = limit;  // back up to a UTF-8 boundary
  while (end > begin && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) --end;
  return end > begin ? end : limit;
}

bool all_space(const char* p, std::size_t n) {
  for (std::size_t i = 0; i < n; ++i) {
    unsigned char c = static_cast<unsigned char>(p[i]);
    if (c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\v') continue;
    if (c == 0xE3 && i + 2 < n && static_cast<unsigned char>(p[i + 1]) == 0x80 &&
        static_cast<unsigned char>(p[i + 2]) == 0x80) {  // U+3000
      i += 2;
      continue;
    }
    return false;
  }
  return true;
}

// ipadic tags half-width "-", "." and "/" as nouns (サ変接続), not 記号.
bool ascii_punct(const char* p, std::size_t n) {
  for (std::size_t i = 0; i < n; ++i) {
    unsigned char c = static_cast<unsigned char>(p[i]);
    if (c >= 0x80 || std::isalnum(c)) return false;
  }
  return true;
}

// A Model from the system dictionary in `dir` ("" : the one mecabrc names) and a user
// dictionary ("" : none).  argv, not one string, so a path with spaces stays one argument.
MeCab::Model* create_model(const std::string& dir, const std::string& user_dic) {
  std::vector<std::string> args{"senrei"};
  if (!dir.empty()) args.insert(args.end(), {"-r", "/dev/null", "-d", dir});
  if (!user_dic.empty()) args.insert(args.end(), {"-u", user_dic});
  std::vector<char*> argv;
  for (auto& a : args) argv.push_back(a.data());
  return MeCab::createModel(static_cast<int>(argv.size()), argv.data());
}

std::filesystem::path executable_dir() {
  std::error_code ec;
  auto exe = std::filesystem::read_symlink("/proc/self/exe", ec);
  return ec ? std::filesystem::path() : exe.parent_path();
}

// The search order in the header.
std::string find_user_dictionary() {
  if (const char* env = std::getenv("SENREI_MECAB_USERDIC")) return env;
  std::vector<std::filesystem::path> candidates;
  if (auto exe = executable_dir(); !exe.empty()) {
    candidates.push_back(exe / "mecab" / "senrei-user.dic");
    candidates.push_back(exe.parent_path() / "share" / "senrei" / "mecab" / "senrei-user.dic");
  }
#ifdef SENREI_USER_DIC_BUILD
  candidates.emplace_back(SENREI_USER_DIC_BUILD);
#endif
  std::error_code ec;
  for (const auto& c : candidates)
    if (std::filesystem::is_regular_file(c, ec)) return c.string();
  return {};
}

// FNV-1a 64 of a file's bytes, in hex: the user dictionary's identity in dictionary_key().
std::string file_digest(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::uint64_t h = 1469598103934665603ULL;
  char buf[65536];
  while (in.read(buf, sizeof buf) || in.gcount() > 0) {
    for (std::streamsize i = 0; i < in.gcount(); ++i) {
      h ^= static_cast<unsigned char>(buf[i]);
      h *= 1099511628211ULL;
    }
  }
  char hex[17];
  std::snprintf(hex, sizeof hex, "%016llx", static_cast<unsigned long long>(h));
  return hex;
}

}  // namespace

Tokenizer::Tokenizer(const std::string& dicdir, const std::optional<std::string>& user_dic) {
  user_dic_ = user_dic ? *user_dic : find_user_dictionary();
  std::vector<std::string> tried;
  auto try_open = [&](const std::string& dir) -> bool {
    MeCab::Model* m = create_model(dir, user_dic_);
    tried.push_back(dir.empty() ? "mecabrc" : dir);
    if (!m && !user_dic_.empty()) {
      if (MeCab::Model* plain = create_model(dir, "")) {  // the system dictionary is fine: the user one is not
        delete plain;
        throw IndexError("cannot load the MeCab user dictionary " + user_dic_ + " (" + MeCab::getLastError() +
                         ") — rebuild senrei (cmake --build), or set SENREI_MECAB_USERDIC= to search without it");
      }
    }
    if (!m) return false;
    const MeCab::DictionaryInfo* sys = nullptr;
    const MeCab::DictionaryInfo* usr = nullptr;
    for (const MeCab::DictionaryInfo* d = m->dictionary_info(); d; d = d->next) {
      if (d->type == MECAB_SYS_DIC && !sys) sys = d;
      if (d->type == MECAB_USR_DIC && !usr) usr = d;
    }
    if (!sys || !is_utf8_charset(sys->charset)) {
      tried.back() += sys ? std::string(" (charset ") + sys->charset + ", not UTF-8)" : " (no dictionary)";
      delete m;
      return false;
    }
    if (usr && !is_utf8_charset(usr->charset)) {
      delete m;
      throw IndexError("MeCab user dictionary " + user_dic_ + " is " + usr->charset +
                       ", not UTF-8 — compile it with mecab-dict-index -f utf-8 -t utf-8");
    }
    model_ = m;
    std::filesystem::path file(sys->filename);
    std::error_code ec;
    auto real = std::filesystem::canonical(file, ec);
    if (ec) real = file;
    dir_ = real.parent_path().string();
    name_ = real.parent_path().filename().string() + " (" + real.filename().string() + " version " +
            std::to_string(sys->version) + ", " + sys->charset + ", " + std::to_string(sys->size) +
            " entries)";
    key_ = "mecab-dic v" + std::to_string(sys->version) + " " + "utf8 " + std::to_string(sys->size) +
           " " + std::to_string(sys->lsize) + "x" + std::to_string(sys->rsize);
    if (usr) {
      const std::string base = std::filesystem::path(user_dic_).filename().string();
      name_ += " + user dictionary " + base + " (" + std::to_string(usr->size) + " entries)";
      key_ += " + user " + std::to_string(usr->size) + " " + file_digest(user_dic_);
    }
    return true;
  };

  if (!dicdir.empty()) {
    if (try_open(dicdir)) return;
    throw IndexError("cannot load the MeCab dictionary at " + dicdir + " — it must be a UTF-8 dictionary such as mecab-ipadic-utf8");
  }
  if (const char* env = std::getenv("SENREI_MECAB_DICDIR"); env && *env) {
    if (try_open(env)) return;
    throw IndexError(std::string("cannot load the MeCab dictionary at $SENREI_MECAB_DICDIR=") + env +
                     " — it must be a UTF-8 dictionary such as mecab-ipadic-utf8");
  }
  if (try_open("")) return;
  for (const char* dir : {"/var/lib/mecab/dic/ipadic-utf8", "/usr/lib/x86_64-linux-gnu/mecab/dic/ipadic-utf8",
                          "/usr/lib/mecab/dic/ipadic-utf8", "/usr/local/lib/mecab/dic/ipadic-utf8",
                          "/usr/local/lib/mecab/dic/ipadic", "/usr/share/mecab/dic/ipadic"}) {
    if (std::filesystem::exists(std::string(dir) + "/sys.dic") && try_open(dir)) return;
  }
  std::string list;
  for (const auto& t : tried) list += (list.empty() ? "" : "; ") + t;
  throw IndexError("no UTF-8 MeCab dictionary found (tried " + list +
                   ") — install mecab-ipadic-utf8 or set SENREI_MECAB_DICDIR");
}

Tokenizer::~Tokenizer() {
  idle_.clear();
  delete plain_;
  delete model_;
}

std::shared_ptr<const Tokenizer> Tokenizer::shared() {
  static std::mutex m;
  static std::shared_ptr<const Tokenizer> instance;
  std::lock_guard lock(m);
  if (!instance) instance = std::make_shared<const Tokenizer>();
  return instance;
}

std::unique_ptr<Tokenizer::Worker> Tokenizer::acquire() const {
  {
    std::lock_guard lock(mutex_);
    if (!idle_.empty()) {
      auto w = std::move(idle_.back());
      idle_.pop_back();
      return w;
    }
  }
  auto w = std::make_unique<Worker>();
  w->tagger = model_->createTagger();
  w->lattice = model_->createLattice();
  if (!w->tagger || !w->lattice) throw IndexError(std::string("MeCab: cannot create a tagger: ") + MeCab::getLastError());
  return w;
}

void Tokenizer::release(std::unique_ptr<Worker> w) const {
  std::lock_guard lock(mutex_);
  idle_.push_back(std::move(w));
}

void Tokenizer::parse_piece(Worker& w, std::string_view text, std::size_t begin, std::size_t end,
                            std::vector<Word>& out, bool with_parts) const {
  std::string_view piece = text.substr(begin, end - begin);
  w.lattice->set_sentence(piece.data(), piece.size());
  if (!w.tagger->parse(w.lattice)) return;
  for (const MeCab::Node* node = w.lattice->bos_node(); node; node = node->next) {
    if (node->stat == MECAB_BOS_NODE || node->stat == MECAB_EOS_NODE || node->length == 0) continue;
    if (node->feature && std::string_view(node->feature).starts_with("記号")) continue;
    if (all_space(node->surface, node->length) || ascii_punct(node->surface, node->length)) continue;
    std::size_t at = begin + static_cast<std::size_t>(node->surface - piece.data());
    out.push_back(Word{std::string(node->surface, node->length), at, at + node->length,
                       node->stat != MECAB_UNK_NODE, {}});
    if (with_parts && !user_dic_.empty() && node->feature &&
        std::string_view(node->feature).ends_with(kUserWordMark))
      out.back().parts = plain_parts(w, out.back().text);
  }
}

std::vector<std::string> Tokenizer::plain_parts(Worker& w, const std::string& word) const {
  std::vector<std::string> parts;
  if (!w.plain_tagger) {
    // The system dictionary alone, loaded on the first user-dictionary word (not every search
    // meets one).
    std::call_once(plain_once_, [this] { plain_ = create_model(dir_, ""); });
    if (!plain_) throw IndexError(std::string("MeCab: cannot load the system dictionary again: ") + MeCab::getLastError());
    w.plain_tagger = plain_->createTagger();
    w.plain_lattice = plain_->createLattice();
    if (!w.plain_tagger || !w.plain_lattice)
      throw IndexError(std::string("MeCab: cannot create a tagger: ") + MeCab::getLastError());
  }
  w.plain_lattice->set_sentence(word.data(), word.size());
  if (!w.plain_tagger->parse(w.plain_lattice)) return parts;
  for (const MeCab::Node* node = w.plain_lattice->bos_node(); node; node = node->next) {
    if (node->stat == MECAB_BOS_NODE || node->stat == MECAB_EOS_NODE || node->length == 0) continue;
    if (node->feature && std::string_view(node->feature).starts_with("記号")) continue;
    if (all_space(node->surface, node->length) || ascii_punct(node->surface, node->length)) continue;
    parts.emplace_back(node->surface, node->length);
  }
  if (parts.size() < 2) parts.clear();  // the word itself
  w.plain_lattice->clear();
  return parts;
}

std::vector<Word> Tokenizer::words(std::string_view text) const { return words(text, false); }

std::vector<Word> Tokenizer::words_with_parts(std::string_view text) const { return words(text, true); }

std::vector<Word> Tokenizer::words(std::string_view text, bool with_parts) const {
  std::vector<Word> out;
  if (text.empty()) return out;
  auto w = acquire();
  for (std::size_t begin = 0; begin < text.size();) {
    std::size_t end = piece_end(text, begin);
    parse_piece(*w, text, begin, end, out, with_parts);
    begin = end;
  }
  w->lattice->clear();
  release(std::move(w));
  return out;
}

std::size_t Tokenizer::piece_end(std::string_view text, std::size_t begin) {
  return senrei::index::piece_end(text, begin);
}

std::vector<Word> Tokenizer::words_around(std::string_view text, const std::vector<std::size_t>& at) const {
  std::vector<Word> out;
  if (text.empty() || at.empty()) return out;
  std::vector<std::size_t> sorted = at;
  std::sort(sorted.begin(), sorted.end());
  auto w = acquire();
  auto next = sorted.begin();
  for (std::size_t begin = 0; begin < text.size() && next != sorted.end();) {
    std::size_t end = piece_end(text, begin);
    if (*next < end) {
      parse_piece(*w, text, begin, end, out, false);
      while (next != sorted.end() && *next < end) ++next;
    }
    begin = end;
  }
  w->lattice->clear();
  release(std::move(w));
  return out;
}

bool symbol_between(std::string_view text, std::size_t begin, std::size_t end) {
  for (std::size_t i = begin; i < end && i < text.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(text[i]);
    if (c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\v') continue;
    if (text.compare(i, 3, "\u3000") == 0) {
      i += 2;
      continue;
    }
    return true;
  }
  return false;
}

}  // namespace senrei::index
