//! Meta's template (`switchboard_cloudapi`) as the domain's
//! (`switchboard_domain`), field by field: neither crate knows the other, the
//! hub joins them here, once per sync. What this build does not know maps to
//! the domain's `Unknown` variants (or Meta's defaults), never to an error:
//! a template with a new component still lists, and the domain decides what
//! may be sent.

use serde_json::Value;
use switchboard_cloudapi::templates::{
    MessageTemplate, TemplateButton, TemplateCategory as MetaCategory, TemplateDefComponent,
    TemplateStatus as MetaStatus,
};
use switchboard_domain::templates::{
    Button, ButtonKind, Component, ComponentExample, HeaderFormat, NamedExample, ParameterFormat,
    Template, TemplateCategory, TemplateStatus,
};

/// Meta's template as the domain's (without tags: those are the hub's).
pub fn rule_of(t: &MessageTemplate) -> Template {
    Template {
        id: Some(t.id.clone()),
        name: t.name.clone(),
        language: t.language.clone(),
        status: status(&t.status),
        category: category(&t.category),
        parameter_format: parameter_format(t.parameter_format.as_deref()),
        components: t.components.iter().map(component).collect(),
        tags: Vec::new(),
    }
}

fn status(s: &MetaStatus) -> TemplateStatus {
    match s {
        MetaStatus::Approved => TemplateStatus::Approved,
        MetaStatus::Pending => TemplateStatus::Pending,
        MetaStatus::Rejected => TemplateStatus::Rejected,
        MetaStatus::Paused => TemplateStatus::Paused,
        MetaStatus::Disabled => TemplateStatus::Disabled,
        MetaStatus::InAppeal => TemplateStatus::InAppeal,
        MetaStatus::Flagged => TemplateStatus::Flagged,
        MetaStatus::Reinstated => TemplateStatus::Reinstated,
        MetaStatus::PendingDeletion => TemplateStatus::PendingDeletion,
        MetaStatus::Deleted => TemplateStatus::Deleted,
        MetaStatus::Archived => TemplateStatus::Archived,
        MetaStatus::LimitExceeded => TemplateStatus::LimitExceeded,
        MetaStatus::Locked => TemplateStatus::Locked,
        // The client crate does not name this one; the domain does.
        MetaStatus::Other(s) if s == "UNARCHIVED" => TemplateStatus::Unarchived,
        MetaStatus::Other(_) => TemplateStatus::Unknown,
    }
}

fn category(c: &MetaCategory) -> TemplateCategory {
    match c {
        MetaCategory::Marketing => TemplateCategory::Marketing,
        MetaCategory::Utility => TemplateCategory::Utility,
        MetaCategory::Authentication => TemplateCategory::Authentication,
        MetaCategory::Other(_) => TemplateCategory::Unknown,
    }
}

/// `NAMED` (or `named`) is named; anything else is Meta's default,
/// positional.
fn parameter_format(f: Option<&str>) -> ParameterFormat {
    match f {
        Some("NAMED" | "named") => ParameterFormat::Named,
        _ => ParameterFormat::Positional,
    }
}

fn component(c: &TemplateDefComponent) -> Component {
    let example = c.example.as_ref().and_then(example);
    match c.kind.as_str() {
        "HEADER" => Component::Header {
            format: header_format(c.format.as_deref()),
            text: c.text.clone(),
            example,
        },
        "BODY" => Component::Body {
            text: c.text.clone().unwrap_or_default(),
            example,
        },
        "FOOTER" => Component::Footer {
            text: c.text.clone().unwrap_or_default(),
        },
        "BUTTONS" => Component::Buttons {
            buttons: c.buttons.iter().map(button).collect(),
        },
        "CALL_PERMISSION_REQUEST" | "call_permission_request" => Component::CallPermissionRequest,
        _ => Component::Unknown,
    }
}

