//! `--scenario demo`: simulated customers that keep the demo alive — writing in
//! ja, de, fr and en (one with a card number, one forwarding a message, one whose
//! window closes within minutes, one known only by a WhatsApp username), an inbound
//! call every few minutes, and a customer who accepts a call-permission request (and
//! answers the business's calls).

use std::sync::Arc;
use std::time::Duration;

use serde_json::{Value, json};

use crate::customers;
use crate::state::{CallState, Sandbox, lock};

/// Pace of the demo.
#[derive(Debug, Clone)]
pub struct DemoTiming {
    /// Pause between the opening messages.
    pub step: Duration,
    /// A follow-up message from some customer this often.
    pub message_every: Duration,
    /// The first inbound call this long after the opening messages.
    pub first_call: Duration,
    /// Then an inbound call this often.
    pub call_every: Duration,
    /// How long an answered inbound call lasts before the customer hangs up.
    pub call_length: Duration,
    /// The short-window customer's window closes this long after the demo starts.
    pub closing_window: Duration,
}

impl Default for DemoTiming {
    fn default() -> Self {
        Self {
            step: Duration::from_secs(2),
            message_every: Duration::from_secs(75),
            first_call: Duration::from_secs(240),
            call_every: Duration::from_secs(240),
            call_length: Duration::from_secs(60),
            closing_window: Duration::from_secs(5 * 60),
        }
    }
}

struct Persona {
    /// Empty for a customer known only by username.
    wa_id: &'static str,
    username: Option<&'static str>,
    name: &'static str,
    follow_ups: &'static [&'static str],
}

const PEOPLE: &[Persona] = &[
    Persona {
        wa_id: "819012345678",
        username: None,
        name: "田中 優希",
        follow_ups: &[
            "お返事をお待ちしています。",
            "追跡番号はありますか？",
            "ありがとうございます！",
        ],
    },
    Persona {
        wa_id: "4915112345678",
        username: None,
        name: "Jonas Weber",
        follow_ups: &[
            "Gibt es schon etwas Neues?",
            "Können Sie mich kurz anrufen?",
            "Danke für die schnelle Hilfe!",
        ],
    },
    Persona {
        wa_id: "33612345678",
        username: None,
        name: "Camille Martin",
        follow_ups: &[
            "Merci de votre réponse.",
            "La nouvelle adresse est 12 rue de la Paix, Paris.",
            "C'est bon pour moi.",
        ],
    },
    Persona {
        wa_id: "14155550123",
        username: None,
        name: "Emily Johnson",
        follow_ups: &[
            "Any update on the double charge?",
            "I can send a screenshot of the statement.",
            "Thanks!",
        ],
    },
    Persona {
        wa_id: "447700900123",
        username: None,
        name: "Oliver Smith",
        follow_ups: &["Should I just ignore that message?", "Thanks for checking."],
    },
    Persona {
        wa_id: "4917612345678",
        username: None,
        name: "Hannah Becker",
        follow_ups: &["Hallo? Ist da jemand?"],
    },
    Persona {
        wa_id: "",
        username: Some("mika.travels"),
        name: "Mika",
        follow_ups: &["Any news on my order?"],
    },
];

fn say(sb: &Arc<Sandbox>, p: &Persona, extra: Value) {
    cast(sb);
    let mut req = match p.username {
        Some(u) if p.wa_id.is_empty() => json!({ "username": u, "name": p.name }),
        _ => json!({ "from": p.wa_id, "name": p.name }),
    };
    if let (Some(obj), Value::Object(more)) = (req.as_object_mut(), extra) {
        obj.extend(more);
    }
    if let Err(e) = customers::send_message(sb, &req) {
        tracing::warn!(error = %e.message, "demo message failed");
    }
}

/// Jonas accepts call-permission requests and answers the business's calls. Applied
/// again before every demo message and call, so the demo survives a `/_sandbox/reset`
/// (which forgets customers).
fn cast(sb: &Sandbox) {
    sb.with_customer(PEOPLE[1].wa_id, |c| {
        c.name = PEOPLE[1].name.into();
        c.persona.permission_reply = Some((true, false));
        c.persona.answers_calls_for_secs = Some(45);
    });
}

