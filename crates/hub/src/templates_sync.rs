//! Templates synced from the Graph API: at start, periodically and on
//! demand (admin route, or a template-status webhook). Each changed
//! template becomes a `template` change.

use std::sync::Arc;

use switchboard_domain::templates::{self as rules, TemplateCategory as RuleCategory};
use switchboard_protocol::{ChangeKind, Template, TemplateCategory};

use crate::feed::emit;
use crate::state::AppState;

fn to_wire(t: &rules::Template, waba_id: &str) -> Template {
    let status = serde_json::to_value(t.status)
        .ok()
        .and_then(|v| v.as_str().map(str::to_lowercase))
        .unwrap_or_else(|| "unknown".into());
    let param_count = t
        .placeholders()
        .iter()
        .filter(|p| p.slot == rules::ParamSlot::Body)
        .count();
    Template {
        id: t
            .id
            .clone()
            .unwrap_or_else(|| format!("{waba_id}:{}:{}", t.name, t.language)),
        waba_id: waba_id.to_owned(),
        name: t.name.clone(),
        language: t.language.clone(),
        category: match t.category {
            RuleCategory::Marketing => TemplateCategory::Marketing,
            RuleCategory::Authentication => TemplateCategory::Authentication,
            _ => TemplateCategory::Utility,
        },
        status,
        header: t.header_text().map(str::to_owned),
        body: t.body_text().to_owned(),
        footer: t.footer_text().map(str::to_owned),
        param_count: u32::try_from(param_count).unwrap_or(u32::MAX),
        tags: t.tags.clone(),
        call_permission_request: t.is_call_permission_request(),
    }
}

/// Re-syncs one channel's WABA; the number of templates that changed.
pub async fn sync_channel(hub: &AppState, channel_id: &str) -> anyhow::Result<usize> {
    let id = channel_id.to_owned();
    let Some(channel) = hub.store.read(move |tx| tx.channel(&id)).await? else {
        anyhow::bail!("unknown channel");
    };
    let fetched = hub.sender.templates(&channel).await?;
    // Everything Meta still lists (parsed here or not): the rest was deleted.
    let listed: std::collections::HashSet<(String, String)> = fetched
        .iter()
        .map(|t| (t.name.clone(), t.language.clone()))
        .collect();
    let mut parsed = Vec::new();
    for t in fetched {
        // Meta has no tags; a helpdesk keeps its own. The sandbox suggests
        // some (`sandbox_tags`), used until an admin sets them.
        let suggested: Vec<String> = ["tags", "sandbox_tags"]
            .iter()
            .find_map(|k| t.extra.get(*k))
            .and_then(|v| serde_json::from_value(v.clone()).ok())
            .unwrap_or_default();
        let json = serde_json::to_string(&t)?;
        match rules::Template::from_json(&json) {
            Ok(mut rt) => {
                if rt.tags.is_empty() {
                    rt.tags = suggested;
                }
                parsed.push(rt)
            }
            Err(e) => tracing::warn!(error = %e, "template skipped"),
        }
    }
    let waba = channel.channel.waba_id.clone();
    let changed = hub
        .store
        .write(move |tx| {
            let mut parsed = parsed;
            let mut changed = 0;
            for rt in &mut parsed {
                // Tags set in the hub win over suggested ones.
                if let Some((stored, _)) = tx.template(&waba, &rt.name, &rt.language)?
                    && !stored.tags.is_empty()
                {
                    rt.tags = stored.tags;
                }
                let rt = &*rt;
                let wire = to_wire(rt, &waba);
                let raw = serde_json::to_string(rt).unwrap_or_default();
                if tx.upsert_template(&wire, &raw)? {
                    emit(tx, ChangeKind::Template, None, &wire)?;
                    changed += 1;
                }
            }
            // Deleted on Meta's side: no longer offered (kept, as deleted,
            // for the messages that used it).
            for (stored, raw) in tx.templates(&crate::storage::TemplateFilter::default())? {
                if stored.waba_id != waba
                    || listed.contains(&(stored.name.clone(), stored.language.clone()))
                {
                    continue;
                }
                let Ok(mut rt) = rules::Template::from_json(&raw) else {
                    continue;
                };
                if rt.status == rules::TemplateStatus::Deleted {
                    continue;
                }
                rt.status = rules::TemplateStatus::Deleted;
                let wire = to_wire(&rt, &waba);
                let raw = serde_json::to_string(&rt).unwrap_or_default();
                if tx.upsert_template(&wire, &raw)? {
                    emit(tx, ChangeKind::Template, None, &wire)?;
                    changed += 1;
                }
            }
            Ok(changed)
        })
        .await?;
    Ok(changed)
}

/// Re-syncs every enabled channel (each WABA once). A channel whose sync
/// fails does not stop the others; the first error is returned after all.
pub async fn sync_all(hub: &AppState) -> anyhow::Result<usize> {
    let channels = hub.store.read(|tx| tx.channels()).await?;
    let mut total = 0;
    let mut first_err = None;
    let mut wabas = std::collections::HashSet::new();
    for ch in channels.iter().filter(|c| c.channel.enabled) {
        if !wabas.insert(ch.channel.waba_id.clone()) {
            continue;
        }
        match sync_channel(hub, &ch.channel.id).await {
            Ok(n) => total += n,
            Err(e) => {
                tracing::warn!(channel = %ch.channel.id, error = %e, "template sync failed");
                first_err.get_or_insert(e);
            }
        }
    }
    match first_err {
        Some(e) => Err(e),
        None => Ok(total),
    }
}

/// Syncs now, then every `config.template_sync_every` (if not zero).
pub fn spawn_periodic(hub: AppState) -> tokio::task::JoinHandle<()> {
    let hub: AppState = Arc::clone(&hub);
    tokio::spawn(async move {
        loop {
            if let Err(e) = sync_all(&hub).await {
                tracing::warn!(error = %e, "template sync failed");
            }
            if hub.config.template_sync_every.is_zero() {
                return;
            }
            tokio::time::sleep(hub.config.template_sync_every).await;
        }
    })
}

/// Sets a template's tags (the hub's own, kept across syncs).
pub async fn set_tags(
    hub: &AppState,
    id: &str,
    tags: Vec<String>,
) -> crate::error::ApiResult<Template> {
    let id = id.to_owned();
    Ok(hub
        .store
        .write(move |tx| {
            let (t, raw) = tx
                .templates(&crate::storage::TemplateFilter::default())?
                .into_iter()
                .find(|(t, _)| t.id == id)
                .ok_or_else(|| crate::error::ApiErr::not_found("template"))?;
            let mut rt = rules::Template::from_json(&raw)
                .map_err(|e| crate::storage::StoreError::Backend(e.to_string()))?;
            rt.tags = tags;
            let wire = to_wire(&rt, &t.waba_id);
            let raw = serde_json::to_string(&rt).unwrap_or_default();
            if tx.upsert_template(&wire, &raw)? {
                emit(tx, ChangeKind::Template, None, &wire)?;
            }
            Ok(wire)
        })
        .await?)
}
