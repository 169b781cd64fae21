package dashboard

import (
	"slices"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/test"

	"github.com/cekbpjstk/cekbpjstk/internal/memberdata"
	"github.com/cekbpjstk/cekbpjstk/internal/sms"
	"github.com/cekbpjstk/cekbpjstk/member"
	"github.com/cekbpjstk/cekbpjstk/ui/i18n"
	"github.com/cekbpjstk/cekbpjstk/ui/uitest"
)

func TestDashboard_KPJMaskedUntilRevealed(t *testing.T) {
	data := dashDemoMember(t, "budi@contoh.id")
	d, _ := newTestDashboard(t)
	d.SetData(data)

	if d.kpj.Text != "KPJ •••••••5678" {
		t.Fatalf("masked KPJ = %q", d.kpj.Text)
	}
	test.Tap(d.revealButton)
	if d.kpj.Text != "KPJ 18012345678" {
		t.Errorf("revealed KPJ = %q", d.kpj.Text)
	}
	if got := d.balance.accounts[0].card.Subtitle; strings.Contains(got, "•") {
		t.Errorf("balance card still masked after reveal: %q", got)
	}
	test.Tap(d.revealButton)
	if d.kpj.Text != "KPJ •••••••5678" {
		t.Errorf("hidden again = %q", d.kpj.Text)
	}
	test.Tap(d.revealButton)
	d.SetData(data) // new data starts masked again
	if d.kpj.Text != "KPJ •••••••5678" {
		t.Errorf("after SetData = %q", d.kpj.Text)
	}
}

func TestDashboard_OfflineShowsBadgeAndNoRefresh(t *testing.T) {
	data := dashDemoMember(t, "budi@contoh.id")
	d, _ := newTestDashboard(t)

	d.SetData(data)
	if d.offlineBadge.Visible() || d.asOf.Visible() {
		t.Error("offline badge shown for fresh data")
	}
	if !d.refreshButton.Visible() || d.onlineButton.Visible() {
		t.Error("online: want Refresh, not the go-online action")
	}

	data.Offline = true
	d.SetData(data)
	if !d.offlineBadge.Visible() || d.offlineBadge.Text != "Offline" {
		t.Errorf("offline badge visible %v text %q", d.offlineBadge.Visible(), d.offlineBadge.Text)
	}
	if want := "Data per 16 November 2026 14.05 WIB"; d.asOf.Text != want || !d.asOf.Visible() {
		t.Errorf("as-of = %q, want %q", d.asOf.Text, want)
	}
	if d.refreshButton.Visible() || d.cancelButton.Visible() {
		t.Error("offline view offers Refresh/Cancel")
	}
	var refreshed, online int
	d.OnRefresh = func() { refreshed++ }
	d.OnGoOnline = func() { online++ }
	if !d.onlineButton.Visible() || d.onlineButton.Text != "Masuk untuk memperbarui" {
		t.Fatalf("go-online action visible %v text %q", d.onlineButton.Visible(), d.onlineButton.Text)
	}
	test.Tap(d.onlineButton)
	if online != 1 || refreshed != 0 {
		t.Errorf("go-online tapped: OnGoOnline %d, OnRefresh %d", online, refreshed)
	}
}

func TestDashboard_RefreshingDisablesRefreshAndOffersCancel(t *testing.T) {
	data := dashDemoMember(t, "andi@contoh.id")
	d, _ := newTestDashboard(t)
	d.SetData(data)
	var refreshed, cancelled int
	d.OnRefresh = func() { refreshed++ }
	d.OnCancelRefresh = func() { cancelled++ }

	if d.cancelButton.Visible() || d.activity.Visible() {
		t.Fatal("Cancel or progress visible while idle")
	}
	test.Tap(d.refreshButton)
	if refreshed != 1 {
		t.Fatalf("OnRefresh called %d times", refreshed)
	}
	d.SetRefreshing(true)
	if !d.refreshButton.Disabled() || !d.cancelButton.Visible() || !d.activity.Visible() {
		t.Errorf("busy: refresh disabled %v, cancel visible %v, progress visible %v",
			d.refreshButton.Disabled(), d.cancelButton.Visible(), d.activity.Visible())
	}
	test.Tap(d.refreshButton)
	if refreshed != 1 {
		t.Error("a disabled Refresh still called OnRefresh")
	}
	test.Tap(d.cancelButton)
	if cancelled != 1 {
		t.Errorf("OnCancelRefresh called %d times", cancelled)
	}
	d.SetRefreshing(false)
	if d.refreshButton.Disabled() || d.cancelButton.Visible() || d.activity.Visible() {
		t.Error("idle again: Refresh still disabled or Cancel/progress still visible")
	}
}

