//! The hub and the sandbox of an E2E test, in the test's process on
//! loopback (`switchboard-demo`), with what the tests ask of them through
//! their HTTP APIs, and a TCP proxy that cuts the app off the hub.

use std::collections::BTreeMap;
use std::net::SocketAddr;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};

use serde_json::{Value, json};
use switchboard_demo::{Team, TeamOptions};
use switchboard_protocol::{Conversation, ConversationList, Message, MessagePage};
use tokio::net::{TcpListener, TcpStream};
use tokio::task::JoinHandle;

pub struct TestTeam {
    pub team: Team,
    pub http: reqwest::Client,
    _dir: tempfile::TempDir,
}

impl TestTeam {
    /// A hub with one queue and the agent Ana in it, and the sandbox; no
    /// customer writes until a test says so.
    pub async fn start() -> TestTeam {
        let dir = tempfile::tempdir().expect("temp dir");
        let team = switchboard_demo::start(TeamOptions::quiet(dir.path().join("team")))
            .await
            .expect("the team starts");
        TestTeam {
            team,
            http: reqwest::Client::new(),
            _dir: dir,
        }
    }

    pub fn hub_url(&self) -> String {
        self.team.hub_url()
    }

    pub fn token(&self) -> &str {
        self.team.agent_token()
    }

    /// A customer writes (`at`: WhatsApp's timestamp, now when `None`).
    pub async fn says(
        &self,
        wa_id: &str,
        name: &str,
        text: &str,
        at: Option<chrono::DateTime<chrono::Utc>>,
    ) {
        self.team
            .customer_says(wa_id, name, text, at)
            .await
            .expect("the customer writes");
    }

    /// A customer writes `n` texts ("<prefix> 1", "<prefix> 2", …), many at
    /// once through the sandbox, each a signed webhook to the hub.
    pub async fn says_many(&self, wa_id: &str, name: &str, prefix: &str, n: usize) {
        let url = format!("{}/_sandbox/messages", self.team.sandbox_url());
        let mut running = tokio::task::JoinSet::new();
        for i in 1..=n {
            if running.len() >= 16 {
                running.join_next().await.expect("a send").expect("sent");
            }
            let (http, url) = (self.http.clone(), url.clone());
            let body = json!({ "from": wa_id, "name": name, "text": format!("{prefix} {i}") });
            running.spawn(async move {
                let r = http
                    .post(url)
                    .json(&body)
                    .send()
                    .await
                    .expect("the sandbox answers");
                assert!(r.status().is_success(), "{}", r.status());
            });
        }
        while let Some(done) = running.join_next().await {
            done.expect("sent");
        }
    }

    /// Waits until the hub has at least `n` distinct messages (read from its
    /// change feed, page after page; the sandbox posts its webhooks one
    /// after another, well after `says_many` returned).
    pub async fn hub_has_messages(&self, n: usize, within: std::time::Duration) {
        let start = std::time::Instant::now();
        let mut ids = std::collections::HashSet::new();
        let mut after = 0i64;
        loop {
            let page: Value = self
                .get(&format!("/changes?after={after}&limit=5000"))
                .await;
            for c in page["changes"].as_array().into_iter().flatten() {
                if c["kind"] == "message"
                    && let Some(id) = c["data"]["id"].as_str()
                {
                    ids.insert(id.to_owned());
                }
            }
            after = page["next"].as_i64().unwrap_or(after);
            if ids.len() >= n {
                return;
            }
            if page["more"] != true {
                assert!(
                    start.elapsed() < within,
                    "the hub has {} of {n} messages after {within:?}",
                    ids.len()
                );
                tokio::time::sleep(std::time::Duration::from_millis(250)).await;
            }
        }
    }

    /// GET an agent API path (after `/api/v1`) as the agent.
    pub async fn get<T: serde::de::DeserializeOwned>(&self, path: &str) -> T {
        let r = self
            .http
            .get(format!("{}/api/v1{path}", self.hub_url()))
            .bearer_auth(self.token())
            .send()
            .await
            .expect("the hub answers");
        assert!(r.status().is_success(), "GET {path}: {}", r.status());
        r.json().await.expect("a readable answer")
    }

    /// The conversation of this customer, once the hub has it.
    pub async fn conversation_of(&self, wa_id: &str) -> Conversation {
        let start = std::time::Instant::now();
        loop {
            let list: ConversationList = self.get("/conversations?limit=1000").await;
            if let Some(c) = list
                .conversations
                .into_iter()
                .find(|c| c.customer.wa_id == wa_id)
            {
                return c;
            }
            assert!(
                start.elapsed() < std::time::Duration::from_secs(20),
                "no conversation of {wa_id}"
            );
            tokio::time::sleep(std::time::Duration::from_millis(50)).await;
        }
    }

