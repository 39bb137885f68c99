//! The OpenAPI document (`/api/v1/openapi.json`, `switchboard-hub openapi`),
//! generated from the same endpoint table the router is built from
//! (`api::endpoints`), with the JSON schemas of the `switchboard-protocol`
//! types (utoipa). Every path parameter (`{id}`) is declared from the path,
//! query parameters from the handlers' query structs, and every operation
//! documents the `{error:{code,message}}` answers it can give.
//! `scripts/check-openapi.sh` validates it and generates a client from it.

use std::collections::BTreeMap;

use axum::Json;
use axum::http::StatusCode;
use switchboard_protocol::{ApiError, ErrorCode};
use utoipa::openapi::path::{
    HttpMethod, OperationBuilder, Parameter, ParameterBuilder, ParameterIn, PathItem,
};
use utoipa::openapi::request_body::RequestBodyBuilder;
use utoipa::openapi::schema::{KnownFormat, ObjectBuilder, OneOf, SchemaFormat, Type};
use utoipa::openapi::security::{HttpAuthScheme, HttpBuilder, SecurityRequirement, SecurityScheme};
use utoipa::openapi::{
    ComponentsBuilder, ContentBuilder, InfoBuilder, OpenApi, OpenApiBuilder, PathsBuilder, Ref,
    RefOr, Required, ResponseBuilder, Schema,
};
use utoipa::{PartialSchema, ToSchema};

use crate::api::{Body, Endpoint};

type Schemas = Vec<(String, RefOr<Schema>)>;

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

fn string() -> Schema {
    ObjectBuilder::new().schema_type(Type::String).into()
}

fn binary() -> Schema {
    ObjectBuilder::new()
        .schema_type(Type::String)
        .format(Some(SchemaFormat::KnownFormat(KnownFormat::Binary)))
        .into()
}

fn content(schema: Schema) -> utoipa::openapi::Content {
    ContentBuilder::new().schema(Some(schema)).build()
}

fn param(name: &str, at: ParameterIn, required: bool, description: &str) -> Parameter {
    ParameterBuilder::new()
        .name(name)
        .parameter_in(at)
        .required(if required {
            Required::True
        } else {
            Required::False
        })
        .description((!description.is_empty()).then_some(description))
        .schema(Some(string()))
        .build()
}

/// The `{name}` segments of a path.
pub fn path_params(path: &str) -> Vec<&str> {
    path.split('{')
        .skip(1)
        .filter_map(|s| s.split_once('}').map(|(name, _)| name))
        .collect()
}

fn reason(status: StatusCode) -> &'static str {
    status.canonical_reason().unwrap_or("")
}

/// The code's wire name, e.g. `not_found`.
fn code_name(code: ErrorCode) -> String {
    serde_json::to_value(code)
        .ok()
        .and_then(|v| v.as_str().map(str::to_owned))
        .unwrap_or_default()
}

fn status_of(code: ErrorCode) -> StatusCode {
    crate::error::ApiErr::new(code, "").status()
}

/// One `/api/v1` operation.
fn operation(e: &Endpoint, schemas: &mut Schemas) -> utoipa::openapi::path::Operation {
    let mut op = OperationBuilder::new()
        .summary(Some(e.summary))
        .security(SecurityRequirement::new("bearer", Vec::<String>::new()));
    for name in path_params(e.path) {
        op = op.parameter(param(name, ParameterIn::Path, true, ""));
    }
    if let Some(query) = e.query {
        op = op.parameters(Some(query()));
    }
    for (name, description) in e.headers {
        op = op.parameter(param(name, ParameterIn::Header, false, description));
    }
    match &e.request {
        Some(Body::Json {
            name,
            register,
            required,
        }) => {
            register(schemas);
            op = op.request_body(Some(
                RequestBodyBuilder::new()
                    .content("application/json", json_ref(name))
                    .required(Some(if *required {
                        Required::True
                    } else {
                        Required::False
                    }))
                    .build(),
            ));
        }
        Some(Body::Raw(media_types)) => {
            let mut body = RequestBodyBuilder::new()
                .description(Some("The file, with its own Content-Type"))
                .required(Some(Required::True));
            for m in *media_types {
                body = body.content(*m, content(binary()));
            }
            op = op.request_body(Some(body.build()));
        }
        None => {}
    }
    for status in e.statuses {
        let mut ok = ResponseBuilder::new().description(reason(*status));
        match &e.response {
            Some(Body::Json { name, register, .. }) => {
                register(schemas);
                ok = ok.content("application/json", json_ref(name));
            }
            Some(Body::Raw(media_types)) => {
                for m in *media_types {
                    let schema = if m.starts_with("text/") {
                        string()
                    } else {
                        binary()
                    };
                    ok = ok.content(*m, content(schema));
                }
            }
            None => {}
        }
        op = op.response(status.as_u16().to_string(), ok);
    }
    // One response per status, naming the codes answered with it.
    let mut by_status: BTreeMap<u16, Vec<String>> = BTreeMap::new();
    for code in e.error_codes() {
        by_status
            .entry(status_of(code).as_u16())
            .or_default()
            .push(format!("`{}`", code_name(code)));
    }
    let error_name = ApiError::name();
    for (status, codes) in by_status {
        op = op.response(
            status.to_string(),
            ResponseBuilder::new()
                .description(format!(
                    "{{error: {{code, message}}}} with code {}",
                    codes.join(" or ")
                ))
                .content("application/json", json_ref(&error_name)),
        );
    }
    op.build()
}

