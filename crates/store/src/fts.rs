//! The full-text normalizer: what goes into the FTS5 table, what a user's
//! query becomes, and where a hit's terms are in the original text.
//!
//! FTS5's `unicode61` tokenizer splits on spaces and punctuation, which
//! Japanese and Chinese do not use, and its `trigram` tokenizer never matches
//! a query shorter than three characters (確認, 注文). So both the indexed
//! text and the query are NFKC-normalized and every run of CJK characters
//! (Han, Hiragana, Katakana, Hangul) is rewritten as its overlapping bigrams
//! followed by its last character alone ("注文番号" → "注文 文番 番号 号"):
//! a word of two or more characters is the phrase of its bigrams, a single
//! character is a prefix query (every character of a run starts a token).
//! Other scripts are left to `unicode61 remove_diacritics 2` (case and
//! diacritics folded: "reçue" finds "recue"). A query is a list of quoted
//! terms, so no input is FTS syntax (`"foo OR`, `NEAR(`), and its last term
//! is a prefix ("Bestellung" finds "Bestellungen").

use std::ops::Range;

use serde::Serialize;
use unicode_normalization::char::is_combining_mark;
use unicode_normalization::{IsNormalized, UnicodeNormalization};

/// Whether `c` belongs to a script written without spaces between words
/// (CJK ideographs, kana, Hangul); punctuation of those blocks is not.
fn is_cjk(c: char) -> bool {
    let cjk = matches!(c as u32,
        0x1100..=0x11FF     // Hangul Jamo
        | 0x3005..=0x3007   // 々 〆 〇
        | 0x3040..=0x30FF   // Hiragana, Katakana
        | 0x3130..=0x318F   // Hangul compatibility Jamo
        | 0x31F0..=0x31FF   // Katakana phonetic extensions
        | 0x3400..=0x4DBF   // CJK extension A
        | 0x4E00..=0x9FFF   // CJK unified ideographs
        | 0xA960..=0xA97F   // Hangul Jamo extended A
        | 0xAC00..=0xD7FF   // Hangul syllables, Jamo extended B
        | 0xF900..=0xFAFF   // CJK compatibility ideographs
        | 0xFF66..=0xFF9F   // half-width Katakana (NFKC widens them)
        | 0x20000..=0x3FFFF // CJK extensions B and later
    );
    cjk && c.is_alphanumeric()
}

/// A character of a word of a spaced script.
fn is_word_char(c: char) -> bool {
    (c.is_alphanumeric() || is_combining_mark(c)) && !is_cjk(c)
}

fn push_run(run: &mut Vec<char>, out: &mut String) {
    if run.is_empty() {
        return;
    }
    out.push(' ');
    for pair in run.windows(2) {
        out.push(pair[0]);
        out.push(pair[1]);
        out.push(' ');
    }
    out.extend(run.last());
    out.push(' ');
    run.clear();
}

/// The text as the search table stores it: NFKC, each CJK run as its
/// bigrams and its last character.
pub fn index_text(text: &str) -> String {
    let mut out = String::with_capacity(text.len() * 2);
    let mut run = Vec::new();
    // Most text is NFKC already (the quick check says so from a table per
    // character): it is read as it is, without decomposing and recomposing.
    let normalized: std::borrow::Cow<'_, str> =
        if unicode_normalization::is_nfkc_quick(text.chars()) == IsNormalized::Yes {
            std::borrow::Cow::Borrowed(text)
        } else {
            std::borrow::Cow::Owned(text.nfkc().collect())
        };
    for c in normalized.chars() {
        if is_cjk(c) {
            run.push(c);
        } else {
            push_run(&mut run, &mut out);
            out.push(c);
        }
    }
    push_run(&mut run, &mut out);
    out
}

/// One term of a query: a word of a spaced script, or a run of CJK
/// characters; `prefix` when it also matches longer words.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Term {
    chars: Vec<char>,
    cjk: bool,
    prefix: bool,
}

