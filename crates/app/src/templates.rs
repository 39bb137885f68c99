//! Templates as the picker shows them: the store's (the hub's view of the
//! team's templates) searched by name, content and tag, their parameters
//! checked and a preview rendered by the domain's rules
//! (`switchboard_domain::templates`), never in the UI.
//!
//! The values ([`TemplateValues`]) are the body's and a text header's, in
//! order, and the end of each URL button's web address, as the hub's agent
//! API takes them (`TemplateSend`), checked as the hub checks them. The
//! preview shows the header (text, or the kind of media the customer sees),
//! body, footer and buttons, says how many values the header takes and which
//! buttons take one, and each problem with its part (and button).
//!
//! Here: what the commands carry and their pure checks; the commands
//! themselves are in [`crate::core`]'s `templates` module.

use serde::{Deserialize, Serialize};
use switchboard_domain::limits::MessageLimits;
use switchboard_domain::templates::{
    self as rules, Component, HeaderFormat, ParamErrorReason, ParamKey, ParamSlot, Params,
    PreviewHeader, TemplateParams,
};
use switchboard_protocol::{
    ButtonValue, Template, TemplateButton, TemplateButtonKind, TemplateCategory, TemplateMedia,
    TemplateSend, TemplateStatus,
};
use switchboard_store::{Store, StoreError, TemplateFilter};
use ts_rs::TS;

/// What the agent looks for.
#[derive(Debug, Clone, Default, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct TemplateQuery {
    /// Words matched against the name, the tags and the text (empty: all).
    #[serde(default)]
    pub query: String,
    /// Only this language (`de` also finds `de_DE`); also ranks it first.
    pub language: Option<String>,
    pub category: Option<TemplateCategory>,
}

/// The values a template is filled with: the body's in order, a text
/// header's in order, and the end of each URL button's web address by the
/// button's index.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct TemplateValues {
    #[serde(default)]
    pub params: Vec<String>,
    #[serde(default)]
    pub header_params: Vec<String>,
    #[serde(default)]
    pub button_params: Vec<ButtonValue>,
}

impl TemplateValues {
    /// Body values only.
    pub fn body(params: Vec<String>) -> Self {
        Self {
            params,
            ..Self::default()
        }
    }

    /// As the domain's rules take them.
    fn rule_params(&self) -> TemplateParams {
        TemplateParams {
            header: Params::Positional(self.header_params.clone()),
            body: Params::Positional(self.params.clone()),
            buttons: self
                .button_params
                .iter()
                .map(|b| (b.index as usize, b.value.clone()))
                .collect(),
        }
    }

    /// The send of `template` with these values.
    pub fn into_send(self, template: &Template) -> TemplateSend {
        TemplateSend {
            name: template.name.clone(),
            language: template.language.clone(),
            params: self.params,
            header_params: self.header_params,
            button_params: self.button_params,
        }
    }
}

/// A template and its values.
#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct TemplateFill {
    pub template_id: String,
    #[serde(flatten)]
    pub values: TemplateValues,
}

/// Why a value cannot be sent (the domain's reasons).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum ParamProblemReason {
    NotApproved,
    WrongFormat,
    Missing,
    Unexpected,
    Empty,
    TooLong,
    NewlineOrTab,
    TooManySpaces,
    InvalidUrlSuffix,
}

/// The part of a template a parameter belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum ParamPart {
    Header,
    Body,
    Button,
}

/// A problem with the values: which part (none: the template as a whole),
/// which button of it (a button's: its index), which parameter of it
/// (1-based), and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ParamProblem {
    pub part: Option<ParamPart>,
    pub button: Option<u32>,
    pub position: Option<u32>,
    pub reason: ParamProblemReason,
}

/// The message as the customer will see it, and what is wrong with the
/// values (empty: it can be sent).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct TemplatePreview {
    /// A text header, filled.
    pub header: Option<String>,
    /// A media header: what the customer sees above the text.
    pub header_media: Option<TemplateMedia>,
    pub body: String,
    pub footer: Option<String>,
    /// The buttons, URL suffixes filled.
    pub buttons: Vec<TemplateButton>,
    pub problems: Vec<ParamProblem>,
    /// How many values the text header takes (`header_params`).
    pub header_values: u32,
    /// The buttons (by index) whose web address ends in a value
    /// (`button_params`).
    pub button_values: Vec<u32>,
}

