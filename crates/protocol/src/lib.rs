//! switchboard-protocol: the agent API's wire types (hub ⇄ sync client ⇄ app UI).
//!
//! Every type here crosses a process boundary as JSON (serde) and is exported
//! to TypeScript with ts-rs (`cargo test -p switchboard-protocol` writes the
//! bindings to `ui/src/bindings`, see `.cargo/config.toml`). Instants are
//! `chrono::DateTime<Utc>`, RFC 3339 strings on the wire ([`rfc3339`]).
//!
//! Must not depend on tauri, the hub, storage or the domain crate: it is the
//! contract and nothing else (its one crate of ours is `switchboard-instant`,
//! the instant format it shares with the rules). Domain enums are mirrored here as wire enums
//! and converted by the hub.

mod admin;
mod call;
mod conversation;
mod error;
mod feed;
mod message;
mod template;

pub use switchboard_instant::rfc3339;

pub use admin::*;
pub use call::*;
pub use conversation::*;
pub use error::*;
pub use feed::*;
pub use message::*;
pub use template::*;

/// `Option<Option<T>>` for PATCH bodies: absent is `None`, `null` is
/// `Some(None)` (use with `#[serde(default, with = "crate::double_option")]`).
pub mod double_option {
    use serde::{Deserialize, Deserializer, Serialize, Serializer};

    pub fn deserialize<'de, T, D>(deserializer: D) -> Result<Option<Option<T>>, D::Error>
    where
        T: Deserialize<'de>,
        D: Deserializer<'de>,
    {
        Option::<T>::deserialize(deserializer).map(Some)
    }

    pub fn serialize<T, S>(value: &Option<Option<T>>, serializer: S) -> Result<S::Ok, S::Error>
    where
        T: Serialize,
        S: Serializer,
    {
        match value {
            Some(inner) => inner.serialize(serializer),
            None => serializer.serialize_none(),
        }
    }
}
