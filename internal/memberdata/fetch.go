package memberdata

import (
	"context"
	"encoding/json"
	"fmt"
	"reflect"
	"slices"
	"sync"
	"time"

	"golang.org/x/sync/errgroup"

	"github.com/cekbpjstk/cekbpjstk/cache"
	"github.com/cekbpjstk/cekbpjstk/member"
	"github.com/cekbpjstk/cekbpjstk/service"
)

// Progress is how far a Fetch has come, for the screen only: nothing in
// it is ever cached.
type Progress struct {
	// Summary is set once, when everything but the contribution history is
	// in (profile, balance, claims, cards; Contributions is nil) and it
	// differs from the previous data: the screen can show it while the
	// history tabs wait. Unchanged, or when the history came first (the
	// whole data follows at once), it is not reported.
	Summary *Data
	// HistoryYears of HistoryTotal years of contributions are in (0 of 0
	// until the history's first page has come).
	HistoryYears, HistoryTotal int
}

// FetchOption tunes a Fetch.
type FetchOption func(*fetchConfig)

type fetchConfig struct {
	prev     *Data
	progress func(Progress)
}

// WithPrevious gives the data on screen (or from the cache): its kept
// ETags and bodies make the requests conditional, so that what did not
// change costs headers only, and an unchanged summary is not reported.
// Data of another identifier is ignored.
func WithPrevious(prev *Data) FetchOption { return func(c *fetchConfig) { c.prev = prev } }

// WithProgress hears the fetch's progress, in order, from the fetch's own
// goroutines; it must not block.
func WithProgress(f func(Progress)) FetchOption { return func(c *fetchConfig) { c.progress = f } }

// Fetch reads everything the dashboard shows in one parallel wave: the
// profile, balance, claims, cards and the whole contribution history (one
// call, more only when the server pages it) all at once, so that after the
// login the dashboard is one round trip away. It returns nothing partial:
// any failed call fails the whole refresh, so the screen and the cache
// never mix old and new data (Progress is for the screen only).
func Fetch(ctx context.Context, client *service.Client, identifier string, now func() time.Time, opts ...FetchOption) (Data, error) {
	var cfg fetchConfig
	for _, o := range opts {
		o(&cfg)
	}
	prev := cfg.prev
	if prev != nil && prev.Identifier != identifier {
		prev = nil
	}
	if prev != nil {
		client.Prime(prev.Revalidation)
	}
	data := Data{Identifier: identifier, Contributions: map[int]member.Contributions{}}
	var (
		mu          sync.Mutex // orders progress and guards what it reads
		summaryIn   int
		historyIn   int
		historyAll  int
		history     service.HistoryPage
		historyDone bool // the whole history is in: a summary would only delay it on screen
	)
	report := func(p Progress) {
		if cfg.progress != nil {
			cfg.progress(p)
		}
	}
	summaryDone := func() {
		mu.Lock()
		defer mu.Unlock()
		if summaryIn++; summaryIn < 4 {
			return
		}
		s := Data{Identifier: identifier, Member: data.Member, Balance: data.Balance, Claims: data.Claims,
			Cards: data.Cards, FetchedAt: now()}
		if historyDone || (prev != nil && sameSummary(*prev, s)) {
			return
		}
		report(Progress{Summary: &s, HistoryYears: historyIn, HistoryTotal: historyAll})
	}
	g, gctx := errgroup.WithContext(ctx)
	part := func(name string, call func(context.Context) error) func() error {
		return func() error {
			if err := call(gctx); err != nil {
				return wrap(name, err)
			}
			summaryDone()
			return nil
		}
	}
	g.Go(part("profile", func(ctx context.Context) (err error) { data.Member, err = client.Profile(ctx); return err }))
	g.Go(part("balance", func(ctx context.Context) (err error) { data.Balance, err = client.Balance(ctx); return err }))
	g.Go(part("claims", func(ctx context.Context) (err error) { data.Claims, err = client.Claims(ctx); return err }))
	g.Go(part("cards", func(ctx context.Context) (err error) { data.Cards, err = client.Cards(ctx); return err }))
	g.Go(func() (err error) {
		h, err := client.ContributionHistory(gctx, 0, 0, func(p service.HistoryPage) {
			mu.Lock()
			defer mu.Unlock()
			historyIn += len(p.Years)
			historyAll = len(p.AvailableYears)
			report(Progress{HistoryYears: historyIn, HistoryTotal: historyAll})
		})
		mu.Lock()
		history, historyDone = h, err == nil
		mu.Unlock()
		return wrap("contributions", err)
	})
	if err := g.Wait(); err != nil {
		return Data{}, err
	}
	for _, y := range history.Years {
		if _, dup := data.Contributions[y.Year]; dup || !slices.Contains(history.AvailableYears, y.Year) {
			return Data{}, wrap("contributions", fmt.Errorf("%w: year %d twice or not available", service.ErrBadResponse, y.Year))
		}
		data.Contributions[y.Year] = y
	}
	data.Revalidation = client.Revalidation()
	data.FetchedAt = now()
	return data, nil
}