/// The query's terms: NFKC, split into words and CJK runs; anything else
/// (spaces, punctuation, quotes, operators' parentheses) separates them.
fn terms(query: &str) -> Vec<Term> {
    let mut terms: Vec<Term> = Vec::new();
    let mut current: Option<Term> = None;
    for c in query.nfkc() {
        let cjk = is_cjk(c);
        if !cjk && !is_word_char(c) {
            terms.extend(current.take());
            continue;
        }
        match &mut current {
            Some(t) if t.cjk == cjk => t.chars.push(c),
            _ => {
                terms.extend(current.take());
                current = Some(Term {
                    chars: vec![c],
                    cjk,
                    prefix: false,
                });
            }
        }
    }
    terms.extend(current);
    let n = terms.len();
    for (i, t) in terms.iter_mut().enumerate() {
        // The last term is being typed; a lone CJK character starts tokens.
        t.prefix = i + 1 == n || (t.cjk && t.chars.len() == 1);
    }
    terms
}

/// The FTS5 `MATCH` expression for what a user typed: every term must
/// match (implicit AND), each a quoted string (never FTS syntax), a CJK run
/// as the phrase of its bigrams, the last term as a prefix. `None` when the
/// query has no term (only spaces or punctuation): nothing matches.
pub fn match_query(query: &str) -> Option<String> {
    let parts: Vec<String> = terms(query)
        .iter()
        .map(|t| {
            let phrase: String = if t.cjk && t.chars.len() > 1 {
                t.chars
                    .windows(2)
                    .map(|p| format!("{}{}", p[0], p[1]))
                    .collect::<Vec<_>>()
                    .join(" ")
            } else {
                t.chars.iter().collect()
            };
            let quoted = phrase.replace('"', "\"\"");
            format!("\"{quoted}\"{}", if t.prefix { "*" } else { "" })
        })
        .collect();
    (!parts.is_empty()).then(|| parts.join(" "))
}

/// Registers [`index_text`] on `conn` as the SQL function
/// `switchboard_fts_text(text)`, for migrations that index text again.
pub(crate) fn register(conn: &rusqlite::Connection) -> rusqlite::Result<()> {
    use rusqlite::functions::FunctionFlags;
    conn.create_scalar_function(
        "switchboard_fts_text",
        1,
        FunctionFlags::SQLITE_UTF8 | FunctionFlags::SQLITE_DETERMINISTIC,
        |ctx| Ok(ctx.get::<Option<String>>(0)?.map(|t| index_text(&t))),
    )
}

/// `text` folded for finding terms (NFKC, lower case, Latin-script
/// diacritics removed, as `unicode61 remove_diacritics 2` does), each folded
/// character with the byte range of the original character it came from.
fn fold(text: &str) -> Vec<(char, Range<usize>)> {
    let mut out = Vec::with_capacity(text.len());
    for (i, original) in text.char_indices() {
        let range = i..i + original.len_utf8();
        for c in original.nfkc().flat_map(char::to_lowercase) {
            if is_cjk(c) {
                out.push((c, range.clone()));
            } else {
                out.extend(
                    std::iter::once(c)
                        .nfd()
                        .filter(|d| !is_combining_mark(*d))
                        .map(|d| (d, range.clone())),
                );
            }
        }
    }
    out
}

fn fold_term(t: &Term) -> Vec<char> {
    let text: String = t.chars.iter().collect();
    fold(&text).into_iter().map(|(c, _)| c).collect()
}

/// A piece of text with the byte ranges of the query's terms in it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Snippet {
    pub text: String,
    /// Byte ranges into `text`, in order, not overlapping.
    pub highlights: Vec<Highlight>,
}

/// The byte range `start..end` of a match in a [`Snippet`]'s text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Highlight {
    pub start: usize,
    pub end: usize,
}

