# Switchboard labels — English (the reference catalog: every other locale must have each key).
app-name = Switchboard
app-tagline = WhatsApp messages and calls for your support team
language-label = Language
nav-conversations = Conversations
nav-calls = Calls
nav-templates = Templates
nav-settings = Settings
hub-disconnected = Not connected to a hub
conversations-empty = No conversations yet
conversations-empty-hint = New WhatsApp conversations from your queues appear here.
settings-title = Settings
settings-notifications-title = Call notifications
settings-notifications-hint = Check that incoming calls reach you: this shows a sample call notification with a copy-number action.
settings-notifications-test = Show a sample call notification
notification-sent = Sample notification shown
notification-failed = The notification could not be shown: { $reason }
number-copied = Number copied: { $number }
app-loading = Starting…
app-error = Switchboard cannot start: { $message }
demo-badge = Demo team
sign-out = Sign out
signin-title = Sign in to your team's hub
signin-hint = Your admin gives you the hub's address and your agent token.
signin-hub-url = Hub address
signin-token = Agent token
signin-submit = Sign in
signin-pending = Signing in…
signin-error-hub-unreachable = The hub cannot be reached. Check the address and your network. ({ $message })
signin-error-token-refused = The hub refused this token. Ask your admin for a new one.
signin-error-keyring-unavailable = The token cannot be kept safely: neither the Secret Service nor the kernel keyring is available. ({ $message })
signin-error-invalid-input = Check the hub address and the token: { $message }
sync-online = Online
sync-catching-up = Catching up… ({ $count ->
        [one] 1 change
       *[other] { $count } changes
    })
sync-offline = Offline since { $since } — retrying at { $retry }
sync-offline-waiting = Offline since { $since }
sync-signed-out = Signed out
sync-stopped = Sync stopped
sync-reason-unreachable = The hub cannot be reached: { $detail }
sync-reason-hub-error = The hub answered with an error: { $detail }
sync-reason-local-store = The local store failed: { $detail }
list-sort-time-left = Least time left first
list-mine-only = Mine only
list-error = The conversations cannot be shown: { $message }
search-label = Search conversations
search-placeholder = Search customers and messages
search-customers = Customers
search-messages = Messages
search-no-results = No results
search-indexing = Still indexing older messages — results may be incomplete
search-error = The search failed: { $message }
search-unknown-customer = Unknown customer
unread-count = { $count ->
        [one] 1 unread message
       *[other] { $count } unread messages
    }
