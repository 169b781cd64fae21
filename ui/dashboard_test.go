package ui

import (
	"bytes"
	"context"
	"image"
	"image/png"
	"io"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/cekbpjstk/cekbpjstk/sandbox"
	"github.com/cekbpjstk/cekbpjstk/service"
)

// dashFetchedAt is a fixed fetch instant (14.05 WIB on the sandbox's
// reference day) so header texts and goldens do not depend on the clock.
var dashFetchedAt = time.Date(2026, time.November, 16, 7, 5, 0, 0, time.UTC)

// dashSandboxClient starts a real sandbox over TLS and returns a pinned client.
func dashSandboxClient(t *testing.T) *service.Client { return sandboxClient(t) }

// dashLogin logs a demo member in, answering Siti's TOTP challenge.
func dashLogin(t *testing.T, client *service.Client, email string) {
	t.Helper()
	ctx := context.Background()
	res, err := client.Login(ctx, email, sandbox.DemoPassword, false)
	if err != nil {
		t.Fatalf("login %s: %v", email, err)
	}
	if res.MFA != nil {
		code, err := sandbox.TOTPCode(sandbox.SitiTOTPSecret, time.Now())
		if err != nil {
			t.Fatal(err)
		}
		if err := client.VerifyMFA(ctx, code); err != nil {
			t.Fatalf("MFA %s: %v", email, err)
		}
	}
}

// dashFetchMemberData reads everything the dashboard shows, as the controller does.
func dashFetchMemberData(t *testing.T, client *service.Client) MemberData {
	t.Helper()
	ctx := context.Background()
	var err error
	data := MemberData{Identifier: "test", Contributions: map[int]service.Contributions{}, FetchedAt: dashFetchedAt}
	if data.Member, err = client.Profile(ctx); err != nil {
		t.Fatal(err)
	}
	if data.Balance, err = client.Balance(ctx); err != nil {
		t.Fatal(err)
	}
	latest, err := client.Contributions(ctx, 0)
	if err != nil {
		t.Fatal(err)
	}
	for _, y := range latest.AvailableYears {
		c, err := client.Contributions(ctx, y)
		if err != nil {
			t.Fatalf("contributions %d: %v", y, err)
		}
		data.Contributions[y] = c
	}
	if data.Claims, err = client.Claims(ctx); err != nil {
		t.Fatal(err)
	}
	if data.Cards, err = client.Cards(ctx); err != nil {
		t.Fatal(err)
	}
	return data
}

// dashMemberCache fetches each demo member once per test binary: logging in
// over TLS is the slow part, and the data is deterministic.
var dashMemberCache = struct {
	sync.Mutex
	m map[string]MemberData
}{m: map[string]MemberData{}}

func dashDemoMember(t *testing.T, email string) MemberData {
	t.Helper()
	dashMemberCache.Lock()
	defer dashMemberCache.Unlock()
	if d, ok := dashMemberCache.m[email]; ok {
		return d
	}
	client := dashSandboxClient(t)
	dashLogin(t, client, email)
	d := dashFetchMemberData(t, client)
	dashMemberCache.m[email] = d
	return d
}

// newTestDashboard shows a dashboard in a test window of the app's size.
func newTestDashboard(t *testing.T) (*Dashboard, fyne.Window) {
	t.Helper()
	test.NewTempApp(t)
	if err := LoadTranslations("id"); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = SetLanguage(DefaultLanguage) })
	w := test.NewWindow(nil)
	t.Cleanup(w.Close)
	d := NewDashboard(w)
	w.SetContent(d.Content())
	w.Resize(fyne.NewSize(1000, 720))
	return d, w
}

func TestDashboard_BudiBalanceAsTheSandboxComputedIt(t *testing.T) {
	data := dashDemoMember(t, "budi@contoh.id")
	d, _ := newTestDashboard(t)
	d.SetData(data)

	if data.Balance.Total <= 0 {
		t.Fatalf("sandbox balance = %d", data.Balance.Total)
	}
	want := FormatRupiah(data.Balance.Total)
	if d.summary.balance.Text != want {
		t.Errorf("summary balance = %q, want %q", d.summary.balance.Text, want)
	}
	if d.balance.total.Text != want {
		t.Errorf("balance tab total = %q, want %q", d.balance.total.Text, want)
	}
	if d.name.Text != "Budi Santoso" {
		t.Errorf("name = %q", d.name.Text)
	}
	if d.statusBadge.Text != "Aktif" {
		t.Errorf("status badge = %q", d.statusBadge.Text)
	}
	if want := "Diperbarui 16 November 2026 14.05 WIB"; d.updated.Text != want || !d.updated.Visible() {
		t.Errorf("updated = %q (visible %v), want %q", d.updated.Text, d.updated.Visible(), want)
	}
	if got := d.summary.employer.value.Text; got != "PT Nusantara Data Teknologi" {
		t.Errorf("employer = %q", got)
	}
	if got := d.summary.lastContribution.value.Text; got != "Oktober 2026" {
		t.Errorf("last contribution = %q", got)
	}
	if got := len(d.summary.programs.Objects); got != len(data.Member.Programs) || got == 0 {
		t.Errorf("program rows = %d, want %d", got, len(data.Member.Programs))
	}
}

