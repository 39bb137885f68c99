//! The app's notification client, as `src-tauri/src/notifications.rs` has
//! it (copied, the shell crate depends on tauri): a rendered notice posted
//! with notify-rust (app name, summary, body, icon, category, urgency,
//! actions, resident), withdrawn with `CloseNotification` over zbus. The
//! agent's actions are not followed: the bench presses no button.

use notify_rust::{Hint, Notification, Timeout, Urgency};
use switchboard_app::RenderedNotice;

const BUS_NAME: &str = "org.freedesktop.Notifications";
const PATH: &str = "/org/freedesktop/Notifications";

/// The app's name on its notifications.
pub const APP_NAME: &str = "Switchboard";

fn urgency(u: switchboard_desktop::Urgency) -> Urgency {
    match u {
        switchboard_desktop::Urgency::Low => Urgency::Low,
        switchboard_desktop::Urgency::Normal => Urgency::Normal,
        switchboard_desktop::Urgency::Critical => Urgency::Critical,
    }
}

/// The notification of a rendered notice.
pub fn notification(notice: &RenderedNotice) -> Notification {
    let mut n = Notification::new();
    n.appname(APP_NAME)
        .summary(&notice.summary)
        .body(&notice.body)
        .icon(notice.icon)
        .hint(Hint::Category(notice.category.into()))
        .urgency(urgency(notice.urgency));
    for (key, label) in &notice.actions {
        n.action(key, label);
    }
    if notice.resident {
        n.hint(Hint::Resident(true)).timeout(Timeout::Never);
    }
    n
}

/// Posts the notice on the session bus; the server's id.
pub fn show(notice: &RenderedNotice) -> Result<u32, String> {
    let handle = notification(notice).show().map_err(|e| e.to_string())?;
    Ok(handle.id())
}

/// Takes notification `id` away (`CloseNotification`), off the caller's
/// thread, as the app does.
pub fn withdraw(id: u32) {
    std::thread::spawn(move || {
        let closed = zbus::blocking::Connection::session().and_then(|c| {
            c.call_method(
                Some(BUS_NAME),
                PATH,
                Some(BUS_NAME),
                "CloseNotification",
                &(id,),
            )
            .map(|_| ())
        });
        if let Err(e) = closed {
            eprintln!("cannot withdraw notification {id}: {e}");
        }
    });
}
