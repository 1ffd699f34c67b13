//! Calls the C ABI from Rust and checks real results (test vectors: numbers.md).
use mynumber::{ffi, Error, Generator, Kind};
use std::ptr;

#[test]
fn validates_with_reason_position_and_expected_digit() {
    assert!(mynumber::validate(Kind::Individual, "123456789018", false).is_ok());
    assert!(mynumber::validate(Kind::Corporate, "7000012050002", false).is_ok());
    assert!(mynumber::is_valid(Kind::Individual, "621498320257"));
    let err = mynumber::validate(Kind::Individual, "123456789012", false).unwrap_err();
    assert_eq!(err, Error { status: ffi::MN_E_CHECK_DIGIT_MISMATCH, position: Some(11), expected: Some(8) });
    assert_eq!(err.to_string(), "check digit mismatch at position 11: expected check digit 8");
    assert!(mynumber::validate(Kind::Individual, "１２３４ 5678-9018", true).is_ok());
    let err = mynumber::validate(Kind::Individual, b"123456\x00789018", false).unwrap_err();
    assert_eq!((err.status, err.position), (ffi::MN_E_INVALID_CHARACTER, Some(6)));
    let err = mynumber::validate(Kind::Individual, b"\xff\xfe123456789018", true).unwrap_err();
    assert_eq!(err.status, ffi::MN_E_INVALID_UTF8);
    let long = "1".repeat(1 << 20);
    assert_eq!(mynumber::validate(Kind::Corporate, &long, true).unwrap_err().status, ffi::MN_E_TOO_LONG);
}

#[test]
fn null_pointers_and_bad_kinds_give_typed_errors() {
    let mut err = ffi::mn_error::default();
    // SAFETY: deliberately NULL inputs; the ABI must reject them without reading.
    unsafe {
        assert_eq!(ffi::mn_validate(0, ptr::null(), 12, 0, &mut err), ffi::MN_E_NULL_POINTER);
        assert_eq!(err.status, ffi::MN_E_NULL_POINTER);
        assert_eq!(ffi::mn_is_valid(0, ptr::null(), 12), 0);
        assert_eq!(ffi::mn_validate(7, b"123456789018".as_ptr().cast(), 12, 0, ptr::null_mut()), ffi::MN_E_INVALID_ARGUMENT);
        assert_eq!(ffi::mn_generator_next(ptr::null_mut(), 0, -1, ptr::null_mut(), 0), ffi::MN_E_NULL_POINTER);
        ffi::mn_generator_free(ptr::null_mut());
        // Length query: NULL output with size 0 returns the needed length.
        assert_eq!(ffi::mn_format(0, b"123456789018".as_ptr().cast(), 12, 0, ptr::null_mut(), 0, ptr::null_mut()), 14);
    }
}

#[test]
fn check_digit_format_normalize_convert() {
    assert_eq!(mynumber::check_digit(Kind::Individual, "12345678901"), Ok(8));
    assert_eq!(mynumber::check_digit(Kind::Corporate, "700110005901"), Ok(8));
    assert_eq!(mynumber::format(Kind::Individual, "123456789018", false).unwrap(), "**** **** 9018");
    assert_eq!(mynumber::format(Kind::Corporate, "7000012050002", true).unwrap(), "7-0000-1205-0002");
    assert_eq!(mynumber::normalize("１２３４-5678 9018").unwrap(), "123456789018");
    assert_eq!(mynumber::normalize("９".repeat(80)).unwrap(), "9".repeat(80)); // needs the retry
    assert_eq!(mynumber::to_peppol("T1180301018771").unwrap(), "iso6523-actorid-upis::0221:T1180301018771");
    assert_eq!(mynumber::from_iso6523("0188:7000012050002").unwrap(), (188, "7000012050002".to_string()));
    assert_eq!(mynumber::from_iso6523("0999:7000012050002").unwrap_err().status, ffi::MN_E_UNKNOWN_SCHEME);
}

#[test]
fn bulk_lines() {
    let (status, counts) =
        mynumber::validate_lines(Kind::Individual, b"123456789018\n123456789012\r\n\n1234\n621498320257").unwrap();
    assert_eq!(status, vec![0, 5, 1, 2, 0]);
    assert_eq!((counts.records, counts.valid, counts.invalid), (5, 2, 3));
}

#[test]
fn generation_is_reproducible_and_valid() {
    let a = mynumber::generate(Kind::Individual, 42, 100).unwrap();
    assert_eq!(a, mynumber::generate(Kind::Individual, 42, 100).unwrap());
    assert_ne!(a, mynumber::generate(Kind::Individual, 43, 100).unwrap());
    assert!(a.iter().all(|n| mynumber::is_valid(Kind::Individual, n)));
    let mut g = Generator::new(42);
    for expected in a.iter().take(10) {
        assert_eq!(&g.next(Kind::Individual, None).unwrap(), expected);
    }
    let mut g = Generator::new(3);
    for _ in 0..20 {
        let n = g.next(Kind::Corporate, Some(4)).unwrap();
        assert!(n.starts_with('4') && mynumber::is_valid(Kind::Corporate, &n));
    }
    assert_eq!(g.next(Kind::Corporate, Some(0)).unwrap_err().status, ffi::MN_E_INVALID_ARGUMENT);
}
