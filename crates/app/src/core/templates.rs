//! A template made ready to send: found in the local store, its values
//! checked by the preview's rules ([`crate::templates`]).

use switchboard_domain::limits::Limits;
use switchboard_protocol::{Template, TemplateSend};

use crate::core::Core;
use crate::error::{CommandError, ErrorCode};
use crate::templates::{TemplateValues, preview, template};

impl Core {
    /// The template as it is sent with these values, and the template,
    /// when its values are complete and valid (the preview's problems say
    /// why not).
    pub(crate) async fn template_to_send(
        &self,
        template_id: &str,
        values: TemplateValues,
    ) -> Result<(TemplateSend, Template), CommandError> {
        let id = template_id.to_owned();
        let template = self.read(move |s| template(s, &id)).await?.ok_or_else(|| {
            CommandError::new(ErrorCode::NotFound, format!("no template {template_id}"))
        })?;
        let preview = preview(&template, &values, &Limits::default().message);
        if let Some(problem) = preview.problems.first() {
            return Err(CommandError::new(
                ErrorCode::InvalidInput,
                format!(
                    "the template's values cannot be sent: {:?}{}{}{}",
                    problem.reason,
                    problem
                        .part
                        .map(|p| format!(" in the {p:?}").to_lowercase())
                        .unwrap_or_default(),
                    problem
                        .button
                        .map(|b| format!(" {}", b + 1))
                        .unwrap_or_default(),
                    problem
                        .position
                        .map(|p| format!(" (parameter {p})"))
                        .unwrap_or_default()
                ),
            ));
        }
        Ok((values.into_send(&template), template))
    }
}
