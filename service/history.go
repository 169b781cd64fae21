package service

import (
	"context"
	"net/url"
	"slices"
	"strconv"

	"github.com/cekbpjstk/cekbpjstk/member"
	"github.com/cekbpjstk/cekbpjstk/service/validate"
)

// maxHistoryPages bounds how many pages ContributionHistory follows: a
// server that keeps answering next_to cannot keep the client busy for ever
// (a page holds at least one year, and years run from 1900).
const maxHistoryPages = 200

// HistoryPage is one answer of GET /v1/me/contributions/history.
type HistoryPage struct {
	// AvailableYears are every year with contributions, ascending.
	AvailableYears []int
	// Years are this page's years, newest first; each carries
	// AvailableYears too, as the single-year call gives it.
	Years []member.Contributions
	// NextTo is the year to continue with, 0 on the last page.
	NextTo int
}

// ContributionHistoryPage asks for one page of the contribution history
// from year from to year to (0: open), at most limit months (0: the
// server's default).
func (c *Client) ContributionHistoryPage(ctx context.Context, from, to, limit int) (HistoryPage, error) {
	q := url.Values{}
	for name, year := range map[string]int{"from": from, "to": to} {
		if year == 0 {
			continue
		}
		if year < 1900 || year > 9999 {
			return HistoryPage{}, &ValidationError{Fields: []validate.FieldError{{Field: name, Code: validate.CodeFormat}}}
		}
		q.Set(name, strconv.Itoa(year))
	}
	if limit != 0 {
		if limit < 1 || limit > 1000 {
			return HistoryPage{}, &ValidationError{Fields: []validate.FieldError{{Field: "limit", Code: validate.CodeFormat}}}
		}
		q.Set("limit", strconv.Itoa(limit))
	}
	b, err := c.memberGET(ctx, "/v1/me/contributions/history", q)
	if err != nil {
		return HistoryPage{}, err
	}
	return decodeHistory(b, from, to)
}

// ContributionHistory reads every year from from to to (0: open), page
// after page; onPage, if set, hears each page as it arrives (for progress).
// The result holds each year once, newest first.
func (c *Client) ContributionHistory(ctx context.Context, from, to int, onPage func(HistoryPage)) (HistoryPage, error) {
	var all HistoryPage
	for page := 0; ; page++ {
		if page == maxHistoryPages {
			return HistoryPage{}, badf("contribution history longer than %d pages", maxHistoryPages)
		}
		p, err := c.ContributionHistoryPage(ctx, from, to, 0)
		if err != nil {
			return HistoryPage{}, err
		}
		if page > 0 && !slices.Equal(p.AvailableYears, all.AvailableYears) {
			return HistoryPage{}, badf("contribution history changed between pages")
		}
		all.AvailableYears = p.AvailableYears
		all.Years = append(all.Years, p.Years...)
		if onPage != nil {
			onPage(p)
		}
		if p.NextTo == 0 {
			return all, nil
		}
		to = p.NextTo
	}
}

func decodeHistory(body []byte, from, to int) (HistoryPage, error) {
	var w struct {
		AvailableYears []int               `json:"available_years"`
		Years          []wireContributions `json:"years"`
		NextTo         *int                `json:"next_to"`
	}
	if err := decodeJSON(body, &w); err != nil {
		return HistoryPage{}, err
	}
	if w.AvailableYears == nil || w.Years == nil {
		return HistoryPage{}, badf("history without available_years or years")
	}
	if !slices.IsSorted(w.AvailableYears) || len(slices.Compact(slices.Clone(w.AvailableYears))) != len(w.AvailableYears) {
		return HistoryPage{}, badf("history available_years not ascending")
	}
	p := HistoryPage{AvailableYears: slices.Clone(w.AvailableYears)}
	for i, wy := range w.Years {
		y, err := contributionsFromWire(wy)
		if err != nil {
			return HistoryPage{}, err
		}
		if i > 0 && y.Year >= p.Years[i-1].Year {
			return HistoryPage{}, badf("history years not newest first")
		}
		if (from != 0 && y.Year < from) || (to != 0 && y.Year > to) {
			return HistoryPage{}, badf("history year %d outside the range asked for", y.Year)
		}
		y.AvailableYears = slices.Clone(p.AvailableYears)
		p.Years = append(p.Years, y)
	}
	if w.NextTo != nil {
		n := *w.NextTo
		if len(p.Years) == 0 || n >= p.Years[len(p.Years)-1].Year || n < 1900 || (from != 0 && n < from) {
			return HistoryPage{}, badf("history next_to %d does not move on", n)
		}
		p.NextTo = n
	}
	return p, nil
}
