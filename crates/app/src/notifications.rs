//! Native notifications over D-Bus (org.freedesktop.Notifications) with
//! notify-rust: a rendered notice posted with its actions and hints, the
//! agent's actions reported back to the core, and withdrawal by id. The
//! shell's `Shell::notify` and `Shell::withdraw` are these (and so are the
//! notify benchmark's: it measures the app's own path).
//!
//! One listener follows `ActionInvoked` and `NotificationClosed` for every
//! notice (notify-rust's `wait_for_action` ends at the first action, but a
//! call notice takes several: copy the number, then answer).

use std::collections::HashMap;
use std::sync::{Mutex, OnceLock};

use crate::labels::RenderedNotice;
use crate::shell::NoticeReplies;
use notify_rust::{Hint, Notification, Timeout, Urgency};

const BUS_NAME: &str = "org.freedesktop.Notifications";
const PATH: &str = "/org/freedesktop/Notifications";

/// The notices still shown, by id, with whom to tell about them.
static SHOWN: OnceLock<Mutex<HashMap<u32, NoticeReplies>>> = OnceLock::new();

fn shown() -> &'static Mutex<HashMap<u32, NoticeReplies>> {
    SHOWN.get_or_init(|| {
        for signal in ["ActionInvoked", "NotificationClosed"] {
            let spawned = std::thread::Builder::new()
                .name(format!("notices-{signal}"))
                .spawn(move || {
                    if let Err(e) = follow(signal) {
                        tracing::error!(error = %e, signal, "cannot follow notification signals");
                    }
                });
            if let Err(e) = spawned {
                tracing::error!(error = %e, "cannot follow notification signals");
            }
        }
        Mutex::new(HashMap::new())
    })
}

/// Reports every `signal` of the notification server to the notice's owner.
fn follow(signal: &'static str) -> zbus::Result<()> {
    let conn = zbus::blocking::Connection::session()?;
    let proxy = zbus::blocking::Proxy::new(&conn, BUS_NAME, PATH, BUS_NAME)?;
    for message in proxy.receive_signal(signal)? {
        let body = message.body();
        if signal == "ActionInvoked" {
            let Ok((id, key)) = body.deserialize::<(u32, String)>() else {
                continue;
            };
            let replies = shown()
                .lock()
                .unwrap_or_else(|e| e.into_inner())
                .get(&id)
                .cloned();
            if let Some(r) = replies {
                r.action(id, &key);
            }
        } else {
            let Ok((id, _reason)) = body.deserialize::<(u32, u32)>() else {
                continue;
            };
            let replies = shown()
                .lock()
                .unwrap_or_else(|e| e.into_inner())
                .remove(&id);
            if let Some(r) = replies {
                r.closed(id);
            }
        }
    }
    Ok(())
}

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

/// Posts the notice; the listener reports what the agent does with it.
pub fn show(notice: &RenderedNotice, replies: NoticeReplies) -> Result<u32, String> {
    let shown = shown();
    let handle = notification(notice).show().map_err(|e| e.to_string())?;
    let id = handle.id();
    shown
        .lock()
        .unwrap_or_else(|e| e.into_inner())
        .insert(id, replies);
    Ok(id)
}

/// Takes notification `id` away (`CloseNotification`), off the caller's
/// thread: a slow notification server never holds the core up.
pub fn withdraw(id: u32) {
    let spawned = std::thread::Builder::new()
        .name("notice-withdraw".into())
        .spawn(move || {
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
                tracing::warn!(error = %e, id, "cannot withdraw a notification");
            }
        });
    if let Err(e) = spawned {
        tracing::error!(error = %e, "cannot withdraw a notification");
    }
}