preview-outbound = You: { $text }
preview-none = No messages yet
# $duration: hours and minutes, worded by the UI (Intl) in this language: "20 hr, 5 min"
time-left = { $duration } left
time-left-under-minute = Less than 1 min left
window-closed = Window closed — templates only
thread-none = Choose a conversation to read it.
thread-empty = No messages in this conversation yet.
thread-loading-earlier = Loading earlier messages…
thread-start = Start of the conversation
thread-messages-label = Messages in this conversation
thread-error = The conversation cannot be shown: { $message }
message-forwarded = Forwarded — earlier messages of that chat were not shared
message-status-received = Received
message-status-pending = Pending
message-status-unconfirmed = Not confirmed yet
message-status-sent = Sent
message-status-delivered = Delivered
message-status-read = Read
message-status-failed = Failed
message-frequently-forwarded = Forwarded many times — earlier messages of that chat were not shared
# $last4: the four digits of a card number the hub left visible
message-card-redacted = Card number redacted, ending in { $last4 }
message-tag-template = Template
message-tag-choice = Chosen option
message-contacts-hint = Its details are not shown here yet: open WhatsApp on the phone to see them.
# $emoji: the customer's reaction, shown as it is
message-reaction = Reacted { $emoji }
message-reaction-removed = Removed a reaction
message-permission-request = Asked the customer for permission to call
message-permission-granted = The customer allowed calls
message-permission-declined = The customer declined calls
message-call-button = Call
message-unsupported = This type of message is not supported yet: open WhatsApp on the phone to see it.
# A call in the thread. $duration: how long it lasted, worded by the UI (Intl): "2 min, 5 sec"
call-entry-inbound-ended = Incoming call, { $duration }
call-entry-outbound-ended = Outgoing call, { $duration }
call-entry-inbound-missed = Missed incoming call
call-entry-outbound-missed = Outgoing call, not answered
call-entry-inbound-declined = Incoming call, declined
call-entry-outbound-declined = Outgoing call, declined by the customer
# Why a message was not delivered ($reason) and what to do ($action)
failure-not-delivered = Not delivered: { $reason }
failure-what-to-do = What to do: { $action }
failure-no-reason = No reason was given
failure-other-action = Check the message and send it again; if it fails again, tell your admin.
failure-window-reason = The 24-hour customer-service window had closed
failure-window-action = Send an approved template; free replies are possible again once the customer writes.
failure-undeliverable-reason = WhatsApp could not deliver it to this number
failure-undeliverable-action = Check the number: the customer may not have WhatsApp, or may need to update it.
failure-ecosystem-reason = WhatsApp held back this marketing message to limit how many the customer receives
failure-ecosystem-action = Do not resend it now: try again in a day or more, or reply once the customer writes.
failure-experiment-reason = The customer's number is in a WhatsApp experiment that gets no marketing messages
failure-experiment-action = Nothing to fix on your side: reach the customer another way, or wait for them to write.
failure-marketing-opt-out-reason = The customer stopped marketing messages from this business
failure-marketing-opt-out-action = Send them no more marketing; replies and service messages still go through.
failure-unsupported-reason = WhatsApp does not support this type of message
failure-unsupported-action = Send it as text or in another format.
failure-media-reason = The file could not be sent
failure-media-action = Check the file's type and size, then send it again.
failure-too-large-reason = The message or its file is too large
failure-too-large-action = Send a smaller file or a shorter text.
failure-rate-reason = A sending limit was reached
failure-rate-action = Wait a while, then send it again.
failure-template-reason = WhatsApp refused the template or its values
failure-template-action = Check the values, or choose another approved template.
failure-account-reason = This business number cannot send messages right now
failure-account-action = Tell your admin: the channel or its WhatsApp Business account needs attention.
failure-temporary-reason = WhatsApp had a temporary problem
failure-temporary-action = Send it again in a moment.
failure-network-reason = The hub could not be reached
failure-network-action = Check your connection, then send it again.
failure-unknown-outcome-reason = WhatsApp did not confirm whether it was sent
failure-unknown-outcome-action = Ask the customer whether it arrived before sending it again, so it does not arrive twice.
# The alert when one of the agent's messages turns failed; $name: the customer
delivery-alert-title = Not delivered to { $name }
delivery-alert-dismiss = Dismiss
reply-label = Reply
reply-placeholder = Write a reply… (Ctrl+Enter sends)
reply-send = Send
reply-error = The reply was not queued: { $message }
settings-account-title = Account
settings-hub-url = Hub
settings-agent-name = Signed in as
settings-token-store = Token kept in
settings-token-store-none = Not kept
settings-preferences-title = Preferences
settings-language = Language (of the app and its notifications)
# $language: the name of the language the OS's settings give, in that language
settings-language-system = System language ({ $language })
settings-warn-minutes = Warn before a window closes (minutes, comma separated)
settings-warn-minutes-hint = For example 60, 15. Leave empty to never warn.
settings-warn-minutes-invalid = “{ $value }” is not a whole number of minutes
settings-warn-for = Warn for
settings-warn-for-assigned = Conversations assigned to me
settings-warn-for-my-queues = Every conversation in my queues
settings-new-conversations = Notify me of new conversations in my queues
settings-new-messages = Notify me of new messages in my conversations
settings-save = Save
settings-saved = Settings saved
settings-error = The settings were not saved: { $message }
settings-load-error = The settings cannot be loaded: { $message }
audio-title = Call audio
audio-hint = The microphone and the speaker or headset for calls; the ring tone plays on the speaker.
audio-microphone = Microphone
audio-speaker = Speaker or headset
audio-system-default = System default
audio-device-default = { $name } (default)
audio-device-missing = { $name } (not connected)
audio-ring-tone = Ring tone while a call rings
audio-test-microphone = Test my microphone
audio-testing = Listening: say something.
audio-meter = Microphone level
audio-heard = The microphone works: it heard you.
audio-heard-nothing = Heard nothing: check the microphone is not muted (on the headset or in the system's sound settings) and is the one chosen above.
audio-failed = The microphone or speaker cannot be used: { $message }
audio-devices-error = The sound devices cannot be listed: { $message }
call-direction-inbound = Incoming call
call-direction-outbound = Outgoing call
call-queue-label = Queue
call-loading = Loading the call…
call-error = The call cannot be shown: { $message }
call-action-error = That did not work: { $message }
call-audio-unavailable = Answered here — the app has no sound devices for calls on this computer, so the call has no audio; talk on the customer's callback or your phone.
call-state-ringing = Ringing
call-state-connecting = Connecting…
call-state-connected = Connected
call-state-ended = Call ended
call-state-declined = Call declined
call-state-missed = Missed call
call-state-failed = Call failed
call-incoming-title = Incoming WhatsApp call
call-incoming-body = { $name } · { $number }
    Queue: { $queue } · Channel: { $channel }
call-copy-number = Copy number
sample-caller-name = Aiko Tanaka
sample-queue-name = Support
call-incoming-body-unnamed = { $number }
    Queue: { $queue } · Channel: { $channel }
call-answer = Answer
call-decline = Decline
call-in-call = In call
call-talk-connecting = Connecting audio…
call-quality-good = Network: good
call-quality-fair = Network: fair
call-quality-poor = Network: poor
# $loss: incoming audio packets lost, in percent; $jitter: in milliseconds
call-quality-detail = { $loss } % of audio lost · { $jitter } ms jitter
call-mute = Mute
call-muted-note = Your microphone is muted: the customer cannot hear you.
call-hang-up = Hang up
call-audio-failed = The call's audio could not start: { $message }
# The main window's incoming-call banner could not list the calls going on now
call-banner-error = Incoming calls cannot be shown: { $message }
notice-open = Open
window-closing-title = Customer-service window closing
window-closing-body = { $name } · { $minutes ->
        [one] 1 minute
       *[other] { $minutes } minutes
    } left to reply freely; after that, only templates can be sent.
new-conversation-title = New conversation in { $queue }
new-conversation-body = { $name }
new-message-title = New message from { $name }
new-message-body = { $text }
new-message-no-text = { $kind ->
        [image] Photo
        [audio] Audio message
        [video] Video
        [document] Document
        [sticker] Sticker
        [location] Location
        [contacts] Contact
        [reaction] Reaction
       *[other] New message
    }
tray-unread = { $count ->
        [0] No unread messages
        [one] 1 unread message
       *[other] { $count } unread messages
    }

tray-open = Open Switchboard
tray-quit = Quit

shortcuts-title = Keyboard shortcuts
shortcuts-typing-hint = Single keys (/, J, K, ?) do nothing while you type in a field.
shortcuts-or = or
shortcuts-close = Close
shortcut-focus-search = Search
shortcut-next-conversation = Next conversation
shortcut-previous-conversation = Previous conversation
shortcut-send-reply = Send the reply
shortcut-template-picker = Insert a template
shortcut-answer-call = Answer the call (in the call window)
shortcut-decline-call = Decline the call (in the call window)
shortcut-show-shortcuts = Show the keyboard shortcuts
key-ctrl = Ctrl
key-shift = Shift
key-alt = Alt
key-enter = Enter

# The composer and the template picker
composer-closed-since = The 24-hour customer-service window closed { $since }: WhatsApp allows only approved templates until the customer writes again.
composer-closed-never = The customer has not written yet: WhatsApp allows only approved templates until they do.
composer-error = What may be sent here is not known: { $message }
composer-refusal-window-closed = The 24-hour customer-service window is closed: only approved templates may be sent.
composer-refusal-channel-disabled = This channel is disabled: nothing can be sent on it.
composer-refusal-sender-cannot-chat = This business number cannot send messages.
composer-refusal-sender-cannot-call = This business number cannot place calls.
composer-refusal-no-approved-template = No approved template can be sent in this conversation.
composer-refusal-template-not-approved = This template is not approved.
composer-refusal-template-by-automation = Templates are sent by automation in this conversation.
composer-refusal-refused = This cannot be sent here now.
reply-counter = { $count } of { $max } characters
template-open = Templates
template-picker-title = Send a template
template-close = Close
template-search = Search templates
template-search-placeholder = Name, text or tag
template-language = Language
template-language-any = Any language
template-category = Category
template-category-any = Any category
template-category-marketing = Marketing
template-category-utility = Utility
template-category-authentication = Authentication
template-list = Approved templates
template-none = No approved template matches.
template-error = The templates cannot be shown: { $message }
template-back = Back to the list
template-params = Values
template-params-none = This template takes no values.
template-param = Value { $position }
template-header-params = Header
template-header-param = Header value { $position }
template-button-params = Web addresses
template-button-param = { $button }: end of the web address
template-preview = As the customer will see it
template-preview-error = The preview cannot be shown: { $message }
template-send = Send template
template-send-error = The template was not queued: { $message }
template-problem-not-approved = The template is not approved.
template-problem-wrong-format = This value is not in the expected format.
template-problem-missing = A value is needed here.
template-problem-unexpected = The template has no such value.
template-problem-empty = The value is empty.
template-problem-too-long = The value is too long.
template-problem-newline-or-tab = No line breaks or tabs allowed.
template-problem-too-many-spaces = No more than four spaces in a row.
template-problem-invalid-url-suffix = Not a valid end for the web address.
template-header-media = { $kind ->
        [image] Image
        [video] Video
        [document] Document
        [location] Location
       *[other] Media
    }
template-buttons = Buttons
template-button-kind = { $kind ->
        [quick_reply] Quick reply button
        [url] Link button
        [phone_number] Call button
        [copy_code] Copy code button
        [otp] One-time code button
        [flow] Form button
        [voice_call] WhatsApp call button
       *[other] Button
    }

# Attachments and call-button messages in the composer
attach-open = Attach file
attach-drop = Drop the file here to attach it
attachment-title = File to send
attachment-caption = Caption (optional)
attachment-remove = Remove
attachment-send = Send file
attachment-sending = Sending…
attachment-error = The file was not sent: { $message }
call-button-open = Call button
call-button-title = Message with a call button
call-button-text = Message
call-button-label = Button label
call-button-default-label = Default label
call-button-preview = Preview
call-button-cancel = Cancel
call-button-send = Send
call-button-sending = Sending…
call-button-error = The message was not queued: { $message }

# The call-permission panel
permission-title = Permission to call
permission-state-label = State
permission-state-none = Not requested
permission-state-requested = Requested, awaiting the customer's answer
permission-state-granted = Granted
permission-state-denied = Declined by the customer
permission-state-expired = Expired
permission-state-revoked = Withdrawn by the customer
permission-requests-left-label = Requests left
permission-requests-left = In 24 hours: { $day } · in 7 days: { $week }
permission-next-label = Next request
permission-next-now = Possible now
permission-calls-left-label = Calls left today
permission-unanswered-label = Unanswered in a row
permission-expires-label = Expires
permission-expires-none = No expiry
permission-request = Request permission to call
permission-requesting = Requesting…
permission-reason-granted = The customer already allows calls.
permission-reason-wait = The next request is possible { $relative } ({ $time }).
permission-reason-none-left = No request is left: the next is possible { $relative } ({ $time }).
permission-reason-none-left-unknown = No request is left for now.
permission-reason-pending = A request is already awaiting the customer's answer.
permission-reason-refused = No request is possible now.
permission-error = The request did not go out: { $message }
permission-call = Call the customer
permission-calling = Calling…
permission-call-reason-not-granted = The customer has not allowed calls.
permission-call-reason-expired = The customer's permission expired { $relative } ({ $time }).
permission-call-reason-none-left = No call is left for today.
permission-call-reason-none-left-until = No call is left: the next is possible { $relative } ({ $time }).
permission-call-error = The call did not go out: { $message }

# The admin's views (admins only): channels, queues, routes, agents, webhook rejects
nav-admin = Admin
admin-title = Hub administration
admin-sections = Admin sections
admin-tab-channels = Channels
admin-tab-queues = Queues
admin-tab-routes = Routes
admin-tab-agents = Agents
admin-tab-rejects = Webhook rejects
admin-loading = Loading…
admin-load-error = The hub's configuration could not be loaded: { $message }
admin-retry = Try again
admin-cancel = Cancel
# A command the hub or the app refused; $message: the reason, as the core words it
admin-error = Not done: { $message }
# $id: an id the hub's configuration does not name
admin-unknown = Unknown ({ $id })
admin-warnings-title = Configuration warnings
admin-channels-none = No channels yet.
admin-channel-status = Status
admin-channel-status-unverified-trial = Unverified (trial)
admin-channel-status-failed = Failed
admin-channel-status-connected = Connected
admin-channel-status-rejected = Rejected
admin-channel-state = In use
admin-channel-enabled = Enabled
admin-channel-disabled = Disabled
admin-channel-limit = Customer limit
admin-channel-limit-none = Unlimited
admin-channel-icon = Icon
admin-channel-icon-set = Set
admin-channel-icon-none = None
admin-channel-phone-id = Phone number ID
admin-channel-waba = WhatsApp Business account
admin-channel-disable = Disable channel
admin-channel-enable = Enable channel
admin-channel-kept = Disabling a channel keeps its conversations, messages and settings; enabling it again resumes it.
admin-channel-redact = Redact card numbers
admin-channel-redact-hint = Card numbers in incoming messages are masked before they are stored.
admin-channel-icon-upload = New icon (JPG or PNG)
admin-channel-icon-uploading = Uploading…
admin-channel-icon-done = The icon was saved.
admin-queues-none = No queues yet.
admin-queue-wait = Wait strategy
admin-wait-none = None
admin-wait-hold-music = Hold music
admin-wait-message = Spoken message
admin-queue-add-title = Add a queue
admin-queue-name = Name
admin-queue-add = Add queue
admin-routes-order = Routes are tried in order of position; the first that matches picks the queue.
admin-routes-none = No routes yet.
admin-route-position = Position
admin-route-channel = Channel
admin-route-type = Type
admin-route-queue = Queue
admin-route-actions = Actions
admin-route-any-channel = Any channel
admin-route-any-type = Messages and calls
admin-route-type-message = Messages
admin-route-type-call = Calls
admin-route-remove = Remove
# $position: the route's position
admin-route-remove-confirm = Remove route { $position }? Conversations it already routed keep their queue.
admin-route-remove-yes = Remove route
admin-route-add-title = Add a route
admin-route-position-hint = Leave it empty to put the route after the last one.
# $value: what the admin typed
admin-route-position-invalid = “{ $value }” is not a position: type a whole number, or leave it empty.
admin-route-choose-queue = Choose a queue
admin-route-add = Add route
admin-agents-none = No agents yet.
admin-agent-name = Name
admin-agent-role = Role
admin-role-agent = Agent
admin-role-admin = Administrator
admin-agent-queues = Queues
admin-agent-no-queues = No queue
admin-agent-token = Token
# $time: when the token was issued, worded by the UI
admin-agent-token-issued = Issued { $time }
admin-agent-token-revoked = Revoked: no token of theirs works until a new one is issued
admin-agent-admin = Administrator (manages channels, queues, routes and agents)
admin-agent-edit = Edit
# $name: the agent's name (also in the messages below)
admin-agent-edit-title = Edit { $name }
admin-agent-save = Save
admin-agent-rotate = New token
admin-agent-rotate-confirm = Issue a new token for { $name }? Their current token stops working at once.
admin-agent-rotate-yes = Issue new token
admin-agent-revoke = Revoke token
admin-agent-revoke-confirm = Revoke the token of { $name }? They cannot sign in until a new token is issued.
admin-agent-revoke-yes = Revoke
admin-agent-add-title = Add an agent
admin-agent-add = Add agent
admin-token-title = Token for { $name }
admin-token-once = This token is shown only once. Copy it now and hand it to { $name } safely: it cannot be shown again.
admin-token-copy = Copy token
admin-token-copied = Copied to the clipboard.
admin-token-done = Done, hide the token
admin-rejects-intro = Webhook items the hub could not read, newest first. Card numbers are redacted unless the channel turned redaction off.
admin-rejects-refresh = Refresh
admin-rejects-error = The webhook rejects could not be loaded: { $message }
admin-rejects-none = The hub has rejected no webhook item.
admin-reject-received = Received
admin-reject-source = Webhook field · list
admin-reject-number = Business number ID
admin-reject-number-none = Not given
admin-reject-error = Why
admin-reject-raw = As received
admin-rejects-more = Older rejects
admin-rejects-end = No older rejects.
# The thread: one of the agent's messages that failed, sent again or given up
message-failed-actions = What to do with this message
message-retry = Try again
message-discard = Discard
message-discard-confirm = Discard this message? It will not be sent, and it leaves the conversation.
message-discard-keep = Keep it
# $message: why the app refused, as the core words it
message-retry-error = It was not sent again: { $message }
message-discard-error = It was not discarded: { $message }
# The thread: a message's file, fetched from the hub
media-load-video = Load the video
media-load-document = Get the file
media-loading = Loading the file…
media-save = Save
media-error-offline = The file cannot be loaded: the hub cannot be reached.
media-error-not-found = This file is no longer available.
# $message: why the file could not be fetched, as the core words it
media-error = The file cannot be loaded: { $message }
# The thread: replies, reactions and shared places
reply-quote-customer = Customer
reply-quote-agent = Agent
reply-quote-missing = Reply to an earlier message
reactions-label = Reactions
# $emoji: the reaction, shown as it is
reaction-by-customer = The customer reacted { $emoji }
reaction-by-agent = An agent reacted { $emoji }
location-copy = Copy coordinates
location-copied = Coordinates copied.
# $message: why the app refused, as the core words it
location-copy-error = The coordinates were not copied: { $message }
# Conversation details (the open conversation's filing) and its event log
details-region = Conversation details
details-toggle = Details
details-summary-unassigned = Unassigned
details-summary-assigned = Assigned to { $name }
details-assignee = Assigned to
details-assignee-none = Nobody (unassigned)
details-assignee-me = { $name } (me)
details-assignee-unknown = Unknown agent
details-assign-me = Assign to me
details-status = Status
details-priority = Priority
details-queue = Queue
details-queue-none = No queue
details-queue-unknown = Unknown queue
details-tags = Tags
details-error = The change was not saved: { $message }
details-team-error = The team cannot be shown: { $message }
conversation-status-open = Open
conversation-status-pending = Pending
conversation-status-solved = Solved
conversation-status-closed = Closed
conversation-priority-low = Low
conversation-priority-normal = Normal
conversation-priority-high = High
conversation-priority-urgent = Urgent
tags-none = No tags
# $tag: the tag, as the agents wrote it
tag-remove = Remove tag { $tag }
tag-new = New tag
tag-add = Add
event-log-title = Event log
event-log-empty = No events yet.
event-log-error = The event log cannot be shown: { $message }
event-kind-delivery-failed = Delivery failed
event-kind-delivery-unconfirmed = Delivery not confirmed
event-kind-assigned = Assigned
event-kind-queue-changed = Queue changed
event-kind-status-changed = Status changed
event-kind-call-permission-requested = Permission to call requested
event-kind-call-permission-granted = Permission to call granted
event-kind-call-permission-denied = Permission to call declined
event-kind-call-permission-revoked = Permission to call withdrawn
event-kind-call-missed = Missed call
event-kind-call-ended = Call ended
event-kind-channel-disabled = Number disabled
# Starting a new conversation with a customer
newconv-title = New conversation
newconv-channel = Send from
# $number: one of the team's WhatsApp numbers
newconv-channel-disabled = { $number } (disabled)
newconv-no-channel = There is no number to start a conversation from.
newconv-phone = Customer's phone number
newconv-phone-hint = With the country code, e.g. +49 151 23456789
newconv-checking = Checking the number…
# $number: the number as WhatsApp writes it (E.164)
newconv-phone-ok = WhatsApp number: { $number }
newconv-phone-empty = Enter the customer's number.
newconv-phone-not-a-number = This is not a phone number.
newconv-phone-invalid = This number is not valid: check the country code and the digits.
newconv-check-error = The number cannot be checked: { $message }
newconv-existing = This customer already has a conversation — open it
newconv-permission-pending = A request for permission to call this customer is still unanswered.
newconv-name = Customer's name (optional)
newconv-type = Start with
newconv-type-message = A message
newconv-type-call = A call
newconv-call-hint = For a call the customer is first asked for permission: only the templates that ask for it are offered.
newconv-template = Template
newconv-template-none-call = No approved template asks for permission to call.
newconv-tags = Tags
newconv-priority = Priority
newconv-status = Status
newconv-queue = Queue
newconv-default = Default
newconv-summary = Summary
newconv-summary-from = From
newconv-summary-to = To
newconv-summary-unset = Not chosen yet
newconv-missing-channel = Choose the number to send from.
newconv-missing-phone = Enter the customer's WhatsApp number.
newconv-missing-existing = This customer already has a conversation: open it instead.
newconv-missing-template = Choose a template.
newconv-missing-values = Fill in the template's values.
newconv-start = Start conversation
newconv-starting = Starting…
newconv-cancel = Cancel
newconv-error = The conversation was not started: { $message }
newconv-started = The conversation was started.
newconv-exists = This customer already has a conversation.
newconv-warnings = Please note
newconv-open-existing = Open the conversation
newconv-close = Close