/// The hub's template as the domain's rules read it: header (text or
/// media), body, footer and buttons.
fn rule_of(t: &Template) -> rules::Template {
    let mut components = Vec::new();
    if let Some(text) = &t.header {
        components.push(Component::Header {
            format: HeaderFormat::Text,
            text: Some(text.clone()),
            example: None,
        });
    } else if let Some(media) = t.header_media {
        components.push(Component::Header {
            format: header_format(media),
            text: None,
            example: None,
        });
    }
    components.push(Component::Body {
        text: t.body.clone(),
        example: None,
    });
    if let Some(text) = &t.footer {
        components.push(Component::Footer { text: text.clone() });
    }
    if !t.buttons.is_empty() {
        components.push(Component::Buttons {
            buttons: t
                .buttons
                .iter()
                .map(|b| rules::Button {
                    kind: button_kind(b.kind),
                    text: b.text.clone(),
                    url: b.url.clone(),
                    phone_number: b.phone_number.clone(),
                    example: Vec::new(),
                })
                .collect(),
        });
    }
    if t.call_permission_request {
        components.push(Component::CallPermissionRequest);
    }
    rules::Template {
        id: Some(t.id.clone()),
        name: t.name.clone(),
        language: t.language.clone(),
        status: status_rule(t.status),
        category: match t.category {
            TemplateCategory::Marketing => rules::TemplateCategory::Marketing,
            TemplateCategory::Utility => rules::TemplateCategory::Utility,
            TemplateCategory::Authentication => rules::TemplateCategory::Authentication,
        },
        parameter_format: parameter_format(&t.body),
        components,
        tags: t.tags.clone(),
    }
}

/// Named when a placeholder of the body is not a number (`{{first_name}}`),
/// as Meta's `parameter_format` says; the wire keeps only the text.
fn parameter_format(body: &str) -> rules::ParameterFormat {
    let named = body.split("{{").skip(1).any(|rest| {
        rest.split_once("}}")
            .is_some_and(|(key, _)| !key.trim().chars().all(|c| c.is_ascii_digit()))
    });
    if named {
        rules::ParameterFormat::Named
    } else {
        rules::ParameterFormat::Positional
    }
}

fn header_format(m: TemplateMedia) -> HeaderFormat {
    match m {
        TemplateMedia::Image => HeaderFormat::Image,
        TemplateMedia::Video => HeaderFormat::Video,
        TemplateMedia::Document => HeaderFormat::Document,
        TemplateMedia::Location => HeaderFormat::Location,
        TemplateMedia::Other => HeaderFormat::Unknown,
    }
}

fn button_kind(k: TemplateButtonKind) -> rules::ButtonKind {
    use rules::ButtonKind as R;
    match k {
        TemplateButtonKind::QuickReply => R::QuickReply,
        TemplateButtonKind::Url => R::Url,
        TemplateButtonKind::PhoneNumber => R::PhoneNumber,
        TemplateButtonKind::CopyCode => R::CopyCode,
        TemplateButtonKind::Otp => R::Otp,
        TemplateButtonKind::Flow => R::Flow,
        TemplateButtonKind::VoiceCall => R::VoiceCall,
        TemplateButtonKind::Other => R::Unknown,
    }
}

fn status_rule(s: TemplateStatus) -> rules::TemplateStatus {
    use rules::TemplateStatus as R;
    match s {
        TemplateStatus::Approved => R::Approved,
        TemplateStatus::Pending => R::Pending,
        TemplateStatus::Rejected => R::Rejected,
        TemplateStatus::Paused => R::Paused,
        TemplateStatus::Disabled => R::Disabled,
        TemplateStatus::InAppeal => R::InAppeal,
        TemplateStatus::Flagged => R::Flagged,
        TemplateStatus::Reinstated => R::Reinstated,
        TemplateStatus::PendingDeletion => R::PendingDeletion,
        TemplateStatus::Deleted => R::Deleted,
        TemplateStatus::Archived => R::Archived,
        TemplateStatus::Unarchived => R::Unarchived,
        TemplateStatus::LimitExceeded => R::LimitExceeded,
        TemplateStatus::Locked => R::Locked,
        TemplateStatus::Unknown => R::Unknown,
    }
}

