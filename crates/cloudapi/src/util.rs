//! Small serde helpers shared by the wire types.

/// Declares a string-valued wire enum that keeps unknown values in `Other(String)`.
///
/// Meta adds values over time (statuses, events, categories); an unknown one must
/// never fail a whole webhook batch, so every string enum round-trips any string.
macro_rules! string_enum {
    (
        $(#[$meta:meta])*
        pub enum $name:ident {
            $( $(#[$vmeta:meta])* $variant:ident = $wire:literal, )*
        }
    ) => {
        $(#[$meta])*
        #[derive(Clone, Debug, PartialEq, Eq, Hash)]
        pub enum $name {
            $( $(#[$vmeta])* $variant, )*
            /// A value this crate does not know yet, kept verbatim.
            Other(String),
        }

        impl $name {
            /// The value as it appears on the wire.
            pub fn as_str(&self) -> &str {
                match self {
                    $( Self::$variant => $wire, )*
                    Self::Other(s) => s.as_str(),
                }
            }
        }

        impl From<&str> for $name {
            fn from(s: &str) -> Self {
                match s {
                    $( $wire => Self::$variant, )*
                    other => Self::Other(other.to_owned()),
                }
            }
        }

        impl From<String> for $name {
            fn from(s: String) -> Self {
                match s.as_str() {
                    $( $wire => Self::$variant, )*
                    _ => Self::Other(s),
                }
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl serde::Serialize for $name {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.serialize_str(self.as_str())
            }
        }

        impl<'de> serde::Deserialize<'de> for $name {
            fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                let s = String::deserialize(d)?;
                Ok(Self::from(s))
            }
        }
    };
}
pub(crate) use string_enum;

/// An integer that Meta sometimes sends as a JSON string (`"120"` or `120`).
#[derive(serde::Deserialize)]
#[serde(untagged)]
enum IntOrString {
    Int(i64),
    Float(f64),
    Str(String),
}

impl IntOrString {
    fn into_i64<E: serde::de::Error>(self) -> Result<i64, E> {
        match self {
            IntOrString::Int(i) => Ok(i),
            IntOrString::Float(f) if f.is_finite() && f.fract() == 0.0 => Ok(f as i64),
            IntOrString::Float(f) => Err(E::custom(format!("expected an integer, got {f}"))),
            IntOrString::Str(s) => s
                .trim()
                .parse::<i64>()
                .map_err(|_| E::custom(format!("expected an integer, got {s:?}"))),
        }
    }
}

/// Unix seconds of 1970-01-01T00:00:00Z and 9999-12-31T23:59:59Z. Meta's
/// timestamps are Unix time, never before the epoch; anything outside could
/// not even be printed as RFC 3339 (four-digit years), so an item carrying it
/// fails to parse on its own (and is kept as a reject) instead of failing its
/// whole batch later.
const UNIX_RANGE: std::ops::RangeInclusive<i64> = 0..=253_402_300_799;

fn from_unix<E: serde::de::Error>(secs: i64) -> Result<chrono::DateTime<chrono::Utc>, E> {
    UNIX_RANGE
        .contains(&secs)
        .then(|| chrono::DateTime::from_timestamp(secs, 0))
        .flatten()
        .ok_or_else(|| E::custom("timestamp was not in range"))
}

/// Unix seconds as a JSON **string** (`"1700000000"`), Meta's format for message,
/// status and call timestamps. Accepts a string or an integer when reading.
pub mod unix_str {
    use chrono::{DateTime, Utc};
    use serde::{Deserialize, Deserializer, Serializer};

    /// Writes the instant as a string of unix seconds.
    pub fn serialize<S: Serializer>(t: &DateTime<Utc>, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&t.timestamp().to_string())
    }

    /// Reads unix seconds given as a string or an integer.
    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<DateTime<Utc>, D::Error> {
        let v = super::IntOrString::deserialize(d)?;
        super::from_unix(v.into_i64()?)
    }
}

/// Optional variant of [`unix_str`]; use with `#[serde(default)]`.
pub mod unix_str_opt {
    use chrono::{DateTime, Utc};
    use serde::{Deserialize, Deserializer, Serializer};

    /// Writes the instant as a string of unix seconds (or null).
    pub fn serialize<S: Serializer>(t: &Option<DateTime<Utc>>, s: S) -> Result<S::Ok, S::Error> {
        match t {
            Some(t) => s.serialize_str(&t.timestamp().to_string()),
            None => s.serialize_none(),
        }
    }

    /// Reads unix seconds given as a string, an integer or null.
    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Option<DateTime<Utc>>, D::Error> {
        match Option::<super::IntOrString>::deserialize(d)? {
            Some(v) => super::from_unix(v.into_i64()?).map(Some),
            None => Ok(None),
        }
    }
}

/// Unix seconds as a JSON **integer**, used by `entry[].time`, call-permission
/// expirations and similar. Accepts a string or an integer when reading.
pub mod unix_int {
    use chrono::{DateTime, Utc};
    use serde::{Deserialize, Deserializer, Serializer};

    /// Writes the instant as integer unix seconds.
    pub fn serialize<S: Serializer>(t: &DateTime<Utc>, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_i64(t.timestamp())
    }

    /// Reads unix seconds given as a string or an integer.
    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<DateTime<Utc>, D::Error> {
        let v = super::IntOrString::deserialize(d)?;
        super::from_unix(v.into_i64()?)
    }
}

/// Optional variant of [`unix_int`]; use with `#[serde(default)]`.
pub mod unix_int_opt {
    use chrono::{DateTime, Utc};
    use serde::{Deserialize, Deserializer, Serializer};

    /// Writes the instant as integer unix seconds (or null).
    pub fn serialize<S: Serializer>(t: &Option<DateTime<Utc>>, s: S) -> Result<S::Ok, S::Error> {
        match t {
            Some(t) => s.serialize_i64(t.timestamp()),
            None => s.serialize_none(),
        }
    }

    /// Reads unix seconds given as a string, an integer or null.
    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Option<DateTime<Utc>>, D::Error> {
        match Option::<super::IntOrString>::deserialize(d)? {
            Some(v) => super::from_unix(v.into_i64()?).map(Some),
            None => Ok(None),
        }
    }
}

/// An integer Meta may send as a string; written back as an integer.
pub mod lenient_i64 {
    use serde::{Deserialize, Deserializer, Serializer};

    /// Writes the integer.
    pub fn serialize<S: Serializer>(v: &i64, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_i64(*v)
    }

    /// Reads an integer given as a number or a string.
    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<i64, D::Error> {
        super::IntOrString::deserialize(d)?.into_i64()
    }
}

/// Optional variant of [`lenient_i64`]; use with `#[serde(default)]`.
pub mod lenient_i64_opt {
    use serde::{Deserialize, Deserializer, Serializer};

    /// Writes the integer (or null).
    pub fn serialize<S: Serializer>(v: &Option<i64>, s: S) -> Result<S::Ok, S::Error> {
        match v {
            Some(v) => s.serialize_i64(*v),
            None => s.serialize_none(),
        }
    }

    /// Reads an integer given as a number, a string or null.
    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Option<i64>, D::Error> {
        match Option::<super::IntOrString>::deserialize(d)? {
            Some(v) => v.into_i64().map(Some),
            None => Ok(None),
        }
    }
}

/// An identifier Meta sends as a number in some payloads and a string in others;
/// always held as a string.
pub mod id_string {
    use serde::{Deserialize, Deserializer, Serializer};

    /// Writes the id as a string.
    pub fn serialize<S: Serializer>(v: &str, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(v)
    }

    /// Reads an id given as a string or a number.
    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<String, D::Error> {
        #[derive(Deserialize)]
        #[serde(untagged)]
        enum Id {
            Str(String),
            Int(i64),
            UInt(u64),
        }
        Ok(match Id::deserialize(d)? {
            Id::Str(s) => s,
            Id::Int(i) => i.to_string(),
            Id::UInt(u) => u.to_string(),
        })
    }
}

/// `"whatsapp"`, the only `messaging_product` value.
pub fn whatsapp() -> String {
    "whatsapp".to_owned()
}
