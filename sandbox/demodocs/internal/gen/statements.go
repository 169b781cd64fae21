// Package gen writes the demo member's statement printouts from the
// sandbox's own seeded data, read through the sandbox's member API as the
// app reads it (log in, /v1/me, /v1/me/balance, /v1/me/contributions), so
// the documents and the demo server always tell the same story.
package gen

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"strings"
	"time"

	"github.com/cekbpjstk/cekbpjstk/sandbox"
	"github.com/cekbpjstk/cekbpjstk/sandbox/demodocs/printout"
)

// The demo member (sandbox seed_audit.go). The API masks the NIK, so it
// is copied from the seed; it is invented, like everything there.
const (
	Email = "rudi@contoh.id"
	nik   = "3216062109930005"
)

// File is one generated document.
type File struct {
	Name string
	Data []byte
}

// The printout's parts the sandbox does not hold, invented for the demo.
const (
	branch  = "Bekasi Cikarang"
	address = "Jl. Contoh Industri Blok C No. 17, Cikarang Utara"
	city    = "Kabupaten Bekasi"
)

var beneficiaries = []printout.Beneficiary{
	{Relation: "Istri", Name: "Maya Kusumawati", Birth: time.Date(1996, time.February, 8, 0, 0, 0, 0, time.UTC)},
}

// lateposted are deposits BPJSTK booked a month after they arrived (every
// other one is booked the next day): June 2024's.
var lateposted = map[string]bool{"2024-06": true}

// Statements returns one printout per year of the demo member's card,
// from the first to the sandbox's reference year. Each year's printout is
// dated 15 January of the next year; the reference year's is dated the
// sandbox's reference date.
func Statements(ctx context.Context) ([]File, error) {
	c, done, err := login(ctx)
	if err != nil {
		return nil, err
	}
	defer done()
	var me meJSON
	var bal balanceJSON
	if err := c.do("GET", "/v1/me", nil, &me); err != nil {
		return nil, err
	}
	if err := c.do("GET", "/v1/me/balance", nil, &bal); err != nil {
		return nil, err
	}
	if len(me.Cards) != 1 || len(bal.Accounts) != 1 || me.Employer == nil {
		return nil, fmt.Errorf("demodocs: %s should have one card with an employer, has %d", Email, len(me.Cards))
	}
	asOf, err := time.Parse(time.DateOnly, bal.AsOf)
	if err != nil {
		return nil, err
	}
	var out []File
	var opening, jpSum int64
	jpMonths := 0
	for _, yb := range bal.Accounts[0].History {
		var cs contributionsJSON
		if err := c.do("GET", fmt.Sprintf("/v1/me/contributions?year=%d", yb.Year), nil, &cs); err != nil {
			return nil, err
		}
		s, err := statement(me, yb, cs, asOf)
		if err != nil {
			return nil, err
		}
		s.Summary.Opening = opening * 100
		s.Summary.Closing = yb.Closing * 100
		if s.Summary.Opening+s.Summary.Employer+s.Summary.Worker+s.Summary.Development != s.Summary.Closing {
			return nil, fmt.Errorf("demodocs: the sandbox's %d summary does not add up", yb.Year)
		}
		for _, r := range s.Rows {
			if r.JPEmployer+r.JPWorker > 0 {
				jpMonths++
			}
			jpSum += r.JPEmployer + r.JPWorker
		}
		s.JPMonths, s.JPAccumulated = jpMonths, jpSum
		opening = yb.Closing
		data, err := s.PDF(printout.Layout{})
		if err != nil {
			return nil, err
		}
		name := strings.ToLower(strings.ReplaceAll(me.FullName, " ", "-"))
		out = append(out, File{Name: fmt.Sprintf("%s-jht-jp-%d.pdf", name, yb.Year), Data: data})
	}
	return out, nil
}

