//! Two hub instances on one PostgreSQL database serve one team (runs in
//! the PostgreSQL pass of `make test`): webhooks delivered to either (each
//! twice, shuffled), an agent's sends through both with the same
//! `client_id`, SSE clients on both. Every client's stream equals the paged
//! feed, without gap or duplicate, and each wamid and `client_id` is one
//! message.

mod common;

use std::collections::{BTreeMap, BTreeSet};
use std::sync::Arc;

use futures::StreamExt;
use rand::SeedableRng;
use rand::seq::SliceRandom;
use serde_json::{Value, json};

use common::{APP_SECRET, Sse, TestEnv, start_hub};

const WEBHOOKS: usize = 2_000;
const CUSTOMERS: usize = 200;
const SENDS: usize = 20;

/// A `messages` webhook carrying message `i`, from customer `i % CUSTOMERS`,
/// written at `ts` (unix seconds).
fn webhook(pnid: &str, i: usize, ts: i64) -> Vec<u8> {
    let from = format!("4918{:08}", i % CUSTOMERS);
    serde_json::to_vec(&json!({
        "object": "whatsapp_business_account",
        "entry": [{ "id": "waba", "changes": [{ "field": "messages", "value": {
            "messaging_product": "whatsapp",
            "metadata": { "display_phone_number": "15550001", "phone_number_id": pnid },
            "contacts": [{ "profile": { "name": format!("Customer {}", i % CUSTOMERS) }, "wa_id": from }],
            "messages": [{ "from": from, "id": format!("wamid.two.{i}"),
                "timestamp": ts.to_string(), "type": "text", "text": { "body": format!("message {i}") } }],
        }}]}]
    }))
    .unwrap()
}

async fn post_webhook(http: &reqwest::Client, hub: &str, body: Vec<u8>) -> u16 {
    let sig = switchboard_cloudapi::sign(APP_SECRET.as_bytes(), &body);
    http.post(format!("{hub}/webhooks/whatsapp"))
        .header("content-type", "application/json")
        .header("X-Hub-Signature-256", sig)
        .body(body)
        .send()
        .await
        .unwrap()
        .status()
        .as_u16()
}

