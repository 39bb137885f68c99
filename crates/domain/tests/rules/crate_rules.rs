//! The crate's own rules ("Done when"): no IO, async or tauri dependencies,
//! and the `//!` header says so.

/// Dependencies that would bring IO, async runtimes, networking or the app
/// shell into the rules engine.
const FORBIDDEN: &[&str] = &[
    "tauri",
    "tokio",
    "async-std",
    "smol",
    "futures",
    "async-trait",
    "reqwest",
    "hyper",
    "axum",
    "rusqlite",
    "sqlx",
    "mio",
];

/// The names in one `[section]` of a Cargo manifest.
fn section_names<'a>(manifest: &'a str, section: &str) -> Vec<&'a str> {
    let mut in_section = false;
    let mut names = Vec::new();
    for line in manifest.lines() {
        let line = line.trim();
        if line.starts_with('[') {
            in_section = line == section;
            continue;
        }
        if in_section
            && !line.is_empty()
            && !line.starts_with('#')
            && let Some((name, _)) = line.split_once('=')
        {
            names.push(name.trim());
        }
    }
    names
}

#[test]
fn no_io_async_or_tauri_dependencies() {
    let manifest = include_str!("../../Cargo.toml");
    let deps = section_names(manifest, "[dependencies]");
    assert!(deps.contains(&"chrono"), "manifest not parsed: {deps:?}");
    for dep in deps {
        let dep = dep.trim_matches('"');
        assert!(
            !FORBIDDEN
                .iter()
                .any(|f| dep == *f || dep.starts_with(&format!("{f}-"))),
            "switchboard-domain must not depend on {dep}"
        );
    }
    assert!(
        !manifest.contains("[target."),
        "no platform-specific dependencies either"
    );
}

#[test]
fn the_crate_header_states_the_rule() {
    let lib = include_str!("../../src/lib.rs");
    let header: String = lib
        .lines()
        .take_while(|l| l.starts_with("//!"))
        .collect::<Vec<_>>()
        .join("\n");
    assert!(
        header.contains("must not depend on IO, async or tauri"),
        "{header}"
    );
}
