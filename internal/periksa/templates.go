package periksa

import (
	"errors"
	"os"
	"path/filepath"
	"sort"

	"github.com/cekbpjstk/cekbpjstk/documents"
	"github.com/cekbpjstk/cekbpjstk/documents/tabular"
	"github.com/cekbpjstk/cekbpjstk/member"
)

// writeTemplates writes the CSV templates (documents/tabular.Templates)
// into dir, making it if needed. It never overwrites a file (a template
// the member has filled in is their data): if one is there, it writes none. It returns the files written.
func writeTemplates(dir string) ([]string, error) {
	if err := os.MkdirAll(dir, 0o750); err != nil {
		return nil, documents.Errorf("templates_dir", member.Source{File: dir},
			"folder ini tidak dapat dibuat: %v", "this folder cannot be made: %v", unwrapPath(err))
	}
	tpl := tabular.Templates()
	names := make([]string, 0, len(tpl))
	for name := range tpl {
		names = append(names, name)
	}
	sort.Strings(names)
	exists := func(path string) error {
		return documents.Errorf("template_exists", member.Source{File: path},
			"berkas ini sudah ada dan tidak ditimpa; pilih folder lain atau pindahkan berkasnya",
			"this file exists and is not overwritten; choose another folder or move the file")
	}
	// All or none: a folder with one template filled in gets no new one.
	for _, name := range names {
		if _, err := os.Lstat(filepath.Join(dir, name)); err == nil {
			return nil, exists(filepath.Join(dir, name))
		}
	}
	var written []string
	for _, name := range names {
		path := filepath.Join(dir, name)
		f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
		if errors.Is(err, os.ErrExist) {
			return written, exists(path)
		}
		if err == nil {
			_, err = f.Write(tpl[name])
			if cerr := f.Close(); err == nil {
				err = cerr
			}
		}
		if err != nil {
			return written, documents.Errorf("template_write", member.Source{File: path},
				"templat tidak dapat ditulis: %v", "the template cannot be written: %v", unwrapPath(err))
		}
		written = append(written, path)
	}
	return written, nil
}

func unwrapPath(err error) error {
	var pe *os.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}