func TestDashboard_NoticeBanner(t *testing.T) {
	d, _ := newTestDashboard(t)
	msg := "Gagal memperbarui: tidak ada koneksi. Data terakhir tetap ditampilkan."
	d.SetNotice(msg, true)
	if !d.noticeBox.Visible() || d.notice.Text != msg {
		t.Errorf("notice visible %v text %q", d.noticeBox.Visible(), d.notice.Text)
	}
	d.SetNotice("", false)
	if d.noticeBox.Visible() {
		t.Error("empty notice still visible")
	}
}

func TestDashboard_MenuCallsTheController(t *testing.T) {
	d, w := newTestDashboard(t)
	d.SetData(dashDemoMember(t, "andi@contoh.id"))
	calls := map[string]int{}
	d.OnSettings = func() { calls["settings"]++ }
	d.OnLock = func() { calls["lock"]++ }
	d.OnLogout = func() { calls["logout"]++ }
	d.OnForget = func() { calls["forget"]++ }
	d.OnSMS = func(sms.Registration) { calls["sms"]++ }

	test.Tap(d.menuButton)
	overlay := w.Canvas().Overlays().Top()
	if overlay == nil {
		t.Fatal("menu did not open")
	}
	var labels []string
	for _, it := range d.menu.Items {
		if !it.IsSeparator {
			labels = append(labels, it.Label)
		}
	}
	if got := strings.Join(labels, "|"); got != "Pengaturan|Kunci|Keluar|Unduh rincian|SMS 2757 (mungkin tidak lagi dijawab)|Hapus data akun ini di perangkat ini" {
		t.Errorf("menu = %s", got)
	}
	for _, it := range d.menu.Items {
		if it.Action != nil {
			it.Action()
		}
	}
	if calls["settings"] != 1 || calls["lock"] != 1 || calls["logout"] != 1 || calls["forget"] != 1 || calls["sms"] != 1 {
		t.Errorf("callbacks = %v", calls)
	}
}

func TestDashboard_ClearDropsMemberData(t *testing.T) {
	data := dashDemoMember(t, "siti@contoh.id")
	d, _ := newTestDashboard(t)
	d.SetData(data)
	d.Clear()

	for name, got := range map[string]string{
		"name": d.name.Text, "kpj": d.kpj.Text, "balance": d.summary.balance.Text,
		"balance tab": d.balance.total.Text, "employer": d.summary.employer.value.Text,
		"claim": d.claims.id.value.Text,
	} {
		if got != "" {
			t.Errorf("%s still shows %q", name, got)
		}
	}
	if d.hasData || d.data.Member.FullName != "" || len(d.claims.claims) != 0 || len(d.card.cards) != 0 ||
		len(d.contributions.data.Contributions) != 0 || d.card.qr.Image != nil || d.card.faceBox.Visible() {
		t.Error("member data still referenced after Clear")
	}
	if rows, _ := d.contributions.table.Length(); rows != 0 {
		t.Errorf("contribution table still has %d rows", rows)
	}
	texts := strings.Join(dashTexts(t, d.Content()), "\n")
	for _, secret := range []string{"Siti", "KLM-2026", "Priangan", i18n.FormatRupiah(data.Balance.Total)} {
		if strings.Contains(texts, secret) {
			t.Errorf("%q still rendered after Clear", secret)
		}
	}

	// Unlocking shows the data again in the same view.
	d.SetData(data)
	if d.name.Text != "Siti Rahayu" || d.claims.id.value.Text != "KLM-2026-0048213" || !d.card.faceBox.Visible() {
		t.Errorf("after Clear and SetData: name %q claim %q card %v", d.name.Text, d.claims.id.value.Text, d.card.faceBox.Visible())
	}
}

