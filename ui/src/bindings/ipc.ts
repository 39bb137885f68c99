// Generated from crates/app/src/contract.rs by `cargo test -p switchboard-app`; do not edit.
import type { AdminConfig } from "./AdminConfig";
import type { Agent } from "./Agent";
import type { AgentEdit } from "./AgentEdit";
import type { AgentRef } from "./AgentRef";
import type { AppEvent } from "./AppEvent";
import type { AppSettings } from "./AppSettings";
import type { Attachment } from "./Attachment";
import type { AudioDeviceList } from "./AudioDeviceList";
import type { CallButtonReply } from "./CallButtonReply";
import type { CallMute } from "./CallMute";
import type { CallPermissionRequestResult } from "./CallPermissionRequestResult";
import type { CallRef } from "./CallRef";
import type { CallView } from "./CallView";
import type { Channel } from "./Channel";
import type { ChannelEdit } from "./ChannelEdit";
import type { ChannelIcon } from "./ChannelIcon";
import type { CommandError } from "./CommandError";
import type { ComposerView } from "./ComposerView";
import type { Conversation } from "./Conversation";
import type { ConversationEdit } from "./ConversationEdit";
import type { ConversationItem } from "./ConversationItem";
import type { ConversationRef } from "./ConversationRef";
import type { CopyText } from "./CopyText";
import type { CreatedAgent } from "./CreatedAgent";
import type { CustomerCheck } from "./CustomerCheck";
import type { CustomerCheckView } from "./CustomerCheckView";
import type { EventLogEntry } from "./EventLogEntry";
import type { ListConversations } from "./ListConversations";
import type { MediaFile } from "./MediaFile";
import type { Message } from "./Message";
import type { MessagePage } from "./MessagePage";
import type { MessageRef } from "./MessageRef";
import type { MicrophoneCheck } from "./MicrophoneCheck";
import type { MicrophoneTestAsk } from "./MicrophoneTestAsk";
import type { NewAgent } from "./NewAgent";
import type { NewConversation } from "./NewConversation";
import type { NewQueue } from "./NewQueue";
import type { NewRoute } from "./NewRoute";
import type { PermissionAsk } from "./PermissionAsk";
import type { Queue } from "./Queue";
import type { QueueEdit } from "./QueueEdit";
import type { RejectsPage } from "./RejectsPage";
import type { Reply } from "./Reply";
import type { Route } from "./Route";
import type { RouteRef } from "./RouteRef";
import type { SampleNotification } from "./SampleNotification";
import type { SearchQuery } from "./SearchQuery";
import type { SearchResults } from "./SearchResults";
import type { SessionView } from "./SessionView";
import type { SignIn } from "./SignIn";
import type { StartOutcome } from "./StartOutcome";
import type { SyncState } from "./SyncState";
import type { TeamView } from "./TeamView";
import type { Template } from "./Template";
import type { TemplateFill } from "./TemplateFill";
import type { TemplatePreview } from "./TemplatePreview";
import type { TemplateQuery } from "./TemplateQuery";
import type { TemplateReply } from "./TemplateReply";
import type { ThreadPage } from "./ThreadPage";
import type { UnreadCounts } from "./UnreadCounts";
import type { WebhookRejectList } from "./WebhookRejectList";

/** The Tauri command every contract command travels through. */
export const IPC_COMMAND = "ipc";
/** The Tauri event every `AppEvent` travels on. */
export const EVENT_CHANNEL = "switchboard://event";
/** The main window's label. */
export const MAIN_WINDOW = "main";
/** Call popups are labelled this prefix and the call's id. */
export const CALL_WINDOW_PREFIX = "call-";
/** The query parameter carrying the call id in a popup's URL. */
export const CALL_QUERY = "call";

