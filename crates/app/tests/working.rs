//! The commands an agent works with beyond replying, against a real hub
//! and the sandbox on loopback: editing a conversation and reading its
//! log, files and call-button messages, a failed message retried or
//! discarded, a new conversation (and the customer's existing one), and
//! the admin's views.

mod common;

use std::sync::Arc;

use base64::Engine as _;
use base64::engine::general_purpose::STANDARD as BASE64;
use common::*;
use switchboard_app::contract::{
    AgentEdit, AgentRef, Attachment, CallButtonReply, ChannelEdit, ChannelIcon, ConversationEdit,
    ConversationRef, CustomerCheck, MessageRef, NewConversation, QueueEdit, RejectsPage, Reply,
    RouteRef, SignIn, StartOutcome, TemplateQuery, TemplateValues, ThreadPage,
};
use switchboard_app::starting::PhoneProblem;
use switchboard_app::{Commands, Core, ErrorCode, MemoryVault};
use switchboard_protocol::{
    CommunicationType, ConversationStatus, Message, MessageKind, MessageStatus, NewAgent, NewQueue,
    NewRoute, PatchAgent, PatchChannel, PatchConversation, Priority, WaitStrategy,
};

const PNG: &[u8] = &[
    0x89, b'P', b'N', b'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, b'I', b'H', b'D', b'R',
];

/// A customer wrote; their conversation's id.
async fn customer_wrote(team: &switchboard_demo::Team, core: &Core) -> String {
    team.customer_says("4915112345678", "Jonas Weber", "Hallo!", None)
        .await
        .unwrap();
    listed(core, 1).await[0].conversation.id.clone()
}