/// Where the query's terms occur in `text`: byte ranges, sorted and merged.
/// A word matches at a word start (and, unless it is a prefix, at a word
/// end); a CJK run matches anywhere.
pub fn match_ranges(text: &str, query: &str) -> Vec<Range<usize>> {
    let folded = fold(text);
    let chars: Vec<char> = folded.iter().map(|(c, _)| *c).collect();
    let mut ranges: Vec<Range<usize>> = Vec::new();
    for term in terms(query) {
        let needle = fold_term(&term);
        if needle.is_empty() || needle.len() > chars.len() {
            continue;
        }
        for start in 0..=chars.len() - needle.len() {
            let end = start + needle.len();
            if chars[start..end] != needle[..] {
                continue;
            }
            if !term.cjk {
                let starts_word = start == 0 || !is_word_char(chars[start - 1]);
                let ends_word = term.prefix || end == chars.len() || !is_word_char(chars[end]);
                if !(starts_word && ends_word) {
                    continue;
                }
            }
            ranges.push(folded[start].1.start..folded[end - 1].1.end);
        }
    }
    ranges.sort_by_key(|r| (r.start, r.end));
    let mut merged: Vec<Range<usize>> = Vec::with_capacity(ranges.len());
    for r in ranges {
        match merged.last_mut() {
            Some(last) if r.start <= last.end => last.end = last.end.max(r.end),
            _ => merged.push(r),
        }
    }
    merged
}

