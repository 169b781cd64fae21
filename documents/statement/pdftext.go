package statement

import (
	"bytes"
	"compress/zlib"
	"errors"
	"fmt"
	"io"
	"math"
	"sort"
	"strings"
	"time"

	"github.com/cekbpjstk/cekbpjstk/documents"
	"github.com/cekbpjstk/cekbpjstk/member"
	"github.com/ledongthuc/pdf"
)

// maxInflatedTotal bounds what all of a file's streams may inflate to
// together; MaxStreamBytes bounds each one.
const maxInflatedTotal = 4 * documents.MaxStreamBytes

// maxPageContent bounds what a page's content streams may inflate to:
// the library makes a value per glyph, so a page of millions of glyphs
// would take gigabytes. A printout's page is tens of kilobytes.
const maxPageContent = 1 << 20

// extractTimeout is the last defence against a file that makes the PDF
// library loop (a reference cycle the checks below do not foresee): the
// reader gives up and says so. Reading a real printout takes milliseconds.
const extractTimeout = 5 * time.Second

// line is one line of text as a reader sees it: the text objects that sit
// at the same height on a page, left to right.
type line struct {
	page, no int // 1-based; no counts lines from the top of the page
	y        float64
	text     string
}

// chunk is a run of glyphs the content stream draws together.
type chunk struct {
	x, y, size float64
	text       strings.Builder
}

var (
	reStreamStart = documents.Regexp(`stream\r?\n`)
	// reExtends: an object stream that extends another can make the
	// library's object lookup loop; a statement printout never has one.
	reExtends = documents.Regexp(`/E(x|#78)(t|#74)(e|#65)(n|#6[eE])(d|#64)(s|#73)`)
)

// extract returns the lines of every page, top to bottom, or a Problem.
func extract(at member.Source, data []byte) ([]line, int, *documents.Problem) {
	if len(data) > documents.MaxFileBytes {
		return nil, 0, documents.Errorf("too_large", at,
			"berkas %s terlalu besar untuk sebuah cetakan saldo (batas %d MB)",
			"file is %s, too large for a statement printout (the limit is %d MB)",
			mb(len(data)), documents.MaxFileBytes>>20)
	}
	if !bytes.HasPrefix(bytes.TrimLeft(data[:min(len(data), 1024)], "\x00\t\r\n "), []byte("%PDF-")) {
		return nil, 0, notStatement(at, "bukan berkas PDF", "not a PDF file")
	}
	if p := checkInflation(at, data); p != nil {
		return nil, 0, p
	}
	if reExtends().Match(data) {
		return nil, 0, documents.Errorf("unsupported_pdf", at,
			"susunan PDF ini tidak didukung (object stream /Extends); cetak ulang atau ketik angkanya di formulir",
			"this PDF's structure is not supported (object stream /Extends); print it again or type the figures in the form")
	}
	type result struct {
		lines []line
		pages int
		p     *documents.Problem
	}
	done := make(chan result, 1)
	go func() {
		var r result
		r.lines, r.pages, r.p = extractPages(at, data)
		done <- r
	}()
	select {
	case r := <-done:
		return r.lines, r.pages, r.p
	case <-time.After(extractTimeout):
		return nil, 0, documents.Errorf("too_complex", at,
			"PDF ini tidak selesai dibaca dalam %d detik; berkasnya rusak atau bukan cetakan saldo",
			"reading this PDF did not finish within %d seconds; the file is damaged or not a statement printout",
			int(extractTimeout/time.Second))
	}
}

func mb(n int) string { return fmt.Sprintf("%.1f MB", float64(n)/(1<<20)) }

// checkInflation inflates every zlib stream in the file through a limit
// before the PDF library sees any of them: a stream that inflates without
// end (a "flate bomb") is refused here, not inside the library.
func checkInflation(at member.Source, data []byte) *documents.Problem {
	var total int64
	buf := make([]byte, 32<<10)
	for _, loc := range reStreamStart().FindAllIndex(data, -1) {
		start := loc[1]
		if start+2 > len(data) || data[start]&0x0f != 8 { // not a zlib header (deflate)
			continue
		}
		zr, err := zlib.NewReader(bytes.NewReader(data[start:]))
		if err != nil {
			continue
		}
		n, _ := io.CopyBuffer(io.Discard, io.LimitReader(zr, documents.MaxStreamBytes+1), buf)
		total += n
		if n > documents.MaxStreamBytes || total > maxInflatedTotal {
			return bomb(at)
		}
	}
	return nil
}

