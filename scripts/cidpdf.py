"""cidpdf — minimal PDF writer for Japanese text in a NON-EMBEDDED CID font (python3 stdlib only).

Ministry PDFs usually name a Japanese font (Ryumin-Light, GothicBBB-Medium, MS-Mincho) without
embedding it; a reader then needs the Adobe-Japan1 CMaps (Debian's poppler-data) to get any text
out.  scripts/make-test-pdfs and scripts/make-sample-pdfs write such files with this module, so
the extractor is tested on the hard case.  Output is deterministic: the same input gives the same
bytes.

    doc = Document(title="…", author="厚生労働省", created="D:20230531090000+09'00'")  # ASCII half-width
    doc.page([(72, 760, "第1章　総則"), …])      # (x, y, text) in the order they are drawn
    open(path, "wb").write(doc.bytes())
"""

# Ryumin-Light through UniJIS-UCS2-H: text is shown as UTF-16BE code units.
FONT_OBJECTS = [
    b"<< /Type /Font /Subtype /Type0 /BaseFont /Ryumin-Light-UniJIS-UCS2-H /Encoding /UniJIS-UCS2-H /DescendantFonts [%d 0 R] >>",
    b"<< /Type /Font /Subtype /CIDFontType0 /BaseFont /Ryumin-Light /CIDSystemInfo << /Registry (Adobe) /Ordering (Japan1) /Supplement 2 >> /FontDescriptor %d 0 R /DW 1000 >>",
    b"<< /Type /FontDescriptor /FontName /Ryumin-Light /Flags 6 /FontBBox [-170 -331 1024 903] /ItalicAngle 0 /Ascent 859 /Descent -143 /CapHeight 709 /StemV 69 >>",
]


def font_objects(first, narrow_ascii=False):
    """The three objects of the CID font, numbered first, first+1, first+2.  narrow_ascii gives
    the Roman glyphs (CIDs 1-95, what UniJIS-UCS2-H maps ASCII to) half an em, as real fonts do;
    otherwise every glyph is one em (DW 1000)."""
    cid = FONT_OBJECTS[1] % (first + 2)
    if narrow_ascii:
        cid = cid.replace(b"/DW 1000 >>", b"/DW 1000 /W [1 95 500] >>")
    return [FONT_OBJECTS[0] % (first + 1), cid, FONT_OBJECTS[2]]


def pdf(objects, info=None):
    """objects: bodies of objects 1..n (1 is the catalog); returns the file with a correct xref."""
    b = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for i, body in enumerate(objects, 1):
        offsets.append(len(b))
        b += b"%d 0 obj\n" % i + body + b"\nendobj\n"
    xref = len(b)
    b += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for o in offsets:
        b += b"%010d 00000 n \n" % o
    trailer = b"<< /Size %d /Root 1 0 R" % (len(objects) + 1)
    if info:
        trailer += b" /Info %d 0 R" % info
    b += b"trailer\n" + trailer + b" >>\nstartxref\n%d\n%%%%EOF\n" % xref
    return bytes(b)


def stream(data, extra=b""):
    return b"<< /Length %d%s >>\nstream\n" % (len(data), extra) + data + b"\nendstream"


def utf16(s):
    """A PDF text string (info dictionary) in UTF-16BE with a byte order mark."""
    return b"<" + ("\ufeff" + s).encode("utf-16-be").hex().upper().encode() + b">"


def show(s):
    return b"<" + s.encode("utf-16-be").hex().upper().encode() + b"> Tj"


def text_page(lines, size=12):
    """Content stream for lines (x, y, text), drawn in the order given."""
    ops = [b"BT /F1 %d Tf" % size]
    for x, y, t in lines:
        ops.append(b"1 0 0 1 %d %d Tm " % (x, y) + show(t))
    ops.append(b"ET")
    return b"\n".join(ops)


def wrap(text, width=36):
    """Splits a paragraph into lines at most `width` ems wide (ASCII half an em, as
    Document(narrow_ascii) sets it), never inside an ASCII word such as a URL that fits a line."""
    lines, line, used = [], "", 0.0
    i = 0
    while i < len(text):
        j = i + 1
        if text[i].isascii() and text[i] != " ":
            while j < len(text) and text[j].isascii() and text[j] != " ":
                j += 1
        piece = text[i:j]
        w = sum(0.5 if c.isascii() else 1 for c in piece)
        if used + w > width and line and w <= width:
            lines.append(line)
            line, used = "", 0.0
        if w > width:  # longer than a line: cut by characters
            for c in piece:
                cw = 0.5 if c.isascii() else 1
                if used + cw > width:
                    lines.append(line)
                    line, used = "", 0.0
                line += c
                used += cw
        else:
            line += piece
            used += w
        i = j
    lines.append(line)
    return [l.rstrip() for l in lines]


def flow(paragraphs, top=760, left=72, leading=18, width=36, bottom=72):
    """Lays out paragraphs (a blank string is a blank line) top to bottom; returns pages of
    (x, y, text) lines."""
    pages, lines, y = [], [], top
    for para in paragraphs:
        for line in wrap(para, width) if para else [""]:
            if y < bottom:
                pages.append(lines)
                lines, y = [], top
            if line:
                lines.append((left, y, line))
            y -= leading
    if lines:
        pages.append(lines)
    return pages


class Document:
    """Pages of Japanese text in one non-embedded CID font, plus an info dictionary."""

    def __init__(self, **info):
        self.info = info  # title, author, subject, created (D:…), modified (D:…), producer
        self.contents = []
        self.narrow_ascii = True

    def page(self, lines):
        self.contents.append(text_page(lines))

    def bytes(self):
        n = len(self.contents)
        kids = b" ".join(b"%d 0 R" % (3 + 2 * i) for i in range(n))
        font = 3 + 2 * n
        objs = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [%s] /Count %d >>" % (kids, n)]
        for i, content in enumerate(self.contents):
            objs.append(b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 %d 0 R >> >> /Contents %d 0 R >>"
                        % (font, 4 + 2 * i))
            objs.append(stream(content))
        objs += font_objects(font, self.narrow_ascii)
        entries = []
        for key, name in (("title", b"Title"), ("author", b"Author"), ("subject", b"Subject"),
                          ("producer", b"Producer")):
            if key in self.info:
                entries.append(b"/" + name + b" " + utf16(self.info[key]))
        for key, name in (("created", b"CreationDate"), ("modified", b"ModDate")):
            if key in self.info:
                entries.append(b"/" + name + b" (" + self.info[key].encode() + b")")
        if not entries:
            return pdf(objs)
        objs.append(b"<< " + b" ".join(entries) + b" >>")
        return pdf(objs, info=len(objs))


def image_only(width=32, height=32, info=None):
    """A scanned page: one gray image, no text at all; info is a dict like Document's."""
    import zlib
    img = zlib.compress(bytes(range(256)) * (width * height // 256))
    objs = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /XObject << /Im1 5 0 R >> >> /Contents 4 0 R >>",
        stream(b"q 400 0 0 400 100 300 cm /Im1 Do Q"),
        stream(img, b" /Type /XObject /Subtype /Image /Width %d /Height %d /ColorSpace /DeviceGray /BitsPerComponent 8 /Filter /FlateDecode"
               % (width, height)),
    ]
    if not info:
        return pdf(objs)
    entries = [b"/Title " + utf16(info["title"])] if "title" in info else []
    if "created" in info:
        entries.append(b"/CreationDate (" + info["created"].encode() + b")")
    objs.append(b"<< " + b" ".join(entries) + b" >>")
    return pdf(objs, info=len(objs))
