//! The Switchboard desktop shell: a thin Tauri adapter split by concern —
//! `commands` (what the UI may invoke), `notifications` (native D-Bus
//! notifications and their actions), `labels` (the Fluent catalogs shared with
//! the UI). No business rule lives here; those belong in `crates/*`, which must
//! never depend on tauri.

mod commands;
mod error;
mod labels;
mod notifications;

pub fn run() {
    tauri::Builder::default()
        .plugin(tauri_plugin_clipboard_manager::init())
        .invoke_handler(tauri::generate_handler![
            commands::show_sample_call_notification,
            commands::copy_text,
        ])
        .run(tauri::generate_context!())
        .expect("error while running the Switchboard app");
}
