//! Rule 5: card-number redaction, with a corpus of real card formats and of
//! numbers that must never be touched (phones, dates, orders, tracking).

use std::borrow::Cow;

use proptest::prelude::*;
use switchboard_domain::redaction::{
    self, Issuer, RedactionSettings, find_card_numbers, luhn_valid, redact_card_numbers,
    redact_for_channel,
};

/// (text, the last four digits of every card in it, in order)
const CARDS: &[(&str, &[&str])] = &[
    // the usual test numbers, plain
    ("4111111111111111", &["1111"]),
    ("4012888888881881", &["1881"]),
    ("4242424242424242", &["4242"]),
    ("5555555555554444", &["4444"]),
    ("5105105105105100", &["5100"]),
    ("2223003122003222", &["3222"]),
    ("2720991234567894", &["7894"]),
    ("378282246310005", &["0005"]),
    ("371449635398431", &["8431"]),
    ("6011111111111117", &["1117"]),
    ("6011000990139424", &["9424"]),
    ("6500123456789017", &["9017"]),
    ("3530111333300000", &["0000"]),
    ("3566002020360505", &["0505"]),
    ("30569309025904", &["5904"]),
    ("38520000023237", &["3237"]),
    ("30123456789019", &["9019"]),
    ("6200000000000005", &["0005"]),
    ("6212345678901234569", &["4569"]),
    ("5018123456789014", &["9014"]),
    ("6304123456789015", &["9015"]),
    ("2200123456789019", &["9019"]),
    ("4111111111111111110", &["1110"]),
    // printed groupings
    ("4111 1111 1111 1111", &["1111"]),
    ("4111-1111-1111-1111", &["1111"]),
    ("5555 5555 5555 4444", &["4444"]),
    ("3782 822463 10005", &["0005"]),
    ("3714-496353-98431", &["8431"]),
    ("3056 930902 5904", &["5904"]),
    ("4026 1234 5678 9012 348", &["2348"]),
    ("4111\u{00A0}1111\u{00A0}1111\u{00A0}1111", &["1111"]),
    // in sentences
    ("My card is 4111 1111 1111 1111, exp 12/25", &["1111"]),
    ("card 4111 1111 1111 1111 12/25 cvv 123", &["1111"]),
    ("Please charge 5105-1051-0510-5100.", &["5100"]),
    ("Visa:4111111111111111", &["1111"]),
    ("(6011 1111 1111 1117)", &["1117"]),
    ("\"pan\":\"4242424242424242\"", &["4242"]),
    ("💳 3530 1113 3330 0000 👍", &["0000"]),
    (
        "first 4111111111111111\nsecond 5555555555554444",
        &["1111", "4444"],
    ),
    (
        "Amex 378282246310005 or Visa 4012 8888 8888 1881",
        &["0005", "1881"],
    ),
    ("card#4111111111111111", &["1111"]),
    ("Qty 2 4111 1111 1111 1111", &["1111"]),
    ("4111 1111 1111 1111 5555 5555 5555 4444", &["1111", "4444"]),
    ("4111-1111-1111-1111 123", &["1111"]),
    // German
    (
        "Meine Kreditkartennummer lautet 5555 5555 5555 4444, gültig bis 03/27.",
        &["4444"],
    ),
    ("Kartennr.: 4012-8888-8888-1881", &["1881"]),
    ("Bitte buchen Sie von 4242 4242 4242 4242 ab.", &["4242"]),
    (
        "Die Nummer der Maestro-Karte ist 6759 6498 2643 8453",
        &["8453"],
    ),
    (
        "Zahlung mit Mir 2200 1234 5678 9019 fehlgeschlagen",
        &["9019"],
    ),
    // Japanese, including full-width digits and separators
    ("カード番号は4111111111111111です", &["1111"]),
    (
        "カード番号：４１１１　１１１１　１１１１　１１１１",
        &["1111"],
    ),
    (
        "クレジットカード ５５５５５５５５５５５５４４４４ でお願いします",
        &["4444"],
    ),
    (
        "番号は４２４２－４２４２－４２４２－４２４２です。",
        &["4242"],
    ),
    (
        "JCBカード3566-0020-2036-0505の有効期限は12/26です",
        &["0505"],
    ),
    ("銀聯カード 6200 0000 0000 0005 で支払いました", &["0005"]),
    ("アメックス３７８２　８２２４６３　１０００５", &["0005"]),
    // a card written right after a phone number (with `+`) is still found
    ("Tel +49 151 23456789 4111 1111 1111 1111", &["1111"]),
    (
        "Rückruf unter +4915123456789 4242 4242 4242 4242 bitte",
        &["4242"],
    ),
    (
        "電話＋８１ ９０ １２３４ ５６７８ ５５５５ ５５５５ ５５５５ ４４４４",
        &["4444"],
    ),
];

