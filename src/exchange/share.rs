//! Share links: a scorecard carried in the page address after `#share=`, as
//! base64url(zlib-wrapped deflate(compact JSON file envelope)). The zlib checksum (Adler-32)
//! makes a changed link fail as damaged instead of opening a different scorecard.
//!
//! Pure; the browser only reads and writes `location.hash`. The fragment (after `#`) is
//! never sent to any server, so a shared scorecard travels only inside the link itself.

use crate::i18n::messages::import_error_text;
use crate::library::APP_VERSION;
use crate::model::{ImportError, Lang, Scorecard, export_json, import_json};

/// What a share fragment starts with.
pub const SHARE_PREFIX: &str = "#share=";

/// The longest share fragment made or read, in characters, `#share=` included.
///
/// Browsers accept far longer addresses, but links travel through e-mail, chat and office
/// tools, several of which cut or refuse very long ones. 8,000 is the length RFC 9110
/// (§4.1) recommends every party support for a URI, so a link within it survives being
/// pasted around; a scorecard that does not fit is better sent as a file.
pub const MAX_SHARE_CHARS: usize = 8_000;

/// The most a share link may unpack to, in bytes. A link within [`MAX_SHARE_CHARS`] holds a
/// scorecard of some tens of kilobytes; anything that unpacks far beyond is damaged or built
/// to exhaust memory.
pub const MAX_SHARE_UNPACKED_BYTES: usize = 1024 * 1024;

/// Deflate level: the best compression miniz has short of its slow "uber" level.
const LEVEL: u8 = 9;

/// Why a share link could not be made or read.
#[derive(Clone, PartialEq, Debug, thiserror::Error)]
pub enum ShareError {
    /// The text is not a share link.
    #[error("This is not a scorecard share link: it has no \"#share=\" part.")]
    NotAShareLink,
    /// The link was cut off or changed on the way.
    #[error(
        "This share link is damaged ({reason}). Ask the sender for the link again, or for the file."
    )]
    Damaged {
        /// What is wrong, in words.
        reason: String,
    },
    /// The scorecard does not fit in a link (or the link is longer than links may be).
    #[error(
        "This scorecard is too large for a link ({chars} characters; a link may hold at most {limit}). Export it as a file and send the file instead."
    )]
    TooLarge {
        /// The length of the fragment.
        chars: usize,
        /// [`MAX_SHARE_CHARS`].
        limit: usize,
    },
    /// The link holds data, but not a scorecard the app can open.
    #[error("{0}")]
    Import(#[from] ImportError),
}

/// The share fragment (`#share=…`) for a scorecard; `saved_at` is an ISO 8601 timestamp.
pub fn encode_share_fragment(card: &Scorecard, saved_at: &str) -> Result<String, ShareError> {
    let json = compact_json(&export_json(card, saved_at, APP_VERSION));
    let packed = miniz_oxide::deflate::compress_to_vec_zlib(json.as_bytes(), LEVEL);
    let fragment = format!("{SHARE_PREFIX}{}", base64url_encode(&packed));
    if fragment.len() > MAX_SHARE_CHARS {
        return Err(ShareError::TooLarge {
            chars: fragment.len(),
            limit: MAX_SHARE_CHARS,
        });
    }
    Ok(fragment)
}

/// Reads a scorecard from a share link: a whole address, `#share=…` or `share=…`.
/// Never panics; every failure has its own [`ShareError`].
pub fn decode_share_fragment(text: &str) -> Result<Scorecard, ShareError> {
    let text = text.trim();
    let fragment = match text.find('#') {
        Some(i) => &text[i + 1..],
        None => text,
    };
    let payload = fragment
        .strip_prefix(&SHARE_PREFIX[1..])
        .ok_or(ShareError::NotAShareLink)?
        .trim();
    let chars = SHARE_PREFIX.len() + payload.chars().count();
    if chars > MAX_SHARE_CHARS {
        return Err(ShareError::TooLarge {
            chars,
            limit: MAX_SHARE_CHARS,
        });
    }
    if payload.is_empty() {
        return Err(damaged("the link holds no data after \"#share=\""));
    }
    let packed = base64url_decode(payload).ok_or_else(|| {
        damaged(
            "it holds characters or a length a share link cannot have; it may have been cut off",
        )
    })?;
    let json =
        miniz_oxide::inflate::decompress_to_vec_zlib_with_limit(&packed, MAX_SHARE_UNPACKED_BYTES)
            .map_err(|e| match e.status {
                miniz_oxide::inflate::TINFLStatus::HasMoreOutput => {
                    damaged("it unpacks to more than a shared scorecard can hold")
                }
                _ => damaged("its data is incomplete or changed; it may have been cut off"),
            })?;
    let json = String::from_utf8(json).map_err(|_| damaged("its data is not text"))?;
    Ok(import_json(&json)?)
}

