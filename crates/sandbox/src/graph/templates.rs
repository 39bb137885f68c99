//! Message templates at the Graph API: `GET /{version}/{waba_id}/message_templates`
//! and the checks Meta applies when a template is sent (132001 / 132000 / 132012).
//! The templates themselves and their seed are `crate::templates`.

use std::collections::HashMap;
use std::sync::Arc;

use axum::Json;
use axum::extract::{Query, State};
use base64::Engine as _;
use serde_json::{Value, json};

use super::auth::Authorized;
use super::error::{GraphError, GraphPath};
use crate::state::Sandbox;

use crate::templates::{Template, placeholders};

/// `GET /{version}/{waba_id}/message_templates?limit=&after=&status=&name=&language=&category=`.
pub async fn list(
    State(sb): State<Arc<Sandbox>>,
    _auth: Authorized,
    GraphPath((_version, waba_id)): GraphPath<(String, String)>,
    Query(q): Query<HashMap<String, String>>,
) -> Result<Json<Value>, GraphError> {
    if waba_id != sb.config.waba_id {
        return Err(super::unknown_object(&waba_id));
    }
    let matches = |t: &Template| {
        q.get("status")
            .is_none_or(|s| t.status.eq_ignore_ascii_case(s))
            && q.get("name").is_none_or(|n| t.name.contains(n.as_str()))
            && q.get("language").is_none_or(|l| &t.language == l)
            && q.get("category")
                .is_none_or(|c| t.category.eq_ignore_ascii_case(c))
    };
    let all: Vec<Template> = sb.templates().into_iter().filter(|t| matches(t)).collect();
    let limit = match q.get("limit") {
        None => 25,
        Some(l) => l
            .parse::<usize>()
            .ok()
            .filter(|l| *l > 0)
            .ok_or_else(|| GraphError::new(100, "limit must be a positive integer"))?,
    };
    let start = match q.get("after") {
        None => 0,
        Some(c) => {
            decode_cursor(c).ok_or_else(|| GraphError::new(100, "invalid cursor `after`"))?
        }
    };
    let page: Vec<&Template> = all.iter().skip(start).take(limit).collect();
    let end = start + page.len();
    let mut paging =
        json!({ "cursors": { "before": encode_cursor(start), "after": encode_cursor(end) } });
    if end < all.len() {
        paging["next"] = json!(format!(
            "{}/{}/{}/message_templates?limit={limit}&after={}",
            sb.public_url,
            sb.config.api_version,
            waba_id,
            encode_cursor(end)
        ));
    }
    Ok(Json(json!({ "data": page, "paging": paging })))
}

fn encode_cursor(i: usize) -> String {
    base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(format!("idx:{i}"))
}

fn decode_cursor(c: &str) -> Option<usize> {
    let raw = base64::engine::general_purpose::URL_SAFE_NO_PAD
        .decode(c)
        .ok()?;
    String::from_utf8(raw)
        .ok()?
        .strip_prefix("idx:")?
        .parse()
        .ok()
}

