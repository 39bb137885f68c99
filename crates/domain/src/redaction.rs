//! Payment-card number redaction.
//!
//! Card numbers in customer messages are masked before the text is stored or
//! shown anywhere, unless the channel turned redaction off. A card number is
//! 13–19 digits (ASCII or full-width), optionally grouped by single spaces or
//! dashes the way cards are printed (4-4-4-4, 4-6-5, 4-6-4, 4-4-4-4-3),
//! Luhn-valid, with a known issuer prefix and a length that issuer uses.
//! Everything but the last four digits becomes `*`; separators stay.
//!
//! Not cards: numbers glued to ASCII letters or digits (tracking numbers,
//! IBANs), numbers after a `+` (phone numbers), dates, and digit runs grouped
//! unlike cards. A `+` marks a phone number, which has at most 15 digits
//! (E.164): a card written right after one (`+49 151 23456789 4111 1111 1111
//! 1111`) is still found, because together they are too long to be a phone
//! number, while no phone number alone is ever taken for a card.

use std::borrow::Cow;

use serde::{Deserialize, Serialize};

/// The mask character.
pub const MASK: char = '*';

/// The card network a number belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Issuer {
    /// Visa (4; 16 or 19 digits).
    Visa,
    /// Mastercard (51–55, 2221–2720; 16 digits).
    Mastercard,
    /// American Express (34, 37; 15 digits).
    Amex,
    /// Discover (6011, 644–649, 65; 16–19 digits).
    Discover,
    /// Diners Club (300–305, 36, 38, 39; 14–19 digits).
    Diners,
    /// JCB (3528–3589; 16–19 digits).
    Jcb,
    /// UnionPay (62; 16–19 digits).
    UnionPay,
    /// Maestro (5018, 5020, 5038, 5893, 6304, 6759, 6761–6763; 12–19 digits).
    Maestro,
    /// Mir (2200–2204; 16–19 digits).
    Mir,
}

/// One card number found in a text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CardMatch {
    /// Byte range in the text (covers digits and inner separators).
    pub start: usize,
    /// End of the byte range (exclusive).
    pub end: usize,
    /// The network.
    pub issuer: Issuer,
    /// The last four digits (ASCII).
    pub last4: String,
}

/// The redacted text and how many card numbers were masked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Redacted<'a> {
    /// The text; borrowed unchanged when nothing was found.
    pub text: Cow<'a, str>,
    /// How many card numbers were masked.
    pub count: usize,
}

/// A channel's redaction setting (on by default).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct RedactionSettings {
    /// Mask card numbers (default true; an administrator may turn it off).
    pub redact_card_numbers: bool,
}

impl Default for RedactionSettings {
    fn default() -> Self {
        Self {
            redact_card_numbers: true,
        }
    }
}

/// An ASCII digit value for ASCII or full-width (U+FF10..U+FF19) digits.
fn digit_value(c: char) -> Option<u8> {
    match c {
        '0'..='9' => Some(c as u8 - b'0'),
        '\u{FF10}'..='\u{FF19}' => u8::try_from(u32::from(c) - 0xFF10).ok(),
        _ => None,
    }
}

/// Group separators allowed between digit groups: space, no-break space,
/// ideographic space, dash, full-width dash, and the Unicode hyphens.
fn is_separator(c: char) -> bool {
    matches!(
        c,
        ' ' | '\u{00A0}'
            | '\u{202F}'
            | '\u{3000}'
            | '-'
            | '\u{FF0D}'
            | '\u{2010}'
            | '\u{2011}'
            | '\u{2012}'
            | '\u{2013}'
    )
}

/// One group of digits inside a run: byte range and digit values.
#[derive(Debug, Clone)]
struct Group {
    start: usize,
    end: usize,
    digits: Vec<u8>,
}

/// The Luhn checksum.
pub fn luhn_valid(digits: &[u8]) -> bool {
    if digits.is_empty() {
        return false;
    }
    let sum: u32 = digits
        .iter()
        .rev()
        .enumerate()
        .map(|(i, &d)| {
            let d = u32::from(d);
            if i % 2 == 1 {
                let dd = d * 2;
                if dd > 9 { dd - 9 } else { dd }
            } else {
                d
            }
        })
        .sum();
    sum.is_multiple_of(10)
}

