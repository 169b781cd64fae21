package memberdata

import (
	"context"
	"encoding/json"
	"fmt"
	"time"

	"golang.org/x/sync/errgroup"

	"github.com/cekbpjstk/cekbpjstk/cache"
	"github.com/cekbpjstk/cekbpjstk/service"
)

// Fetch reads everything the dashboard shows, with a few calls in
// parallel. It returns nothing partial: any failed call fails the whole
// refresh, so the screen and the cache never mix old and new data.
func Fetch(ctx context.Context, client *service.Client, identifier string, now func() time.Time) (Data, error) {
	data := Data{Identifier: identifier, Contributions: map[int]service.Contributions{}}
	var latest service.Contributions
	g, gctx := errgroup.WithContext(ctx)
	g.Go(func() (err error) { data.Member, err = client.Profile(gctx); return wrap("profile", err) })
	g.Go(func() (err error) { data.Balance, err = client.Balance(gctx); return wrap("balance", err) })
	g.Go(func() (err error) { data.Claims, err = client.Claims(gctx); return wrap("claims", err) })
	g.Go(func() (err error) { data.Cards, err = client.Cards(gctx); return wrap("cards", err) })
	g.Go(func() (err error) { latest, err = client.Contributions(gctx, 0); return wrap("contributions", err) })
	if err := g.Wait(); err != nil {
		return Data{}, err
	}
	data.Contributions[latest.Year] = latest

	// The other years, a few at a time: a member with 40 years of history
	// should not open 40 connections at once.
	years := make([]service.Contributions, len(latest.AvailableYears))
	g, gctx = errgroup.WithContext(ctx)
	g.SetLimit(4)
	for i, year := range latest.AvailableYears {
		if year == latest.Year {
			continue
		}
		g.Go(func() (err error) {
			years[i], err = client.Contributions(gctx, year)
			return wrap(fmt.Sprintf("contributions %d", year), err)
		})
	}
	if err := g.Wait(); err != nil {
		return Data{}, err
	}
	for _, c := range years {
		if c.Year != 0 {
			data.Contributions[c.Year] = c
		}
	}
	data.FetchedAt = now()
	return data, nil
}

func wrap(what string, err error) error {
	if err == nil {
		return nil
	}
	return fmt.Errorf("fetch %s: %w", what, err)
}

// Snapshot encodes member data for the offline cache.
func Snapshot(data Data) (cache.Snapshot, error) {
	parts := map[cache.Part]any{
		cache.PartProfile:       data.Member,
		cache.PartBalance:       data.Balance,
		cache.PartContributions: data.Contributions,
		cache.PartClaims:        data.Claims,
		cache.PartCard:          data.Cards,
	}
	snap := cache.Snapshot{Label: data.Member.FullName, Parts: map[cache.Part]cache.Entry{}}
	for part, v := range parts {
		b, err := json.Marshal(v)
		if err != nil {
			return cache.Snapshot{}, fmt.Errorf("encode %s: %w", part, err)
		}
		snap.Parts[part] = cache.Entry{Data: b, FetchedAt: data.FetchedAt}
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
	return data, nil
}

// Load reads and decodes an account's cached snapshot.
func Load(ctx context.Context, store *cache.Cache, profile, account string) (Data, error) {
	snap, err := store.Load(ctx, profile, account)
	if err != nil {
		return Data{}, err
	}
	return FromSnapshot(account, snap)
}

// Save encodes data and writes it to the cache as the account's snapshot,
// replacing the previous one whole.
func Save(ctx context.Context, store *cache.Cache, profile string, data Data) error {
	snap, err := Snapshot(data)
	if err != nil {
		return err
	}
	return store.Save(ctx, profile, data.Identifier, snap)
}
