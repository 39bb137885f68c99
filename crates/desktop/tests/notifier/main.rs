//! The notifier against a fake host and a frozen clock, without a window.

mod calls;
mod common;
mod expiry;
mod labels;
mod messages;
mod props;