/// Numbers that are not card numbers and must come through untouched.
const NOT_CARDS: &[&str] = &[
    // phone numbers, with and without +
    "+49 151 23456789",
    "+4915123456789",
    "4915123456789",
    "+81 90-1234-5678",
    "+1 (415) 555-2671",
    "+44 20 7946 0958",
    "0049 151 2345 6789",
    "030 12345678",
    "090-1234-5678",
    "03-1234-5678",
    "0120-123-456",
    "Tel. 0800 123 4567",
    "819012345678",
    "＋８１　９０－１２３４－５６７８",
    "電話番号は090-1234-5678です",
    "Rufen Sie uns an: +49 (0)30 1234 5678",
    "Handy: 0151 2345 6789 0",
    "+49 1511 2345 6789",
    "+1 415 555 2671 ext 1234",
    "+1 415 555 2671 1234",
    "+49 30 1234567 030 1234567",
    "+49 151 2345 6789 0151 2345 6789",
    "0171 1234567",
    "電話：０９０－１２３４－５６７８",
    "Rufnummer ０１５１ ２３４５ ６７８９",
    // dates and times
    "2024-01-15",
    "15.01.2024",
    "2024/01/15",
    "2024年1月15日",
    "2024-01-15 2024-02-20",
    "20240115 20240220",
    "12:30:45",
    "Termin am 2026-03-02 um 09:00",
    "1700000000000",
    "２０２４年１月１５日",
    "２０２６－０３－０２ ０９：００",
    "Lieferung am 02.03.2026, 14:30–16:00 Uhr",
    // order numbers
    "Bestellnummer 302-1234567-1234567",
    "Order #1234567890123",
    "Auftragsnummer: 4000123456",
    "Rechnung Nr. 2024-000123",
    "注文番号：123-4567890-1234567",
    "Ticket 2024-11-21-000042",
    "Kundennummer 1234 5678 9012 3456",
    // tracking numbers
    "1Z999AA10123456784",
    "00340434161094042557",
    "Sendungsnummer 00340434161094042557",
    "9400 1000 0000 0000 0000 00",
    "1234-5678-9012",
    "追跡番号 4567-8901-2345",
    "EJ123456789JP",
    "注文番号：１２３－４５６７８９０－１２３４５６７",
    "お問い合わせ番号 ４５６７ ８９０１ ２３４５",
    "追跡番号：１２３４５６７８９０１２",
    // card-like but not cards
    "4111 1111 1111 1112",
    "4111111111111112",
    "0000 0000 0000 0000",
    "9999 9999 9999 9995",
    "411111111111",
    "41111111111111111111",
    "4111 11 1111 1111 11",
    "**** **** **** 1111",
    // other identifiers and numbers
    "DE89 3704 0044 0532 0130 00",
    "550e8400-e29b-41d4-a716-446655440000",
    "a3f5411111111111111111b",
    "€1.234.567,89",
    "v4.1.1.1",
    "ISBN 978-3-16-148410-0",
    "35.6895, 139.6917",
];

#[test]
fn corpora_are_big_enough() {
    assert!(CARDS.len() >= 50, "{} card cases", CARDS.len());
    assert!(NOT_CARDS.len() >= 50, "{} non-card cases", NOT_CARDS.len());
}

#[test]
fn every_card_in_the_corpus_is_found_and_masked() {
    for (text, last4s) in CARDS {
        let found = find_card_numbers(text);
        let got: Vec<&str> = found.iter().map(|m| m.last4.as_str()).collect();
        assert_eq!(&got, last4s, "finding in {text:?}");

        let r = redact_card_numbers(text);
        assert_eq!(r.count, last4s.len(), "count in {text:?}");
        assert!(matches!(r.text, Cow::Owned(_)));
        assert!(
            find_card_numbers(&r.text).is_empty(),
            "still a card after redaction: {:?}",
            r.text
        );
        // Same number of characters; each card keeps exactly its last four digits.
        assert_eq!(r.text.chars().count(), text.chars().count(), "{text:?}");
        for m in &found {
            let masked = r.text.get(m.start..).unwrap_or("");
            let span_chars = text.get(m.start..m.end).unwrap_or("").chars().count();
            let span: String = masked.chars().take(span_chars).collect();
            let digits: String = span
                .chars()
                .filter_map(|c| c.to_digit(10).or_else(|| fullwidth(c)))
                .map(|d| char::from_digit(d, 10).unwrap_or('?'))
                .collect();
            assert_eq!(digits, m.last4, "kept digits of {text:?} → {span:?}");
            assert!(span.contains(redaction::MASK));
        }
    }
}

