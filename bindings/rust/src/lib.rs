//! Rust bindings to the mynumber C ABI (`mynumber_c.h`): plain `extern "C"` declarations in
//! [`ffi`] and a small safe layer on top. Strings are passed as (pointer, length), so any Rust
//! `&str` or `&[u8]` works, including ones with NUL bytes.

use std::fmt;
use std::os::raw::{c_char, c_int};

/// Raw declarations, one to one with `mynumber_c.h`.
pub mod ffi {
    use std::os::raw::{c_char, c_int, c_uint};

    pub const MN_KIND_INDIVIDUAL: c_int = 0;
    pub const MN_KIND_CORPORATE: c_int = 1;
    pub const MN_LENIENT: c_uint = 0x1;
    pub const MN_REVEAL: c_uint = 0x2;
    pub const MN_NO_SEPARATOR: c_uint = 0x4;
    pub const MN_NUL_TERMINATED: usize = usize::MAX;

    pub const MN_E_EMPTY: c_int = -1;
    pub const MN_E_TOO_SHORT: c_int = -2;
    pub const MN_E_TOO_LONG: c_int = -3;
    pub const MN_E_INVALID_CHARACTER: c_int = -4;
    pub const MN_E_CHECK_DIGIT_MISMATCH: c_int = -5;
    pub const MN_E_INVALID_UTF8: c_int = -6;
    pub const MN_E_MISSING_PREFIX: c_int = -7;
    pub const MN_E_UNKNOWN_SCHEME: c_int = -8;
    pub const MN_E_INVALID_ARGUMENT: c_int = -900;
    pub const MN_E_NULL_POINTER: c_int = -901;

    #[repr(C)]
    #[derive(Debug, Default, Clone, Copy)]
    pub struct mn_error {
        pub status: c_int,
        pub position: i64,
        pub expected: c_int,
    }

    #[repr(C)]
    #[derive(Debug, Default, Clone, Copy)]
    pub struct mn_bulk_counts {
        pub records: u64,
        pub valid: u64,
        pub invalid: u64,
    }

    #[repr(C)]
    pub struct mn_generator {
        _private: [u8; 0],
    }

    extern "C" {
        pub fn mn_version_number() -> c_int;
        pub fn mn_version_string() -> *const c_char;
        pub fn mn_strerror(status: c_int) -> *const c_char;
        pub fn mn_error_message(err: *const mn_error, out: *mut c_char, out_size: usize) -> c_int;
        pub fn mn_validate(kind: c_int, text: *const c_char, len: usize, flags: c_uint, err: *mut mn_error) -> c_int;
        pub fn mn_is_valid(kind: c_int, text: *const c_char, len: usize) -> c_int;
        pub fn mn_check_digit(kind: c_int, base: *const c_char, len: usize, err: *mut mn_error) -> c_int;
        pub fn mn_from_base(kind: c_int, base: *const c_char, len: usize, out: *mut c_char, out_size: usize,
                            err: *mut mn_error) -> c_int;
        pub fn mn_normalize(text: *const c_char, len: usize, out: *mut c_char, out_size: usize, err: *mut mn_error)
            -> c_int;
        pub fn mn_format(kind: c_int, text: *const c_char, len: usize, flags: c_uint, out: *mut c_char,
                         out_size: usize, err: *mut mn_error) -> c_int;
        pub fn mn_mask(kind: c_int, text: *const c_char, len: usize, flags: c_uint, visible_digits: c_int,
                       mask_char: c_char, out: *mut c_char, out_size: usize, err: *mut mn_error) -> c_int;
        pub fn mn_validate_lines(kind: c_int, buffer: *const c_char, len: usize, status_out: *mut u8,
                                 status_size: usize, counts: *mut mn_bulk_counts) -> c_int;
        pub fn mn_validate_strided(kind: c_int, data: *const c_char, count: usize, stride: usize,
                                   status_out: *mut u8, status_size: usize, counts: *mut mn_bulk_counts) -> c_int;
        pub fn mn_generator_new(seed: u64) -> *mut mn_generator;
        pub fn mn_generator_free(gen: *mut mn_generator);
        pub fn mn_generator_next(gen: *mut mn_generator, kind: c_int, check_digit: c_int, out: *mut c_char,
                                 out_size: usize) -> c_int;
        pub fn mn_generate(kind: c_int, seed: u64, count: usize, out: *mut c_char, out_size: usize) -> c_int;
        pub fn mn_invoice_validate(text: *const c_char, len: usize, flags: c_uint, err: *mut mn_error) -> c_int;
        pub fn mn_invoice_from_corporate(text: *const c_char, len: usize, flags: c_uint, out: *mut c_char,
                                         out_size: usize, err: *mut mn_error) -> c_int;
        pub fn mn_invoice_to_corporate(text: *const c_char, len: usize, flags: c_uint, out: *mut c_char,
                                       out_size: usize, err: *mut mn_error) -> c_int;
        pub fn mn_to_iso6523(text: *const c_char, len: usize, flags: c_uint, out: *mut c_char, out_size: usize,
                             err: *mut mn_error) -> c_int;
        pub fn mn_to_peppol(text: *const c_char, len: usize, flags: c_uint, out: *mut c_char, out_size: usize,
                            err: *mut mn_error) -> c_int;
        pub fn mn_from_iso6523(id: *const c_char, len: usize, icd: *mut c_int, out: *mut c_char, out_size: usize,
                               err: *mut mn_error) -> c_int;
        pub fn mn_from_peppol(id: *const c_char, len: usize, icd: *mut c_int, out: *mut c_char, out_size: usize,
                              err: *mut mn_error) -> c_int;
    }
}

