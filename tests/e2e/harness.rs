//! The E2E harness: the real `switchboard` binary in a real WebKit window, each
//! test under its own Xvfb display, its own D-Bus session bus with a
//! notification server, and its own tauri-driver + WebKitWebDriver; driven
//! through WebDriver (fantoccini). Every process it starts runs in its own
//! process group and is killed by pid on drop; on a failing test a screenshot
//! of the display lands in `tests/e2e/artifacts/<test>.png`.

use std::future::Future;
use std::io::{BufRead, BufReader, Write};
use std::net::TcpListener;
use std::os::unix::process::CommandExt;
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use fantoccini::elements::Element;
use fantoccini::{Client, ClientBuilder, Locator};
use hyper_util::client::legacy::connect::HttpConnector;

use crate::notification_server::NotificationServer;

const WAIT: Duration = Duration::from_secs(10);

pub struct Desktop {
    name: String,
    display: String,
    bus: String,
    children: Vec<Child>,
    /// tauri-driver (which starts WebKitWebDriver, which starts the app).
    driver: Child,
    driver_env: Vec<(String, String)>,
    pub notifications: NotificationServer,
    client: Option<Client>,
    port: u16,
    args: Vec<String>,
    /// Marks the app's processes (in their environment) so a test can find
    /// and kill exactly its own app.
    tag: String,
    data: tempfile::TempDir,
}

/// How to start the app.
#[derive(Debug, Default, Clone)]
pub struct Launch {
    /// Command-line arguments of the app (`--demo`).
    pub args: Vec<String>,
    /// More environment for the app (`GTK_THEME` for a dark window).
    pub env: Vec<(String, String)>,
}

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .expect("bind loopback")
        .local_addr()
        .expect("addr")
        .port()
}

fn first_line(child: &mut Child) -> String {
    let mut line = String::new();
    let out = child.stdout.take().expect("piped stdout");
    BufReader::new(out)
        .read_line(&mut line)
        .expect("read first line");
    line.trim().to_owned()
}

/// Spawns `cmd` as the leader of a new process group, so that everything it
/// starts (tauri-driver → WebKitWebDriver → the app) can be killed together.
fn spawn(cmd: &mut Command, what: &str) -> Child {
    cmd.process_group(0)
        .spawn()
        .unwrap_or_else(|e| panic!("{what}: {e} (run scripts/setup.sh)"))
}

pub fn artifacts_dir() -> PathBuf {
    std::env::var_os("SWITCHBOARD_E2E_ARTIFACTS")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/e2e/artifacts"))
}

impl Desktop {
    /// Starts a display, a session bus, a notification server, tauri-driver
    /// and the app, and returns once the main window's page is loaded.
    pub async fn launch(name: &str) -> Desktop {
        Self::launch_with(name, Launch::default()).await
    }

    /// [`Desktop::launch`] with arguments.
    pub async fn launch_with(name: &str, launch: Launch) -> Desktop {
        let mut children = Vec::new();
        let mut xvfb = spawn(
            Command::new("Xvfb")
                .args([
                    "-displayfd",
                    "1",
                    "-screen",
                    "0",
                    "1280x800x24",
                    "-nolisten",
                    "tcp",
                ])
                .stdout(Stdio::piped())
                .stderr(Stdio::null()),
            "Xvfb",
        );
        let display = format!(":{}", first_line(&mut xvfb));
        children.push(xvfb);
        let mut dbus = spawn(
            Command::new("dbus-daemon")
                .args(["--session", "--nofork", "--nopidfile", "--print-address=1"])
                .stdout(Stdio::piped())
                .stderr(Stdio::null()),
            "dbus-daemon",
        );
        let bus = first_line(&mut dbus);
        children.push(dbus);
        let notifications =
            NotificationServer::start(&bus).expect("own org.freedesktop.Notifications");

        // The app keeps its data (language choice, later the local store) in a
        // fresh folder, so tests never see each other's state.
        let data = tempfile::tempdir().expect("temp dir");
        let tag = format!("{name}-{}", std::process::id());
        let mut driver_env: Vec<(String, String)> = vec![
            ("DISPLAY".into(), display.clone()),
            ("DBUS_SESSION_BUS_ADDRESS".into(), bus.clone()),
            ("LANG".into(), "en_US.UTF-8".into()),
            ("SWITCHBOARD_E2E_TAG".into(), tag.clone()),
            // Closing the main window ends the app (no tray host here).
            ("SWITCHBOARD_CLOSE_QUITS".into(), "1".into()),
            (
                "RUST_LOG".into(),
                "warn,switchboard_app=info,switchboard_lib=info".into(),
            ),
            // Composited frames never reach the X window under Xvfb, which
            // would make failure screenshots blank.
            ("WEBKIT_DISABLE_COMPOSITING_MODE".into(), "1".into()),
        ];
        for (var, dir) in [
            ("XDG_DATA_HOME", "data"),
            ("XDG_CONFIG_HOME", "config"),
            ("XDG_CACHE_HOME", "cache"),
            ("SWITCHBOARD_DATA_DIR", "app"),
        ] {
            driver_env.push((var.into(), data.path().join(dir).display().to_string()));
        }
        driver_env.extend(launch.env);
        let (driver, port) = spawn_driver(name, &driver_env);

        let mut desktop = Desktop {
            name: name.to_owned(),
            display,
            bus,
            children,
            driver,
            driver_env,
            notifications,
            client: None,
            port,
            args: launch.args,
            tag,
            data,
        };
        desktop.start_app().await;
        desktop
    }

