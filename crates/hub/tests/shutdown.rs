//! Stopping the hub: SIGTERM ends the open SSE streams (clients resume with
//! Last-Event-ID) and the process exits within seconds, its writes kept.

mod common;

use std::time::{Duration, Instant};

use common::{Sse, TestEnv};
use futures::StreamExt;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sigterm_ends_open_streams_and_exits_promptly() {
    let env = TestEnv::new().await;
    env.customer_says("4915123400077", "are you open?").await;
    let conv = env.conversation_of("4915123400077").await;
    let TestEnv {
        running,
        dir,
        sandbox,
        agent,
        http,
        ..
    } = env;
    running.stop().await;
    let mut served = common::serve_binary(&dir.path().join("hub.db"), &sandbox.base_url).await;

    // Two desktop apps keep a stream open; one reads a change first.
    let mut reading = Sse::connect(&served.url, &agent, None).await;
    let (seen, _) = reading.next().await;
    let idle = http
        .get(format!("{}/api/v1/stream", served.url))
        .bearer_auth(&agent)
        .send()
        .await
        .unwrap();
    assert_eq!(idle.status(), 200);
    let mut idle = idle.bytes_stream();

    let asked = Instant::now();
    served.terminate();
    let status = tokio::time::timeout(Duration::from_secs(10), served.child.wait())
        .await
        .expect("the hub exits within seconds of SIGTERM")
        .unwrap();
    assert!(status.success(), "a clean exit: {status}");
    assert!(
        asked.elapsed() < Duration::from_secs(6),
        "{:?}",
        asked.elapsed()
    );
    // Both streams ended (the body finished, no hang).
    let rest = tokio::time::timeout(Duration::from_secs(5), async {
        while let Some(chunk) = idle.next().await {
            if chunk.is_err() {
                break;
            }
        }
    })
    .await;
    assert!(rest.is_ok(), "the idle stream ended");

    // The data is there for the next start, and a client resumes after
    // what it saw.
    let again = common::serve_binary(&dir.path().join("hub.db"), &sandbox.base_url).await;
    let mut resumed = Sse::connect(&again.url, &agent, Some(seen)).await;
    let (_, c) = resumed
        .until(|c| c["kind"] == "message" && c["data"]["conversation_id"] == conv["id"])
        .await;
    assert_eq!(c["data"]["text"], "are you open?");
}
