// bench/xapian_query.cpp — quest in one process: the in-process search latency of a peer.
//
//   xapian_query DB QUERIES_FILE
//
// Parses each line of QUERIES_FILE as quest does (Xapian::QueryParser, default operator AND,
// FLAG_CJK_NGRAM: the way omindex's XAPIAN_CJK_NGRAM=1 database is searched), takes the top 10
// and reads each hit's document data (what quest prints), and prints one JSON line per query
// with the time that took inside this process: {"line": N, "elapsed_ms": T, "total": M}.
// bench/peers.sh builds it with g++ and runs it through latency.py --batch.
#include <xapian.h>

#include <chrono>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <string>

int main(int argc, char** argv) {
  if (argc != 3) {
    std::cerr << "usage: xapian_query DB QUERIES_FILE\n";
    return 2;
  }
  try {
    Xapian::Database db(argv[1]);
    std::ifstream in(argv[2]);
    if (!in) {
      std::cerr << "xapian_query: cannot read " << argv[2] << "\n";
      return 2;
    }
    int line_no = 0;
    for (std::string line; std::getline(in, line);) {
      ++line_no;
      if (line.empty()) continue;
      const auto t0 = std::chrono::steady_clock::now();
      Xapian::QueryParser qp;
      qp.set_database(db);
      qp.set_default_op(Xapian::Query::OP_AND);
      Xapian::Query q = qp.parse_query(line, Xapian::QueryParser::FLAG_DEFAULT | Xapian::QueryParser::FLAG_CJK_NGRAM);
      Xapian::Enquire enquire(db);
      enquire.set_query(q);
      Xapian::MSet mset = enquire.get_mset(0, 10);
      std::size_t bytes = 0;
      for (auto it = mset.begin(); it != mset.end(); ++it) bytes += it.get_document().get_data().size();
      const double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
      std::printf("{\"line\": %d, \"elapsed_ms\": %.3f, \"total\": %u, \"data_bytes\": %zu}\n", line_no, ms,
                  mset.get_matches_estimated(), bytes);
    }
  } catch (const Xapian::Error& e) {
    std::cerr << "xapian_query: " << e.get_description() << "\n";
    return 1;
  }
  return 0;
}
