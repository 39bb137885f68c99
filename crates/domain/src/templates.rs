//! Message templates: Meta's component shape, parameters, validation,
//! preview, search and language choice.
//!
//! Templates are parsed from the JSON Meta returns for
//! `GET /{waba-id}/message_templates` (`{name, language, status, category,
//! parameter_format, components: [{type: HEADER|BODY|FOOTER|BUTTONS, ...}]}`).
//! Only `APPROVED` templates are sendable.

use std::collections::{BTreeMap, BTreeSet};

use serde::{Deserialize, Serialize};
use unicode_normalization::UnicodeNormalization;

use crate::limits::MessageLimits;

/// Meta's template status. Only [`TemplateStatus::Approved`] can be sent.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum TemplateStatus {
    /// Sendable.
    Approved,
    /// In review (up to 24 h).
    Pending,
    /// Refused by review.
    Rejected,
    /// Paused for low quality.
    Paused,
    /// Disabled for low quality.
    Disabled,
    /// Rejection under appeal.
    InAppeal,
    /// Flagged for quality.
    Flagged,
    /// Reinstated after a pause.
    Reinstated,
    /// Being deleted.
    PendingDeletion,
    /// Deleted.
    Deleted,
    /// Archived.
    Archived,
    /// Unarchived.
    Unarchived,
    /// Over the template count limit.
    LimitExceeded,
    /// Locked.
    Locked,
    /// Any status Meta adds later.
    #[serde(other)]
    Unknown,
}

impl TemplateStatus {
    /// Whether a template with this status may be sent.
    pub fn is_sendable(self) -> bool {
        self == TemplateStatus::Approved
    }
}

/// Meta's template category.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum TemplateCategory {
    /// Marketing.
    Marketing,
    /// Utility (free inside an open window).
    Utility,
    /// Authentication (one-time codes).
    Authentication,
    /// Any category Meta adds later.
    #[serde(other)]
    Unknown,
}

/// How parameters are written in the template text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum ParameterFormat {
    /// `{{1}}`, `{{2}}`, ... (Meta's default).
    #[default]
    #[serde(alias = "positional")]
    Positional,
    /// `{{first_name}}`.
    #[serde(alias = "named")]
    Named,
}

/// The format of a header.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum HeaderFormat {
    /// Text (≤ 60 characters, ≤ 1 parameter).
    #[default]
    Text,
    /// An image.
    Image,
    /// A video.
    Video,
    /// A document.
    Document,
    /// A location.
    Location,
    /// Anything else.
    #[serde(other)]
    Unknown,
}

/// A button's type.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum ButtonKind {
    /// A quick-reply button.
    QuickReply,
    /// A URL button (may end in one `{{1}}`).
    Url,
    /// A call-phone-number button.
    PhoneNumber,
    /// A copy-code button.
    CopyCode,
    /// A one-time-password button.
    Otp,
    /// A WhatsApp Flow.
    Flow,
    /// A WhatsApp voice call.
    #[serde(alias = "voice_call")]
    VoiceCall,
    /// Anything else (catalog, MPM, ...).
    #[serde(other)]
    Unknown,
}

/// Example values Meta keeps with a component.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct ComponentExample {
    /// `header_text: ["v"]`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub header_text: Vec<String>,
    /// `body_text: [["v1", "v2"]]`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub body_text: Vec<Vec<String>>,
    /// `header_text_named_params: [{param_name, example}]`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub header_text_named_params: Vec<NamedExample>,
    /// `body_text_named_params: [{param_name, example}]`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub body_text_named_params: Vec<NamedExample>,
}

/// An example for a named parameter.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NamedExample {
    /// The parameter's name.
    pub param_name: String,
    /// The example value.
    pub example: String,
}

/// One button of a `BUTTONS` component.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Button {
    /// The button's type.
    #[serde(rename = "type")]
    pub kind: ButtonKind,
    /// The label.
    #[serde(default)]
    pub text: String,
    /// For URL buttons: the URL, possibly ending in `{{1}}`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// For phone-number buttons: the number.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub phone_number: Option<String>,
    /// Examples (e.g. the full example URL).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub example: Vec<String>,
}

