//! A team on loopback, as the app's demo mode and the E2E tests use it: the
//! agent signs in, customers write and call, the hub stops and comes back on
//! the same address with its data; and the demo scenario brings customers in
//! ja, de, fr and en and a ringing call. Every wait polls a condition,
//! bounded by [`WAIT`] only as a failure bound.

use std::collections::BTreeSet;
use std::future::Future;
use std::time::Duration;

use serde::de::DeserializeOwned;
use switchboard_demo::{QUEUE_NAME, Team, TeamOptions};
use switchboard_domain::clock::{Clock, SystemClock};
use switchboard_protocol::{
    CallState, ChangeData, ChangesPage, Conversation, ConversationList, Me, MessagePage, Role,
    TemplateList,
};
use switchboard_sandbox::scenario::DemoTiming;

/// The failure bound of every wait.
const WAIT: Duration = Duration::from_secs(60);

fn init_tracing() {
    let _ = tracing_subscriber::fmt()
        .with_env_filter(
            tracing_subscriber::EnvFilter::try_from_default_env().unwrap_or_else(|_| "warn".into()),
        )
        .with_test_writer()
        .try_init();
}

fn client() -> reqwest::Client {
    reqwest::Client::builder()
        .no_proxy()
        .timeout(Duration::from_secs(20))
        .build()
        .unwrap()
}

/// `GET {hub}/api/v1{path}` as `token`; `Err` with the reason when the hub
/// cannot be reached or answers an error.
async fn try_get<T: DeserializeOwned>(
    http: &reqwest::Client,
    team: &Team,
    token: &str,
    path: &str,
) -> Result<T, String> {
    let r = http
        .get(format!("{}/api/v1{path}", team.hub_url()))
        .bearer_auth(token)
        .send()
        .await
        .map_err(|e| format!("GET {path}: {e}"))?;
    let status = r.status();
    let text = r.text().await.map_err(|e| format!("GET {path}: {e}"))?;
    if !status.is_success() {
        return Err(format!("GET {path}: {status} {text}"));
    }
    serde_json::from_str(&text).map_err(|e| format!("GET {path}: {e}: {text}"))
}

async fn get<T: DeserializeOwned>(
    http: &reqwest::Client,
    team: &Team,
    token: &str,
    path: &str,
) -> T {
    try_get(http, team, token, path)
        .await
        .unwrap_or_else(|e| panic!("{e}"))
}

/// Polls `check` until it gives `Some`, bounded by [`WAIT`].
async fn until<T, F, Fut>(what: &str, mut check: F) -> T
where
    F: FnMut() -> Fut,
    Fut: Future<Output = Option<T>>,
{
    let deadline = tokio::time::Instant::now() + WAIT;
    loop {
        if let Some(t) = check().await {
            return t;
        }
        assert!(
            tokio::time::Instant::now() < deadline,
            "timed out waiting for {what}"
        );
        tokio::time::sleep(Duration::from_millis(25)).await;
    }
}

async fn conversations(http: &reqwest::Client, team: &Team) -> Vec<Conversation> {
    let list: ConversationList =
        get(http, team, team.agent_token(), "/conversations?limit=500").await;
    list.conversations
}

async fn conversation_of(http: &reqwest::Client, team: &Team, wa_id: &str) -> Option<Conversation> {
    conversations(http, team)
        .await
        .into_iter()
        .find(|c| c.customer.wa_id == wa_id)
}

/// Every change the agent may see.
async fn feed(http: &reqwest::Client, team: &Team) -> Vec<ChangeData> {
    let mut all = Vec::new();
    let mut after = 0;
    loop {
        let page: ChangesPage = get(
            http,
            team,
            team.agent_token(),
            &format!("/changes?after={after}&limit=5000"),
        )
        .await;
        all.extend(page.changes.into_iter().map(|c| c.change));
        after = page.next;
        if !page.more {
            return all;
        }
    }
}