    /// Opens a WebDriver session (which starts the app) and waits for its page.
    /// A tauri-driver that exited or never answered (its port taken by
    /// another test between our probe and its bind) is started again on new
    /// ports; its log is in the artifacts folder.
    async fn start_app(&mut self) {
        let mut attempts = 0;
        let client = loop {
            attempts += 1;
            match connect(&mut self.driver, self.port, &self.args).await {
                Ok(client) => break client,
                Err(e) if attempts < 3 => {
                    eprintln!(
                        "e2e: tauri-driver on port {}: {e}; starting it again",
                        self.port
                    );
                    kill_group(&mut self.driver);
                    (self.driver, self.port) = spawn_driver(&self.name, &self.driver_env);
                }
                Err(e) => panic!(
                    "WebDriver session: {e} (tauri-driver's log: {})",
                    driver_log(&self.name).display()
                ),
            }
        };
        self.client = Some(client);
        self.wait_for(|| async { desktop_ready(self.client()).await })
            .await;
    }

    /// The app's data folder (its profile and stores).
    pub fn data_dir(&self) -> std::path::PathBuf {
        self.data.path().join("app")
    }

    /// The pids of this test's app processes.
    pub fn app_pids(&self) -> Vec<u32> {
        let needle = format!("SWITCHBOARD_E2E_TAG={}", self.tag);
        let exe = env!("CARGO_BIN_EXE_switchboard");
        let mut pids = Vec::new();
        for entry in std::fs::read_dir("/proc").into_iter().flatten().flatten() {
            let Ok(pid) = entry.file_name().to_string_lossy().parse::<u32>() else {
                continue;
            };
            let environ = std::fs::read(entry.path().join("environ")).unwrap_or_default();
            let tagged = environ
                .split(|b| *b == 0)
                .any(|var| var == needle.as_bytes());
            let is_app = std::fs::read_link(entry.path().join("exe"))
                .is_ok_and(|p| p.to_string_lossy().trim_end_matches(" (deleted)") == exe);
            if tagged && is_app {
                pids.push(pid);
            }
        }
        pids
    }

    /// `kill -9` the app (as a crash or a power cut would), and forget its
    /// WebDriver session.
    pub async fn kill_app(&mut self) {
        let pids = self.app_pids();
        assert!(!pids.is_empty(), "the app is not running");
        for pid in &pids {
            let _ = Command::new("kill")
                .args(["-KILL", &pid.to_string()])
                .status();
        }
        self.wait_for(|| async { self.app_pids().is_empty() }).await;
        if let Some(client) = self.client.take() {
            let _ = tokio::time::timeout(Duration::from_secs(5), client.close()).await;
        }
    }

    /// Starts the app again on the same data (after [`Desktop::kill_app`] or
    /// [`Desktop::quit_app`]).
    pub async fn restart_app(&mut self) {
        assert!(self.client.is_none(), "stop the app first");
        self.start_app().await;
    }

