package audittab

import (
	"context"
	"errors"
	"io"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/cekbpjstk/cekbpjstk/member"
	"github.com/cekbpjstk/cekbpjstk/rules/evidence"
	"github.com/cekbpjstk/cekbpjstk/ui/async"
	"github.com/cekbpjstk/cekbpjstk/ui/dashboard/part"
	"github.com/cekbpjstk/cekbpjstk/ui/dialogs"
)

// The evidence pack (rules/evidence) of one card with payslip findings: a
// PDF and a CSV the member takes to HR, BPJS Ketenagakerjaan or the labour
// inspector. The member chooses where the PDF goes (Fyne's save dialog);
// the CSV goes beside it under the same name. Both are made and written
// off the UI goroutine; the member is told where they went.

// packButton is a card's "Simpan paket bukti" button.
func (a *Tab) packButton(kpj string) *widget.Button {
	return widget.NewButtonWithIcon(lang.L("audit.pack.save"), theme.DocumentSaveIcon(), func() { a.savePackDialog(kpj) })
}

// packInput is what the pack of card kpj is made from: the data on screen,
// over the months the member has payslips of on that card (every month of
// the card when none names it).
func (a *Tab) packInput(kpj string) evidence.Input {
	in := evidence.Input{Data: PayslipInput(a.data), KPJ: kpj, NIK: a.data.Member.NIKMasked, GeneratedAt: kitNow()}
	for _, p := range a.data.Payslips {
		if p.KPJ != kpj {
			continue
		}
		m := member.MonthOf(p.Period)
		if in.From.IsZero() || m.Before(in.From) {
			in.From = m
		}
		if m.After(in.To) {
			in.To = m
		}
	}
	return in
}

// packName is the PDF's suggested name: "paket-bukti-9012.pdf".
func packName(kpj string) string {
	if len(kpj) > 4 {
		kpj = kpj[len(kpj)-4:]
	}
	return lang.L("audit.pack.file", map[string]any{"KPJ": kpj}) + ".pdf"
}

// csvBeside is the CSV's name beside the PDF named pdf: the same name,
// ".csv".
func csvBeside(pdf string) string {
	if i := strings.LastIndex(pdf, "."); i > 0 {
		pdf = pdf[:i]
	}
	return pdf + ".csv"
}

func (a *Tab) savePackDialog(kpj string) {
	in := a.packInput(kpj)
	fd := dialog.NewFileSave(func(w fyne.URIWriteCloser, err error) {
		if err != nil || w == nil {
			return
		}
		a.savePack(in, w)
	}, a.p.Win)
	fd.SetFileName(packName(kpj))
	dialogs.Show(fd, a.p.Win)
}

// savePack writes the pack of in: the PDF to w, the CSV beside it, off
// the UI goroutine; then says where they went, or why not.
func (a *Tab) savePack(in evidence.Input, w fyne.URIWriteCloser) {
	pdfURI := w.URI()
	async.Run(a.p.Runner, part.SaveTimeout, func(ctx context.Context) (fyne.URI, error) {
		if a.p.Documents != nil {
			docs, err := a.p.Documents(ctx)
			if err != nil {
				_ = w.Close()
				return nil, err
			}
			in.Documents = docs
		}
		return writePack(in, w, func(name string) (io.WriteCloser, fyne.URI, error) {
			parent, err := storage.Parent(pdfURI)
			if err != nil {
				return nil, nil, err
			}
			u, err := storage.Child(parent, name)
			if err != nil {
				return nil, nil, err
			}
			cw, err := storage.Writer(u)
			return cw, u, err
		})
	}, func(csvURI fyne.URI, err error) {
		if !a.hasData {
			return // locked or logged out meanwhile
		}
		if err != nil {
			fyne.LogError("evidence pack not written", err)
			msg := lang.L("audit.pack.failed")
			if e := (*evidence.Error)(nil); errors.As(err, &e) {
				msg = e.Text(auditLang())
			}
			dialogs.ShowToast(a.p.Win, msg, true, "", nil)
			return
		}
		dialogs.ShowSaved(a.p.Win, pdfURI, func(name, folder string) string {
			return lang.L("audit.pack.saved", map[string]any{"PDF": name, "CSV": csvURI.Name(), "Folder": folder})
		})
	})
}

// writePack makes the pack of in and writes its PDF to pdf and its CSV to
// the writer create gives for the CSV's name beside pdf; both writers are
// closed. It returns where the CSV went. Call it off the UI goroutine.
func writePack(in evidence.Input, pdf fyne.URIWriteCloser, create func(name string) (io.WriteCloser, fyne.URI, error)) (fyne.URI, error) {
	pdfBytes, err := evidence.PDF(in)
	var csvBytes []byte
	if err == nil {
		csvBytes, err = evidence.CSV(in)
	}
	if err != nil {
		_ = pdf.Close()
		return nil, err
	}
	if err := writeBytes(pdf, pdfBytes); err != nil {
		return nil, err
	}
	cw, u, err := create(csvBeside(pdf.URI().Name()))
	if err != nil {
		return nil, err
	}
	return u, writeBytes(cw, csvBytes)
}

// writeBytes writes b to w and closes it.
func writeBytes(w io.WriteCloser, b []byte) error {
	if _, err := w.Write(b); err != nil {
		_ = w.Close()
		return err
	}
	return w.Close()
}