/// The routes outside `/api/v1`'s table: health, metrics, this document,
/// and Meta's webhooks (plain-text answers, no bearer token).
fn plain_paths() -> Vec<(&'static str, PathItem)> {
    let text = |description: &str| {
        ResponseBuilder::new()
            .description(description)
            .content("text/plain", content(string()))
    };
    let object = || content(ObjectBuilder::new().schema_type(Type::Object).into());
    let healthz = OperationBuilder::new()
        .summary(Some("Liveness"))
        .response("200", text("`ok`"));
    let metrics = OperationBuilder::new()
        .summary(Some("Prometheus metrics (text format)"))
        .response("200", text("The metrics"));
    let openapi = OperationBuilder::new()
        .summary(Some("This document"))
        .response(
            "200",
            ResponseBuilder::new()
                .description("The OpenAPI document")
                .content("application/json", object()),
        );
    let verify = OperationBuilder::new()
        .summary(Some("Meta verification handshake"))
        .parameters(Some([
            param("hub.mode", ParameterIn::Query, false, "`subscribe`"),
            param(
                "hub.verify_token",
                ParameterIn::Query,
                false,
                "The configured verify token",
            ),
            param(
                "hub.challenge",
                ParameterIn::Query,
                false,
                "Echoed back on success",
            ),
        ]))
        .response("200", text("The challenge"))
        .response("403", text("Verification failed"));
    let receive = OperationBuilder::new()
        .summary(Some("Signed Meta webhooks (X-Hub-Signature-256)"))
        .parameter(param(
            switchboard_cloudapi::SIGNATURE_HEADER,
            ParameterIn::Header,
            false,
            "`sha256=<hex>`: HMAC-SHA256 of the raw body with the app secret (401 without it)",
        ))
        .request_body(Some(
            RequestBodyBuilder::new()
                .description(Some("Meta's webhook payload (`object`, `entry`)"))
                .content("application/json", object())
                .required(Some(Required::True))
                .build(),
        ))
        .response("200", text("Stored"))
        .response("400", text("Malformed JSON"))
        .response(
            "401",
            text("No app secret configured, or a missing or bad signature"),
        )
        .response("413", text("Above 3 MB"))
        .response("503", text("Not stored (storage trouble): Meta retries"));
    vec![
        ("/healthz", PathItem::new(HttpMethod::Get, healthz)),
        ("/metrics", PathItem::new(HttpMethod::Get, metrics)),
        (
            "/api/v1/openapi.json",
            PathItem::new(HttpMethod::Get, openapi),
        ),
        ("/webhooks/whatsapp", PathItem::new(HttpMethod::Get, verify)),
        (
            "/webhooks/whatsapp",
            PathItem::new(HttpMethod::Post, receive),
        ),
    ]
}

/// `allOf: [$ref to a oneOf of objects, object…]` (a struct with a
/// `#[serde(flatten)]` tagged enum, e.g. `SendRequest`) as the equivalent
/// `oneOf` of each variant with the other members' properties merged in:
/// the same JSON, in a shape client generators take.
fn distribute_flattened_unions(schemas: &mut Schemas) {
    let by_name: BTreeMap<String, RefOr<Schema>> = schemas.iter().cloned().collect();
    for (_, schema) in schemas.iter_mut() {
        let RefOr::T(Schema::AllOf(all)) = &*schema else {
            continue;
        };
        let mut variants = None;
        let mut extra = Vec::new();
        for item in &all.items {
            match item {
                RefOr::Ref(r) if variants.is_none() => {
                    let name = r.ref_location.rsplit('/').next().unwrap_or_default();
                    match by_name.get(name) {
                        Some(RefOr::T(Schema::OneOf(one))) => variants = Some(one),
                        _ => break,
                    }
                }
                RefOr::T(Schema::Object(o)) => extra.push(o),
                _ => {
                    variants = None;
                    break;
                }
            }
        }
        let Some(one) = variants else { continue };
        let objects: Option<Vec<_>> = one
            .items
            .iter()
            .map(|v| match v {
                RefOr::T(Schema::Object(o)) => Some(o),
                _ => None,
            })
            .collect();
        let Some(objects) = objects else { continue };
        let mut merged = OneOf::new();
        merged.description = all.description.clone();
        for v in objects {
            let mut v = v.clone();
            for o in &extra {
                v.properties
                    .extend(o.properties.iter().map(|(k, s)| (k.clone(), s.clone())));
                v.required.extend(o.required.iter().cloned());
            }
            merged.items.push(RefOr::T(Schema::Object(v)));
        }
        *schema = RefOr::T(Schema::OneOf(merged));
    }
}