fn reason(r: ParamErrorReason) -> ParamProblemReason {
    match r {
        ParamErrorReason::NotApproved => ParamProblemReason::NotApproved,
        ParamErrorReason::WrongFormat => ParamProblemReason::WrongFormat,
        ParamErrorReason::Missing => ParamProblemReason::Missing,
        ParamErrorReason::Unexpected => ParamProblemReason::Unexpected,
        ParamErrorReason::Empty => ParamProblemReason::Empty,
        ParamErrorReason::TooLong => ParamProblemReason::TooLong,
        ParamErrorReason::NewlineOrTab => ParamProblemReason::NewlineOrTab,
        ParamErrorReason::TooManySpaces => ParamProblemReason::TooManySpaces,
        ParamErrorReason::InvalidUrlSuffix => ParamProblemReason::InvalidUrlSuffix,
    }
}

/// The approved templates that match, best first (the domain's ranking).
pub fn search(store: &Store, q: &TemplateQuery) -> Result<Vec<Template>, StoreError> {
    let stored = store.templates(&TemplateFilter {
        language: q.language.clone(),
        category: q.category,
        approved_only: true,
    })?;
    let rules: Vec<rules::Template> = stored.iter().map(rule_of).collect();
    let hits = rules::search(&rules, &q.query, q.language.as_deref());
    Ok(hits
        .iter()
        .filter_map(|h| {
            let id = h.template.id.as_deref()?;
            stored.iter().find(|t| t.id == id).cloned()
        })
        .collect())
}

/// The template `id` from the store.
pub fn template(store: &Store, id: &str) -> Result<Option<Template>, StoreError> {
    Ok(store
        .templates(&TemplateFilter::default())?
        .into_iter()
        .find(|t| t.id == id))
}

