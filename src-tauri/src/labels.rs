//! Notification texts come from the same Fluent catalogs as the UI
//! (`ui/locales/<lang>.ftl`), embedded at compile time so a label exists once.

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource};
use unic_langid::LanguageIdentifier;

const CATALOGS: &[(&str, &str)] = &[
    ("en", include_str!("../../ui/locales/en.ftl")),
    ("ja", include_str!("../../ui/locales/ja.ftl")),
    ("de", include_str!("../../ui/locales/de.ftl")),
    ("fr", include_str!("../../ui/locales/fr.ftl")),
];

/// Labels of one locale, falling back to English for an unknown locale or key.
pub struct Labels {
    bundles: Vec<FluentBundle<FluentResource>>,
}

impl Labels {
    pub fn for_locale(locale: &str) -> Self {
        let wanted = locale.split(['-', '_']).next().unwrap_or("en");
        let mut order: Vec<&str> = vec![wanted];
        if wanted != "en" {
            order.push("en");
        }
        let bundles = order
            .into_iter()
            .filter_map(|lang| CATALOGS.iter().find(|(l, _)| *l == lang))
            .map(|(lang, source)| bundle(lang, source))
            .collect();
        Self { bundles }
    }

    /// The formatted message, or its id when no catalog has it (visible, never a panic).
    pub fn get(&self, id: &str, args: Option<&FluentArgs>) -> String {
        for bundle in &self.bundles {
            if let Some(pattern) = bundle.get_message(id).and_then(|m| m.value()) {
                let mut errors = vec![];
                return bundle
                    .format_pattern(pattern, args, &mut errors)
                    .into_owned();
            }
        }
        id.to_owned()
    }
}

fn bundle(lang: &str, source: &str) -> FluentBundle<FluentResource> {
    let langid: LanguageIdentifier = lang.parse().unwrap_or_default();
    let mut bundle = FluentBundle::new_concurrent(vec![langid]);
    // Isolation marks would end up as visible characters in notification texts.
    bundle.set_use_isolating(false);
    let resource = FluentResource::try_new(source.to_owned()).unwrap_or_else(|(res, _)| res);
    let _ = bundle.add_resource(resource);
    bundle
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_in_the_asked_locale_and_falls_back_to_english() {
        let mut args = FluentArgs::new();
        args.set("name", "Aiko");
        assert_eq!(
            Labels::for_locale("de").get("call-copy-number", None),
            "Nummer kopieren"
        );
        assert_eq!(
            Labels::for_locale("ja-JP").get("call-copy-number", None),
            "番号をコピー"
        );
        assert_eq!(
            Labels::for_locale("xx").get("call-copy-number", None),
            "Copy number"
        );
        assert_eq!(
            Labels::for_locale("en").get("no-such-key", None),
            "no-such-key"
        );
    }
}
