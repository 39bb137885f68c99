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