pub fn document() -> OpenApi {
    let mut schemas: Schemas = Vec::new();
    let mut paths = PathsBuilder::new();
    for (path, item) in plain_paths() {
        paths = paths.path(path, item);
    }
    schemas.push((ApiError::name().into_owned(), ApiError::schema()));
    ApiError::schemas(&mut schemas);
    for e in crate::api::endpoints() {
        let op = operation(&e, &mut schemas);
        paths = paths.path(
            format!("/api/v1{}", e.path),
            PathItem::new(method(e.method), op),
        );
    }
    distribute_flattened_unions(&mut schemas);
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
    use serde_json::Value;

    fn operations(doc: &Value) -> Vec<(String, String, &Value)> {
        let mut out = Vec::new();
        for (path, item) in doc["paths"].as_object().unwrap() {
            for (method, op) in item.as_object().unwrap() {
                out.push((path.clone(), method.clone(), op));
            }
        }
        out
    }

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

    #[test]
    fn every_path_parameter_is_declared_and_every_operation_documents_its_errors() {
        let doc = serde_json::to_value(super::document()).unwrap();
        let ops = operations(&doc);
        assert!(ops.len() > 30, "{} operations", ops.len());
        for (path, method, op) in ops {
            let declared: Vec<&str> = op["parameters"]
                .as_array()
                .map(|ps| {
                    ps.iter()
                        .filter(|p| p["in"] == "path")
                        .map(|p| p["name"].as_str().unwrap())
                        .collect()
                })
                .unwrap_or_default();
            let wanted = super::path_params(&path);
            assert_eq!(declared, wanted, "{method} {path}: path parameters");
            for p in op["parameters"].as_array().into_iter().flatten() {
                if p["in"] == "path" {
                    assert_eq!(p["required"], true, "{method} {path}: {p}");
                }
            }
            let responses = op["responses"].as_object().unwrap();
            // Only these take nothing and check nothing: they cannot fail.
            let infallible = ["/healthz", "/metrics", "/api/v1/openapi.json"];
            assert!(
                responses.keys().any(|s| s.starts_with('4')) || infallible.contains(&&*path),
                "{method} {path}: no 4xx response"
            );
            assert!(
                responses.keys().any(|s| s.starts_with('2')),
                "{method} {path}: no 2xx response"
            );
            if path.starts_with("/api/v1/") && path != "/api/v1/openapi.json" {
                assert!(responses.contains_key("401"), "{method} {path}: no 401");
                if !wanted.is_empty() {
                    assert!(responses.contains_key("404"), "{method} {path}: no 404");
                }
                if path.starts_with("/api/v1/admin/") {
                    assert!(responses.contains_key("403"), "{method} {path}: no 403");
                }
                if op["requestBody"].is_object() {
                    assert!(responses.contains_key("400"), "{method} {path}: no 400");
                }
                for (status, r) in responses {
                    if status.starts_with('4') || status.starts_with('5') {
                        assert_eq!(
                            r["content"]["application/json"]["schema"]["$ref"],
                            "#/components/schemas/ApiError",
                            "{method} {path}: {status}"
                        );
                    }
                }
            }
        }
    }

    #[test]
    fn query_parameters_and_the_stream_resume_header_are_declared() {
        let doc = serde_json::to_value(super::document()).unwrap();
        let names = |path: &str, method: &str, at: &str| -> Vec<String> {
            doc["paths"][path][method]["parameters"]
                .as_array()
                .into_iter()
                .flatten()
                .filter(|p| p["in"] == at)
                .map(|p| p["name"].as_str().unwrap().to_owned())
                .collect()
        };
        assert_eq!(
            names("/api/v1/changes", "get", "query"),
            ["after", "limit", "compact"]
        );
        assert_eq!(names("/api/v1/stream", "get", "header"), ["Last-Event-ID"]);
        assert!(names("/api/v1/conversations", "get", "query").contains(&"cursor".to_owned()));
        let created = &doc["paths"]["/api/v1/admin/channels"]["post"]["responses"];
        assert!(created["201"].is_object() && created["200"].is_null());
    }

    /// `SendRequest` (a flattened tagged enum) is a `oneOf`, not an `allOf`
    /// over one: generators refuse the latter.
    #[test]
    fn a_flattened_union_becomes_a_one_of_with_the_shared_fields() {
        let doc = serde_json::to_value(super::document()).unwrap();
        let send = &doc["components"]["schemas"]["SendRequest"];
        let variants = send["oneOf"].as_array().expect("oneOf");
        assert!(variants.len() >= 3);
        for v in variants {
            assert!(v["properties"]["client_id"].is_object(), "{v}");
            assert!(v["properties"]["kind"].is_object(), "{v}");
            let required: Vec<&str> = v["required"]
                .as_array()
                .unwrap()
                .iter()
                .map(|r| r.as_str().unwrap())
                .collect();
            assert!(required.contains(&"client_id") && required.contains(&"kind"));
        }
    }
}
