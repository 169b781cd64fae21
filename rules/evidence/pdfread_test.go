package evidence

import (
	"bytes"
	"compress/zlib"
	"io"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"unicode/utf16"
)

// A small reader of the PDFs fpdf writes, enough to read a pack back: its
// objects and their streams (inflated), the text its pages show, its
// attachments and its cross-reference table.

type pdfObject struct {
	num    int
	dict   string
	stream []byte // inflated when the dictionary says FlateDecode
}

var objRE = regexp.MustCompile(`(?s)(\d+) 0 obj\s*(.*?)endobj`)

func pdfObjects(t *testing.T, b []byte) []pdfObject {
	t.Helper()
	var out []pdfObject
	for _, m := range objRE.FindAllSubmatchIndex(b, -1) {
		num, _ := strconv.Atoi(string(b[m[2]:m[3]]))
		body := b[m[4]:m[5]]
		o := pdfObject{num: num, dict: string(body)}
		if i := bytes.Index(body, []byte("stream\n")); i >= 0 {
			o.dict = string(body[:i])
			data := body[i+len("stream\n"):]
			data = data[:bytes.LastIndex(data, []byte("endstream"))]
			data = bytes.TrimSuffix(data, []byte("\n"))
			if strings.Contains(o.dict, "/FlateDecode") {
				r, err := zlib.NewReader(bytes.NewReader(data))
				if err != nil {
					t.Fatalf("object %d: %v", num, err)
				}
				if data, err = io.ReadAll(r); err != nil {
					t.Fatalf("object %d: %v", num, err)
				}
			}
			o.stream = data
		}
		out = append(out, o)
	}
	return out
}

// cp1252 is the part of Windows-1252 above ASCII that is not Latin-1, as
// far as the pack writes it.
var cp1252 = map[byte]rune{0x95: '•', 0x96: '–', 0x97: '—', 0x80: '€'}

// unescape reads a PDF literal string's body (the escapes fpdf writes),
// as bytes.
func unescape(s string) []byte {
	var out []byte
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c != '\\' || i+1 == len(s) {
			out = append(out, c)
			continue
		}
		i++
		switch s[i] {
		case 'r':
			out = append(out, '\r')
		case 'n':
			out = append(out, '\n')
		case '0', '1', '2', '3':
			v, _ := strconv.ParseUint(s[i:min(i+3, len(s))], 8, 8)
			out = append(out, byte(v))
			i += 2
		default:
			out = append(out, s[i])
		}
	}
	return out
}

func decodeCP1252(b []byte) string {
	var sb strings.Builder
	for _, c := range b {
		if r, ok := cp1252[c]; ok {
			sb.WriteRune(r)
		} else {
			sb.WriteRune(rune(c))
		}
	}
	return sb.String()
}

var tjRE = regexp.MustCompile(`\(((?:\\.|[^\\)])*)\) ?Tj`)

// pdfText is every string the pages show, in order, joined by spaces
// (a paragraph is written line by line).
func pdfText(t *testing.T, b []byte) string {
	t.Helper()
	var parts []string
	for _, o := range pdfObjects(t, b) {
		if o.stream == nil || strings.Contains(o.dict, "/EmbeddedFile") || strings.Contains(o.dict, "/Length1") {
			continue
		}
		for _, m := range tjRE.FindAllStringSubmatch(string(o.stream), -1) {
			parts = append(parts, strings.TrimSpace(decodeCP1252(unescape(m[1]))))
		}
	}
	return strings.Join(parts, " ")
}

type attachment struct {
	name, desc string
	content    []byte
}

var (
	ufRE   = regexp.MustCompile(`/UF \(((?:\\.|[^\\)])*)\)`)
	descRE = regexp.MustCompile(`/Desc \(((?:\\.|[^\\)])*)\)`)
	efRE   = regexp.MustCompile(`/EF << /F (\d+) 0 R >>`)
)

func utf16Text(b []byte) string {
	b = bytes.TrimPrefix(b, []byte{0xFE, 0xFF})
	u := make([]uint16, 0, len(b)/2)
	for i := 0; i+1 < len(b); i += 2 {
		u = append(u, uint16(b[i])<<8|uint16(b[i+1]))
	}
	return string(utf16.Decode(u))
}

// pdfAttachments reads every file specification and the embedded file it
// points to.
func pdfAttachments(t *testing.T, b []byte) []attachment {
	t.Helper()
	objs := pdfObjects(t, b)
	byNum := map[int]pdfObject{}
	for _, o := range objs {
		byNum[o.num] = o
	}
	var out []attachment
	for _, o := range objs {
		if !strings.Contains(o.dict, "/Type /Filespec") {
			continue
		}
		a := attachment{}
		if m := ufRE.FindStringSubmatch(o.dict); m != nil {
			a.name = utf16Text(unescape(m[1]))
		}
		if m := descRE.FindStringSubmatch(o.dict); m != nil {
			a.desc = utf16Text(unescape(m[1]))
		}
		if m := efRE.FindStringSubmatch(o.dict); m != nil {
			n, _ := strconv.Atoi(m[1])
			ef := byNum[n]
			if !strings.Contains(ef.dict, "/Type /EmbeddedFile") {
				t.Fatalf("file spec %d points at %q", o.num, ef.dict)
			}
			a.content = ef.stream
		}
		out = append(out, a)
	}
	return out
}

var startxrefRE = regexp.MustCompile(`startxref\s+(\d+)\s+%%EOF\s*$`)

// checkStructure: the header, the trailer's startxref pointing at the
// cross-reference table, and every in-use entry of that table at its
// object.
func checkStructure(t *testing.T, b []byte) {
	t.Helper()
	if !bytes.HasPrefix(b, []byte("%PDF-1.")) {
		t.Fatalf("no PDF header: %q", b[:min(len(b), 10)])
	}
	m := startxrefRE.FindSubmatch(b)
	if m == nil {
		t.Fatal("no startxref and EOF marker at the end")
	}
	off, _ := strconv.Atoi(string(m[1]))
	if off >= len(b) || !bytes.HasPrefix(b[off:], []byte("xref")) {
		t.Fatalf("startxref %d does not point at the xref table", off)
	}
	lines := strings.Split(string(b[off:]), "\n")
	var first, count int
	if _, err := fmtSscan(lines[1], &first, &count); err != nil {
		t.Fatalf("xref subsection %q: %v", lines[1], err)
	}
	checked := 0
	for i := 0; i < count; i++ {
		e := strings.Fields(lines[2+i])
		if len(e) != 3 || e[2] != "n" {
			continue
		}
		at, _ := strconv.Atoi(e[0])
		want := strconv.Itoa(first+i) + " 0 obj"
		if at >= len(b) || !bytes.HasPrefix(b[at:], []byte(want)) {
			t.Errorf("xref entry %d points at %q", first+i, b[at:min(at+12, len(b))])
		}
		checked++
	}
	if checked < 10 {
		t.Errorf("only %d objects in the xref table", checked)
	}
}

func fmtSscan(s string, a, b *int) (int, error) {
	f := strings.Fields(s)
	if len(f) != 2 {
		return 0, io.ErrUnexpectedEOF
	}
	var err error
	if *a, err = strconv.Atoi(f[0]); err != nil {
		return 0, err
	}
	if *b, err = strconv.Atoi(f[1]); err != nil {
		return 1, err
	}
	return 2, nil
}
