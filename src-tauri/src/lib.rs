//! The Switchboard desktop shell: a thin Tauri adapter over the core
//! (`switchboard-app`), split by concern — `ipc` (the one command the UI
//! invokes, dispatched by the core), `shell` (the core's host: events to
//! the UI; notifications are `switchboard_app::notifications`),
//! `windows` (the main window and the always-on-top call popups), `tray`
//! (the unread count), `demo` (`--demo`: a team of its own on loopback),
//! `state`. No business rule lives here; those belong in `crates/*`, which
//! must never depend on tauri.

mod demo;
mod ipc;
mod shell;
mod state;
mod tray;
mod windows;

use std::path::PathBuf;
use std::sync::Arc;

use switchboard_app::contract::MAIN_WINDOW;
use switchboard_app::{Commands, Core, CoreOptions, KeyringVault, Labels, TokenVault};
use switchboard_domain::clock::SystemClock;
use tauri::{Manager, RunEvent, WindowEvent};

use crate::shell::TauriShell;
use crate::state::Ready;

/// How the app was started.
#[derive(Debug, Default)]
struct Args {
    demo: bool,
}

fn args() -> Args {
    Args {
        demo: std::env::args().skip(1).any(|a| a == "--demo"),
    }
}

fn init_logging() {
    let filter = tracing_subscriber::EnvFilter::try_from_default_env()
        .unwrap_or_else(|_| "info,tao=warn,wry=warn".into());
    let _ = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr)
        .try_init();
}

/// The data folder: `SWITCHBOARD_DATA_DIR` when set, else the platform's
/// app data folder (`$XDG_DATA_HOME/org.switchboard.desktop`).
fn data_dir(app: &tauri::AppHandle) -> Result<PathBuf, String> {
    if let Some(dir) = std::env::var_os("SWITCHBOARD_DATA_DIR") {
        return Ok(PathBuf::from(dir));
    }
    app.path().app_data_dir().map_err(|e| e.to_string())
}

pub fn run() {
    init_logging();
    let args = args();
    let (ready_tx, ready) = Ready::new();
    let app = tauri::Builder::default()
        .plugin(tauri_plugin_clipboard_manager::init())
        .manage(ready)
        .invoke_handler(tauri::generate_handler![ipc::ipc])
        .setup(move |app| {
            let handle = app.handle().clone();
            let shell = Arc::new(TauriShell::new(handle.clone(), ""));
            if let Err(e) = tray::build(&handle, &Labels::for_locale("")) {
                // No tray host (a bare X server): the window is enough.
                tracing::warn!(error = %e, "no tray icon");
            }
            let demo = args.demo;
            tauri::async_runtime::spawn(async move {
                match open_core(&handle, shell, demo).await {
                    Ok(core) => {
                        let _ = ready_tx.send(Some(core));
                    }
                    Err(e) => {
                        tracing::error!(error = %e, "the app cannot start");
                        eprintln!("switchboard: {e}");
                        handle.exit(1);
                    }
                }
            });
            Ok(())
        })
        .on_window_event(|window, event| {
            // Closing the main window keeps the app in the tray: calls and
            // warnings still reach the agent. Quit from the tray.
            if let WindowEvent::CloseRequested { api, .. } = event
                && window.label() == MAIN_WINDOW
                && window.app_handle().tray_by_id("main").is_some()
                && std::env::var_os("SWITCHBOARD_CLOSE_QUITS").is_none()
            {
                api.prevent_close();
                let _ = window.hide();
            }
        })
        .build(tauri::generate_context!())
        .expect("error while building the Switchboard app");
    app.run(|handle, event| {
        if let RunEvent::Exit = event {
            if let Some(core) = handle.state::<Ready>().now() {
                tauri::async_runtime::block_on(core.shutdown());
            }
            demo::stop(handle);
        }
    });
}

async fn open_core(
    handle: &tauri::AppHandle,
    shell: Arc<TauriShell>,
    demo: bool,
) -> Result<Core, String> {
    let (data_dir, vault): (PathBuf, Arc<dyn TokenVault>) = if demo {
        let dir = demo::data_dir(handle)?;
        // A throwaway team's token stays in memory, never in the keyring.
        (dir, Arc::new(switchboard_app::MemoryVault::default()))
    } else {
        (data_dir(handle)?, Arc::new(KeyringVault::new()))
    };
    let core = Core::open(
        CoreOptions {
            data_dir,
            demo,
            // Opened when a call is answered or placed: a computer without
            // a microphone or speaker refuses the call's audio in words.
            audio: Some(Arc::new(switchboard_app::audio::SoundCard)),
        },
        shell.clone(),
        vault,
        Arc::new(SystemClock),
    )
    .await
    .map_err(|e| e.message)?;
    if let Ok(settings) = core.settings(()).await {
        use switchboard_app::Shell;
        shell.emit(switchboard_app::AppEvent::Settings { settings });
    }
    if demo {
        demo::start(handle, &core).await?;
    }
    Ok(core)
}
