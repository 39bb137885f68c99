//! Message templates: the seed set, `GET /{version}/{waba_id}/message_templates`,
//! and the checks Meta applies when a template is sent (132001 / 132000 / 132012).

use std::collections::HashMap;
use std::sync::Arc;

use axum::Json;
use axum::extract::{Query, State};
use base64::Engine as _;
use serde::Serialize;
use serde_json::{Value, json};

use super::auth::Authorized;
use super::error::{GraphError, GraphPath};
use crate::state::Sandbox;

#[derive(Debug, Clone, Serialize)]
pub struct Template {
    pub id: String,
    pub name: String,
    pub language: String,
    /// `MARKETING`, `UTILITY`, `AUTHENTICATION`.
    pub category: String,
    /// `APPROVED`, `PENDING`, `REJECTED`, `PAUSED`, `DISABLED`, …
    pub status: String,
    /// `POSITIONAL` or `NAMED`.
    pub parameter_format: String,
    /// Components as Meta lists them (uppercase `type`).
    pub components: Value,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub rejected_reason: Option<String>,
}

impl Template {
    /// The body's placeholders, in order (`["1","2"]` or `["first_name", …]`).
    pub fn body_params(&self) -> Vec<String> {
        self.component("BODY")
            .map(|c| placeholders(c["text"].as_str().unwrap_or("")))
            .unwrap_or_default()
    }

    fn component(&self, kind: &str) -> Option<&Value> {
        self.components
            .as_array()?
            .iter()
            .find(|c| c["type"] == kind)
    }

    /// Whether this is a call-permission-request template.
    pub fn is_call_permission_request(&self) -> bool {
        self.component("CALL_PERMISSION_REQUEST").is_some()
    }

    pub fn body_text(&self) -> String {
        self.component("BODY")
            .and_then(|c| c["text"].as_str())
            .unwrap_or("")
            .to_string()
    }
}

/// `{{1}}`, `{{name}}` placeholders of a text, in order of appearance.
pub fn placeholders(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut rest = text;
    while let Some(start) = rest.find("{{") {
        let after = &rest[start + 2..];
        let Some(end) = after.find("}}") else { break };
        out.push(after[..end].trim().to_string());
        rest = &after[end + 2..];
    }
    out
}

#[allow(clippy::too_many_arguments)]
fn template(
    id: &str,
    name: &str,
    language: &str,
    category: &str,
    status: &str,
    named: bool,
    components: Value,
) -> Template {
    Template {
        id: id.into(),
        name: name.into(),
        language: language.into(),
        category: category.into(),
        status: status.into(),
        parameter_format: if named { "NAMED" } else { "POSITIONAL" }.into(),
        components,
        rejected_reason: (status == "REJECTED").then(|| "PROMOTIONAL".to_string()),
    }
}

fn body(text: &str) -> Value {
    json!({ "type": "BODY", "text": text })
}

/// The templates every sandbox starts with (see README for the list).
pub fn seed_templates() -> Vec<Template> {
    let order = [
        (
            "en_US",
            "Hi {{1}}, your order {{2}} has shipped. Track it in the app.",
        ),
        (
            "ja",
            "{{1}}様、ご注文{{2}}を発送しました。アプリで配送状況をご確認いただけます。",
        ),
        (
            "de",
            "Hallo {{1}}, Ihre Bestellung {{2}} wurde versandt. Verfolgen Sie sie in der App.",
        ),
        (
            "fr",
            "Bonjour {{1}}, votre commande {{2}} a été expédiée. Suivez-la dans l'application.",
        ),
    ];
    let mut out: Vec<Template> = order
        .iter()
        .enumerate()
        .map(|(i, (lang, text))| {
            template(
                &format!("8100000000000{i:02}"),
                "order_shipped",
                lang,
                "UTILITY",
                "APPROVED",
                false,
                json!([body(text), { "type": "FOOTER", "text": "Switchboard Store" }]),
            )
        })
        .collect();
    let reengage = [
        (
            "en_US",
            "Hello {{first_name}}, we are following up on your request {{ticket_id}}. Reply to continue the conversation.",
        ),
        (
            "ja",
            "{{first_name}}様、お問い合わせ{{ticket_id}}についてご連絡いたします。このメッセージに返信して会話を続けてください。",
        ),
        (
            "de",
            "Hallo {{first_name}}, wir melden uns zu Ihrer Anfrage {{ticket_id}}. Antworten Sie, um das Gespräch fortzusetzen.",
        ),
        (
            "fr",
            "Bonjour {{first_name}}, nous revenons vers vous au sujet de votre demande {{ticket_id}}. Répondez pour poursuivre la conversation.",
        ),
    ];
    for (i, (lang, text)) in reengage.iter().enumerate() {
        out.push(template(
            &format!("8100000000001{i:02}"),
            "ticket_followup",
            lang,
            "UTILITY",
            "APPROVED",
            true,
            json!([
                body(text),
                { "type": "BUTTONS", "buttons": [
                    { "type": "QUICK_REPLY", "text": "Continue" },
                    { "type": "QUICK_REPLY", "text": "Close request" } ] }
            ]),
        ));
    }
    out.push(template(
        "810000000000200",
        "appointment_reminder",
        "en_US",
        "UTILITY",
        "APPROVED",
        false,
        json!([
            { "type": "HEADER", "format": "TEXT", "text": "Appointment {{1}}" },
            body("Hi {{1}}, this is a reminder of your appointment on {{2}} at {{3}}."),
            { "type": "BUTTONS", "buttons": [
                { "type": "URL", "text": "Manage", "url": "https://example.com/appointments/{{1}}" } ] }
        ]),
    ));
    out.push(template(
        "810000000000300",
        "welcome_offer",
        "en_US",
        "MARKETING",
        "APPROVED",
        false,
        json!([
            { "type": "HEADER", "format": "IMAGE" },
            body("Welcome back! Here is 10% off your next order with the code WELCOME10."),
        ]),
    ));
    out.push(template(
        "810000000000400",
        "call_permission_request",
        "en_US",
        "UTILITY",
        "APPROVED",
        false,
        json!([
            body("May we call you on WhatsApp about your request {{1}}?"),
            { "type": "CALL_PERMISSION_REQUEST" }
        ]),
    ));
    out.push(template(
        "810000000000401",
        "call_permission_request",
        "ja",
        "UTILITY",
        "APPROVED",
        false,
        json!([
            body("お問い合わせ{{1}}について、WhatsAppでお電話してもよろしいですか？"),
            { "type": "CALL_PERMISSION_REQUEST" }
        ]),
    ));
    out.push(template(
        "810000000000500",
        "spring_sale",
        "en_US",
        "MARKETING",
        "PENDING",
        false,
        json!([body("Spring sale: everything 20% off until Sunday!")]),
    ));
    out.push(template(
        "810000000000600",
        "crypto_giveaway",
        "en_US",
        "MARKETING",
        "REJECTED",
        false,
        json!([body("You won free crypto! Click to claim {{1}}.")]),
    ));
    out
}

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
