//! The core against a real hub and the sandbox on loopback, with a shell
//! that records what it is asked (no window, no D-Bus): sign-in and its
//! errors, the sync into the agent's store, a call's notice and its
//! buttons, replies through the outbox, a restart that resumes the session.

mod common;

use std::sync::Arc;
use std::time::Duration;

use common::*;
use switchboard_app::contract::{
    CallRef, ConversationRef, ListConversations, PermissionAsk, Reply, SearchQuery, SignIn,
};
use switchboard_app::{AppEvent, Commands, ErrorCode, MemoryVault, TokenVault};
use switchboard_protocol::MessageStatus;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sign_in_says_what_went_wrong_and_keeps_nothing_on_failure() {
    let dir = tempfile::tempdir().unwrap();
    let team = team(dir.path()).await;
    let shell = Arc::new(Recorder::default());
    let vault = Arc::new(MemoryVault::default());
    let core = open(&dir.path().join("app"), shell.clone(), vault.clone()).await;
    let sign_in = |hub_url: &str, token: &str| {
        core.sign_in(SignIn {
            hub_url: hub_url.into(),
            token: token.into(),
        })
    };
    let code = |r: Result<_, switchboard_app::CommandError>| r.unwrap_err().code;
    assert_eq!(
        code(sign_in("not a url", "t").await),
        ErrorCode::InvalidInput
    );
    assert_eq!(
        code(sign_in(&team.hub_url(), " ").await),
        ErrorCode::InvalidInput
    );
    assert_eq!(
        code(sign_in(&team.hub_url(), "sbt_wrong").await),
        ErrorCode::TokenRefused
    );
    let closed = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let nobody = format!("http://{}", closed.local_addr().unwrap());
    drop(closed);
    assert_eq!(
        code(sign_in(&nobody, team.agent_token()).await),
        ErrorCode::HubUnreachable
    );
    assert!(core.session(()).await.unwrap().agent.is_none());

    // No keyring: a clear error, and the token is kept nowhere.
    let no_keyring = Arc::new(MemoryVault::unavailable());
    let other = open(&dir.path().join("other"), shell.clone(), no_keyring).await;
    let e = other
        .sign_in(SignIn {
            hub_url: team.hub_url(),
            token: team.agent_token().into(),
        })
        .await
        .unwrap_err();
    assert_eq!(e.code, ErrorCode::KeyringUnavailable);
    assert!(e.message.contains("no keyring"), "{}", e.message);
    assert!(other.session(()).await.unwrap().agent.is_none());
    let profile = std::fs::read(dir.path().join("other/profile.db")).unwrap_or_default();
    assert!(
        !profile
            .windows(team.agent_token().len())
            .any(|w| w == team.agent_token().as_bytes()),
        "the token is not in the profile"
    );
    team.shutdown().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_signed_in_core_syncs_rings_copies_declines_replies_and_resumes_after_a_restart() {
    let dir = tempfile::tempdir().unwrap();
    let team = team(dir.path()).await;
    let shell = Arc::new(Recorder::default());
    let vault = Arc::new(MemoryVault::default());
    let app_dir = dir.path().join("app");
    let core = open(&app_dir, shell.clone(), vault.clone()).await;
    let view = core
        .sign_in(SignIn {
            hub_url: format!("{}/", team.hub_url()),
            token: team.agent_token().into(),
        })
        .await
        .expect("signed in");
    assert_eq!(view.agent.as_ref().map(|a| a.name.as_str()), Some("Ana"));
    assert_eq!(view.hub_url.as_deref(), Some(team.hub_url().as_str()));
    assert_eq!(view.token_store.as_deref(), Some("memory"));

    team.customer_says("4915112345678", "Jonas Weber", "Hallo!", None)
        .await
        .unwrap();
    shell
        .until("the conversation arrives", |d| {
            d.iter().find_map(|d| match d {
                Did::Emit(AppEvent::ConversationsChanged { ids, .. }) if !ids.is_empty() => {
                    Some(())
                }
                _ => None,
            })
        })
        .await;
    let list = core
        .conversations(ListConversations::default())
        .await
        .unwrap();
    assert_eq!(list.len(), 1);
    let conversation = list[0].conversation.clone();
    assert_eq!(conversation.customer.name.as_deref(), Some("Jonas Weber"));

    // A call rings with its facts and three buttons.
    team.place_call("4915112345678", "Jonas Weber")
        .await
        .unwrap();
    let (id, notice) = shell
        .until("the call notice", |d| {
            d.iter().find_map(|d| match d {
                Did::Notify(id, n) if n.category == "call.incoming" => Some((*id, n.clone())),
                _ => None,
            })
        })
        .await;
    assert_eq!(notice.summary, "Incoming WhatsApp call");
    assert_eq!(
        notice.body,
        "Jonas Weber · +4915112345678\nQueue: Support · Channel: WhatsApp"
    );
    let keys: Vec<&str> = notice.actions.iter().map(|(k, _)| k.as_str()).collect();
    assert_eq!(keys, ["default", "copy-number", "answer", "decline"]);
    assert!(notice.resident);

    shell.replies(id).action(id, "copy-number");
    shell
        .until("the number copied", |d| {
            d.contains(&Did::Copy("+4915112345678".into()))
                .then_some(())
        })
        .await;
    shell.replies(id).action(id, "answer");
    let call_id = shell
        .until("the popup", |d| {
            d.iter().find_map(|d| match d {
                Did::Popup(c) => Some(c.clone()),
                _ => None,
            })
        })
        .await;
    let call = core
        .call(CallRef {
            call_id: call_id.clone(),
        })
        .await
        .unwrap();
    assert_eq!(call.queue_name, "Support");
    assert_eq!(call.number.as_deref(), Some("+4915112345678"));
    assert!(call.ringing);
    shell.replies(id).action(id, "decline");
    shell
        .until("withdrawn once declined", |d| {
            d.contains(&Did::Withdraw(id)).then_some(())
        })
        .await;
    shell
        .until("the popup closes", |d| {
            d.contains(&Did::ClosePopup(call_id.clone())).then_some(())
        })
        .await;

    // A reply is pending at once, then sent.
    let pending = core
        .send_reply(Reply {
            conversation_id: conversation.id.clone(),
            text: "Guten Tag!".into(),
        })
        .await
        .unwrap();
    assert_eq!(pending.status, MessageStatus::Pending);
    let start = std::time::Instant::now();
    loop {
        let page = core
            .thread(switchboard_app::contract::ThreadPage {
                conversation_id: conversation.id.clone(),
                before: None,
                limit: None,
            })
            .await
            .unwrap();
        let mine: Vec<_> = page
            .messages
            .iter()
            .filter(|m| m.text.as_deref() == Some("Guten Tag!"))
            .collect();
        assert_eq!(mine.len(), 1, "one copy of the reply");
        if mine[0].status != MessageStatus::Pending {
            break;
        }
        assert!(start.elapsed() < WAIT, "the reply was not sent");
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    let read = core
        .mark_read(ConversationRef {
            conversation_id: conversation.id.clone(),
        })
        .await
        .unwrap();
    assert_eq!(read.total, 0);

    // A restart resumes the session from the keyring, offline-first.
    core.shutdown().await;
    drop(core);
    let again = open(&app_dir, shell.clone(), vault.clone()).await;
    let view = again.session(()).await.unwrap();
    assert_eq!(view.agent.map(|a| a.name), Some("Ana".into()));
    let list = again
        .conversations(ListConversations::default())
        .await
        .unwrap();
    assert_eq!(list.len(), 1, "the store shows what it had");
    let out = again.sign_out(()).await.unwrap();
    assert!(out.agent.is_none());
    let account = format!("{} {}", team.hub_url(), app_dir.display());
    assert_eq!(
        vault.get(&account).unwrap(),
        None,
        "signing out forgets the token"
    );
    team.shutdown().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn joining_a_queue_brings_its_earlier_conversations() {
    let dir = tempfile::tempdir().unwrap();
    let (team, shell, core) = signed_in(dir.path()).await;
    // A VIP queue Ana is not in, and a conversation moved there.
    let team_changes = |d: &[Did]| {
        d.iter()
            .filter(|d| matches!(d, Did::Emit(AppEvent::TeamChanged)))
            .count()
    };
    let before = team_changes(&shell.did.borrow());
    let vip = admin(
        &team,
        reqwest::Method::POST,
        "/admin/queues",
        serde_json::json!({ "name": "VIP", "wait_strategy": null }),
    )
    .await;
    let vip_id = vip["id"].as_str().expect("queue id").to_owned();
    // The views naming queues hear of the new one.
    shell
        .until("the team's change", |d| {
            (team_changes(d) > before).then_some(())
        })
        .await;
    team.customer_says("33612345678", "Camille Martin", "Bonjour", None)
        .await
        .unwrap();
    let start = std::time::Instant::now();
    let conversation_id = loop {
        let list = core
            .conversations(ListConversations::default())
            .await
            .unwrap();
        if let Some(item) = list.first() {
            break item.conversation.id.clone();
        }
        assert!(start.elapsed() < WAIT, "the conversation never arrived");
        tokio::time::sleep(Duration::from_millis(50)).await;
    };
    admin(
        &team,
        reqwest::Method::PATCH,
        &format!("/conversations/{conversation_id}"),
        serde_json::json!({ "queue_id": vip_id }),
    )
    .await;
    team.customer_says("33612345678", "Camille Martin", "Toujours là ?", None)
        .await
        .unwrap();
    // Ana joins VIP: the conversation comes with everything said there.
    admin(
        &team,
        reqwest::Method::PATCH,
        &format!("/admin/agents/{}", team.agent_id()),
        serde_json::json!({ "queue_ids": [team.queue_id(), vip_id] }),
    )
    .await;
    let start = std::time::Instant::now();
    loop {
        let item = core
            .conversation(ConversationRef {
                conversation_id: conversation_id.clone(),
            })
            .await
            .unwrap();
        let page = core
            .thread(switchboard_app::contract::ThreadPage {
                conversation_id: conversation_id.clone(),
                before: None,
                limit: None,
            })
            .await;
        let in_vip = item.is_some_and(|i| i.conversation.queue_id.as_deref() == Some(&vip_id));
        let both = page.is_ok_and(|p| p.messages.len() == 2);
        if in_vip && both {
            break;
        }
        assert!(
            start.elapsed() < WAIT,
            "the VIP conversation never caught up"
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    // One resync, not a loop: the replay of Ana's own changes asks for none.
    let resyncs = || {
        shell
            .did
            .borrow()
            .iter()
            .filter(|d| {
                matches!(
                    d,
                    Did::Emit(AppEvent::ConversationsChanged { all: true, .. })
                )
            })
            .count()
    };
    // The UI hears of the resync (its events are gathered for a moment).
    shell
        .until("the resync's event", |d| {
            d.iter().find_map(|d| match d {
                Did::Emit(AppEvent::ConversationsChanged { all: true, .. }) => Some(()),
                _ => None,
            })
        })
        .await;
    let settled = resyncs();
    team.customer_says("33612345678", "Camille Martin", "Merci", None)
        .await
        .unwrap();
    shell
        .until("the next message", |d| {
            d.iter().rev().find_map(|d| match d {
                Did::Emit(AppEvent::ConversationsChanged { ids, all: false })
                    if ids.contains(&conversation_id) =>
                {
                    Some(())
                }
                _ => None,
            })
        })
        .await;
    assert_eq!(settled, 1, "one resync");
    assert_eq!(resyncs(), 1, "no resync after it");

    // Moved to a queue Ana is not in: it leaves her list.
    let other = admin(
        &team,
        reqwest::Method::POST,
        "/admin/queues",
        serde_json::json!({ "name": "Billing", "wait_strategy": null }),
    )
    .await;
    admin(
        &team,
        reqwest::Method::PATCH,
        &format!("/conversations/{conversation_id}"),
        serde_json::json!({ "queue_id": other["id"] }),
    )
    .await;
    let start = std::time::Instant::now();
    while !core
        .conversations(ListConversations::default())
        .await
        .unwrap()
        .is_empty()
    {
        assert!(start.elapsed() < WAIT, "the moved conversation stayed");
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    team.shutdown().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn search_finds_customers_and_messages_with_the_matches_marked() {
    let dir = tempfile::tempdir().unwrap();
    let (team, _shell, core) = signed_in(dir.path()).await;
    team.customer_says(
        "819012345678",
        "山田 花子",
        "注文の確認をお願いします",
        None,
    )
    .await
    .unwrap();
    team.customer_says(
        "4915112345678",
        "Jonas Weber",
        "Wo ist meine Bestellung?",
        None,
    )
    .await
    .unwrap();
    listed(&core, 2).await;
    let search = |query: &str| {
        core.search(SearchQuery {
            query: query.into(),
            conversation_id: None,
            limit: None,
        })
    };
    let found = search("確認").await.unwrap();
    assert!(!found.indexing);
    assert_eq!(found.messages.len(), 1);
    let hit = &found.messages[0];
    assert_eq!(hit.customer.as_deref(), Some("山田 花子"));
    let marked: Vec<&str> = hit
        .parts
        .iter()
        .filter(|p| p.hit)
        .map(|p| p.text.as_str())
        .collect();
    assert_eq!(marked, ["確認"]);
    let whole: String = hit.parts.iter().map(|p| p.text.as_str()).collect();
    assert_eq!(whole, "注文の確認をお願いします");

    let found = search("Bestell").await.unwrap();
    assert_eq!(found.messages.len(), 1);
    assert!(
        found.messages[0]
            .parts
            .iter()
            .any(|p| p.hit && p.text.starts_with("Bestell"))
    );
    let found = search("Jonas").await.unwrap();
    assert_eq!(found.customers.len(), 1);
    assert!(found.messages.is_empty());
    assert!(search("Rechnung").await.unwrap().messages.is_empty());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_call_permission_request_shows_its_limits_and_the_next_is_refused_with_the_reason() {
    let dir = tempfile::tempdir().unwrap();
    let (team, _shell, core) = signed_in(dir.path()).await;
    team.customer_says("4915112345678", "Jonas Weber", "Rufen Sie mich an?", None)
        .await
        .unwrap();
    let conversation_id = listed(&core, 1).await[0].conversation.id.clone();
    let ask = || PermissionAsk {
        conversation_id: conversation_id.clone(),
        body_text: Some("Dürfen wir Sie anrufen?".into()),
    };
    let before = core
        .conversation(ConversationRef {
            conversation_id: conversation_id.clone(),
        })
        .await
        .unwrap()
        .unwrap()
        .conversation
        .call_permission;
    let asked = core.request_call_permission(ask()).await.expect("asked");
    let after = asked.call_permission;
    assert_eq!(after.requests_left_24h + 1, before.requests_left_24h);
    assert_eq!(after.requests_left_7d + 1, before.requests_left_7d);
    assert!(
        after.next_request_at.is_some(),
        "the next request's time: {after:?}"
    );
    // The limits say no now: refused by the hub, with words.
    let refused = core.request_call_permission(ask()).await.unwrap_err();
    assert_eq!(refused.code, ErrorCode::HubError, "{refused:?}");
    assert!(!refused.message.is_empty());
}
