//! Messages as a support desk has them, in Japanese, German, French and
//! English: customers' questions and agents' answers, one or two sentences
//! from patterns whose `{}` slot takes a product, a problem or an order
//! number, so the store and its full-text index hold varied text of
//! realistic lengths rather than one repeated line. Deterministic: the
//! same [`Rng`] seed gives the same texts.

/// A small deterministic generator (SplitMix64).
#[derive(Debug, Clone)]
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Self {
        Self(seed)
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `0..n` (`n` > 0).
    pub fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n as u64) as usize
    }

    pub fn pick<'a>(&mut self, from: &[&'a str]) -> &'a str {
        from[self.below(from.len())]
    }
}

/// The languages customers write in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lang {
    Ja,
    De,
    Fr,
    En,
}

impl Lang {
    pub const ALL: [Lang; 4] = [Lang::Ja, Lang::De, Lang::Fr, Lang::En];
}

struct Vocabulary {
    customer: &'static [&'static str],
    agent: &'static [&'static str],
    /// What `{}` in a pattern takes.
    things: &'static [&'static str],
    names: &'static [&'static str],
    joiner: &'static str,
}

const JA: Vocabulary = Vocabulary {
    customer: &[
        "こんにちは。先週{}を注文しましたが、まだ届いていません。",
        "{}の返品について教えてください。",
        "注文番号{}の配送状況はどうなっていますか？",
        "届いた{}が壊れていました。交換できますか？",
        "{}の請求書を送っていただけますか。",
        "配送先の住所を変更したいのですが、{}はもう発送されましたか？",
        "{}の使い方がよく分かりません。",
        "ありがとうございます。{}、無事に届きました。",
    ],
    agent: &[
        "ご連絡ありがとうございます。{}について確認いたします。",
        "大変申し訳ございません。{}の交換品をすぐにお送りします。",
        "{}は明日発送予定です。追跡番号をお送りしますね。",
        "ご不便をおかけしました。{}の返金手続きを進めます。",
    ],
    things: &[
        "ワイヤレスイヤホン",
        "コーヒーメーカー",
        "電気ケトル",
        "ノートパソコン",
        "スマートウォッチ",
        "炊飯器",
        "加湿器",
        "ヘアドライヤー",
        "A-48213",
        "B-90417",
    ],
    names: &["田中 愛子", "佐藤 健", "鈴木 由美", "高橋 翔", "伊藤 美咲"],
    joiner: "",
};

const DE: Vocabulary = Vocabulary {
    customer: &[
        "Hallo, ich habe letzte Woche {} bestellt und noch nichts erhalten.",
        "Wie kann ich {} zurückschicken?",
        "Wo ist meine Bestellung {}? Die Sendungsverfolgung zeigt nichts an.",
        "{} ist leider beschädigt angekommen. Bekomme ich Ersatz?",
        "Könnten Sie mir die Rechnung für {} schicken?",
        "Ich möchte die Lieferadresse ändern, ist {} schon unterwegs?",
        "Die Anleitung für {} verstehe ich nicht ganz.",
        "Danke, {} ist heute gut angekommen!",
    ],
    agent: &[
        "Vielen Dank für Ihre Nachricht, ich prüfe das zu {} sofort.",
        "Das tut mir leid! Wir schicken Ihnen {} noch heute als Ersatz.",
        "{} wird morgen versendet, die Sendungsnummer folgt per E-Mail.",
        "Die Erstattung für {} ist veranlasst und in drei bis fünf Tagen auf Ihrem Konto.",
    ],
    things: &[
        "die Kaffeemaschine",
        "den Wasserkocher",
        "die Bluetooth-Kopfhörer",
        "das Notebook",
        "die Smartwatch",
        "den Staubsaugerroboter",
        "die Küchenwaage",
        "den Föhn",
        "Nr. 48213",
        "Nr. 90417",
    ],
    names: &[
        "Jonas Weber",
        "Lena Müller",
        "Jürgen Schäfer",
        "Anna Becker",
        "Özlem Yılmaz",
    ],
    joiner: " ",
};

