package tabular

import (
	"encoding/csv"
	"errors"
	"io"
	"strings"
	"unicode/utf8"

	"github.com/cekbpjstk/cekbpjstk/documents"
	"github.com/cekbpjstk/cekbpjstk/member"
)

// maxLineBytes bounds a header or a pasted line: a longer one is no
// header and no line of JMO's screen, and matching it would cost time
// (a hostile 20 MB line took minutes).
const maxLineBytes = 4 << 10

// shorten keeps a refused row's text short enough to show.
func shorten(s string) string {
	const most = 300
	if len(s) <= most {
		return s
	}
	cut := most
	for cut > 0 && !utf8.RuneStart(s[cut]) {
		cut--
	}
	return s[:cut] + "…"
}

// headerSearch is how many non-empty lines may come before the header (a
// title, a company name, a "sep=;" line).
const headerSearch = 10

// record is one row of a table: its line and cells, or why it cannot be
// read at all.
type record struct {
	line    int
	cells   []string
	text    string // the row as written, for the preview
	problem *documents.Problem
}

// table is a CSV (or tab-separated) text with its header matched to a
// layout.
type table struct {
	src     member.Source
	sep     rune
	header  []string
	m       mapping
	records []record
}

// sepName names a separator in messages.
func sepName(r rune) string {
	switch r {
	case '\t':
		return "tab"
	case ';':
		return "';'"
	}
	return "','"
}

// sniffSep picks the separator a header line uses: the most frequent of
// tab, semicolon and comma outside quotes (ties go to the tab, then the
// semicolon, as Indonesian spreadsheets write commas in numbers).
func sniffSep(line string) rune {
	counts := map[rune]int{}
	quoted := false
	for _, r := range line {
		switch {
		case r == '"':
			quoted = !quoted
		case !quoted && (r == '\t' || r == ';' || r == ','):
			counts[r]++
		}
	}
	best, most := ',', 0
	for _, r := range []rune{'\t', ';', ','} {
		if counts[r] > most {
			best, most = r, counts[r]
		}
	}
	return best
}

// splitOne reads one line as a CSV record with the separator.
func splitOne(line string, sep rune) []string {
	r := csv.NewReader(strings.NewReader(line))
	r.Comma, r.LazyQuotes, r.FieldsPerRecord = sep, true, -1
	rec, err := r.Read()
	if err != nil {
		return nil
	}
	return rec
}

// findHeader finds the header among the first lines: the line and layout
// that fit best. ok is false when no layout has all its required columns;
// best then says what is missing.
func findHeader(lines []string, ls []*layout) (line int, sep rune, best mapping, ok bool) {
	forced := rune(0)
	seen, bestLine := 0, -1
	for i, l := range lines {
		if strings.TrimSpace(l) == "" {
			continue
		}
		if seen++; seen > headerSearch {
			break
		}
		if len(l) > maxLineBytes {
			continue // no header is this long; matching it would only cost time
		}
		if t := strings.TrimSpace(l); len(t) == 5 && strings.EqualFold(t[:4], "sep=") {
			forced = rune(t[4]) // Excel's "sep=;" line
			continue
		}
		s := forced
		if s == 0 {
			s = sniffSep(l)
		}
		header := splitOne(l, s)
		if len(header) < 2 {
			continue // every layout has two columns or more: a title, a sentence
		}
		for _, lay := range ls {
			m := lay.match(header)
			if bestLine < 0 || m.better(best) {
				best, bestLine, sep = m, i, s
			}
		}
		if len(best.missing) == 0 && bestLine == i {
			return i + 1, sep, best, true
		}
	}
	if bestLine < 0 {
		return 0, ',', mapping{}, false
	}
	return bestLine + 1, sep, best, len(best.missing) == 0
}

// loadTable reads the rows under the header at headerLine (1-based). A
// row with a different number of cells is kept with its problem; more
// rows than documents.MaxRows is an error.
func loadTable(src member.Source, lines []string, headerLine int, sep rune, m mapping) (*table, error) {
	t := &table{src: src, sep: sep, m: m}
	rest := strings.Join(lines[headerLine-1:], "\n")
	r := csv.NewReader(strings.NewReader(rest))
	r.Comma, r.LazyQuotes, r.FieldsPerRecord = sep, true, -1
	header, err := r.Read()
	if err != nil {
		return nil, documents.Errorf("csv_syntax", at(src, headerLine), "judul kolom tidak bisa dibaca", "the header cannot be read")
	}
	t.header = header
	n := len(header)
	for {
		rec, err := r.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		line, _ := r.FieldPos(0)
		line += headerLine - 1
		if err != nil {
			return nil, documents.Errorf("csv_syntax", at(src, line), "baris tidak bisa dibaca sebagai CSV", "the line cannot be read as CSV")
		}
		if blank(rec) {
			continue
		}
		if len(t.records) >= documents.MaxRows {
			return nil, documents.Errorf("too_many_rows", at(src, line),
				"lebih dari %d baris; pisahkan menjadi beberapa berkas", "more than %d rows; split it into several files",
				documents.MaxRows)
		}
		raw := ""
		if line-1 < len(lines) {
			raw = lines[line-1]
		}
		rc := record{line: line, cells: rec, text: shorten(raw)}
		for len(rc.cells) > n && strings.TrimSpace(rc.cells[len(rc.cells)-1]) == "" {
			rc.cells = rc.cells[:len(rc.cells)-1]
		}
		if len(rc.cells) != n && n > 1 {
			rc.problem = shapeProblem(at(src, line), raw, sep, n, len(rc.cells))
		}
		for len(rc.cells) < n {
			rc.cells = append(rc.cells, "")
		}
		t.records = append(t.records, rc)
	}
	return t, nil
}

// shapeProblem says why a row has a different number of cells than the
// header: another separator, or an amount with commas in a comma file.
func shapeProblem(a member.Source, raw string, sep rune, want, got int) *documents.Problem {
	for _, other := range []rune{';', '\t', ','} {
		if other != sep && len(splitOne(raw, other)) == want {
			return documents.Errorf("mixed_separators", a,
				"baris ini dipisah dengan %s, judul kolom dengan %s; pakai satu pemisah di seluruh berkas",
				"this row is separated by %s, the header by %s; use one separator throughout the file",
				sepName(other), sepName(sep))
		}
	}
	if got > want {
		return documents.Errorf("field_count", a,
			"baris ini punya %d kolom, judul kolom %d; angka yang memakai %s harus diberi tanda kutip",
			"this row has %d cells, the header %d; amounts written with %s must be quoted",
			got, want, sepName(sep))
	}
	return documents.Errorf("field_count", a, "baris ini punya %d kolom, judul kolom %d",
		"this row has %d cells, the header %d", got, want)
}

func blank(rec []string) bool {
	for _, c := range rec {
		if strings.TrimSpace(c) != "" {
			return false
		}
	}
	return true
}

// at is the source at a line.
func at(src member.Source, line int) member.Source {
	src.Line = line
	return src
}
