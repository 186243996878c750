#include "index/tokenizer.hpp"

#include <mecab.h>

#include <cctype>
#include <cstdlib>
#include <filesystem>
#include <system_error>

#include "index/errors.hpp"

namespace senrei::index {

struct Tokenizer::Worker {
  MeCab::Tagger* tagger = nullptr;
  MeCab::Lattice* lattice = nullptr;
  ~Worker() {
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

}  // namespace

Tokenizer::Tokenizer(const std::string& dicdir) {
  std::vector<std::string> tried;
  auto try_open = [&](const std::string& dir) -> bool {
    std::string arg = dir.empty() ? std::string() : "-r /dev/null -d " + dir;
    MeCab::Model* m = MeCab::createModel(arg.c_str());
    tried.push_back(dir.empty() ? "mecabrc" : dir);
    if (!m) return false;
    const MeCab::DictionaryInfo* info = m->dictionary_info();
    if (!info || !is_utf8_charset(info->charset)) {
      tried.back() += info ? std::string(" (charset ") + info->charset + ", not UTF-8)" : " (no dictionary)";
      delete m;
      return false;
    }
    model_ = m;
    std::filesystem::path file(info->filename);
    std::error_code ec;
    auto real = std::filesystem::canonical(file, ec);
    if (ec) real = file;
    dir_ = real.parent_path().string();
    name_ = real.parent_path().filename().string() + " (" + real.filename().string() + " version " +
            std::to_string(info->version) + ", " + info->charset + ", " + std::to_string(info->size) +
            " entries)";
    key_ = "mecab-dic v" + std::to_string(info->version) + " " + "utf8 " + std::to_string(info->size) +
           " " + std::to_string(info->lsize) + "x" + std::to_string(info->rsize);
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

std::vector<Word> Tokenizer::words(std::string_view text) const {
  std::vector<Word> out;
  if (text.empty()) return out;
  auto w = acquire();
  std::size_t begin = 0;
  while (begin < text.size()) {
    std::size_t end = piece_end(text, begin);
    std::string_view piece = text.substr(begin, end - begin);
    w->lattice->set_sentence(piece.data(), piece.size());
    if (w->tagger->parse(w->lattice)) {
      for (const MeCab::Node* node = w->lattice->bos_node(); node; node = node->next) {
        if (node->stat == MECAB_BOS_NODE || node->stat == MECAB_EOS_NODE || node->length == 0) continue;
        if (node->feature && std::string_view(node->feature).starts_with("記号")) continue;
        if (all_space(node->surface, node->length) || ascii_punct(node->surface, node->length)) continue;
        std::size_t at = begin + static_cast<std::size_t>(node->surface - piece.data());
        out.push_back(Word{std::string(node->surface, node->length), at, at + node->length});
      }
    }
    begin = end;
  }
  w->lattice->clear();
  release(std::move(w));
  return out;
}

}  // namespace senrei::index