fn damaged(reason: &str) -> ShareError {
    ShareError::Damaged {
        reason: reason.to_string(),
    }
}

/// JSON text without the whitespace outside strings (the order of fields is kept).
pub fn compact_json(json: &str) -> String {
    let mut out = String::with_capacity(json.len());
    let mut in_string = false;
    let mut escaped = false;
    for c in json.chars() {
        if in_string {
            out.push(c);
            if escaped {
                escaped = false;
            } else if c == '\\' {
                escaped = true;
            } else if c == '"' {
                in_string = false;
            }
        } else if c == '"' {
            in_string = true;
            out.push(c);
        } else if !c.is_whitespace() {
            out.push(c);
        }
    }
    out
}

/// The base64url alphabet (RFC 4648 §5).
const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

/// base64url without padding (RFC 4648 §5). Written here rather than taken from a crate:
/// the few lines cost far less in the page than a general-purpose base64 library.
pub fn base64url_encode(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let n = chunk
            .iter()
            .enumerate()
            .fold(0u32, |n, (i, b)| n | (u32::from(*b) << (16 - 8 * i)));
        for i in 0..=chunk.len() {
            out.push(char::from(ALPHABET[((n >> (18 - 6 * i)) & 63) as usize]));
        }
    }
    out
}

/// Reads base64url, with or without `=` padding; `+` and `/` (standard base64) are accepted
/// too. `None` for any other character or an impossible length.
pub fn base64url_decode(text: &str) -> Option<Vec<u8>> {
    let bytes = text.trim_end_matches('=').as_bytes();
    if bytes.len() % 4 == 1 {
        return None;
    }
    let mut out = Vec::with_capacity(bytes.len() / 4 * 3 + 2);
    for chunk in bytes.chunks(4) {
        let mut n = 0u32;
        for (i, c) in chunk.iter().enumerate() {
            n |= sextet(*c)? << (18 - 6 * i);
        }
        for i in 0..chunk.len() - 1 {
            out.push(((n >> (16 - 8 * i)) & 0xff) as u8);
        }
    }
    Some(out)
}

fn sextet(c: u8) -> Option<u32> {
    let v = match c {
        b'A'..=b'Z' => c - b'A',
        b'a'..=b'z' => c - b'a' + 26,
        b'0'..=b'9' => c - b'0' + 52,
        b'-' | b'+' => 62,
        b'_' | b'/' => 63,
        _ => return None,
    };
    Some(u32::from(v))
}

/// A share-link refusal in the interface language.
pub fn share_error_text(error: &ShareError, lang: Lang) -> String {
    match (error, lang) {
        (_, Lang::En) => error.to_string(),
        (ShareError::NotAShareLink, Lang::Nl) => {
            "Dit is geen gedeelde scorecardlink: er staat geen \"#share=\" in.".to_string()
        }
        (ShareError::Damaged { reason }, Lang::Nl) => format!(
            "Deze gedeelde link is beschadigd ({reason}). Vraag de afzender opnieuw om de link, of om het bestand."
        ),
        (ShareError::TooLarge { chars, limit }, Lang::Nl) => format!(
            "Deze scorecard is te groot voor een link ({chars} tekens; een link mag er hoogstens {limit} hebben). Exporteer hem als bestand en stuur het bestand."
        ),
        (ShareError::Import(e), Lang::Nl) => import_error_text(e, lang),
    }
}
