//! Finds web and mail links in user text so the UI can make them live. Only `http:`,
//! `https:` and `mailto:` become links; everything else (including `javascript:`) stays text.

/// A piece of user text: plain text, or a link to make live.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Segment {
    /// Shown as text.
    Text(String),
    /// Shown as a link to this address (the visible text is the same address).
    Link(String),
}

const SCHEMES: [&str; 3] = ["https://", "http://", "mailto:"];

/// Splits `text` into text and link segments.
pub fn linkify(text: &str) -> Vec<Segment> {
    let mut out = Vec::new();
    let mut plain = String::new();
    let mut rest = text;
    while !rest.is_empty() {
        let lower = rest.to_ascii_lowercase();
        let found = SCHEMES
            .iter()
            .filter_map(|s| lower.find(s).map(|at| (at, *s)))
            .min();
        let Some((at, scheme)) = found else {
            plain.push_str(rest);
            break;
        };
        // A scheme glued to a word (e.g. "xhttps://") is not a link.
        let glued = rest[..at]
            .chars()
            .last()
            .is_some_and(|c| c.is_alphanumeric());
        let end = rest[at..]
            .find(|c: char| c.is_whitespace() || matches!(c, '<' | '>' | '"' | '\''))
            .map_or(rest.len(), |e| at + e);
        let mut link = &rest[at..end];
        while link.ends_with(['.', ',', ';', ':', '!', '?', ')']) {
            link = &link[..link.len() - 1];
        }
        let link_end = at + link.len();
        if glued || link.len() <= scheme.len() {
            plain.push_str(&rest[..link_end.max(at + scheme.len())]);
            rest = &rest[link_end.max(at + scheme.len())..];
            continue;
        }
        plain.push_str(&rest[..at]);
        if !plain.is_empty() {
            out.push(Segment::Text(std::mem::take(&mut plain)));
        }
        out.push(Segment::Link(link.to_string()));
        rest = &rest[link_end..];
    }
    if !plain.is_empty() {
        out.push(Segment::Text(plain));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t(s: &str) -> Segment {
        Segment::Text(s.into())
    }
    fn l(s: &str) -> Segment {
        Segment::Link(s.into())
    }

    #[test]
    fn web_and_mail_links_become_links() {
        assert_eq!(
            linkify("See https://example.org/a?b=1, or mail mailto:pm@example.org."),
            vec![
                t("See "),
                l("https://example.org/a?b=1"),
                t(", or mail "),
                l("mailto:pm@example.org"),
                t(".")
            ]
        );
        assert_eq!(linkify("HTTP://X.NL"), vec![l("HTTP://X.NL")]);
    }

    #[test]
    fn other_schemes_and_markup_stay_text() {
        for text in [
            "javascript:alert(1)",
            "<a href=\"javascript:alert(1)\">x</a>",
            "data:text/html,<script>alert(1)</script>",
            "plain words",
            "xhttps://glued.example",
            "http://",
        ] {
            assert!(
                linkify(text).iter().all(|s| matches!(s, Segment::Text(_))),
                "{text} gave {:?}",
                linkify(text)
            );
            let joined: String = linkify(text)
                .into_iter()
                .map(|s| match s {
                    Segment::Text(x) | Segment::Link(x) => x,
                })
                .collect();
            assert_eq!(joined, text);
        }
    }

    #[test]
    fn a_link_stops_at_quotes_and_angle_brackets() {
        assert_eq!(
            linkify("<https://a.example/x>\"https://b.example\""),
            vec![
                t("<"),
                l("https://a.example/x"),
                t(">\""),
                l("https://b.example"),
                t("\"")
            ]
        );
    }
}
