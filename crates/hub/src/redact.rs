//! Card-number redaction before storing customer text.
//!
//! Stopgap until `switchboard-domain` ships its redaction module: a run of
//! 13–19 digits (spaces or dashes between them allowed) that passes the Luhn
//! check is replaced by `[redacted card number]`.

const MASK: &str = "[redacted card number]";

fn luhn(digits: &[u8]) -> bool {
    let mut sum = 0u32;
    for (i, d) in digits.iter().rev().enumerate() {
        let mut v = u32::from(*d);
        if i % 2 == 1 {
            v *= 2;
            if v > 9 {
                v -= 9;
            }
        }
        sum += v;
    }
    sum.is_multiple_of(10)
}

pub fn redact_cards(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    while i < chars.len() {
        if chars[i].is_ascii_digit() && (i == 0 || !chars[i - 1].is_ascii_digit()) {
            // Longest digit run with single separators.
            let mut j = i;
            let mut digits = Vec::new();
            let mut end = i;
            while j < chars.len() {
                let c = chars[j];
                if c.is_ascii_digit() {
                    digits.push(c as u8 - b'0');
                    end = j + 1;
                    j += 1;
                } else if (c == ' ' || c == '-')
                    && j + 1 < chars.len()
                    && chars[j + 1].is_ascii_digit()
                    && j > i
                {
                    j += 1;
                } else {
                    break;
                }
            }
            if (13..=19).contains(&digits.len()) && luhn(&digits) {
                out.push_str(MASK);
                i = end;
                continue;
            }
            out.extend(&chars[i..end]);
            i = end;
            continue;
        }
        out.push(chars[i]);
        i += 1;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn redacts_valid_card_numbers_only() {
        assert_eq!(
            redact_cards("card 4111 1111 1111 1111 thanks"),
            "card [redacted card number] thanks"
        );
        assert_eq!(redact_cards("order 1234567890123"), "order 1234567890123");
        assert_eq!(redact_cards("4242-4242-4242-4242"), MASK);
    }
}
