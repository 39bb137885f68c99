//! The hub's header says what it must not depend on (tauri, the app's local
//! store and sync client); the manifest is checked against it.

#[test]
fn the_hub_does_not_depend_on_the_app() {
    let manifest = include_str!("../Cargo.toml");
    let deps: Vec<&str> = manifest
        .split("[dependencies]")
        .nth(1)
        .unwrap_or("")
        .split("\n[")
        .next()
        .unwrap_or("")
        .lines()
        .filter_map(|l| l.split_once('=').map(|(n, _)| n.trim()))
        .collect();
    assert!(deps.contains(&"switchboard-domain"));
    for d in deps {
        assert!(!d.contains("tauri"), "hub must not depend on {d}");
        assert!(
            !["switchboard-store", "switchboard-sync", "switchboard"].contains(&d),
            "hub must not depend on {d}"
        );
    }
    let header = include_str!("../src/lib.rs");
    assert!(header.starts_with("//! ") && header.contains("Must not depend on"));
}