/// The preview of `template` filled with `values`, the problems, and the
/// values it takes beyond the body's.
pub fn preview(
    template: &Template,
    values: &TemplateValues,
    limits: &MessageLimits,
) -> TemplatePreview {
    let rule = rule_of(template);
    let values = values.rule_params();
    let placeholders = rule.placeholders();
    let header_values = placeholders
        .iter()
        .filter(|p| p.slot == ParamSlot::Header)
        .count() as u32;
    let button_values = placeholders
        .iter()
        .filter_map(|p| match p.slot {
            ParamSlot::Button(i) => Some(i as u32),
            _ => None,
        })
        .collect();
    let problems = match rules::validate_params(&rule, &values, limits) {
        Ok(()) => Vec::new(),
        Err(errors) => errors
            .into_iter()
            .map(|e| ParamProblem {
                part: e.slot.map(|slot| match slot {
                    ParamSlot::Header => ParamPart::Header,
                    ParamSlot::Body => ParamPart::Body,
                    ParamSlot::Button(_) => ParamPart::Button,
                }),
                button: match e.slot {
                    Some(ParamSlot::Button(i)) => Some(i as u32),
                    _ => None,
                },
                position: match e.key {
                    Some(ParamKey::Positional(n)) => Some(n),
                    _ => None,
                },
                reason: reason(e.reason),
            })
            .collect(),
    };
    let shown = rules::render_preview(&rule, &values);
    TemplatePreview {
        header: match shown.header {
            Some(PreviewHeader::Text { text }) => Some(text),
            _ => None,
        },
        // The wire's media kind, as the hub derived it from Meta's.
        header_media: template
            .header
            .is_none()
            .then_some(template.header_media)
            .flatten(),
        body: shown.body,
        footer: shown.footer,
        buttons: shown
            .buttons
            .into_iter()
            .zip(&template.buttons)
            .map(|(shown, b)| TemplateButton {
                kind: b.kind,
                text: shown.text,
                url: shown.url,
                phone_number: b.phone_number.clone(),
            })
            .collect(),
        problems,
        header_values,
        button_values,
    }
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    fn template(id: &str, name: &str, language: &str, body: &str, tags: &[&str]) -> Template {
        serde_json::from_value(json!({
            "id": id, "waba_id": "w-1", "name": name, "language": language,
            "category": "utility", "status": "approved", "header": "Switchboard Store",
            "body": body, "footer": "Danke!",
            "param_count": body.matches("{{").count(), "tags": tags,
            "call_permission_request": false,
        }))
        .unwrap()
    }

    fn store() -> Store {
        let mut store = Store::in_memory().unwrap();
        let mut pending = template("t9", "draft_offer", "de", "Angebot {{1}}", &[]);
        pending.status = TemplateStatus::Pending;
        let changes: Vec<switchboard_protocol::Change> = [
            template(
                "t1",
                "order_update",
                "de",
                "Ihre Bestellung {{1}} kommt am {{2}}.",
                &["versand"],
            ),
            template(
                "t2",
                "order_update",
                "en_US",
                "Your order {{1}} arrives on {{2}}.",
                &["shipping"],
            ),
            template(
                "t3",
                "reengage",
                "ja",
                "{{first_name}}様、ご連絡ください。",
                &[],
            ),
            pending,
        ]
        .into_iter()
        .enumerate()
        .map(|(i, t)| switchboard_protocol::Change {
            seq: i as i64 + 1,
            change: switchboard_protocol::ChangeData::Template(t),
        })
        .collect();
        store.apply_batch(&changes, 4).unwrap();
        store
    }

    fn ids(found: Vec<Template>) -> Vec<String> {
        found.into_iter().map(|t| t.id).collect()
    }

    #[test]
    fn search_by_name_text_and_tag_in_a_language_approved_only() {
        let store = store();
        let q = |query: &str, language: Option<&str>| TemplateQuery {
            query: query.into(),
            language: language.map(str::to_owned),
            category: None,
        };
        assert_eq!(ids(search(&store, &q("order", None)).unwrap()).len(), 2);
        assert_eq!(ids(search(&store, &q("Bestellung", None)).unwrap()), ["t1"]);
        assert_eq!(ids(search(&store, &q("shipping", None)).unwrap()), ["t2"]);
        assert_eq!(ids(search(&store, &q("", Some("de"))).unwrap()), ["t1"]);
        assert!(
            search(&store, &q("Angebot", None)).unwrap().is_empty(),
            "not approved"
        );
    }

    #[test]
    fn a_preview_fills_the_values_and_says_what_is_missing() {
        let store = store();
        let t = template_of(&store, "t1");
        let limits = MessageLimits::default();
        let missing = preview(&t, &TemplateValues::body(vec!["A-1043".into()]), &limits);
        assert_eq!(missing.body, "Ihre Bestellung A-1043 kommt am {{2}}.");
        assert_eq!(
            missing.problems,
            [ParamProblem {
                part: Some(ParamPart::Body),
                button: None,
                position: Some(2),
                reason: ParamProblemReason::Missing
            }]
        );
        let full = preview(
            &t,
            &TemplateValues::body(vec!["A-1043".into(), "Montag".into()]),
            &limits,
        );
        assert!(full.problems.is_empty());
        assert_eq!(full.body, "Ihre Bestellung A-1043 kommt am Montag.");
        assert_eq!(full.header.as_deref(), Some("Switchboard Store"));
        assert_eq!(full.footer.as_deref(), Some("Danke!"));
        let bad = preview(
            &t,
            &TemplateValues::body(vec!["A-1043".into(), "Mon\ttag".into()]),
            &limits,
        );
        assert_eq!(bad.problems[0].reason, ParamProblemReason::NewlineOrTab);
        // Named parameters: refused as the hub refuses them (values in order).
        let named = template_of(&store, "t3");
        assert!(
            !preview(&named, &TemplateValues::body(vec!["Yuki".into()]), &limits)
                .problems
                .is_empty()
        );
    }

    #[test]
    fn a_preview_shows_a_media_header_and_the_buttons_and_a_url_value_it_cannot_send() {
        let mut t: Template = serde_json::from_value(serde_json::json!({
            "id": "t9", "waba_id": "w", "name": "receipt", "language": "en",
            "category": "utility", "status": "approved", "header": null,
            "header_media": "image", "body": "Order {{1}} shipped.", "footer": null,
            "buttons": [
                {"kind": "quick_reply", "text": "Thanks"},
                {"kind": "phone_number", "text": "Call us", "phone_number": "+4930123456"},
                {"kind": "url", "text": "Track", "url": "https://example.com/track"}
            ],
            "param_count": 1, "tags": [], "call_permission_request": false
        }))
        .unwrap();
        let limits = MessageLimits::default();
        let shown = preview(&t, &TemplateValues::body(vec!["A-7".into()]), &limits);
        assert!(shown.problems.is_empty(), "{:?}", shown.problems);
        assert_eq!(shown.header, None);
        assert_eq!(shown.header_media, Some(TemplateMedia::Image));
        assert_eq!(shown.body, "Order A-7 shipped.");
        let buttons: Vec<_> = shown
            .buttons
            .iter()
            .map(|b| {
                (
                    b.kind,
                    b.text.as_str(),
                    b.url.as_deref(),
                    b.phone_number.as_deref(),
                )
            })
            .collect();
        assert_eq!(
            buttons,
            [
                (TemplateButtonKind::QuickReply, "Thanks", None, None),
                (
                    TemplateButtonKind::PhoneNumber,
                    "Call us",
                    None,
                    Some("+4930123456")
                ),
                (
                    TemplateButtonKind::Url,
                    "Track",
                    Some("https://example.com/track"),
                    None
                ),
            ]
        );
        assert_eq!((shown.header_values, shown.button_values), (0, vec![]));
        // A URL that ends in a value: the preview says the button takes
        // one, and that it is missing until given.
        t.buttons[2].url = Some("https://example.com/track/{{1}}".into());
        let shown = preview(&t, &TemplateValues::body(vec!["A-7".into()]), &limits);
        assert_eq!(
            (shown.header_values, shown.button_values.as_slice()),
            (0, &[2][..])
        );
        assert_eq!(
            shown.problems,
            [ParamProblem {
                part: Some(ParamPart::Button),
                button: Some(2),
                position: Some(1),
                reason: ParamProblemReason::Missing
            }]
        );
        let given = |value: &str| TemplateValues {
            button_params: vec![ButtonValue {
                index: 2,
                value: value.into(),
            }],
            ..TemplateValues::body(vec!["A-7".into()])
        };
        let shown = preview(&t, &given("A-7"), &limits);
        assert_eq!(shown.problems, []);
        assert_eq!(
            shown.buttons[2].url.as_deref(),
            Some("https://example.com/track/A-7")
        );
        assert_eq!(
            preview(&t, &given("a b"), &limits).problems[0].reason,
            ParamProblemReason::InvalidUrlSuffix
        );
    }

    #[test]
    fn a_text_headers_values_are_counted_checked_and_filled() {
        let mut t = template_of(&store(), "t1");
        t.header = Some("Appointment {{1}}".into());
        let limits = MessageLimits::default();
        let body = vec!["A-1043".to_owned(), "Montag".to_owned()];
        let missing = preview(&t, &TemplateValues::body(body.clone()), &limits);
        assert_eq!(missing.header_values, 1);
        assert_eq!(
            missing.problems,
            [ParamProblem {
                part: Some(ParamPart::Header),
                button: None,
                position: Some(1),
                reason: ParamProblemReason::Missing
            }]
        );
        let values = TemplateValues {
            header_params: vec!["Mo 9:00".into()],
            ..TemplateValues::body(body)
        };
        let shown = preview(&t, &values, &limits);
        assert_eq!(shown.problems, []);
        assert_eq!(shown.header.as_deref(), Some("Appointment Mo 9:00"));
        let send = values.into_send(&t);
        assert_eq!(send.header_params, ["Mo 9:00"]);
        assert_eq!(
            (send.name.as_str(), send.language.as_str()),
            ("order_update", "de")
        );
    }

    fn template_of(store: &Store, id: &str) -> Template {
        super::template(store, id).unwrap().unwrap()
    }
}
