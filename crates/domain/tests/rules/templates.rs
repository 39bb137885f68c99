//! Rule 6: templates.

use std::collections::BTreeMap;

use switchboard_domain::MessageLimits;
use switchboard_domain::templates::{
    self, ButtonKind, Component, HeaderFormat, ParamErrorReason, ParamKey, ParamSlot,
    ParameterFormat, Params, Placeholder, PreviewHeader, Template, TemplateCategory,
    TemplateParams, TemplateStatus,
};

const META_LIST: &str = r##"{
  "data": [
    {
      "name": "order_update", "language": "en_US", "status": "APPROVED", "category": "UTILITY",
      "id": "1001",
      "components": [
        {"type": "HEADER", "format": "TEXT", "text": "Order {{1}}", "example": {"header_text": ["#4711"]}},
        {"type": "BODY", "text": "Hi {{1}}, your order {{2}} ships on {{3}}.",
         "example": {"body_text": [["Ana", "#4711", "Monday"]]}},
        {"type": "FOOTER", "text": "Reply STOP to opt out"},
        {"type": "BUTTONS", "buttons": [
          {"type": "URL", "text": "Track", "url": "https://example.com/track/{{1}}", "example": ["https://example.com/track/abc"]},
          {"type": "QUICK_REPLY", "text": "Thanks"}
        ]}
      ]
    },
    {
      "name": "order_update", "language": "de", "status": "APPROVED", "category": "UTILITY",
      "components": [
        {"type": "BODY", "text": "Hallo {{1}}, Ihre Bestellung {{2}} wird am {{3}} versandt."}
      ]
    },
    {
      "name": "order_update", "language": "ja", "status": "PENDING", "category": "UTILITY",
      "components": [{"type": "BODY", "text": "{{1}}様、ご注文{{2}}は{{3}}に発送されます。"}]
    },
    {
      "name": "welcome_named", "language": "en", "status": "APPROVED", "category": "MARKETING",
      "parameter_format": "NAMED",
      "components": [
        {"type": "HEADER", "format": "IMAGE", "example": {"header_handle": ["4::aW..."]}},
        {"type": "BODY", "text": "Welcome {{first_name}}! Your code is {{code}}.",
         "example": {"body_text_named_params": [{"param_name": "first_name", "example": "Ana"}, {"param_name": "code", "example": "X1"}]}}
      ]
    },
    {
      "name": "call_permission", "language": "en", "status": "APPROVED", "category": "MARKETING",
      "components": [
        {"type": "BODY", "text": "May we call you about your support case?"},
        {"type": "call_permission_request"}
      ]
    },
    {
      "name": "appointment_reminder", "language": "en_US", "status": "REJECTED", "category": "UTILITY",
      "components": [{"type": "BODY", "text": "Reminder: your appointment is tomorrow."}]
    },
    {
      "name": "shipping_delay", "language": "en_US", "status": "APPROVED", "category": "UTILITY",
      "components": [{"type": "BODY", "text": "Sorry, your order is delayed."}, {"type": "CAROUSEL", "cards": []}]
    },
    {
      "name": "brand_new_status", "language": "en_US", "status": "SOMETHING_NEW", "category": "NEW_CATEGORY",
      "components": [{"type": "BODY", "text": "x"}]
    }
  ],
  "paging": {"cursors": {"before": "a", "after": "b"}}
}"##;

fn all() -> Vec<Template> {
    let mut list = Template::list_from_json(META_LIST).expect("Meta's list parses");
    // Switchboard's own tags.
    for t in &mut list {
        if t.name == "shipping_delay" {
            t.tags = vec!["versand".into(), "delay".into()];
        }
        if t.name == "call_permission" {
            t.tags = vec!["calls".into()];
        }
    }
    list
}

fn named(list: &[Template], name: &str, language: &str) -> Template {
    list.iter()
        .find(|t| t.name == name && t.language == language)
        .cloned()
        .expect("template in fixture")
}