/// The thread's message `id` once `done` holds for it.
async fn message_when(
    core: &Core,
    conversation_id: &str,
    what: &str,
    done: impl Fn(&Message) -> bool,
) -> Message {
    eventually(what, async || {
        core.thread(ThreadPage {
            conversation_id: conversation_id.into(),
            before: None,
            limit: None,
        })
        .await
        .unwrap()
        .messages
        .into_iter()
        .find(|m| done(m))
    })
    .await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_conversation_is_edited_through_the_hub_and_its_log_and_team_come_from_the_store() {
    let dir = tempfile::tempdir().unwrap();
    let (team, _shell, core) = signed_in(dir.path()).await;
    let id = customer_wrote(&team, &core).await;
    let changed = core
        .update_conversation(ConversationEdit {
            conversation_id: id.clone(),
            patch: PatchConversation {
                status: Some(ConversationStatus::Pending),
                priority: Some(Priority::High),
                tags: Some(vec!["vip".into(), "umzug".into()]),
                assignee_id: Some(Some(team.agent_id().into())),
                ..Default::default()
            },
        })
        .await
        .expect("edited");
    assert_eq!(changed.priority, Priority::High);
    assert_eq!(changed.assignee_id.as_deref(), Some(team.agent_id()));
    // The feed brings it to the store.
    let stored = eventually("the edit in the store", async || {
        let item = core
            .conversation(ConversationRef {
                conversation_id: id.clone(),
            })
            .await
            .unwrap()?;
        (item.conversation.status == ConversationStatus::Pending).then_some(item)
    })
    .await;
    assert_eq!(stored.conversation.tags, ["vip", "umzug"]);
    let log = eventually("the event log", async || {
        let log = core
            .event_log(ConversationRef {
                conversation_id: id.clone(),
            })
            .await
            .unwrap();
        (log.len() >= 2).then_some(log)
    })
    .await;
    assert!(log.windows(2).all(|w| w[0].at <= w[1].at), "oldest first");
    assert!(log.iter().all(|e| e.conversation_id == id));

    let team_view = core.team(()).await.unwrap();
    assert!(team_view.queues.iter().any(|q| q.id == team.queue_id()));
    assert!(team_view.channels.iter().any(|c| c.id == team.channel_id()));

    // Not a queue of hers: the hub says no, with words.
    let refused = core
        .update_conversation(ConversationEdit {
            conversation_id: "no-such-conversation".into(),
            patch: PatchConversation::default(),
        })
        .await
        .unwrap_err();
    assert_eq!(refused.code, ErrorCode::NotFound, "{refused:?}");
    team.shutdown().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn files_and_call_buttons_are_sent_and_a_failed_message_is_retried_or_discarded() {
    let dir = tempfile::tempdir().unwrap();
    let (team, _shell, core) = signed_in(dir.path()).await;
    let id = customer_wrote(&team, &core).await;

    // A file: checked, uploaded, pending at once, then sent.
    let pending = core
        .send_attachment(Attachment {
            conversation_id: id.clone(),
            filename: "plan.png".into(),
            mime_type: "image/png".into(),
            data_base64: BASE64.encode(PNG),
            caption: Some("Ihr Plan".into()),
        })
        .await
        .expect("the file is queued");
    assert_eq!(pending.kind, MessageKind::Image);
    assert_eq!(pending.status, MessageStatus::Pending);
    let sent = message_when(&core, &id, "the image sent", |m| {
        m.kind == MessageKind::Image && m.wamid.is_some()
    })
    .await;
    assert_eq!(sent.text.as_deref(), Some("Ihr Plan"));
    let media = core
        .message_media(MessageRef {
            message_id: sent.id.clone(),
        })
        .await
        .expect("the image comes back through the hub");
    assert_eq!(BASE64.decode(media.data_base64).unwrap(), PNG);
    let refused = core
        .send_attachment(Attachment {
            conversation_id: id.clone(),
            filename: "setup.exe".into(),
            mime_type: "application/x-msdownload".into(),
            data_base64: BASE64.encode(b"MZ"),
            caption: None,
        })
        .await
        .unwrap_err();
    assert_eq!(refused.code, ErrorCode::InvalidInput);

    // A call button: its label at most 20 characters.
    let too_long = core
        .send_call_button(CallButtonReply {
            conversation_id: id.clone(),
            text: "Rufen Sie uns an".into(),
            button_label: Some("Jetzt sofort anrufen bitte".into()),
        })
        .await
        .unwrap_err();
    assert_eq!(too_long.code, ErrorCode::InvalidInput);
    core.send_call_button(CallButtonReply {
        conversation_id: id.clone(),
        text: "Rufen Sie uns an".into(),
        button_label: Some("Anrufen".into()),
    })
    .await
    .expect("queued");
    message_when(&core, &id, "the call button sent", |m| {
        m.kind == MessageKind::CallButton && m.wamid.is_some()
    })
    .await;

    // The channel disabled: a reply fails for good, with the hub's reason.
    let disable = |enabled| PatchChannel {
        enabled: Some(enabled),
        status: None,
        redact_card_numbers: None,
        max_customers: None,
    };
    let channel_path = format!("/admin/channels/{}", team.channel_id());
    admin(
        &team,
        reqwest::Method::PATCH,
        &channel_path,
        serde_json::to_value(disable(false)).unwrap(),
    )
    .await;
    let reply = |text: &str| Reply {
        conversation_id: id.clone(),
        text: text.into(),
    };
    let first = core.send_reply(reply("Erster Versuch")).await.unwrap();
    let second = core.send_reply(reply("Zweiter Versuch")).await.unwrap();
    for m in [&first, &second] {
        message_when(&core, &id, "the reply failed", |t| {
            t.id == m.id && t.status == MessageStatus::Failed
        })
        .await;
    }
    let not_failed = core
        .discard_message(MessageRef {
            message_id: sent.id.clone(),
        })
        .await
        .unwrap_err();
    assert_eq!(not_failed.code, ErrorCode::InvalidInput);
    core.discard_message(MessageRef {
        message_id: second.id.clone(),
    })
    .await
    .expect("discarded");
    admin(
        &team,
        reqwest::Method::PATCH,
        &channel_path,
        serde_json::to_value(disable(true)).unwrap(),
    )
    .await;
    let again = core
        .retry_message(MessageRef {
            message_id: first.id.clone(),
        })
        .await
        .expect("retried");
    assert_eq!(again.status, MessageStatus::Pending);
    message_when(&core, &id, "the retried reply sent", |m| {
        m.client_id == first.client_id && m.wamid.is_some()
    })
    .await;
    let texts: Vec<_> = core
        .thread(ThreadPage {
            conversation_id: id.clone(),
            before: None,
            limit: None,
        })
        .await
        .unwrap()
        .messages
        .into_iter()
        .filter_map(|m| m.text)
        .collect();
    assert_eq!(
        texts.iter().filter(|t| *t == "Erster Versuch").count(),
        1,
        "{texts:?}"
    );
    assert!(!texts.iter().any(|t| t == "Zweiter Versuch"), "{texts:?}");
    team.shutdown().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_new_conversation_is_checked_started_and_linked_when_the_customer_has_one() {
    let dir = tempfile::tempdir().unwrap();
    let (team, _shell, core) = signed_in(dir.path()).await;
    let existing = customer_wrote(&team, &core).await;
    let check = |phone: &str| CustomerCheck {
        channel_id: team.channel_id().into(),
        phone: phone.into(),
    };
    let bad = core.check_customer(check("12")).await.unwrap();
    assert_eq!(bad.problem, Some(PhoneProblem::Invalid));
    let known = core
        .check_customer(check("+49 151 1234 5678"))
        .await
        .unwrap();
    assert_eq!(known.e164.as_deref(), Some("+4915112345678"));
    assert_eq!(
        known.existing.map(|i| i.conversation.id),
        Some(existing.clone())
    );
    let fresh = core.check_customer(check("+4915199887766")).await.unwrap();
    assert_eq!(fresh.existing, None);

    let template = eventually("the templates synced", async || {
        core.templates(TemplateQuery {
            query: "order_shipped".into(),
            language: Some("de".into()),
            category: None,
        })
        .await
        .unwrap()
        .into_iter()
        .next()
    })
    .await;
    let new = |phone: &str, kind| NewConversation {
        channel_id: team.channel_id().into(),
        phone: phone.into(),
        customer_name: Some("Lena Fischer".into()),
        communication_type: kind,
        template_id: template.id.clone(),
        values: TemplateValues::body(vec!["Lena".into(), "A-1042".into()]),
        queue_id: None,
        tags: vec!["rückruf".into()],
        priority: Some(Priority::High),
        status: None,
    };
    let not_for_calls = core
        .start_conversation(new("+4915199887766", CommunicationType::Call))
        .await
        .unwrap_err();
    assert_eq!(not_for_calls.code, ErrorCode::InvalidInput);
    match core
        .start_conversation(new("+4915199887766", CommunicationType::Message))
        .await
        .expect("started")
    {
        StartOutcome::Started { started } => {
            assert_eq!(started.conversation.tags, ["rückruf"]);
            assert_eq!(started.message.kind, MessageKind::Template);
        }
        other => panic!("{other:?}"),
    }
    match core
        .start_conversation(new("4915112345678", CommunicationType::Message))
        .await
        .expect("answered")
    {
        StartOutcome::Exists {
            conversation_id, ..
        } => assert_eq!(conversation_id, existing),
        other => panic!("{other:?}"),
    }
    team.shutdown().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_admin_sees_the_config_and_changes_channels_queues_routes_and_agents() {
    let dir = tempfile::tempdir().unwrap();
    let (team, _shell, agent) = signed_in(dir.path()).await;
    let refused = agent.admin_config(()).await.unwrap_err();
    assert_eq!(refused.code, ErrorCode::Forbidden, "{refused:?}");

    let core = open(
        &dir.path().join("admin-app"),
        Arc::new(Recorder::default()),
        Arc::new(MemoryVault::default()),
    )
    .await;
    core.sign_in(SignIn {
        hub_url: team.hub_url(),
        token: team.admin_token().into(),
    })
    .await
    .expect("the admin signs in");
    let config = core.admin_config(()).await.unwrap();
    assert!(config.channels.iter().any(|c| c.id == team.channel_id()));

    let channel = core
        .update_channel(ChannelEdit {
            channel_id: team.channel_id().into(),
            patch: PatchChannel {
                enabled: None,
                status: None,
                redact_card_numbers: Some(false),
                max_customers: None,
            },
        })
        .await
        .unwrap();
    assert!(!channel.redact_card_numbers);
    let icon = |name: &str, bytes: &[u8]| ChannelIcon {
        channel_id: team.channel_id().into(),
        filename: name.into(),
        data_base64: BASE64.encode(bytes),
    };
    let gif = core
        .set_channel_icon(icon("logo.gif", PNG))
        .await
        .unwrap_err();
    assert_eq!(gif.code, ErrorCode::InvalidInput);
    assert!(
        core.set_channel_icon(icon("logo.png", PNG))
            .await
            .unwrap()
            .has_icon
    );

    let queue = core
        .add_queue(NewQueue {
            name: "Rückrufe".into(),
            wait_strategy: None,
        })
        .await
        .unwrap();
    let route = core
        .add_route(NewRoute {
            // First, so it is not shadowed by the team's catch-all route.
            position: Some(0),
            channel_id: Some(team.channel_id().into()),
            communication_type: Some(CommunicationType::Call),
            queue_id: queue.id.clone(),
        })
        .await
        .unwrap();
    let warned = |config: &switchboard_protocol::AdminConfig| {
        config.warnings.iter().any(|w| {
            w.code == "queue_without_wait_strategy"
                && w.queue_id.as_deref() == Some(queue.id.as_str())
        })
    };
    assert!(
        warned(&core.admin_config(()).await.unwrap()),
        "calls routed to a queue without a wait strategy are warned about"
    );
    let queue = core
        .update_queue(QueueEdit {
            queue_id: queue.id.clone(),
            wait_strategy: Some(WaitStrategy::HoldMusic),
        })
        .await
        .unwrap();
    assert_eq!(queue.wait_strategy, Some(WaitStrategy::HoldMusic));
    let after = core.admin_config(()).await.unwrap();
    assert!(!warned(&after), "{:?} {:?}", after.warnings, after.queues);
    core.remove_route(RouteRef {
        route_id: route.id.clone(),
    })
    .await
    .unwrap();
    assert!(
        !core
            .admin_config(())
            .await
            .unwrap()
            .routes
            .iter()
            .any(|r| r.id == route.id)
    );
    let created = core
        .add_agent(NewAgent {
            name: "Kenji".into(),
            queue_ids: vec![queue.id.clone()],
            admin: false,
        })
        .await
        .unwrap();
    assert!(!created.token.is_empty());
    let renamed = core
        .update_agent(AgentEdit {
            agent_id: created.agent.id.clone(),
            patch: PatchAgent {
                name: Some("Kenji Sato".into()),
                ..Default::default()
            },
        })
        .await
        .unwrap();
    assert_eq!(renamed.name, "Kenji Sato");
    let rotated = core
        .rotate_agent_token(AgentRef {
            agent_id: created.agent.id.clone(),
        })
        .await
        .unwrap();
    assert_ne!(rotated.token, created.token);
    core.revoke_agent_token(AgentRef {
        agent_id: created.agent.id.clone(),
    })
    .await
    .unwrap();
    core.webhook_rejects(RejectsPage::default()).await.unwrap();
    team.shutdown().await;
}
