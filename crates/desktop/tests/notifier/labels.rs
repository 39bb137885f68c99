//! Every label the notifier gives exists in the nine catalogs of
//! `ui/locales/` (the UI's and the shell's one source of texts) and uses
//! only the arguments the notifier passes.

use std::collections::{BTreeMap, BTreeSet};

use switchboard_desktop::labels::keys;
use switchboard_desktop::{Event, Label, Snapshot};
use switchboard_protocol::{CallState, Direction, MessageKind};

use crate::common::*;

const CATALOGS: &[(&str, &str)] = &[
    ("en", include_str!("../../../../ui/locales/en.ftl")),
    ("ja", include_str!("../../../../ui/locales/ja.ftl")),
    ("de", include_str!("../../../../ui/locales/de.ftl")),
    ("fr", include_str!("../../../../ui/locales/fr.ftl")),
    ("es", include_str!("../../../../ui/locales/es.ftl")),
    ("pt-BR", include_str!("../../../../ui/locales/pt-BR.ftl")),
    ("id", include_str!("../../../../ui/locales/id.ftl")),
    ("hi", include_str!("../../../../ui/locales/hi.ftl")),
    ("ar", include_str!("../../../../ui/locales/ar.ftl")),
];

/// Message id → its pattern (the first line and the indented ones after it).
fn messages(ftl: &str) -> BTreeMap<String, String> {
    let mut out = BTreeMap::new();
    let mut current: Option<String> = None;
    for line in ftl.lines() {
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        if line.starts_with(' ') {
            if let Some(id) = &current {
                let pattern: &mut String = out.get_mut(id).unwrap();
                pattern.push('\n');
                pattern.push_str(line);
            }
            continue;
        }
        let (id, value) = line.split_once('=').expect("id = pattern");
        let id = id.trim().to_owned();
        out.insert(id.clone(), value.to_owned());
        current = Some(id);
    }
    out
}

/// The `$variables` a pattern uses.
fn variables(pattern: &str) -> BTreeSet<String> {
    pattern
        .split('$')
        .skip(1)
        .map(|rest| {
            rest.chars()
                .take_while(|c| c.is_ascii_alphanumeric() || *c == '_' || *c == '-')
                .collect()
        })
        .collect()
}

/// Every label the notifier produces, from one of each notice.
fn labels_in_use() -> Vec<Label> {
    let mut h = Harness::restored(
        switchboard_desktop::Settings::default(),
        Snapshot {
            conversations: vec![conversation("c1")],
            ..Snapshot::default()
        },
    );
    h.tick(before_close(60));
    h.send(Event::CallChanged(call("named", "c1", CallState::Ringing)));
    let mut unnamed = call("unnamed", "c1", CallState::Ringing);
    unnamed.customer.name = None;
    h.send(Event::CallChanged(unnamed));
    h.send(Event::ConversationChanged(assigned(
        conversation("c2"),
        None,
    )));
    h.send(Event::MessageAdded(from_customer(
        "m1",
        "c1",
        "hi",
        closes(),
    )));
    let mut photo = message("m2", "c1", Direction::Inbound, None, closes());
    photo.kind = MessageKind::Image;
    h.send(Event::MessageAdded(photo));

    let mut labels = vec![h.notifier.unread().tray_label()];
    for (_, notice) in &h.host.posted {
        labels.push(notice.title.clone());
        labels.push(notice.body.clone());
        labels.extend(notice.buttons.iter().map(|b| b.label.clone()));
    }
    labels
}

#[test]
fn every_key_is_in_every_catalog() {
    for (locale, ftl) in CATALOGS {
        let ids = messages(ftl);
        for key in keys::ALL {
            assert!(ids.contains_key(*key), "{locale} lacks {key}");
        }
    }
}

#[test]
fn every_label_in_use_is_a_known_key_with_the_arguments_its_messages_use() {
    let labels = labels_in_use();
    let used: BTreeSet<&str> = labels.iter().map(|l| l.key).collect();
    let mut expected: BTreeSet<&str> = keys::ALL.iter().copied().collect();
    // the default action's label is the shell's to show
    expected.remove(keys::NOTICE_OPEN);
    assert_eq!(used, expected, "the scenario covers every key");

    for (locale, ftl) in CATALOGS {
        let ids = messages(ftl);
        for label in &labels {
            let pattern = &ids[label.key];
            let given: BTreeSet<String> = label.args.iter().map(|(n, _)| (*n).to_owned()).collect();
            let wanted = variables(pattern);
            assert!(
                wanted.is_subset(&given),
                "{locale} {}: uses {wanted:?}, gets {given:?}",
                label.key
            );
        }
    }
}

#[test]
fn the_parser_reads_multiline_and_select_patterns() {
    let ids = messages(
        "# comment\na = one { $x }\n    two { $y ->\n        [one] 1\n       *[other] { $y }\n    }\nb = plain\n",
    );
    assert_eq!(ids.len(), 2);
    assert_eq!(
        variables(&ids["a"]),
        BTreeSet::from(["x".to_owned(), "y".to_owned()])
    );
    assert!(variables(&ids["b"]).is_empty());
}