fn prefix_num(digits: &[u8], n: usize) -> Option<u32> {
    if digits.len() < n {
        return None;
    }
    Some(
        digits
            .iter()
            .take(n)
            .fold(0u32, |acc, &d| acc * 10 + u32::from(d)),
    )
}

/// The issuer for a digit string, if its prefix and length fit one.
pub fn issuer_of(digits: &[u8]) -> Option<Issuer> {
    let len = digits.len();
    let p1 = prefix_num(digits, 1)?;
    let p2 = prefix_num(digits, 2)?;
    let p3 = prefix_num(digits, 3)?;
    let p4 = prefix_num(digits, 4)?;
    let p6 = prefix_num(digits, 6).unwrap_or(0);
    let candidates: [(bool, Issuer, &[usize]); 9] = [
        (p1 == 4, Issuer::Visa, &[16, 19]),
        (
            (51..=55).contains(&p2) || (2221..=2720).contains(&p4),
            Issuer::Mastercard,
            &[16],
        ),
        (p2 == 34 || p2 == 37, Issuer::Amex, &[15]),
        (
            p4 == 6011
                || (644..=649).contains(&p3)
                || p2 == 65
                || (622_126..=622_925).contains(&p6),
            Issuer::Discover,
            &[16, 17, 18, 19],
        ),
        (
            (300..=305).contains(&p3) || p2 == 36 || p2 == 38 || p2 == 39,
            Issuer::Diners,
            &[14, 15, 16, 17, 18, 19],
        ),
        ((3528..=3589).contains(&p4), Issuer::Jcb, &[16, 17, 18, 19]),
        (p2 == 62, Issuer::UnionPay, &[16, 17, 18, 19]),
        (
            matches!(p4, 5018 | 5020 | 5038 | 5893 | 6304 | 6759 | 6761..=6763),
            Issuer::Maestro,
            &[13, 14, 15, 16, 17, 18, 19],
        ),
        ((2200..=2204).contains(&p4), Issuer::Mir, &[16, 17, 18, 19]),
    ];
    candidates
        .iter()
        .find(|(matches, _, lengths)| *matches && lengths.contains(&len))
        .map(|(_, issuer, _)| *issuer)
}

/// Whether the group sizes look like a printed card number.
fn card_grouping(sizes: &[usize]) -> bool {
    match sizes {
        [_] => true,
        [4, 6, 5] | [4, 6, 4] => true,
        [init @ .., last] => init.iter().all(|&s| s == 4) && (1..=4).contains(last),
        [] => false,
    }
}

/// The most digits a phone number has (E.164, country code included).
const PHONE_MAX_DIGITS: usize = 15;

/// A maximal run of digit groups joined by single separators.
#[derive(Debug, Clone)]
struct Run {
    groups: Vec<Group>,
    /// The run follows a `+`: it starts with a phone number.
    after_plus: bool,
}

/// Split the text into maximal runs of digit groups joined by single
/// separators. Runs glued to ASCII letters or digits are dropped.
fn runs(text: &str) -> Vec<Run> {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let Some(&(start_byte, c)) = chars.get(i) else {
            break;
        };
        if digit_value(c).is_none() {
            i += 1;
            continue;
        }
        // Boundary before the run: not glued to ASCII letters/digits; a '+'
        // makes it a phone number (see `find_card_numbers`).
        let prev = i.checked_sub(1).and_then(|p| chars.get(p)).map(|&(_, c)| c);
        let blocked_before = prev.is_some_and(|p| p.is_ascii_alphanumeric());
        let after_plus = prev.is_some_and(|p| p == '+' || p == '＋');
        let mut groups: Vec<Group> = Vec::new();
        let mut group = Group {
            start: start_byte,
            end: start_byte,
            digits: Vec::new(),
        };
        let mut j = i;
        loop {
            match chars.get(j) {
                Some(&(b, c)) if digit_value(c).is_some() => {
                    group.digits.push(digit_value(c).unwrap_or(0));
                    group.end = b + c.len_utf8();
                    j += 1;
                }
                Some(&(_, c))
                    if is_separator(c)
                        && chars
                            .get(j + 1)
                            .is_some_and(|&(_, n)| digit_value(n).is_some()) =>
                {
                    groups.push(std::mem::replace(
                        &mut group,
                        Group {
                            start: chars.get(j + 1).map_or(0, |&(b, _)| b),
                            end: 0,
                            digits: Vec::new(),
                        },
                    ));
                    j += 1;
                }
                _ => break,
            }
        }
        groups.push(group);
        let next = chars.get(j).map(|&(_, c)| c);
        let blocked_after = next.is_some_and(|n| n.is_ascii_alphanumeric());
        if !blocked_before && !blocked_after {
            out.push(Run { groups, after_plus });
        }
        i = j.max(i + 1);
    }
    out
}

