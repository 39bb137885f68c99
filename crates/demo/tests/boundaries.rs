//! The crate header's promise, checked: switchboard-demo runs the hub and the
//! sandbox, and never depends on tauri or on the desktop's store and sync
//! engine.

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
    assert!(deps.iter().any(|d| d == "switchboard-hub"), "{deps:?}");
    for dep in &deps {
        assert!(
            !dep.contains("tauri")
                && !["switchboard", "switchboard-store", "switchboard-sync"]
                    .contains(&dep.as_str()),
            "switchboard-demo must not depend on {dep}"
        );
    }
    assert!(
        !MANIFEST.contains("tauri"),
        "no tauri, not even indirectly named"
    );
    let header: String = LIB
        .lines()
        .take_while(|l| l.starts_with("//!"))
        .collect::<Vec<_>>()
        .join("\n");
    assert!(
        header.contains("Must not depend on tauri"),
        "the //! header says what the crate must not depend on"
    );
}
