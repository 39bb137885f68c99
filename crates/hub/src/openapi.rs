//! The OpenAPI document (`/api/v1/openapi.json`), generated from the same
//! endpoint table the router is built from (`api::endpoints`).

use axum::Json;
use utoipa::openapi::path::{HttpMethod, OperationBuilder, PathItem};
use utoipa::openapi::security::{HttpAuthScheme, HttpBuilder, SecurityScheme};
use utoipa::openapi::{
    ComponentsBuilder, InfoBuilder, OpenApi, OpenApiBuilder, PathsBuilder, ResponseBuilder,
};

fn method(m: &str) -> HttpMethod {
    match m {
        "post" => HttpMethod::Post,
        "patch" => HttpMethod::Patch,
        "put" => HttpMethod::Put,
        "delete" => HttpMethod::Delete,
        _ => HttpMethod::Get,
    }
}

pub fn document() -> OpenApi {
    let mut paths = PathsBuilder::new();
    let mut add = |m: &str, path: String, summary: &str| {
        let op = OperationBuilder::new()
            .summary(Some(summary))
            .response("200", ResponseBuilder::new().description("OK"))
            .build();
        paths = std::mem::take(&mut paths).path(path, PathItem::new(method(m), op));
    };
    add("get", "/healthz".into(), "Liveness");
    add("get", "/metrics".into(), "Prometheus metrics");
    add(
        "get",
        "/webhooks/whatsapp".into(),
        "Meta verification handshake",
    );
    add("post", "/webhooks/whatsapp".into(), "Signed Meta webhooks");
    for e in crate::api::endpoints() {
        add(e.method, format!("/api/v1{}", e.path), e.summary);
    }
    OpenApiBuilder::new()
        .info(
            InfoBuilder::new()
                .title("Switchboard hub agent API")
                .version(env!("CARGO_PKG_VERSION"))
                .build(),
        )
        .paths(paths.build())
        .components(Some(
            ComponentsBuilder::new()
                .security_scheme(
                    "bearer",
                    SecurityScheme::Http(HttpBuilder::new().scheme(HttpAuthScheme::Bearer).build()),
                )
                .build(),
        ))
        .build()
}

pub async fn handler() -> Json<OpenApi> {
    Json(document())
}
