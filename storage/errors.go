package storage

import (
	"errors"
	"fmt"
	"strings"
)

// Error codes. Each maps to one HTTP status in the dashboards package.
const (
	CodeInvalid      = "invalid"      // malformed input (HTTP 400)
	CodeValidation   = "validation"   // well-formed rows that fail validation (HTTP 422)
	CodeNotFound     = "not_found"    // HTTP 404
	CodeConflict     = "conflict"     // HTTP 409
	CodeUnauthorized = "unauthorized" // HTTP 401
	CodeForbidden    = "forbidden"    // HTTP 403
	CodeTooLarge     = "too_large"    // HTTP 413
	CodeInternal     = "internal"     // HTTP 500; the only kind that is logged
	CodeDiskFull     = "disk_full"    // HTTP 507: the database's disk is full; nothing was stored
)

// Error is an error fit to show a user: a code, a message that says what is
// wrong and what to do, and optional details naming rows and fields.
//
// Message is the English text. Key and Args keep how it was made — its
// format, which is its key in the message catalog (package
// collector/catalog), and the arguments — so the catalog can say it in the
// reader's language. Errorf and Detail.Says fill both; a message built
// any other way has no Key and is shown as it stands.
type Error struct {
	Code    string   `json:"code"`
	Message string   `json:"message"`
	Details []Detail `json:"details,omitempty"`
	Key     string   `json:"-"`
	Args    []any    `json:"-"`
}

// Detail names one problem in one row and field. Reason is the English
// text; Key and Args are its catalog key and arguments, as for Error.
type Detail struct {
	Row    int    `json:"row,omitempty"` // 1-based data row (or file line), 0 when not row-bound
	Sheet  string `json:"sheet,omitempty"`
	Field  string `json:"field,omitempty"`
	Value  string `json:"value,omitempty"`
	Reason string `json:"reason"`
	Key    string `json:"-"`
	Args   []any  `json:"-"`
}

// Says returns d with its reason set from a catalog key (an English format
// such as "not a date (write %s)") and its arguments. An argument may be
// an *Error, which the catalog renders in the reader's language too.
func (d Detail) Says(key string, args ...any) Detail {
	d.Reason, d.Key, d.Args = fmt.Sprintf(key, args...), key, args
	return d
}

// Because returns d with the reason, key and arguments of err when err is
// an *Error, or err's text otherwise.
func (d Detail) Because(err error) Detail {
	var e *Error
	if errors.As(err, &e) {
		d.Reason, d.Key, d.Args = e.Message, e.Key, e.Args
		return d
	}
	d.Reason = err.Error()
	return d
}

func (d Detail) String() string {
	var b strings.Builder
	if d.Sheet != "" {
		fmt.Fprintf(&b, "sheet %s ", d.Sheet)
	}
	if d.Row > 0 {
		fmt.Fprintf(&b, "row %d ", d.Row)
	}
	if d.Field != "" {
		fmt.Fprintf(&b, "field %s ", d.Field)
	}
	if d.Value != "" {
		fmt.Fprintf(&b, "%q ", d.Value)
	}
	if b.Len() > 0 {
		b.WriteString(": ")
	}
	b.WriteString(d.Reason)
	return b.String()
}

func (e *Error) Error() string {
	if len(e.Details) == 0 {
		return e.Message
	}
	parts := make([]string, 0, len(e.Details)+1)
	parts = append(parts, e.Message)
	for _, d := range e.Details {
		parts = append(parts, d.String())
	}
	return strings.Join(parts, "; ")
}

// Errorf returns an *Error with code and a formatted message; format is
// the message's key in the catalog, so it must be a constant that the
// catalog knows (a test checks every call).
func Errorf(code, format string, args ...any) *Error {
	return &Error{Code: code, Message: fmt.Sprintf(format, args...), Key: format, Args: args}
}

// WithDetails returns e with details added (for chaining after Errorf).
func (e *Error) WithDetails(d ...Detail) *Error {
	e.Details = append(e.Details, d...)
	return e
}

// ErrorCode returns the code of the first *Error in err's chain, or
// CodeInternal for any other non-nil error, or "" for nil.
func ErrorCode(err error) string {
	var e *Error
	switch {
	case err == nil:
		return ""
	case errors.As(err, &e):
		return e.Code
	}
	return CodeInternal
}