func bomb(at member.Source) *documents.Problem {
	return documents.Errorf("inflates_without_end", at,
		"PDF ini berisi aliran terkompresi yang mengembang melebihi %d MB; berkas ini tidak dibaca",
		"this PDF holds a compressed stream that inflates past %d MB; the file was not read",
		documents.MaxStreamBytes>>20)
}

// extractPages runs the PDF library with every panic turned into a
// Problem.
func extractPages(at member.Source, data []byte) (lines []line, pages int, prob *documents.Problem) {
	defer func() {
		if r := recover(); r != nil {
			lines, pages = nil, 0
			prob = damaged(at, fmt.Sprint(r))
		}
	}()
	r, err := pdf.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return nil, 0, openProblem(at, data, err)
	}
	kids := pageList(r)
	if len(kids) > documents.MaxPages {
		return nil, 0, documents.Errorf("too_many_pages", at,
			"PDF ini punya lebih dari %d halaman; cetakan saldo satu tahun hanya beberapa halaman",
			"this PDF has more than %d pages; a year's statement printout has only a few", documents.MaxPages)
	}
	if len(kids) == 0 {
		return nil, 0, damaged(at, "no pages")
	}
	var inflated int64
	for i, pg := range kids {
		// Every stream the content parser will read is inflated through a
		// limit first: the page's contents and its fonts' ToUnicode maps.
		contents, fonts := pageStreams(pg)
		var content int64
		for i, s := range append(contents, fonts...) {
			n, err := boundedLen(s)
			inflated += n
			if errors.Is(err, errTooLarge) || inflated > maxInflatedTotal {
				return nil, 0, bomb(at)
			}
			if i < len(contents) {
				content += n
			}
		}
		if content > maxPageContent {
			return nil, 0, documents.Errorf("too_complex", at,
				"halaman %d berisi lebih dari %d MB teks dan gambar; cetakan saldo jauh lebih kecil",
				"page %d holds more than %d MB of text and drawing; a statement printout is far smaller",
				i+1, maxPageContent>>20)
		}
		lines = append(lines, pageLines(i+1, pg.Content())...)
	}
	return lines, len(kids), nil
}

var errTooLarge = errors.New("stream inflates past the limit")

// boundedLen reads a stream through the limit and says how long it is.
func boundedLen(v pdf.Value) (int64, error) {
	rc := v.Reader()
	defer rc.Close()
	n, err := io.Copy(io.Discard, io.LimitReader(rc, documents.MaxStreamBytes+1))
	if n > documents.MaxStreamBytes {
		return n, errTooLarge
	}
	return n, err
}

// pageStreams are the streams the library's content parser reads for a
// page: its contents, and its fonts' ToUnicode maps.
func pageStreams(pg pdf.Page) (contents, fonts []pdf.Value) {
	c := pg.V.Key("Contents")
	switch c.Kind() {
	case pdf.Stream:
		contents = append(contents, c)
	case pdf.Array:
		for i := 0; i < c.Len() && i < 1000; i++ {
			contents = append(contents, c.Index(i))
		}
	}
	fontDict := pg.Resources().Key("Font")
	for i, name := range fontDict.Keys() {
		if i >= 100 {
			break
		}
		if tu := fontDict.Key(name).Key("ToUnicode"); tu.Kind() == pdf.Stream {
			fonts = append(fonts, tu)
		}
	}
	return contents, fonts
}