/// Runs the demo until the task is dropped.
pub async fn run_demo(sb: Arc<Sandbox>, timing: DemoTiming) {
    tracing::info!("demo scenario started");
    cast(&sb);
    let opening: [(usize, Value); 9] = [
        (
            0,
            json!({ "text": "こんにちは。注文番号 A-1042 の配送状況を教えてください。" }),
        ),
        (
            0,
            json!({ "type": "image", "image": { "caption": "届いた箱の写真です", "mime_type": "image/jpeg" } }),
        ),
        (
            1,
            json!({ "text": "Hallo! Meine Bestellung A-1043 ist beschädigt angekommen. Was kann ich tun?" }),
        ),
        (
            2,
            json!({ "text": "Bonjour, je voudrais modifier l'adresse de livraison de ma commande A-1044 : je déménage la semaine prochaine." }),
        ),
        (
            3,
            json!({ "text": "Hi, I was charged twice for order A-1045. My card is 4111 1111 1111 1111, can you check?" }),
        ),
        (
            4,
            json!({ "text": "URGENT: your parcel is held at customs. Pay 1.99 GBP at http://parcel-fee.example/pay to release it.", "forwarded": true }),
        ),
        (
            4,
            json!({ "text": "I got this message, is it really from you?" }),
        ),
        (
            5,
            json!({ "text": "Ich warte noch auf eine Antwort zu meiner Rückerstattung." }),
        ),
        (
            6,
            json!({ "text": "Hi! I use a WhatsApp username, no number. Has order A-1046 shipped?" }),
        ),
    ];
    for (i, (who, extra)) in opening.into_iter().enumerate() {
        let mut extra = extra;
        if who == 5 {
            // Written almost 24 h ago: the window closes a few minutes into the demo.
            let ts = sb.now() - sb.config.limits.window + timing.closing_window;
            extra["timestamp"] = json!(ts.timestamp());
        }
        say(&sb, &PEOPLE[who], extra);
        if i + 1 < 9 {
            tokio::time::sleep(timing.step).await;
        }
    }
    let mut message_tick = tokio::time::interval(timing.message_every);
    let mut call_tick = tokio::time::interval_at(
        tokio::time::Instant::now() + timing.first_call,
        timing.call_every,
    );
    message_tick.tick().await;
    let mut n: usize = 0;
    loop {
        cast(&sb);
        tokio::select! {
            _ = message_tick.tick() => {
                // Hannah (index 5) stays silent so her window really closes.
                let p = &PEOPLE[n % 5];
                let line = p.follow_ups[(n / 5) % p.follow_ups.len()];
                say(&sb, p, json!({ "text": line }));
                n += 1;
            }
            _ = call_tick.tick() => {
                let p = &PEOPLE[(n + 2) % 5];
                match customers::place_call(&sb, &json!({ "from": p.wa_id, "name": p.name })) {
                    Ok(v) => {
                        if let Some(call_id) = v["call_id"].as_str() {
                            tokio::spawn(hang_up_when_done(sb.clone(), call_id.to_string(), timing.call_length));
                        }
                    }
                    Err(e) => tracing::warn!(error = %e.message, "demo call failed"),
                }
            }
        }
    }
}

/// The caller hangs up `length` after the business accepted.
async fn hang_up_when_done(sb: Arc<Sandbox>, call_id: String, length: Duration) {
    let deadline = tokio::time::Instant::now() + sb.config.ring_timeout + Duration::from_secs(5);
    while tokio::time::Instant::now() < deadline {
        let state = lock(&sb.calls).get(&call_id).map(|c| c.state);
        match state {
            Some(CallState::Connected) => {
                tokio::time::sleep(length).await;
                let _ = customers::customer_call_action(&sb, &call_id, "hangup");
                return;
            }
            Some(CallState::Ended) | None => return,
            _ => tokio::time::sleep(Duration::from_millis(500)).await,
        }
    }
}