    /// Ends the app the way closing its window does.
    pub async fn quit_app(&mut self) {
        if let Some(client) = self.client.take() {
            let _ = tokio::time::timeout(Duration::from_secs(10), client.close()).await;
        }
        self.wait_for(|| async { self.app_pids().is_empty() }).await;
    }

    /// Signs in through the sign-in screen and waits for the main screen.
    pub async fn sign_in(&self, hub_url: &str, token: &str) {
        self.type_into("[data-testid=signin-hub-url]", hub_url)
            .await;
        self.type_into("[data-testid=signin-token]", token).await;
        self.click("[data-testid=signin-submit]").await;
        self.find("[data-testid=nav-conversations]").await;
    }

    /// Switches WebDriver to the window whose URL contains `part`, waiting
    /// for it to open; returns to the main window with [`Desktop::to_main`].
    pub async fn to_window(&self, part: &str) {
        let client = self.client();
        let start = Instant::now();
        loop {
            for handle in client.windows().await.unwrap_or_default() {
                if client.switch_to_window(handle).await.is_ok()
                    && client
                        .current_url()
                        .await
                        .is_ok_and(|u| u.as_str().contains(part))
                {
                    return;
                }
            }
            assert!(
                start.elapsed() < WAIT,
                "no window at {part} within {WAIT:?}"
            );
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }

    /// Back to the main window.
    pub async fn to_main(&self) {
        let client = self.client();
        for handle in client.windows().await.unwrap_or_default() {
            if client.switch_to_window(handle).await.is_ok()
                && client
                    .current_url()
                    .await
                    .is_ok_and(|u| !u.as_str().contains("call="))
            {
                return;
            }
        }
        panic!("the main window is gone");
    }

    /// How many windows the app has open.
    pub async fn window_count(&self) -> usize {
        self.client().windows().await.map_or(0, |w| w.len())
    }

    /// The text content of every element matching `css` now, read in one
    /// script (a list that re-renders meanwhile cannot go stale under it).
    pub async fn texts(&self, css: &str) -> Vec<String> {
        let script = "return Array.from(document.querySelectorAll(arguments[0])).map(e => e.textContent.trim());";
        let value = self
            .client()
            .execute(script, vec![serde_json::Value::String(css.to_owned())])
            .await
            .unwrap_or_else(|e| panic!("texts of {css}: {e}"));
        serde_json::from_value(value).unwrap_or_default()
    }

    /// The value of a script run in the window (`return …`).
    pub async fn eval(&self, script: &str) -> serde_json::Value {
        self.client()
            .execute(script, vec![])
            .await
            .unwrap_or_else(|e| panic!("script {script}: {e}"))
    }

    /// Elements matching `css` now (none is fine).
    pub async fn all(&self, css: &str) -> Vec<Element> {
        self.client()
            .find_all(Locator::Css(css))
            .await
            .unwrap_or_default()
    }

    pub fn client(&self) -> &Client {
        self.client.as_ref().expect("session open")
    }

    /// Runs a command with this test's display and session bus.
    pub fn command(&self, program: &str) -> Command {
        let mut cmd = Command::new(program);
        cmd.env("DISPLAY", &self.display)
            .env("DBUS_SESSION_BUS_ADDRESS", &self.bus);
        cmd
    }

    pub async fn find(&self, css: &str) -> Element {
        self.client()
            .wait()
            .at_most(WAIT)
            .for_element(Locator::Css(css))
            .await
            .unwrap_or_else(|e| panic!("{css}: {e}"))
    }

    pub async fn click(&self, css: &str) {
        self.find(css)
            .await
            .click()
            .await
            .unwrap_or_else(|e| panic!("click {css}: {e}"));
    }

    pub async fn type_into(&self, css: &str, text: &str) {
        let el = self.find(css).await;
        el.clear()
            .await
            .unwrap_or_else(|e| panic!("clear {css}: {e}"));
        el.send_keys(text)
            .await
            .unwrap_or_else(|e| panic!("type into {css}: {e}"));
    }

    /// Sets an input's value as typing would end (an `input` event), for
    /// text a WebDriver keyboard may not type (Japanese).
    pub async fn fill(&self, css: &str, text: &str) {
        self.fill_nth(css, 0, text).await;
    }

    /// [`Desktop::fill`] for the `n`-th element matching `css`.
    pub async fn fill_nth(&self, css: &str, n: usize, text: &str) {
        self.find(css).await;
        let script = "const e = document.querySelectorAll(arguments[0])[arguments[1]]; e.focus(); \
                      e.value = arguments[2]; \
                      e.dispatchEvent(new Event('input', { bubbles: true }));";
        self.client()
            .execute(
                script,
                vec![
                    serde_json::Value::String(css.to_owned()),
                    serde_json::Value::from(n),
                    serde_json::Value::String(text.to_owned()),
                ],
            )
            .await
            .unwrap_or_else(|e| panic!("fill {css}[{n}]: {e}"));
    }

    pub async fn select(&self, css: &str, value: &str) {
        self.find(css)
            .await
            .select_by_value(value)
            .await
            .unwrap_or_else(|e| panic!("select {value} in {css}: {e}"));
    }

    pub async fn text(&self, css: &str) -> String {
        self.find(css)
            .await
            .text()
            .await
            .unwrap_or_else(|e| panic!("text of {css}: {e}"))
    }

    pub async fn attr(&self, css: &str, name: &str) -> Option<String> {
        self.find(css)
            .await
            .attr(name)
            .await
            .unwrap_or_else(|e| panic!("{name} of {css}: {e}"))
    }

    /// Awaits until the element's attribute equals `want`; panics with the
    /// last value seen.
    pub async fn attr_becomes(&self, css: &str, name: &str, want: &str) {
        let start = Instant::now();
        loop {
            let got = self.attr(css, name).await;
            if got.as_deref() == Some(want) {
                return;
            }
            assert!(
                start.elapsed() < WAIT,
                "{name} of {css}: {got:?}, not {want:?} within {WAIT:?}"
            );
            tokio::time::sleep(Duration::from_millis(40)).await;
        }
    }

    /// Awaits until the element's text equals `want`; returns the last text seen.
    pub async fn text_becomes(&self, css: &str, want: &str) -> String {
        let start = Instant::now();
        loop {
            let got = self.text(css).await;
            if got == want || start.elapsed() > WAIT {
                return got;
            }
            tokio::time::sleep(Duration::from_millis(40)).await;
        }
    }

    /// Presses a notification's button until `done` holds: notify-rust
    /// listens for actions only once `Notify` returned, so the first press
    /// may be lost.
    pub async fn press_until<F, Fut>(&self, id: u32, key: &str, done: F)
    where
        F: Fn() -> Fut,
        Fut: std::future::Future<Output = bool>,
    {
        let start = std::time::Instant::now();
        loop {
            self.notifications.invoke_action(id, key);
            for _ in 0..5 {
                if done().await {
                    return;
                }
                tokio::time::sleep(Duration::from_millis(60)).await;
            }
            assert!(
                start.elapsed() < Duration::from_secs(15),
                "pressing {key} on {id} did nothing"
            );
        }
    }

    /// Polls `check` until it holds (10 s at most): for conditions no event announces.
    pub async fn wait_for<F, Fut>(&self, check: F)
    where
        F: Fn() -> Fut,
        Fut: Future<Output = bool>,
    {
        self.wait_up_to(WAIT, check).await;
    }

    /// [`Desktop::wait_for`] with another bound.
    pub async fn wait_up_to<F, Fut>(&self, bound: Duration, check: F)
    where
        F: Fn() -> Fut,
        Fut: Future<Output = bool>,
    {
        let start = Instant::now();
        while !check().await {
            assert!(
                start.elapsed() < bound,
                "condition not met within {bound:?}"
            );
            tokio::time::sleep(Duration::from_millis(40)).await;
        }
    }

    /// The X clipboard's text, read with xclip as another application would.
    pub fn clipboard(&self) -> String {
        let out = self
            .command("xclip")
            .args(["-o", "-selection", "clipboard"])
            .output()
            .expect("xclip");
        String::from_utf8_lossy(&out.stdout).into_owned()
    }

    /// Puts text on the X clipboard, as another application would.
    pub fn set_clipboard(&self, text: &str) {
        let mut child = self
            .command("xclip")
            .args(["-i", "-selection", "clipboard"])
            .stdin(Stdio::piped())
            .spawn()
            .expect("xclip");
        child
            .stdin
            .take()
            .expect("stdin")
            .write_all(text.as_bytes())
            .expect("write clipboard");
        child.wait().expect("xclip exit");
    }

    /// A PNG of the whole display.
    pub fn screenshot(&self, path: &std::path::Path) -> std::io::Result<()> {
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir)?;
        }
        let status = Command::new("import")
            .args(["-display", &self.display, "-window", "root"])
            .arg(path)
            .status()?;
        if status.success() {
            Ok(())
        } else {
            Err(std::io::Error::other(format!("import exited {status}")))
        }
    }

    /// Ends the WebDriver session (closing the app) and stops every process.
    /// With `SWITCHBOARD_E2E_SCREENSHOTS=1` it first saves the final screen.
    pub async fn close(mut self) {
        if std::env::var_os("SWITCHBOARD_E2E_SCREENSHOTS").is_some() {
            let path = artifacts_dir().join(format!("{}-final.png", self.name));
            if let Err(e) = self.screenshot(&path) {
                eprintln!("e2e: no screenshot: {e}");
            }
        }
        if let Some(client) = self.client.take() {
            let _ = client.close().await;
        }
    }
}

