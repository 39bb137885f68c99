//! Native desktop notifications (org.freedesktop.Notifications over D-Bus via
//! notify-rust). A call notification carries the caller's name and number, the
//! queue and the channel, and a "copy number" action.

use notify_rust::{Hint, Notification, Timeout, Urgency};

pub const APP_NAME: &str = "Switchboard";
/// The action key the desktop reports when the agent presses "copy number".
pub const COPY_NUMBER_ACTION: &str = "copy-number";

/// What a call notification shows; every text is already localised.
pub struct CallNotice {
    pub summary: String,
    pub body: String,
    pub copy_label: String,
}

pub fn call_notification(notice: &CallNotice) -> Notification {
    let mut n = Notification::new();
    n.appname(APP_NAME)
        .summary(&notice.summary)
        .body(&notice.body)
        .icon("call-start")
        .action(COPY_NUMBER_ACTION, &notice.copy_label)
        .hint(Hint::Category("call.incoming".into()))
        .hint(Hint::Resident(true))
        .urgency(Urgency::Critical)
        .timeout(Timeout::Never);
    n
}

/// Shows the notification and, on a background thread, waits for the agent's
/// action; `on_copy` runs when "copy number" is pressed.
pub fn show_call_notification(
    notice: &CallNotice,
    on_copy: impl FnOnce() + Send + 'static,
) -> Result<u32, notify_rust::error::Error> {
    let handle = call_notification(notice).show()?;
    let id = handle.id();
    std::thread::spawn(move || {
        let mut on_copy = Some(on_copy);
        handle.wait_for_action(|action| {
            if action == COPY_NUMBER_ACTION
                && let Some(f) = on_copy.take()
            {
                f();
            }
        });
    });
    Ok(id)
}
