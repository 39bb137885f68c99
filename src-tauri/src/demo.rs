//! `switchboard --demo`: a whole team on loopback inside the app (the hub
//! on SQLite and the Cloud API sandbox running its demo scenario, from
//! `switchboard-demo`) in a temporary folder, and the agent signed in: a
//! new user sees conversations in four languages, an expiring window and
//! an incoming call within a minute, with no setup and no account.

use std::path::PathBuf;
use std::sync::Mutex;

use switchboard_app::contract::SignIn;
use switchboard_app::{Commands, Core};
use switchboard_demo::{Team, TeamOptions};
use tauri::{AppHandle, Manager};

/// The demo's team and its temporary folder (removed at exit).
#[derive(Default)]
struct Demo {
    dir: Option<tempfile::TempDir>,
    team: Option<Team>,
}

type DemoState = Mutex<Demo>;

/// A fresh temporary folder for the demo's data.
pub fn data_dir(app: &AppHandle) -> Result<PathBuf, String> {
    let dir = tempfile::Builder::new()
        .prefix("switchboard-demo-")
        .tempdir()
        .map_err(|e| format!("cannot create the demo's folder: {e}"))?;
    let path = dir.path().join("app");
    app.manage::<DemoState>(Mutex::new(Demo {
        dir: Some(dir),
        team: None,
    }));
    Ok(path)
}

/// Starts the team and signs its agent in.
pub async fn start(app: &AppHandle, core: &Core) -> Result<(), String> {
    let dir = {
        let state = app.state::<DemoState>();
        let demo = state.lock().unwrap_or_else(|e| e.into_inner());
        demo.dir
            .as_ref()
            .map(|d| d.path().join("team"))
            .ok_or("the demo's folder is gone")?
    };
    let team = switchboard_demo::start(TeamOptions::demo(dir))
        .await
        .map_err(|e| format!("the demo team cannot start: {e:#}"))?;
    let (hub_url, token) = (team.hub_url(), team.agent_token().to_owned());
    tracing::info!(hub = %hub_url, sandbox = %team.sandbox_url(), "demo team running");
    app.state::<DemoState>()
        .lock()
        .unwrap_or_else(|e| e.into_inner())
        .team = Some(team);
    core.sign_in(SignIn { hub_url, token })
        .await
        .map_err(|e| format!("the demo agent cannot sign in: {}", e.message))?;
    Ok(())
}

/// Stops the team (its tasks end with the runtime) and removes the folder.
pub fn stop(app: &AppHandle) {
    if let Some(state) = app.try_state::<DemoState>() {
        let mut demo = state.lock().unwrap_or_else(|e| e.into_inner());
        drop(demo.team.take());
        drop(demo.dir.take());
    }
}