func TestDashboard_EachCardBalanceAndTheTotal(t *testing.T) {
	data := dashDemoMember(t, "budi@contoh.id")
	d, _ := newTestDashboard(t)
	d.SetData(data)

	if len(data.Balance.Accounts) != 2 {
		t.Fatalf("Budi has %d balance accounts, want 2", len(data.Balance.Accounts))
	}
	if len(d.balance.accounts) != 2 {
		t.Fatalf("balance tab shows %d cards, want 2", len(d.balance.accounts))
	}
	var sum service.Rupiah
	for i, acc := range data.Balance.Accounts {
		v := d.balance.accounts[i]
		sum += acc.Total
		if v.total.Text != FormatRupiah(acc.Total) {
			t.Errorf("card %d total = %q, want %s", i, v.total.Text, FormatRupiah(acc.Total))
		}
		if v.employer.value.Text != FormatRupiah(acc.Employer) || v.worker.value.Text != FormatRupiah(acc.Worker) ||
			v.development.value.Text != FormatRupiah(acc.Development) {
			t.Errorf("card %d split = %q / %q / %q", i, v.employer.value.Text, v.worker.value.Text, v.development.value.Text)
		}
		if v.card.Title != acc.EmployerName {
			t.Errorf("card %d title = %q, want %q", i, v.card.Title, acc.EmployerName)
		}
		if v.card.Subtitle != "KPJ "+MaskKPJ(acc.KPJ) {
			t.Errorf("card %d subtitle = %q", i, v.card.Subtitle)
		}
	}
	if sum != data.Balance.Total {
		t.Errorf("cards sum to %d, total is %d", sum, data.Balance.Total)
	}
}

func TestDashboard_ContributionTotalsRowIsTheSumOfTheMonths(t *testing.T) {
	data := dashDemoMember(t, "budi@contoh.id")
	d, _ := newTestDashboard(t)
	d.SetData(data)
	c := d.contributions

	if len(c.yearSelect.Options) != 16 || c.yearSelect.Selected != "2026" {
		t.Fatalf("years = %v, selected %q", c.yearSelect.Options, c.yearSelect.Selected)
	}
	// 2018 mixes both employers; 2026 runs to October.
	for _, year := range []string{"2026", "2018", "2011"} {
		c.yearSelect.SetSelected(year)
		y, _ := strconv.Atoi(year)
		months := data.Contributions[y].Months
		rows, cols := c.table.Length()
		if rows != len(months)+1 || cols != colCount {
			t.Fatalf("%s: table %d×%d, want %d×%d", year, rows, cols, len(months)+1, colCount)
		}
		var jht, jp, jkk, jkm, jkp, total, wage service.Rupiah
		for _, m := range months {
			wage += m.ReportedWage
			jht += m.JHT
			jp += m.JP
			jkk += m.JKK
			jkm += m.JKM
			jkp += m.JKP
			total += m.Total
		}
		last := len(months)
		for col, want := range map[int]service.Rupiah{colWage: wage, colJHT: jht, colJP: jp, colJKK: jkk, colJKM: jkm, colJKP: jkp, colTotal: total} {
			if got := c.cellText(last, col); got != FormatRupiah(want) {
				t.Errorf("%s totals column %d = %q, want %q", year, col, got, FormatRupiah(want))
			}
		}
		if got := c.cellText(last, colPeriod); got != "Total setahun" {
			t.Errorf("%s totals label = %q", year, got)
		}
		if got := c.cellText(0, colPeriod); got != FormatMonth(months[0].Period) {
			t.Errorf("%s first period = %q", year, got)
		}
	}
	if got := c.cellText(0, colPeriod); got != "November 2011" {
		t.Errorf("2011 starts at %q", got)
	}
}