/// One component of a template, as Meta lists it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "SCREAMING_SNAKE_CASE")]
pub enum Component {
    /// The header.
    Header {
        /// Text or a media kind.
        #[serde(default)]
        format: HeaderFormat,
        /// For text headers.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        text: Option<String>,
        /// Examples.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        example: Option<ComponentExample>,
    },
    /// The body (required).
    Body {
        /// The text with placeholders.
        #[serde(default)]
        text: String,
        /// Examples.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        example: Option<ComponentExample>,
    },
    /// The footer (no parameters).
    Footer {
        /// The text.
        #[serde(default)]
        text: String,
    },
    /// The buttons.
    Buttons {
        /// Up to 10 buttons.
        #[serde(default)]
        buttons: Vec<Button>,
    },
    /// The call-permission-request component of a permission template.
    #[serde(alias = "call_permission_request")]
    CallPermissionRequest,
    /// Any component this version does not know.
    #[serde(other)]
    Unknown,
}

/// A message template.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Template {
    /// Meta's template id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// The name (lowercase, digits, `_`); the same name exists once per language.
    pub name: String,
    /// The language code, e.g. `en_US`, `de`, `ja`.
    pub language: String,
    /// The review status.
    pub status: TemplateStatus,
    /// The category.
    pub category: TemplateCategory,
    /// Positional or named parameters.
    #[serde(default)]
    pub parameter_format: ParameterFormat,
    /// Header, body, footer, buttons.
    #[serde(default)]
    pub components: Vec<Component>,
    /// Switchboard's own tags (not from Meta), for search.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tags: Vec<String>,
}

/// Where a parameter sits.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(tag = "slot", content = "index", rename_all = "snake_case")]
pub enum ParamSlot {
    /// The header text.
    Header,
    /// The body.
    Body,
    /// The button at this index (URL buttons).
    Button(usize),
}

/// A parameter's key.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(untagged)]
pub enum ParamKey {
    /// `{{1}}` → 1.
    Positional(u32),
    /// `{{first_name}}` → `first_name`.
    Named(String),
}

impl std::fmt::Display for ParamKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ParamKey::Positional(n) => write!(f, "{n}"),
            ParamKey::Named(name) => f.write_str(name),
        }
    }
}

/// A placeholder found in a template.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Placeholder {
    /// Where it sits.
    pub slot: ParamSlot,
    /// Its key.
    pub key: ParamKey,
}

/// Parameter values for one slot: a list for positional templates
/// (`["Ana", "4711"]` fills `{{1}}`, `{{2}}`) or a map for named ones.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum Params {
    /// Values for `{{1}}`, `{{2}}`, ... in order.
    Positional(Vec<String>),
    /// Values by name.
    Named(BTreeMap<String, String>),
}

impl Default for Params {
    fn default() -> Self {
        Params::Positional(Vec::new())
    }
}

impl Params {
    fn get(&self, key: &ParamKey) -> Option<&str> {
        match (self, key) {
            (Params::Positional(values), ParamKey::Positional(n)) => usize::try_from(*n)
                .ok()
                .and_then(|n| n.checked_sub(1))
                .and_then(|i| values.get(i))
                .map(String::as_str),
            (Params::Named(values), ParamKey::Named(name)) => values.get(name).map(String::as_str),
            _ => None,
        }
    }

    fn keys(&self) -> Vec<ParamKey> {
        match self {
            Params::Positional(values) => (1..=values.len())
                .map(|n| ParamKey::Positional(u32::try_from(n).unwrap_or(u32::MAX)))
                .collect(),
            Params::Named(values) => values.keys().cloned().map(ParamKey::Named).collect(),
        }
    }

    fn is_empty(&self) -> bool {
        match self {
            Params::Positional(v) => v.is_empty(),
            Params::Named(m) => m.is_empty(),
        }
    }
}

/// The values an agent gives for a template send.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct TemplateParams {
    /// Header text parameters.
    #[serde(default)]
    pub header: Params,
    /// Body parameters.
    #[serde(default)]
    pub body: Params,
    /// The dynamic suffix of URL buttons, by button index.
    #[serde(default)]
    pub buttons: BTreeMap<usize, String>,
}

impl TemplateParams {
    fn slot(&self, slot: ParamSlot) -> Option<&str> {
        match slot {
            ParamSlot::Button(i) => self.buttons.get(&i).map(String::as_str),
            _ => None,
        }
    }