/// The states the hub's call with Meta's id `wacid` went through, in order.
async fn call_states(http: &reqwest::Client, team: &Team, wacid: &str) -> Vec<CallState> {
    feed(http, team)
        .await
        .into_iter()
        .filter_map(|c| match c {
            ChangeData::Call(call) if call.wacid.as_deref() == Some(wacid) => Some(call.state),
            _ => None,
        })
        .collect()
}

/// Whether anything answers at `url`.
async fn answers(http: &reqwest::Client, url: &str) -> bool {
    http.get(format!("{url}/healthz")).send().await.is_ok()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_quiet_team_serves_the_agent_and_survives_a_hub_restart() {
    init_tracing();
    let dir = tempfile::tempdir().unwrap();
    let mut team = switchboard_demo::start(TeamOptions::quiet(dir.path()))
        .await
        .expect("the team starts");
    let http = client();
    assert!(team.hub_url().starts_with("http://127.0.0.1:"));
    assert!(dir.path().join(switchboard_demo::HUB_DB_FILE).exists());

    // The agent signs in: themselves, in the support queue.
    let me: Me = get(&http, &team, team.agent_token(), "/me").await;
    assert_eq!(me.id, team.agent_id());
    assert_eq!(me.name, "Ana");
    assert_eq!(me.role, Role::Agent);
    assert_eq!(me.queues.len(), 1, "{me:?}");
    assert_eq!(me.queues[0].name, QUEUE_NAME);
    assert_eq!(me.queues[0].id, team.queue_id());
    let admin: Me = get(&http, &team, team.admin_token(), "/me").await;
    assert_eq!(
        (admin.id.as_str(), admin.role),
        (team.admin_id(), Role::Admin)
    );
    // The templates were synced before the team was handed over.
    let templates: TemplateList = get(&http, &team, team.agent_token(), "/templates").await;
    assert!(!templates.templates.is_empty());

    // A customer writes: their conversation comes to the support queue.
    let kim = "15551230001";
    let written = SystemClock.now() - chrono::TimeDelta::hours(1);
    let wamid = team
        .customer_says(kim, "Kim Lee", "Hello, where is my order?", Some(written))
        .await
        .unwrap();
    let conversation = until("Kim's conversation", || conversation_of(&http, &team, kim)).await;
    assert_eq!(conversation.queue_id.as_deref(), Some(team.queue_id()));
    assert_eq!(conversation.customer.name.as_deref(), Some("Kim Lee"));
    let page: MessagePage = get(
        &http,
        &team,
        team.agent_token(),
        &format!("/conversations/{}/messages", conversation.id),
    )
    .await;
    let first = &page.messages[0];
    assert_eq!(first.wamid.as_deref(), Some(wamid.as_str()));
    assert_eq!(first.text.as_deref(), Some("Hello, where is my order?"));
    assert_eq!(first.sent_at.timestamp(), written.timestamp());

    // The hub stops: its address refuses connections. What the customer
    // writes meanwhile waits in the sandbox.
    let url = team.hub_url();
    team.stop_hub().await;
    assert!(!team.hub_running());
    assert!(!answers(&http, &url).await, "the stopped hub answers");
    team.customer_says(kim, "Kim Lee", "Are you there?", None)
        .await
        .unwrap();

    // Back on the same address and database: the conversation is there, and
    // the message written while it was down arrives.
    team.start_hub().await.expect("the hub starts again");
    assert_eq!(team.hub_url(), url);
    let again = until("Kim's conversation after the restart", || {
        conversation_of(&http, &team, kim)
    })
    .await;
    assert_eq!(again.id, conversation.id);
    let path = format!("/conversations/{}/messages", conversation.id);
    until("the message written while the hub was down", || async {
        let page: MessagePage = get(&http, &team, team.agent_token(), &path).await;
        page.messages
            .iter()
            .any(|m| m.text.as_deref() == Some("Are you there?"))
            .then_some(())
    })
    .await;

    // A customer calls: the call rings at the hub; they hang up: it ends.
    let call_id = team.place_call("15551230002", "Sam Ortiz").await.unwrap();
    until("the ringing call", || async {
        call_states(&http, &team, &call_id)
            .await
            .contains(&CallState::Ringing)
            .then_some(())
    })
    .await;
    team.hang_up(&call_id).await.unwrap();
    until("the call to end", || async {
        call_states(&http, &team, &call_id)
            .await
            .last()
            .is_some_and(|s| !matches!(s, CallState::Ringing | CallState::Connecting))
            .then_some(())
    })
    .await;
    // A call that ended cannot be hung up again: the sandbox's reason comes back.
    let err = team.hang_up(&call_id).await.unwrap_err();
    assert!(format!("{err:#}").contains("409"), "{err:#}");

    // Shut down: nothing answers on either address.
    let sandbox = team.sandbox_url();
    team.shutdown().await;
    assert!(
        !answers(&http, &url).await,
        "the hub answers after shutdown"
    );
    assert!(
        !answers(&http, &sandbox).await,
        "the sandbox answers after shutdown"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_demo_scenario_brings_customers_in_four_languages_and_a_call() {
    init_tracing();
    let dir = tempfile::tempdir().unwrap();
    // A database an earlier team left is replaced.
    std::fs::write(
        dir.path().join(switchboard_demo::HUB_DB_FILE),
        b"not sqlite",
    )
    .unwrap();
    let options = TeamOptions {
        scenario: Some(DemoTiming {
            step: Duration::from_millis(5),
            message_every: Duration::from_millis(300),
            first_call: Duration::from_millis(100),
            call_every: Duration::from_secs(1),
            call_length: Duration::from_millis(200),
            closing_window: Duration::from_secs(300),
        }),
        ..TeamOptions::quiet(dir.path())
    };
    let team = switchboard_demo::start(options)
        .await
        .expect("the demo team starts");
    let http = client();

    // Yuki (ja), Jonas (de), Camille (fr) and Emily (en) write.
    let wanted: BTreeSet<&str> = [
        "819012345678",
        "4915112345678",
        "33612345678",
        "14155550123",
    ]
    .into_iter()
    .collect();
    until("conversations in ja, de, fr and en", || async {
        let seen: BTreeSet<String> = conversations(&http, &team)
            .await
            .into_iter()
            .map(|c| c.customer.wa_id)
            .collect();
        wanted.iter().all(|w| seen.contains(*w)).then_some(())
    })
    .await;
    let yuki = conversation_of(&http, &team, "819012345678").await.unwrap();
    let page: MessagePage = get(
        &http,
        &team,
        team.agent_token(),
        &format!("/conversations/{}/messages", yuki.id),
    )
    .await;
    assert!(
        page.messages
            .iter()
            .any(|m| m.text.as_deref().is_some_and(|t| t.contains("注文番号"))),
        "{page:?}"
    );

    // A customer calls: the call rings at the hub.
    until("a ringing call", || async {
        feed(&http, &team)
            .await
            .iter()
            .any(|c| matches!(c, ChangeData::Call(call) if call.state == CallState::Ringing))
            .then_some(())
    })
    .await;
    team.shutdown().await;
}

#[test]
fn the_demo_options_place_the_first_call_within_half_a_minute() {
    let options = TeamOptions::demo("/nonexistent");
    let t = options.scenario.expect("the demo plays the scenario");
    // Eight steps between the nine opening messages, then the first call.
    let first_call = t.step * 8 + t.first_call;
    assert!(first_call <= Duration::from_secs(30), "{first_call:?}");
    assert!(
        t.call_every >= Duration::from_secs(60),
        "{:?}",
        t.call_every
    );
    assert_eq!(options.agent_name, "Alex");
}