    /// Assigns a conversation to the agent (as a team lead would).
    pub async fn assign_to_agent(&self, conversation_id: &str) {
        let r = self
            .http
            .patch(format!(
                "{}/api/v1/conversations/{conversation_id}",
                self.hub_url()
            ))
            .bearer_auth(self.team.admin_token())
            .json(&json!({ "assignee_id": self.team.agent_id() }))
            .send()
            .await
            .expect("the hub answers");
        assert!(r.status().is_success(), "assign: {}", r.status());
    }

    /// The requests the business sent to `wa_id` (the Cloud API's bodies),
    /// as the sandbox (WhatsApp) received them.
    async fn sent(&self, wa_id: &str) -> Vec<Value> {
        let v: Value = self
            .http
            .get(format!(
                "{}/_sandbox/sent?to={wa_id}",
                self.team.sandbox_url()
            ))
            .send()
            .await
            .expect("the sandbox answers")
            .json()
            .await
            .expect("json");
        v["messages"]
            .as_array()
            .map(|all| all.iter().map(|m| m["body"].clone()).collect())
            .unwrap_or_default()
    }

    /// The texts the business sent to `wa_id`.
    pub async fn sent_to(&self, wa_id: &str) -> Vec<String> {
        self.sent(wa_id)
            .await
            .iter()
            .filter_map(|b| b["text"]["body"].as_str().map(str::to_owned))
            .collect()
    }

    /// The templates the business sent to `wa_id` (the Cloud API's
    /// `template` objects: name, language, components).
    pub async fn templates_sent_to(&self, wa_id: &str) -> Vec<Value> {
        self.sent(wa_id)
            .await
            .iter()
            .filter_map(|b| b.get("template").cloned())
            .collect()
    }

    /// Every conversation the agent sees and every message of each, as the
    /// hub's agent API answers.
    pub async fn view(&self) -> View {
        let list: ConversationList = self.get("/conversations?limit=1000").await;
        let mut view = View::default();
        for c in list.conversations {
            let page: MessagePage = self
                .get(&format!("/conversations/{}/messages?limit=500", c.id))
                .await;
            view.messages.insert(c.id.clone(), sorted(page.messages));
            view.conversations.insert(c.id.clone(), c);
        }
        view
    }
}

pub fn sorted(mut messages: Vec<Message>) -> Vec<Message> {
    messages.sort_by(|a, b| (a.sent_at, &a.id).cmp(&(b.sent_at, &b.id)));
    messages
}

/// Conversations and their threads, by conversation id.
#[derive(Debug, Default, PartialEq)]
pub struct View {
    pub conversations: BTreeMap<String, Conversation>,
    pub messages: BTreeMap<String, Vec<Message>>,
}

/// A TCP proxy in front of the hub: the app's network, which a test cuts.
pub struct Proxy {
    pub addr: SocketAddr,
    up: Arc<AtomicBool>,
    conns: Arc<Mutex<Vec<JoinHandle<()>>>>,
    task: JoinHandle<()>,
}

impl Proxy {
    pub async fn start(upstream: SocketAddr) -> Proxy {
        let listener = TcpListener::bind("127.0.0.1:0").await.expect("bind");
        let addr = listener.local_addr().expect("addr");
        let up = Arc::new(AtomicBool::new(true));
        let conns: Arc<Mutex<Vec<JoinHandle<()>>>> = Arc::default();
        let task = {
            let (up, conns) = (up.clone(), conns.clone());
            tokio::spawn(async move {
                while let Ok((mut client, _)) = listener.accept().await {
                    if !up.load(Ordering::SeqCst) {
                        drop(client);
                        continue;
                    }
                    let conn = tokio::spawn(async move {
                        if let Ok(mut server) = TcpStream::connect(upstream).await {
                            let _ = tokio::io::copy_bidirectional(&mut client, &mut server).await;
                        }
                    });
                    conns.lock().expect("lock").push(conn);
                }
            })
        };
        Proxy {
            addr,
            up,
            conns,
            task,
        }
    }

    pub fn url(&self) -> String {
        format!("http://{}", self.addr)
    }

    /// The network goes: open connections drop, new ones are refused.
    pub fn cut(&self) {
        self.up.store(false, Ordering::SeqCst);
        for c in self.conns.lock().expect("lock").drain(..) {
            c.abort();
        }
    }

    /// The network is back.
    pub fn restore(&self) {
        self.up.store(true, Ordering::SeqCst);
    }
}

impl Drop for Proxy {
    fn drop(&mut self) {
        self.task.abort();
        for c in self.conns.lock().expect("lock").drain(..) {
            c.abort();
        }
    }
}
