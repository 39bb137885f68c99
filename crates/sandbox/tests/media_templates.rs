//! Media upload / metadata / download / delete and the template list, over real
//! HTTP and through switchboard-cloudapi's `GraphClient` (the hub's client).

mod common;

use common::{TOKEN, code, start};
use reqwest::Method;
use serde_json::json;
use switchboard_cloudapi::client::TemplateQuery;

const CUSTOMER: &str = "4915112345678";

#[tokio::test]
async fn upload_info_download_send_and_delete() {
    let env = start().await;
    let graph = env.graph_client();
    let pnid = env.pnid();
    let png = vec![0x89, b'P', b'N', b'G', 1, 2, 3, 4];
    let up = graph
        .upload_media(TOKEN, &pnid, png.clone().into(), "image/png", "a.png")
        .await
        .unwrap();
    let (info, bytes) = graph.fetch_media(TOKEN, &up.id).await.unwrap();
    assert_eq!(info.id, up.id);
    assert_eq!(info.mime_type, "image/png");
    assert_eq!(info.file_size, 8);
    assert_eq!(bytes.to_vec(), png);
    use sha2::Digest as _;
    assert_eq!(info.sha256, hex::encode(sha2::Sha256::digest(&png)));

    // The download URL needs the token, and expires after five minutes (of the
    // frozen clock: still valid after four, expired after six).
    let resp = env.http.get(&info.url).send().await.unwrap();
    assert_eq!(resp.status().as_u16(), 401);
    let download = || env.http.get(&info.url).bearer_auth(TOKEN).send();
    env.post("/clock/advance", json!({ "minutes": 4 })).await;
    let resp = download().await.unwrap();
    assert_eq!(resp.status().as_u16(), 200, "valid for five minutes");
    assert_eq!(resp.bytes().await.unwrap().to_vec(), png);
    env.post("/clock/advance", json!({ "minutes": 2 })).await;
    let resp = download().await.unwrap();
    assert_eq!(resp.status().as_u16(), 404, "expired URL: fetch a new one");

    // Sending the uploaded image inside the window.
    env.customer_says(CUSTOMER, "send me the photo").await;
    let (status, json) = env
        .send(json!({"messaging_product":"whatsapp","to":CUSTOMER,"type":"image","image":{"id":up.id,"caption":"here"}}))
        .await;
    assert_eq!(status, 200, "{json}");

    let (status, json) = env
        .graph(Method::DELETE, &format!("/{}", up.id), None)
        .await;
    assert_eq!((status, json), (200, json!({ "success": true })));
    let (status, json) = env.graph(Method::GET, &format!("/{}", up.id), None).await;
    assert_eq!(code(status, &json), 100);
    let (status, json) = env
        .send(json!({"messaging_product":"whatsapp","to":CUSTOMER,"type":"image","image":{"id":up.id}}))
        .await;
    assert_eq!(code(status, &json), 131009);
}

#[tokio::test]
async fn upload_errors() {
    let env = start().await;
    let graph = env.graph_client();
    let pnid = env.pnid();
    let err = graph
        .upload_media(
            TOKEN,
            &pnid,
            vec![1u8; 10].into(),
            "application/x-msdownload",
            "a.exe",
        )
        .await
        .unwrap_err();
    assert_eq!(err.graph_code().map(|c| c.code()), Some(131053));
    let err = graph
        .upload_media(
            TOKEN,
            &pnid,
            vec![1u8; 600 * 1024].into(),
            "image/webp",
            "s.webp",
        )
        .await
        .unwrap_err();
    assert_eq!(
        err.graph_code().map(|c| c.code()),
        Some(131053),
        "stickers are at most 500 KB"
    );
    let err = graph
        .upload_media("wrong", &pnid, vec![1u8; 10].into(), "image/png", "a.png")
        .await
        .unwrap_err();
    assert_eq!(err.graph_code().map(|c| c.code()), Some(190));
    // No file part.
    let form = reqwest::multipart::Form::new().text("messaging_product", "whatsapp");
    let resp = env
        .http
        .post(format!("{}/{pnid}/media", env.sandbox.graph_url()))
        .bearer_auth(TOKEN)
        .multipart(form)
        .send()
        .await
        .unwrap();
    let status = resp.status().as_u16();
    let json: serde_json::Value = resp.json().await.unwrap();
    assert_eq!(code(status, &json), 131008);
}

#[tokio::test]
async fn template_list_pages_filters_and_parses_with_cloudapi() {
    let env = start().await;
    let graph = env.graph_client();
    let waba = env.sandbox.state.config.waba_id.clone();
    let all = graph
        .list_templates(
            TOKEN,
            &waba,
            &TemplateQuery {
                limit: Some(3),
                ..TemplateQuery::default()
            },
        )
        .await
        .unwrap();
    assert_eq!(all.len(), 14, "every seeded template, over several pages");
    let approved = graph
        .list_templates(
            TOKEN,
            &waba,
            &TemplateQuery {
                status: Some("APPROVED".into()),
                ..TemplateQuery::default()
            },
        )
        .await
        .unwrap();
    assert_eq!(approved.len(), 12);
    let languages: std::collections::BTreeSet<_> =
        approved.iter().map(|t| t.language.as_str()).collect();
    for l in ["en_US", "ja", "de", "fr"] {
        assert!(languages.contains(l), "approved templates in {l}");
    }
    let named = approved
        .iter()
        .find(|t| t.name == "ticket_followup")
        .unwrap();
    assert_eq!(named.parameter_format.as_deref(), Some("NAMED"));
    assert!(named.body_text().unwrap().contains("{{first_name}}"));
    assert!(approved.iter().any(|t| {
        t.components
            .iter()
            .any(|c| c.kind == "CALL_PERMISSION_REQUEST")
    }));
    assert!(
        named.extra.get("sandbox_tags").is_none() && named.extra.get("tags").is_none(),
        "Meta's templates have no tags"
    );

    let (status, page) = env
        .graph(
            Method::GET,
            &format!("/{waba}/message_templates?limit=2"),
            None,
        )
        .await;
    assert_eq!(status, 200);
    assert_eq!(page["data"].as_array().unwrap().len(), 2);
    assert!(page["paging"]["next"].as_str().unwrap().contains("after="));
    let (status, page) = env
        .graph(
            Method::GET,
            &format!("/{waba}/message_templates?status=REJECTED"),
            None,
        )
        .await;
    assert_eq!(status, 200);
    assert_eq!(page["data"][0]["name"], "crypto_giveaway");
    assert_eq!(page["data"][0]["rejected_reason"], "PROMOTIONAL");
    assert!(page["paging"].get("next").is_none());
    let (status, json) = env.graph(Method::GET, "/123/message_templates", None).await;
    assert_eq!(code(status, &json), 100);
    let (status, json) = env
        .graph(
            Method::GET,
            &format!("/{waba}/message_templates?limit=abc"),
            None,
        )
        .await;
    assert_eq!(code(status, &json), 100);
}
