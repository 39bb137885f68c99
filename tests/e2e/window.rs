use crate::harness::Desktop;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn window_opens_with_the_product_name() {
    let app = Desktop::launch("window_opens_with_the_product_name").await;
    assert_eq!(app.client().title().await.unwrap(), "Switchboard");
    assert_eq!(app.text("[data-testid=app-name]").await, "Switchboard");
    assert_eq!(
        app.text("[data-testid=conversations-title]").await,
        "Conversations"
    );
    assert_eq!(
        app.text("[data-testid=conversations-empty]").await,
        "No conversations yet"
    );
    app.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn switching_language_changes_the_visible_labels() {
    let app = Desktop::launch("switching_language_changes_the_visible_labels").await;
    assert_eq!(app.text("[data-testid=nav-settings]").await, "Settings");

    app.select("[data-testid=language-switch]", "ja").await;
    assert_eq!(
        app.text_becomes("[data-testid=nav-conversations]", "会話")
            .await,
        "会話"
    );
    assert_eq!(app.text("[data-testid=nav-settings]").await, "設定");
    assert_eq!(app.text("[data-testid=language-label]").await, "言語");
    assert_eq!(
        app.text("[data-testid=conversations-empty]").await,
        "まだ会話はありません"
    );
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
    assert_eq!(
        app.text("[data-testid=hub-status]").await,
        "Nicht mit einem Hub verbunden"
    );

    app.select("[data-testid=language-switch]", "fr").await;
    assert_eq!(
        app.text_becomes("[data-testid=nav-settings]", "Paramètres")
            .await,
        "Paramètres"
    );
    app.close().await;
}
