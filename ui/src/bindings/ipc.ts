// Generated from crates/app/src/contract.rs by `cargo test -p switchboard-app`; do not edit.
import type { AppEvent } from "./AppEvent";
import type { AppSettings } from "./AppSettings";
import type { CallPermissionRequestResult } from "./CallPermissionRequestResult";
import type { CallRef } from "./CallRef";
import type { CallView } from "./CallView";
import type { CommandError } from "./CommandError";
import type { ComposerView } from "./ComposerView";
import type { ConversationItem } from "./ConversationItem";
import type { ConversationRef } from "./ConversationRef";
import type { CopyText } from "./CopyText";
import type { ListConversations } from "./ListConversations";
import type { Message } from "./Message";
import type { MessagePage } from "./MessagePage";
import type { PermissionAsk } from "./PermissionAsk";
import type { Reply } from "./Reply";
import type { SampleNotification } from "./SampleNotification";
import type { SearchQuery } from "./SearchQuery";
import type { SearchResults } from "./SearchResults";
import type { SessionView } from "./SessionView";
import type { SignIn } from "./SignIn";
import type { SyncState } from "./SyncState";
import type { Template } from "./Template";
import type { TemplateFill } from "./TemplateFill";
import type { TemplatePreview } from "./TemplatePreview";
import type { TemplateQuery } from "./TemplateQuery";
import type { TemplateReply } from "./TemplateReply";
import type { ThreadPage } from "./ThreadPage";
import type { UnreadCounts } from "./UnreadCounts";

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
   * Answers a call: brings its popup and conversation to the front (no
   * audio yet: the popup says so).
   * Windows: Main, CallPopup.
   */
  answer_call: { args: CallRef; result: CallView };
  /**
   * Declines a call through the hub.
   * Windows: Main, CallPopup.
   */
  decline_call: { args: CallRef; result: CallView };
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
}

export type CommandName = keyof Commands;
/** Every event the shell emits. */
export type Event = AppEvent;
/** An error of a command. */
export type Error = CommandError;
