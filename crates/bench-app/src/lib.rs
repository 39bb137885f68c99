//! switchboard-app-bench: the desktop app's half of `make bench` that needs
//! the app itself (its core, its notifications, its real binary), in two
//! binaries:
//!
//! - `switchboard-notify-bench`: an inbound call's signed `calls` webhook
//!   accepted by a hub on loopback (a quiet `switchboard-demo` team) → the
//!   `Notify` call of the app's core (`switchboard_app::Core` with a shell
//!   whose notifications are the app's own, `switchboard_app::notifications`) as
//!   received by a notification server on a private D-Bus session bus.
//!   Target: p99 under 50 ms on loopback; p50/p95/p99/max over 200 calls.
//! - `switchboard-memory-bench`: the proportional set size (PSS) of the
//!   running `switchboard` binary and all its processes (WebKit's included)
//!   under a private Xvfb and bus, once with an empty store and once with
//!   1,000,000 messages in 100,000 conversations, after a session resumed
//!   from the keyring (the hub unreachable: the app shows its store).
//!
//! Both print figures and fail only on errors: latencies and memory depend
//! on the machine, and there is no baseline here to compare them to.
//! Nothing depends on this crate.
//!
//! This library holds what the two share: a private session (display, bus)
//! the bench re-executes itself in, and their `main` ([`session`]), the
//! memory of a process tree ([`memory`]). The texts are the store bench's
//! (`switchboard_desktop_bench::texts`).

pub mod memory;
pub mod session;
