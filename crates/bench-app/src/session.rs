//! A private desktop session for a bench: its own D-Bus session bus (a
//! `dbus-daemon` of its own) and, when asked, its own X display (Xvfb),
//! then the bench binary run again inside it (with `DBUS_SESSION_BUS_ADDRESS`
//! and `DISPLAY` set from the start, as a desktop session sets them: zbus,
//! notify-rust and the keyring read them from the environment, which a
//! running process of ours may not change). Every process started here
//! runs in its own process group and is killed by its id when the session
//! ends.

use std::future::Future;
use std::io::{BufRead, BufReader};
use std::os::unix::process::CommandExt;
use std::process::{Child, Command, ExitCode, ExitStatus, Stdio};

use anyhow::{Context as _, bail};

/// The argument that marks the bench's run inside its private session.
pub const INSIDE: &str = "--inside-private-session";

/// Whether this process is the bench's run inside its private session.
pub fn inside() -> bool {
    std::env::args().skip(1).any(|a| a == INSIDE)
}

/// Kills the process group `pgid` (a process we started as its leader).
pub fn kill_group(pgid: u32) {
    let _ = Command::new("kill")
        .args(["-KILL", "--", &format!("-{pgid}")])
        .stderr(Stdio::null())
        .status();
}

/// Processes started as leaders of their own group, killed (with their
/// groups) on drop.
#[derive(Debug, Default)]
pub struct Group {
    children: Vec<Child>,
}

impl Group {
    /// Starts `cmd` as the leader of a new process group.
    pub fn spawn(&mut self, cmd: &mut Command, what: &str) -> anyhow::Result<&mut Child> {
        let child = cmd
            .process_group(0)
            .spawn()
            .with_context(|| format!("starting {what} (run scripts/setup.sh)"))?;
        self.children.push(child);
        Ok(self.children.last_mut().expect("just pushed"))
    }
}

impl Drop for Group {
    fn drop(&mut self) {
        for child in self.children.iter_mut().rev() {
            kill_group(child.id());
            let _ = child.wait();
        }
    }
}

/// The first line `child` prints (the bus address, the display number).
fn first_line(child: &mut Child, what: &str) -> anyhow::Result<String> {
    let out = child
        .stdout
        .take()
        .with_context(|| format!("{what}: no stdout"))?;
    let mut line = String::new();
    BufReader::new(out)
        .read_line(&mut line)
        .with_context(|| format!("reading {what}'s first line"))?;
    let line = line.trim().to_owned();
    if line.is_empty() {
        bail!("{what} printed nothing (did it start?)");
    }
    Ok(line)
}

/// Starts a private bus (and a display when `display`), runs this binary
/// again inside them with [`INSIDE`], and returns how that run ended; the
/// bus and the display are gone when this returns.
pub fn run_inside(display: bool) -> anyhow::Result<ExitStatus> {
    let mut group = Group::default();
    let mut env: Vec<(&str, String)> = Vec::new();
    if display {
        let xvfb = group.spawn(
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
        )?;
        env.push(("DISPLAY", format!(":{}", first_line(xvfb, "Xvfb")?)));
    }
    let dbus = group.spawn(
        Command::new("dbus-daemon")
            .args(["--session", "--nofork", "--nopidfile", "--print-address=1"])
            .stdout(Stdio::piped())
            .stderr(Stdio::null()),
        "dbus-daemon",
    )?;
    env.push(("DBUS_SESSION_BUS_ADDRESS", first_line(dbus, "dbus-daemon")?));
    let exe = std::env::current_exe().context("finding this binary")?;
    let mut cmd = Command::new(exe);
    cmd.args(std::env::args_os().skip(1)).arg(INSIDE);
    for (k, v) in &env {
        cmd.env(k, v);
    }
    let status = cmd
        .status()
        .context("running the bench in its private session")?;
    drop(group);
    Ok(status)
}

/// A bench binary's `main`: outside its private session, runs itself again
/// inside one ([`run_inside`], with a display when `display`); inside, runs
/// `bench` on a multi-threaded runtime. An error is printed as `name: …`
/// and the exit code says it.
pub fn main<F, Fut>(name: &str, display: bool, bench: F) -> ExitCode
where
    F: FnOnce() -> Fut,
    Fut: Future<Output = anyhow::Result<()>>,
{
    let ran = if inside() {
        tokio::runtime::Builder::new_multi_thread()
            .enable_all()
            .build()
            .context("starting the runtime")
            .and_then(|runtime| runtime.block_on(bench()))
    } else {
        run_inside(display).and_then(|status| {
            if status.success() {
                Ok(())
            } else {
                bail!("{status}")
            }
        })
    };
    match ran {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("{name}: {e:#}");
            ExitCode::FAILURE
        }
    }
}

/// The address of the session bus this process was started with.
pub fn bus_address() -> anyhow::Result<String> {
    std::env::var("DBUS_SESSION_BUS_ADDRESS").context("DBUS_SESSION_BUS_ADDRESS is not set")
}
