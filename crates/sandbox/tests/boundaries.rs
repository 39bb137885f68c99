//! The crate header's promise, checked: switchboard-sandbox stands in for Meta, so it
//! depends on neither tauri, the hub, the store, the sync layer nor the protocol
//! crate — only on the shared wire types (switchboard-cloudapi), the domain's
//! `Clock` (switchboard-domain) and the media engine that plays Meta's side of
//! a call (switchboard-media).

const MANIFEST: &str = include_str!("../Cargo.toml");
const LIB: &str = include_str!("../src/lib.rs");

#[test]
fn depends_on_nothing_it_must_not() {
    let mut section = "";
    let mut deps = Vec::new();
    for line in MANIFEST.lines().map(str::trim) {
        if line.starts_with('[') {
            section = line;
            continue;
        }
        if section.contains("dependencies")
            && let Some((name, _)) = line.split_once('=')
        {
            deps.push(name.trim().trim_matches('"').to_string());
        }
    }
    assert!(deps.iter().any(|d| d == "switchboard-cloudapi"), "{deps:?}");
    for dep in &deps {
        assert!(
            !dep.starts_with("tauri")
                && ![
                    "switchboard-hub",
                    "switchboard-store",
                    "switchboard-sync",
                    "switchboard-protocol",
                    "switchboard",
                    "rusqlite",
                ]
                .contains(&dep.as_str()),
            "switchboard-sandbox must not depend on {dep}"
        );
        if dep.starts_with("switchboard") {
            assert!(
                [
                    "switchboard-cloudapi",
                    "switchboard-domain",
                    "switchboard-media"
                ]
                .contains(&dep.as_str()),
                "unexpected internal dependency {dep}"
            );
        }
    }
    let header: String = LIB
        .lines()
        .take_while(|l| l.starts_with("//!"))
        .collect::<Vec<_>>()
        .join("\n");
    assert!(
        header.contains("Must not depend on"),
        "the //! header says what the crate must not depend on"
    );
}