func statement(me meJSON, yb yearJSON, cs contributionsJSON, asOf time.Time) (printout.Statement, error) {
	card := me.Cards[0]
	opened, err1 := time.Parse(time.DateOnly, card.Opened)
	birth, err2 := time.Parse(time.DateOnly, me.BirthDate)
	if err1 != nil || err2 != nil {
		return printout.Statement{}, fmt.Errorf("demodocs: dates %q %q", card.Opened, me.BirthDate)
	}
	printed := time.Date(yb.Year+1, time.January, 15, 0, 0, 0, 0, time.UTC)
	closingAt := time.Date(yb.Year, time.December, 31, 0, 0, 0, 0, time.UTC)
	if yb.Year == asOf.Year() {
		printed, closingAt = asOf, asOf
	}
	inactive := "-"
	if card.Status != "aktif" {
		inactive = "Nonaktif"
	}
	s := printout.Statement{Year: yb.Year, Printed: printed, Branch: branch, OpenedJHT: opened, OpenedJP: opened,
		NPP: me.Employer.NPP, Division: "000", Employer: card.EmployerName, Inactive: inactive,
		KPJ: card.KPJ, NIK: nik, EmpNo: "-", Name: me.FullName, Birth: birth, Address: address, City: city,
		Beneficiaries: beneficiaries,
		Summary: printout.Summary{Employer: yb.Employer * 100, Worker: yb.Worker * 100,
			Development: yb.Development * 100, ClosingAt: closingAt}}
	for _, m := range cs.Months {
		period, err1 := time.Parse("2006-01", m.Period)
		paid, err2 := time.Parse(time.DateOnly, m.PaidDate)
		if err1 != nil || err2 != nil {
			return s, fmt.Errorf("demodocs: month %q paid %q", m.Period, m.PaidDate)
		}
		posted := paid.AddDate(0, 0, 1)
		if lateposted[m.Period] {
			posted = paid.AddDate(0, 1, 2)
		}
		s.Rows = append(s.Rows, printout.Row{Paid: paid, Period: period, Posted: posted, Wage: m.ReportedWage * 100,
			JHTEmployer: m.JHTEmployer * 100, JHTWorker: m.JHTWorker * 100, JPEmployer: m.JPEmployer * 100, JPWorker: m.JPWorker * 100})
	}
	return s, nil
}

// login opens a sandbox in a temporary directory and logs the demo member
// in; done closes and removes it.
func login(ctx context.Context) (c client, done func(), err error) {
	dir, err := os.MkdirTemp("", "demodocs-")
	if err != nil {
		return client{}, nil, err
	}
	srv, err := sandbox.Open(dir, sandbox.WithPasswordParams(sandbox.FastPasswordParams))
	if err != nil {
		os.RemoveAll(dir)
		return client{}, nil, err
	}
	done = func() { srv.Close(); os.RemoveAll(dir) }
	c = client{h: srv.Handler(), ctx: ctx}
	var tok struct {
		AccessToken string `json:"access_token"`
	}
	if err := c.do("POST", "/v1/login", map[string]string{"identifier": Email, "password": sandbox.DemoPassword}, &tok); err != nil {
		done()
		return client{}, nil, err
	}
	c.token = tok.AccessToken
	return c, done, nil
}

// client calls the sandbox's handler in process.
type client struct {
	h     http.Handler
	ctx   context.Context
	token string
}

func (c client) do(method, path string, body, out any) error {
	var rd *bytes.Reader
	if body != nil {
		b, err := json.Marshal(body)
		if err != nil {
			return err
		}
		rd = bytes.NewReader(b)
	} else {
		rd = bytes.NewReader(nil)
	}
	req := httptest.NewRequestWithContext(c.ctx, method, path, rd)
	req.RemoteAddr = "127.0.0.1:40000"
	req.Header.Set("Content-Type", "application/json")
	if c.token != "" {
		req.Header.Set("Authorization", "Bearer "+c.token)
	}
	w := httptest.NewRecorder()
	c.h.ServeHTTP(w, req)
	if w.Code != http.StatusOK {
		return fmt.Errorf("demodocs: %s %s: %d %s", method, path, w.Code, w.Body.String())
	}
	return json.Unmarshal(w.Body.Bytes(), out)
}

type meJSON struct {
	FullName  string `json:"full_name"`
	BirthDate string `json:"birth_date"`
	Employer  *struct {
		NPP string `json:"npp"`
	} `json:"employer"`
	Cards []struct {
		KPJ          string `json:"kpj"`
		EmployerName string `json:"employer_name"`
		Status       string `json:"status"`
		Opened       string `json:"opened"`
	} `json:"cards"`
}

type yearJSON struct {
	Year        int   `json:"year"`
	Employer    int64 `json:"employer_share"`
	Worker      int64 `json:"worker_share"`
	Development int64 `json:"development"`
	Closing     int64 `json:"closing_balance"`
}

type balanceJSON struct {
	AsOf     string `json:"as_of"`
	Accounts []struct {
		History []yearJSON `json:"history"`
	} `json:"accounts"`
}

type contributionsJSON struct {
	Months []struct {
		Period       string `json:"period"`
		ReportedWage int64  `json:"reported_wage"`
		JHTEmployer  int64  `json:"jht_employer"`
		JHTWorker    int64  `json:"jht_worker"`
		JPEmployer   int64  `json:"jp_employer"`
		JPWorker     int64  `json:"jp_worker"`
		PaidDate     string `json:"paid_date"`
	} `json:"months"`
}
