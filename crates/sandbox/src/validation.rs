//! Body validation of `POST /{version}/{phone_number_id}/messages`, with Meta's codes:
//! - `100`: malformed JSON, `messaging_product` missing or wrong, a length limit exceeded;
//! - `131008`: a required parameter is missing (`to` or `recipient`, `text.body`, `template.name`, …);
//! - `131009`: a parameter value is not valid (bad number, unknown type, too many buttons, …).
//!
//! Checks that need state (media ids, templates, the window, limits) happen in the handler.

use serde_json::Value;
use switchboard_cloudapi::MessagesRequest;

use crate::graph::error::GraphError;
use crate::state::{normalize_phone, plausible_bsuid};

/// A validated send request.
#[derive(Debug, Clone)]
pub enum SendRequest {
    /// Mark-as-read (optionally with a typing indicator).
    MarkRead {
        message_id: String,
    },
    Message(Box<Outgoing>),
}

#[derive(Debug, Clone)]
pub struct Outgoing {
    /// `to` (or, without one, `recipient`) as given (echoed as `contacts[].input`).
    pub to_input: String,
    /// The phone digits of `to`; empty when the send is addressed by `recipient`.
    pub wa_id: String,
    /// `recipient`: the customer's BSUID, used when `to` is absent or empty (Meta's
    /// 2026 field for customers known only by username; `to` wins when both are given).
    pub recipient: Option<String>,
    pub kind: String,
    /// For `type: template`: name, language code, components.
    pub template: Option<(String, String, Option<Value>)>,
    /// An uploaded media id the message refers to.
    pub media_id: Option<String>,
    /// Interactive `call_permission_request`.
    pub call_permission_request: bool,
    pub biz_opaque_callback_data: Option<String>,
    pub context_message_id: Option<String>,
}

impl Outgoing {
    pub fn free_form(&self) -> bool {
        self.template.is_none()
    }
}

const TYPES: &[&str] = &[
    "text",
    "image",
    "video",
    "audio",
    "document",
    "sticker",
    "location",
    "contacts",
    "interactive",
    "template",
    "reaction",
];
const MEDIA: &[&str] = &["image", "video", "audio", "document", "sticker"];

fn missing(path: &str) -> GraphError {
    GraphError::new(131008, format!("The parameter {path} is required."))
}

fn invalid(path: &str, why: &str) -> GraphError {
    GraphError::new(131009, format!("Param {path} is not valid: {why}"))
}

fn too_long(path: &str, max: usize) -> GraphError {
    GraphError::new(
        100,
        format!("Param {path} must be at most {max} characters long."),
    )
}

/// An optional string field (131009 when present but not a string).
fn opt_str<'a>(obj: &'a Value, key: &str, path: &str) -> Result<Option<&'a str>, GraphError> {
    match obj.get(key) {
        None | Some(Value::Null) => Ok(None),
        Some(Value::String(s)) => Ok(Some(s)),
        Some(_) => Err(invalid(&format!("{path}.{key}"), "must be a string")),
    }
}

fn req_str<'a>(obj: &'a Value, key: &str, path: &str) -> Result<&'a str, GraphError> {
    opt_str(obj, key, path)?.ok_or_else(|| missing(&format!("{path}.{key}")))
}

fn max_len(s: &str, max: usize, path: &str) -> Result<(), GraphError> {
    if s.chars().count() > max {
        Err(too_long(path, max))
    } else {
        Ok(())
    }
}

fn object<'a>(v: &'a Value, path: &str) -> Result<&'a Value, GraphError> {
    match v {
        Value::Null => Err(missing(path)),
        Value::Object(_) => Ok(v),
        _ => Err(invalid(path, "must be an object")),
    }
}

/// Parses and validates a send body: Meta's checks first (for Meta's codes), then
/// switchboard-cloudapi's [`MessagesRequest`] must read it (else 100), so the
/// sandbox accepts exactly the bodies the shared wire types describe.
pub fn validate_send(raw: &[u8]) -> Result<SendRequest, GraphError> {
    let checked = check_send(raw)?;
    if let Err(e) = serde_json::from_slice::<Value>(raw).and_then(MessagesRequest::from_value) {
        return Err(GraphError::new(100, format!("Invalid parameter: {e}")));
    }
    Ok(checked)
}

