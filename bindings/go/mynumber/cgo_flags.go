//go:build !mynumber_nopkgconfig

package mynumber

// #cgo pkg-config: mynumber
import "C"
