//! End-to-end tests of the desktop app: the real binary, a real WebKit window
//! under Xvfb, real D-Bus notifications, the real X clipboard.

// The harness offers more helpers than today's tests use (typing, clipboard writes).
#[allow(dead_code)]
mod harness;
#[allow(dead_code)]
mod notification_server;

mod agent_ui;
mod call_audio;
mod desk;
mod notifications;
mod screenshots;
mod team;
mod window;