fn check_send(raw: &[u8]) -> Result<SendRequest, GraphError> {
    let body: Value = serde_json::from_slice(raw)
        .map_err(|e| GraphError::new(100, format!("Invalid JSON in request body: {e}")))?;
    if !body.is_object() {
        return Err(GraphError::new(
            100,
            "The request body must be a JSON object.",
        ));
    }
    match body.get("messaging_product") {
        None | Some(Value::Null) => {
            return Err(GraphError::new(
                100,
                "The parameter messaging_product is required.",
            ));
        }
        Some(v) if v.as_str() == Some("whatsapp") => {}
        Some(_) => {
            return Err(GraphError::new(
                100,
                "Param messaging_product must be one of {WHATSAPP}.",
            ));
        }
    }
    if let Some(status) = opt_str(&body, "status", "")? {
        if status != "read" {
            return Err(invalid("status", "must be `read`"));
        }
        let message_id = req_str(&body, "message_id", "")?.to_string();
        if let Some(ti) = body.get("typing_indicator")
            && ti["type"].as_str() != Some("text")
        {
            return Err(invalid("typing_indicator.type", "must be `text`"));
        }
        return Ok(SendRequest::MarkRead { message_id });
    }
    if let Some(rt) = opt_str(&body, "recipient_type", "")?
        && rt != "individual"
        && rt != "group"
    {
        return Err(invalid("recipient_type", "must be `individual` or `group`"));
    }
    let to = opt_str(&body, "to", "")?.filter(|t| !t.is_empty());
    let recipient = opt_str(&body, "recipient", "")?.filter(|r| !r.is_empty());
    let (to_input, wa_id, recipient) = match (to, recipient) {
        (Some(to), _) => (
            to.to_string(),
            normalize_phone(to).ok_or_else(|| invalid("to", "not a valid phone number"))?,
            None,
        ),
        (None, Some(r)) => {
            if !plausible_bsuid(r) {
                return Err(invalid("recipient", "not a business-scoped user id"));
            }
            (r.to_string(), String::new(), Some(r.to_string()))
        }
        (None, None) => return Err(missing("to")),
    };
    let kind = opt_str(&body, "type", "")?.unwrap_or("text").to_string();
    if !TYPES.contains(&kind.as_str()) {
        return Err(invalid("type", &format!("must be one of {TYPES:?}")));
    }
    let biz_opaque_callback_data =
        opt_str(&body, "biz_opaque_callback_data", "")?.map(str::to_string);
    if let Some(b) = &biz_opaque_callback_data {
        max_len(b, 512, "biz_opaque_callback_data")?;
    }
    let context_message_id = match body.get("context") {
        None | Some(Value::Null) => None,
        Some(ctx) => {
            if kind == "reaction" {
                return Err(invalid("context", "not allowed on reactions"));
            }
            Some(req_str(object(ctx, "context")?, "message_id", "context")?.to_string())
        }
    };
    let content = object(&body[kind.as_str()], &kind)?;
    let mut out = Outgoing {
        to_input,
        wa_id,
        recipient,
        kind: kind.clone(),
        template: None,
        media_id: None,
        call_permission_request: false,
        biz_opaque_callback_data,
        context_message_id,
    };
    match kind.as_str() {
        "text" => {
            let text = req_str(content, "body", "text")?;
            if text.is_empty() {
                return Err(GraphError::new(
                    100,
                    "Param text.body must be at least 1 character long.",
                ));
            }
            max_len(text, 4096, "text.body")?;
            if content.get("preview_url").is_some_and(|p| !p.is_boolean()) {
                return Err(invalid("text.preview_url", "must be a boolean"));
            }
        }
        k if MEDIA.contains(&k) => {
            let id = opt_str(content, "id", k)?;
            let link = opt_str(content, "link", k)?;
            match (id, link) {
                (None, None) => return Err(missing(&format!("{k}.id or {k}.link"))),
                (Some(_), Some(_)) => return Err(invalid(k, "give either id or link, not both")),
                (Some(id), None) => out.media_id = Some(id.to_string()),
                (None, Some(link)) => {
                    if !(link.starts_with("https://") || link.starts_with("http://")) {
                        return Err(invalid(&format!("{k}.link"), "must be an http(s) URL"));
                    }
                }
            }
            if let Some(caption) = opt_str(content, "caption", k)? {
                if k == "audio" || k == "sticker" {
                    return Err(invalid(
                        &format!("{k}.caption"),
                        "captions are not allowed on this media type",
                    ));
                }
                max_len(caption, 1024, &format!("{k}.caption"))?;
            }
            if k == "document"
                && let Some(f) = opt_str(content, "filename", k)?
            {
                max_len(f, 240, "document.filename")?;
            }
        }
        "location" => {
            for key in ["latitude", "longitude"] {
                match content.get(key) {
                    None | Some(Value::Null) => return Err(missing(&format!("location.{key}"))),
                    Some(v)
                        if v.is_number()
                            || v.as_str().is_some_and(|s| s.parse::<f64>().is_ok()) => {}
                    Some(_) => return Err(invalid(&format!("location.{key}"), "must be a number")),
                }
            }
        }
        "contacts" => {
            let list = body["contacts"]
                .as_array()
                .ok_or_else(|| invalid("contacts", "must be an array"))?;
            if list.is_empty() {
                return Err(missing("contacts[0]"));
            }
            for (i, c) in list.iter().enumerate() {
                req_str(&c["name"], "formatted_name", &format!("contacts[{i}].name"))?;
            }
        }
        "reaction" => {
            req_str(content, "message_id", "reaction")?;
            if content.get("emoji").is_some_and(|e| !e.is_string()) {
                return Err(invalid("reaction.emoji", "must be a string"));
            }
        }
        "template" => {
            let name = req_str(content, "name", "template")?.to_string();
            let language = object(&content["language"], "template.language")?;
            let code = req_str(language, "code", "template.language")?.to_string();
            out.template = Some((name, code, content.get("components").cloned()));
        }
        "interactive" => validate_interactive(content, &mut out)?,
        _ => {}
    }
    Ok(SendRequest::Message(Box::new(out)))
}