#[test]
fn parses_meta_components() {
    let list = all();
    assert_eq!(list.len(), 8);
    let t = named(&list, "order_update", "en_US");
    assert_eq!(t.id.as_deref(), Some("1001"));
    assert_eq!(t.status, TemplateStatus::Approved);
    assert_eq!(t.category, TemplateCategory::Utility);
    assert_eq!(t.parameter_format, ParameterFormat::Positional);
    assert_eq!(t.header_text(), Some("Order {{1}}"));
    assert_eq!(t.footer_text(), Some("Reply STOP to opt out"));
    assert_eq!(t.buttons().len(), 2);
    assert_eq!(t.buttons().first().map(|b| b.kind), Some(ButtonKind::Url));
    assert!(matches!(
        t.components.first(),
        Some(Component::Header {
            format: HeaderFormat::Text,
            ..
        })
    ));

    let w = named(&list, "welcome_named", "en");
    assert_eq!(w.parameter_format, ParameterFormat::Named);
    assert!(matches!(
        w.components.first(),
        Some(Component::Header {
            format: HeaderFormat::Image,
            ..
        })
    ));

    assert!(named(&list, "call_permission", "en").is_call_permission_request());
    assert!(matches!(
        named(&list, "shipping_delay", "en_US").components.get(1),
        Some(Component::Unknown)
    ));
    let odd = named(&list, "brand_new_status", "en_US");
    assert_eq!(odd.status, TemplateStatus::Unknown);
    assert_eq!(odd.category, TemplateCategory::Unknown);
    assert!(!odd.is_sendable());
}

#[test]
fn only_approved_templates_are_sendable() {
    let cases = [
        ("APPROVED", true),
        ("PENDING", false),
        ("REJECTED", false),
        ("PAUSED", false),
        ("DISABLED", false),
        ("IN_APPEAL", false),
        ("PENDING_DELETION", false),
        ("LIMIT_EXCEEDED", false),
    ];
    for (status, sendable) in cases {
        let json = format!(
            r#"{{"name":"t","language":"en","status":"{status}","category":"UTILITY","components":[]}}"#
        );
        let t = Template::from_json(&json).expect("parses");
        assert_eq!(t.is_sendable(), sendable, "{status}");
    }
}

#[test]
fn placeholders_in_order() {
    let list = all();
    let t = named(&list, "order_update", "en_US");
    let p = |slot, n| Placeholder {
        slot,
        key: ParamKey::Positional(n),
    };
    assert_eq!(
        t.placeholders(),
        vec![
            p(ParamSlot::Header, 1),
            p(ParamSlot::Body, 1),
            p(ParamSlot::Body, 2),
            p(ParamSlot::Body, 3),
            p(ParamSlot::Button(0), 1),
        ]
    );
    let w = named(&list, "welcome_named", "en");
    let keys: Vec<ParamKey> = w.placeholders().into_iter().map(|p| p.key).collect();
    assert_eq!(
        keys,
        vec![
            ParamKey::Named("first_name".into()),
            ParamKey::Named("code".into())
        ]
    );
}

fn positional(header: &[&str], body: &[&str], button: Option<&str>) -> TemplateParams {
    TemplateParams {
        header: Params::Positional(header.iter().map(|s| (*s).to_owned()).collect()),
        body: Params::Positional(body.iter().map(|s| (*s).to_owned()).collect()),
        buttons: button.map(|b| (0, b.to_owned())).into_iter().collect(),
    }
}

/// (slot, reason) of one validation error.
type SlotError = (Option<ParamSlot>, ParamErrorReason);
/// (name, language) of a template.
type NameLang = (&'static str, &'static str);

