// Package mynumber calls the mynumber C ABI (libmynumber_c) through cgo: validation with
// reasons, check digits, normalisation, masked formatting, seeded generation, T-number and
// ISO 6523 / Peppol conversions, and bulk validation.
//
// Build against an installed library with pkg-config (the default), or point cgo at a build tree:
//
//	CGO_CFLAGS="-I<repo>/bindings/c/include" CGO_LDFLAGS="-L<build>/bindings/c -Wl,-rpath,<build>/bindings/c" \
//	  go test -tags mynumber_nopkgconfig ./...
package mynumber

/*
#include <stdlib.h>
#include "mynumber_c.h"
*/
import "C"

import (
	"fmt"
	"unsafe"
)

// Kind selects the number type.
type Kind int

const (
	Individual Kind = C.MN_KIND_INDIVIDUAL // 個人番号, 12 digits
	Corporate  Kind = C.MN_KIND_CORPORATE  // 法人番号, 13 digits
)

// Flags for Validate and Format.
const (
	Lenient     = uint(C.MN_LENIENT)      // full-width digits, spaces and dashes accepted
	Reveal      = uint(C.MN_REVEAL)       // print every digit instead of masking
	NoSeparator = uint(C.MN_NO_SEPARATOR) // no group separators
)

// Status codes used in tests and by callers (the full list is in mynumber_c.h).
const (
	ErrEmpty              = int(C.MN_E_EMPTY)
	ErrTooShort           = int(C.MN_E_TOO_SHORT)
	ErrTooLong            = int(C.MN_E_TOO_LONG)
	ErrInvalidCharacter   = int(C.MN_E_INVALID_CHARACTER)
	ErrCheckDigitMismatch = int(C.MN_E_CHECK_DIGIT_MISMATCH)
	ErrInvalidUTF8        = int(C.MN_E_INVALID_UTF8)
	ErrMissingPrefix      = int(C.MN_E_MISSING_PREFIX)
	ErrUnknownScheme      = int(C.MN_E_UNKNOWN_SCHEME)
	ErrInvalidArgument    = int(C.MN_E_INVALID_ARGUMENT)
)

// Error is a failure reported by the C ABI. Its message never contains the input.
type Error struct {
	Status   int   // negative MN_E_* code
	Position int64 // character index into the input, or -1
	Expected int   // correct check digit on a mismatch, or -1
}

func (e *Error) Error() string {
	cerr := C.mn_error{status: C.int(e.Status), position: C.int64_t(e.Position), expected: C.int(e.Expected)}
	var buf [128]C.char
	n := C.mn_error_message(&cerr, &buf[0], C.size_t(len(buf)))
	if n < 0 || int(n) >= len(buf) {
		return fmt.Sprintf("mynumber: status %d", e.Status)
	}
	return "mynumber: " + C.GoString(&buf[0])
}

func toError(status C.int, cerr *C.mn_error) error {
	if status >= 0 {
		return nil
	}
	if cerr == nil || cerr.status != status {
		return &Error{Status: int(status), Position: -1, Expected: -1}
	}
	return &Error{Status: int(status), Position: int64(cerr.position), Expected: int(cerr.expected)}
}

// text passes a Go string to C without copying. cgo allows it: the bytes hold no Go pointers and
// C does not keep them after the call. An empty string becomes (NULL, 0), which the ABI reads as "".
func text(s string) (*C.char, C.size_t) {
	if len(s) == 0 {
		return nil, 0
	}
	return (*C.char)(unsafe.Pointer(unsafe.StringData(s))), C.size_t(len(s))
}

// output runs an snprintf-style call, growing the buffer once if the first try was too small.
func output(call func(out *C.char, size C.size_t, cerr *C.mn_error) C.int) (string, error) {
	var cerr C.mn_error
	var small [64]C.char
	n := call(&small[0], C.size_t(len(small)), &cerr)
	if n < 0 {
		return "", toError(n, &cerr)
	}
	if int(n) < len(small) {
		return C.GoStringN(&small[0], n), nil
	}
	big := (*C.char)(C.malloc(C.size_t(n) + 1))
	defer C.free(unsafe.Pointer(big))
	m := call(big, C.size_t(n)+1, &cerr)
	if m < 0 {
		return "", toError(m, &cerr)
	}
	return C.GoStringN(big, m), nil
}

// Version is the loaded library's version, e.g. "0.1.0".
func Version() string { return C.GoString(C.mn_version_string()) }

// StatusText is the short description of a status code.
func StatusText(status int) string { return C.GoString(C.mn_strerror(C.int(status))) }

// Validate checks s as a number of the given kind (flags: Lenient).
func Validate(kind Kind, s string, flags uint) error {
	p, n := text(s)
	var cerr C.mn_error
	return toError(C.mn_validate(C.mn_kind(kind), p, n, C.uint(flags), &cerr), &cerr)
}

// IsValid is the fast strict check (ASCII digits only).
func IsValid(kind Kind, s string) bool {
	p, n := text(s)
	return C.mn_is_valid(C.mn_kind(kind), p, n) == 1
}