/** Every command: its arguments and result. */
export interface Commands {
  /**
   * Who is signed in (none when signed out).
   * Windows: Main, CallPopup.
   */
  session: { args: null; result: SessionView };
  /**
   * Checks the token against the hub (`/api/v1/me`), keeps it in the
   * OS keyring and starts syncing.
   * Windows: Main.
   */
  sign_in: { args: SignIn; result: SessionView };
  /**
   * Stops syncing and forgets the token (the local store stays).
   * Windows: Main.
   */
  sign_out: { args: null; result: SessionView };
  /**
   * The agent's settings.
   * Windows: Main, CallPopup.
   */
  settings: { args: null; result: AppSettings };
  /**
   * Saves the agent's settings.
   * Windows: Main.
   */
  save_settings: { args: AppSettings; result: AppSettings };
  /**
   * Where the sync stands.
   * Windows: Main.
   */
  sync_state: { args: null; result: SyncState };
  /**
   * The conversation list, from the local store.
   * Windows: Main.
   */
  conversations: { args: ListConversations; result: Array<ConversationItem> };
  /**
   * One conversation, from the local store.
   * Windows: Main, CallPopup.
   */
  conversation: { args: ConversationRef; result: ConversationItem | null };
  /**
   * A page of a thread (pending replies included), from the local store.
   * Windows: Main.
   */
  thread: { args: ThreadPage; result: MessagePage };
  /**
   * What the agent may send in the conversation now (the domain's
   * composer rules at the clock's instant): free text inside the
   * customer-service window, approved templates only outside it, and
   * when that changes.
   * Windows: Main.
   */
  composer: { args: ConversationRef; result: ComposerView };
  /**
   * The approved templates that match (name, text, tag; language and
   * category), best first, from the local store.
   * Windows: Main.
   */
  templates: { args: TemplateQuery; result: Array<Template> };
  /**
   * A template filled with the agent's values, as the customer will see
   * it, and what is wrong with the values.
   * Windows: Main.
   */
  preview_template: { args: TemplateFill; result: TemplatePreview };
  /**
   * Queues a template (checked first: approved, the values complete and
   * valid, templates allowed here): shown as pending at once, sent when
   * the hub answers.
   * Windows: Main.
   */
  send_template: { args: TemplateReply; result: Message };
  /**
   * Asks the customer for permission to call, through the hub (online
   * only: the hub checks the limits and says why not); the request sent
   * and the permission's summary after it.
   * Windows: Main.
   */
  request_call_permission: { args: PermissionAsk; result: CallPermissionRequestResult };
  /**
   * Queues a text reply: shown as pending at once, sent when the hub answers.
   * Windows: Main.
   */
  send_reply: { args: Reply; result: Message };
  /**
   * The agent has seen the conversation.
   * Windows: Main.
   */
  mark_read: { args: ConversationRef; result: UnreadCounts };
  /**
   * The unread counts.
   * Windows: Main.
   */
  unread: { args: null; result: UnreadCounts };
  /**
   * Full-text search in the local store: customers, then messages
   * newest first, in the conversations the agent may see, with the
   * matches marked.
   * Windows: Main.
   */
  search: { args: SearchQuery; result: SearchResults };
  /**
   * A call, as the popup shows it.
   * Windows: Main, CallPopup.
   */
  call: { args: CallRef; result: CallView };
  /**
   * The calls going on now (ringing, connecting, connected), oldest
   * first, as the popup shows them: the main window's incoming-call
   * banner (`call_changed` events follow them).
   * Windows: Main.
   */
  active_calls: { args: null; result: Array<CallView> };
  /**
   * Answers a call: brings its popup and conversation to the front and,
   * with the agent's audio devices, answers Meta's offer and accepts
   * through the hub (`audio_failed` when the audio cannot start: the
   * call still rings); without devices the popup says there is no audio.
   * Windows: Main, CallPopup.
   */
  answer_call: { args: CallRef; result: CallView };
  /**
   * Declines a call through the hub.
   * Windows: Main, CallPopup.
   */
  decline_call: { args: CallRef; result: CallView };
  /**
   * Calls the customer of a conversation (their call permission allows
   * it: else the hub's refusal, in words): the agent's audio offers,
   * the hub connects, Meta's answer starts the audio; the popup opens.
   * Windows: Main.
   */
  place_call: { args: ConversationRef; result: CallView };
  /**
   * Hangs up a call: the agent's audio ends and the hub ends the call.
   * Windows: Main, CallPopup.
   */
  hang_up_call: { args: CallRef; result: CallView };
  /**
   * Mutes or unmutes the agent in a call they are talking in.
   * Windows: Main, CallPopup.
   */
  mute_call: { args: CallMute; result: CallView };
  /**
   * The microphones and speakers to choose from for calls.
   * Windows: Main.
   */
  audio_devices: { args: null; result: AudioDeviceList };
  /**
   * "Test my microphone": records a few seconds from the microphone
   * (the chosen one when none is named), telling the level every 100 ms
   * ([`AppEvent::MicrophoneLevel`]), and says whether it heard anything.
   * Windows: Main.
   */
  test_microphone: { args: MicrophoneTestAsk; result: MicrophoneCheck };
  /**
   * Puts text (a number) on the clipboard.
   * Windows: Main, CallPopup.
   */
  copy_text: { args: CopyText; result: null };
  /**
   * Shows a sample incoming-call notification.
   * Windows: Main.
   */
  sample_notification: { args: SampleNotification; result: null };
  /**
   * Changes a conversation's assignment, status, priority, queue or
   * tags through the hub (online only); the hub's view after it.
   * Windows: Main.
   */
  update_conversation: { args: ConversationEdit; result: Conversation };
  /**
   * The conversation's event log, oldest first, from the local store.
   * Windows: Main.
   */
  event_log: { args: ConversationRef; result: Array<EventLogEntry> };
  /**
   * Queues, agents and channels as this agent sees them, from the
   * local store.
   * Windows: Main.
   */
  team: { args: null; result: TeamView };
  /**
   * Queues a call-button message (inside the window): pending at once.
   * Windows: Main.
   */
  send_call_button: { args: CallButtonReply; result: Message };
  /**
   * Checks a file against WhatsApp's types and sizes, uploads it through
   * the hub (online only) and queues the message: pending at once.
   * Windows: Main.
   */
  send_attachment: { args: Attachment; result: Message };
  /**
   * A message's media (image, audio, video, document), through the hub.
   * Windows: Main.
   */
  message_media: { args: MessageRef; result: MediaFile };
  /**
   * Sends a failed message again (pending at once).
   * Windows: Main.
   */
  retry_message: { args: MessageRef; result: Message };
  /**
   * Gives up a failed message that never reached the hub: it leaves the
   * thread.
   * Windows: Main.
   */
  discard_message: { args: MessageRef; result: null };
  /**
   * A number checked for a new conversation (E.164), and the customer's
   * existing conversation on that channel, from the local store.
   * Windows: Main.
   */
  check_customer: { args: CustomerCheck; result: CustomerCheckView };
  /**
   * Starts a conversation with a template through the hub (online
   * only), or names the customer's existing one.
   * Windows: Main.
   */
  start_conversation: { args: NewConversation; result: StartOutcome };
  /**
   * Admin: channels, queues, routes, agents and configuration warnings.
   * Windows: Main.
   */
  admin_config: { args: null; result: AdminConfig };
  /**
   * Admin: webhook items the hub could not read, newest first.
   * Windows: Main.
   */
  webhook_rejects: { args: RejectsPage; result: WebhookRejectList };
  /**
   * Admin: a channel enabled or disabled (its data kept), its status,
   * redaction or limits changed.
   * Windows: Main.
   */
  update_channel: { args: ChannelEdit; result: Channel };
  /**
   * Admin: a channel's icon (JPG or PNG, at most 1 MB; refused with the
   * reason before the upload).
   * Windows: Main.
   */
  set_channel_icon: { args: ChannelIcon; result: Channel };
  /**
   * Admin: a new queue.
   * Windows: Main.
   */
  add_queue: { args: NewQueue; result: Queue };
  /**
   * Admin: a queue's wait strategy.
   * Windows: Main.
   */
  update_queue: { args: QueueEdit; result: Queue };
  /**
   * Admin: a new route.
   * Windows: Main.
   */
  add_route: { args: NewRoute; result: Route };
  /**
   * Admin: a route removed (routed conversations keep their queue).
   * Windows: Main.
   */
  remove_route: { args: RouteRef; result: null };
  /**
   * Admin: a new agent, with their token (shown this once).
   * Windows: Main.
   */
  add_agent: { args: NewAgent; result: CreatedAgent };
  /**
   * Admin: an agent's name, role or queues.
   * Windows: Main.
   */
  update_agent: { args: AgentEdit; result: Agent };
  /**
   * Admin: a new token for an agent (shown this once); the old one is
   * refused at once.
   * Windows: Main.
   */
  rotate_agent_token: { args: AgentRef; result: CreatedAgent };
  /**
   * Admin: an agent's token revoked.
   * Windows: Main.
   */
  revoke_agent_token: { args: AgentRef; result: null };
}

export type CommandName = keyof Commands;
/** Every event the shell emits. */
export type Event = AppEvent;
/** An error of a command. */
export type Error = CommandError;