    fn params(&self, slot: ParamSlot) -> &Params {
        match slot {
            ParamSlot::Header => &self.header,
            _ => &self.body,
        }
    }

    fn value(&self, placeholder: &Placeholder) -> Option<&str> {
        match placeholder.slot {
            ParamSlot::Button(_) => self.slot(placeholder.slot),
            slot => self.params(slot).get(&placeholder.key),
        }
    }
}

/// Why a parameter value (or the template) cannot be sent.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ParamErrorReason {
    /// The template is not approved.
    NotApproved,
    /// Named values for a positional template or the other way round.
    WrongFormat,
    /// A placeholder has no value.
    Missing,
    /// A value has no placeholder.
    Unexpected,
    /// A value is empty or only whitespace (Meta refuses it).
    Empty,
    /// A value, or the text it produces, is too long.
    TooLong,
    /// A body/header value holds a newline or a tab (Meta 132018).
    NewlineOrTab,
    /// A value holds more than 4 consecutive spaces (Meta 132018).
    TooManySpaces,
    /// A URL-button value contains whitespace.
    InvalidUrlSuffix,
}

/// One problem with the values an agent gave.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ParamError {
    /// Where (`None` for the template as a whole).
    pub slot: Option<ParamSlot>,
    /// Which parameter, if one.
    pub key: Option<ParamKey>,
    /// Why.
    pub reason: ParamErrorReason,
}

/// The header of a rendered preview.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum PreviewHeader {
    /// Text.
    Text {
        /// The text with values filled in.
        text: String,
    },
    /// A media placeholder (the agent attaches the file).
    Media {
        /// Which media.
        format: HeaderFormat,
    },
}

/// A preview button.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PreviewButton {
    /// Its type.
    pub kind: ButtonKind,
    /// Its label.
    pub text: String,
    /// For URL buttons: the URL with the suffix filled in.
    pub url: Option<String>,
}

/// A template rendered with the values given so far; missing values stay
/// as their `{{placeholder}}` so the agent sees what is left.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Preview {
    /// The header.
    pub header: Option<PreviewHeader>,
    /// The body.
    pub body: String,
    /// The footer.
    pub footer: Option<String>,
    /// The buttons.
    pub buttons: Vec<PreviewButton>,
}

/// A search result.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SearchHit<'a> {
    /// The template.
    pub template: &'a Template,
    /// Higher is better.
    pub score: u32,
}

impl Template {
    /// Parse one template from Meta's JSON.
    pub fn from_json(json: &str) -> Result<Self, serde_json::Error> {
        serde_json::from_str(json)
    }

    /// Parse Meta's list response (`{data: [...], paging}`) or a bare array.
    pub fn list_from_json(json: &str) -> Result<Vec<Self>, serde_json::Error> {
        #[derive(Deserialize)]
        #[serde(untagged)]
        enum List {
            Paged { data: Vec<Template> },
            Bare(Vec<Template>),
        }
        serde_json::from_str::<List>(json).map(|l| match l {
            List::Paged { data } | List::Bare(data) => data,
        })
    }

    /// Whether it may be sent (only `APPROVED`).
    pub fn is_sendable(&self) -> bool {
        self.status.is_sendable()
    }

    /// The body text (empty if there is no body).
    pub fn body_text(&self) -> &str {
        self.components
            .iter()
            .find_map(|c| match c {
                Component::Body { text, .. } => Some(text.as_str()),
                _ => None,
            })
            .unwrap_or("")
    }

    /// The header text, for text headers.
    pub fn header_text(&self) -> Option<&str> {
        self.components.iter().find_map(|c| match c {
            Component::Header {
                format: HeaderFormat::Text,
                text,
                ..
            } => text.as_deref(),
            _ => None,
        })
    }

    /// The footer text.
    pub fn footer_text(&self) -> Option<&str> {
        self.components.iter().find_map(|c| match c {
            Component::Footer { text } => Some(text.as_str()),
            _ => None,
        })
    }

    /// The buttons.
    pub fn buttons(&self) -> &[Button] {
        self.components
            .iter()
            .find_map(|c| match c {
                Component::Buttons { buttons } => Some(buttons.as_slice()),
                _ => None,
            })
            .unwrap_or(&[])
    }