// pageList walks the page tree itself, with a visited set and a depth
// bound, so a tree that refers to itself cannot loop (the library's own
// Page(n) would).
func pageList(r *pdf.Reader) []pdf.Page {
	var out []pdf.Page
	seen := map[string]bool{}
	var walk func(v pdf.Value, depth int)
	walk = func(v pdf.Value, depth int) {
		if depth > 32 || len(out) > documents.MaxPages {
			return
		}
		switch v.Key("Type").Name() {
		case "Page":
			out = append(out, pdf.Page{V: v})
		case "Pages":
			kids := v.Key("Kids")
			for i := 0; i < kids.Len() && len(out) <= documents.MaxPages; i++ {
				k := kids.Index(i)
				// Only an inner node can lead back up the tree; the
				// library gives no object numbers, so a node is known
				// by what it says (two that say the same are the same
				// subtree).
				if k.Key("Type").Name() == "Pages" {
					id := k.String()
					if seen[id] {
						continue
					}
					seen[id] = true
				}
				walk(k, depth+1)
			}
		}
	}
	walk(r.Trailer().Key("Root").Key("Pages"), 0)
	return out
}

// openProblem says why the library could not open the file.
func openProblem(at member.Source, data []byte, err error) *documents.Problem {
	tail := data[max(0, len(data)-2048):]
	switch {
	case errors.Is(err, pdf.ErrInvalidPassword) || bytes.Contains(data, []byte("/Encrypt")):
		return documents.Errorf("encrypted", at,
			"PDF ini dikunci dengan kata sandi; buka dengan kata sandinya lalu simpan (cetak ke PDF) tanpa kata sandi, atau ketik angkanya di formulir",
			"this PDF is locked with a password; open it with its password and save it (print to PDF) without one, or type the figures in the form")
	case !bytes.Contains(tail, []byte("%%EOF")) || !bytes.Contains(tail, []byte("startxref")):
		return documents.Errorf("truncated", at,
			"PDF ini terpotong (akhir berkasnya tidak ada); unduh atau salin ulang berkasnya",
			"this PDF is cut short (its end is missing); download or copy the file again")
	default:
		return damaged(at, err.Error())
	}
}

func damaged(at member.Source, detail string) *documents.Problem {
	if len(detail) > 120 {
		detail = detail[:120]
	}
	return documents.Errorf("damaged_pdf", at,
		"PDF ini rusak dan tidak bisa dibaca (%s); unduh ulang atau ketik angkanya di formulir",
		"this PDF is damaged and cannot be read (%s); download it again or type the figures in the form", detail)
}

// pageLines groups a page's glyphs into chunks (what one text object draws
// at one place), then chunks at the same height into lines, left to right,
// whatever order the content stream drew them in.
func pageLines(page int, c pdf.Content) []line {
	var chunks []*chunk
	var cur *chunk
	var lastX, lastW float64
	for _, t := range c.Text {
		if t.S == "\n" {
			cur = nil
			continue
		}
		if math.IsNaN(t.X) || math.IsNaN(t.Y) || math.IsInf(t.X, 0) || math.IsInf(t.Y, 0) {
			continue
		}
		// A glyph continues the chunk when it sits where the previous one
		// ended (fonts with widths) or where it started (CID fonts whose
		// widths the library does not read: every glyph of a string
		// carries the string's position).
		if cur == nil || math.Abs(t.Y-cur.y) > 0.5 ||
			(math.Abs(t.X-lastX) > 0.01 && math.Abs(t.X-(lastX+lastW)) > 1) {
			cur = &chunk{x: t.X, y: t.Y, size: t.FontSize}
			chunks = append(chunks, cur)
		}
		cur.text.WriteString(t.S)
		lastX, lastW = t.X, t.W
	}
	// Highest first (PDF y grows upwards); chunks within a point of a
	// line's first are on that line, left to right.
	sort.SliceStable(chunks, func(i, j int) bool { return chunks[i].y > chunks[j].y })
	var out []line
	for i := 0; i < len(chunks); {
		j := i
		for j < len(chunks) && chunks[i].y-chunks[j].y <= 1 {
			j++
		}
		group := chunks[i:j]
		sort.SliceStable(group, func(a, b int) bool { return group[a].x < group[b].x })
		var parts []string
		for _, c := range group {
			if s := strings.TrimSpace(c.text.String()); s != "" {
				parts = append(parts, s)
			}
		}
		if len(parts) > 0 {
			out = append(out, line{page: page, no: len(out) + 1, y: chunks[i].y, text: strings.Join(parts, " ")})
		}
		i = j
	}
	return out
}
