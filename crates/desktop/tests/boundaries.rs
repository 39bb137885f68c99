//! The crate header says what this crate must not depend on; the manifest
//! is checked against it: the domain, the protocol, serde and chrono only.
//! No tauri, no IO, no async, no storage, no network.

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
fn the_desktop_use_cases_depend_on_the_rules_and_the_contract_only() {
    let allowed = [
        "switchboard-domain",
        "switchboard-protocol",
        "serde",
        "chrono",
        "thiserror",
    ];
    let deps = dependencies(include_str!("../Cargo.toml"));
    assert!(deps.contains(&"switchboard-domain".to_owned()));
    for d in &deps {
        assert!(
            allowed.contains(&d.as_str()),
            "desktop must not depend on {d}"
        );
    }
    // no target-specific or build dependencies sneaking tauri in either
    let manifest = include_str!("../Cargo.toml");
    assert!(
        !manifest.contains("tauri"),
        "desktop must not depend on tauri"
    );
    assert!(!manifest.contains("[build-dependencies]"));
    assert!(!manifest.contains("[target."));

    let header = include_str!("../src/lib.rs");
    assert!(header.starts_with("//! "), "a //! header");
    assert!(header.contains("Must not depend on tauri"));
}

#[test]
fn the_crate_reads_no_clock() {
    let src = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = 0;
    for entry in std::fs::read_dir(&src).unwrap() {
        let path = entry.unwrap().path();
        let source = std::fs::read_to_string(&path).unwrap();
        files += 1;
        for clock in ["Utc::now", "SystemTime", "Instant::now", "Local::now"] {
            assert!(
                !source.contains(clock),
                "{} reads the clock ({clock})",
                path.display()
            );
        }
    }
    assert!(files > 5, "read the sources");
}
