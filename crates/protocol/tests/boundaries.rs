//! The crate header says what this crate must not depend on; the manifest
//! is checked against it: no crate of ours, no tauri, no storage.

fn dependencies(manifest: &str) -> Vec<String> {
    let mut in_deps = false;
    let mut out = Vec::new();
    for line in manifest.lines() {
        let line = line.trim();
        if line.starts_with('[') {
            in_deps = line == "[dependencies]";
            continue;
        }
        if in_deps && let Some((name, _)) = line.split_once('=') {
            out.push(name.trim().to_owned());
        }
    }
    out
}

#[test]
fn the_contract_depends_on_nothing_of_ours() {
    let manifest = include_str!("../Cargo.toml");
    let deps = dependencies(manifest);
    assert!(!deps.is_empty());
    for d in &deps {
        // The instant format is shared with the rules, not duplicated.
        assert!(
            !d.starts_with("switchboard") || d == "switchboard-instant",
            "protocol must not depend on {d}"
        );
        assert!(!d.contains("tauri"), "protocol must not depend on {d}");
        assert!(
            !["rusqlite", "axum", "tokio", "reqwest"].contains(&d.as_str()),
            "protocol must not depend on {d}"
        );
    }
    let header = include_str!("../src/lib.rs");
    assert!(header.starts_with("//! "), "a //! header");
    assert!(header.contains("Must not depend on"));
}