#[test]
fn validate_params_table() {
    use ParamErrorReason::*;
    let list = all();
    let t = named(&list, "order_update", "en_US");
    let limits = MessageLimits::default();
    let long = "x".repeat(61);
    // (params, expected (slot, reason) list)
    let cases: Vec<(TemplateParams, Vec<SlotError>)> = vec![
        (
            positional(&["#4711"], &["Ana", "#4711", "Monday"], Some("abc")),
            vec![],
        ),
        (
            positional(&["#4711"], &["Ana", "#4711"], Some("abc")),
            vec![(Some(ParamSlot::Body), Missing)],
        ),
        (
            positional(
                &["#4711"],
                &["Ana", "#4711", "Monday", "extra"],
                Some("abc"),
            ),
            vec![(Some(ParamSlot::Body), Unexpected)],
        ),
        (
            positional(&["#4711"], &["", "#4711", "Monday"], Some("abc")),
            vec![(Some(ParamSlot::Body), Empty)],
        ),
        (
            positional(&["#4711"], &["Ana\nBob", "#4711", "Monday"], Some("abc")),
            vec![(Some(ParamSlot::Body), NewlineOrTab)],
        ),
        (
            positional(&["#4711"], &["Ana", "#4711\t", "Monday"], Some("abc")),
            vec![(Some(ParamSlot::Body), NewlineOrTab)],
        ),
        (
            positional(&["#4711"], &["Ana     Bob", "#4711", "Monday"], Some("abc")),
            vec![(Some(ParamSlot::Body), TooManySpaces)],
        ),
        (
            positional(&["#4711"], &["Ana    Bob", "#4711", "Monday"], Some("abc")),
            vec![],
        ),
        (
            positional(&[long.as_str()], &["Ana", "#4711", "Monday"], Some("abc")),
            vec![(Some(ParamSlot::Header), TooLong)],
        ),
        (
            positional(&["#4711"], &["Ana", "#4711", "Monday"], None),
            vec![(Some(ParamSlot::Button(0)), Missing)],
        ),
        (
            positional(&["#4711"], &["Ana", "#4711", "Monday"], Some("a b")),
            vec![(Some(ParamSlot::Button(0)), InvalidUrlSuffix)],
        ),
        (
            TemplateParams {
                body: Params::Named(BTreeMap::from([("name".to_owned(), "Ana".to_owned())])),
                ..positional(&["#4711"], &[], Some("abc"))
            },
            vec![(Some(ParamSlot::Body), WrongFormat)],
        ),
    ];
    for (i, (params, expected)) in cases.into_iter().enumerate() {
        let got: Vec<SlotError> = match templates::validate_params(&t, &params, &limits) {
            Ok(()) => vec![],
            Err(errors) => errors.into_iter().map(|e| (e.slot, e.reason)).collect(),
        };
        assert_eq!(got, expected, "case {i}");
    }
}

#[test]
fn body_too_long_after_substitution_and_not_approved() {
    let list = all();
    let limits = MessageLimits::default();
    let t = named(&list, "order_update", "en_US");
    let big = "y".repeat(1000);
    let errors = templates::validate_params(
        &t,
        &positional(&["#1"], &[big.as_str(), "#1", "Mon"], Some("a")),
        &limits,
    )
    .unwrap_err();
    assert!(
        errors
            .iter()
            .any(|e| e.slot == Some(ParamSlot::Body) && e.reason == ParamErrorReason::TooLong)
    );

    let pending = named(&list, "order_update", "ja");
    let errors =
        templates::validate_params(&pending, &positional(&[], &["a", "b", "c"], None), &limits)
            .unwrap_err();
    assert_eq!(
        errors.first().map(|e| e.reason),
        Some(ParamErrorReason::NotApproved)
    );
}

