//! Rule 7: phone numbers.

use switchboard_domain::phone::{E164, PhoneError, format_for_display, normalize_e164};

#[test]
fn normalize_table() {
    let cases: &[(&str, Option<&str>, Result<&str, PhoneError>)] = &[
        ("+49 151 23456789", None, Ok("+4915123456789")),
        ("+49 (0)30 1234567", None, Ok("+49301234567")),
        ("0049 30 1234567", Some("DE"), Ok("+49301234567")),
        ("030 1234567", Some("DE"), Ok("+49301234567")),
        ("030/1234567", Some("de"), Ok("+49301234567")),
        ("090-1234-5678", Some("JP"), Ok("+819012345678")),
        (
            "０９０－１２３４－５６７８",
            Some("JP"),
            Ok("+819012345678"),
        ),
        ("＋８１ ９０ １２３４ ５６７８", None, Ok("+819012345678")),
        ("+1 (415) 555-2671", None, Ok("+14155552671")),
        ("(415) 555-2671", Some("US"), Ok("+14155552671")),
        ("tel:+44-20-7946-0958", None, Ok("+442079460958")),
        // WhatsApp wa_id: digits with country code, no '+'
        ("4915123456789", None, Ok("+4915123456789")),
        ("whatsapp:+4915123456789", None, Ok("+4915123456789")),
        // a wa_id is recognised even when a default region is set
        ("4915123456789", Some("DE"), Ok("+4915123456789")),
        ("819012345678", Some("US"), Ok("+819012345678")),
        // ...but a digit string valid in the default region is read as national
        ("819012345678", Some("DE"), Ok("+49819012345678")),
        // a national number still wins over the wa_id reading
        ("015123456789", Some("DE"), Ok("+4915123456789")),
        ("", None, Err(PhoneError::Empty)),
        ("   ", Some("DE"), Err(PhoneError::Empty)),
        ("hello", None, Err(PhoneError::NotANumber)),
        ("030 1234567", Some("XX"), Err(PhoneError::UnknownRegion)),
        ("+49 1", None, Err(PhoneError::Invalid)),
        ("+1 555 0100", None, Err(PhoneError::Invalid)),
    ];
    for (input, region, expected) in cases {
        let got = normalize_e164(input, *region);
        let got = got.as_ref().map(E164::as_str).map_err(|e| *e);
        assert_eq!(got, *expected, "{input:?} in {region:?}");
    }
}

#[test]
fn display_by_locale_table() {
    let de = normalize_e164("+49 30 1234567", None).unwrap();
    let jp = normalize_e164("+81 90 1234 5678", None).unwrap();
    let us = normalize_e164("+1 415 555 2671", None).unwrap();
    let cases = [
        (&de, "de-DE", "030 1234567"),
        (&de, "de_DE", "030 1234567"),
        (&de, "en-US", "+49 30 1234567"),
        (&de, "de", "+49 30 1234567"),
        (&jp, "ja-JP", "090-1234-5678"),
        (&jp, "de-DE", "+81 90-1234-5678"),
        (&us, "en-US", "(415) 555-2671"),
        (&us, "zh-Hant-TW", "+1 415-555-2671"),
    ];
    for (number, locale, expected) in cases {
        assert_eq!(
            format_for_display(number, locale),
            expected,
            "{number} in {locale}"
        );
    }
}

#[test]
fn e164_accessors_and_serde() {
    let n = normalize_e164("+49 151 23456789", None).unwrap();
    assert_eq!(n.digits(), "4915123456789");
    assert_eq!(n.region().as_deref(), Some("DE"));
    assert_eq!(n.to_string(), "+4915123456789");
    assert_eq!(serde_json::to_value(&n).unwrap(), "+4915123456789");
    let back: E164 = serde_json::from_str("\"+49 151 23456789\"").unwrap();
    assert_eq!(back, n);
    assert!(serde_json::from_str::<E164>("\"nope\"").is_err());
    assert_eq!("+4915123456789".parse::<E164>(), Ok(n));
}