fn header_format(f: Option<&str>) -> HeaderFormat {
    match f {
        None | Some("TEXT") => HeaderFormat::Text,
        Some("IMAGE") => HeaderFormat::Image,
        Some("VIDEO") => HeaderFormat::Video,
        Some("DOCUMENT") => HeaderFormat::Document,
        Some("LOCATION") => HeaderFormat::Location,
        Some(_) => HeaderFormat::Unknown,
    }
}

fn button(b: &TemplateButton) -> Button {
    Button {
        kind: button_kind(&b.kind),
        text: b.text.clone().unwrap_or_default(),
        url: b.url.clone(),
        phone_number: b.phone_number.clone(),
        example: b.extra.get("example").map(strings).unwrap_or_default(),
    }
}

fn button_kind(k: &str) -> ButtonKind {
    match k {
        "QUICK_REPLY" => ButtonKind::QuickReply,
        "URL" => ButtonKind::Url,
        "PHONE_NUMBER" => ButtonKind::PhoneNumber,
        "COPY_CODE" => ButtonKind::CopyCode,
        "OTP" => ButtonKind::Otp,
        "FLOW" => ButtonKind::Flow,
        "VOICE_CALL" | "voice_call" => ButtonKind::VoiceCall,
        _ => ButtonKind::Unknown,
    }
}

/// A component's `example` object; `None` when it is not one (`null`).
/// Examples the domain does not use (`header_handle`, …) are left out.
fn example(v: &Value) -> Option<ComponentExample> {
    let o = v.as_object()?;
    Some(ComponentExample {
        header_text: o.get("header_text").map(strings).unwrap_or_default(),
        body_text: o
            .get("body_text")
            .and_then(Value::as_array)
            .map(|rows| rows.iter().map(strings).collect())
            .unwrap_or_default(),
        header_text_named_params: o
            .get("header_text_named_params")
            .map(named)
            .unwrap_or_default(),
        body_text_named_params: o
            .get("body_text_named_params")
            .map(named)
            .unwrap_or_default(),
    })
}

/// The strings of a list (one string stands for a list of one).
fn strings(v: &Value) -> Vec<String> {
    match v {
        Value::String(s) => vec![s.clone()],
        Value::Array(items) => items
            .iter()
            .filter_map(|i| i.as_str().map(str::to_owned))
            .collect(),
        _ => Vec::new(),
    }
}