func TestDashboard_SitiClaimTimeline(t *testing.T) {
	data := dashDemoMember(t, "siti@contoh.id")
	d, _ := newTestDashboard(t)
	d.SetData(data)
	c := d.claims

	if len(data.Claims) != 1 || c.list.Length() != 1 {
		t.Fatalf("claims: data %d, list %d", len(data.Claims), c.list.Length())
	}
	if c.empty.Visible() {
		t.Error("empty-state sentence shown although Siti has a claim")
	}
	c.list.UnselectAll()
	c.list.Select(0)
	if !c.detail.Visible() {
		t.Fatal("selecting the claim did not show its details")
	}
	if c.id.value.Text != "KLM-2026-0048213" || c.status.Text != "Diproses" {
		t.Errorf("claim %q status %q", c.id.value.Text, c.status.Text)
	}
	if len(c.timeline.Objects) != 2 {
		t.Fatalf("timeline has %d steps, want 2", len(c.timeline.Objects))
	}
	texts := strings.Join(dashTexts(t, c.timeline), "\n")
	for _, want := range []string{"Diajukan", "28 Oktober 2026 09.14 WIB", "Pengajuan diterima melalui JMO.",
		"Diproses", "2 November 2026 10.30 WIB", "kantor cabang Bandung"} {
		if !strings.Contains(texts, want) {
			t.Errorf("timeline lacks %q:\n%s", want, texts)
		}
	}
	if d.statusBadge.Text != "Nonaktif" {
		t.Errorf("Siti's badge = %q", d.statusBadge.Text)
	}
}

