# Label Switchboard — Bahasa Indonesia
app-name = Switchboard
app-tagline = Pesan dan panggilan WhatsApp untuk tim dukungan Anda
language-label = Bahasa
nav-conversations = Percakapan
nav-calls = Panggilan
nav-templates = Templat
nav-settings = Pengaturan
hub-disconnected = Tidak terhubung ke hub
conversations-empty = Belum ada percakapan
conversations-empty-hint = Percakapan WhatsApp baru dari antrean Anda muncul di sini.
settings-title = Pengaturan
settings-notifications-title = Notifikasi panggilan
settings-notifications-hint = Pastikan panggilan masuk sampai kepada Anda: ini menampilkan contoh notifikasi panggilan dengan tindakan salin nomor.
settings-notifications-test = Tampilkan contoh notifikasi panggilan
notification-sent = Contoh notifikasi ditampilkan
notification-failed = Notifikasi tidak dapat ditampilkan: { $reason }
number-copied = Nomor disalin: { $number }
app-loading = Memulai…
app-error = Switchboard tidak dapat dimulai: { $message }
demo-badge = Tim demo
sign-out = Keluar
signin-title = Masuk ke hub tim Anda
signin-hint = Admin Anda memberikan alamat hub dan token agen Anda.
signin-hub-url = Alamat hub
signin-token = Token agen
signin-submit = Masuk
signin-pending = Sedang masuk…
signin-error-hub-unreachable = Hub tidak dapat dijangkau. Periksa alamat dan jaringan Anda. ({ $message })
signin-error-token-refused = Hub menolak token ini. Mintalah token baru kepada admin Anda.
signin-error-keyring-unavailable = Token tidak dapat disimpan dengan aman: Secret Service maupun keyring kernel tidak tersedia. ({ $message })
signin-error-invalid-input = Periksa alamat hub dan token: { $message }
sync-online = Daring
sync-catching-up = Menyinkronkan… ({ $count } perubahan)
sync-offline = Luring sejak { $since } — mencoba lagi pada { $retry }
sync-offline-waiting = Luring sejak { $since }
sync-signed-out = Sudah keluar
sync-stopped = Sinkronisasi dihentikan
sync-reason-unreachable = Hub tidak dapat dijangkau: { $detail }
sync-reason-hub-error = Hub menjawab dengan galat: { $detail }
sync-reason-local-store = Penyimpanan lokal gagal: { $detail }
list-sort-time-left = Sisa waktu tersedikit dulu
list-mine-only = Hanya milik saya
list-error = Percakapan tidak dapat ditampilkan: { $message }
search-label = Cari percakapan
search-placeholder = Cari pelanggan dan pesan
search-customers = Pelanggan
search-messages = Pesan
search-no-results = Tidak ada hasil
search-indexing = Pesan lama masih diindeks — hasil mungkin belum lengkap
search-error = Pencarian gagal: { $message }
search-unknown-customer = Pelanggan tidak dikenal
unread-count = { $count } pesan belum dibaca
preview-outbound = Anda: { $text }
preview-none = Belum ada pesan
time-left = Sisa { $duration }
time-left-under-minute = Sisa kurang dari 1 mnt
window-closed = Jendela tertutup — hanya templat
thread-none = Pilih percakapan untuk membacanya.
thread-empty = Belum ada pesan dalam percakapan ini.
thread-loading-earlier = Memuat pesan sebelumnya…
thread-start = Awal percakapan
thread-messages-label = Pesan dalam percakapan ini
thread-error = Percakapan tidak dapat ditampilkan: { $message }
message-forwarded = Diteruskan
message-status-received = Diterima
message-status-pending = Tertunda
message-status-unconfirmed = Belum dikonfirmasi
message-status-sent = Terkirim
message-status-delivered = Tersampaikan
message-status-read = Dibaca
message-status-failed = Gagal
message-status-failed-reason = Gagal: { $reason }
reply-label = Balasan
reply-placeholder = Tulis balasan… (Ctrl+Enter untuk mengirim)
reply-send = Kirim
reply-error = Balasan tidak masuk antrean: { $message }
reply-window-closed = Jendela layanan pelanggan 24 jam sudah tertutup: WhatsApp hanya mengizinkan templat yang disetujui sampai pelanggan menulis lagi.
settings-account-title = Akun
settings-hub-url = Hub
settings-agent-name = Masuk sebagai
settings-token-store = Token disimpan di
settings-token-store-none = Tidak disimpan
settings-preferences-title = Preferensi
settings-language = Bahasa (aplikasi dan notifikasinya)
settings-language-system = Bahasa sistem ({ $language })
settings-warn-minutes = Peringatkan sebelum jendela ditutup (menit, dipisahkan koma)
settings-warn-minutes-hint = Misalnya 60, 15. Kosongkan agar tidak pernah diperingatkan.
settings-warn-minutes-invalid = “{ $value }” bukan jumlah menit yang bulat
settings-warn-for = Peringatkan untuk
settings-warn-for-assigned = Percakapan yang ditugaskan kepada saya
settings-warn-for-my-queues = Semua percakapan di antrean saya
settings-new-conversations = Beri tahu saya tentang percakapan baru di antrean saya
settings-new-messages = Beri tahu saya tentang pesan baru di percakapan saya
settings-save = Simpan
settings-saved = Pengaturan disimpan
settings-error = Pengaturan tidak disimpan: { $message }
settings-load-error = Pengaturan tidak dapat dimuat: { $message }
call-direction-inbound = Panggilan masuk
call-direction-outbound = Panggilan keluar
call-queue-label = Antrean
call-loading = Memuat panggilan…
call-error = Panggilan tidak dapat ditampilkan: { $message }
call-action-error = Tindakan itu gagal: { $message }
call-audio-unavailable = Dijawab di sini — audio dua arah belum tersedia di versi ini; bicaralah lewat panggilan balik ke pelanggan atau telepon Anda.
call-state-ringing = Berdering
call-state-connecting = Menghubungkan…
call-state-connected = Terhubung
call-state-ended = Panggilan berakhir
call-state-declined = Panggilan ditolak
call-state-missed = Panggilan tak terjawab
call-state-failed = Panggilan gagal
call-incoming-title = Panggilan WhatsApp masuk
call-incoming-body = { $name } · { $number }
    Antrean: { $queue } · Kanal: { $channel }
