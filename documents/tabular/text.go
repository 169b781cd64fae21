package tabular

import (
	"bytes"
	"strings"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/cekbpjstk/cekbpjstk/documents"
	"github.com/cekbpjstk/cekbpjstk/member"
)

// decodeText checks that data is a text file within the limits and returns
// it as UTF-8 without a byte-order mark. Spreadsheets write UTF-8 with or
// without a BOM, UTF-16 ("Unicode text", with its BOM) or Windows-1252;
// all are read.
func decodeText(src member.Source, data []byte) (string, error) {
	if len(data) > documents.MaxFileBytes {
		return "", documents.Errorf("too_large", src,
			"berkas %d MB, lebih besar dari batas %d MB", "the file is %d MB, larger than the limit of %d MB",
			len(data)>>20, documents.MaxFileBytes>>20)
	}
	switch {
	case bytes.HasPrefix(data, []byte{0xEF, 0xBB, 0xBF}):
		data = data[3:]
	case len(data) >= 2 && len(data)%2 == 0 && (bytes.HasPrefix(data, []byte{0xFF, 0xFE}) || bytes.HasPrefix(data, []byte{0xFE, 0xFF})):
		data = fromUTF16(data[2:], data[0] == 0xFE)
	}
	if len(bytes.TrimSpace(data)) == 0 {
		return "", documents.Errorf("empty", src, "berkas kosong", "the file is empty")
	}
	if looksBinary(data) {
		return "", documents.Errorf("not_text", src,
			"bukan berkas teks (CSV atau teks yang ditempel); simpan tabel sebagai CSV dari aplikasi lembar kerja",
			"not a text file (CSV or pasted text); save the table as CSV from the spreadsheet program")
	}
	if !utf8.Valid(data) {
		// Windows-1252 as Latin-1: every byte is the rune of its value.
		var b strings.Builder
		for _, c := range data {
			b.WriteRune(rune(c))
		}
		return b.String(), nil
	}
	return string(data), nil
}

// looksBinary: a NUL byte, or more than one control character in a
// hundred, in the first 8 KB.
func looksBinary(data []byte) bool {
	head := data[:min(len(data), 8<<10)]
	if bytes.IndexByte(head, 0) >= 0 {
		return true
	}
	ctl := 0
	for _, c := range head {
		if c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' {
			ctl++
		}
	}
	return ctl*100 > len(head)
}

func fromUTF16(b []byte, bigEndian bool) []byte {
	u := make([]uint16, len(b)/2)
	for i := range u {
		if bigEndian {
			u[i] = uint16(b[2*i])<<8 | uint16(b[2*i+1])
		} else {
			u[i] = uint16(b[2*i+1])<<8 | uint16(b[2*i])
		}
	}
	return []byte(string(utf16.Decode(u)))
}

// splitLines splits text into lines without their ends ("\r\n", "\n" or
// "\r").
func splitLines(s string) []string {
	s = strings.ReplaceAll(s, "\r\n", "\n")
	s = strings.ReplaceAll(s, "\r", "\n")
	return strings.Split(s, "\n")
}
