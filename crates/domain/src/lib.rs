//! Switchboard's WhatsApp rules engine (skeleton; filled in by issue 3).
//!
//! Must not depend on IO, async or tauri.
