//! Screenshots of the main screens, driving the real app: the demo's list
//! and thread (light, dark, Japanese), the template picker, the call popup,
//! and the admin's views. `make screenshots` writes them into
//! `docs/screenshots/` (`SWITCHBOARD_SCREENSHOTS_DIR`); in `make test` they
//! go to the artifacts folder, so the screens are driven on every run.

use std::path::PathBuf;
use std::time::Duration;

use crate::harness::{Desktop, Launch, artifacts_dir};
use crate::team::TestTeam;

fn out_dir() -> PathBuf {
    std::env::var_os("SWITCHBOARD_SCREENSHOTS_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| artifacts_dir().join("screenshots"))
}

fn shoot(app: &Desktop, name: &str) {
    let path = out_dir().join(format!("{name}.png"));
    app.screenshot(&path)
        .unwrap_or_else(|e| panic!("screenshot {}: {e}", path.display()));
}

/// The demo app with Jonas Weber's conversation open.
async fn demo(name: &str, env: Vec<(String, String)>) -> Desktop {
    let app = Desktop::launch_with(
        name,
        Launch {
            args: vec!["--demo".into()],
            env,
        },
    )
    .await;
    app.find("[data-testid=nav-conversations]").await;
    app.wait_up_to(Duration::from_secs(40), || async {
        app.texts("[data-testid=conversation-name]")
            .await
            .iter()
            .any(|n| n == "Jonas Weber")
    })
    .await;
    app.eval(
        "Array.from(document.querySelectorAll('[data-testid=conversation-item]'))
           .find(i => i.textContent.includes('Jonas Weber'))?.click(); return null;",
    )
    .await;
    app.find("[data-testid=message]").await;
    app
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn screenshots_of_the_main_screens() {
    // Light, in English: the list and a thread, the template picker, a call.
    let app = demo("screens_light", Vec::new()).await;
    shoot(&app, "list-thread-light");
    let picker_offered = !app.all("[data-testid=template-open]").await.is_empty();
    if picker_offered {
        app.click("[data-testid=template-open]").await;
    }
    app.find("[data-testid=template-picker]").await;
    app.wait_for(|| async { !app.all("[data-testid=template-item]").await.is_empty() })
        .await;
    app.click("[data-testid=template-item]").await;
    app.find("[data-testid=template-preview-body]").await;
    shoot(&app, "template-picker-light");
    let call = app
        .notifications
        .wait_up_to(Duration::from_secs(60), |n| {
            n.summary == "Incoming WhatsApp call"
        })
        .await;
    // The notice clicked (its default action): the popup rings, with Answer
    // and Decline. Clicked again until the app follows it (its listener may
    // be a moment behind the notification).
    let start = std::time::Instant::now();
    while app.window_count().await < 2 {
        app.notifications.invoke_action(call.id, "default");
        tokio::time::sleep(Duration::from_millis(300)).await;
        assert!(start.elapsed() < Duration::from_secs(15), "no call popup");
    }
    app.to_window("call=").await;
    app.find("[data-testid=call-popup]").await;
    // The call's view loaded, not the popup's first "Loading the call…".
    app.find("[data-testid=call-customer-name]").await;
    app.find("[data-testid=call-answer]").await;
    shoot(&app, "call-popup-light");
    app.close().await;

    // Dark, as the desktop asks for it.
    let app = demo(
        "screens_dark",
        vec![("GTK_THEME".into(), "Adwaita:dark".into())],
    )
    .await;
    let dark = app
        .eval("return matchMedia('(prefers-color-scheme: dark)').matches;")
        .await;
    assert_eq!(
        dark.as_bool(),
        Some(true),
        "the window follows the dark theme"
    );
    shoot(&app, "list-thread-dark");
    app.close().await;

    // Japanese.
    let app = demo("screens_ja", Vec::new()).await;
    app.select("[data-testid=language-switch]", "ja").await;
    app.text_becomes("[data-testid=nav-settings]", "設定").await;
    shoot(&app, "list-thread-ja");
    app.close().await;

    // The admin's views, on a team with a warning to show.
    let team = TestTeam::start().await;
    let app = Desktop::launch("screens_admin").await;
    app.sign_in(&team.hub_url(), team.team.admin_token()).await;
    app.click("[data-testid=nav-admin]").await;
    app.find("[data-testid=admin-channel]").await;
    shoot(&app, "admin-light");
    app.close().await;
}