func TestDashboard_SwitchingLanguageChangesVisibleText(t *testing.T) {
	data := dashDemoMember(t, "budi@contoh.id")
	d, _ := newTestDashboard(t)
	d.SetData(data)
	if d.item("dashboard.tab.summary").Text != "Ringkasan" || !strings.HasPrefix(d.updated.Text, "Diperbarui ") {
		t.Fatalf("id: tab %q, updated %q", d.item("dashboard.tab.summary").Text, d.updated.Text)
	}

	if err := i18n.SetLanguage("en"); err != nil {
		t.Fatal(err)
	}
	d.SetData(data)
	if want := "Updated 16 November 2026 14:05 WIB"; d.updated.Text != want {
		t.Errorf("en updated = %q, want %q", d.updated.Text, want)
	}
	for got, want := range map[string]string{
		d.item("dashboard.tab.summary").Text:       "Summary",
		d.item("dashboard.tab.balance").Text:       "JHT Balance",
		d.item("dashboard.tab.contributions").Text: "Contributions",
		d.summary.balanceCard.Title:                "JHT Balance",
		d.statusBadge.Text:                         "Active",
		d.refreshButton.Text:                       "Refresh",
		d.summary.lastContribution.value.Text:      "October 2026 (paid before its deadline, 16 November 2026; Check contributions counts up to September 2026)",
		d.contributions.cellText(0, colPeriod):     "January 2026",
	} {
		if got != want {
			t.Errorf("en: got %q, want %q", got, want)
		}
	}
	// Money is written the Indonesian way in both languages.
	if d.summary.balance.Text != i18n.FormatRupiah(data.Balance.Total) || !strings.HasPrefix(d.summary.balance.Text, "Rp ") {
		t.Errorf("en balance = %q", d.summary.balance.Text)
	}
	texts := strings.Join(dashTexts(t, d.Content()), "\n")
	for _, want := range []string{"Updated", "JHT Balance", "Membership", "Member since"} {
		if !strings.Contains(texts, want) {
			t.Errorf("rendered English text lacks %q", want)
		}
	}
	for _, gone := range []string{"Diperbarui", "Ringkasan", "Peserta sejak"} {
		if strings.Contains(texts, gone) {
			t.Errorf("Indonesian %q still rendered in English", gone)
		}
	}
}

// A widget whose minimum size grows with the data (a wrapping label in a
// Center, a wide grid in a scroller) would push the window past the screen.
func TestDashboard_FitsTheMinimumWindow(t *testing.T) {
	for _, email := range []string{"budi@contoh.id", "siti@contoh.id", "andi@contoh.id"} {
		d, _ := newTestDashboard(t)
		setAudited(t, d, dashDemoMember(t, email))
		d.SetNotice("Gagal memperbarui: tidak ada koneksi. Data terakhir tetap ditampilkan.", true)
		for _, item := range d.tabs.Items {
			d.tabs.Select(item)
			if min := d.Content().MinSize(); min.Width > MinWindowSize.Width || min.Height > MinWindowSize.Height {
				t.Errorf("%s, tab %s: minimum size %v exceeds the window's %v", email, item.Text, min, MinWindowSize)
			}
		}
	}
}

