//! The commands the UI may invoke. Each is a thin translation from IPC to the
//! notification and clipboard adapters; errors cross as `{code, message}`.

use fluent_bundle::FluentArgs;
use tauri::{AppHandle, Emitter};
use tauri_plugin_clipboard_manager::ClipboardExt;

use crate::error::{CommandError, ErrorCode};
use crate::labels::Labels;
use crate::notifications::{self, CallNotice};

/// Event the shell emits after it put a number on the clipboard.
pub const NUMBER_COPIED_EVENT: &str = "number-copied";

/// A sample incoming-call notification, so an agent can check that calls will
/// reach them (notification service running, actions working, clipboard).
#[tauri::command]
pub fn show_sample_call_notification(app: AppHandle, locale: String) -> Result<u32, CommandError> {
    let labels = Labels::for_locale(&locale);
    let number_display = "+81 90-1234-5678";
    let number_e164 = "+819012345678";
    let mut args = FluentArgs::new();
    args.set("name", labels.get("sample-caller-name", None));
    args.set("number", number_display);
    args.set("queue", labels.get("sample-queue-name", None));
    args.set("channel", "WhatsApp");
    let notice = CallNotice {
        summary: labels.get("call-incoming-title", None),
        body: labels.get("call-incoming-body", Some(&args)),
        copy_label: labels.get("call-copy-number", None),
    };
    notifications::show_call_notification(&notice, move || {
        if app.clipboard().write_text(number_e164).is_ok() {
            let _ = app.emit(NUMBER_COPIED_EVENT, number_e164);
        }
    })
    .map_err(|e| CommandError::new(ErrorCode::NotificationFailed, e.to_string()))
}

/// Copies text the agent chose (a number, an id) to the system clipboard.
#[tauri::command]
pub fn copy_text(app: AppHandle, text: String) -> Result<(), CommandError> {
    if text.len() > 4096 {
        return Err(CommandError::new(
            ErrorCode::InvalidInput,
            "text too long to copy",
        ));
    }
    app.clipboard()
        .write_text(text)
        .map_err(|e| CommandError::new(ErrorCode::ClipboardFailed, e.to_string()))
}