fn body_text(i: &Value, max: usize) -> Result<&str, GraphError> {
    let text = req_str(
        object(&i["body"], "interactive.body")?,
        "text",
        "interactive.body",
    )?;
    max_len(text, max, "interactive.body.text")?;
    Ok(text)
}

fn header_footer(i: &Value) -> Result<(), GraphError> {
    if let Some(h) = i.get("header").filter(|h| !h.is_null())
        && let Some(t) = opt_str(h, "text", "interactive.header")?
    {
        max_len(t, 60, "interactive.header.text")?;
    }
    if let Some(f) = i.get("footer").filter(|f| !f.is_null()) {
        max_len(
            req_str(f, "text", "interactive.footer")?,
            60,
            "interactive.footer.text",
        )?;
    }
    Ok(())
}

fn validate_interactive(i: &Value, out: &mut Outgoing) -> Result<(), GraphError> {
    let kind = req_str(i, "type", "interactive")?;
    let action = object(&i["action"], "interactive.action")?;
    match kind {
        "button" => {
            body_text(i, 1024)?;
            header_footer(i)?;
            let buttons = action["buttons"]
                .as_array()
                .ok_or_else(|| missing("interactive.action.buttons"))?;
            if buttons.is_empty() || buttons.len() > 3 {
                return Err(invalid(
                    "interactive.action.buttons",
                    "between 1 and 3 buttons",
                ));
            }
            let mut titles = Vec::new();
            for (n, b) in buttons.iter().enumerate() {
                let path = format!("interactive.action.buttons[{n}].reply");
                let reply = object(&b["reply"], &path)?;
                max_len(req_str(reply, "id", &path)?, 256, &format!("{path}.id"))?;
                let title = req_str(reply, "title", &path)?;
                max_len(title, 20, &format!("{path}.title"))?;
                if titles.contains(&title) {
                    return Err(invalid(
                        &format!("{path}.title"),
                        "button titles must be unique",
                    ));
                }
                titles.push(title);
            }
        }
        "list" => {
            body_text(i, 4096)?;
            header_footer(i)?;
            max_len(
                req_str(action, "button", "interactive.action")?,
                20,
                "interactive.action.button",
            )?;
            let sections = action["sections"]
                .as_array()
                .ok_or_else(|| missing("interactive.action.sections"))?;
            if sections.is_empty() || sections.len() > 10 {
                return Err(invalid(
                    "interactive.action.sections",
                    "between 1 and 10 sections",
                ));
            }
            let mut rows = 0;
            for (s, section) in sections.iter().enumerate() {
                if let Some(t) = opt_str(section, "title", "section")? {
                    max_len(t, 24, &format!("interactive.action.sections[{s}].title"))?;
                }
                let list = section["rows"]
                    .as_array()
                    .ok_or_else(|| missing(&format!("interactive.action.sections[{s}].rows")))?;
                for (r, row) in list.iter().enumerate() {
                    let path = format!("interactive.action.sections[{s}].rows[{r}]");
                    max_len(req_str(row, "id", &path)?, 200, &format!("{path}.id"))?;
                    max_len(req_str(row, "title", &path)?, 24, &format!("{path}.title"))?;
                    if let Some(d) = opt_str(row, "description", &path)? {
                        max_len(d, 72, &format!("{path}.description"))?;
                    }
                }
                rows += list.len();
            }
            if rows == 0 || rows > 10 {
                return Err(invalid(
                    "interactive.action.sections",
                    "between 1 and 10 rows in total",
                ));
            }
        }
        "cta_url" => {
            body_text(i, 1024)?;
            header_footer(i)?;
            let p = object(&action["parameters"], "interactive.action.parameters")?;
            max_len(
                req_str(p, "display_text", "interactive.action.parameters")?,
                20,
                "interactive.action.parameters.display_text",
            )?;
            let url = req_str(p, "url", "interactive.action.parameters")?;
            if !(url.starts_with("https://") || url.starts_with("http://")) {
                return Err(invalid(
                    "interactive.action.parameters.url",
                    "must be an http(s) URL",
                ));
            }
        }
        "voice_call" => {
            body_text(i, 1024)?;
            if let Some(p) = action.get("parameters").filter(|p| !p.is_null()) {
                if let Some(t) = opt_str(p, "display_text", "interactive.action.parameters")? {
                    max_len(t, 20, "interactive.action.parameters.display_text")?;
                }
                if let Some(ttl) = p.get("ttl_minutes").filter(|t| !t.is_null())
                    && !ttl.as_u64().is_some_and(|t| (1..=43_200).contains(&t))
                {
                    return Err(invalid(
                        "interactive.action.parameters.ttl_minutes",
                        "between 1 and 43200",
                    ));
                }
                if let Some(pl) = opt_str(p, "payload", "interactive.action.parameters")? {
                    max_len(pl, 512, "interactive.action.parameters.payload")?;
                }
            }
        }
        "call_permission_request" => {
            body_text(i, 1024)?;
            if i.get("header").is_some_and(|h| !h.is_null())
                || i.get("footer").is_some_and(|f| !f.is_null())
            {
                return Err(invalid(
                    "interactive",
                    "call_permission_request takes a body only",
                ));
            }
            if req_str(action, "name", "interactive.action")? != "call_permission_request" {
                return Err(invalid(
                    "interactive.action.name",
                    "must be `call_permission_request`",
                ));
            }
            out.call_permission_request = true;
        }
        other => {
            return Err(invalid(
                "interactive.type",
                &format!("unknown interactive type `{other}`"),
            ));
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn code(body: &str) -> u32 {
        validate_send(body.as_bytes())
            .err()
            .map(|e| e.code)
            .unwrap_or(0)
    }

    #[test]
    fn codes_follow_meta() {
        assert_eq!(code("{not json"), 100);
        assert_eq!(
            code(r#"{"to":"+4915112345678","type":"text","text":{"body":"x"}}"#),
            100
        );
        assert_eq!(
            code(r#"{"messaging_product":"whatsapp","type":"text","text":{"body":"x"}}"#),
            131008
        );
        assert_eq!(
            code(
                r#"{"messaging_product":"whatsapp","to":"abc","type":"text","text":{"body":"x"}}"#
            ),
            131009
        );
        assert_eq!(
            code(
                r#"{"messaging_product":"whatsapp","to":"+4915112345678","type":"text","text":{}}"#
            ),
            131008
        );
        let long = "a".repeat(4097);
        assert_eq!(
            code(&format!(
                r#"{{"messaging_product":"whatsapp","to":"+4915112345678","text":{{"body":"{long}"}}}}"#
            )),
            100
        );
        assert_eq!(
            code(
                r#"{"messaging_product":"whatsapp","to":"+4915112345678","type":"poll","poll":{}}"#
            ),
            131009
        );
        assert_eq!(
            code(
                r#"{"messaging_product":"whatsapp","to":"+4915112345678","type":"image","image":{}}"#
            ),
            131008
        );
        assert_eq!(
            code(
                r#"{"messaging_product":"whatsapp","to":"+4915112345678","type":"text","text":{"body":"ok"}}"#
            ),
            0
        );
    }
}
