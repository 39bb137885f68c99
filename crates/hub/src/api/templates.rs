//! Templates: search (name, content, tag via the domain's search), on-demand
//! sync, and turning a chosen template into an outgoing message.

use axum::Json;
use axum::extract::State;
use serde::Deserialize;
use switchboard_cloudapi::send::{TemplateComponent, TemplateParameter};
use switchboard_cloudapi::{OutboundContent, TemplateSend as WireTemplateSend};
use switchboard_domain::composer;
use switchboard_domain::templates::{self as rules, Params, TemplateParams};
use switchboard_protocol::{MessageKind, TemplateList, TemplateSend};

use crate::auth::Caller;
use crate::error::ApiQuery;
use crate::error::{ApiErr, ApiResult};
use crate::outbound::Outgoing;
use crate::state::AppState;
use crate::storage::TemplateFilter;

#[derive(Debug, Deserialize)]
pub struct TemplateQuery {
    #[serde(default)]
    q: Option<String>,
    #[serde(default)]
    language: Option<String>,
    #[serde(default)]
    category: Option<String>,
}

pub async fn list(
    State(hub): State<AppState>,
    _caller: Caller,
    ApiQuery(q): ApiQuery<TemplateQuery>,
) -> ApiResult<Json<TemplateList>> {
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
    Ok(Json(TemplateList { templates }))
}

pub async fn sync(State(hub): State<AppState>, caller: Caller) -> ApiResult<Json<TemplateList>> {
    caller.require_admin()?;
    crate::templates_sync::sync_all(&hub)
        .await
        .map_err(|e| ApiErr::new(switchboard_protocol::ErrorCode::Upstream, e.to_string()))?;
    let rows = hub
        .store
        .read(|tx| tx.templates(&TemplateFilter::default()))
        .await?;
    Ok(Json(TemplateList {
        templates: rows.into_iter().map(|(t, _)| t).collect(),
    }))
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