impl Drop for Desktop {
    fn drop(&mut self) {
        if std::thread::panicking() {
            let path = artifacts_dir().join(format!("{}.png", self.name));
            match self.screenshot(&path) {
                Ok(()) => eprintln!("e2e: screenshot of the failure: {}", path.display()),
                Err(e) => eprintln!("e2e: no screenshot: {e}"),
            }
        }
        kill_group(&mut self.driver);
        for child in self.children.iter_mut().rev() {
            kill_group(child);
        }
    }
}

/// Kills a child's whole process group (the child and what it started), then
/// reaps it.
fn kill_group(child: &mut Child) {
    let _ = Command::new("kill")
        .args(["-KILL", "--", &format!("-{}", child.id())])
        .status();
    let _ = child.kill();
    let _ = child.wait();
}

fn driver_log(name: &str) -> PathBuf {
    artifacts_dir().join(format!("{name}-tauri-driver.log"))
}

/// Starts tauri-driver on free ports, its output in the artifacts folder.
fn spawn_driver(name: &str, env: &[(String, String)]) -> (Child, u16) {
    let port = free_port();
    let log = std::fs::create_dir_all(artifacts_dir())
        .and_then(|()| std::fs::File::create(driver_log(name)))
        .map(Stdio::from)
        .unwrap_or_else(|_| Stdio::null());
    let child = spawn(
        Command::new("tauri-driver")
            .args([
                "--port",
                &port.to_string(),
                "--native-port",
                &free_port().to_string(),
            ])
            .envs(env.iter().map(|(k, v)| (k, v)))
            .stdout(Stdio::null())
            .stderr(log),
        "tauri-driver",
    );
    (child, port)
}

