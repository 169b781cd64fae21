package cache

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"
)

// The helper process: the test binary started again with these variables
// set runs one of the child roles below instead of the tests.
const (
	envHelper = "CEKBPJSTK_CACHE_HELPER"
	envDir    = "CEKBPJSTK_CACHE_DIR"
	envKey    = "CEKBPJSTK_CACHE_KEY" // the data key, for a test-only in-memory keystore
	envArg    = "CEKBPJSTK_CACHE_ARG"
)

func TestHelperProcess(t *testing.T) {
	t.Parallel()
	role := os.Getenv(envHelper)
	if role == "" {
		t.Skip("child process of other tests")
	}
	if role == "nokeyring" {
		if err := runNoKeyring(os.Getenv(envDir)); err != nil {
			fmt.Println("error", err)
			os.Exit(3)
		}
		os.Exit(0)
	}
	key, err := decodeKey(os.Getenv(envKey))
	if err != nil {
		fmt.Println("error", err)
		os.Exit(3)
	}
	arg, _ := strconv.Atoi(os.Getenv(envArg))
	params := Params{Dir: os.Getenv(envDir), Keys: memKeysWith(key)}
	switch role {
	case "writer":
		err = runWriter(params, arg)
	case "sharer":
		err = runSharer(params, arg)
	default:
		err = fmt.Errorf("unknown role %q", role)
	}
	if err != nil {
		fmt.Println("error", err)
		os.Exit(3)
	}
	os.Exit(0)
}

// runWriter saves snapshots in a loop until it is killed. Budi's snapshot
// is replaced each round; Siti's is forgotten and saved again, so that
// kills also land in deletes and WAL checkpoints. "saved budi N" is printed
// only after the commit returned.
func runWriter(p Params, gen int) error {
	ctx := context.Background()
	c, rep, err := Open(ctx, p)
	if err != nil {
		return err
	}
	if rep.DataLost() {
		return fmt.Errorf("open report %+v", rep)
	}
	fmt.Println("opened")
	budi, siti := demoMembers[0], demoMembers[1]
	for ; ; gen++ {
		if err := c.Save(ctx, testProfile, budi.Account, keyOf(budi.Account), demoSnapshot(budi, gen, 120, 10, time.Now()), SaveOptions{}); err != nil {
			return err
		}
		fmt.Println("saved budi", gen)
		// A book's import: twelve rows and their document with the
		// book's snapshot, in one transaction (SaveBook).
		rows := make([][]byte, 12)
		for m := range rows {
			rows[m] = fmt.Appendf(nil, `{"gen":%d,"month":%d}`, gen, m+1)
		}
		doc := BookDoc{SHA256: fmt.Sprintf("%064d", gen), Meta: fmt.Appendf(nil, `{"gen":%d}`, gen), Body: fmt.Appendf(nil, "statement %d", gen)}
		if err := c.SaveBook(ctx, testProfile, bookAccount, keyOf(bookAccount), demoSnapshot(budi, gen, 12, 1, time.Now()),
			BookChange{Add: rows, Docs: []BookDoc{doc}}, SaveOptions{}); err != nil {
			return err
		}
		if gen%3 == 0 {
			if err := c.Forget(ctx, testProfile, siti.Account, keyOf(siti.Account), 0); err != nil {
				return err
			}
		}
		if err := c.Save(ctx, testProfile, siti.Account, keyOf(siti.Account), demoSnapshot(siti, gen, 60, 5, time.Now()), SaveOptions{}); err != nil {
			return err
		}
	}
}

func helperCmd(ctx context.Context, role, dir string, key []byte, arg int) *exec.Cmd {
	cmd := exec.CommandContext(ctx, os.Args[0], "-test.run=^TestHelperProcess$", "-test.count=1")
	cmd.Env = append(os.Environ(), envHelper+"="+role, envDir+"="+dir, envKey+"="+encodeKey(key), envArg+"="+strconv.Itoa(arg))
	return cmd
}

