//! A notification server on the test's private D-Bus session bus: it owns
//! `org.freedesktop.Notifications`, records every `Notify` call the app makes
//! (summary, body, actions, hints, timeout) and every `CloseNotification`
//! (a withdrawn notice, answered with `NotificationClosed` as a desktop
//! does), and emits `ActionInvoked` as a desktop would when the agent
//! presses a button.

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
    closed: watch::Sender<Vec<u32>>,
    /// Tells the signal thread to emit `NotificationClosed`.
    close_signals: std::sync::mpsc::Sender<u32>,
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
    fn close_notification(&self, id: u32) {
        self.closed.send_modify(|all| all.push(id));
        let _ = self.close_signals.send(id);
    }
}

pub struct NotificationServer {
    conn: zbus::blocking::Connection,
    seen: watch::Receiver<Vec<Notification>>,
    closed: watch::Receiver<Vec<u32>>,
}

impl NotificationServer {
    /// Connects to the bus at `address` and owns the notifications name, before
    /// the app starts, so no other server gets activated.
    pub fn start(address: &str) -> zbus::Result<Self> {
        let (tx, rx) = watch::channel(Vec::new());
        let (closed_tx, closed) = watch::channel(Vec::new());
        let (signals_tx, signals) = std::sync::mpsc::channel::<u32>();
        let conn = zbus::blocking::connection::Builder::address(address)?
            .name("org.freedesktop.Notifications")?
            .serve_at(
                "/org/freedesktop/Notifications",
                Server {
                    seen: tx,
                    closed: closed_tx,
                    close_signals: signals_tx,
                    next_id: 0,
                },
            )?
            .build()?;
        // Reason 3: closed by a call to CloseNotification.
        let signal_conn = conn.clone();
        std::thread::spawn(move || {
            while let Ok(id) = signals.recv() {
                let _ = signal_conn.emit_signal(
                    None::<&str>,
                    "/org/freedesktop/Notifications",
                    "org.freedesktop.Notifications",
                    "NotificationClosed",
                    &(id, 3u32),
                );
            }
        });
        Ok(Self {
            conn,
            seen: rx,
            closed,
        })
    }

    /// Awaits the app's `CloseNotification` of `id` (withdrawn), `bound` at most.
    pub async fn wait_closed(&self, id: u32, bound: Duration) {
        let mut rx = self.closed.clone();
        tokio::time::timeout(bound, rx.wait_for(|all| all.contains(&id)))
            .await
            .unwrap_or_else(|_| panic!("notification {id} not withdrawn within {bound:?}"))
            .expect("notification server stopped");
    }

    /// Whether the app withdrew `id`.
    pub fn was_closed(&self, id: u32) -> bool {
        self.closed.borrow().contains(&id)
    }

    /// Awaits the first notification matching `pred` (10 s at most).
    pub async fn wait_for(&self, pred: impl Fn(&Notification) -> bool) -> Notification {
        self.wait_up_to(Duration::from_secs(10), pred).await
    }

    /// Awaits the first notification matching `pred`, `bound` at most.
    pub async fn wait_up_to(
        &self,
        bound: Duration,
        pred: impl Fn(&Notification) -> bool,
    ) -> Notification {
        let mut rx = self.seen.clone();
        let found = tokio::time::timeout(bound, rx.wait_for(|all| all.iter().any(&pred)))
            .await
            .unwrap_or_else(|_| panic!("no matching notification within {bound:?}"))
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

    /// The notifications whose summary is `summary`.
    pub fn with_summary(&self, summary: &str) -> Vec<Notification> {
        self.all()
            .into_iter()
            .filter(|n| n.summary == summary)
            .collect()
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
