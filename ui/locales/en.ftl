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
