//! The Switchboard desktop shell: a thin Tauri adapter (commands, windows, tray,
//! native notifications). No business rule lives here; those are in `crates/*`.

pub fn run() {
    tauri::Builder::default()
        .run(tauri::generate_context!())
        .expect("error while running the Switchboard app");
}
