//! The agent's desk end to end: the real app signed in to a real hub (with
//! the sandbox as WhatsApp) over HTTP — calls ring with a native
//! notification and a popup, window warnings fire on time and once, replies
//! survive a hub outage and a `kill -9`, the store catches up exactly after
//! a hub restart and a network cut, and `--demo` needs no setup at all.

use std::time::{Duration, Instant};

use chrono::{TimeDelta, Utc};
use switchboard_store::{ConversationFilter, Store};

use crate::harness::{Desktop, Launch};
use crate::team::{Proxy, TestTeam, View, sorted};

const CALL_TITLE: &str = "Incoming WhatsApp call";
const WARNING_TITLE: &str = "Customer-service window closing";

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_incoming_call_rings_copies_the_number_pops_up_and_is_withdrawn() {
    let team = TestTeam::start().await;
    team.says("819012345678", "Aiko Tanaka", "電話してもいいですか", None)
        .await;
    let app = Desktop::launch("an_incoming_call_rings").await;
    app.sign_in(&team.hub_url(), team.token()).await;
    app.find("[data-testid=conversation-item]").await;

    let wacid = team
        .team
        .place_call("819012345678", "Aiko Tanaka")
        .await
        .expect("the customer calls");
    let n = app
        .notifications
        .wait_for(|n| n.summary == CALL_TITLE)
        .await;
    assert_eq!(n.app_name, "Switchboard");
    assert_eq!(
        n.body,
        "Aiko Tanaka · +819012345678\nQueue: Support · Channel: WhatsApp"
    );
    assert_eq!(
        n.actions,
        [
            "default",
            "Open",
            "copy-number",
            "Copy number",
            "answer",
            "Answer",
            "decline",
            "Decline"
        ]
    );
    assert_eq!(n.hint_str("category").as_deref(), Some("call.incoming"));
    assert_eq!(n.hint_u8("urgency"), Some(2), "critical");
    assert_eq!(n.hint_bool("resident"), Some(true));
    assert_eq!(n.expire_timeout, 0, "a call rings until it is over");

    app.set_clipboard("something else");
    app.press_until(n.id, "copy-number", || async {
        app.clipboard() == "+819012345678"
    })
    .await;

    app.press_until(n.id, "answer", || async { app.window_count().await == 2 })
        .await;
    app.to_window("call=").await;
    assert_eq!(
        app.text("[data-testid=call-customer-name]").await,
        "Aiko Tanaka"
    );
    assert_eq!(app.text("[data-testid=call-number]").await, "+819012345678");
    assert_eq!(app.text("[data-testid=call-queue]").await, "Support");
    assert_eq!(app.text("[data-testid=call-channel]").await, "WhatsApp");
    assert!(
        !app.text("[data-testid=call-direction]").await.is_empty(),
        "the direction is shown"
    );
    app.find("[data-testid=call-copy-number]").await;
    app.find("[data-testid=call-answer]").await;
    app.find("[data-testid=call-decline]").await;
    app.to_main().await;

    // The customer hangs up: the notice goes, the popup closes.
    team.team
        .hang_up(&wacid)
        .await
        .expect("the customer hangs up");
    app.notifications
        .wait_closed(n.id, Duration::from_secs(10))
        .await;
    app.wait_for(|| async { app.window_count().await == 1 })
        .await;

    // Declined from the notification: declined at the hub, withdrawn here.
    team.team
        .place_call("819012345678", "Aiko Tanaka")
        .await
        .expect("the customer calls again");
    let again = app
        .notifications
        .wait_for(|m| m.summary == CALL_TITLE && m.id != n.id)
        .await;
    app.press_until(again.id, "decline", || async {
        app.notifications.was_closed(again.id)
    })
    .await;
    app.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn window_warnings_fire_on_time_once_across_a_restart_and_not_after_the_customer_writes() {
    let team = TestTeam::start().await;
    let day = TimeDelta::hours(24);
    let hour = TimeDelta::hours(1);
    // Each window reaches its 1-hour threshold this many seconds from now.
    let due_in = |s: i64| Utc::now() - day + hour + TimeDelta::seconds(s);
    let a_due = Utc::now() + TimeDelta::seconds(40);
    team.says("4915112345678", "Jonas Weber", "Hallo?", Some(due_in(40)))
        .await;
    team.says("33612345678", "Camille Martin", "Bonjour", Some(due_in(42)))
        .await;
    team.says("14155550123", "Emily Johnson", "Hi", Some(due_in(48)))
        .await;
    for wa in ["4915112345678", "33612345678", "14155550123"] {
        let c = team.conversation_of(wa).await;
        team.assign_to_agent(&c.id).await;
    }

    let mut app = Desktop::launch("window_warnings_fire_on_time").await;
    app.sign_in(&team.hub_url(), team.token()).await;
    app.wait_up_to(Duration::from_secs(20), || async {
        app.all("[data-testid=conversation-item]").await.len() == 3
    })
    .await;
    // Camille writes again: a new window, her warning is cancelled.
    team.says("33612345678", "Camille Martin", "Encore moi", None)
        .await;
    // The app restarts before Jonas's threshold.
    app.quit_app().await;
    app.restart_app().await;
    app.find("[data-testid=nav-conversations]").await;
    assert!(
        Utc::now() < a_due,
        "the restart took too long for this test"
    );

    let warned = |name: &'static str| {
        move |n: &crate::notification_server::Notification| {
            n.summary == WARNING_TITLE && n.body.starts_with(name)
        }
    };
    let jonas = app
        .notifications
        .wait_up_to(Duration::from_secs(60), warned("Jonas Weber"))
        .await;
    let late = Utc::now() - a_due;
    assert!(
        late >= TimeDelta::zero() - TimeDelta::seconds(1) && late < TimeDelta::seconds(5),
        "on time: {late}"
    );
    // Whole minutes left, rounded down: posted at the threshold, 59 and
    // some seconds are left.
    assert!(
        jonas.body.starts_with("Jonas Weber · 59 minutes left"),
        "{}",
        jonas.body
    );
    // Emily's warning (due after Camille's) shows every earlier one had
    // its chance.
    app.notifications
        .wait_up_to(Duration::from_secs(30), warned("Emily Johnson"))
        .await;
    let count = |app: &Desktop, name: &str| {
        app.notifications
            .all()
            .iter()
            .filter(|n| n.summary == WARNING_TITLE && n.body.starts_with(name))
            .count()
    };
    assert_eq!(count(&app, "Jonas Weber"), 1);
    assert_eq!(count(&app, "Camille Martin"), 0, "cancelled by her message");

    // Another restart fires nothing again; a fresh warning (Oliver's, due
    // after the restart) shows the restarted app has ticked.
    team.says("447700900123", "Oliver Smith", "Hello", Some(due_in(12)))
        .await;
    let oliver = team.conversation_of("447700900123").await;
    team.assign_to_agent(&oliver.id).await;
    app.quit_app().await;
    app.restart_app().await;
    app.notifications
        .wait_up_to(Duration::from_secs(40), warned("Oliver Smith"))
        .await;
    assert_eq!(
        count(&app, "Jonas Weber"),
        1,
        "never twice for one threshold"
    );
    assert_eq!(count(&app, "Emily Johnson"), 1);
    app.close().await;
}

