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
