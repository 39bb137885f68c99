//! The sync engine against a real hub in process (temporary SQLite), the
//! sandbox as the Graph API and the customers, and a TCP proxy for network
//! cuts: bootstrap in pages, the live stream, resuming exactly after a hub
//! restart and a network cut, unknown kinds, the outbox through outages and
//! a crash mid-send, a full resync after a restored hub, continuing after the
//! hub's record moved to PostgreSQL, signing out.

#[allow(dead_code)]
mod common;

mod bootstrap;
mod moved;
mod outbox;
mod resume;
mod resync;
mod signed_out;
mod unknown;
