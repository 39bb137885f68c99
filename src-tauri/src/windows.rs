//! The app's windows: the main window brought to the front on a
//! conversation, and the always-on-top call popups (one per call).

use switchboard_app::contract::{CALL_QUERY, CALL_WINDOW_PREFIX, MAIN_WINDOW};
use tauri::{AppHandle, Manager, WebviewUrl, WebviewWindowBuilder};

/// A call's popup label: the prefix and the call id, reduced to what
/// window labels allow.
pub fn popup_label(call_id: &str) -> String {
    let id: String = call_id
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '-' || c == '_' {
                c
            } else {
                '_'
            }
        })
        .collect();
    format!("{CALL_WINDOW_PREFIX}{id}")
}

/// Shows the main window in front (it may be hidden in the tray).
pub fn show_main(app: &AppHandle) {
    if let Some(w) = app.get_webview_window(MAIN_WINDOW) {
        let _ = w.show();
        let _ = w.unminimize();
        let _ = w.set_focus();
    }
}

/// Opens the call's popup, or brings it to the front.
pub fn show_call_popup(app: &AppHandle, call_id: &str) {
    let label = popup_label(call_id);
    if let Some(w) = app.get_webview_window(&label) {
        let _ = w.show();
        let _ = w.unminimize();
        let _ = w.set_focus();
        return;
    }
    let url = WebviewUrl::App(popup_path(call_id).into());
    let built = WebviewWindowBuilder::new(app, &label, url)
        .title("Switchboard — call")
        .inner_size(360.0, 440.0)
        .resizable(false)
        .always_on_top(true)
        .focused(true)
        .build();
    if let Err(e) = built {
        tracing::error!(error = %e, "cannot open the call popup");
    }
}

/// The popup's page, its call in the query (`?call=<id>`, form-encoded).
fn popup_path(call_id: &str) -> String {
    let query = url::form_urlencoded::Serializer::new(String::new())
        .append_pair(CALL_QUERY, call_id)
        .finish();
    format!("index.html?{query}")
}

/// Closes the call's popup, if open.
pub fn close_call_popup(app: &AppHandle, call_id: &str) {
    if let Some(w) = app.get_webview_window(&popup_label(call_id)) {
        let _ = w.close();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn popup_labels_keep_only_what_labels_allow() {
        assert_eq!(popup_label("ab-12_x"), "call-ab-12_x");
        assert_eq!(popup_label("a/b c"), "call-a_b_c");
    }

    #[test]
    fn the_popups_query_carries_any_call_id() {
        assert_eq!(popup_path("wacid.AbC-1_2"), "index.html?call=wacid.AbC-1_2");
        assert_eq!(
            popup_path("a b&c=d/é"),
            "index.html?call=a+b%26c%3Dd%2F%C3%A9"
        );
    }
}
