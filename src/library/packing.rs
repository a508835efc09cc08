//! How a scorecard's text is packed into browser storage (storage layout 2): the compact
//! file envelope, deflated (zlib) and written as base64url after a marker, about a seventh of
//! the plain text's size, so several years-long scorecards fit in the browser's ≈ 5 million
//! characters. Plain JSON (layout 1, and backups) is still read. See docs/storage.md.

use std::borrow::Cow;

use crate::exchange::share::{base64url_decode, base64url_encode};
use crate::model::limits::MAX_FILE_BYTES;

/// What a packed text starts with; a plain one starts with `{`.
pub const PACKED_MARKER: &str = "smsc-zlib1:";

/// Deflate level: level 3 packs the stress scorecard's 4.2 million characters to 0.58 MB in
/// ≈ 40 ms natively; level 6 gains 8 % more and takes five times as long (docs/storage.md).
const LEVEL: u8 = 3;

/// Packs the text of a scorecard file for storage.
pub fn pack(text: &str) -> String {
    let packed = miniz_oxide::deflate::compress_to_vec_zlib(text.as_bytes(), LEVEL);
    let mut out = String::with_capacity(PACKED_MARKER.len() + packed.len().div_ceil(3) * 4);
    out.push_str(PACKED_MARKER);
    out.push_str(&base64url_encode(&packed));
    out
}

/// Whether a stored text is packed (else it is read as plain JSON).
pub fn is_packed(stored: &str) -> bool {
    stored.starts_with(PACKED_MARKER)
}

/// The scorecard file held by a stored text: a packed text unpacked, any other text as it is
/// (plain JSON, which the file import checks). Why a packed text cannot be unpacked, in words.
pub fn unpack(stored: &str) -> Result<Cow<'_, str>, String> {
    let Some(payload) = stored.strip_prefix(PACKED_MARKER) else {
        return Ok(Cow::Borrowed(stored));
    };
    let packed = base64url_decode(payload.trim())
        .ok_or("the packed text is damaged: it holds characters base64url does not use")?;
    let bytes = miniz_oxide::inflate::decompress_to_vec_zlib_with_limit(&packed, MAX_FILE_BYTES)
        .map_err(|e| match e.status {
            miniz_oxide::inflate::TINFLStatus::HasMoreOutput => format!(
                "the packed text unpacks to more than {} MB, more than a scorecard file may hold",
                MAX_FILE_BYTES / 1_000_000
            ),
            _ => {
                "the packed text is damaged: it does not unpack (cut short or changed)".to_string()
            }
        })?;
    String::from_utf8(bytes)
        .map(Cow::Owned)
        .map_err(|_| "the packed text is damaged: it unpacks to something that is not text".into())
}
