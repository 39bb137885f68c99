//! The core's [`Shell`] on Tauri: notifications, clipboard, windows,
//! tray and events, each delegated to its module.

use std::sync::Mutex;

use switchboard_app::contract::EVENT_CHANNEL;
use switchboard_app::{AppEvent, Labels, NoticeReplies, RenderedNotice, Shell};
use tauri::{AppHandle, Emitter};
use tauri_plugin_clipboard_manager::ClipboardExt;

use switchboard_app::notifications;

use crate::{tray, windows};

pub struct TauriShell {
    app: AppHandle,
    /// The tray's language (follows the settings).
    labels: Mutex<Labels>,
}

impl TauriShell {
    pub fn new(app: AppHandle, language: &str) -> Self {
        Self {
            app,
            labels: Mutex::new(Labels::for_locale(language)),
        }
    }
}

impl Shell for TauriShell {
    fn notify(&self, notice: &RenderedNotice, replies: NoticeReplies) -> Result<u32, String> {
        notifications::show(notice, replies)
    }

    fn withdraw(&self, id: u32) {
        notifications::withdraw(id);
    }

    fn copy_to_clipboard(&self, text: &str) -> Result<(), String> {
        self.app
            .clipboard()
            .write_text(text)
            .map_err(|e| e.to_string())
    }

    fn show_conversation(&self, conversation_id: &str) {
        windows::show_main(&self.app);
        self.emit(AppEvent::OpenConversation {
            conversation_id: conversation_id.to_owned(),
        });
    }

    fn show_call_popup(&self, call_id: &str) {
        windows::show_call_popup(&self.app, call_id);
    }

    fn close_call_popup(&self, call_id: &str) {
        windows::close_call_popup(&self.app, call_id);
    }

    fn emit(&self, event: AppEvent) {
        if let AppEvent::Settings { settings } = &event {
            *self.labels.lock().unwrap_or_else(|e| e.into_inner()) =
                Labels::for_locale(&settings.language);
        }
        if let Err(e) = self.app.emit(EVENT_CHANNEL, event) {
            tracing::warn!(error = %e, "cannot tell the UI");
        }
    }

    fn set_unread(&self, total: u32) {
        let labels = self.labels.lock().unwrap_or_else(|e| e.into_inner());
        tray::set_unread(&self.app, &labels, total);
    }
}