/// `[{param_name, example}]`; entries without both are left out.
fn named(v: &Value) -> Vec<NamedExample> {
    v.as_array()
        .map(|items| {
            items
                .iter()
                .filter_map(|i| {
                    Some(NamedExample {
                        param_name: i.get("param_name")?.as_str()?.to_owned(),
                        example: i.get("example")?.as_str()?.to_owned(),
                    })
                })
                .collect()
        })
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    /// What the hub did before: Meta's template to JSON text and back as the
    /// domain's (kept here only to show the conversion does the same).
    fn through_json(t: &MessageTemplate) -> Result<Template, serde_json::Error> {
        Template::from_json(&serde_json::to_string(t)?)
    }

    fn meta(v: Value) -> MessageTemplate {
        serde_json::from_value(v).unwrap()
    }

    #[test]
    fn the_sandbox_seed_templates_convert_as_the_json_round_trip_did() {
        let seeds = switchboard_sandbox::templates::seed_templates();
        assert!(seeds.len() > 10);
        for seed in seeds {
            let t = meta(serde_json::to_value(&seed).unwrap());
            assert_eq!(rule_of(&t), through_json(&t).unwrap(), "{}", seed.name);
        }
    }

    #[test]
    fn every_component_and_example_converts_as_the_json_round_trip_did() {
        let fixtures = [
            json!({
                "id": 4711, "name": "order_update", "language": "en_US",
                "status": "APPROVED", "category": "UTILITY", "parameter_format": "POSITIONAL",
                "components": [
                    { "type": "HEADER", "format": "TEXT", "text": "Order {{1}}",
                      "example": { "header_text": ["A-17"] } },
                    { "type": "BODY", "text": "Hi {{1}}, {{2}} is on its way.",
                      "example": { "body_text": [["Ana", "your parcel"]] } },
                    { "type": "FOOTER", "text": "Reply STOP to opt out" },
                    { "type": "BUTTONS", "buttons": [
                        { "type": "URL", "text": "Track", "url": "https://example.com/t/{{1}}",
                          "example": ["https://example.com/t/A-17"] },
                        { "type": "PHONE_NUMBER", "text": "Call us", "phone_number": "+15550001111" },
                        { "type": "QUICK_REPLY", "text": "Thanks" },
                        { "type": "COPY_CODE", "example": ["SAVE10"] },
                        { "type": "VOICE_CALL", "text": "Call on WhatsApp" },
                        { "type": "FLOW", "text": "Book", "flow_id": "99" },
                        { "type": "OTP", "otp_type": "COPY_CODE", "text": "Copy" },
                        { "type": "CATALOG", "text": "View" }
                    ] }
                ]
            }),
            json!({
                "id": "77", "name": "ticket", "language": "de",
                "status": "PAUSED", "category": "MARKETING", "parameter_format": "NAMED",
                "components": [
                    { "type": "HEADER", "format": "TEXT", "text": "Ticket {{ticket}}",
                      "example": { "header_text_named_params": [
                          { "param_name": "ticket", "example": "T-1" } ] } },
                    { "type": "BODY", "text": "Hallo {{first_name}}",
                      "example": { "body_text_named_params": [
                          { "param_name": "first_name", "example": "Ana" } ] } }
                ]
            }),
            json!({
                "id": "78", "name": "media", "language": "fr",
                "status": "UNARCHIVED", "category": "AUTHENTICATION",
                "components": [
                    { "type": "HEADER", "format": "IMAGE",
                      "example": { "header_handle": ["4::aW1h"] } },
                    { "type": "HEADER", "format": "STICKER" },
                    { "type": "HEADER" },
                    { "type": "BODY" },
                    { "type": "FOOTER" },
                    { "type": "BUTTONS" },
                    { "type": "CAROUSEL", "cards": [] },
                    { "type": "call_permission_request" },
                    { "type": "CALL_PERMISSION_REQUEST" }
                ]
            }),
            json!({
                "id": "79", "name": "future", "language": "ja",
                "status": "SOMETHING_NEW", "category": "SERVICE", "components": []
            }),
            json!({ "id": "80", "name": "bare", "status": "PENDING" }),
        ];
        for f in fixtures {
            let t = meta(f);
            assert_eq!(rule_of(&t), through_json(&t).unwrap(), "{}", t.name);
        }
    }

    #[test]
    fn what_the_json_round_trip_refused_now_lists() {
        // An unknown parameter format or an example of another shape made
        // the whole template fail to parse (and be skipped).
        let t = meta(json!({
            "id": "81", "name": "odd", "language": "en", "status": "APPROVED",
            "category": "UTILITY", "parameter_format": "MIXED",
            "components": [
                { "type": "BODY", "text": "Hi {{1}}", "example": { "body_text": "Ana" } },
                { "type": "BUTTONS", "buttons": [
                    { "type": "URL", "text": "Go", "url": "https://e.com/{{1}}", "example": "https://e.com/x" } ] }
            ]
        }));
        assert!(through_json(&t).is_err());
        let rule = rule_of(&t);
        assert_eq!(rule.parameter_format, ParameterFormat::Positional);
        assert_eq!(rule.body_text(), "Hi {{1}}");
        let Component::Buttons { buttons } = &rule.components[1] else {
            panic!("buttons: {:?}", rule.components);
        };
        assert_eq!(buttons[0].example, vec!["https://e.com/x".to_owned()]);
    }
}
