// A source plugin that misbehaves on purpose, page by page, for the plugin-fault tests
// (tests/safety/plugin_faults_test.cpp).  A page whose text holds one of these words gets:
//   FAULT:throw        a std::runtime_error          FAULT:throw-int   a thrown int
//   FAULT:hang         an extract() that never returns
//   FAULT:segv         a segmentation fault           FAULT:recurse     a stack overflow
//   FAULT:no-title     a record without a title       FAULT:bad-utf8    a title that is not UTF-8
//   FAULT:nan          a field whose number is NaN    FAULT:foreign     a record of another source
//   FAULT:dup          two records with one id        FAULT:many        20,000 records
// and in_scope() never returns on a URL holding "hang-in-scope".
// Any other page becomes one ordinary record (title and text), so the tests can tell which
// pages survived.  Site: http://faulty.test/ (read from a mirror).
#include <chrono>
#include <cmath>
#include <csignal>
#include <stdexcept>
#include <string>
#include <thread>

#include "senrei/plugin.hpp"

namespace {

// Recursion that no compiler turns into a loop: the frame is used after the call returns.
int deeper(int n) {
  volatile char frame[512];
  frame[0] = static_cast<char>(n);
  return n < 0 ? 0 : deeper(n + 1) + frame[0];
}

class FaultySource : public senrei::Source {
 public:
  senrei::SourceInfo info() const override {
    return {"faulty", "Faulty test source", "senrei tests", "1", "http://faulty.test/"};
  }
  std::vector<std::string> seeds() const override { return {"http://faulty.test/"}; }
  // A link whose URL holds "hang-in-scope" makes in_scope() never return (F5: the scope check
  // runs under the plugin deadline too).
  bool in_scope(std::string_view url) const override {
    if (url.find("hang-in-scope") != std::string_view::npos)
      for (;;) std::this_thread::sleep_for(std::chrono::seconds(1));
    return url.rfind("http://faulty.test/", 0) == 0;
  }

  std::vector<senrei::Record> extract(const senrei::ParsedPage& page) const override {
    const std::string text = page.main_text();
    auto has = [&](const char* word) { return text.find(word) != std::string::npos; };
    senrei::Record r;
    r.kind = senrei::RecordKind::other;
    r.title = page.title.empty() ? std::string("untitled") : page.title;
    r.text = text;
    if (has("FAULT:throw-int")) throw 42;
    if (has("FAULT:throw")) throw std::runtime_error("a deliberate failure in the test plugin");
    if (has("FAULT:hang"))
      for (;;) std::this_thread::sleep_for(std::chrono::seconds(1));
    if (has("FAULT:segv")) {
      int* volatile nowhere = nullptr;
      *nowhere = 1;
      std::raise(SIGSEGV);  // in case the write above was not a fault
    }
    if (has("FAULT:recurse")) r.text += std::to_string(deeper(0));
    if (has("FAULT:no-title")) r.title.clear();
    if (has("FAULT:bad-utf8")) r.title = "\xff\xfe broken";
    if (has("FAULT:nan")) {
      senrei::Field f;
      f.name = "build_cost_yen";
      f.number = std::nan("");
      f.unit = "yen";
      r.fields.push_back(f);
    }
    if (has("FAULT:foreign")) r.source = "renkei-navi";
    if (has("FAULT:dup")) return {r, r};
    if (has("FAULT:many")) {
      std::vector<senrei::Record> many;
      for (int i = 0; i < 20000; ++i) {
        many.push_back(r);
        many.back().part = "p" + std::to_string(i);
      }
      return many;
    }
    return {r};
  }
};

}  // namespace

SENREI_PLUGIN(FaultySource)