fn fullwidth(c: char) -> Option<u32> {
    let v = u32::from(c);
    (0xFF10..=0xFF19).contains(&v).then(|| v - 0xFF10)
}

#[test]
fn nothing_in_the_non_card_corpus_is_touched() {
    for text in NOT_CARDS {
        let r = redact_card_numbers(text);
        assert_eq!(r.count, 0, "false hit in {text:?}: {:?}", r.text);
        assert!(matches!(r.text, Cow::Borrowed(_)), "{text:?} was copied");
        assert_eq!(r.text, *text);
    }
}

#[test]
fn exact_masks() {
    let cases = [
        ("4111 1111 1111 1111", "**** **** **** 1111"),
        ("4111-1111-1111-1111", "****-****-****-1111"),
        ("378282246310005", "***********0005"),
        (
            "Karte 3782 822463 10005 bitte",
            "Karte **** ****** *0005 bitte",
        ),
        (
            "card 4111 1111 1111 1111 12/25",
            "card **** **** **** 1111 12/25",
        ),
        (
            "番号４１１１　１１１１　１１１１　１１１１です",
            "番号****　****　****　１１１１です",
        ),
        (
            "Tel +49 151 23456789 4111 1111 1111 1111",
            "Tel +49 151 23456789 **** **** **** 1111",
        ),
    ];
    for (input, expected) in cases {
        assert_eq!(redact_card_numbers(input).text, expected);
    }
}

#[test]
fn issuers_are_recognised() {
    let cases = [
        ("4111111111111111", Issuer::Visa),
        ("5555555555554444", Issuer::Mastercard),
        ("2223003122003222", Issuer::Mastercard),
        ("378282246310005", Issuer::Amex),
        ("6011111111111117", Issuer::Discover),
        ("3530111333300000", Issuer::Jcb),
        ("30569309025904", Issuer::Diners),
        ("6200000000000005", Issuer::UnionPay),
        ("6759649826438453", Issuer::Maestro),
        ("2200123456789019", Issuer::Mir),
    ];
    for (number, issuer) in cases {
        let found = find_card_numbers(number);
        assert_eq!(found.first().map(|m| m.issuer), Some(issuer), "{number}");
    }
}

#[test]
fn per_channel_switch_turns_redaction_off() {
    let text = "Karte 4111 1111 1111 1111";
    let on = redact_for_channel(text, &RedactionSettings::default());
    assert_eq!(on.count, 1);
    let off = redact_for_channel(
        text,
        &RedactionSettings {
            redact_card_numbers: false,
        },
    );
    assert_eq!(off.count, 0);
    assert_eq!(off.text, text);
    assert!(RedactionSettings::default().redact_card_numbers);
}

#[test]
fn luhn_table() {
    for (digits, valid) in [
        ("4111111111111111", true),
        ("4111111111111112", false),
        ("79927398713", true),
        ("0", true),
        ("", false),
    ] {
        let d: Vec<u8> = digits.bytes().map(|b| b - b'0').collect();
        assert_eq!(luhn_valid(&d), valid, "{digits}");
    }
}

