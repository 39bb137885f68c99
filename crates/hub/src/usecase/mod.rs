//! The hub's use cases: what happens when a webhook arrives, an agent acts,
//! an admin configures or a background job runs. Handlers (`api/`,
//! `webhook/`, the CLI) only translate to and from these calls; use cases
//! apply the domain's rules (`switchboard-domain`), read and write through
//! the storage seam and append the change feed, each in one transaction.
//! Nothing here knows HTTP; time comes from the hub's `Clock`.

pub mod admin;
pub mod batches;
pub mod calls;
pub mod changes;
pub mod channels;
pub mod conversations;
pub mod delivery;
pub mod ingest;
pub mod messages;
pub mod outgoing;
pub mod permissions;
pub mod record;
pub mod send;
pub mod start;
pub mod templates;

/// What one webhook batch did.
#[derive(Debug, Default)]
pub struct Outcome {
    pub messages: u64,
    pub statuses: u64,
    pub calls: u64,
    pub duplicates: u64,
    /// Items that did not parse, kept as webhook rejects.
    pub rejects: u64,
    /// Channels whose templates changed on Meta's side (re-sync after the ack).
    pub template_changes: Vec<String>,
}
