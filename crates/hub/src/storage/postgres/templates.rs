//! Templates: the wire view in columns (for filtering), the domain's
//! template as JSON in `raw`.

use super::PgTx;
use crate::storage::rows::{TEMPLATE_COLS, enum_str, flag, json, template_row};
use crate::storage::{StoreResult, StoredTemplate, TemplateFilter, TemplateTx};

impl TemplateTx for PgTx<'_> {
    fn upsert_template(&mut self, t: &StoredTemplate) -> StoreResult<bool> {
        let w = &t.wire;
        if let Some(existing) = self.template(&w.waba_id, &w.name, &w.language)? {
            if existing == *t {
                return Ok(false);
            }
            self.conn.execute(
                "DELETE FROM templates WHERE waba_id = $1 AND name = $2 AND language = $3",
                &[&w.waba_id, &w.name, &w.language],
            )?;
        }
        self.conn.execute(
            &format!(
                "INSERT INTO templates ({TEMPLATE_COLS}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)"
            ),
            &[
                &w.id,
                &w.waba_id,
                &w.name,
                &w.language,
                &enum_str(&w.category),
                &enum_str(&w.status),
                &w.header,
                &w.body,
                &w.footer,
                &i64::from(w.param_count),
                &json(&w.tags),
                &flag(w.call_permission_request),
                &json(&t.rule),
            ],
        )?;
        Ok(true)
    }

    fn templates(&mut self, f: &TemplateFilter) -> StoreResult<Vec<StoredTemplate>> {
        let mut sql = format!("SELECT {TEMPLATE_COLS} FROM templates WHERE 1 = 1");
        let mut args: Vec<String> = Vec::new();
        if f.approved_only {
            sql.push_str(" AND status = 'approved'");
        }
        if let Some(l) = &f.language {
            args.push(l.clone());
            sql.push_str(&format!(" AND language = ${}", args.len()));
        }
        if let Some(c) = &f.category {
            args.push(c.to_lowercase());
            sql.push_str(&format!(" AND category = ${}", args.len()));
        }
        sql.push_str(" ORDER BY name, language");
        let params: Vec<&(dyn postgres::types::ToSql + Sync)> = args
            .iter()
            .map(|a| a as &(dyn postgres::types::ToSql + Sync))
            .collect();
        self.all(&sql, &params, template_row)
    }

    fn template(
        &mut self,
        waba_id: &str,
        name: &str,
        language: &str,
    ) -> StoreResult<Option<StoredTemplate>> {
        let sql = format!(
            "SELECT {TEMPLATE_COLS} FROM templates WHERE waba_id = $1 AND name = $2 AND language = $3"
        );
        self.one(&sql, &[&waba_id, &name, &language], template_row)
    }
}
