// extract/pdf_guard.hpp — refusing a PDF whose compressed streams would swamp poppler.
//
// A PDF of 150 KB can hold a FlateDecode content stream that inflates to 50 MB; poppler then
// spends 14 s and 2.3 GB extracting its text, and a slightly bigger one takes the machine's
// memory.  poppler-cpp has no way to bound that, so before poppler sees the bytes, every
// stream that text extraction may decode (content streams, object streams, fonts, CMaps; not
// images, which text extraction never decodes) is inflated here into a counter, never into
// memory.  Flate, with an ASCIIHex or ASCII85 layer before it, is measured; streams with other
// filters (LZW, RunLength, …) are not.  Cost: one pass of zlib over the streams.
#pragma once

#include <string_view>

#include "extract/extract.hpp"

namespace senrei {

// Throws ExtractError "too_large" naming the URL, the object and the limit when one stream
// inflates beyond limits.max_pdf_stream_bytes, or all of them together beyond
// limits.max_pdf_inflated_bytes.
void check_pdf_streams(std::string_view pdf, const ExtractLimits& limits, const std::string& url);

}  // namespace senrei
