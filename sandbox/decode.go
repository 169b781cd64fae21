package sandbox

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strings"
)

// maxBodyBytes caps every request body. The largest legitimate body
// (registration) is well under 1 KiB; anything near this size is abuse.
const maxBodyBytes = 16 << 10

// decodeJSON reads exactly one JSON object from the request into dst,
// rejecting unknown fields, wrong types, trailing data and oversized bodies.
// Being strict here surfaces client encoding bugs in tests instead of letting
// the server silently guess.
func decodeJSON(w http.ResponseWriter, r *http.Request, dst any) *Problem {
	body := http.MaxBytesReader(w, r.Body, maxBodyBytes)
	raw, err := io.ReadAll(body)
	if err != nil {
		var mbe *http.MaxBytesError
		if errors.As(err, &mbe) {
			return badRequest(fmt.Sprintf("Request body exceeds %d bytes.", maxBodyBytes))
		}
		return badRequest("Could not read the request body.")
	}
	if len(bytes.TrimSpace(raw)) == 0 {
		return badRequest("Request body is empty; a JSON object is required.")
	}
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.DisallowUnknownFields()
	if err := dec.Decode(dst); err != nil {
		return decodeProblem(err)
	}
	// A second Decode must hit EOF; anything else is trailing data such as a
	// second object, which often means a client concatenated two bodies.
	var extra json.RawMessage
	if err := dec.Decode(&extra); !errors.Is(err, io.EOF) {
		return badRequest("Request body has data after the JSON object.")
	}
	return nil
}

// decodeProblem turns a json decoding error into a 400 that names the field
// when the decoder knows it.
func decodeProblem(err error) *Problem {
	var typeErr *json.UnmarshalTypeError
	var syntaxErr *json.SyntaxError
	switch {
	case errors.As(err, &typeErr):
		field := typeErr.Field
		if field == "" {
			return badRequest("Request body must be a JSON object.")
		}
		return badRequest("A field has the wrong JSON type.", FieldError{
			Field: field, Code: "type",
			Message: fmt.Sprintf("must be a JSON %s", jsonKind(typeErr.Type.Kind().String())),
		})
	case errors.As(err, &syntaxErr), errors.Is(err, io.ErrUnexpectedEOF):
		return badRequest("Request body is not valid JSON.")
	case strings.HasPrefix(err.Error(), "json: unknown field "):
		// encoding/json has no typed error for unknown fields.
		name := strings.Trim(strings.TrimPrefix(err.Error(), "json: unknown field "), `"`)
		return badRequest("Request body has an unknown field.", FieldError{
			Field: name, Code: "unknown", Message: "is not a known field",
		})
	default:
		return badRequest("Request body is not valid JSON.")
	}
}

func jsonKind(goKind string) string {
	switch goKind {
	case "string":
		return "string"
	case "bool":
		return "boolean"
	case "int", "int64", "int32", "float64":
		return "number"
	default:
		return "value of another type"
	}
}
