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
#pragma once

#include <cstddef>
#include <memory>
#include <mutex>
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
};

class Tokenizer {
 public:
  // dicdir empty: the search order above.  Throws IndexError.
  explicit Tokenizer(const std::string& dicdir = {});
  ~Tokenizer();
  Tokenizer(const Tokenizer&) = delete;
  Tokenizer& operator=(const Tokenizer&) = delete;

  // The process-wide tokenizer with the default dictionary (created on first use).
  static std::shared_ptr<const Tokenizer> shared();

  // Words of `text` in order, with byte offsets.  Thread-safe.
  std::vector<Word> words(std::string_view text) const;

  // "ipadic-utf8 (sys.dic version 102, utf8, 392126 entries)" — for messages.
  const std::string& dictionary_name() const { return name_; }
  // What must match between an index and this tokenizer: version, charset, sizes.
  const std::string& dictionary_key() const { return key_; }
  const std::string& dictionary_dir() const { return dir_; }

 private:
  struct Worker;
  std::unique_ptr<Worker> acquire() const;
  void release(std::unique_ptr<Worker> w) const;

  MeCab::Model* model_ = nullptr;
  std::string name_, key_, dir_;
  mutable std::mutex mutex_;
  mutable std::vector<std::unique_ptr<Worker>> idle_;
};

}  // namespace senrei::index
