//! Share links (pure): round trips of the templates, the size limit, and clear errors that
//! never panic for truncated or garbled fragments.
#![cfg(not(target_arch = "wasm32"))]

use proptest::prelude::*;
use smsc::exchange::share::*;
use smsc::method::templates;
use smsc::model::{ImportError, Lang, Scorecard};

const AT: &str = "2026-04-01T12:00:00Z";

fn example(lang: Lang) -> Scorecard {
    templates::example("sc-3f9a0c1b7d2e".into(), lang)
}

#[test]
fn the_example_in_english_and_dutch_comes_back_identical() {
    for lang in Lang::ALL {
        let card = example(lang);
        let fragment = encode_share_fragment(&card, AT).expect("fits in a link");
        assert!(fragment.starts_with("#share="));
        assert!(fragment.len() <= MAX_SHARE_CHARS);
        assert!(
            fragment[7..]
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_'),
            "only base64url characters, no padding"
        );
        assert_eq!(decode_share_fragment(&fragment), Ok(card.clone()));
        // Also as a whole address, and without the '#'.
        let url = format!("https://example.org/team/scorecard/{fragment}");
        assert_eq!(decode_share_fragment(&url), Ok(card.clone()));
        assert_eq!(decode_share_fragment(&fragment[1..]), Ok(card));
        eprintln!("{lang:?}: {} characters", fragment.len());
    }
}

#[test]
fn unknown_fields_travel_with_the_link() {
    let mut card = example(Lang::En);
    card.extra
        .insert("x-tool".into(), serde_json::json!({"a": [1, "two"]}));
    let fragment = encode_share_fragment(&card, AT).expect("fits");
    assert_eq!(decode_share_fragment(&fragment), Ok(card));
}

#[test]
fn compact_json_drops_only_whitespace_outside_strings() {
    let pretty = "{\n  \"a\": \"x  y\\\" z\",\n  \"b\": [ 1, 2 ]\n}\n";
    assert_eq!(compact_json(pretty), "{\"a\":\"x  y\\\" z\",\"b\":[1,2]}");
}

#[test]
fn a_scorecard_too_large_for_a_link_says_so_and_suggests_the_file() {
    let mut card = example(Lang::En);
    // Text that does not compress: a pseudo-random mission in each objective.
    let mut seed: u64 = 42;
    for objective in &mut card.objectives {
        objective.description = (0..1900)
            .map(|_| {
                seed = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
                char::from(b'a' + ((seed >> 33) % 26) as u8)
            })
            .collect();
    }
    let err = encode_share_fragment(&card, AT).expect_err("too large");
    let ShareError::TooLarge { chars, limit } = err.clone() else {
        panic!("expected TooLarge, got {err:?}");
    };
    assert!(chars > limit);
    assert_eq!(limit, MAX_SHARE_CHARS);
    assert!(err.to_string().contains("Export it as a file"), "{err}");
}

#[test]
fn each_bad_link_gets_its_own_error() {
    let good = encode_share_fragment(&example(Lang::Nl), AT).expect("fits");
    assert_eq!(
        decode_share_fragment("https://example.org/#other=1"),
        Err(ShareError::NotAShareLink)
    );
    assert_eq!(decode_share_fragment(""), Err(ShareError::NotAShareLink));
    assert!(matches!(
        decode_share_fragment("#share="),
        Err(ShareError::Damaged { .. })
    ));
    assert!(matches!(
        decode_share_fragment("#share=ab$cd"),
        Err(ShareError::Damaged { .. })
    ));
    // Cut off half-way: the deflate stream is incomplete.
    let cut = &good[..good.len() / 2];
    let err = decode_share_fragment(cut).expect_err("damaged");
    assert!(matches!(err, ShareError::Damaged { .. }), "{err:?}");
    assert!(err.to_string().contains("damaged"));
    let long = format!("#share={}", "A".repeat(MAX_SHARE_CHARS));
    assert!(matches!(
        decode_share_fragment(&long),
        Err(ShareError::TooLarge { .. })
    ));
    // Well-formed data that is not a scorecard: the model's import error.
    let not_card = pack("{\"hello\": 1}");
    assert!(matches!(
        decode_share_fragment(&not_card),
        Err(ShareError::Import(ImportError::NotScorecardFile { .. }))
    ));
    let newer = pack("{\"format\":\"social-media-scorecard\",\"version\":99,\"scorecard\":{}}");
    assert!(matches!(
        decode_share_fragment(&newer),
        Err(ShareError::Import(ImportError::NewerVersion {
            found: 99,
            ..
        }))
    ));
    assert!(matches!(
        decode_share_fragment(&pack("not json")),
        Err(ShareError::Import(ImportError::NotJson { .. }))
    ));
}