func TestDashboard_NoClaimsShowsTheEmptyState(t *testing.T) {
	data := dashDemoMember(t, "andi@contoh.id")
	d, _ := newTestDashboard(t)
	d.SetData(data)
	if !d.claims.empty.Visible() || d.claims.list.Visible() {
		t.Errorf("empty state visible %v, list visible %v", d.claims.empty.Visible(), d.claims.list.Visible())
	}
	if !strings.HasPrefix(d.claims.empty.Text, "Anda belum memiliki klaim") {
		t.Errorf("empty state = %q", d.claims.empty.Text)
	}
	if len(d.contributions.yearSelect.Options) != 1 {
		t.Errorf("Andi's years = %v", d.contributions.yearSelect.Options)
	}
}

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
	if got := strings.Join(labels, "|"); got != "Pengaturan|Kunci|Keluar|Unduh rincian|Cek saldo lewat SMS 2757|Lupakan perangkat ini" {
		t.Errorf("menu = %s", got)
	}
	for _, it := range d.menu.Items {
		if it.Action != nil {
			it.Action()
		}
	}
	if calls["settings"] != 1 || calls["lock"] != 1 || calls["logout"] != 1 || calls["forget"] != 1 {
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
	for _, secret := range []string{"Siti", "KLM-2026", "Priangan", FormatRupiah(data.Balance.Total)} {
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
	if d.summaryItem.Text != "Ringkasan" || !strings.HasPrefix(d.updated.Text, "Diperbarui ") {
		t.Fatalf("id: tab %q, updated %q", d.summaryItem.Text, d.updated.Text)
	}

	if err := SetLanguage("en"); err != nil {
		t.Fatal(err)
	}
	d.SetData(data)
	if want := "Updated 16 November 2026 14:05 WIB"; d.updated.Text != want {
		t.Errorf("en updated = %q, want %q", d.updated.Text, want)
	}
	for got, want := range map[string]string{
		d.summaryItem.Text:                     "Summary",
		d.balanceItem.Text:                     "JHT Balance",
		d.contribItem.Text:                     "Contributions",
		d.summary.balanceCard.Title:            "JHT Balance",
		d.statusBadge.Text:                     "Active",
		d.refreshButton.Text:                   "Refresh",
		d.summary.lastContribution.value.Text:  "October 2026",
		d.contributions.cellText(0, colPeriod): "January 2026",
	} {
		if got != want {
			t.Errorf("en: got %q, want %q", got, want)
		}
	}
	// Money is written the Indonesian way in both languages.
	if d.summary.balance.Text != FormatRupiah(data.Balance.Total) || !strings.HasPrefix(d.summary.balance.Text, "Rp ") {
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

func TestDashboard_CardWithQRAndPNG(t *testing.T) {
	data := dashDemoMember(t, "budi@contoh.id")
	d, w := newTestDashboard(t)
	d.SetData(data)
	d.tabs.Select(d.cardItem)
	c := d.card

	if len(data.Cards) != 2 || !c.pickerBox.Visible() || len(c.picker.Options) != 2 {
		t.Fatalf("cards %d, picker visible %v options %v", len(data.Cards), c.pickerBox.Visible(), c.picker.Options)
	}
	if !strings.HasPrefix(c.picker.Selected, "18012345678 ") || c.kpj.Text != "18012345678" || c.name.Text != "Budi Santoso" {
		t.Errorf("shown card: picker %q kpj %q name %q", c.picker.Selected, c.kpj.Text, c.name.Text)
	}
	if c.qr == nil || c.qr.Image == nil || c.qr.Image.Bounds().Dx() != 256 {
		t.Fatal("no 256 px QR image on the card")
	}
	for i, card := range data.Cards {
		if card.KPJ == "09011223344" {
			c.picker.SetSelectedIndex(i)
		}
	}
	if c.kpj.Text != "09011223344" {
		t.Errorf("after picking the closed card: %q", c.kpj.Text)
	}
	if c.saveButton.Disabled() {
		t.Error("Save disabled with a card shown")
	}
	img, err := renderCardImage(c.textOf())
	if err != nil {
		t.Fatal(err)
	}
	want := image.Rect(0, 0, int(cardFaceSize.Width)*cardPNGScale, int(cardFaceSize.Height)*cardPNGScale)
	if img.Bounds() != want {
		t.Errorf("card image %v, want %v", img.Bounds(), want)
	}
	var buf bytes.Buffer
	if err := writeCardPNG(nopCloser{&buf}, c.textOf()); err != nil {
		t.Fatal(err)
	}
	if _, err := png.Decode(&buf); err != nil {
		t.Errorf("saved card is not a PNG: %v", err)
	}
	_ = w
}

type nopCloser struct{ io.Writer }

func (nopCloser) Close() error { return nil }

func TestQRImage(t *testing.T) {
	img, err := qrImage("18012345678", 200)
	if err != nil {
		t.Fatal(err)
	}
	if b := img.Bounds(); b.Dx() != 200 || b.Dy() != 200 {
		t.Errorf("QR size %v", b)
	}
}

func TestDashboard_MarkupGoldens(t *testing.T) {
	budi := dashDemoMember(t, "budi@contoh.id")
	siti := dashDemoMember(t, "siti@contoh.id")
	for _, tc := range []struct {
		golden string
		data   MemberData
		tab    func(d *Dashboard) *container.TabItem
	}{
		{"dashboard/summary.xml", budi, func(d *Dashboard) *container.TabItem { return d.summaryItem }},
		{"dashboard/balance.xml", budi, func(d *Dashboard) *container.TabItem { return d.balanceItem }},
		{"dashboard/contributions.xml", budi, func(d *Dashboard) *container.TabItem { return d.contribItem }},
		{"dashboard/claims.xml", siti, func(d *Dashboard) *container.TabItem { return d.claimsItem }},
		{"dashboard/offline.xml", dashOffline(budi), func(d *Dashboard) *container.TabItem { return d.summaryItem }},
	} {
		t.Run(tc.golden, func(t *testing.T) {
			d, w := newTestDashboard(t)
			test.ApplyTheme(t, sizedTheme{test.Theme()}) // with the app's own sizes
			d.SetData(tc.data)
			d.tabs.Select(tc.tab(d))
			test.AssertRendersToMarkup(t, tc.golden, w.Canvas())
		})
	}
}

func dashOffline(d MemberData) MemberData {
	d.Offline = true
	return d
}

// dashTexts collects the text of every visible label and canvas text.
func dashTexts(t *testing.T, o fyne.CanvasObject) []string {
	var out []string
	var walk func(o fyne.CanvasObject)
	walk = func(o fyne.CanvasObject) {
		if o == nil || !o.Visible() {
			return
		}
		switch v := o.(type) {
		case *widget.Label:
			out = append(out, v.Text)
		case *canvas.Text:
			out = append(out, v.Text)
		case *Badge:
			out = append(out, v.Text)
		case *widget.Card:
			out = append(out, v.Title, v.Subtitle)
			walk(v.Content)
			return
		case *fyne.Container:
			for _, c := range v.Objects {
				walk(c)
			}
			return
		case fyne.Widget:
			r := test.TempWidgetRenderer(t, v)
			for _, c := range r.Objects() {
				walk(c)
			}
			return
		}
	}
	walk(o)
	return out
}

// A widget whose minimum size grows with the data (a wrapping label in a
// Center, a wide grid in a scroller) would push the window past the screen.
func TestDashboard_FitsTheMinimumWindow(t *testing.T) {
	for _, email := range []string{"budi@contoh.id", "siti@contoh.id", "andi@contoh.id"} {
		d, _ := newTestDashboard(t)
		d.SetData(dashDemoMember(t, email))
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
	if err := SetLanguage("en"); err != nil {
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
	if err := SetLanguage("id"); err != nil {
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
	d.SetData(MemberData{Member: service.Member{FullName: "Dewi Lestari", Status: "aktif"}, FetchedAt: dashFetchedAt})
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