#[test]
fn named_parameters_validate() {
    let list = all();
    let limits = MessageLimits::default();
    let t = named(&list, "welcome_named", "en");
    let ok = TemplateParams {
        body: Params::Named(BTreeMap::from([
            ("first_name".to_owned(), "Ana".to_owned()),
            ("code".to_owned(), "X1".to_owned()),
        ])),
        ..TemplateParams::default()
    };
    assert_eq!(templates::validate_params(&t, &ok, &limits), Ok(()));
    let missing = TemplateParams {
        body: Params::Named(BTreeMap::from([(
            "first_name".to_owned(),
            "Ana".to_owned(),
        )])),
        ..TemplateParams::default()
    };
    let errors = templates::validate_params(&t, &missing, &limits).unwrap_err();
    assert_eq!(errors.len(), 1);
    assert_eq!(
        errors.first().and_then(|e| e.key.clone()),
        Some(ParamKey::Named("code".into()))
    );
    // Agents' values arrive as JSON: an array is positional, an object named.
    let from_json: TemplateParams =
        serde_json::from_str(r#"{"body": {"first_name": "Ana", "code": "X1"}}"#).unwrap();
    assert_eq!(from_json, ok);
}

#[test]
fn preview_fills_what_is_given_and_keeps_the_rest() {
    let list = all();
    let t = named(&list, "order_update", "en_US");
    let preview = templates::render_preview(&t, &positional(&["#4711"], &["Ana"], Some("abc")));
    assert_eq!(
        preview.header,
        Some(PreviewHeader::Text {
            text: "Order #4711".into()
        })
    );
    assert_eq!(preview.body, "Hi Ana, your order {{2}} ships on {{3}}.");
    assert_eq!(preview.footer.as_deref(), Some("Reply STOP to opt out"));
    assert_eq!(
        preview
            .buttons
            .first()
            .and_then(|b| b.url.clone())
            .as_deref(),
        Some("https://example.com/track/abc")
    );
    let image = templates::render_preview(
        &named(&list, "welcome_named", "en"),
        &TemplateParams::default(),
    );
    assert_eq!(
        image.header,
        Some(PreviewHeader::Media {
            format: HeaderFormat::Image
        })
    );
    assert_eq!(image.body, "Welcome {{first_name}}! Your code is {{code}}.");
}

#[test]
fn search_table() {
    let list = all();
    // (query, language, expected (name, language) in order)
    let cases: Vec<(&str, Option<&str>, Vec<NameLang>)> = vec![
        // exact name first; the agent's language ranks first among equals; PENDING ja never shows
        (
            "order_update",
            Some("de_DE"),
            vec![("order_update", "de"), ("order_update", "en_US")],
        ),
        (
            "order update",
            Some("en_US"),
            vec![("order_update", "en_US"), ("order_update", "de")],
        ),
        // a name prefix beats content ("your order is delayed")
        (
            "ord",
            None,
            vec![
                ("order_update", "de"),
                ("order_update", "en_US"),
                ("shipping_delay", "en_US"),
            ],
        ),
        // content (German body), case- and width-insensitive
        ("BESTELLUNG", None, vec![("order_update", "de")]),
        ("ｖｅｒｓａｎｄｔ", None, vec![("order_update", "de")]),
        // tags
        (
            "versand",
            None,
            vec![("shipping_delay", "en_US"), ("order_update", "de")],
        ),
        ("calls", None, vec![("call_permission", "en")]),
        // content word
        ("delayed", None, vec![("shipping_delay", "en_US")]),
        // name beats content: "delay" is in the name of shipping_delay and a tag
        ("delay", None, vec![("shipping_delay", "en_US")]),
        // every word must match
        ("order nonsense", None, vec![]),
        // rejected never shows
        ("appointment", None, vec![]),
        (
            "",
            None,
            vec![
                ("call_permission", "en"),
                ("order_update", "de"),
                ("order_update", "en_US"),
                ("shipping_delay", "en_US"),
                ("welcome_named", "en"),
            ],
        ),
    ];
    for (query, language, expected) in cases {
        let got: Vec<(&str, &str)> = templates::search(&list, query, language)
            .iter()
            .map(|h| (h.template.name.as_str(), h.template.language.as_str()))
            .collect();
        assert_eq!(got, expected, "query {query:?}");
    }
}

#[test]
fn search_ranks_name_over_tag_over_content() {
    let mk = |name: &str, tags: &[&str], body: &str| Template {
        id: None,
        name: name.into(),
        language: "en".into(),
        status: TemplateStatus::Approved,
        category: TemplateCategory::Utility,
        parameter_format: ParameterFormat::Positional,
        components: vec![Component::Body {
            text: body.into(),
            example: None,
        }],
        tags: tags.iter().map(|t| (*t).to_owned()).collect(),
    };
    let list = vec![
        mk("a_content", &[], "about a refund"),
        mk("b_tagged", &["refund"], "hello"),
        mk("refund", &[], "hello"),
        mk("refund_status", &[], "hello"),
    ];
    let got: Vec<&str> = templates::search(&list, "refund", None)
        .iter()
        .map(|h| h.template.name.as_str())
        .collect();
    assert_eq!(
        got,
        vec!["refund", "refund_status", "b_tagged", "a_content"]
    );
}

#[test]
fn choose_language_table() {
    let list = all();
    let cases: Vec<(&str, &[&str], Option<&str>)> = vec![
        ("order_update", &["de"], Some("de")),
        ("order_update", &["de_AT", "en_US"], Some("de")),
        ("order_update", &["en_US"], Some("en_US")),
        ("order_update", &["en_GB"], Some("en_US")),
        ("order_update", &["fr", "en_US"], Some("en_US")),
        // ja exists but is only PENDING: fall back
        ("order_update", &["ja", "en_US"], Some("en_US")),
        ("order_update", &["ja"], None),
        ("order_update", &["pt-BR", "de-DE"], Some("de")),
        ("no_such_template", &["en"], None),
        ("appointment_reminder", &["en_US"], None),
    ];
    for (name, preferred, expected) in cases {
        let got = templates::choose_language(&list, name, preferred).map(|t| t.language.as_str());
        assert_eq!(got, expected, "{name} {preferred:?}");
    }
}
