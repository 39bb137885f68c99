//! Message templates, synced by the hub, listed by language and category.

use rusqlite::types::Value;
use rusqlite::{Connection, params, params_from_iter};
use switchboard_protocol::{Template, TemplateCategory};

use crate::codecs::{enum_str, from_json, to_json};
use crate::{Store, StoreResult};

/// Writes the template as the hub describes it.
pub(crate) fn put(conn: &Connection, t: &Template) -> StoreResult<()> {
    conn.execute(
        "INSERT INTO templates (id, name, language, category, status, json)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)
         ON CONFLICT (id) DO UPDATE SET name = excluded.name, language = excluded.language,
             category = excluded.category, status = excluded.status, json = excluded.json",
        params![
            t.id,
            t.name,
            t.language,
            enum_str(&t.category)?,
            enum_str(&t.status)?,
            to_json(t)?
        ],
    )?;
    Ok(())
}

/// The filters of [`Store::templates`].
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TemplateFilter {
    /// A language (`de`) matches its regional variants too (`de_DE`,
    /// `de_AT`); a variant (`en_US`) only itself.
    pub language: Option<String>,
    pub category: Option<TemplateCategory>,
    /// Only templates that may be sent (approved).
    pub approved_only: bool,
}

impl Store {
    /// The templates that pass `filter`, by name, then language.
    pub fn templates(&self, filter: &TemplateFilter) -> StoreResult<Vec<Template>> {
        let mut sql = String::from("SELECT json FROM templates WHERE 1");
        let mut args: Vec<Value> = Vec::new();
        if let Some(language) = &filter.language {
            args.push(Value::Text(language.clone()));
            let n = args.len();
            // `_` is LIKE's wildcard: compare the prefix instead.
            sql.push_str(&format!(
                " AND (language = ?{n} OR substr(language, 1, length(?{n}) + 1) = ?{n} || '_')"
            ));
        }
        if let Some(category) = &filter.category {
            args.push(Value::Text(enum_str(category)?));
            sql.push_str(&format!(" AND category = ?{}", args.len()));
        }
        if filter.approved_only {
            sql.push_str(" AND status = 'approved'");
        }
        sql.push_str(" ORDER BY name, language, id");
        let mut stmt = self.conn.prepare_cached(&sql)?;
        let rows: Vec<String> = stmt
            .query_map(params_from_iter(args), |r| r.get(0))?
            .collect::<Result<_, _>>()?;
        rows.iter().map(|json| from_json(json)).collect()
    }
}

#[cfg(test)]
mod tests {
    use switchboard_protocol::{ChangeData, TemplateCategory, TemplateStatus};

    use super::*;
    use crate::fixtures::*;

    fn names(store: &Store, filter: TemplateFilter) -> Vec<String> {
        store
            .templates(&filter)
            .unwrap()
            .into_iter()
            .map(|t| format!("{}/{}", t.name, t.language))
            .collect()
    }

    #[test]
    fn templates_by_language_and_category() {
        let mut store = Store::in_memory().unwrap();
        let mut paused = template("t5", "promo", "de", "marketing");
        paused.status = TemplateStatus::Paused;
        let all = [
            template("t1", "order_shipped", "de", "utility"),
            template("t2", "order_shipped", "en_US", "utility"),
            template("t3", "order_shipped", "de_AT", "utility"),
            template("t4", "login_code", "en", "authentication"),
            paused,
        ];
        let changes: Vec<_> = all
            .into_iter()
            .enumerate()
            .map(|(i, t)| change(i as i64 + 1, ChangeData::Template(t)))
            .collect();
        store.apply_batch(&changes, 0).unwrap();
        assert_eq!(
            names(&store, TemplateFilter::default()),
            [
                "login_code/en",
                "order_shipped/de",
                "order_shipped/de_AT",
                "order_shipped/en_US",
                "promo/de"
            ]
        );
        let de = TemplateFilter {
            language: Some("de".into()),
            ..TemplateFilter::default()
        };
        assert_eq!(
            names(&store, de.clone()),
            ["order_shipped/de", "order_shipped/de_AT", "promo/de"]
        );
        let approved_de = TemplateFilter {
            approved_only: true,
            ..de
        };
        assert_eq!(
            names(&store, approved_de),
            ["order_shipped/de", "order_shipped/de_AT"]
        );
        let en = TemplateFilter {
            language: Some("en".into()),
            category: Some(TemplateCategory::Utility),
            ..TemplateFilter::default()
        };
        assert_eq!(names(&store, en), ["order_shipped/en_US"]);
        let en_us = TemplateFilter {
            language: Some("en_US".into()),
            ..TemplateFilter::default()
        };
        assert_eq!(names(&store, en_us), ["order_shipped/en_US"]);
        let auth = TemplateFilter {
            category: Some(TemplateCategory::Authentication),
            ..TemplateFilter::default()
        };
        assert_eq!(names(&store, auth), ["login_code/en"]);
        // a re-synced template replaces the stored one
        let mut renamed = template("t4", "login_code_v2", "en", "authentication");
        renamed.tags = vec!["otp".into()];
        store
            .apply(&change(9, ChangeData::Template(renamed)))
            .unwrap();
        let auth = TemplateFilter {
            category: Some(TemplateCategory::Authentication),
            ..TemplateFilter::default()
        };
        assert_eq!(store.templates(&auth).unwrap()[0].tags, ["otp"]);
    }
}
