//! Uploads stream through the hub (issue 11): the body is read as it
//! arrives, never collected whole first, and at most four run at once, the
//! others waiting their turn (without their body being read).

mod common;

use std::sync::atomic::Ordering::Relaxed;

use common::{TestEnv, wait_for};
use tokio::sync::mpsc;

const MIB: usize = 1024 * 1024;

/// An upload whose body the test writes chunk by chunk.
struct HeldUpload {
    chunks: Option<mpsc::Sender<Vec<u8>>>,
    answer: tokio::task::JoinHandle<(u16, serde_json::Value)>,
}

impl HeldUpload {
    fn start(env: &TestEnv, conv: &str) -> Self {
        let (tx, rx) = mpsc::channel::<Vec<u8>>(1);
        let body = futures::stream::unfold(rx, |mut rx| async move {
            rx.recv()
                .await
                .map(|c| (Ok::<_, std::io::Error>(bytes::Bytes::from(c)), rx))
        });
        let req = env
            .http
            .post(format!(
                "{}/api/v1/conversations/{conv}/media?filename=big.pdf",
                env.hub_url()
            ))
            .bearer_auth(&env.agent)
            .header("content-type", "application/pdf")
            .body(reqwest::Body::wrap_stream(body));
        let answer = tokio::spawn(async move {
            let r = req.send().await.unwrap();
            let status = r.status().as_u16();
            (status, r.json().await.unwrap_or_default())
        });
        Self {
            chunks: Some(tx),
            answer,
        }
    }

    async fn send(&self, chunk: Vec<u8>) {
        self.chunks.as_ref().unwrap().send(chunk).await.unwrap();
    }

    /// Ends the body; the hub's answer.
    async fn finish(mut self) -> (u16, serde_json::Value) {
        self.chunks.take();
        tokio::time::timeout(common::WAIT, self.answer)
            .await
            .expect("answered")
            .unwrap()
    }
}

fn pdf_chunk(first: bool) -> Vec<u8> {
    let mut c = vec![b'x'; MIB];
    if first {
        c[..9].copy_from_slice(b"%PDF-1.4\n");
    }
    c
}

async fn conversation(env: &TestEnv, phone: &str) -> String {
    env.customer_says(phone, "send me the manual").await;
    env.conversation_of(phone.trim_start_matches('+')).await["id"]
        .as_str()
        .unwrap()
        .to_owned()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_upload_is_read_as_it_arrives_not_collected_first() {
    let env = TestEnv::new().await;
    let conv = conversation(&env, "4915123400701").await;
    let metrics = &env.running.hub.metrics;
    let up = HeldUpload::start(&env, &conv);
    up.send(pdf_chunk(true)).await;
    // The first MiB is taken in while the rest has not been sent: the hub
    // streams the body instead of waiting for all of it.
    wait_for("the first chunk read", || async {
        (metrics.upload_bytes.load(Relaxed) >= MIB as u64).then_some(())
    })
    .await;
    assert!(!up.answer.is_finished());
    for _ in 0..3 {
        up.send(pdf_chunk(false)).await;
    }
    let (status, v) = up.finish().await;
    assert_eq!(status, 201, "{v}");
    assert_eq!(v["size"], 4 * MIB);
    assert_eq!(metrics.upload_bytes.load(Relaxed), 4 * MIB as u64);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_fifth_upload_at_once_waits_for_a_turn() {
    let env = TestEnv::new().await;
    let conv = conversation(&env, "4915123400702").await;
    let metrics = &env.running.hub.metrics;
    let mut held = Vec::new();
    for _ in 0..4 {
        let up = HeldUpload::start(&env, &conv);
        up.send(pdf_chunk(true)).await;
        held.push(up);
    }
    wait_for("four uploads running", || async {
        (metrics.uploads_running.load(Relaxed) == 4).then_some(())
    })
    .await;
    let fifth = HeldUpload::start(&env, &conv);
    wait_for("the fifth waiting", || async {
        (metrics.uploads_waiting.load(Relaxed) == 1).then_some(())
    })
    .await;
    // Its body is not read while it waits.
    fifth.send(pdf_chunk(true)).await;
    assert_eq!(metrics.upload_bytes.load(Relaxed), 4 * MIB as u64);
    assert!(!fifth.answer.is_finished());

    // One of the four ends: the fifth gets its turn.
    let first = held.remove(0);
    assert_eq!(first.finish().await.0, 201);
    let (status, v) = fifth.finish().await;
    assert_eq!(status, 201, "{v}");
    for up in held {
        assert_eq!(up.finish().await.0, 201);
    }
    assert_eq!(metrics.uploads_running.load(Relaxed), 0);
    assert_eq!(metrics.uploads_waiting.load(Relaxed), 0);
}