/// At most about `max_chars` characters of `text` around the first match of
/// `query`, with its matches highlighted; "…" marks a cut.
pub fn snippet(text: &str, query: &str, max_chars: usize) -> Snippet {
    let ranges = match_ranges(text, query);
    let boundaries: Vec<usize> = text
        .char_indices()
        .map(|(i, _)| i)
        .chain([text.len()])
        .collect();
    let n_chars = boundaries.len() - 1;
    if n_chars <= max_chars {
        return Snippet {
            text: text.to_owned(),
            highlights: ranges
                .into_iter()
                .map(|r| Highlight {
                    start: r.start,
                    end: r.end,
                })
                .collect(),
        };
    }
    // Start a fifth of the window before the first match.
    let first = ranges.first().map_or(0, |r| r.start);
    let first_char = boundaries.partition_point(|&b| b < first);
    let from_char = first_char
        .saturating_sub(max_chars / 5)
        .min(n_chars - max_chars);
    let to_char = from_char + max_chars;
    let (from, to) = (boundaries[from_char], boundaries[to_char]);
    let lead = if from > 0 { "…" } else { "" };
    let tail = if to < text.len() { "…" } else { "" };
    let shift = lead.len();
    let highlights = ranges
        .into_iter()
        .filter(|r| r.start < to && r.end > from)
        .map(|r| Highlight {
            start: r.start.max(from) - from + shift,
            end: r.end.min(to) - from + shift,
        })
        .collect();
    Snippet {
        text: format!("{lead}{}{tail}", &text[from..to]),
        highlights,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn marked(s: &Snippet) -> String {
        let mut out = String::new();
        let mut at = 0;
        for h in &s.highlights {
            out.push_str(&s.text[at..h.start]);
            out.push('[');
            out.push_str(&s.text[h.start..h.end]);
            out.push(']');
            at = h.end;
        }
        out.push_str(&s.text[at..]);
        out
    }

    #[test]
    fn cjk_runs_become_bigrams_and_their_last_character() {
        assert_eq!(
            index_text("注文番号")
                .split_whitespace()
                .collect::<Vec<_>>(),
            ["注文", "文番", "番号", "号"]
        );
        assert_eq!(
            index_text("ご注文番号は4711です。")
                .split_whitespace()
                .collect::<Vec<_>>(),
            [
                "ご注", "注文", "文番", "番号", "号は", "は", "4711", "です", "す", "。"
            ]
        );
        assert_eq!(index_text("確").trim(), "確");
        assert_eq!(index_text("Hallo Welt"), "Hallo Welt");
    }

    #[test]
    fn mixed_text_is_split_at_script_boundaries() {
        let tokens: Vec<String> = index_text("iPhoneの注文。コーヒー")
            .split(|c: char| c.is_whitespace() || c == '。')
            .filter(|t| !t.is_empty())
            .map(str::to_owned)
            .collect();
        assert_eq!(
            tokens,
            ["iPhone", "の注", "注文", "文", "コー", "ーヒ", "ヒー", "ー"]
        );
    }

    #[test]
    fn nfkc_widens_half_width_kana_and_narrows_full_width_latin() {
        assert_eq!(index_text("ｶﾀｶﾅ").split_whitespace().next(), Some("カタ"));
        assert_eq!(index_text("ＡＢＣ１２３"), "ABC123");
        assert_eq!(match_query("ＡＢＣ").unwrap(), "\"ABC\"*");
    }

    #[test]
    fn queries_are_quoted_terms_with_a_prefix_last() {
        assert_eq!(match_query("確認").unwrap(), "\"確認\"*");
        assert_eq!(
            match_query("番号の確認").unwrap(),
            "\"番号 号の の確 確認\"*"
        );
        assert_eq!(match_query("確").unwrap(), "\"確\"*");
        assert_eq!(
            match_query("Bestellung 4711").unwrap(),
            "\"Bestellung\" \"4711\"*"
        );
        assert_eq!(
            match_query("注文 確 済み").unwrap(),
            "\"注文\" \"確\"* \"済み\"*"
        );
        assert_eq!(match_query("reçue").unwrap(), "\"reçue\"*");
    }

    #[test]
    fn fts_syntax_in_a_query_is_text() {
        assert_eq!(match_query("\"foo OR").unwrap(), "\"foo\" \"OR\"*");
        assert_eq!(match_query("NEAR(").unwrap(), "\"NEAR\"*");
        assert_eq!(
            match_query("a* -b ^c col:d (e)").unwrap(),
            "\"a\" \"b\" \"c\" \"col\" \"d\" \"e\"*"
        );
        assert_eq!(match_query("  \"*():^-+ "), None);
        assert_eq!(match_query(""), None);
    }

    #[test]
    fn match_ranges_fold_case_diacritics_and_width() {
        let text = "Ihre Bestellungen wurden REÇUE, recue";
        assert_eq!(
            marked(&snippet(text, "recue bestellung", 200)),
            "Ihre [Bestellung]en wurden [REÇUE], [recue]"
        );
        // Only the last term is a prefix; words match at word boundaries.
        assert_eq!(
            marked(&snippet("order reorder orders", "order x", 200)),
            "[order] reorder orders"
        );
        assert_eq!(
            marked(&snippet(
                "ご注文番号の確認をお願いします",
                "番号の確認",
                200
            )),
            "ご注文[番号の確認]をお願いします"
        );
        assert_eq!(
            marked(&snippet("ｶﾀｶﾅで注文", "カタカナ", 200)),
            "[ｶﾀｶﾅ]で注文"
        );
        assert!(match_ranges("nothing here", "注文").is_empty());
    }

    #[test]
    fn long_texts_are_cut_around_the_first_match() {
        let text = format!("{}Bestellung 4711{}", "a ".repeat(100), " b".repeat(100));
        let s = snippet(&text, "4711", 40);
        assert!(
            s.text.starts_with('…') && s.text.ends_with('…'),
            "{}",
            s.text
        );
        assert_eq!(s.text.chars().count(), 42);
        assert_eq!(marked(&s).matches("[4711]").count(), 1, "{}", marked(&s));
        let start = snippet(&text, "zzz", 40);
        assert!(!start.text.starts_with('…') && start.highlights.is_empty());
        let cjk = "確認".repeat(50);
        let s = snippet(&cjk, "確認", 10);
        assert!(
            s.highlights
                .iter()
                .all(|h| s.text.is_char_boundary(h.start) && s.text.is_char_boundary(h.end))
        );
    }
}
