//! The message templates the sandbox's WhatsApp Business Account holds: their
//! record (as Meta's list returns it) and the seed every sandbox starts with.
//! Data only: the Graph endpoints that list them and check a template send
//! are `graph::templates`.

use serde::Serialize;
use serde_json::{Value, json};

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

    /// Its component of `kind` (`HEADER`, `BODY`, `FOOTER`, `BUTTONS`), if any.
    pub fn component(&self, kind: &str) -> Option<&Value> {
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
