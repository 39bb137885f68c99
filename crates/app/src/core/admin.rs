//! The admin's commands, run through the hub (online only; the hub
//! refuses an agent who is not an admin). The views and edits they carry,
//! and the icon's check, are in [`crate::admin`].

use reqwest::Method;
use switchboard_protocol::{
    AdminConfig, Agent, Channel, CreatedAgent, NewAgent, NewQueue, NewRoute, Queue, Route,
    WebhookRejectList,
};

use crate::admin::{
    AgentEdit, AgentRef, ChannelEdit, ChannelIcon, QueueEdit, RejectsPage, RouteRef,
    check_channel_icon,
};
use crate::core::Core;
use crate::error::CommandError;

impl Core {
    pub(crate) async fn admin_view(&self) -> Result<AdminConfig, CommandError> {
        self.hub().await?.get(&["admin", "config"]).await
    }

    pub(crate) async fn admin_rejects(
        &self,
        args: RejectsPage,
    ) -> Result<WebhookRejectList, CommandError> {
        let hub = self.hub().await?;
        match args.before {
            None => hub.get(&["admin", "webhook-rejects"]).await,
            Some(before) => {
                hub.get_query(
                    &["admin", "webhook-rejects"],
                    &[("before", &before.to_string())],
                )
                .await
            }
        }
    }

    pub(crate) async fn admin_edit_channel(
        &self,
        args: ChannelEdit,
    ) -> Result<Channel, CommandError> {
        self.hub()
            .await?
            .send(
                Method::PATCH,
                &["admin", "channels", &args.channel_id],
                &args.patch,
            )
            .await
    }

    pub(crate) async fn admin_channel_icon(
        &self,
        args: ChannelIcon,
    ) -> Result<Channel, CommandError> {
        let (mime, bytes) = check_channel_icon(&args)?;
        self.hub()
            .await?
            .upload(
                Method::PUT,
                &["admin", "channels", &args.channel_id, "icon"],
                &[("filename", &args.filename)],
                mime,
                bytes,
            )
            .await
    }

    pub(crate) async fn admin_add_queue(&self, args: NewQueue) -> Result<Queue, CommandError> {
        self.hub()
            .await?
            .send(Method::POST, &["admin", "queues"], &args)
            .await
    }

    pub(crate) async fn admin_edit_queue(&self, args: QueueEdit) -> Result<Queue, CommandError> {
        let patch = serde_json::json!({ "wait_strategy": args.wait_strategy });
        self.hub()
            .await?
            .send(Method::PATCH, &["admin", "queues", &args.queue_id], &patch)
            .await
    }

    pub(crate) async fn admin_add_route(&self, args: NewRoute) -> Result<Route, CommandError> {
        self.hub()
            .await?
            .send(Method::POST, &["admin", "routes"], &args)
            .await
    }

    pub(crate) async fn admin_remove_route(&self, args: RouteRef) -> Result<(), CommandError> {
        self.hub()
            .await?
            .call(Method::DELETE, &["admin", "routes", &args.route_id])
            .await
    }

    pub(crate) async fn admin_add_agent(
        &self,
        args: NewAgent,
    ) -> Result<CreatedAgent, CommandError> {
        self.hub()
            .await?
            .send(Method::POST, &["admin", "agents"], &args)
            .await
    }

    pub(crate) async fn admin_edit_agent(&self, args: AgentEdit) -> Result<Agent, CommandError> {
        self.hub()
            .await?
            .send(
                Method::PATCH,
                &["admin", "agents", &args.agent_id],
                &args.patch,
            )
            .await
    }

    pub(crate) async fn admin_rotate_token(
        &self,
        args: AgentRef,
    ) -> Result<CreatedAgent, CommandError> {
        self.hub()
            .await?
            .post(&["admin", "agents", &args.agent_id, "token"])
            .await
    }

    pub(crate) async fn admin_revoke_token(&self, args: AgentRef) -> Result<(), CommandError> {
        self.hub()
            .await?
            .call(
                Method::DELETE,
                &["admin", "agents", &args.agent_id, "token"],
            )
            .await
    }
}