func TestDashboard_PluralsInEnglish(t *testing.T) {
	d, _ := newTestDashboard(t)
	if err := i18n.SetLanguage("en"); err != nil {
		t.Fatal(err)
	}
	d.SetData(dashDemoMember(t, "andi@contoh.id"))
	if got := d.balance.totalNote.Text; got != "Your one KPJ card as of 16 November 2026" {
		t.Errorf("one card: %q", got)
	}
	if got := d.contributions.summary.Text; !strings.HasPrefix(got, "3 months paid, Rp ") {
		t.Errorf("Andi's year: %q", got)
	}
	d.SetData(dashDemoMember(t, "budi@contoh.id"))
	if got := d.balance.totalNote.Text; got != "Sum of your 2 KPJ cards as of 16 November 2026" {
		t.Errorf("two cards: %q", got)
	}
	if err := i18n.SetLanguage("id"); err != nil {
		t.Fatal(err)
	}
	d.SetData(dashDemoMember(t, "andi@contoh.id"))
	if got := d.balance.totalNote.Text; got != "Jumlah dari 1 kartu KPJ Anda per 16 November 2026" {
		t.Errorf("id one card: %q", got)
	}
}

// A member the server knows little about (no cards, contributions or
// claims yet) gets empty states, not a crash.
func TestDashboard_MemberWithoutData(t *testing.T) {
	d, _ := newTestDashboard(t)
	d.SetData(memberdata.Data{Member: member.Member{FullName: "Dewi Lestari", Status: "aktif"}, FetchedAt: dashFetchedAt})
	if d.summary.balance.Text != "Rp 0" || d.summary.employer.value.Text != "Tidak ada" {
		t.Errorf("balance %q employer %q", d.summary.balance.Text, d.summary.employer.value.Text)
	}
	if !d.contributions.empty.Visible() || !d.claims.empty.Visible() || !d.card.empty.Visible() {
		t.Errorf("empty states: contributions %v claims %v card %v",
			d.contributions.empty.Visible(), d.claims.empty.Visible(), d.card.empty.Visible())
	}
	if !d.card.saveButton.Disabled() {
		t.Error("Save enabled without a card")
	}
	for _, item := range d.tabs.Items {
		d.tabs.Select(item) // every tab draws without data
	}
}

func TestDashboard_OnlyTheSelectedTabIsInTheTree(t *testing.T) {
	d, w := newTestDashboard(t)
	inTree := func(o fyne.CanvasObject) bool {
		found := false
		var walk func(fyne.CanvasObject)
		walk = func(c fyne.CanvasObject) {
			if c == o {
				found = true
			}
			if box, ok := c.(*fyne.Container); ok {
				for _, child := range box.Objects {
					walk(child)
				}
			}
		}
		walk(w.Content())
		return found
	}
	if !inTree(d.summary.content) || inTree(d.contributions.content) || inTree(d.balance.content) {
		t.Fatal("at start only the summary tab should be in the window")
	}
	var selected []*container.TabItem
	d.tabs.OnSelected = func(item *container.TabItem) { selected = append(selected, item) }
	test.Tap(d.tabs.buttons[2])
	if d.tabs.Selected() != d.item("dashboard.tab.contributions") || !inTree(d.contributions.content) || inTree(d.summary.content) {
		t.Fatal("tapping Iuran did not swap the contributions tab in")
	}
	if len(selected) != 1 || selected[0] != d.item("dashboard.tab.contributions") {
		t.Fatalf("OnSelected got %v", selected)
	}
	if !d.tabs.marks[2].Visible() || d.tabs.marks[0].Visible() {
		t.Fatal("the underline did not move to the selected tab")
	}
}

func TestDashboard_OnFilledAfterTheLastTabOfTheLatestData(t *testing.T) {
	d, _ := newTestDashboard(t)
	var queued [][]func()
	d.SetLater(func(fs []func()) { queued = append(queued, fs) })
	filled := 0
	d.OnFilled = func() { filled++ }
	data := memberdata.Data{Identifier: "budi@contoh.id", FetchedAt: time.Now()}
	d.SetData(data)
	d.SetData(data) // a second refresh before the first one's tabs were filled
	if len(queued) != 2 {
		t.Fatalf("%d batches queued, want 2", len(queued))
	}
	for _, batch := range queued {
		for _, f := range batch {
			f()
		}
	}
	if filled != 1 {
		t.Fatalf("OnFilled called %d times, want once: for the latest data only", filled)
	}
}