proptest! {
    /// Redaction never panics, never changes the character count, and
    /// what it returns has no card left in it.
    #[test]
    fn redaction_is_total_and_idempotent(text in "[0-9０-９ \\-+a-zカ番号]{0,60}") {
        let r = redact_card_numbers(&text);
        prop_assert_eq!(r.text.chars().count(), text.chars().count());
        prop_assert!(find_card_numbers(&r.text).is_empty());
        let again = redact_card_numbers(&r.text);
        prop_assert_eq!(again.count, 0);
    }

    /// Dates and times, alone or several in a row, are never taken for cards.
    #[test]
    fn dates_never_hit(
        dates in prop::collection::vec((1990u32..2100, 1u32..13, 1u32..29, 0u32..24, 0u32..60), 1..5),
        style in 0usize..4,
    ) {
        let text: Vec<String> = dates
            .iter()
            .map(|(y, m, d, h, mi)| match style {
                0 => format!("{y:04}-{m:02}-{d:02}"),
                1 => format!("{d:02}.{m:02}.{y:04} {h:02}:{mi:02}"),
                2 => format!("{y:04}{m:02}{d:02}"),
                _ => format!("{y}年{m}月{d}日 {h}時{mi}分"),
            })
            .collect();
        let text = text.join(" ");
        prop_assert_eq!(redact_card_numbers(&text).count, 0, "{}", text);
    }

    /// International phone numbers (E.164 has at most 15 digits), written
    /// with `+` and any grouping, are never taken for cards.
    #[test]
    fn international_phone_numbers_never_hit(
        digits in prop::collection::vec(0u8..10, 8..16),
        cuts in prop::collection::vec(1usize..5, 0..5),
        sep in prop::sample::select(vec![" ", "-", "\u{a0}"]),
        fullwidth_plus in any::<bool>(),
    ) {
        let mut groups: Vec<String> = Vec::new();
        let mut rest: &[u8] = &digits;
        for c in cuts {
            if rest.len() <= c { break; }
            let (head, tail) = rest.split_at(c);
            groups.push(head.iter().map(|d| char::from(b'0' + d)).collect());
            rest = tail;
        }
        groups.push(rest.iter().map(|d| char::from(b'0' + d)).collect());
        let plus = if fullwidth_plus { "＋" } else { "+" };
        let text = format!("Tel. {plus}{}", groups.join(sep));
        prop_assert_eq!(redact_card_numbers(&text).count, 0, "{}", text);
    }

    /// A card written right after an international phone number, in the
    /// same run of digit groups, is found, and the phone number is left as
    /// it is.
    #[test]
    fn a_card_after_a_phone_number_is_found_and_the_phone_kept(
        phone_groups in prop::collection::vec(prop::collection::vec(0u8..10, 1..4), 3..6),
        body in prop::collection::vec(0u8..10, 14),
        sep in prop::sample::select(vec![" ", "-"]),
    ) {
        let phone: Vec<String> = phone_groups
            .iter()
            .map(|g| g.iter().map(|d| char::from(b'0' + d)).collect())
            .collect();
        let phone = format!("+{}", phone.join(" "));
        let mut digits = vec![4u8];
        digits.extend(body);
        let check = (0..10u8).find(|c| { let mut d = digits.clone(); d.push(*c); luhn_valid(&d) }).unwrap_or(0);
        digits.push(check);
        let s: String = digits.iter().map(|d| char::from(b'0' + d)).collect();
        let grouped: Vec<&str> = (0..4).map(|i| s.get(i * 4..i * 4 + 4).unwrap_or("")).collect();
        let text = format!("Tel. {phone} {}", grouped.join(sep));
        let found = find_card_numbers(&text);
        prop_assert_eq!(found.len(), 1, "{}", text);
        prop_assert_eq!(found.first().map(|m| m.last4.as_str()), s.get(12..));
        let r = redact_card_numbers(&text);
        let kept_prefix = format!("Tel. {phone} ****");
        prop_assert!(r.text.starts_with(&kept_prefix), "{}", r.text);
    }

    /// A Visa number built with a valid check digit is always found, in any
    /// of the printed formats, amid text.
    #[test]
    fn generated_visa_numbers_are_found(body in prop::collection::vec(0u8..10, 14), sep in prop::sample::select(vec!["", " ", "-"])) {
        let mut digits = vec![4u8];
        digits.extend(body);
        let check = (0..10u8).find(|c| { let mut d = digits.clone(); d.push(*c); luhn_valid(&d) }).unwrap_or(0);
        digits.push(check);
        let s: String = digits.iter().map(|d| char::from(b'0' + d)).collect();
        let grouped: Vec<&str> = (0..4).map(|i| s.get(i * 4..i * 4 + 4).unwrap_or("")).collect();
        let text = format!("Meine Karte: {} danke", grouped.join(sep));
        let r = redact_card_numbers(&text);
        prop_assert_eq!(r.count, 1);
        let last4 = s.get(12..).unwrap_or("");
        let expected_suffix = format!("{last4} danke");
        prop_assert!(r.text.ends_with(&expected_suffix));
    }
}