/// A fragment holding `text` packed the way share links are.
fn pack(text: &str) -> String {
    let packed = miniz_oxide::deflate::compress_to_vec_zlib(text.as_bytes(), 6);
    format!("#share={}", base64url_encode(&packed))
}

#[test]
fn base64url_follows_rfc_4648() {
    for (plain, coded) in [
        ("", ""),
        ("f", "Zg"),
        ("fo", "Zm8"),
        ("foo", "Zm9v"),
        ("foob", "Zm9vYg"),
        ("fooba", "Zm9vYmE"),
        ("foobar", "Zm9vYmFy"),
    ] {
        assert_eq!(base64url_encode(plain.as_bytes()), coded);
        assert_eq!(base64url_decode(coded).as_deref(), Some(plain.as_bytes()));
    }
    assert_eq!(base64url_encode(&[0xfb, 0xff]), "-_8");
    assert_eq!(base64url_decode("-_8="), Some(vec![0xfb, 0xff]));
    assert_eq!(base64url_decode("+/8"), Some(vec![0xfb, 0xff]));
    assert_eq!(base64url_decode("Zm9vY"), None, "an impossible length");
    assert_eq!(base64url_decode("Zm9v!"), None);
}

#[test]
fn a_link_that_unpacks_beyond_the_file_limit_is_refused() {
    let bomb = " ".repeat(smsc::exchange::share::MAX_SHARE_UNPACKED_BYTES + 10);
    let fragment = pack(&bomb);
    assert!(fragment.len() < MAX_SHARE_CHARS, "{}", fragment.len());
    assert!(matches!(
        decode_share_fragment(&fragment),
        Err(ShareError::Damaged { .. })
    ));
}

/// What a changed link must give: the same scorecard, or a refusal as damaged with a reason
/// (never a different scorecard, never a panic, never another kind of error). The zlib
/// checksum (Adler-32 of the unpacked text, the last 4 bytes of the packed data, so the last
/// 6 characters of the link) catches every change of the data; a change can give the same
/// data only when it replaces `-` by `+` or `_` by `/` (read alike), touches the unused low
/// bits of the last character, or the padding bits of the last deflate byte.
fn same_or_damaged(link: &str, card: &Scorecard) -> Result<(), TestCaseError> {
    match decode_share_fragment(link) {
        Ok(read) => prop_assert_eq!(&read, card, "a changed link opened another scorecard"),
        Err(ShareError::Damaged { reason }) => prop_assert!(!reason.is_empty()),
        Err(other) => prop_assert!(false, "{:?}: not refused as damaged", other),
    }
    Ok(())
}

/// The link of the English example: about 4,050 characters (2,450 before its two daily input
/// series of 90 points each came in).
fn example_link() -> (Scorecard, String) {
    let card = example(Lang::En);
    let link = encode_share_fragment(&card, AT).expect("fits");
    assert!((3_500..4_500).contains(&link.len()), "{}", link.len());
    (card, link)
}

/// Every cut of the link, from nothing to all of it: too short for `#share=` is not a share
/// link, `#share=` alone and every cut after it is damaged, only the whole link opens.
#[test]
fn every_cut_of_a_link_is_refused_and_only_the_whole_link_opens() {
    let (card, link) = example_link();
    for cut in 0..=link.len() {
        let result = decode_share_fragment(&link[..cut]);
        match cut {
            0..=6 => assert_eq!(result, Err(ShareError::NotAShareLink), "cut at {cut}"),
            c if c == link.len() => assert_eq!(result.as_ref(), Ok(&card)),
            _ => assert!(
                matches!(&result, Err(ShareError::Damaged { .. })),
                "cut at {cut}: {result:?}"
            ),
        }
    }
}

