// extract/pdf.hpp — PDF bytes → pdf_pages, meta and title of a ParsedPage (poppler-cpp).
//
// Text per page in reading order (lines top to bottom, words left to right: single-column
// pages; two columns side by side are read line by line across), 「ラベル：値」 lines as labels;
// tables found from the words' positions (extract/pdf_table.hpp) in ParsedPage::tables, a table
// going on over pages as one with the header repeated on each page kept once, their label rows
// in `labels`, and each row one line of the page text ("a | b | c", cells whole);
// meta Title, Author, Subject, Keywords, Creator, Producer,
// CreationDate, ModDate (dates as ISO 8601, UTC).  Throws ExtractError "encrypted_pdf" (needs a
// password), "broken_pdf" (not parsable), "too_large".  A PDF without any text gets the flag
// "no_text_layer" (scanned pages), not an error.
#pragma once

#include <string_view>

#include "extract/extract.hpp"

namespace senrei {

void extract_pdf(std::string_view bytes, const ExtractLimits& limits, ParsedPage& page);

}  // namespace senrei
