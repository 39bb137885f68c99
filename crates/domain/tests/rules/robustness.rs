//! No panics on bad input: every function that takes user or wire data is
//! total over arbitrary strings and bytes.

use proptest::prelude::*;
use switchboard_domain::channel::check_icon;
use switchboard_domain::phone::{format_for_display, normalize_e164};
use switchboard_domain::redaction::redact_card_numbers;
use switchboard_domain::templates::{self, Template, TemplateParams};
use switchboard_domain::{ChannelLimits, MessageLimits, composer};

proptest! {
    #[test]
    fn redaction_never_panics(text in any::<String>()) {
        let r = redact_card_numbers(&text);
        prop_assert_eq!(r.text.chars().count(), text.chars().count());
    }

    #[test]
    fn phone_parsing_never_panics(input in any::<String>(), region in "[A-Za-z]{0,3}", locale in "[a-zA-Z_-]{0,12}") {
        let region = (!region.is_empty()).then_some(region.as_str());
        if let Ok(n) = normalize_e164(&input, region) {
            prop_assert!(n.as_str().starts_with('+'));
            let _ = format_for_display(&n, &locale);
            // normalising is idempotent
            prop_assert_eq!(normalize_e164(n.as_str(), None), Ok(n.clone()));
        }
    }

    #[test]
    fn templates_never_panic(
        header in any::<String>(),
        body in any::<String>(),
        url in any::<String>(),
        values in prop::collection::vec(any::<String>(), 0..4),
        query in any::<String>(),
    ) {
        let json = serde_json::json!({
            "name": "t", "language": "en", "status": "APPROVED", "category": "UTILITY",
            "components": [
                {"type": "HEADER", "format": "TEXT", "text": header},
                {"type": "BODY", "text": body},
                {"type": "BUTTONS", "buttons": [{"type": "URL", "text": "Go", "url": url}]}
            ]
        });
        let template = Template::from_json(&json.to_string()).expect("valid shape");
        let params = TemplateParams {
            header: templates::Params::Positional(values.clone()),
            body: templates::Params::Positional(values.clone()),
            buttons: values.first().map(|v| (0, v.clone())).into_iter().collect(),
        };
        let _ = templates::validate_params(&template, &params, &MessageLimits::default());
        let preview = templates::render_preview(&template, &params);
        // with no values, the preview is the template text itself
        let empty = templates::render_preview(&template, &TemplateParams::default());
        prop_assert_eq!(empty.body, body);
        let _ = preview;
        let list = [template];
        let _ = templates::search(&list, &query, Some(&query));
        let _ = templates::choose_language(&list, "t", &[query.as_str()]);
    }

    #[test]
    fn arbitrary_template_json_never_panics(json in any::<String>()) {
        let _ = Template::from_json(&json);
        let _ = Template::list_from_json(&json);
    }

    #[test]
    fn content_checks_never_panic(text in any::<String>(), label in any::<String>()) {
        let l = MessageLimits::default();
        let _ = composer::validate_text(&text, &l);
        let _ = composer::validate_caption(&text, &l);
        let _ = composer::validate_call_button(&text, &label, &l);
    }

    #[test]
    fn icon_check_never_panics(bytes in prop::collection::vec(any::<u8>(), 0..64), name in any::<String>()) {
        let _ = check_icon(&bytes, &name, &ChannelLimits::default());
    }
}
