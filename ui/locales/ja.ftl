# Switchboard のラベル — 日本語
app-name = Switchboard
app-tagline = サポートチームのための WhatsApp メッセージと通話
language-label = 言語
nav-conversations = 会話
nav-calls = 通話
nav-templates = テンプレート
nav-settings = 設定
hub-disconnected = ハブに接続されていません
conversations-empty = まだ会話はありません
conversations-empty-hint = キューに届いた新しい WhatsApp の会話がここに表示されます。
settings-title = 設定
settings-notifications-title = 通話の通知
settings-notifications-hint = 着信が届くか確認できます。番号コピー操作付きのサンプル通話通知を表示します。
settings-notifications-test = サンプルの通話通知を表示
notification-sent = サンプル通知を表示しました
notification-failed = 通知を表示できませんでした: { $reason }
number-copied = 番号をコピーしました: { $number }
app-loading = 起動しています…
app-error = Switchboard を起動できません: { $message }
demo-badge = デモチーム
sign-out = サインアウト
signin-title = チームのハブにサインイン
signin-hint = ハブのアドレスとエージェントトークンは管理者から受け取ってください。
signin-hub-url = ハブのアドレス
signin-token = エージェントトークン
signin-submit = サインイン
signin-pending = サインインしています…
signin-error-hub-unreachable = ハブに接続できません。アドレスとネットワークを確認してください。({ $message })
signin-error-token-refused = ハブがこのトークンを拒否しました。管理者に新しいトークンを依頼してください。
signin-error-keyring-unavailable = トークンを安全に保存できません: Secret Service もカーネルキーリングも利用できません。({ $message })
signin-error-invalid-input = ハブのアドレスとトークンを確認してください: { $message }
sync-online = オンライン
sync-catching-up = 同期中… ({ $count } 件の変更)
sync-offline = { $since } からオフライン — { $retry } に再試行
sync-offline-waiting = { $since } からオフライン
sync-signed-out = サインアウトしました
sync-stopped = 同期は停止しています
sync-reason-unreachable = ハブに接続できません: { $detail }
sync-reason-hub-error = ハブがエラーを返しました: { $detail }
sync-reason-local-store = ローカルストアでエラーが発生しました: { $detail }
list-sort-time-left = 残り時間の少ない順
list-mine-only = 自分の担当のみ
list-error = 会話を表示できません: { $message }
search-label = 会話を検索
search-placeholder = 顧客とメッセージを検索
search-customers = 顧客
search-messages = メッセージ
search-no-results = 該当する結果はありません
search-indexing = 過去のメッセージをまだインデックス中です — 結果が不完全な場合があります
search-error = 検索できませんでした: { $message }
search-unknown-customer = 不明な顧客
unread-count = 未読 { $count } 件
preview-outbound = あなた: { $text }
preview-none = まだメッセージはありません
time-left = 残り { $duration }
time-left-under-minute = 残り 1 分未満
window-closed = ウィンドウ終了 — テンプレートのみ
thread-none = 会話を選ぶと内容が表示されます。
thread-empty = この会話にはまだメッセージがありません。
thread-loading-earlier = 以前のメッセージを読み込んでいます…
thread-start = 会話の始まり
thread-messages-label = この会話のメッセージ
thread-error = 会話を表示できません: { $message }
message-forwarded = 転送
message-status-received = 受信
message-status-pending = 送信待ち
message-status-unconfirmed = 未確認
message-status-sent = 送信済み
message-status-delivered = 配信済み
message-status-read = 既読
message-status-failed = 失敗
message-status-failed-reason = 失敗: { $reason }
reply-label = 返信
reply-placeholder = 返信を入力… (Ctrl+Enter で送信)
reply-send = 送信
reply-error = 返信をキューに入れられませんでした: { $message }
reply-window-closed = 24 時間のカスタマーサービスウィンドウが終了しました。お客様から再度メッセージが届くまで、WhatsApp では承認済みのテンプレートしか送信できません。
settings-account-title = アカウント
settings-hub-url = ハブ
settings-agent-name = サインイン中のユーザー
settings-token-store = トークンの保存先
settings-token-store-none = 保存されていません
settings-preferences-title = 設定項目
settings-language = 言語 (アプリと通知)
settings-language-system = システムの言語 ({ $language })
settings-warn-minutes = ウィンドウ終了の何分前に警告するか (カンマ区切り)
settings-warn-minutes-hint = 例: 60, 15。空欄にすると警告しません。
settings-warn-minutes-invalid = 「{ $value }」は分数 (整数) ではありません
settings-warn-for = 警告の対象
settings-warn-for-assigned = 自分に割り当てられた会話
settings-warn-for-my-queues = 自分のキューのすべての会話
settings-new-conversations = 自分のキューの新しい会話を通知する
settings-new-messages = 自分の会話の新しいメッセージを通知する
settings-save = 保存
settings-saved = 設定を保存しました
settings-error = 設定を保存できませんでした: { $message }
settings-load-error = 設定を読み込めません: { $message }
call-direction-inbound = 着信
call-direction-outbound = 発信
call-queue-label = キュー
call-loading = 通話を読み込んでいます…
call-error = 通話を表示できません: { $message }
call-action-error = 操作に失敗しました: { $message }
call-audio-unavailable = ここで応答しました — このバージョンでは双方向の音声はまだ利用できません。お客様への折り返し電話かお手元の電話でお話しください。
call-state-ringing = 呼び出し中
call-state-connecting = 接続しています…
call-state-connected = 通話中
call-state-ended = 通話が終了しました
call-state-declined = 通話を拒否しました
call-state-missed = 不在着信
call-state-failed = 通話に失敗しました
call-incoming-title = WhatsApp の着信
call-incoming-body = { $name } · { $number }
    キュー: { $queue } · チャネル: { $channel }
call-copy-number = 番号をコピー
sample-caller-name = 田中 愛子
sample-queue-name = サポート
call-incoming-body-unnamed = { $number }
    キュー: { $queue } · チャネル: { $channel }
call-answer = 応答
call-decline = 拒否
notice-open = 開く
window-closing-title = カスタマーサービスウィンドウがまもなく終了します
window-closing-body = { $name } · 自由に返信できるのは残り { $minutes } 分です。その後はテンプレートのみ送信できます。
new-conversation-title = { $queue } に新しい会話
new-conversation-body = { $name }
new-message-title = { $name } からの新しいメッセージ
new-message-body = { $text }
new-message-no-text = { $kind ->
        [image] 写真
        [audio] 音声メッセージ
        [video] 動画
        [document] ドキュメント
        [sticker] スタンプ
        [location] 位置情報
        [contacts] 連絡先
        [reaction] リアクション
       *[other] 新しいメッセージ
    }
tray-unread = { $count ->
        [0] 未読メッセージはありません
       *[other] 未読メッセージ { $count } 件
    }

tray-open = Switchboard を開く
tray-quit = 終了

shortcuts-title = キーボードショートカット
shortcuts-typing-hint = 入力欄に入力している間は、単独のキー (/、J、K、?) は働きません。
shortcuts-or = または
shortcuts-close = 閉じる
shortcut-focus-search = 検索
shortcut-next-conversation = 次の会話
shortcut-previous-conversation = 前の会話
shortcut-send-reply = 返信を送信
shortcut-template-picker = テンプレートを挿入
shortcut-answer-call = 通話に応答 (通話ウィンドウで)
shortcut-decline-call = 通話を拒否 (通話ウィンドウで)
shortcut-show-shortcuts = キーボードショートカットを表示
key-ctrl = Ctrl
key-shift = Shift
key-alt = Alt
key-enter = Enter
