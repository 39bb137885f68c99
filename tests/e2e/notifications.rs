use crate::harness::Desktop;
use crate::team::TestTeam;

/// The sample call notification goes through the real D-Bus session: the
/// desktop sees caller name and number, queue and channel, a copy-number
/// action and call hints; pressing the action puts the E.164 number on the X
/// clipboard and the app confirms it.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sample_call_notification_copies_the_number() {
    let team = TestTeam::start().await;
    let app = Desktop::launch("sample_call_notification_copies_the_number").await;
    app.sign_in(&team.hub_url(), team.token()).await;
    app.set_clipboard("something else");
    app.click("[data-testid=nav-settings]").await;
    app.click("[data-testid=sample-call-notification]").await;

    let n = app
        .notifications
        .wait_for(|n| n.summary == "Incoming WhatsApp call")
        .await;
    assert_eq!(n.app_name, "Switchboard");
    assert_eq!(
        n.body,
        "Aiko Tanaka · +81 90-1234-5678\nQueue: Support · Channel: WhatsApp"
    );
    assert_eq!(n.actions, ["copy-number", "Copy number"]);
    assert_eq!(n.hint_str("category").as_deref(), Some("call.incoming"));
    assert_eq!(n.hint_bool("resident"), Some(true));
    assert_eq!(n.hint_u8("urgency"), Some(2));
    assert_eq!(
        n.expire_timeout, 0,
        "a call notification stays until acted on"
    );
    assert_eq!(
        app.text_becomes(
            "[data-testid=notification-status]",
            "Sample notification shown"
        )
        .await,
        "Sample notification shown"
    );

    // notify-rust subscribes to ActionInvoked only after Notify returned: press
    // again until the app reports the copy.
    let want = "Number copied: +819012345678";
    app.wait_for(|| async {
        app.notifications.invoke_action(n.id, "copy-number");
        app.client()
            .find(fantoccini::Locator::Css("[data-testid=toast]"))
            .await
            .ok()
            .is_some()
    })
    .await;
    assert_eq!(app.text_becomes("[data-testid=toast]", want).await, want);
    assert_eq!(app.clipboard(), "+819012345678");
    app.close().await;
}

/// Notification texts come from the same Fluent catalogs as the UI.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn call_notification_follows_the_chosen_language() {
    let team = TestTeam::start().await;
    let app = Desktop::launch("call_notification_follows_the_chosen_language").await;
    app.sign_in(&team.hub_url(), team.token()).await;
    app.select("[data-testid=language-switch]", "ja").await;
    app.click("[data-testid=nav-settings]").await;
    app.click("[data-testid=sample-call-notification]").await;
    let n = app
        .notifications
        .wait_for(|n| n.summary == "WhatsApp の着信")
        .await;
    assert_eq!(
        n.body,
        "田中 愛子 · +81 90-1234-5678\nキュー: サポート · チャネル: WhatsApp"
    );
    assert_eq!(n.actions, ["copy-number", "番号をコピー"]);
    app.close().await;
}
