//! Templates: synced from the Graph API (at start, periodically, on demand
//! and after a template-status webhook; each changed template becomes a
//! `template` change), searched (name, content, tag: the domain's search),
//! tagged by admins, and turned into an outgoing message.

use std::sync::Arc;

use switchboard_cloudapi::send::{TemplateComponent, TemplateParameter};
use switchboard_cloudapi::{OutboundContent, TemplateSend as WireTemplateSend};
use switchboard_domain::composer;
use switchboard_domain::templates::{self as rules, TemplateCategory as RuleCategory};
use switchboard_domain::templates::{Params, TemplateParams};
use switchboard_protocol::{
    ChangeData, MessageKind, Template, TemplateCategory, TemplateList, TemplateSend, TemplateStatus,
};

use super::outgoing::Outgoing;
use super::record::append;
use crate::error::{ApiErr, ApiResult};
use crate::state::AppState;
use crate::storage::TemplateFilter;

/// The domain's template status on the wire.
fn status_of(s: rules::TemplateStatus) -> TemplateStatus {
    use rules::TemplateStatus as R;
    match s {
        R::Approved => TemplateStatus::Approved,
        R::Pending => TemplateStatus::Pending,
        R::Rejected => TemplateStatus::Rejected,
        R::Paused => TemplateStatus::Paused,
        R::Disabled => TemplateStatus::Disabled,
        R::InAppeal => TemplateStatus::InAppeal,
        R::Flagged => TemplateStatus::Flagged,
        R::Reinstated => TemplateStatus::Reinstated,
        R::PendingDeletion => TemplateStatus::PendingDeletion,
        R::Deleted => TemplateStatus::Deleted,
        R::Archived => TemplateStatus::Archived,
        R::Unarchived => TemplateStatus::Unarchived,
        R::LimitExceeded => TemplateStatus::LimitExceeded,
        R::Locked => TemplateStatus::Locked,
        R::Unknown => TemplateStatus::Unknown,
    }
}

fn to_wire(t: &rules::Template, waba_id: &str) -> Template {
    let status = status_of(t.status);
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
        // Meta has no tags: a helpdesk keeps its own (set by admins, kept
        // across syncs below).
        let json = serde_json::to_string(&t)?;
        match rules::Template::from_json(&json) {
            Ok(rt) => parsed.push(rt),
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
                    append(tx, None, ChangeData::Template(wire.clone()))?;
                    changed += 1;
                }
            }
            // Deleted on Meta's side: no longer offered (kept, as deleted,
            // for the messages that used it).
            for (stored, raw) in tx.templates(&TemplateFilter::default())? {
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
                    append(tx, None, ChangeData::Template(wire.clone()))?;
                    changed += 1;
                }
            }
            Ok::<_, ApiErr>(changed)
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
pub async fn set_tags(hub: &AppState, id: &str, tags: Vec<String>) -> ApiResult<Template> {
    let id = id.to_owned();
    hub.store
        .write(move |tx| {
            let (t, raw) = tx
                .templates(&TemplateFilter::default())?
                .into_iter()
                .find(|(t, _)| t.id == id)
                .ok_or_else(|| ApiErr::not_found("template"))?;
            let mut rt = rules::Template::from_json(&raw)
                .map_err(|e| ApiErr::internal(format!("stored template: {e}")))?;
            rt.tags = tags;
            let wire = to_wire(&rt, &t.waba_id);
            let raw = serde_json::to_string(&rt).unwrap_or_default();
            if tx.upsert_template(&wire, &raw)? {
                append(tx, None, ChangeData::Template(wire.clone()))?;
            }
            Ok::<_, ApiErr>(wire)
        })
        .await
}

/// What to search for.
#[derive(Debug, Clone, Default)]
pub struct Search {
    pub q: Option<String>,
    pub language: Option<String>,
    pub category: Option<String>,
}

/// Approved templates matching the search, best first (the domain's ranking).
pub async fn search(hub: &AppState, q: Search) -> ApiResult<TemplateList> {
    let filter = TemplateFilter {
        q: None,
        language: None,
        category: q.category.clone(),
        approved_only: true,
    };
    let rows = hub.store.read(move |tx| tx.templates(&filter)).await?;
    let parsed: Vec<rules::Template> = rows
        .iter()
        .map(|(_, raw)| rules::Template::from_json(raw))
        .collect::<Result<_, _>>()
        .map_err(|e| ApiErr::internal(format!("stored template: {e}")))?;
    let hits = rules::search(&parsed, q.q.as_deref().unwrap_or(""), q.language.as_deref());
    let mut templates = Vec::new();
    for hit in hits {
        if let Some((t, _)) = rows
            .iter()
            .find(|(t, _)| t.name == hit.template.name && t.language == hit.template.language)
        {
            templates.push(t.clone());
        }
    }
    if let Some(lang) = &q.language {
        // The domain ranks the language first; keep only that language's
        // templates (and its base language's) when one is asked for.
        let base = rules::base_language(lang).to_owned();
        templates.retain(|t| rules::base_language(&t.language).eq_ignore_ascii_case(&base));
    }
    Ok(TemplateList { templates })
}

/// Syncs every channel now (admin); all templates after.
pub async fn sync_now(hub: &AppState) -> ApiResult<TemplateList> {
    sync_all(hub)
        .await
        .map_err(|e| ApiErr::new(switchboard_protocol::ErrorCode::Upstream, e.to_string()))?;
    let rows = hub
        .store
        .read(|tx| tx.templates(&TemplateFilter::default()))
        .await?;
    Ok(TemplateList {
        templates: rows.into_iter().map(|(t, _)| t).collect(),
    })
}

/// The chosen template as an outgoing message: validated against the
/// stored (synced) template, with the preview as the recorded text.
pub async fn outgoing(
    hub: &AppState,
    waba_id: &str,
    send: &TemplateSend,
) -> ApiResult<(Outgoing, rules::Template)> {
    let (waba, name, lang) = (waba_id.to_owned(), send.name.clone(), send.language.clone());
    let (_, raw) = hub
        .store
        .read(move |tx| tx.template(&waba, &name, &lang))
        .await?
        .ok_or_else(|| {
            ApiErr::invalid(format!("no template {} in {}", send.name, send.language))
        })?;
    let template = rules::Template::from_json(&raw)
        .map_err(|e| ApiErr::internal(format!("stored template: {e}")))?;
    let params = TemplateParams {
        body: Params::Positional(send.params.clone()),
        ..TemplateParams::default()
    };
    if let Err(errors) = rules::validate_params(&template, &params, &hub.limits.message) {
        return Err(ApiErr::invalid(format!("template parameters: {errors:?}")));
    }
    let preview = rules::render_preview(&template, &params);
    let mut wire = WireTemplateSend::new(&send.name, &send.language);
    if !send.params.is_empty() {
        wire = wire.with_component(TemplateComponent::body(
            send.params
                .iter()
                .map(|p| TemplateParameter::text(p.clone()))
                .collect(),
        ));
    }
    Ok((
        Outgoing {
            content: OutboundContent::Template { template: wire },
            kind: MessageKind::Template,
            rule_kind: composer::MessageKind::Template,
            text: Some(preview.body),
            media: None,
            template_status: Some(template.status),
        },
        template,
    ))
}