// TestCrash_KilledWriterNeverCorrupts SIGKILLs a child writing snapshots at
// random moments; after every kill the cache opens without repair, passes
// quick_check, and holds one complete snapshot: the last one reported
// committed, or the one in flight.
func TestCrash_KilledWriterNeverCorrupts(t *testing.T) {
	t.Parallel()
	if runtime.GOOS == "windows" || runtime.GOOS == "js" {
		t.Skip("needs SIGKILL and a re-executable test binary")
	}
	kills := 60
	if testing.Short() {
		kills = 10
	}
	ctx := context.Background()
	dir := t.TempDir()
	key := newDataKey()
	committed := 0 // newest Budi gen known committed
	rng := rand.New(rand.NewPCG(uint64(time.Now().UnixNano()), 1))
	var killedWhileOpening, killedWhileWriting, imports int
	for i := range kills {
		cmd := helperCmd(ctx, "writer", dir, key, committed+1)
		out, err := cmd.StdoutPipe()
		if err != nil {
			t.Fatal(err)
		}
		var stderr bytes.Buffer
		cmd.Stderr = &stderr
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		lines := make(chan string, 1024)
		var readDone sync.WaitGroup
		readDone.Add(1)
		go func() {
			defer readDone.Done()
			defer close(lines)
			sc := bufio.NewScanner(out)
			for sc.Scan() {
				lines <- sc.Text()
			}
		}()
		var last []string // every line, kept for failure messages
		lastSaved := committed
		consume := func(l string) {
			last = append(last, l)
			if n, ok := strings.CutPrefix(l, "saved budi "); ok {
				lastSaved, _ = strconv.Atoi(n)
			}
		}
		if i%4 == 0 {
			// Anywhere from process start through Open and the first saves.
			time.Sleep(time.Duration(rng.IntN(25)) * time.Millisecond)
		} else {
			// Wait until it writes, then a random moment into the loop.
		wait:
			for {
				select {
				case l, ok := <-lines:
					if !ok {
						break wait
					}
					consume(l)
					if l == "opened" {
						break wait
					}
				case <-time.After(20 * time.Second):
					t.Fatalf("kill %d: child never opened the cache", i)
				}
			}
			time.Sleep(time.Duration(rng.IntN(40)) * time.Millisecond)
		}
		cmd.Process.Kill() // SIGKILL
		err = cmd.Wait()
		readDone.Wait()
		for l := range lines {
			consume(l)
		}
		var exitErr *exec.ExitError
		if !errors.As(err, &exitErr) || exitErr.ExitCode() != -1 {
			t.Fatalf("kill %d: child ended with %v before the kill; output %q, stderr %s", i, err, last, stderr.String())
		}
		if len(last) > 0 && last[0] == "opened" {
			killedWhileWriting++
		} else {
			killedWhileOpening++
		}

		c, rep, err := Open(ctx, Params{Dir: dir, Keys: memKeysWith(key)})
		if err != nil {
			t.Fatalf("kill %d: Open: %v", i, err)
		}
		if rep.DataLost() {
			t.Fatalf("kill %d: Open repaired the cache: %+v", i, rep)
		}
		if err := quickCheck(ctx, c.w); err != nil {
			t.Fatalf("kill %d: %v", i, err)
		}
		snap, err := c.Load(ctx, testProfile, demoMembers[0].Account, keyOf(demoMembers[0].Account))
		switch {
		case errors.Is(err, ErrNotFound) && lastSaved == 0:
			// Killed before the first save ever committed.
		case err != nil:
			t.Fatalf("kill %d: Load: %v (last committed %d)", i, err, lastSaved)
		default:
			gen, err := genOf(snap)
			if err != nil || len(snap.Parts) != 5 || snap.Label != demoMembers[0].Name {
				t.Fatalf("kill %d: incomplete snapshot: %d parts, %v", i, len(snap.Parts), err)
			}
			if gen < lastSaved || gen > lastSaved+1 {
				t.Fatalf("kill %d: found gen %d, last committed %d", i, gen, lastSaved)
			}
			committed = gen
		}
		if b, err := c.LoadBook(ctx, testProfile, bookAccount, keyOf(bookAccount)); err == nil {
			if err := bookWhole(ctx, c, b); err != nil {
				t.Fatalf("kill %d: the book: %v", i, err)
			}
			imports = len(b.Docs)
		} else if !errors.Is(err, ErrNotFound) {
			t.Fatalf("kill %d: LoadBook: %v", i, err)
		}
		snap, err = c.Load(ctx, testProfile, demoMembers[1].Account, keyOf(demoMembers[1].Account))
		if err == nil {
			if _, err := genOf(snap); err != nil || len(snap.Parts) != 5 {
				t.Fatalf("kill %d: incomplete second snapshot: %v", i, err)
			}
		} else if !errors.Is(err, ErrNotFound) {
			t.Fatalf("kill %d: Load: %v", i, err)
		}
		if err := c.Close(); err != nil {
			t.Fatal(err)
		}
	}
	t.Logf("%d kills (%d while starting, %d while writing); %d snapshots committed, %d book imports", kills, killedWhileOpening, killedWhileWriting, committed, imports)
	if imports == 0 {
		t.Error("no book import was ever committed")
	}
	if committed == 0 {
		t.Error("no snapshot was ever committed; the kills came too early to test anything")
	}
}

