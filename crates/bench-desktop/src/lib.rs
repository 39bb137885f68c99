//! What the desktop benches share: the multilingual support-desk texts
//! ([`texts`]) the store bench fills the hub with and the app's memory
//! bench fills a store with. The bench itself is the binary (`main.rs`).

pub mod texts;
