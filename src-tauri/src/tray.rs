//! The tray icon: the unread count in its tooltip and label, a menu to
//! open the window or quit.

use switchboard_app::Labels;
use tauri::menu::{Menu, MenuItem};
use tauri::tray::{TrayIcon, TrayIconBuilder};
use tauri::{AppHandle, Manager};

const OPEN: &str = "open";
const QUIT: &str = "quit";

pub fn build(app: &AppHandle, labels: &Labels) -> tauri::Result<TrayIcon> {
    let open = MenuItem::with_id(app, OPEN, labels.get("tray-open", None), true, None::<&str>)?;
    let quit = MenuItem::with_id(app, QUIT, labels.get("tray-quit", None), true, None::<&str>)?;
    let menu = Menu::with_items(app, &[&open, &quit])?;
    let mut builder = TrayIconBuilder::with_id("main")
        .menu(&menu)
        .tooltip("Switchboard")
        .on_menu_event(|app, event| match event.id().as_ref() {
            OPEN => crate::windows::show_main(app),
            QUIT => app.exit(0),
            _ => {}
        });
    if let Some(icon) = app.default_window_icon() {
        builder = builder.icon(icon.clone());
    }
    builder.build(app)
}

/// Shows `total` unread messages on the tray.
pub fn set_unread(app: &AppHandle, labels: &Labels, total: u32) {
    let Some(tray) = app.tray_by_id("main") else {
        return;
    };
    let mut args = fluent_bundle::FluentArgs::new();
    args.set("count", total);
    let text = labels.get(switchboard_desktop::labels::keys::TRAY_UNREAD, Some(&args));
    let _ = tray.set_tooltip(Some(format!("Switchboard — {text}")));
    let _ = tray.set_title(Some(if total > 0 {
        total.to_string()
    } else {
        String::new()
    }));
    if let Some(w) = app.get_webview_window(switchboard_app::contract::MAIN_WINDOW) {
        let title = if total > 0 {
            format!("Switchboard ({total})")
        } else {
            "Switchboard".to_owned()
        };
        let _ = w.set_title(&title);
    }
}
