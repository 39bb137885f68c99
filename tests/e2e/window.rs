use crate::harness::Desktop;
use crate::team::TestTeam;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn signed_out_the_window_asks_for_the_hub_and_a_token() {
    let app = Desktop::launch("signed_out_the_window_asks_for_the_hub_and_a_token").await;
    assert_eq!(app.client().title().await.unwrap(), "Switchboard");
    assert_eq!(app.text("[data-testid=app-name]").await, "Switchboard");
    app.find("[data-testid=signin-hub-url]").await;
    app.find("[data-testid=signin-token]").await;

    // A wrong token is refused with words, not a blank screen.
    let team = TestTeam::start().await;
    app.type_into("[data-testid=signin-hub-url]", &team.hub_url())
        .await;
    app.type_into("[data-testid=signin-token]", "sbt_not-a-token")
        .await;
    app.click("[data-testid=signin-submit]").await;
    let error = app.text("[data-testid=signin-error]").await;
    assert!(!error.is_empty(), "an error is shown");
    app.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn switching_language_changes_the_visible_labels() {
    let team = TestTeam::start().await;
    let app = Desktop::launch("switching_language_changes_the_visible_labels").await;
    app.sign_in(&team.hub_url(), team.token()).await;
    assert_eq!(app.text("[data-testid=nav-settings]").await, "Settings");

    app.select("[data-testid=language-switch]", "ja").await;
    assert_eq!(
        app.text_becomes("[data-testid=nav-conversations]", "会話")
            .await,
        "会話"
    );
    assert_eq!(app.text("[data-testid=nav-settings]").await, "設定");
    assert_eq!(app.attr("html", "lang").await.as_deref(), Some("ja"));

    app.select("[data-testid=language-switch]", "de").await;
    assert_eq!(
        app.text_becomes("[data-testid=nav-conversations]", "Unterhaltungen")
            .await,
        "Unterhaltungen"
    );
    assert_eq!(
        app.text("[data-testid=nav-settings]").await,
        "Einstellungen"
    );

    app.select("[data-testid=language-switch]", "fr").await;
    assert_eq!(
        app.text_becomes("[data-testid=nav-settings]", "Paramètres")
            .await,
        "Paramètres"
    );
    app.close().await;
}