func TestFieldWrapsOnlyLongValues(t *testing.T) {
	test.NewTempApp(t)
	f := newField("dashboard.field.employer")
	f.set("1 April 2018")
	if f.value.Wrapping != fyne.TextWrapOff || f.value.Text != "1 April 2018" {
		t.Fatalf("short value: wrapping %v, text %q", f.value.Wrapping, f.value.Text)
	}
	long := "PT Perusahaan Perkebunan Kelapa Sawit Nusantara Sejahtera Abadi"
	f.set(long)
	if f.value.Wrapping != fyne.TextWrapWord || f.value.Text != long {
		t.Fatalf("long value: wrapping %v", f.value.Wrapping)
	}
}

// The SMS 2757 helper is the shell's to show: the menu hands it the
// member's name, birth date, open KPJ and email; the NIK is only held
// masked, so the member types it.
func TestDashboard_SMSMenuPrefillsFromTheMember(t *testing.T) {
	data := dashDemoMember(t, "budi@contoh.id")
	d, _ := newTestDashboard(t)
	var got []sms.Registration
	d.OnSMS = func(pre sms.Registration) { got = append(got, pre) }
	d.showSMS()
	if len(got) != 1 || got[0] != (sms.Registration{}) {
		t.Fatalf("without data: %+v", got)
	}
	d.SetData(data)
	d.showSMS()
	m := data.Member
	want := sms.Registration{FullName: m.FullName, BirthDate: m.BirthDate, KPJ: "18012345678", Email: m.Email}
	if len(got) != 2 || got[1] != want {
		t.Fatalf("prefill %+v, want %+v", got[1:], want)
	}
	if m.FullName == "" || m.Email == "" || m.BirthDate.IsZero() {
		t.Fatalf("Budi's profile lacks what the prefill needs: %+v", m)
	}
	d.Clear()
	d.showSMS()
	if got[2] != (sms.Registration{}) {
		t.Errorf("after Clear: %+v", got[2])
	}
}

func TestDashboard_RightsAndAuditAreBuiltOnlyWhenFirstShown(t *testing.T) {
	d, _ := newTestDashboard(t)
	var queued [][]func()
	d.SetLater(func(fs []func()) { queued = append(queued, fs) })
	filled := 0
	d.OnFilled = func() { filled++ }
	d.SetData(dashDemoMember(t, "rudi@contoh.id"))
	for _, batch := range queued {
		for _, f := range batch {
			f()
		}
	}
	if filled != 1 || !d.Filled() {
		t.Fatalf("OnFilled called %d times, Filled %v: the background fills must finish without Hak saya and Periksa iuran", filled, d.Filled())
	}
	awaitAudit(t, d)
	if strings.Join(dashTexts(t, d.rights.Content()), "") != "" || strings.Join(dashTexts(t, d.audit.Content()), "") != "" {
		t.Fatal("Hak saya or Periksa iuran was built in the background")
	}
	if shown, _ := noticeShown(t, d); !shown {
		t.Fatal("the Ringkasan's audit notice waits for the tab: it must not")
	}
	test.Tap(uitest.Button(t, d.summary.audit.Content(), lang.L("audit.notice.open"))) // the notice opens Periksa iuran, built as it shows
	if d.tabs.Selected() != d.item("audit.tab") || !strings.HasPrefix(auditHeadline(t, d), "Kami menemukan 3 hal") {
		t.Fatalf("Periksa iuran after it was chosen: %q", auditHeadline(t, d))
	}
	d.tabs.Select(d.item("rights.tab"))
	if !slices.Contains(dashTexts(t, d.rights.Content()), lang.L("rights.jht.title")) {
		t.Fatal("Hak saya empty after it was chosen")
	}
}
