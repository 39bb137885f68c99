//! Templates: synced from the Graph API (at start, periodically, on demand
//! and after a template-status webhook; each changed template becomes a
//! `template` change), searched (name, content, tag: the domain's search),
//! tagged by admins, and turned into an outgoing message.
//!
//! Meta's template becomes the domain's once, when synced (`convert`);
//! storage keeps both the domain's template and the wire view made from it.

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
use crate::storage::{StoredTemplate, TemplateFilter};

mod convert;

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

/// The domain's template with the wire view agents see of it.
fn stored(rule: rules::Template, waba_id: &str) -> StoredTemplate {
    StoredTemplate {
        wire: to_wire(&rule, waba_id),
        rule,
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
        header_media: crate::views::template_media(t),
        body: t.body_text().to_owned(),
        footer: t.footer_text().map(str::to_owned),
        buttons: crate::views::template_buttons(t),
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
    // Meta has no tags: a helpdesk keeps its own (set by admins, kept
    // across syncs below).
    let synced: Vec<rules::Template> = fetched.iter().map(convert::rule_of).collect();
    let waba = channel.channel.waba_id.clone();
    let changed = hub
        .store
        .write(move |tx| {
            let mut changed = 0;
            for mut rule in synced {
                // Tags set in the hub win over suggested ones.
                if let Some(kept) = tx.template(&waba, &rule.name, &rule.language)?
                    && !kept.rule.tags.is_empty()
                {
                    rule.tags = kept.rule.tags;
                }
                let t = stored(rule, &waba);
                if tx.upsert_template(&t)? {
                    append(tx, None, ChangeData::Template(t.wire))?;
                    changed += 1;
                }
            }
            // Deleted on Meta's side: no longer offered (kept, as deleted,
            // for the messages that used it).
            for kept in tx.templates(&TemplateFilter::default())? {
                if kept.wire.waba_id != waba
                    || listed.contains(&(kept.wire.name.clone(), kept.wire.language.clone()))
                    || kept.rule.status == rules::TemplateStatus::Deleted
                {
                    continue;
                }
                let mut rule = kept.rule;
                rule.status = rules::TemplateStatus::Deleted;
                let t = stored(rule, &waba);
                if tx.upsert_template(&t)? {
                    append(tx, None, ChangeData::Template(t.wire))?;
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

/// Syncs now, then every `config.template_sync_every` (if not zero); with
/// several hub instances on one database, only the one that leads the
/// background jobs does (the others wait to lead).
pub fn spawn_periodic(hub: AppState) -> tokio::task::JoinHandle<()> {
    let hub: AppState = Arc::clone(&hub);
    tokio::spawn(async move {
        loop {
            if !hub.store.leads_background_jobs() {
                tokio::time::sleep(crate::state::LEAD_POLL).await;
                continue;
            }
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
            let kept = tx
                .templates(&TemplateFilter::default())?
                .into_iter()
                .find(|t| t.wire.id == id)
                .ok_or_else(|| ApiErr::not_found("template"))?;
            let mut rule = kept.rule;
            rule.tags = tags;
            let t = stored(rule, &kept.wire.waba_id);
            if tx.upsert_template(&t)? {
                append(tx, None, ChangeData::Template(t.wire.clone()))?;
            }
            Ok::<_, ApiErr>(t.wire)
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
        language: None,
        category: q.category.clone(),
        approved_only: true,
    };
    let rows = hub.store.read(move |tx| tx.templates(&filter)).await?;
    let (wires, domain): (Vec<Template>, Vec<rules::Template>) =
        rows.into_iter().map(|t| (t.wire, t.rule)).unzip();
    let hits = rules::search(&domain, q.q.as_deref().unwrap_or(""), q.language.as_deref());
    let mut templates = Vec::new();
    for hit in hits {
        if let Some(t) = wires
            .iter()
            .find(|t| t.name == hit.template.name && t.language == hit.template.language)
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
        templates: rows.into_iter().map(|t| t.wire).collect(),
    })
}

/// The values of a send as the domain's rules take them.
fn template_params(send: &TemplateSend) -> TemplateParams {
    TemplateParams {
        header: Params::Positional(send.header_params.clone()),
        body: Params::Positional(send.params.clone()),
        buttons: send
            .button_params
            .iter()
            .map(|b| (b.index as usize, b.value.clone()))
            .collect(),
    }
}

/// The chosen template as an outgoing message: validated against the
/// stored (synced) template, with the preview as the recorded text.
pub async fn outgoing(
    hub: &AppState,
    waba_id: &str,
    send: &TemplateSend,
) -> ApiResult<(Outgoing, rules::Template)> {
    let (waba, name, lang) = (waba_id.to_owned(), send.name.clone(), send.language.clone());
    let template = hub
        .store
        .read(move |tx| tx.template(&waba, &name, &lang))
        .await?
        .ok_or_else(|| ApiErr::invalid(format!("no template {} in {}", send.name, send.language)))?
        .rule;
    let params = template_params(send);
    if let Err(errors) = rules::validate_params(&template, &params, &hub.limits.message) {
        return Err(ApiErr::invalid(format!("template parameters: {errors:?}")));
    }
    let preview = rules::render_preview(&template, &params);
    let texts = |values: &[String]| {
        values
            .iter()
            .map(|v| TemplateParameter::text(v.clone()))
            .collect()
    };
    let mut wire = WireTemplateSend::new(&send.name, &send.language);
    if !send.header_params.is_empty() {
        wire = wire.with_component(TemplateComponent::header(texts(&send.header_params)));
    }
    if !send.params.is_empty() {
        wire = wire.with_component(TemplateComponent::body(texts(&send.params)));
    }
    for b in &send.button_params {
        wire = wire.with_component(TemplateComponent::button(
            "url",
            i64::from(b.index),
            texts(std::slice::from_ref(&b.value)),
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
