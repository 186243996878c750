// index/tokenizer.hpp — MeCab words of folded Japanese text.
//
// One Tokenizer holds one MeCab::Model (the dictionary, loaded once, shared) and a pool of
// Tagger + Lattice pairs, one per concurrent caller: words() is thread-safe (MeCab's
// Tagger::parse(const char*) is not, so it is never used).  Symbols and punctuation (品詞 記号)
// and whitespace are skipped; numbers and latin words are words like any other.
//
// The dictionary decides the terms, so an index records dictionary_key() and is refused when it
// was built with another one.  The dictionary is found in this order: $SENREI_MECAB_DICDIR,
// the dictionary mecabrc names (/etc/mecabrc) when it is UTF-8, then the usual ipadic-utf8
// folders.  No usable dictionary → IndexError saying what to install.
//
// senrei's user dictionary (share/mecab/senrei-user.csv, compiled at build time by
// mecab-dict-index into mecab/senrei-user.dic) makes network, product and fund names one word
// each (あじさいネット, id-link, 地域医療介護総合確保基金).  It is found in this order:
// $SENREI_MECAB_USERDIC (empty: none), mecab/senrei-user.dic beside the binary (the build
// tree), <prefix>/share/senrei/mecab/senrei-user.dic, the build tree it was compiled in.  None
// found → no user dictionary.  It is part of dictionary_key(): a changed list of names changes
// the words, so an index built before must be rebuilt.  A user-dictionary word also carries
// its parts as the system dictionary alone reads it (Word::parts: 地域|医療|…|基金), which the
// writer indexes without positions, so 基金 still finds a page that says 地域医療再生基金.
#pragma once

#include <cstddef>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace MeCab {
class Model;
class Tagger;
class Lattice;
}  // namespace MeCab

namespace senrei::index {

struct Word {
  std::string text;         // surface form, as in the input (pass folded text in)
  std::size_t begin = 0;    // byte offsets in the input
  std::size_t end = 0;
  bool known = true;        // a dictionary word; false for MeCab's unknown-word guess (a run of
                            // katakana, latin or kanji it grouped by character class)
  std::vector<std::string> parts;  // a user-dictionary word's words without it; else empty
};

class Tokenizer {
 public:
  // dicdir empty: the search order above.  user_dic: the compiled user dictionary, "" for
  // none, nullopt for the search order above.  Throws IndexError.
  explicit Tokenizer(const std::string& dicdir = {}, const std::optional<std::string>& user_dic = std::nullopt);
  ~Tokenizer();
  Tokenizer(const Tokenizer&) = delete;
  Tokenizer& operator=(const Tokenizer&) = delete;

  // The process-wide tokenizer with the default dictionary (created on first use).
  static std::shared_ptr<const Tokenizer> shared();

  // Words of `text` in order, with byte offsets, Word::parts left empty.  Thread-safe.
  std::vector<Word> words(std::string_view text) const;
  // The same with Word::parts of user-dictionary words (what the index writer needs; finding
  // them loads the system dictionary a second time, which a search has no use for: ~15 ms of a
  // one-shot search before).  Thread-safe.
  std::vector<Word> words_with_parts(std::string_view text) const;
  // The words of only those pieces of `text` (MeCab reads a text a line or a sentence at a
  // time) that hold one of the byte offsets `at`: exactly the words words(text) has there, for
  // checking a few places of a long document without segmenting all of it.  Thread-safe.
  std::vector<Word> words_around(std::string_view text, const std::vector<std::size_t>& at) const;

  // Where the piece of `text` starting at `begin` ends (after a newline or 。, or at 4 KiB on a
  // character boundary): the unit MeCab reads.  words(piece) of a whole piece gives the words
  // words(text) has in it, shifted by `begin`.
  static std::size_t piece_end(std::string_view text, std::size_t begin);

  // "ipadic-utf8 (sys.dic version 102, utf8, 392126 entries)" — for messages.
  const std::string& dictionary_name() const { return name_; }
  // What must match between an index and this tokenizer: version, charset, sizes.
  const std::string& dictionary_key() const { return key_; }
  const std::string& dictionary_dir() const { return dir_; }
  // The user dictionary loaded ("" when none).
  const std::string& user_dictionary() const { return user_dic_; }

 private:
  struct Worker;
  std::unique_ptr<Worker> acquire() const;
  void release(std::unique_ptr<Worker> w) const;
  // Appends the words of text[begin, end) (one piece) to out.
  std::vector<Word> words(std::string_view text, bool with_parts) const;
  void parse_piece(Worker& w, std::string_view text, std::size_t begin, std::size_t end, std::vector<Word>& out,
                   bool with_parts) const;
  std::vector<std::string> plain_parts(Worker& w, const std::string& word) const;

  MeCab::Model* model_ = nullptr;
  // The system dictionary alone, for Word::parts (with a user dictionary), made on first use.
  mutable std::once_flag plain_once_;
  mutable MeCab::Model* plain_ = nullptr;
  std::string name_, key_, dir_, user_dic_;
  mutable std::mutex mutex_;
  mutable std::vector<std::unique_ptr<Worker>> idle_;
};

// Whether text[begin, end) — what lies between two words — holds more than whitespace: a
// symbol MeCab's words leave out (運用、費用; ss-mix2).  The index leaves a position empty
// there, so a phrase does not match across it (schema.hpp), and a query's phrase counts it.
bool symbol_between(std::string_view text, std::size_t begin, std::size_t end);

}  // namespace senrei::index
