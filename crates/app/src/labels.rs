//! Texts from the Fluent catalogs the UI uses (`ui/locales/<lang>.ftl`),
//! embedded at compile time so a label exists once; and a desktop
//! [`Notice`] rendered into what a notification server shows.

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource};
use switchboard_desktop::{Label, LabelArg, Notice, NoticeAction, NoticeKind, Urgency};
use unic_langid::LanguageIdentifier;

const CATALOGS: &[(&str, &str)] = &[
    ("en", include_str!("../../../ui/locales/en.ftl")),
    ("ja", include_str!("../../../ui/locales/ja.ftl")),
    ("de", include_str!("../../../ui/locales/de.ftl")),
    ("fr", include_str!("../../../ui/locales/fr.ftl")),
    ("es", include_str!("../../../ui/locales/es.ftl")),
    ("pt-BR", include_str!("../../../ui/locales/pt-BR.ftl")),
    ("id", include_str!("../../../ui/locales/id.ftl")),
    ("hi", include_str!("../../../ui/locales/hi.ftl")),
    ("ar", include_str!("../../../ui/locales/ar.ftl")),
];

/// Labels of one locale, falling back to English for an unknown locale or key.
pub struct Labels {
    bundles: Vec<FluentBundle<FluentResource>>,
}

impl std::fmt::Debug for Labels {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Labels").finish_non_exhaustive()
    }
}

/// The catalog for `locale` (a BCP 47 tag, `_` allowed; empty: the
/// system's language): the one of that exact tag, else one of the same
/// language (`pt`, `pt-PT` → `pt-BR`; `ja-JP` → `ja`), else English.
pub fn catalog_for(locale: &str) -> &'static str {
    let system;
    let locale = if locale.trim().is_empty() {
        system = sys_locale::get_locale().unwrap_or_default();
        system.as_str()
    } else {
        locale
    };
    let tag = locale.trim().replace('_', "-");
    let base = |t: &str| t.split('-').next().unwrap_or("").to_ascii_lowercase();
    CATALOGS
        .iter()
        .find(|(l, _)| l.eq_ignore_ascii_case(&tag))
        .or_else(|| CATALOGS.iter().find(|(l, _)| base(l) == base(&tag)))
        .map_or("en", |(l, _)| l)
}

impl Labels {
    /// The labels of `locale` (see [`catalog_for`]), English behind them.
    pub fn for_locale(locale: &str) -> Self {
        let wanted = catalog_for(locale);
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

    /// A desktop label, formatted.
    pub fn label(&self, label: &Label) -> String {
        let mut args = FluentArgs::new();
        for (name, value) in &label.args {
            match value {
                LabelArg::Text(t) => args.set(*name, t.as_str()),
                LabelArg::Number(n) => args.set(*name, *n),
            }
        }
        self.get(label.key, Some(&args))
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

/// A notice as the notification server gets it: texts in the agent's
/// language, the action keys and labels, the hints.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RenderedNotice {
    pub summary: String,
    pub body: String,
    /// `(key, label)`, the default action (a click on the notice) first.
    pub actions: Vec<(String, String)>,
    pub urgency: Urgency,
    /// The freedesktop category (`call.incoming`, `im.received`, …).
    pub category: &'static str,
    /// Stays until withdrawn (calls), else the server's timeout.
    pub resident: bool,
    /// An icon name of the freedesktop icon theme.
    pub icon: &'static str,
}

/// Renders `notice` in `labels`' language.
pub fn render(notice: &Notice, labels: &Labels) -> RenderedNotice {
    let mut actions = vec![(
        NoticeAction::Open.key().to_owned(),
        labels.get(switchboard_desktop::labels::keys::NOTICE_OPEN, None),
    )];
    actions.extend(
        notice
            .buttons
            .iter()
            .map(|b| (b.action.key().to_owned(), labels.label(&b.label))),
    );
    let (category, icon) = match notice.kind {
        NoticeKind::IncomingCall(_) => ("call.incoming", "call-start"),
        NoticeKind::WindowClosing(_) => ("im", "appointment-soon"),
        NoticeKind::NewConversation(_) | NoticeKind::NewMessage(_) => {
            ("im.received", "mail-message-new")
        }
    };
    RenderedNotice {
        summary: labels.label(&notice.title),
        body: labels.label(&notice.body),
        actions,
        urgency: notice.urgency,
        category,
        resident: notice.urgency == Urgency::Critical,
        icon,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_locale_finds_its_catalog_by_tag_then_by_language() {
        for (locale, catalog) in [
            ("pt-BR", "pt-BR"),
            ("pt_BR", "pt-BR"),
            ("pt", "pt-BR"),
            ("pt-PT", "pt-BR"),
            ("ja-JP", "ja"),
            ("ar", "ar"),
            ("AR-eg", "ar"),
            ("es-MX", "es"),
            ("hi-IN", "hi"),
            ("id", "id"),
            ("xx", "en"),
            ("de_AT.UTF-8", "de"),
        ] {
            assert_eq!(catalog_for(locale), catalog, "{locale}");
        }
        // Empty: the system's language, one of the catalogs.
        assert!(CATALOGS.iter().any(|(l, _)| *l == catalog_for("")));
        assert_eq!(
            Labels::for_locale("pt-BR").get("call-copy-number", None),
            Labels::for_locale("pt").get("call-copy-number", None)
        );
        assert_ne!(
            Labels::for_locale("pt-BR").get("call-copy-number", None),
            "Copy number"
        );
    }

    #[test]
    fn formats_in_the_asked_locale_and_falls_back_to_english() {
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

    #[test]
    fn every_desktop_key_exists_in_every_catalog() {
        for (lang, source) in CATALOGS {
            let b = bundle(lang, source);
            for key in switchboard_desktop::labels::keys::ALL {
                assert!(b.has_message(key), "{lang} lacks {key}");
            }
        }
    }
}
