package demodocs

import (
	"embed"
	"io/fs"
	"sort"
)

//go:generate go run ./internal/cmd/writefiles

// files are the generated documents: the statement printouts
// (rudi-hartono-jht-jp-YYYY.pdf) and the payslips, JMO figures and
// employment facts beside them.
//
//go:embed files
var files embed.FS

// File is one demo document.
type File struct {
	Name string // base name, e.g. "rudi-hartono-jht-jp-2025.pdf"
	Data []byte
}

// Files returns every demo document, by name.
func Files() []File {
	var out []File
	entries, _ := fs.ReadDir(files, "files") // an embedded directory always reads
	for _, e := range entries {
		if e.IsDir() {
			continue
		}
		data, err := files.ReadFile("files/" + e.Name())
		if err != nil {
			continue
		}
		out = append(out, File{Name: e.Name(), Data: data})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out
}
