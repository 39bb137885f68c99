//! switchboard-hub: the team server.
//!
//! Must not depend on tauri.