    /// Whether this is a call-permission-request template.
    pub fn is_call_permission_request(&self) -> bool {
        self.components
            .iter()
            .any(|c| matches!(c, Component::CallPermissionRequest))
    }

    /// Every placeholder, in order of appearance (header, body, buttons),
    /// without duplicates.
    pub fn placeholders(&self) -> Vec<Placeholder> {
        let mut out: Vec<Placeholder> = Vec::new();
        let mut push = |slot: ParamSlot, text: &str| {
            for key in scan_placeholders(text).into_iter().map(|p| p.key) {
                let p = Placeholder { slot, key };
                if !out.contains(&p) {
                    out.push(p);
                }
            }
        };
        if let Some(text) = self.header_text() {
            push(ParamSlot::Header, text);
        }
        push(ParamSlot::Body, self.body_text());
        for (i, b) in self.buttons().iter().enumerate() {
            if b.kind == ButtonKind::Url
                && let Some(url) = &b.url
            {
                push(ParamSlot::Button(i), url);
            }
        }
        out
    }
}

/// A placeholder occurrence in a text.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Occurrence {
    start: usize,
    end: usize,
    key: ParamKey,
}

/// Find `{{1}}` / `{{name}}` placeholders (spaces inside the braces allowed).
fn scan_placeholders(text: &str) -> Vec<Occurrence> {
    let mut out = Vec::new();
    let mut rest = 0;
    while let Some(open) = text.get(rest..).and_then(|s| s.find("{{")) {
        let start = rest + open;
        let inner_start = start + 2;
        let Some(close) = text.get(inner_start..).and_then(|s| s.find("}}")) else {
            break;
        };
        let inner_end = inner_start + close;
        let inner = text.get(inner_start..inner_end).unwrap_or("").trim();
        let end = inner_end + 2;
        let key = if !inner.is_empty() && inner.bytes().all(|b| b.is_ascii_digit()) {
            inner.parse::<u32>().ok().map(ParamKey::Positional)
        } else if !inner.is_empty()
            && inner
                .bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_')
            && inner.bytes().next().is_some_and(|b| b.is_ascii_lowercase())
        {
            Some(ParamKey::Named(inner.to_owned()))
        } else {
            None
        };
        match key {
            Some(key) => {
                out.push(Occurrence { start, end, key });
                rest = end;
            }
            None => rest = inner_start,
        }
    }
    out
}

/// Replace placeholders with values; missing values stay as `{{key}}`.
fn fill(text: &str, slot: ParamSlot, params: &TemplateParams) -> String {
    let mut out = String::with_capacity(text.len());
    let mut last = 0;
    for occ in scan_placeholders(text) {
        out.push_str(text.get(last..occ.start).unwrap_or(""));
        let p = Placeholder { slot, key: occ.key };
        match params.value(&p) {
            Some(v) => out.push_str(v),
            None => out.push_str(text.get(occ.start..occ.end).unwrap_or("")),
        }
        last = occ.end;
    }
    out.push_str(text.get(last..).unwrap_or(""));
    out
}

