//! The one Tauri command: a contract command from a window, handed to the
//! core (`switchboard_app::dispatch`), which checks the window may call it.

use switchboard_app::{CommandError, Core, ErrorCode, WindowKind};

use crate::state::Ready;

#[tauri::command]
pub async fn ipc(
    window: tauri::WebviewWindow,
    ready: tauri::State<'_, Ready>,
    name: String,
    args: serde_json::Value,
) -> Result<serde_json::Value, CommandError> {
    let kind = WindowKind::of_label(window.label()).ok_or_else(|| {
        CommandError::new(ErrorCode::NotAllowed, "this window may not call commands")
    })?;
    let core: Core = ready.core().await;
    switchboard_app::dispatch(&core, kind, &name, args).await
}