const FR: Vocabulary = Vocabulary {
    customer: &[
        "Bonjour, j'ai commandé {} la semaine dernière et je n'ai toujours rien reçu.",
        "Comment puis-je renvoyer {} ?",
        "Où en est ma commande {} ? Le suivi n'affiche rien.",
        "{} est arrivé(e) abîmé(e). Pouvez-vous l'échanger ?",
        "Pourriez-vous m'envoyer la facture pour {} ?",
        "Je voudrais changer l'adresse de livraison, {} est-il déjà expédié ?",
        "Je ne comprends pas bien le mode d'emploi de {}.",
        "Merci, {} est bien arrivé aujourd'hui !",
    ],
    agent: &[
        "Merci pour votre message, je vérifie tout de suite pour {}.",
        "Toutes nos excuses ! Nous vous envoyons {} en remplacement dès aujourd'hui.",
        "{} sera expédié demain, vous recevrez le numéro de suivi par e-mail.",
        "Le remboursement de {} est lancé, comptez trois à cinq jours ouvrés.",
    ],
    things: &[
        "la cafetière",
        "la bouilloire",
        "le casque Bluetooth",
        "l'ordinateur portable",
        "la montre connectée",
        "l'aspirateur robot",
        "la balance de cuisine",
        "le sèche-cheveux",
        "n° 48213",
        "n° 90417",
    ],
    names: &[
        "Camille Lefèvre",
        "Théo Garnier",
        "Élodie Moreau",
        "François Dubois",
        "Inès Benali",
    ],
    joiner: " ",
};

const EN: Vocabulary = Vocabulary {
    customer: &[
        "Hi, I ordered {} last week and it still hasn't arrived.",
        "How do I return {}?",
        "Where is my order {}? The tracking page shows nothing.",
        "{} arrived damaged. Can I get a replacement?",
        "Could you send me the invoice for {}?",
        "I'd like to change the delivery address, has {} shipped yet?",
        "I can't quite follow the manual for {}.",
        "Thanks, {} arrived safely today!",
    ],
    agent: &[
        "Thanks for reaching out, I'm checking on {} right away.",
        "So sorry about that! We'll ship {} as a replacement today.",
        "{} ships tomorrow; you'll get the tracking number by email.",
        "The refund for {} is on its way and should reach you in three to five days.",
    ],
    things: &[
        "the coffee maker",
        "the kettle",
        "the Bluetooth headphones",
        "the laptop",
        "the smartwatch",
        "the robot vacuum",
        "the kitchen scale",
        "the hair dryer",
        "#48213",
        "#90417",
    ],
    names: &[
        "Emily Carter",
        "James O'Neill",
        "Priya Raman",
        "Daniel Kim",
        "Grace Okafor",
    ],
    joiner: " ",
};

fn vocabulary(lang: Lang) -> &'static Vocabulary {
    match lang {
        Lang::Ja => &JA,
        Lang::De => &DE,
        Lang::Fr => &FR,
        Lang::En => &EN,
    }
}

fn sentence(rng: &mut Rng, patterns: &[&str], v: &Vocabulary) -> String {
    rng.pick(patterns).replacen("{}", rng.pick(v.things), 1)
}

fn text(rng: &mut Rng, lang: Lang, agent: bool) -> String {
    let v = vocabulary(lang);
    let patterns = if agent { v.agent } else { v.customer };
    let mut t = sentence(rng, patterns, v);
    if rng.below(3) == 0 {
        t.push_str(v.joiner);
        t.push_str(&sentence(rng, patterns, v));
    }
    t
}

/// A customer's message in `lang`.
pub fn customer_text(rng: &mut Rng, lang: Lang) -> String {
    text(rng, lang, false)
}

/// An agent's answer in `lang`.
pub fn agent_text(rng: &mut Rng, lang: Lang) -> String {
    text(rng, lang, true)
}

/// A customer's display name in `lang`.
pub fn customer_name(rng: &mut Rng, lang: Lang) -> String {
    rng.pick(vocabulary(lang).names).to_owned()
}
