//! switchboard-instant: the instants of Switchboard, in one place: the range
//! every instant lies in (years -9999 to 9999, with saturating arithmetic)
//! and RFC 3339, the one text every timestamp of ours is written as. The
//! rules (`switchboard-domain`), the agent API's contract
//! (`switchboard-protocol`) and through them every other crate use these, so
//! the wire, the rules and the stored state never disagree about a time.
//!
//! Must not depend on any crate of ours, on IO or on tauri: chrono and serde
//! only.

pub mod instant;
pub mod rfc3339;