/// Number kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// 個人番号, 12 digits, check digit last.
    Individual,
    /// 法人番号, 13 digits, check digit first.
    Corporate,
}

impl Kind {
    fn raw(self) -> c_int {
        match self {
            Kind::Individual => ffi::MN_KIND_INDIVIDUAL,
            Kind::Corporate => ffi::MN_KIND_CORPORATE,
        }
    }
    fn length(self) -> usize {
        match self {
            Kind::Individual => 12,
            Kind::Corporate => 13,
        }
    }
}

/// A failure reported by the C ABI. Its message never contains the input.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Error {
    /// Negative `MN_E_*` status.
    pub status: i32,
    /// Character index into the input, if known.
    pub position: Option<u64>,
    /// The correct check digit on a check-digit mismatch.
    pub expected: Option<u8>,
}

impl Error {
    fn from_raw(status: c_int, err: &ffi::mn_error) -> Error {
        if err.status != status {
            return Error { status, position: None, expected: None };
        }
        Error {
            status,
            position: u64::try_from(err.position).ok(),
            expected: u8::try_from(err.expected).ok(),
        }
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let raw = ffi::mn_error {
            status: self.status,
            position: self.position.map_or(-1, |p| p as i64),
            expected: self.expected.map_or(-1, c_int::from),
        };
        let mut buf = [0 as c_char; 128];
        // SAFETY: raw and buf are valid for the call; the library writes at most buf.len() bytes.
        let n = unsafe { ffi::mn_error_message(&raw, buf.as_mut_ptr(), buf.len()) };
        if n < 0 || n as usize >= buf.len() {
            return write!(f, "mynumber status {}", self.status);
        }
        let bytes: Vec<u8> = buf[..n as usize].iter().map(|&c| c as u8).collect();
        f.write_str(&String::from_utf8_lossy(&bytes))
    }
}

impl std::error::Error for Error {}

fn ptr(text: &[u8]) -> *const c_char {
    text.as_ptr().cast()
}

/// Runs an snprintf-style call, retrying once with a buffer of the reported size.
fn output(mut call: impl FnMut(*mut c_char, usize, *mut ffi::mn_error) -> c_int) -> Result<String, Error> {
    let mut err = ffi::mn_error::default();
    let mut buf = vec![0u8; 64];
    let mut n = call(buf.as_mut_ptr().cast(), buf.len(), &mut err);
    if n >= 0 && n as usize >= buf.len() {
        buf = vec![0u8; n as usize + 1];
        n = call(buf.as_mut_ptr().cast(), buf.len(), &mut err);
    }
    if n < 0 {
        return Err(Error::from_raw(n, &err));
    }
    buf.truncate(n as usize);
    Ok(String::from_utf8(buf).expect("the C ABI writes ASCII"))
}

/// The loaded library's version, e.g. "0.1.0".
pub fn version() -> String {
    // SAFETY: a static NUL-terminated string.
    unsafe { std::ffi::CStr::from_ptr(ffi::mn_version_string()) }.to_string_lossy().into_owned()
}

/// Validates `text` as a number of `kind`; `lenient` accepts full-width digits, spaces, dashes.
pub fn validate(kind: Kind, text: impl AsRef<[u8]>, lenient: bool) -> Result<(), Error> {
    let text = text.as_ref();
    let mut err = ffi::mn_error::default();
    let flags = if lenient { ffi::MN_LENIENT } else { 0 };
    // SAFETY: (ptr, len) describe `text`; err is valid.
    let rc = unsafe { ffi::mn_validate(kind.raw(), ptr(text), text.len(), flags, &mut err) };
    if rc < 0 { Err(Error::from_raw(rc, &err)) } else { Ok(()) }
}

/// The fast strict check.
pub fn is_valid(kind: Kind, text: impl AsRef<[u8]>) -> bool {
    let text = text.as_ref();
    // SAFETY: (ptr, len) describe `text`.
    unsafe { ffi::mn_is_valid(kind.raw(), ptr(text), text.len()) == 1 }
}

