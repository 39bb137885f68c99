//! switchboard-sandbox: an emulator of Meta's WhatsApp Cloud API.
//!
//! Must not depend on tauri, the hub or storage.
