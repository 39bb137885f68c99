//! A server-sent events reader (the WHATWG event-stream format): bytes in,
//! events out. Lines end with LF, CRLF or CR; a blank line dispatches the
//! event; `:` starts a comment (the hub's heartbeat); `data` lines join
//! with newlines; the `id` persists until another one comes.

/// One event: its data (events without data are not dispatched) and the
/// last event id seen.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct SseEvent {
    pub id: Option<String>,
    pub data: String,
}

#[derive(Debug, Default)]
pub(crate) struct SseParser {
    line: Vec<u8>,
    data: String,
    has_data: bool,
    id: Option<String>,
    /// The last byte was a CR: a LF right after it ends no other line.
    after_cr: bool,
}

impl SseParser {
    pub(crate) fn new() -> SseParser {
        SseParser::default()
    }

    /// Reads `bytes` (any split: a line or a UTF-8 character may span
    /// chunks) and returns the events they complete.
    pub(crate) fn push(&mut self, mut bytes: &[u8]) -> Vec<SseEvent> {
        let mut out = Vec::new();
        if self.after_cr && bytes.first() == Some(&b'\n') {
            bytes = &bytes[1..];
        }
        self.after_cr = false;
        while let Some(end) = bytes.iter().position(|b| *b == b'\n' || *b == b'\r') {
            self.line.extend_from_slice(&bytes[..end]);
            self.end_line(&mut out);
            let cr = bytes[end] == b'\r';
            bytes = &bytes[end + 1..];
            if cr {
                if bytes.first() == Some(&b'\n') {
                    bytes = &bytes[1..];
                } else if bytes.is_empty() {
                    self.after_cr = true;
                }
            }
        }
        self.line.extend_from_slice(bytes);
        out
    }

    fn end_line(&mut self, out: &mut Vec<SseEvent>) {
        let line = String::from_utf8_lossy(&self.line).into_owned();
        self.line.clear();
        if line.is_empty() {
            if self.has_data {
                out.push(SseEvent {
                    id: self.id.clone(),
                    data: std::mem::take(&mut self.data),
                });
            }
            self.data.clear();
            self.has_data = false;
            return;
        }
        if line.starts_with(':') {
            return;
        }
        let (field, value) = match line.split_once(':') {
            Some((field, value)) => (field, value.strip_prefix(' ').unwrap_or(value)),
            None => (line.as_str(), ""),
        };
        match field {
            "data" => {
                if self.has_data {
                    self.data.push('\n');
                }
                self.data.push_str(value);
                self.has_data = true;
            }
            "id" if !value.contains('\0') => self.id = Some(value.to_owned()),
            // `event`, `retry` and unknown fields: nothing the hub uses.
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ev(id: Option<&str>, data: &str) -> SseEvent {
        SseEvent {
            id: id.map(str::to_owned),
            data: data.to_owned(),
        }
    }

    #[test]
    fn events_comments_and_heartbeats() {
        let mut p = SseParser::new();
        let got = p.push(
            b": heartbeat\n\nid: 7\ndata: {\"seq\":7}\n\n:heartbeat\n\nid:8\ndata:{\"seq\":8}\n\n",
        );
        assert_eq!(
            got,
            [ev(Some("7"), "{\"seq\":7}"), ev(Some("8"), "{\"seq\":8}")]
        );
    }

    #[test]
    fn any_split_of_the_bytes_reads_the_same() {
        let text =
            "id: 1\r\ndata: caf\u{e9} 注文\r\n\r\nid: 2\rdata: a\rdata: b\r\rdata: no id\n\n";
        let whole = SseParser::new().push(text.as_bytes());
        assert_eq!(
            whole,
            [
                ev(Some("1"), "caf\u{e9} 注文"),
                ev(Some("2"), "a\nb"),
                ev(Some("2"), "no id"),
            ]
        );
        let bytes = text.as_bytes();
        for cut in 0..bytes.len() {
            let mut p = SseParser::new();
            let mut got = p.push(&bytes[..cut]);
            got.extend(p.push(&bytes[cut..]));
            assert_eq!(got, whole, "cut at {cut}");
        }
        // one byte at a time
        let mut p = SseParser::new();
        let got: Vec<SseEvent> = bytes.iter().flat_map(|b| p.push(&[*b])).collect();
        assert_eq!(got, whole);
    }

    #[test]
    fn an_unfinished_event_waits_and_an_event_without_data_is_not_dispatched() {
        let mut p = SseParser::new();
        assert!(p.push(b"id: 3\n\nid: 4\ndata: x").is_empty());
        assert!(p.push(b"\n").is_empty());
        assert_eq!(p.push(b"\n"), [ev(Some("4"), "x")]);
        assert_eq!(p.push(b"data\n\n"), [ev(Some("4"), "")]);
        assert_eq!(
            p.push(b"event: x\nretry: 5\ndata: y\n\n"),
            [ev(Some("4"), "y")]
        );
    }
}
