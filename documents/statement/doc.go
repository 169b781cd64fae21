// Package statement reads BPJSTK's yearly statement printout, "INFORMASI
// DANA DAN USIA PENSIUN PESERTA JHT - JP TAHUN YYYY" (often called RSJHT:
// printed at a branch or e-mailed from JMO), a PDF with a text layer, one
// per year per card, into the member model.
//
// Read takes the header (print date, card number, employer and NPP, the
// month the card opened, the member's name, birth date and NIK; the NIK
// only to tell members apart), one month per table row (Tgl Setor, BL-TH,
// Tgl Posting, Upah, Rapel and the four shares), "Jumlah", "Akumulasi Iuran
// JP" and the "Summary JHT" (opening balance, contributions, returns,
// closing balance). The "Susunan Penerima Manfaat JP" block (spouse,
// children, parents) is skipped unread: nothing of it is kept.
//
// Text extraction can split, join or reorder lines, so the reader groups
// the glyphs by their place on the page, finds each figure by its pattern,
// and checks every row, the columns' sums against "Jumlah", and the summary
// (opening + contributions + returns = closing). A row it cannot take is
// refused with the reason and its page and line; when the sums disagree no
// row of that printout is taken. Every figure keeps its member.Source.
//
// # The PDF library
//
// Text extraction is github.com/ledongthuc/pdf, the maintained pure-Go
// fork of rsc.io/pdf: it reads compressed (Flate) streams, cross-reference
// streams and object streams, and decodes Type0/CID fonts through their
// ToUnicode maps, which is how printouts made with embedded TrueType fonts
// carry their text. It was chosen over
//   - pdfcpu: good at validating and rewriting PDFs, but it offers no text
//     extraction (only raw content streams), which is the whole job here;
//   - go-pdfium (PDFium compiled to WebAssembly, run by wazero): the most
//     faithful extraction, but a large runtime whose start-up alone eats
//     most of the 100 ms a year's printout may take;
//   - go-fitz: cgo and MuPDF's AGPL licence, and a C parser in the
//     process.
//
// ledongthuc/pdf signals malformed input by panicking and trusts the file's
// structure, so the reader fences it in: a file over MaxFileBytes is
// refused unread; every zlib stream in the file is inflated through a
// limit of MaxStreamBytes (and all of them together through four times
// that) before the library parses anything; each page's content streams and
// its fonts' ToUnicode maps are read through an io.LimitReader again before
// the library's content parser runs, and a page's contents may not pass
// 1 MB (the library makes a value per glyph); the page tree is walked here with a
// visited set (the library's own walk would loop on a cycle); more than
// MaxPages pages or MaxRows rows are refused; object streams that "extend"
// another (a loop the library cannot see) are refused; every panic becomes
// a *documents.Problem; and a watchdog gives up after five seconds with a
// sentence rather than leave the caller waiting. The library reads CID
// fonts without their glyph widths, so the reader takes a string's glyphs
// at the string's position and keeps them together.
//
// The tests and the demo build their printouts with
// sandbox/demodocs/printout from invented members; FuzzRead runs the reader
// on arbitrary bytes, seeded with those printouts and broken ones.
package statement
