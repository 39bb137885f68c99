//! Templates: search and on-demand sync (`usecase::templates` decides).

use axum::Json;
use axum::extract::State;
use serde::Deserialize;
use switchboard_protocol::TemplateList;

use crate::access::Caller;
use crate::error::{ApiQuery, ApiResult};
use crate::state::AppState;
use crate::usecase::templates as uc;

#[derive(Debug, Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct TemplateQuery {
    /// Words of the name, content or a tag.
    #[serde(default)]
    q: Option<String>,
    /// A language code (`en_US`, `de`, `ja`…): that language's templates.
    #[serde(default)]
    language: Option<String>,
    /// `marketing`, `utility` or `authentication`.
    #[serde(default)]
    category: Option<String>,
}

pub async fn list(
    State(hub): State<AppState>,
    _caller: Caller,
    ApiQuery(q): ApiQuery<TemplateQuery>,
) -> ApiResult<Json<TemplateList>> {
    let search = uc::Search {
        q: q.q,
        language: q.language,
        category: q.category,
    };
    Ok(Json(uc::search(&hub, search).await?))
}

pub async fn sync(State(hub): State<AppState>, caller: Caller) -> ApiResult<Json<TemplateList>> {
    caller.require_admin()?;
    Ok(Json(uc::sync_now(&hub).await?))
}
