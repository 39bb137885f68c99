fn main() {
    // The app's one command (`ipc`, the contract's dispatcher) is declared
    // so capabilities grant it by name (`allow-ipc`) like any permission.
    let attributes = tauri_build::Attributes::new()
        .app_manifest(tauri_build::AppManifest::new().commands(&["ipc"]));
    tauri_build::try_build(attributes).expect("tauri build script");
}
