//! Phone numbers: parse and normalise to E.164 (the copy-number action, the
//! contact key), and format for display by locale. Uses the `phonenumber`
//! crate (libphonenumber's metadata), no hand-written tables.

use std::fmt;
use std::str::FromStr;

use phonenumber::{Mode, PhoneNumber, country};
use serde::{Deserialize, Serialize};
use unicode_normalization::UnicodeNormalization;

/// A valid phone number in E.164 form, e.g. `+4915123456789`.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct E164(String);

impl E164 {
    /// The E.164 string, with the leading `+`.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The digits without `+`, as WhatsApp's `wa_id` and Graph `to` use them.
    pub fn digits(&self) -> &str {
        self.0.trim_start_matches('+')
    }

    /// The number's region (ISO 3166 alpha-2, e.g. `DE`), if known.
    pub fn region(&self) -> Option<String> {
        parse(None, &self.0)
            .ok()
            .and_then(|n| n.country().id())
            .map(|id| id.as_ref().to_owned())
    }
}

impl fmt::Display for E164 {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl From<E164> for String {
    fn from(value: E164) -> Self {
        value.0
    }
}

impl TryFrom<String> for E164 {
    type Error = PhoneError;

    /// Accepts any form [`normalize_e164`] accepts without a region.
    fn try_from(value: String) -> Result<Self, Self::Error> {
        normalize_e164(&value, None)
    }
}

impl FromStr for E164 {
    type Err = PhoneError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        normalize_e164(s, None)
    }
}

/// Why a phone number was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, thiserror::Error)]
#[serde(rename_all = "snake_case")]
pub enum PhoneError {
    /// Empty input.
    #[error("no phone number given")]
    Empty,
    /// The default region is not an ISO 3166 alpha-2 code known to the metadata.
    #[error("unknown region")]
    UnknownRegion,
    /// Not a phone number at all (no digits).
    #[error("not a phone number")]
    NotANumber,
    /// Not a valid number (unparseable, or not valid for its country).
    #[error("not a valid phone number")]
    Invalid,
}

fn parse(region: Option<country::Id>, input: &str) -> Result<PhoneNumber, PhoneError> {
    phonenumber::parse(region, input).map_err(|_| PhoneError::Invalid)
}

/// Parse `input` and normalise it to E.164.
///
/// Accepts international forms (`+49 151 2345 6789`, `0049…`, `tel:` URIs),
/// national forms with `default_region` (ISO 3166 alpha-2, e.g. `"DE"`,
/// `"JP"`), full-width digits (NFKC), and WhatsApp `wa_id` digit strings (the
/// country code but no `+`, no leading 0). A digit string that is a valid
/// national number of `default_region` is read as national first; only when
/// that fails is it read as a `wa_id`.
pub fn normalize_e164(input: &str, default_region: Option<&str>) -> Result<E164, PhoneError> {
    let cleaned: String = input.nfkc().collect();
    let cleaned = cleaned.trim();
    let cleaned = cleaned.strip_prefix("whatsapp:").map_or(cleaned, str::trim);
    if cleaned.is_empty() {
        return Err(PhoneError::Empty);
    }
    if !cleaned.chars().any(|c| c.is_ascii_digit()) {
        return Err(PhoneError::NotANumber);
    }
    let region = match default_region {
        Some(r) => Some(
            country::Id::from_str(&r.trim().to_ascii_uppercase())
                .map_err(|_| PhoneError::UnknownRegion)?,
        ),
        None => None,
    };
    let looks_international = cleaned.starts_with('+') || cleaned.starts_with("tel:+");
    let parsed = parse(region, cleaned).and_then(|n| {
        if phonenumber::is_valid(&n) {
            Ok(n)
        } else {
            Err(PhoneError::Invalid)
        }
    });
    let number = match parsed {
        Ok(n) => n,
        // A WhatsApp wa_id: country code and number, digits only, no '+'.
        Err(e)
            if !looks_international
                && !cleaned.starts_with('0')
                && cleaned.chars().all(|c| c.is_ascii_digit()) =>
        {
            parse(None, &format!("+{cleaned}"))
                .ok()
                .filter(phonenumber::is_valid)
                .ok_or(e)?
        }
        Err(e) => return Err(e),
    };
    Ok(E164(number.format().mode(Mode::E164).to_string()))
}

/// The region part of a locale tag: `de-DE` → `DE`, `ja_JP` → `JP`,
/// `en` → none. Script subtags (`zh-Hant-TW`) are skipped.
fn locale_region(locale: &str) -> Option<String> {
    locale
        .split(['-', '_'])
        .skip(1)
        .find(|part| part.len() == 2 && part.chars().all(|c| c.is_ascii_alphabetic()))
        .map(str::to_ascii_uppercase)
}

/// Format a number for display to a user with `locale` (BCP 47 or POSIX
/// style): national format when the number is from the locale's region
/// (`030 1234567` for a German user), international otherwise
/// (`+49 30 1234567`).
pub fn format_for_display(number: &E164, locale: &str) -> String {
    let Ok(parsed) = parse(None, number.as_str()) else {
        return number.as_str().to_owned();
    };
    let home = locale_region(locale);
    let same_region = match (home, parsed.country().id()) {
        (Some(home), Some(id)) => id.as_ref() == home,
        _ => false,
    };
    let mode = if same_region {
        Mode::National
    } else {
        Mode::International
    };
    parsed.format().mode(mode).to_string()
}