/// The check digit of 11 (individual) or 12 (corporate) base digits.
pub fn check_digit(kind: Kind, base: impl AsRef<[u8]>) -> Result<u8, Error> {
    let base = base.as_ref();
    let mut err = ffi::mn_error::default();
    // SAFETY: (ptr, len) describe `base`; err is valid.
    let rc = unsafe { ffi::mn_check_digit(kind.raw(), ptr(base), base.len(), &mut err) };
    if rc < 0 { Err(Error::from_raw(rc, &err)) } else { Ok(rc as u8) }
}

/// Grouped display form; masked unless `reveal`.
pub fn format(kind: Kind, text: impl AsRef<[u8]>, reveal: bool) -> Result<String, Error> {
    let text = text.as_ref();
    let flags = ffi::MN_LENIENT | if reveal { ffi::MN_REVEAL } else { 0 };
    // SAFETY: (ptr, len) describe `text`; out/err come from `output`.
    output(|out, size, err| unsafe { ffi::mn_format(kind.raw(), ptr(text), text.len(), flags, out, size, err) })
}

/// Lenient normalisation to ASCII digits.
pub fn normalize(text: impl AsRef<[u8]>) -> Result<String, Error> {
    let text = text.as_ref();
    // SAFETY: as above.
    output(|out, size, err| unsafe { ffi::mn_normalize(ptr(text), text.len(), out, size, err) })
}

/// Peppol participant id of a corporate number or T-number.
pub fn to_peppol(text: impl AsRef<[u8]>) -> Result<String, Error> {
    let text = text.as_ref();
    // SAFETY: as above.
    output(|out, size, err| unsafe { ffi::mn_to_peppol(ptr(text), text.len(), ffi::MN_LENIENT, out, size, err) })
}

/// (ICD, number) from an ISO 6523 identifier.
pub fn from_iso6523(id: impl AsRef<[u8]>) -> Result<(i32, String), Error> {
    let id = id.as_ref();
    let mut icd: c_int = 0;
    // SAFETY: as above; icd outlives the call.
    let number = output(|out, size, err| unsafe { ffi::mn_from_iso6523(ptr(id), id.len(), &mut icd, out, size, err) })?;
    Ok((icd, number))
}

/// `count` numbers from std::mt19937_64(seed): the same in C, C++, Python, Go and Rust.
pub fn generate(kind: Kind, seed: u64, count: usize) -> Result<Vec<String>, Error> {
    let length = kind.length();
    let mut buf = vec![0u8; count * length + 1];
    // SAFETY: buf has count * length + 1 bytes, as the call requires.
    let rc = unsafe { ffi::mn_generate(kind.raw(), seed, count, buf.as_mut_ptr().cast(), buf.len()) };
    if rc < 0 {
        return Err(Error { status: rc, position: None, expected: None });
    }
    Ok(buf[..count * length]
        .chunks(length)
        .map(|c| String::from_utf8(c.to_vec()).expect("digits"))
        .collect())
}

/// A seeded generator (owns an `mn_generator`).
pub struct Generator(*mut ffi::mn_generator);

impl Generator {
    pub fn new(seed: u64) -> Generator {
        // SAFETY: plain constructor; NULL (out of memory) is handled by the library in every call.
        Generator(unsafe { ffi::mn_generator_new(seed) })
    }
    pub fn next(&mut self, kind: Kind, check_digit: Option<u8>) -> Result<String, Error> {
        let digit = check_digit.map_or(-1, c_int::from);
        let handle = self.0;
        // SAFETY: handle is owned by self and not shared.
        output(|out, size, _| unsafe { ffi::mn_generator_next(handle, kind.raw(), digit, out, size) })
            .map_err(|e| Error { position: None, expected: None, ..e })
    }
}

impl Drop for Generator {
    fn drop(&mut self) {
        // SAFETY: the handle came from mn_generator_new and is freed once.
        unsafe { ffi::mn_generator_free(self.0) }
    }
}

/// Bulk validation of newline-separated records; returns per-record status and totals.
pub fn validate_lines(kind: Kind, buffer: &[u8]) -> Result<(Vec<u8>, ffi::mn_bulk_counts), Error> {
    let records = buffer.iter().filter(|&&b| b == b'\n').count() + usize::from(buffer.last().is_some_and(|&b| b != b'\n'));
    let mut status = vec![0u8; records];
    let mut counts = ffi::mn_bulk_counts::default();
    // SAFETY: (ptr, len) describe buffer; status has `records` bytes.
    let rc = unsafe {
        ffi::mn_validate_lines(kind.raw(), ptr(buffer), buffer.len(), status.as_mut_ptr(), status.len(), &mut counts)
    };
    if rc < 0 {
        return Err(Error { status: rc, position: None, expected: None });
    }
    Ok((status, counts))
}