/// Check the values an agent gave against the template: approval, format,
/// count, empty values, lengths and the characters Meta refuses.
/// Returns every problem, not just the first.
pub fn validate_params(
    template: &Template,
    params: &TemplateParams,
    limits: &MessageLimits,
) -> Result<(), Vec<ParamError>> {
    let mut errors = Vec::new();
    let err = |slot, key, reason| ParamError { slot, key, reason };
    if !template.is_sendable() {
        errors.push(err(None, None, ParamErrorReason::NotApproved));
    }
    let placeholders = template.placeholders();
    for slot in [ParamSlot::Header, ParamSlot::Body] {
        let given = params.params(slot);
        let wanted: BTreeSet<ParamKey> = placeholders
            .iter()
            .filter(|p| p.slot == slot)
            .map(|p| p.key.clone())
            .collect();
        let format_ok = match given {
            Params::Positional(_) => template.parameter_format == ParameterFormat::Positional,
            Params::Named(_) => template.parameter_format == ParameterFormat::Named,
        };
        if !format_ok && !given.is_empty() {
            errors.push(err(Some(slot), None, ParamErrorReason::WrongFormat));
            continue;
        }
        for key in &wanted {
            match given.get(key) {
                None => errors.push(err(
                    Some(slot),
                    Some(key.clone()),
                    ParamErrorReason::Missing,
                )),
                Some(v) => {
                    if let Some(reason) = check_text_value(v, limits) {
                        errors.push(err(Some(slot), Some(key.clone()), reason));
                    }
                }
            }
        }
        for key in given.keys() {
            if !wanted.contains(&key) {
                errors.push(err(Some(slot), Some(key), ParamErrorReason::Unexpected));
            }
        }
    }
    for (i, button) in template.buttons().iter().enumerate() {
        let slot = ParamSlot::Button(i);
        let wanted = placeholders.iter().find(|p| p.slot == slot);
        match (wanted, params.buttons.get(&i)) {
            (Some(p), None) => errors.push(err(
                Some(slot),
                Some(p.key.clone()),
                ParamErrorReason::Missing,
            )),
            (Some(p), Some(v)) => {
                let reason = if v.trim().is_empty() {
                    Some(ParamErrorReason::Empty)
                } else if v.chars().any(char::is_whitespace) {
                    Some(ParamErrorReason::InvalidUrlSuffix)
                } else if button.url.as_deref().map_or(0, |u| u.chars().count()) + v.chars().count()
                    > limits.template_url_param_max_chars
                {
                    Some(ParamErrorReason::TooLong)
                } else {
                    None
                };
                if let Some(reason) = reason {
                    errors.push(err(Some(slot), Some(p.key.clone()), reason));
                }
            }
            (None, Some(_)) => errors.push(err(Some(slot), None, ParamErrorReason::Unexpected)),
            (None, None) => {}
        }
    }
    for &i in params.buttons.keys() {
        if i >= template.buttons().len() {
            errors.push(err(
                Some(ParamSlot::Button(i)),
                None,
                ParamErrorReason::Unexpected,
            ));
        }
    }
    // Lengths after substitution.
    if let Some(text) = template.header_text()
        && fill(text, ParamSlot::Header, params).chars().count() > limits.template_header_max_chars
    {
        errors.push(err(
            Some(ParamSlot::Header),
            None,
            ParamErrorReason::TooLong,
        ));
    }
    if fill(template.body_text(), ParamSlot::Body, params)
        .chars()
        .count()
        > limits.template_body_max_chars
    {
        errors.push(err(Some(ParamSlot::Body), None, ParamErrorReason::TooLong));
    }
    if errors.is_empty() {
        Ok(())
    } else {
        Err(errors)
    }
}

/// What Meta refuses in a header/body value.
fn check_text_value(value: &str, limits: &MessageLimits) -> Option<ParamErrorReason> {
    if value.trim().is_empty() {
        return Some(ParamErrorReason::Empty);
    }
    if value.chars().count() > limits.template_param_max_chars {
        return Some(ParamErrorReason::TooLong);
    }
    if value.contains(['\n', '\r', '\t']) {
        return Some(ParamErrorReason::NewlineOrTab);
    }
    let mut run = 0usize;
    for c in value.chars() {
        run = if c == ' ' { run + 1 } else { 0 };
        if run > limits.template_param_max_consecutive_spaces {
            return Some(ParamErrorReason::TooManySpaces);
        }
    }
    None
}

/// The template with the values given so far, for the composer's preview.
pub fn render_preview(template: &Template, params: &TemplateParams) -> Preview {
    let header = template.components.iter().find_map(|c| match c {
        Component::Header {
            format: HeaderFormat::Text,
            text,
            ..
        } => Some(PreviewHeader::Text {
            text: fill(text.as_deref().unwrap_or(""), ParamSlot::Header, params),
        }),
        Component::Header { format, .. } => Some(PreviewHeader::Media { format: *format }),
        _ => None,
    });
    let buttons = template
        .buttons()
        .iter()
        .enumerate()
        .map(|(i, b)| PreviewButton {
            kind: b.kind,
            text: b.text.clone(),
            url: b
                .url
                .as_deref()
                .map(|u| fill(u, ParamSlot::Button(i), params)),
        })
        .collect();
    Preview {
        header,
        body: fill(template.body_text(), ParamSlot::Body, params),
        footer: template.footer_text().map(str::to_owned),
        buttons,
    }
}