// runSharer works on a cache that other processes use at the same time:
// its own account and one shared by all, saved and read back in turns.
func runSharer(p Params, id int) error {
	ctx := context.Background()
	c, rep, err := Open(ctx, p)
	if err != nil {
		return err
	}
	defer c.Close()
	if rep.DataLost() {
		return fmt.Errorf("open report %+v", rep)
	}
	own := demoMembers[id%2]
	own.Account = fmt.Sprintf("member%d@contoh.id", id)
	shared := demoMembers[1-id%2]
	for gen := 1; gen <= 40; gen++ {
		if err := c.Save(ctx, testProfile, own.Account, keyOf(own.Account), demoSnapshot(own, gen, 60, 5, time.Now()), SaveOptions{}); err != nil {
			return err
		}
		if err := c.Save(ctx, testProfile, shared.Account, keyOf(shared.Account), demoSnapshot(shared, id*1000+gen, 60, 5, time.Now()), SaveOptions{}); err != nil {
			return err
		}
		snap, err := c.Load(ctx, testProfile, own.Account, keyOf(own.Account))
		if err != nil {
			return err
		}
		if g, err := genOf(snap); err != nil || g != gen {
			return fmt.Errorf("own account: gen %d, %v", g, err)
		}
		snap, err = c.Load(ctx, testProfile, shared.Account, keyOf(shared.Account))
		if err != nil {
			return err
		}
		if _, err := genOf(snap); err != nil || len(snap.Parts) != 5 {
			return fmt.Errorf("shared account: %v", err)
		}
		if gen%10 == 0 {
			if err := c.Forget(ctx, testProfile, own.Account, keyOf(own.Account), 0); err != nil {
				return err
			}
		}
	}
	return nil
}

// TestTwoProcesses_ShareOneCache runs processes against one cache at the
// same time, opening it together on a fresh directory: none fails, none
// waits forever, and the file is sound afterwards.
func TestTwoProcesses_ShareOneCache(t *testing.T) {
	t.Parallel()
	if runtime.GOOS == "js" {
		t.Skip("no processes")
	}
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	dir := t.TempDir()
	key := newDataKey()
	const n = 2
	var cmds []*exec.Cmd
	outs := make([]*bytes.Buffer, n)
	for i := range n {
		cmd := helperCmd(ctx, "sharer", dir, key, i+1)
		outs[i] = new(bytes.Buffer)
		cmd.Stdout, cmd.Stderr = outs[i], outs[i]
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		cmds = append(cmds, cmd)
	}
	// This process reads alongside them.
	time.Sleep(50 * time.Millisecond)
	c, rep, err := Open(ctx, Params{Dir: dir, Keys: memKeysWith(key)})
	if err != nil || rep.DataLost() {
		t.Fatalf("Open: %+v, %v", rep, err)
	}
	done := make(chan struct{})
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		for {
			select {
			case <-done:
				return
			default:
			}
			for _, m := range demoMembers {
				snap, err := c.Load(ctx, testProfile, m.Account, keyOf(m.Account))
				if errors.Is(err, ErrNotFound) {
					continue
				}
				if err != nil {
					t.Error(err)
					return
				}
				if _, err := genOf(snap); err != nil {
					t.Error(err)
					return
				}
			}
			if _, err := c.Accounts(ctx, testProfile); err != nil {
				t.Error(err)
				return
			}
		}
	}()
	for i, cmd := range cmds {
		if err := cmd.Wait(); err != nil {
			if ctx.Err() != nil {
				t.Fatalf("process %d still running after 60 s: deadlock? output %s", i+1, outs[i])
			}
			t.Errorf("process %d: %v: %s", i+1, err, outs[i])
		}
	}
	close(done)
	wg.Wait()
	if err := quickCheck(ctx, c.w); err != nil {
		t.Fatal(err)
	}
	list, err := c.Accounts(ctx, testProfile)
	if err != nil || len(list) != 2 {
		t.Errorf("Accounts = %d, %v; want the two shared accounts (each process forgot its own at the end)", len(list), err)
	}
	c.Close()
}

// bookWhole checks that every import of the book is there whole: each
// document with its twelve rows, no row without its document, and the
// book's snapshot of the newest import (written in the same transaction).
func bookWhole(ctx context.Context, c *Cache, b Book) error {
	rows := map[int]int{}
	for _, r := range b.Rows {
		var v struct{ Gen int }
		if err := json.Unmarshal(r.Data, &v); err != nil {
			return err
		}
		rows[v.Gen]++
	}
	newest := 0
	for _, d := range b.Docs {
		var v struct{ Gen int }
		if err := json.Unmarshal(d.Meta, &v); err != nil {
			return err
		}
		if rows[v.Gen] != 12 {
			return fmt.Errorf("import %d has %d rows", v.Gen, rows[v.Gen])
		}
		delete(rows, v.Gen)
		newest = max(newest, v.Gen)
	}
	if len(rows) != 0 {
		return fmt.Errorf("rows without their document: %v", rows)
	}
	snap, err := c.Load(ctx, testProfile, bookAccount, keyOf(bookAccount))
	if err != nil {
		return err
	}
	if gen, err := genOf(snap); err != nil || gen != newest {
		return fmt.Errorf("the book's snapshot is of import %d, its newest document %d (%v)", gen, newest, err)
	}
	return nil
}