// sameSummary: the parts a summary shows are those of prev.
func sameSummary(prev, next Data) bool {
	return reflect.DeepEqual(prev.Member, next.Member) && reflect.DeepEqual(prev.Balance, next.Balance) &&
		reflect.DeepEqual(prev.Claims, next.Claims) && reflect.DeepEqual(prev.Cards, next.Cards)
}

func wrap(what string, err error) error {
	if err == nil {
		return nil
	}
	return fmt.Errorf("fetch %s: %w", what, err)
}

// partRevalidation holds the kept ETags and bodies of the conditional
// requests (service.Revalidation): member data, so only in the encrypted
// snapshot.
const partRevalidation cache.Part = "revalidation"

// Snapshot encodes member data for the offline cache.
func Snapshot(data Data) (cache.Snapshot, error) {
	parts := map[cache.Part]any{
		cache.PartProfile:       data.Member,
		cache.PartBalance:       data.Balance,
		cache.PartContributions: data.Contributions,
		cache.PartClaims:        data.Claims,
		cache.PartCard:          data.Cards,
	}
	if len(data.Revalidation.Entries) > 0 {
		parts[partRevalidation] = data.Revalidation
	}
	snap := cache.Snapshot{Label: data.Member.FullName, Parts: map[cache.Part]cache.Entry{}}
	for part, v := range parts {
		b, err := json.Marshal(v)
		if err != nil {
			return cache.Snapshot{}, fmt.Errorf("encode %s: %w", part, err)
		}
		snap.Parts[part] = cache.Entry{Data: b, FetchedAt: data.FetchedAt}
	}
	if err := encodePayslip(&snap, data); err != nil {
		return cache.Snapshot{}, err
	}
	if err := encodeOwn(&snap, data); err != nil {
		return cache.Snapshot{}, err
	}
	return snap, nil
}

// FromSnapshot decodes a cached snapshot; every part must be present, so
// an offline view is never half a member.
func FromSnapshot(identifier string, snap cache.Snapshot) (Data, error) {
	data := Data{Identifier: identifier, Offline: true}
	targets := map[cache.Part]any{
		cache.PartProfile:       &data.Member,
		cache.PartBalance:       &data.Balance,
		cache.PartContributions: &data.Contributions,
		cache.PartClaims:        &data.Claims,
		cache.PartCard:          &data.Cards,
	}
	for part, target := range targets {
		entry, ok := snap.Parts[part]
		if !ok {
			return Data{}, fmt.Errorf("cached %s missing", part)
		}
		if err := json.Unmarshal(entry.Data, target); err != nil {
			return Data{}, fmt.Errorf("decode cached %s: %w", part, err)
		}
		if data.FetchedAt.IsZero() || entry.FetchedAt.Before(data.FetchedAt) {
			data.FetchedAt = entry.FetchedAt
		}
	}
	// The kept ETags and bodies are optional (an older snapshot has none);
	// unreadable or another account's, they are only left out.
	if entry, ok := snap.Parts[partRevalidation]; ok {
		var r service.Revalidation
		if json.Unmarshal(entry.Data, &r) == nil && r.Identifier == identifier {
			data.Revalidation = r
		}
	}
	decodePayslip(snap, &data)
	decodeOwn(snap, &data)
	return data, nil
}

// Load reads and decodes an account's cached snapshot, sealed under key.
func Load(ctx context.Context, store *cache.Cache, profile, account string, key *cache.Key) (Data, error) {
	snap, err := store.Load(ctx, profile, account, key)
	if err != nil {
		return Data{}, err
	}
	return FromSnapshot(account, snap)
}

// LoadRef reads and decodes the snapshot of row ref of the account list.
func LoadRef(ctx context.Context, store *cache.Cache, ref int64, key *cache.Key) (Data, error) {
	account, snap, err := store.LoadRef(ctx, ref, key)
	if err != nil {
		return Data{}, err
	}
	return FromSnapshot(account, snap)
}

// Save encodes data and writes it to the cache as the account's snapshot,
// sealed under key, replacing the previous one whole.
func Save(ctx context.Context, store *cache.Cache, profile string, data Data, key *cache.Key, opt cache.SaveOptions) error {
	snap, err := Snapshot(data)
	if err != nil {
		return err
	}
	return store.Save(ctx, profile, data.Identifier, key, snap, opt)
}