/// Lowercase, NFKC-normalised text for matching (full-width letters and
/// digits match their ASCII forms; `_` and `-` count as spaces).
fn normalize(text: &str) -> String {
    text.nfkc()
        .flat_map(char::to_lowercase)
        .map(|c| if c == '_' || c == '-' { ' ' } else { c })
        .collect()
}

/// The base of a language code: `de_DE` → `de`, `pt-BR` → `pt`.
pub fn base_language(code: &str) -> &str {
    code.split(['_', '-']).next().unwrap_or(code)
}

fn same_language(a: &str, b: &str) -> bool {
    a.replace('-', "_")
        .eq_ignore_ascii_case(&b.replace('-', "_"))
}

/// Search approved templates by name, content and tag.
///
/// Every word of the query must match the name, a tag, the header, body or
/// footer. Ranking: exact name, then name prefix, name words, tags, then
/// content; a template in `language` (exact, then same base language) ranks
/// above others with the same score; ties by name then language. An empty
/// query lists every approved template. Non-approved templates never appear.
pub fn search<'a>(
    templates: &'a [Template],
    query: &str,
    language: Option<&str>,
) -> Vec<SearchHit<'a>> {
    let query = normalize(query);
    let words: Vec<&str> = query.split_whitespace().collect();
    let joined = words.join(" ");
    let mut hits: Vec<SearchHit<'a>> = templates
        .iter()
        .filter(|t| t.is_sendable())
        .filter_map(|t| {
            let name = normalize(&t.name);
            let tags: Vec<String> = t.tags.iter().map(|tag| normalize(tag)).collect();
            let content = normalize(&format!(
                "{} {} {}",
                t.header_text().unwrap_or(""),
                t.body_text(),
                t.footer_text().unwrap_or("")
            ));
            let mut score: u32 = 0;
            if !words.is_empty() {
                if name == joined {
                    score += 1000;
                } else if name.starts_with(&joined) {
                    score += 500;
                }
            }
            for w in &words {
                let word_score = if name.split_whitespace().any(|n| n == *w) {
                    120
                } else if name.split_whitespace().any(|n| n.starts_with(w)) {
                    90
                } else if name.contains(w) {
                    60
                } else if tags.iter().any(|tag| tag == w) {
                    80
                } else if tags.iter().any(|tag| tag.contains(w)) {
                    50
                } else if content.split_whitespace().any(|c| c == *w) {
                    30
                } else if content.contains(w) {
                    20
                } else {
                    return None;
                };
                score += word_score;
            }
            if let Some(lang) = language {
                if same_language(&t.language, lang) {
                    score += 10;
                } else if base_language(&t.language).eq_ignore_ascii_case(base_language(lang)) {
                    score += 5;
                }
            }
            Some(SearchHit { template: t, score })
        })
        .collect();
    hits.sort_by(|a, b| {
        b.score
            .cmp(&a.score)
            .then_with(|| a.template.name.cmp(&b.template.name))
            .then_with(|| a.template.language.cmp(&b.template.language))
    });
    hits
}

/// Choose the approved template called `name` for the first language in
/// `preferred` that has one. For each preferred language in turn: the exact
/// language (`de_AT`), else the same base language, the bare base first
/// (`de`, then `de_CH`, ...). Put the customer's language first and the
/// team's fallback language last (`["de_AT", "en_US"]`). `None` if no approved
/// template of that name matches any preferred language; pending, paused or
/// rejected translations are skipped.
pub fn choose_language<'a>(
    templates: &'a [Template],
    name: &str,
    preferred: &[&str],
) -> Option<&'a Template> {
    let candidates: Vec<&Template> = templates
        .iter()
        .filter(|t| t.name == name && t.is_sendable())
        .collect();
    preferred.iter().find_map(|lang| {
        candidates
            .iter()
            .find(|t| same_language(&t.language, lang))
            .or_else(|| {
                let mut same_base: Vec<&&Template> = candidates
                    .iter()
                    .filter(|t| {
                        base_language(&t.language).eq_ignore_ascii_case(base_language(lang))
                    })
                    .collect();
                // Prefer the bare base (`de`) over another region (`de_CH`).
                same_base.sort_by_key(|t| (t.language.len(), t.language.clone()));
                same_base.into_iter().next()
            })
            .copied()
    })
}
