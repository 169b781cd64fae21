package main

import (
	"testing"

	"fyne.io/fyne/v2/test"
)

// takeStopHooks leaves Fyne's lifecycle with no stop hook to queue at
// shutdown, and returns the shell's hook and Fyne's own (the preferences'
// last save) in that order, for main to run after Run.
func TestTakeStopHooks_EmptiesTheQueueAndKeepsBothHooks(t *testing.T) {
	a := test.NewApp()
	defer a.Quit()
	lc, ok := a.Lifecycle().(stopHooks)
	if !ok {
		t.Fatalf("Fyne's lifecycle (%T) no longer has the stop hooks' methods: takeStopHooks would leave them in its queue", a.Lifecycle())
	}
	var ran []string
	a.Lifecycle().SetOnStopped(func() { ran = append(ran, "shell") })
	lc.SetOnStoppedHookExecuted(func() { ran = append(ran, "fyne") })

	stopped := takeStopHooks(a)
	if f := lc.OnStopped(); f != nil {
		t.Fatal("a stop hook is still queued for Fyne's shutdown")
	}
	if len(ran) != 0 {
		t.Fatalf("hooks ran before Run returned: %v", ran)
	}
	stopped()
	if len(ran) != 2 || ran[0] != "shell" || ran[1] != "fyne" {
		t.Fatalf("hooks ran as %v, want [shell fyne]", ran)
	}
}

// With no hook at all, main has nothing to run and nothing fails.
func TestTakeStopHooks_NoHooks(t *testing.T) {
	a := test.NewApp()
	defer a.Quit()
	a.Lifecycle().(stopHooks).SetOnStoppedHookExecuted(nil)
	takeStopHooks(a)()
}
