//! The OpenAPI document (`/api/v1/openapi.json`), generated from the same
//! endpoint table the router is built from (`api::endpoints`), with the
//! JSON schemas of the `switchboard-protocol` types (utoipa).

use axum::Json;
use switchboard_protocol::ApiError;
use utoipa::openapi::path::{HttpMethod, OperationBuilder, PathItem};
use utoipa::openapi::request_body::RequestBodyBuilder;
use utoipa::openapi::security::{HttpAuthScheme, HttpBuilder, SecurityRequirement, SecurityScheme};
use utoipa::openapi::{
    ComponentsBuilder, ContentBuilder, InfoBuilder, OpenApi, OpenApiBuilder, PathsBuilder, Ref,
    ResponseBuilder,
};
use utoipa::{PartialSchema, ToSchema};

fn method(m: &str) -> HttpMethod {
    match m {
        "post" => HttpMethod::Post,
        "patch" => HttpMethod::Patch,
        "put" => HttpMethod::Put,
        "delete" => HttpMethod::Delete,
        _ => HttpMethod::Get,
    }
}

fn json_ref(name: &str) -> utoipa::openapi::Content {
    ContentBuilder::new()
        .schema(Some(Ref::from_schema_name(name)))
        .build()
}

pub fn document() -> OpenApi {
    let mut schemas = Vec::new();
    let mut paths = PathsBuilder::new();
    let plain = |summary: &str| {
        OperationBuilder::new()
            .summary(Some(summary))
            .response("200", ResponseBuilder::new().description("OK"))
            .build()
    };
    for (m, path, summary) in [
        ("get", "/healthz", "Liveness"),
        ("get", "/metrics", "Prometheus metrics (text format)"),
        ("get", "/webhooks/whatsapp", "Meta verification handshake"),
        (
            "post",
            "/webhooks/whatsapp",
            "Signed Meta webhooks (X-Hub-Signature-256)",
        ),
    ] {
        paths = paths.path(path, PathItem::new(method(m), plain(summary)));
    }
    let error_name = ApiError::name().into_owned();
    schemas.push((error_name.clone(), ApiError::schema()));
    ApiError::schemas(&mut schemas);
    for e in crate::api::endpoints() {
        let mut op = OperationBuilder::new()
            .summary(Some(e.summary))
            .security(SecurityRequirement::new("bearer", Vec::<String>::new()));
        if let Some((name, register)) = &e.request {
            register(&mut schemas);
            op = op.request_body(Some(
                RequestBodyBuilder::new()
                    .content("application/json", json_ref(name))
                    .required(Some(utoipa::openapi::Required::True))
                    .build(),
            ));
        }
        let ok = match &e.response {
            Some((name, register)) => {
                register(&mut schemas);
                ResponseBuilder::new()
                    .description("OK")
                    .content("application/json", json_ref(name))
            }
            None => ResponseBuilder::new().description("OK"),
        };
        op = op.response("200", ok).response(
            "default",
            ResponseBuilder::new()
                .description("Error: {error: {code, message}}")
                .content("application/json", json_ref(&error_name)),
        );
        paths = paths.path(
            format!("/api/v1{}", e.path),
            PathItem::new(method(e.method), op.build()),
        );
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
                .schemas_from_iter(schemas)
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

#[cfg(test)]
mod tests {
    #[test]
    fn every_schema_referenced_is_defined() {
        let doc = serde_json::to_value(super::document()).unwrap();
        let text = doc.to_string();
        let schemas = doc["components"]["schemas"].as_object().unwrap();
        for part in text.split("\"#/components/schemas/").skip(1) {
            let name = part.split('"').next().unwrap();
            assert!(schemas.contains_key(name), "missing schema {name}");
        }
        assert!(schemas.contains_key("SendRequest"));
        assert!(
            doc["paths"]["/api/v1/conversations/{id}/messages"]["post"]["requestBody"].is_object()
        );
    }
}