call-copy-number = Salin nomor
sample-caller-name = Siti Rahayu
sample-queue-name = Dukungan
call-incoming-body-unnamed = { $number }
    Antrean: { $queue } · Kanal: { $channel }
call-answer = Jawab
call-decline = Tolak
notice-open = Buka
window-closing-title = Jendela layanan pelanggan segera ditutup
window-closing-body = { $name } · sisa { $minutes } menit untuk membalas dengan bebas; setelah itu, hanya templat yang dapat dikirim.
new-conversation-title = Percakapan baru di { $queue }
new-conversation-body = { $name }
new-message-title = Pesan baru dari { $name }
new-message-body = { $text }
new-message-no-text = { $kind ->
        [image] Foto
        [audio] Pesan suara
        [video] Video
        [document] Dokumen
        [sticker] Stiker
        [location] Lokasi
        [contacts] Kontak
        [reaction] Reaksi
       *[other] Pesan baru
    }
tray-unread = { $count ->
        [0] Tidak ada pesan belum dibaca
       *[other] { $count } pesan belum dibaca
    }

tray-open = Buka Switchboard
tray-quit = Keluar

shortcuts-title = Pintasan keyboard
shortcuts-typing-hint = Tombol tunggal (/, J, K, ?) tidak berfungsi saat Anda mengetik di kolom.
shortcuts-or = atau
shortcuts-close = Tutup
shortcut-focus-search = Cari
shortcut-next-conversation = Percakapan berikutnya
shortcut-previous-conversation = Percakapan sebelumnya
shortcut-send-reply = Kirim balasan
shortcut-template-picker = Sisipkan templat
shortcut-answer-call = Jawab panggilan (di jendela panggilan)
shortcut-decline-call = Tolak panggilan (di jendela panggilan)
shortcut-show-shortcuts = Tampilkan pintasan keyboard
key-ctrl = Ctrl
key-shift = Shift
key-alt = Alt
key-enter = Enter