/// Opens a WebDriver session; an error when tauri-driver exits or does not
/// answer within 30 s.
async fn connect(driver: &mut Child, port: u16, args: &[String]) -> Result<Client, String> {
    let mut caps = serde_json::Map::new();
    caps.insert(
        "tauri:options".into(),
        serde_json::json!({ "application": env!("CARGO_BIN_EXE_switchboard"), "args": args }),
    );
    let url = format!("http://127.0.0.1:{port}");
    let start = Instant::now();
    loop {
        match ClientBuilder::new(HttpConnector::new())
            .capabilities(caps.clone())
            .connect(&url)
            .await
        {
            Ok(client) => return Ok(client),
            Err(e) => {
                if let Ok(Some(status)) = driver.try_wait() {
                    return Err(format!("tauri-driver exited ({status}): {e}"));
                }
                if start.elapsed() > Duration::from_secs(30) {
                    return Err(e.to_string());
                }
                // tauri-driver needs a moment before it listens.
                tokio::time::sleep(Duration::from_millis(100)).await;
            }
        }
    }
}

/// The main screen or the sign-in screen is shown.
async fn desktop_ready(client: &Client) -> bool {
    client
        .find(Locator::Css(
            "[data-testid=nav-conversations], [data-testid=signin-submit]",
        ))
        .await
        .is_ok()
}