/// The agent's paged feed after `after`: (seq, change) in order.
async fn paged(env: &TestEnv, hub: &str, after: i64) -> Vec<(i64, Value)> {
    common::paged_feed(&env.http, hub, &env.agent, after)
        .await
        .into_iter()
        .map(|c| (c["seq"].as_i64().unwrap(), c))
        .collect()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn two_instances_serve_one_feed_without_gap_or_duplicate() {
    if !common::postgres::hubs_on_postgres() {
        eprintln!("two hub instances need PostgreSQL: checked in the PostgreSQL pass");
        return;
    }
    let env = TestEnv::new().await;
    let b = start_hub(
        &env.dir.path().join("hub.db"),
        &env.sandbox.base_url,
        env.clock.clone(),
    )
    .await;
    let hubs = [env.hub_url().to_string(), b.url.clone()];
    let head = paged(&env, &hubs[0], 0).await.last().map_or(0, |c| c.0);
    let mut streams = [
        Sse::connect(&hubs[0], &env.agent, Some(head)).await,
        Sse::connect(&hubs[1], &env.agent, Some(head)).await,
    ];

    // Every webhook twice, once to each instance, in a shuffled order.
    let pnid = env.sandbox.state.config.phone_number_id.clone();
    let ts = switchboard_domain::clock::Clock::now(&*env.clock).timestamp() - 60;
    let mut deliveries: Vec<(usize, usize)> =
        (0..WEBHOOKS).flat_map(|i| [(0, i), (1, i)]).collect();
    deliveries.shuffle(&mut rand::rngs::StdRng::seed_from_u64(7));
    let statuses: Vec<u16> = futures::stream::iter(deliveries)
        .map(|(hub, i)| {
            let (http, url, body) = (env.http.clone(), hubs[hub].clone(), webhook(&pnid, i, ts));
            async move { post_webhook(&http, &url, body).await }
        })
        .buffer_unordered(16)
        .collect()
        .await;
    assert!(statuses.iter().all(|s| *s == 200), "every delivery acked");

    // The agent sends through both instances with the same client_id
    // (a retry that reached the other instance): one message each.
    for k in 0..SENDS {
        let conv = env.conversation_of(&format!("4918{k:08}")).await;
        let id = conv["id"].as_str().unwrap().to_string();
        let send = |hub: String| {
            let (http, agent, id) = (env.http.clone(), env.agent.clone(), id.clone());
            async move {
                let r = http
                    .post(format!("{hub}/api/v1/conversations/{id}/messages"))
                    .bearer_auth(agent)
                    .json(
                        &json!({ "client_id": format!("c-{k}"), "kind": "text", "text": "On it" }),
                    )
                    .send()
                    .await
                    .unwrap();
                assert!(r.status().is_success(), "{}", r.status());
                r.json::<Value>().await.unwrap()["id"]
                    .as_str()
                    .unwrap()
                    .to_string()
            }
        };
        let (one, other) = tokio::join!(send(hubs[0].clone()), send(hubs[1].clone()));
        assert_eq!(one, other, "a retried client_id is one message");
    }

    // The feed, as paged from either instance, and each instance's stream.
    // (Meta's answers to the sends still arrive: compared up to one point.)
    let feed = paged(&env, &hubs[1], head).await;
    let last = feed.last().unwrap().0;
    let mut from_a = paged(&env, &hubs[0], head).await;
    from_a.retain(|(seq, _)| *seq <= last);
    assert!(
        from_a == feed,
        "one feed: {} changes from one instance, {} from the other",
        from_a.len(),
        feed.len()
    );
    for (n, sse) in streams.iter_mut().enumerate() {
        let mut got = Vec::new();
        while got.last().is_none_or(|(seq, _)| *seq < last) {
            got.push(sse.next().await);
        }
        let seqs: Vec<i64> = got.iter().map(|(s, _)| *s).collect();
        let want: Vec<i64> = feed.iter().map(|(s, _)| *s).collect();
        assert!(seqs == want, "instance {n}'s stream is not the paged feed");
        let events: Vec<&Value> = got.iter().map(|(_, c)| c).collect();
        let changes: Vec<&Value> = feed.iter().map(|(_, c)| c).collect();
        assert!(events == changes, "instance {n} streamed other contents");
    }
    let seqs: BTreeSet<i64> = feed.iter().map(|(s, _)| *s).collect();
    assert_eq!(seqs.len(), feed.len(), "no change twice");

    // Exactly one message per wamid and per client_id.
    let mut per_wamid: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    let mut per_client: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for (_, c) in &feed {
        if c["kind"] != "message" {
            continue;
        }
        let m = &c["data"];
        let id = m["id"].as_str().unwrap().to_string();
        if let Some(w) = m["wamid"].as_str().filter(|w| w.starts_with("wamid.two.")) {
            per_wamid
                .entry(w.to_string())
                .or_default()
                .insert(id.clone());
        }
        if let Some(cid) = m["client_id"].as_str() {
            per_client.entry(cid.to_string()).or_default().insert(id);
        }
    }
    assert_eq!(per_wamid.len(), WEBHOOKS, "every webhook's message");
    assert!(
        per_wamid.values().all(|ids| ids.len() == 1),
        "one per wamid"
    );
    assert_eq!(per_client.len(), SENDS);
    assert!(
        per_client.values().all(|ids| ids.len() == 1),
        "one per client_id"
    );
    b.stop().await;
}

/// `post_webhook`, or `None` when the instance did not answer (killed).
async fn try_webhook(http: &reqwest::Client, hub: &str, body: Vec<u8>) -> Option<u16> {
    let sig = switchboard_cloudapi::sign(APP_SECRET.as_bytes(), &body);
    http.post(format!("{hub}/webhooks/whatsapp"))
        .header("content-type", "application/json")
        .header("X-Hub-Signature-256", sig)
        .body(body)
        .send()
        .await
        .ok()
        .map(|r| r.status().as_u16())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn an_instance_killed_mid_load_loses_no_acknowledged_webhook_and_its_clients_resume() {
    if !common::postgres::hubs_on_postgres() {
        eprintln!("two hub instances need PostgreSQL: checked in the PostgreSQL pass");
        return;
    }
    const LOAD: usize = 1_000;
    const KILL_AFTER: usize = 300;
    let env = TestEnv::new().await;
    // Instance A: the real binary, killed with SIGKILL mid-load.
    let mut a = common::serve_binary(&env.dir.path().join("hub.db"), &env.sandbox.base_url).await;
    let head = paged(&env, env.hub_url(), 0)
        .await
        .last()
        .map_or(0, |c| c.0);
    let mut on_a = Sse::connect(&a.url, &env.agent, Some(head)).await;
    let streamed_by_a =
        tokio::spawn(async move { on_a.until_end(std::time::Duration::from_secs(60)).await });

    let pnid = env.sandbox.state.config.phone_number_id.clone();
    let ts = switchboard_domain::clock::Clock::now(&*env.clock).timestamp() - 60;
    let mut answers = futures::stream::iter(0..LOAD)
        .map(|i| {
            let (http, url, body) = (env.http.clone(), a.url.clone(), webhook(&pnid, i, ts));
            async move { (i, try_webhook(&http, &url, body).await) }
        })
        .buffer_unordered(16);
    let mut acked = BTreeSet::new();
    while let Some((i, status)) = answers.next().await {
        if status == Some(200) {
            acked.insert(i);
            if acked.len() == KILL_AFTER {
                a.child.start_kill().expect("kill -9");
            }
        }
    }
    drop(answers);
    a.child.wait().await.expect("the killed instance is reaped");
    assert!(
        acked.len() >= KILL_AFTER && acked.len() < LOAD,
        "killed mid-load: {} acked",
        acked.len()
    );

    // Meta sends what A did not acknowledge again; B takes it.
    for i in (0..LOAD).filter(|i| !acked.contains(i)) {
        assert_eq!(
            try_webhook(&env.http, env.hub_url(), webhook(&pnid, i, ts)).await,
            Some(200)
        );
    }

    // Nothing acknowledged is lost, nothing is twice.
    let feed = paged(&env, env.hub_url(), head).await;
    let wamids: Vec<&str> = feed
        .iter()
        .filter(|(_, c)| c["kind"] == "message")
        .filter_map(|(_, c)| c["data"]["wamid"].as_str())
        .collect();
    let distinct: BTreeSet<&str> = wamids.iter().copied().collect();
    assert_eq!(wamids.len(), distinct.len(), "one message per wamid");
    for i in &acked {
        assert!(
            distinct.contains(format!("wamid.two.{i}").as_str()),
            "acked webhook {i} lost"
        );
    }
    assert_eq!(distinct.len(), LOAD);

    // A's stream ended with it; the client resumes on B from the last
    // event it had and misses nothing.
    let from_a = streamed_by_a.await.unwrap();
    let resume = from_a.last().map_or(head, |e| e.0);
    let mut on_b = Sse::connect(env.hub_url(), &env.agent, Some(resume)).await;
    let last = feed.last().unwrap().0;
    let mut seqs: Vec<i64> = from_a.iter().map(|e| e.0).collect();
    while seqs.last().is_none_or(|s| *s < last) {
        seqs.push(on_b.next().await.0);
    }
    let want: Vec<i64> = feed.iter().map(|(s, _)| *s).collect();
    assert!(
        seqs == want,
        "the client's changes are the feed ({} of {})",
        seqs.len(),
        want.len()
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn one_instance_at_a_time_runs_the_background_jobs() {
    use switchboard_hub::storage::Storage;
    use switchboard_hub::storage::postgres::PgStorage;
    if !common::postgres::hubs_on_postgres() {
        eprintln!("two hub instances need PostgreSQL: checked in the PostgreSQL pass");
        return;
    }
    let db = common::postgres::fresh_database();
    let open = || {
        let quiet: switchboard_hub::storage::CommitListener =
            Arc::new(|_: &[switchboard_hub::storage::FeedRecord]| {});
        let clock = Arc::new(switchboard_domain::clock::SystemClock);
        PgStorage::open(&db, quiet, clock, switchboard_hub::secrets::Secrets::none()).unwrap()
    };
    let (first, second) = (open(), open());
    let leaders = |a: &PgStorage, b: &PgStorage| {
        usize::from(a.leads_background_jobs()) + usize::from(b.leads_background_jobs())
    };
    common::wait_for("a leader", || async {
        (leaders(&first, &second) == 1).then_some(())
    })
    .await;
    // Never two, while both live.
    for _ in 0..20 {
        assert!(leaders(&first, &second) <= 1, "two instances lead");
        tokio::task::yield_now().await;
    }
    // The leader stops: the other takes over.
    let (leader, other) = if first.leads_background_jobs() {
        (first, second)
    } else {
        (second, first)
    };
    drop(leader);
    common::wait_for("the other instance leading", || async {
        other.leads_background_jobs().then_some(())
    })
    .await;
}