/// Whether these groups form a card number; returns the issuer.
fn as_card(groups: &[Group]) -> Option<Issuer> {
    let sizes: Vec<usize> = groups.iter().map(|g| g.digits.len()).collect();
    if !card_grouping(&sizes) {
        return None;
    }
    let digits: Vec<u8> = groups
        .iter()
        .flat_map(|g| g.digits.iter().copied())
        .collect();
    if !(13..=19).contains(&digits.len()) || !luhn_valid(&digits) {
        return None;
    }
    issuer_of(&digits)
}

/// Find card numbers in `text`, in order.
///
/// Each run of grouped digits is scanned left to right: at each group, the
/// longest stretch of whole groups that is a card wins, and the scan goes on
/// after it. So a card followed by an expiry or CVV (`4111 1111 1111 1111
/// 12/25`), preceded by a quantity (`2 4111 1111 1111 1111`), or two cards in
/// a row are all found, while digits inside a group are never split.
///
/// After a `+` the run starts with a phone number: a card may only start at
/// a later group, and only if the digits before it and the card together are
/// more than a phone number can hold (15), so no phone number is ever masked.
pub fn find_card_numbers(text: &str) -> Vec<CardMatch> {
    /// At most 19 digits, so at most 19 groups can form one card.
    const MAX_GROUPS: usize = 19;
    let mut out = Vec::new();
    for Run { groups, after_plus } in runs(text) {
        let digits_before = |i: usize| -> usize {
            groups
                .get(..i)
                .map_or(0, |g| g.iter().map(|g| g.digits.len()).sum())
        };
        let mut i = 0;
        while i < groups.len() {
            let longest = (i + 1..=groups.len().min(i + MAX_GROUPS))
                .rev()
                .find_map(|j| {
                    let span = groups.get(i..j)?;
                    if after_plus && (i == 0 || digits_before(j) <= PHONE_MAX_DIGITS) {
                        return None;
                    }
                    as_card(span).map(|issuer| (j, span, issuer))
                });
            let Some((j, span, issuer)) = longest else {
                i += 1;
                continue;
            };
            let digits: Vec<u8> = span.iter().flat_map(|g| g.digits.iter().copied()).collect();
            let last4: String = digits
                .iter()
                .skip(digits.len().saturating_sub(4))
                .map(|d| char::from(b'0' + d))
                .collect();
            out.push(CardMatch {
                start: span.first().map_or(0, |g| g.start),
                end: span.last().map_or(0, |g| g.end),
                issuer,
                last4,
            });
            i = j;
        }
    }
    out
}

/// Mask every card number in `text` except its last four digits.
pub fn redact_card_numbers(text: &str) -> Redacted<'_> {
    let matches = find_card_numbers(text);
    if matches.is_empty() {
        return Redacted {
            text: Cow::Borrowed(text),
            count: 0,
        };
    }
    let mut out = String::with_capacity(text.len());
    let mut last = 0;
    for m in &matches {
        out.push_str(text.get(last..m.start).unwrap_or(""));
        let span = text.get(m.start..m.end).unwrap_or("");
        let total = span.chars().filter(|&c| digit_value(c).is_some()).count();
        let mut seen = 0;
        for c in span.chars() {
            if digit_value(c).is_some() {
                seen += 1;
                if seen + 4 <= total {
                    out.push(MASK);
                    continue;
                }
            }
            out.push(c);
        }
        last = m.end;
    }
    out.push_str(text.get(last..).unwrap_or(""));
    Redacted {
        text: Cow::Owned(out),
        count: matches.len(),
    }
}

/// Redact according to the channel's setting (unchanged when turned off).
pub fn redact_for_channel<'a>(text: &'a str, settings: &RedactionSettings) -> Redacted<'a> {
    if settings.redact_card_numbers {
        redact_card_numbers(text)
    } else {
        Redacted {
            text: Cow::Borrowed(text),
            count: 0,
        }
    }
}
