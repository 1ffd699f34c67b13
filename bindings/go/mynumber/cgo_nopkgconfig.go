//go:build mynumber_nopkgconfig

package mynumber

// Without pkg-config: CGO_CFLAGS gives -I<repo>/bindings/c/include and CGO_LDFLAGS gives
// -L<dir of libmynumber_c> (plus -Wl,-rpath,<dir> for an uninstalled build tree).

// #cgo LDFLAGS: -lmynumber_c
import "C"