/// Every character of the checksum part (the last 8 characters) replaced by every other
/// base64url character. The packed data is `payload length × 6 / 8` bytes, the last 4 of
/// them the Adler-32 checksum. A character whose bits all lie in the checksum: a change of
/// its data bits must be refused as damaged, a change of only its unused low bits (the last
/// character) must still open. A character that also holds the end of the deflate data:
/// damaged, or (a change of the last deflate byte's padding bits) the same scorecard.
#[test]
fn every_change_in_the_checksum_part_is_refused() {
    let (card, link) = example_link();
    let alphabet = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    let sextet = |c: u8| alphabet.iter().position(|a| *a == c).expect("base64url");
    let payload_len = link.len() - 7;
    let bytes = payload_len * 6 / 8;
    let checksum_from_bit = 8 * (bytes - 4);
    let (mut refused, mut checksum_chars) = (0, 0);
    for c in payload_len - 8..payload_len {
        let at = 7 + c;
        let old = link.as_bytes()[at];
        // Bits of this character that are data (the rest are unused low bits).
        let data_bits = (8 * bytes - 6 * c).min(6);
        let in_checksum = 6 * c >= checksum_from_bit;
        checksum_chars += usize::from(in_checksum);
        for &ch in alphabet {
            if ch == old {
                continue;
            }
            let mut garbled = link.clone().into_bytes();
            garbled[at] = ch;
            let garbled = String::from_utf8(garbled).expect("ascii");
            let data_changed = sextet(ch) >> (6 - data_bits) != sextet(old) >> (6 - data_bits);
            let result = decode_share_fragment(&garbled);
            match (&result, in_checksum, data_changed) {
                (Err(ShareError::Damaged { .. }), _, true) => refused += 1,
                (Ok(read), true, false) => assert_eq!(read, &card),
                (Ok(read), false, true) => assert_eq!(read, &card, "padding bits"),
                _ => panic!(
                    "character {c} {:?} → {:?} (checksum: {in_checksum}, data changed: {data_changed}): {result:?}",
                    char::from(old),
                    char::from(ch)
                ),
            }
        }
    }
    // 4 checksum bytes are 32 bits: at least 5 characters lie wholly within them.
    assert!(checksum_chars >= 5, "{checksum_chars}");
    assert!(refused >= 5 * 48, "only {refused} refused");
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    /// A real link cut anywhere or with one character changed anywhere, the prefix and the
    /// checksum included: the same scorecard or a clear refusal.
    #[test]
    fn truncated_or_garbled_links_give_an_error_or_the_same_scorecard(
        cut in 0usize..3_000,
        pos in 0usize..3_000,
        ch in prop::sample::select(b"AZaz09-_+/=% #".to_vec()),
    ) {
        let (card, good) = example_link();
        let cut = cut % (good.len() + 1);
        let truncated = &good[..cut];
        match decode_share_fragment(truncated) {
            Ok(read) => {
                prop_assert_eq!(cut, good.len(), "a cut link opened");
                prop_assert_eq!(&read, &card);
            }
            Err(ShareError::NotAShareLink) => prop_assert!(cut < 7),
            Err(ShareError::Damaged { .. }) => prop_assert!(cut >= 7),
            Err(other) => prop_assert!(false, "cut at {}: {:?}", cut, other),
        }
        let at = pos % good.len();
        let mut garbled = good.clone().into_bytes();
        let old = garbled[at];
        garbled[at] = ch;
        let garbled = String::from_utf8(garbled).expect("ascii");
        if at < 7 {
            // The prefix `#share=`: a changed prefix is no share link, except a space for
            // the `#` (trimmed, and `share=…` is read too) or the same character.
            match decode_share_fragment(&garbled) {
                Ok(read) => {
                    prop_assert!(old == ch || (at == 0 && ch == b' '), "{:?}", garbled);
                    prop_assert_eq!(&read, &card);
                }
                Err(e) => prop_assert_eq!(e, ShareError::NotAShareLink),
            }
        } else {
            same_or_damaged(&garbled, &card)?;
            // The same character, or one read alike, must still open.
            if old == ch || (old, ch) == (b'-', b'+') || (old, ch) == (b'_', b'/') {
                prop_assert_eq!(decode_share_fragment(&garbled), Ok(card));
            }
        }
    }

    /// base64url round trip for any bytes, and the standard test vectors.
    #[test]
    fn base64url_gives_back_any_bytes(bytes in proptest::collection::vec(any::<u8>(), 0..200)) {
        let text = base64url_encode(&bytes);
        prop_assert_eq!(text.len(), (bytes.len() * 4).div_ceil(3));
        prop_assert_eq!(base64url_decode(&text), Some(bytes));
    }

    /// Well-packed data holding a changed scorecard file (characters inserted and removed
    /// anywhere in the JSON, sometimes broken UTF-8): a link that opens holds a valid
    /// scorecard that makes a link of its own and opens again the same; a refused link is
    /// refused for what is in it (the file's import error, or "not text" for broken UTF-8),
    /// never as damaged packing.
    #[test]
    fn packed_changed_files_open_soundly_or_give_the_files_error(
        cut in 0usize..20_000,
        insert in prop::sample::select(vec!["", "\"", "}", "]", "{", ",", "null", "-1e400", "\"x\":", "\"2026-13-01\"", "\u{0}", "9999999999999999999999"]),
        drop in 0usize..200,
        broken_utf8 in any::<bool>(),
    ) {
        let json = compact_json(&smsc::model::export_json(&example(Lang::Nl), AT, "0.1.0"));
        let mut bytes = json.into_bytes();
        let at = cut % (bytes.len() + 1);
        let end = (at + drop).min(bytes.len());
        bytes.splice(at..end, insert.bytes());
        if broken_utf8 {
            bytes.insert(at.min(bytes.len()), 0xff);
        }
        let text = String::from_utf8(bytes.clone());
        let packed = miniz_oxide::deflate::compress_to_vec_zlib(&bytes, 6);
        let link = format!("#share={}", base64url_encode(&packed));
        prop_assert!(link.len() <= MAX_SHARE_CHARS);
        match (decode_share_fragment(&link), text) {
            (Ok(card), Ok(text)) => {
                prop_assert_eq!(smsc::model::import_json(&text), Ok(card.clone()));
                prop_assert!(smsc::model::validate(&card).is_empty());
                let again = encode_share_fragment(&card, AT).expect("fits");
                prop_assert_eq!(decode_share_fragment(&again), Ok(card));
            }
            // Exactly the error the same text gets as a file.
            (Err(ShareError::Import(e)), Ok(text)) => {
                prop_assert_eq!(Err(e), smsc::model::import_json(&text));
            }
            (Err(ShareError::Damaged { reason }), Err(_)) => {
                prop_assert!(reason.contains("not text"), "{}", reason);
            }
            (other, text) => prop_assert!(false, "{:?} for text {:?}", other, text.is_ok()),
        }
    }

    /// A link of random base64url data after a valid prefix: the checksum (or the zlib
    /// header before it) refuses it as damaged; a length no base64 can have too.
    #[test]
    fn random_data_after_the_prefix_is_refused_as_damaged(payload in "[A-Za-z0-9_-]{0,600}") {
        let link = format!("https://example.org/app/#share={payload}");
        match decode_share_fragment(&link) {
            Err(ShareError::Damaged { reason }) => prop_assert!(!reason.is_empty()),
            other => prop_assert!(false, "{:?}", other),
        }
    }

    /// Arbitrary text never panics; text without `share=` is no share link.
    #[test]
    fn arbitrary_text_is_no_share_link_or_refused(text in ".{0,300}") {
        let result = decode_share_fragment(&text);
        if !text.contains("share=") {
            prop_assert_eq!(result, Err(ShareError::NotAShareLink));
        }
        let result = decode_share_fragment(&format!("#share={text}"));
        prop_assert!(
            matches!(result, Err(ShareError::Damaged { .. }) | Err(ShareError::TooLarge { .. })),
            "{:?}", result
        );
    }
}