/// Meta's checks of a template send against the stored template.
pub fn check_send(
    sb: &Sandbox,
    name: &str,
    language: &str,
    components: Option<&Value>,
) -> Result<Template, GraphError> {
    let templates = sb.templates();
    let Some(t) = templates
        .iter()
        .find(|t| t.name == name && t.language == language)
    else {
        return Err(GraphError::new(
            132001,
            format!("template name ({name}) does not exist in {language}"),
        ));
    };
    match t.status.as_str() {
        "APPROVED" => {}
        "PAUSED" => {
            return Err(GraphError::new(
                132015,
                format!("template {name} is paused"),
            ));
        }
        "DISABLED" => {
            return Err(GraphError::new(
                132016,
                format!("template {name} is disabled"),
            ));
        }
        other => {
            return Err(GraphError::new(
                132001,
                format!(
                    "template name ({name}) does not exist in {language} (status {other}, not approved)"
                ),
            ));
        }
    }
    let provided: Vec<&Value> = match components {
        None | Some(Value::Null) => Vec::new(),
        Some(Value::Array(a)) => a.iter().collect(),
        Some(_) => {
            return Err(GraphError::new(
                131009,
                "template.components must be an array",
            ));
        }
    };
    let of_type = |kind: &'static str| {
        provided.iter().filter(move |c| {
            c["type"]
                .as_str()
                .is_some_and(|k| k.eq_ignore_ascii_case(kind))
        })
    };
    let params = |c: &Value| -> Result<Vec<Value>, GraphError> {
        match &c["parameters"] {
            Value::Null => Ok(Vec::new()),
            Value::Array(a) => Ok(a.clone()),
            _ => Err(GraphError::new(
                131009,
                "components[].parameters must be an array",
            )),
        }
    };

    // Body.
    let expected = t.body_params();
    let given: Vec<Value> = match of_type("body").next() {
        Some(c) => params(c)?,
        None => Vec::new(),
    };
    if given.len() != expected.len() {
        return Err(GraphError::new(
            132000,
            format!(
                "body: number of localizable_params ({}) does not match the expected number of params ({})",
                given.len(),
                expected.len()
            ),
        ));
    }
    for p in &given {
        if p["type"].as_str().is_none() {
            return Err(GraphError::new(131008, "parameter type is required"));
        }
        if p["type"] == "text" && p["text"].as_str().is_none() {
            return Err(GraphError::new(
                131008,
                "parameter text is required for type text",
            ));
        }
        if p["text"].as_str().is_some_and(|s| s.chars().count() > 1024) {
            return Err(GraphError::new(100, "parameter text is too long"));
        }
    }
    let named = t.parameter_format == "NAMED";
    if named {
        let mut names: Vec<String> = given
            .iter()
            .filter_map(|p| p["parameter_name"].as_str().map(str::to_string))
            .collect();
        let mut want = expected.clone();
        names.sort();
        want.sort();
        if names != want {
            return Err(GraphError::new(
                132012,
                format!(
                    "template {name} uses named parameters {expected:?}; every parameter needs a matching parameter_name"
                ),
            ));
        }
    } else if given.iter().any(|p| p.get("parameter_name").is_some()) {
        return Err(GraphError::new(
            132012,
            format!("template {name} uses positional parameters; parameter_name is not allowed"),
        ));
    }

    // Header.
    let header = t.component("HEADER");
    let header_given: Vec<Value> = match of_type("header").next() {
        Some(c) => params(c)?,
        None => Vec::new(),
    };
    match header.and_then(|h| h["format"].as_str()) {
        None => {
            if !header_given.is_empty() {
                return Err(GraphError::new(
                    132000,
                    "header: the template has no header parameters",
                ));
            }
        }
        Some("TEXT") => {
            let want = header
                .map(|h| placeholders(h["text"].as_str().unwrap_or("")).len())
                .unwrap_or(0);
            if header_given.len() != want {
                return Err(GraphError::new(
                    132000,
                    format!(
                        "header: number of parameters ({}) does not match the expected number of params ({want})",
                        header_given.len()
                    ),
                ));
            }
        }
        Some(format) => {
            let kind = format.to_ascii_lowercase();
            let [p] = header_given.as_slice() else {
                return Err(GraphError::new(
                    132000,
                    format!("header: expected one {kind} parameter"),
                ));
            };
            if p["type"].as_str() != Some(kind.as_str()) {
                return Err(GraphError::new(
                    132012,
                    format!("header: expected a parameter of type {kind}"),
                ));
            }
            let media = &p[kind.as_str()];
            if media["id"].as_str().is_none() && media["link"].as_str().is_none() {
                return Err(GraphError::new(
                    131008,
                    format!("header {kind} needs an id or a link"),
                ));
            }
            if let Some(id) = media["id"].as_str()
                && !crate::state::lock(&sb.media).contains_key(id)
            {
                return Err(GraphError::new(
                    131009,
                    format!("media id {id} does not exist"),
                ));
            }
        }
    }

    // Dynamic URL buttons.
    let buttons = t
        .component("BUTTONS")
        .and_then(|b| b["buttons"].as_array())
        .cloned()
        .unwrap_or_default();
    for (index, b) in buttons.iter().enumerate() {
        if b["type"] == "URL" && b["url"].as_str().is_some_and(|u| u.contains("{{")) {
            let found = of_type("button").any(|c| {
                c["sub_type"]
                    .as_str()
                    .is_some_and(|s| s.eq_ignore_ascii_case("url"))
                    && (c["index"].as_u64() == Some(index as u64)
                        || c["index"].as_str() == Some(&index.to_string()))
                    && c["parameters"].as_array().is_some_and(|p| p.len() == 1)
            });
            if !found {
                return Err(GraphError::new(
                    132000,
                    format!("button {index}: the URL button needs one text parameter"),
                ));
            }
        }
    }
    Ok(t.clone())
}
