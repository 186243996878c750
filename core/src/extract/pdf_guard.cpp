#include "extract/pdf_guard.hpp"

#include <zlib.h>

#include <cctype>
#include <string>
#include <vector>

namespace senrei {
namespace {

bool is_space(char c) { return c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f' || c == '\0'; }

// The object's dictionary text before a `stream` keyword: back to the nearest "obj".
std::string_view dictionary_before(std::string_view pdf, size_t stream_at) {
  size_t from = stream_at > 4096 ? stream_at - 4096 : 0;
  std::string_view window = pdf.substr(from, stream_at - from);
  size_t obj = window.rfind("obj");
  return obj == std::string_view::npos ? window : window.substr(obj);
}

// "12 0 obj" label of the object holding the stream, for messages.
std::string object_label(std::string_view pdf, size_t stream_at) {
  size_t from = stream_at > 4096 ? stream_at - 4096 : 0;
  std::string_view window = pdf.substr(from, stream_at - from);
  size_t obj = window.rfind("obj");
  if (obj == std::string_view::npos) return "a stream";
  size_t b = obj;
  int words = 0;
  while (b > 0 && words < 2) {
    while (b > 0 && is_space(window[b - 1])) --b;
    while (b > 0 && std::isdigit(static_cast<unsigned char>(window[b - 1]))) --b;
    ++words;
  }
  std::string label(window.substr(b, obj - b));
  while (!label.empty() && is_space(label.front())) label.erase(label.begin());
  while (!label.empty() && is_space(label.back())) label.pop_back();
  return "object " + label;
}

// Decodes ASCIIHexDecode data (whitespace ignored, '>' ends it).
std::string ascii_hex(std::string_view in) {
  std::string out;
  int hi = -1;
  for (char c : in) {
    if (c == '>') break;
    int v = std::isdigit(static_cast<unsigned char>(c)) ? c - '0'
            : (c >= 'a' && c <= 'f')                    ? c - 'a' + 10
            : (c >= 'A' && c <= 'F')                    ? c - 'A' + 10
                                                        : -1;
    if (v < 0) continue;
    if (hi < 0) {
      hi = v;
    } else {
      out += static_cast<char>(hi * 16 + v);
      hi = -1;
    }
  }
  if (hi >= 0) out += static_cast<char>(hi * 16);
  return out;
}

// Decodes ASCII85Decode data ('~>' ends it).
std::string ascii85(std::string_view in) {
  std::string out;
  uint32_t tuple = 0;
  int n = 0;
  for (size_t i = 0; i < in.size(); ++i) {
    char c = in[i];
    if (c == '~') break;
    if (is_space(c)) continue;
    if (c == 'z' && n == 0) {
      out.append(4, '\0');
      continue;
    }
    if (c < '!' || c > 'u') continue;
    tuple = tuple * 85 + static_cast<uint32_t>(c - '!');
    if (++n == 5) {
      for (int s = 24; s >= 0; s -= 8) out += static_cast<char>((tuple >> s) & 0xff);
      tuple = 0;
      n = 0;
    }
  }
  if (n > 1) {
    for (int k = n; k < 5; ++k) tuple = tuple * 85 + 84;
    for (int k = 0; k < n - 1; ++k) out += static_cast<char>((tuple >> (24 - 8 * k)) & 0xff);
  }
  return out;
}

// Bytes `data` inflates to, counting up to `cap` + 1 (then it stops); 0 when it is not zlib.
size_t inflated_size(std::string_view data, size_t cap) {
  z_stream z{};
  if (inflateInit(&z) != Z_OK) return 0;
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  z.avail_in = static_cast<uInt>(data.size() > 0xffffffffu ? 0xffffffffu : data.size());
  unsigned char sink[64 * 1024];
  size_t total = 0;
  for (;;) {
    z.next_out = sink;
    z.avail_out = sizeof sink;
    int rc = inflate(&z, Z_NO_FLUSH);
    total += sizeof sink - z.avail_out;
    if (total > cap || rc != Z_OK || (z.avail_in == 0 && z.avail_out != 0)) break;
  }
  inflateEnd(&z);
  return total;
}

// The filters named in a stream dictionary, in order: "FlateDecode", "ASCII85Decode", ...
std::vector<std::string> filters(std::string_view dict) {
  std::vector<std::string> out;
  size_t at = dict.find("/Filter");
  if (at == std::string_view::npos) return out;
  size_t i = at + 7;
  while (i < dict.size() && is_space(dict[i])) ++i;
  const bool array = i < dict.size() && dict[i] == '[';
  size_t end = array ? dict.find(']', i) : dict.find('/', i + 1);
  if (end == std::string_view::npos) end = dict.size();
  if (!array) {  // one name: up to the next delimiter
    end = i + 1;
    while (end < dict.size() && !is_space(dict[end]) && dict[end] != '/' && dict[end] != '>' && dict[end] != '[')
      ++end;
  }
  std::string_view list = dict.substr(i, end - i);
  for (size_t p = list.find('/'); p != std::string_view::npos; p = list.find('/', p + 1)) {
    size_t q = p + 1;
    while (q < list.size() && !is_space(list[q]) && list[q] != '/' && list[q] != ']' && list[q] != '>') ++q;
    out.emplace_back(list.substr(p + 1, q - p - 1));
  }
  return out;
}

}  // namespace

void check_pdf_streams(std::string_view pdf, const ExtractLimits& limits, const std::string& url) {
  size_t total = 0;
  size_t at = 0;
  while ((at = pdf.find("stream", at)) != std::string_view::npos) {
    const size_t keyword = at;
    at += 6;
    // The keyword itself: not "endstream", and followed by an end of line.
    if (keyword >= 3 && pdf.substr(keyword - 3, 3) == "end") continue;
    size_t data = keyword + 6;
    if (data < pdf.size() && pdf[data] == '\r') ++data;
    if (data >= pdf.size() || pdf[data] != '\n') continue;
    ++data;
    size_t end = pdf.find("endstream", data);
    if (end == std::string_view::npos) end = pdf.size();
    at = end;  // what follows is the stream's data, not PDF syntax: look again after it

    std::string_view dict = dictionary_before(pdf, keyword);
    if (dict.find("/Image") != std::string_view::npos) continue;  // never decoded for text
    std::vector<std::string> chain = filters(dict);
    std::string decoded;
    std::string_view bytes = pdf.substr(data, end - data);
    size_t step = 0;
    for (; step < chain.size(); ++step) {
      const std::string& f = chain[step];
      if (f == "ASCIIHexDecode" || f == "AHx") {
        decoded = ascii_hex(bytes);
      } else if (f == "ASCII85Decode" || f == "A85") {
        decoded = ascii85(bytes);
      } else {
        break;
      }
      bytes = decoded;
    }
    if (step == chain.size() || (chain[step] != "FlateDecode" && chain[step] != "Fl")) continue;
    const size_t size = inflated_size(bytes, limits.max_pdf_stream_bytes);
    if (size > limits.max_pdf_stream_bytes)
      throw ExtractError("too_large", url + ": " + object_label(pdf, keyword) + " of the PDF inflates to more than " +
                                          std::to_string(limits.max_pdf_stream_bytes >> 20) +
                                          " MB (the limit for one stream); not read");
    total += size;
    if (total > limits.max_pdf_inflated_bytes)
      throw ExtractError("too_large", url + ": the PDF's streams inflate to more than " +
                                          std::to_string(limits.max_pdf_inflated_bytes >> 20) +
                                          " MB together (the limit); not read");
  }
}

}  // namespace senrei
