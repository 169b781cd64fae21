package member

// Source is where a figure read from the member's own documents came from:
// the file, its SHA-256 and the place in it. Figures fetched from the
// server carry none.
type Source struct {
	File   string `json:"file"`           // the file's base name
	SHA256 string `json:"sha256"`         // hex, of the whole file
	Page   int    `json:"page,omitempty"` // 1-based; 0 for text and CSV
	Line   int    `json:"line,omitempty"` // 1-based line of the page or file; 0 when a form typed it
}
