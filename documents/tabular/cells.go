package tabular

import (
	"fmt"
	"strings"
	"time"

	"github.com/cekbpjstk/cekbpjstk/documents"
	"github.com/cekbpjstk/cekbpjstk/member"
)

// cells reads one row's cells by column key, each problem naming the
// column as the file writes it.
type cells struct {
	t   *table
	rec record
	at  member.Source
}

func (c cells) has(key string) bool { return len(c.t.m.idx[key]) > 0 }

func (c cells) text(key string) string {
	for _, i := range c.t.m.idx[key] {
		if i < len(c.rec.cells) {
			return strings.TrimSpace(c.rec.cells[i])
		}
	}
	return ""
}

func (c cells) head(key string, i int) string { return strings.TrimSpace(c.t.header[i]) }

func (c cells) colName(key string) string {
	if ix := c.t.m.idx[key]; len(ix) > 0 {
		return c.head(key, ix[0])
	}
	return key
}

// empty is the problem of a required cell left empty.
func (c cells) empty(key string) *documents.Problem {
	return documents.Errorf("empty_cell", c.at, "kolom %q kosong", "column %q is empty", c.colName(key))
}

// amount is the sum of the key's columns (one, unless the column adds up).
func (c cells) amount(key string) (member.Rupiah, *documents.Problem) {
	var sum member.Rupiah
	for _, i := range c.t.m.idx[key] {
		if i >= len(c.rec.cells) {
			continue
		}
		v := c.rec.cells[i]
		n, e := parseAmount(v)
		name := c.head(key, i)
		switch e {
		case amountNotNumber:
			return 0, documents.Errorf("bad_amount", c.at, "kolom %q: %q bukan jumlah rupiah", "column %q: %q is not a rupiah amount", name, shorten(v))
		case amountNegative:
			return 0, documents.Errorf("negative_amount", c.at, "kolom %q: jumlah negatif %q", "column %q: negative amount %q", name, shorten(v))
		case amountAbsurd:
			return 0, documents.Errorf("absurd_amount", c.at,
				"kolom %q: %q lebih dari Rp10 miliar; periksa pemisah ribuan", "column %q: %q is more than Rp10 billion; check the thousands separators",
				name, shorten(v))
		}
		sum += n
	}
	if sum > MaxAmount {
		return 0, documents.Errorf("absurd_amount", c.at, "kolom %q berjumlah lebih dari Rp10 miliar", "the columns %q add up to more than Rp10 billion", c.colName(key))
	}
	return sum, nil
}

// month reads a required month.
func (c cells) month(key string) (time.Time, *documents.Problem) {
	v := c.text(key)
	if v == "" {
		return time.Time{}, c.empty(key)
	}
	m, e := parseMonth(v)
	switch e {
	case dateNotDate:
		return time.Time{}, documents.Errorf("bad_month", c.at,
			"kolom %q: %q bukan bulan (tulis MM-YYYY, YYYY-MM atau Januari 2025)",
			"column %q: %q is not a month (write MM-YYYY, YYYY-MM or January 2025)", c.colName(key), shorten(v))
	case dateImpossible:
		if len(dateFields(v)) == 3 {
			return time.Time{}, documents.Errorf("bad_date", c.at, "kolom %q: tanggal %q tidak ada", "column %q: date %q does not exist", c.colName(key), shorten(v))
		}
		return time.Time{}, documents.Errorf("bad_date", c.at, "kolom %q: bulan %q tidak ada", "column %q: month %q does not exist", c.colName(key), shorten(v))
	}
	return m, nil
}

// date reads a date; empty is the zero time, and required says whether
// that is a problem.
func (c cells) date(key string, required bool) (time.Time, *documents.Problem) {
	v := c.text(key)
	if v == "" || v == "-" {
		if required {
			return time.Time{}, c.empty(key)
		}
		return time.Time{}, nil
	}
	d, e := parseDate(v)
	switch e {
	case dateNotDate:
		return time.Time{}, documents.Errorf("bad_date", c.at,
			"kolom %q: %q bukan tanggal (tulis DD-MM-YYYY, DD/MM/YYYY atau YYYY-MM-DD)",
			"column %q: %q is not a date (write DD-MM-YYYY, DD/MM/YYYY or YYYY-MM-DD)", c.colName(key), shorten(v))
	case dateImpossible:
		return time.Time{}, documents.Errorf("bad_date", c.at, "kolom %q: tanggal %q tidak ada", "column %q: date %q does not exist", c.colName(key), shorten(v))
	}
	return d, nil
}

// kpj reads a card number: eleven digits, required or not.
func (c cells) kpj(required bool) (string, *documents.Problem) {
	v := c.text("kpj")
	if v == "" || v == "-" {
		if required {
			return "", c.empty("kpj")
		}
		return "", nil
	}
	d, ok := kpjDigits(v)
	if !ok {
		return "", documents.Errorf("bad_kpj", c.at, "kolom %q: %q bukan nomor KPJ (11 angka)", "column %q: %q is not a KPJ number (11 digits)", c.colName("kpj"), shorten(v))
	}
	return d, nil
}

// duplicate is the problem of a row that repeats an earlier one: what it
// repeats in each language, and the earlier line.
func duplicate(a member.Source, id, en string, line int) *documents.Problem {
	p := documents.Errorf("duplicate_month", a, "", "")
	p.ID = fmt.Sprintf("%s sudah ada di baris %d", id, line)
	p.EN = fmt.Sprintf("%s is already on line %d", en, line)
	return p
}

// totalRow says a row is a spreadsheet's total line ("Total", "Jumlah"),
// which is skipped, not refused.
func totalRow(rec []string) bool {
	for _, c := range rec {
		if n := normalize(c); n != "" {
			switch n {
			case "total", "jumlah", "grand total", "subtotal", "sub total", "jumlah total", "total keseluruhan":
				return true
			}
			return false
		}
	}
	return false
}