/// The statuses of the thread's messages whose text is one of `texts`.
async fn statuses(app: &Desktop, texts: &[&str]) -> Vec<(String, String)> {
    let mut out = Vec::new();
    for m in app.all("[data-testid=message]").await {
        let text = m
            .find(fantoccini::Locator::Css("[data-testid=message-text]"))
            .await
            .ok();
        let Some(text) = text else { continue };
        let text = text.text().await.unwrap_or_default();
        if texts.contains(&text.as_str()) {
            let status = m
                .attr("data-status")
                .await
                .ok()
                .flatten()
                .unwrap_or_default();
            out.push((text, status));
        }
    }
    out
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn replies_written_while_the_hub_is_down_or_cut_by_a_crash_go_out_exactly_once() {
    let mut team = TestTeam::start().await;
    let wa = "14155550123";
    team.says(
        wa,
        "Emily Johnson",
        "Any update on the double charge?",
        None,
    )
    .await;
    let mut app = Desktop::launch("replies_go_out_exactly_once").await;
    app.sign_in(&team.hub_url(), team.token()).await;
    app.click("[data-testid=conversation-item]").await;
    app.find("[data-testid=thread]").await;

    team.team.stop_hub().await;
    let three = [
        "Looking into it now.",
        "Found it: refunded.",
        "Anything else?",
    ];
    for text in three {
        app.type_into("[data-testid=reply-input]", text).await;
        app.click("[data-testid=reply-send]").await;
    }
    app.wait_for(|| async {
        let s = statuses(&app, &three).await;
        s.len() == 3 && s.iter().all(|(_, st)| st == "pending")
    })
    .await;
    team.team.start_hub().await.expect("the hub restarts");
    app.wait_up_to(Duration::from_secs(40), || async {
        let s = statuses(&app, &three).await;
        s.len() == 3 && s.iter().all(|(_, st)| st != "pending")
    })
    .await;
    let sent = team.sent_to(wa).await;
    assert_eq!(sent, three, "each once, in order");

    // Queued, then the app dies (kill -9) before the hub is back.
    team.team.stop_hub().await;
    app.type_into("[data-testid=reply-input]", "Sorry for the wait.")
        .await;
    app.click("[data-testid=reply-send]").await;
    app.wait_for(|| async { statuses(&app, &["Sorry for the wait."]).await.len() == 1 })
        .await;
    app.kill_app().await;
    team.team.start_hub().await.expect("the hub restarts");
    app.restart_app().await;
    // Sent right away, and the app killed mid-send.
    app.click("[data-testid=conversation-item]").await;
    app.type_into("[data-testid=reply-input]", "Have a nice day!")
        .await;
    app.click("[data-testid=reply-send]").await;
    app.kill_app().await;
    app.restart_app().await;
    app.click("[data-testid=conversation-item]").await;
    let all = ["Sorry for the wait.", "Have a nice day!"];
    app.wait_up_to(Duration::from_secs(40), || async {
        let s = statuses(&app, &all).await;
        s.len() == 2 && s.iter().all(|(_, st)| st != "pending")
    })
    .await;
    let sent = team.sent_to(wa).await;
    for text in three.iter().chain(all.iter()) {
        assert_eq!(
            sent.iter().filter(|s| s == text).count(),
            1,
            "{text:?} sent once: {sent:?}"
        );
    }
    app.close().await;
}

/// The agent's store as the app keeps it, read from its file.
fn store_view(app: &Desktop) -> View {
    let dir = app.data_dir().join("accounts");
    let file = std::fs::read_dir(&dir)
        .expect("the accounts folder")
        .flatten()
        .map(|e| e.path())
        .find(|p| p.extension().is_some_and(|e| e == "db"))
        .expect("the agent's store");
    let store = Store::open(&file).expect("the store opens");
    let filter = ConversationFilter {
        limit: 100_000,
        ..ConversationFilter::default()
    };
    let mut view = View::default();
    for item in store.conversations(&filter, Utc::now()).expect("read") {
        let id = item.conversation.id.clone();
        let thread = store.thread(&id, None, 100_000).expect("read").messages;
        view.messages.insert(id.clone(), sorted(thread));
        view.conversations.insert(id, item.conversation);
    }
    view
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn after_a_hub_restart_and_a_network_cut_the_store_equals_the_hub() {
    let mut team = TestTeam::start().await;
    let proxy = Proxy::start(team.team.hub_addr()).await;
    team.says(
        "819012345678",
        "田中 優希",
        "注文番号 A-1042 の件です",
        None,
    )
    .await;
    team.says("4915112345678", "Jonas Weber", "Hallo!", None)
        .await;
    let app = Desktop::launch("store_equals_the_hub").await;
    app.sign_in(&proxy.url(), team.token()).await;
    app.wait_for(|| async { app.all("[data-testid=conversation-item]").await.len() == 2 })
        .await;

    // The network goes while customers keep writing.
    proxy.cut();
    app.wait_for(|| async {
        app.attr("[data-testid=sync-state]", "data-state")
            .await
            .as_deref()
            == Some("offline")
    })
    .await;
    team.says(
        "33612345678",
        "Camille Martin",
        "Bonjour, une question",
        None,
    )
    .await;
    team.says("819012345678", "田中 優希", "まだですか？", None)
        .await;
    // The hub restarts meanwhile; a customer writes while it is down (the
    // webhook waits for it).
    team.team.stop_hub().await;
    team.says("14155550123", "Emily Johnson", "Hello?", None)
        .await;
    team.team.start_hub().await.expect("the hub restarts");
    let _ = team.conversation_of("14155550123").await;
    proxy.restore();

    // The hub as it is at each look: a webhook the stop held back may be
    // retried into the hub after any single look.
    let start = Instant::now();
    loop {
        let hub = team.view().await;
        let local = store_view(&app);
        if local == hub {
            assert_eq!(hub.conversations.len(), 4);
            break;
        }
        assert!(
            start.elapsed() < Duration::from_secs(40),
            "the store did not catch up: hub {hub:#?}\nstore {local:#?}"
        );
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
    app.wait_for(|| async {
        app.attr("[data-testid=sync-state]", "data-state")
            .await
            .as_deref()
            == Some("online")
    })
    .await;
    app.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn demo_mode_shows_conversations_in_four_languages_and_rings() {
    let app = Desktop::launch_with(
        "demo_mode",
        Launch {
            args: vec!["--demo".into()],
            ..Launch::default()
        },
    )
    .await;
    app.find("[data-testid=nav-conversations]").await;
    let names = [
        "田中 優希",
        "Jonas Weber",
        "Camille Martin",
        "Emily Johnson",
    ];
    app.wait_up_to(Duration::from_secs(40), || async {
        let shown = app.texts("[data-testid=conversation-name]").await;
        names.iter().all(|n| shown.iter().any(|s| s == n))
    })
    .await;
    let call = app
        .notifications
        .wait_up_to(Duration::from_secs(60), |n| n.summary == CALL_TITLE)
        .await;
    assert!(call.body.contains("Queue: Support"), "{}", call.body);
    app.close().await;
}

/// The demo's customers write in Japanese, German, French and English: a
/// search in the local store finds a Japanese two-character word, a German
/// compound and a French accented word, each match marked.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn searching_the_demo_finds_japanese_german_and_french_words() {
    let app = Desktop::launch_with(
        "demo_search",
        Launch {
            args: vec!["--demo".into()],
            ..Launch::default()
        },
    )
    .await;
    app.find("[data-testid=nav-conversations]").await;
    app.wait_up_to(Duration::from_secs(40), || async {
        let shown = app.texts("[data-testid=conversation-name]").await;
        ["田中 優希", "Camille Martin", "Hannah Becker"]
            .iter()
            .all(|n| shown.iter().any(|s| s == n))
    })
    .await;
    for (query, customer, text) in [
        ("注文", "田中 優希", "注文番号 A-1042"),
        ("Rückerstattung", "Hannah Becker", "meiner Rückerstattung"),
        ("déménage", "Camille Martin", "je déménage"),
    ] {
        app.fill("[data-testid=search-box]", query).await;
        app.wait_up_to(Duration::from_secs(10), || async {
            let hits = app.texts("[data-testid=search-message]").await;
            hits.iter()
                .any(|h| h.contains(customer) && h.contains(text))
        })
        .await;
        let marked = app.texts("[data-testid=search-message] mark").await;
        assert!(
            marked.iter().any(|m| m == query),
            "{query}: marked {marked:?}"
        );
    }
    app.close().await;
}

/// A customer's window closes seconds after the conversation is opened:
/// the reply box gives way to the template picker without a reload, and a
/// template with two values goes out and is delivered; then one whose header
/// and URL button take values too.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn when_the_window_closes_the_composer_offers_templates_and_one_is_delivered() {
    let team = TestTeam::start().await;
    let wa = "4915112345678";
    // Written 24 hours minus 25 seconds ago: the window closes 25 s from now
    // (the app starts and signs in well within that).
    let at = Utc::now() - TimeDelta::hours(24) + TimeDelta::seconds(25);
    team.says(
        wa,
        "Jonas Weber",
        "Ist meine Bestellung unterwegs?",
        Some(at),
    )
    .await;
    let app = Desktop::launch("window_closes_templates").await;
    app.sign_in(&team.hub_url(), team.token()).await;
    app.click("[data-testid=conversation-item]").await;
    app.find("[data-testid=reply-input]").await;
    assert!(
        app.all("[data-testid=composer-closed]").await.is_empty(),
        "the window is open: free text"
    );
    app.wait_up_to(Duration::from_secs(40), || async {
        !app.all("[data-testid=composer-closed]").await.is_empty()
    })
    .await;
    app.find("[data-testid=template-picker]").await;
    app.fill("[data-testid=template-search]", "order_shipped")
        .await;
    app.wait_up_to(Duration::from_secs(10), || async {
        let items = app.texts("[data-testid=template-item]").await;
        !items.is_empty() && items.iter().all(|t| t.contains("order_shipped"))
    })
    .await;
    app.click("[data-testid=template-item]").await;
    app.wait_up_to(Duration::from_secs(10), || async {
        app.all("[data-testid=template-param]").await.len() == 2
    })
    .await;
    app.fill_nth("[data-testid=template-param]", 0, "Jonas")
        .await;
    app.fill_nth("[data-testid=template-param]", 1, "A-1043")
        .await;
    app.wait_up_to(Duration::from_secs(10), || async {
        let body = app.texts("[data-testid=template-preview-body]").await;
        body.iter()
            .any(|b| b.contains("Jonas") && b.contains("A-1043"))
    })
    .await;
    app.click("[data-testid=template-send]").await;

    // The hub sent it and WhatsApp (the sandbox) delivered it.
    let conversation = team.conversation_of(wa).await;
    let start = Instant::now();
    loop {
        let page: switchboard_protocol::MessagePage = team
            .get(&format!(
                "/conversations/{}/messages?limit=50",
                conversation.id
            ))
            .await;
        let delivered = page.messages.iter().any(|m| {
            m.kind == switchboard_protocol::MessageKind::Template
                && matches!(
                    m.status,
                    switchboard_protocol::MessageStatus::Delivered
                        | switchboard_protocol::MessageStatus::Read
                )
        });
        if delivered {
            break;
        }
        assert!(
            start.elapsed() < Duration::from_secs(30),
            "no delivered template: {:?}",
            page.messages
        );
        tokio::time::sleep(Duration::from_millis(200)).await;
    }

    // A template whose header and URL button take a value: the picker asks
    // for them too, and they go out with it.
    app.fill("[data-testid=template-search]", "appointment_reminder")
        .await;
    app.wait_up_to(Duration::from_secs(10), || async {
        let items = app.texts("[data-testid=template-item]").await;
        !items.is_empty() && items.iter().all(|t| t.contains("appointment_reminder"))
    })
    .await;
    app.click("[data-testid=template-item]").await;
    app.wait_up_to(Duration::from_secs(10), || async {
        app.all("[data-testid=template-header-param]").await.len() == 1
            && app.all("[data-testid=template-button-param]").await.len() == 1
    })
    .await;
    for (i, value) in ["Jonas", "Montag", "9:00"].into_iter().enumerate() {
        app.fill_nth("[data-testid=template-param]", i, value).await;
    }
    app.fill("[data-testid=template-header-param]", "Mo 9:00")
        .await;
    app.fill("[data-testid=template-button-param]", "A-77")
        .await;
    app.wait_up_to(Duration::from_secs(10), || async {
        let send = app
            .eval(
                "return document.querySelector('[data-testid=template-send]')?.disabled === false;",
            )
            .await;
        send.as_bool() == Some(true)
    })
    .await;
    app.click("[data-testid=template-send]").await;
    let start = Instant::now();
    let sent = loop {
        let sent = team.templates_sent_to(wa).await;
        if let Some(t) = sent.iter().find(|t| t["name"] == "appointment_reminder") {
            break t.clone();
        }
        assert!(
            start.elapsed() < Duration::from_secs(30),
            "appointment_reminder never went out: {sent:?}"
        );
        tokio::time::sleep(Duration::from_millis(200)).await;
    };
    let components = sent["components"].as_array().expect("components");
    let value_of = |kind: &str| {
        components
            .iter()
            .find(|c| c["type"] == kind)
            .and_then(|c| c["parameters"][0]["text"].as_str())
            .map(str::to_owned)
    };
    assert_eq!(value_of("header").as_deref(), Some("Mo 9:00"), "{sent}");
    assert_eq!(value_of("body").as_deref(), Some("Jonas"), "{sent}");
    assert_eq!(value_of("button").as_deref(), Some("A-77"), "{sent}");
    app.close().await;
}
