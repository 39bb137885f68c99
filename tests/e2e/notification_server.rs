//! A notification server on the test's private D-Bus session bus: it owns
//! `org.freedesktop.Notifications`, records every `Notify` call the app makes
//! (summary, body, actions, hints, timeout) and emits `ActionInvoked` as a
//! desktop would when the agent presses a button.

use std::collections::HashMap;
use std::time::Duration;

use tokio::sync::watch;
use zbus::zvariant::OwnedValue;

/// One `Notify` call as the desktop received it.
#[derive(Debug, Clone)]
pub struct Notification {
    pub id: u32,
    pub app_name: String,
    pub summary: String,
    pub body: String,
    /// Flat list as on the wire: key, label, key, label, …
    pub actions: Vec<String>,
    pub hints: HashMap<String, OwnedValue>,
    pub expire_timeout: i32,
}

impl Notification {
    pub fn hint_str(&self, key: &str) -> Option<String> {
        self.hints
            .get(key)
            .and_then(|v| String::try_from(v.try_clone().ok()?).ok())
    }
    pub fn hint_bool(&self, key: &str) -> Option<bool> {
        self.hints.get(key).and_then(|v| bool::try_from(v).ok())
    }
    pub fn hint_u8(&self, key: &str) -> Option<u8> {
        self.hints.get(key).and_then(|v| u8::try_from(v).ok())
    }
}

struct Server {
    seen: watch::Sender<Vec<Notification>>,
    next_id: u32,
}

#[zbus::interface(name = "org.freedesktop.Notifications")]
impl Server {
    #[allow(clippy::too_many_arguments)]
    fn notify(
        &mut self,
        app_name: String,
        replaces_id: u32,
        _app_icon: String,
        summary: String,
        body: String,
        actions: Vec<String>,
        hints: HashMap<String, OwnedValue>,
        expire_timeout: i32,
    ) -> u32 {
        let id = if replaces_id != 0 {
            replaces_id
        } else {
            self.next_id += 1;
            self.next_id
        };
        let n = Notification {
            id,
            app_name,
            summary,
            body,
            actions,
            hints,
            expire_timeout,
        };
        self.seen.send_modify(|all| all.push(n));
        id
    }
    fn get_capabilities(&self) -> Vec<String> {
        ["actions", "body", "body-markup", "persistence"]
            .map(String::from)
            .to_vec()
    }
    fn get_server_information(&self) -> (String, String, String, String) {
        (
            "switchboard-e2e".into(),
            "switchboard".into(),
            "1".into(),
            "1.2".into(),
        )
    }
    fn close_notification(&self, _id: u32) {}
}

pub struct NotificationServer {
    conn: zbus::blocking::Connection,
    seen: watch::Receiver<Vec<Notification>>,
}

impl NotificationServer {
    /// Connects to the bus at `address` and owns the notifications name, before
    /// the app starts, so no other server gets activated.
    pub fn start(address: &str) -> zbus::Result<Self> {
        let (tx, rx) = watch::channel(Vec::new());
        let conn = zbus::blocking::connection::Builder::address(address)?
            .name("org.freedesktop.Notifications")?
            .serve_at(
                "/org/freedesktop/Notifications",
                Server {
                    seen: tx,
                    next_id: 0,
                },
            )?
            .build()?;
        Ok(Self { conn, seen: rx })
    }

    /// Awaits the first notification matching `pred` (10 s at most).
    pub async fn wait_for(&self, pred: impl Fn(&Notification) -> bool) -> Notification {
        let mut rx = self.seen.clone();
        let found = tokio::time::timeout(
            Duration::from_secs(10),
            rx.wait_for(|all| all.iter().any(&pred)),
        )
        .await
        .expect("no matching notification within 10 s")
        .expect("notification server stopped");
        found
            .iter()
            .find(|n| pred(n))
            .cloned()
            .expect("matched above")
    }

    pub fn all(&self) -> Vec<Notification> {
        self.seen.borrow().clone()
    }

    /// Emits `ActionInvoked(id, key)`, as the desktop does when a button is pressed.
    pub fn invoke_action(&self, id: u32, key: &str) {
        self.conn
            .emit_signal(
                None::<&str>,
                "/org/freedesktop/Notifications",
                "org.freedesktop.Notifications",
                "ActionInvoked",
                &(id, key),
            )
            .expect("emit ActionInvoked");
    }
}
