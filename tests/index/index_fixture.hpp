// tests/index/index_fixture.hpp — a temporary index folder and hand-made records.
#pragma once

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <random>
#include <set>
#include <string>
#include <vector>

#include "index/index_writer.hpp"
#include "index/searcher.hpp"
#include "senrei/record.hpp"

namespace senrei::index::test {

inline std::filesystem::path make_temp_dir(const std::string& tag) {
  std::random_device rd;
  auto dir = std::filesystem::temp_directory_path() /
             ("senrei-index-" + tag + "-" + std::to_string(rd()) + std::to_string(rd()));
  std::filesystem::create_directories(dir);
  return dir;
}

inline Field number_field(std::string name, double value) {
  Field f;
  f.name = std::move(name);
  f.number = value;
  return f;
}
inline Field text_field(std::string name, std::string text) {
  Field f;
  f.name = std::move(name);
  f.text = std::move(text);
  return f;
}
inline Field items_field(std::string name, std::vector<std::string> items) {
  Field f;
  f.name = std::move(name);
  f.items = std::move(items);
  return f;
}

inline Record make_record(std::string id, std::string source, RecordKind kind, std::string title, std::string text,
                          std::vector<Field> fields = {}) {
  Record r;
  r.id = std::move(id);
  r.source = std::move(source);
  r.kind = kind;
  r.title = std::move(title);
  r.url = "https://example.jp/" + r.id;
  r.text = std::move(text);
  r.fields = std::move(fields);
  return r;
}

// Ids of the hits, sorted (for set comparisons) or in rank order.
inline std::set<std::string> id_set(const SearchResult& r) {
  std::set<std::string> s;
  for (const auto& h : r.hits) s.insert(h.record.id);
  return s;
}
inline std::vector<std::string> id_list(const SearchResult& r) {
  std::vector<std::string> v;
  for (const auto& h : r.hits) v.push_back(h.record.id);
  return v;
}

class IndexTest : public ::testing::Test {
 protected:
  void SetUp() override { dir_ = make_temp_dir("t"); }
  void TearDown() override {
    std::error_code ec;
    std::filesystem::remove_all(dir_, ec);
  }
  std::filesystem::path dir_;
};

}  // namespace senrei::index::test
