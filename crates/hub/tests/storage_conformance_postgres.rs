//! The storage conformance suite (`switchboard_hub::storage::conformance`)
//! run against the PostgreSQL backend: each case opens a fresh database on
//! the private server `scripts/with-postgres.sh` starts, on the suite's
//! recording listener and manual clock.

mod common;

use std::sync::Arc;

use common::postgres::{execute, fresh_database};
use switchboard_domain::clock::Clock;
use switchboard_hub::secrets::Secrets;
use switchboard_hub::storage::CommitListener;
use switchboard_hub::storage::conformance::{Opened, Spoil};
use switchboard_hub::storage::postgres::PgStorage;

async fn postgres(listener: CommitListener, clock: Arc<dyn Clock>) -> Opened {
    let url = fresh_database();
    let store = PgStorage::open(&url, listener, clock, Secrets::none()).unwrap();
    Opened::new(Arc::new(store), (), move |damage| {
        let url = url.clone();
        async move {
            tokio::task::spawn_blocking(move || spoil(&url, damage))
                .await
                .unwrap()
        }
    })
}

/// Damages one stored value with raw SQL, behind the storage's back.
fn spoil(url: &str, damage: Spoil) {
    let changed = match &damage {
        Spoil::ConversationStatus { id } => execute(
            url,
            "UPDATE conversations SET status = 'closed-by-a-newer-hub' WHERE id = $1",
            vec![id.clone()],
        ),
        Spoil::TemplateRule {
            waba_id,
            name,
            language,
        } => execute(
            url,
            "UPDATE templates SET raw = '{\"components\": 7}'
             WHERE waba_id = $1 AND name = $2 AND language = $3",
            vec![waba_id.clone(), name.clone(), language.clone()],
        ),
        Spoil::ChangeKind { seq } => execute(
            url,
            "UPDATE changes SET kind = 'from_a_newer_hub' WHERE seq = $1::text::bigint",
            vec![seq.to_string()],
        ),
    };
    assert_eq!(changed, 1, "{damage:?} found nothing to spoil");
}

switchboard_hub::storage_conformance!(postgres);
