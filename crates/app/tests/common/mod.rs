//! What the core's integration tests share: a shell that records what it
//! is asked, a team (hub and sandbox on loopback), a core signed in to it.

#![allow(dead_code)]

use std::sync::{Arc, Mutex};
use std::time::Duration;

use switchboard_app::contract::{ListConversations, SignIn};
use switchboard_app::{
    AppEvent, Commands, Core, CoreOptions, MemoryVault, NoticeReplies, RenderedNotice, Shell,
    TokenVault,
};
use switchboard_demo::{Team, TeamOptions};
use switchboard_domain::clock::SystemClock;
use tokio::sync::watch;

pub const WAIT: Duration = Duration::from_secs(30);

#[derive(Debug, Clone, PartialEq)]
pub enum Did {
    Notify(u32, RenderedNotice),
    Withdraw(u32),
    Copy(String),
    Conversation(String),
    Popup(String),
    ClosePopup(String),
    Emit(AppEvent),
    Unread(u32),
}

/// A shell that records; notification ids count from 1.
#[derive(Default)]
pub struct Recorder {
    pub did: watch::Sender<Vec<Did>>,
    replies: Mutex<Vec<(u32, NoticeReplies)>>,
}

impl Recorder {
    fn push(&self, d: Did) {
        self.did.send_modify(|all| all.push(d));
    }

    pub async fn until<T>(&self, what: &str, find: impl Fn(&[Did]) -> Option<T>) -> T {
        let mut rx = self.did.subscribe();
        let found = tokio::time::timeout(WAIT, async {
            loop {
                if let Some(t) = find(&rx.borrow_and_update()) {
                    return t;
                }
                rx.changed().await.expect("recorder alive");
            }
        })
        .await;
        found.unwrap_or_else(|_| panic!("{what}: not within {WAIT:?}: {:#?}", self.did.borrow()))
    }

    pub fn replies(&self, id: u32) -> NoticeReplies {
        self.replies
            .lock()
            .unwrap()
            .iter()
            .find(|(i, _)| *i == id)
            .map(|(_, r)| r.clone())
            .expect("a posted notice")
    }
}

impl Shell for Recorder {
    fn notify(&self, notice: &RenderedNotice, replies: NoticeReplies) -> Result<u32, String> {
        let mut r = self.replies.lock().unwrap();
        let id = r.len() as u32 + 1;
        r.push((id, replies));
        self.push(Did::Notify(id, notice.clone()));
        Ok(id)
    }
    fn withdraw(&self, id: u32) {
        self.push(Did::Withdraw(id));
    }
    fn copy_to_clipboard(&self, text: &str) -> Result<(), String> {
        self.push(Did::Copy(text.to_owned()));
        Ok(())
    }
    fn show_conversation(&self, id: &str) {
        self.push(Did::Conversation(id.to_owned()));
    }
    fn show_call_popup(&self, id: &str) {
        self.push(Did::Popup(id.to_owned()));
    }
    fn close_call_popup(&self, id: &str) {
        self.push(Did::ClosePopup(id.to_owned()));
    }
    fn emit(&self, event: AppEvent) {
        self.push(Did::Emit(event));
    }
    fn set_unread(&self, total: u32) {
        self.push(Did::Unread(total));
    }
}

pub async fn open(dir: &std::path::Path, shell: Arc<Recorder>, vault: Arc<MemoryVault>) -> Core {
    Core::open(
        CoreOptions {
            data_dir: dir.to_owned(),
            demo: false,
            audio: None,
        },
        shell,
        vault as Arc<dyn TokenVault>,
        Arc::new(SystemClock),
    )
    .await
    .expect("the core opens")
}

pub async fn team(dir: &std::path::Path) -> Team {
    switchboard_demo::start(TeamOptions::quiet(dir.join("team")))
        .await
        .expect("the team starts")
}

/// A team, and a core signed in to it as its agent (the token in memory).
pub async fn signed_in(dir: &std::path::Path) -> (Team, Arc<Recorder>, Core) {
    let team = team(dir).await;
    let shell = Arc::new(Recorder::default());
    let core = open(
        &dir.join("app"),
        shell.clone(),
        Arc::new(MemoryVault::default()),
    )
    .await;
    core.sign_in(SignIn {
        hub_url: team.hub_url(),
        token: team.agent_token().into(),
    })
    .await
    .expect("signed in");
    (team, shell, core)
}

/// The conversation list once it holds `n` conversations.
pub async fn listed(core: &Core, n: usize) -> Vec<switchboard_store::ConversationItem> {
    let start = std::time::Instant::now();
    loop {
        let list = core
            .conversations(ListConversations::default())
            .await
            .unwrap();
        if list.len() >= n {
            return list;
        }
        assert!(start.elapsed() < WAIT, "{n} conversations never came");
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

/// An admin's call to the hub.
pub async fn admin(
    team: &Team,
    method: reqwest::Method,
    path: &str,
    body: serde_json::Value,
) -> serde_json::Value {
    let r = reqwest::Client::new()
        .request(method, format!("{}/api/v1{path}", team.hub_url()))
        .bearer_auth(team.admin_token())
        .json(&body)
        .send()
        .await
        .expect("the hub answers");
    assert!(r.status().is_success(), "{path}: {}", r.status());
    r.json().await.unwrap_or_default()
}

/// Waits until `probe` finds something (the store catching up with the
/// hub, say).
pub async fn eventually<T>(what: &str, probe: impl AsyncFn() -> Option<T>) -> T {
    let start = std::time::Instant::now();
    loop {
        if let Some(t) = probe().await {
            return t;
        }
        assert!(start.elapsed() < WAIT, "{what}: not within {WAIT:?}");
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}
