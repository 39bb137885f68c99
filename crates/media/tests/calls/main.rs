//! Calls on loopback UDP between our `CallSession` and the Meta-like
//! `FarEnd`, with synthetic tones and recordings (no sound device): roles on
//! the wire, tones both ways, refusals, mute and hang-up.

mod common;
mod controls;
mod inbound;
mod outbound;
mod refusals;