// CheckDigit computes the check digit of 11 (individual) or 12 (corporate) base digits.
func CheckDigit(kind Kind, base string) (int, error) {
	p, n := text(base)
	var cerr C.mn_error
	d := C.mn_check_digit(C.mn_kind(kind), p, n, &cerr)
	if d < 0 {
		return -1, toError(d, &cerr)
	}
	return int(d), nil
}

// Normalize reduces s to ASCII digits (full-width digits converted, spaces and dashes dropped).
func Normalize(s string) (string, error) {
	p, n := text(s)
	return output(func(out *C.char, size C.size_t, cerr *C.mn_error) C.int { return C.mn_normalize(p, n, out, size, cerr) })
}

// Format validates s and returns its grouped display form, masked unless flags has Reveal.
func Format(kind Kind, s string, flags uint) (string, error) {
	p, n := text(s)
	return output(func(out *C.char, size C.size_t, cerr *C.mn_error) C.int {
		return C.mn_format(C.mn_kind(kind), p, n, C.uint(flags), out, size, cerr)
	})
}

// Mask validates s and returns it masked (visibleDigits < 0: default 4; maskChar 0: '*').
func Mask(kind Kind, s string, flags uint, visibleDigits int, maskChar byte) (string, error) {
	p, n := text(s)
	return output(func(out *C.char, size C.size_t, cerr *C.mn_error) C.int {
		return C.mn_mask(C.mn_kind(kind), p, n, C.uint(flags), C.int(visibleDigits), C.char(maskChar), out, size, cerr)
	})
}

// Generate returns count numbers from std::mt19937_64(seed), identical in every language.
func Generate(kind Kind, seed uint64, count int) ([]string, error) {
	length := 12
	if kind == Corporate {
		length = 13
	}
	buf := make([]byte, count*length+1)
	n := C.mn_generate(C.mn_kind(kind), C.uint64_t(seed), C.size_t(count), (*C.char)(unsafe.Pointer(&buf[0])), C.size_t(len(buf)))
	if n < 0 {
		return nil, toError(n, nil)
	}
	out := make([]string, count)
	for i := range out {
		out[i] = string(buf[i*length : (i+1)*length])
	}
	return out, nil
}

// Generator is a seeded number source (std::mt19937_64).
type Generator struct{ g *C.mn_generator }

// NewGenerator returns a generator; call Close when done.
func NewGenerator(seed uint64) *Generator { return &Generator{C.mn_generator_new(C.uint64_t(seed))} }

// Close frees the generator.
func (g *Generator) Close() { C.mn_generator_free(g.g); g.g = nil }

// Next returns the next number; checkDigit -1 draws it freely.
func (g *Generator) Next(kind Kind, checkDigit int) (string, error) {
	var buf [16]C.char
	n := C.mn_generator_next(g.g, C.mn_kind(kind), C.int(checkDigit), &buf[0], C.size_t(len(buf)))
	if n < 0 {
		return "", toError(n, nil)
	}
	return C.GoStringN(&buf[0], n), nil
}

// BulkCounts are the totals of a bulk validation.
type BulkCounts struct{ Records, Valid, Invalid uint64 }

// ValidateLines validates newline-separated records; status[i] is 0 or the errc value (1–99).
func ValidateLines(kind Kind, buf []byte, status []uint8) (BulkCounts, error) {
	var data *C.char
	if len(buf) > 0 {
		data = (*C.char)(unsafe.Pointer(&buf[0]))
	}
	var out *C.uint8_t
	if len(status) > 0 {
		out = (*C.uint8_t)(unsafe.Pointer(&status[0]))
	}
	var c C.mn_bulk_counts
	rc := C.mn_validate_lines(C.mn_kind(kind), data, C.size_t(len(buf)), out, C.size_t(len(status)), &c)
	return BulkCounts{uint64(c.records), uint64(c.valid), uint64(c.invalid)}, toError(rc, nil)
}

// ToPeppol converts a corporate number or T-number to a Peppol participant id.
func ToPeppol(s string, flags uint) (string, error) {
	p, n := text(s)
	return output(func(out *C.char, size C.size_t, cerr *C.mn_error) C.int {
		return C.mn_to_peppol(p, n, C.uint(flags), out, size, cerr)
	})
}

// ToISO6523 converts a corporate number ("0188:…") or T-number ("0221:T…").
func ToISO6523(s string, flags uint) (string, error) {
	p, n := text(s)
	return output(func(out *C.char, size C.size_t, cerr *C.mn_error) C.int {
		return C.mn_to_iso6523(p, n, C.uint(flags), out, size, cerr)
	})
}

// FromPeppol parses a Peppol participant id into its ICD (188 or 221) and number.
func FromPeppol(id string) (int, string, error) {
	p, n := text(id)
	var icd C.int
	s, err := output(func(out *C.char, size C.size_t, cerr *C.mn_error) C.int {
		return C.mn_from_peppol(p, n, &icd, out, size, cerr)
	})
	return int(icd), s, err
}

// InvoiceFromCorporate returns "T" + the corporate number.
func InvoiceFromCorporate(s string) (string, error) {
	p, n := text(s)
	return output(func(out *C.char, size C.size_t, cerr *C.mn_error) C.int {
		return C.mn_invoice_from_corporate(p, n, 0, out, size, cerr)
	})
}
