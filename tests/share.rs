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

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    /// A real link cut anywhere or with one character changed never panics, and never
    /// gives a different scorecard.
    #[test]
    fn truncated_or_garbled_links_give_an_error_or_the_same_scorecard(
        cut in 0usize..2000,
        pos in 0usize..2000,
        ch in prop::sample::select(b"AZaz09-_+/=% #".to_vec()),
    ) {
        let card = example(Lang::En);
        let good = encode_share_fragment(&card, AT).expect("fits");
        let truncated = &good[..cut.min(good.len())];
        if let Ok(read) = decode_share_fragment(truncated) {
            prop_assert_eq!(&read, &card);
        }
        let mut garbled = good.clone().into_bytes();
        let at = 7 + pos % (garbled.len() - 7);
        garbled[at] = ch;
        let garbled = String::from_utf8(garbled).expect("ascii");
        if let Ok(read) = decode_share_fragment(&garbled) {
            // The checksum catches a changed link; only a change to unused bits of the
            // last character can give the same data.
            prop_assert_eq!(&read, &card);
        }
    }

    /// base64url round trip for any bytes, and the standard test vectors.
    #[test]
    fn base64url_gives_back_any_bytes(bytes in proptest::collection::vec(any::<u8>(), 0..200)) {
        let text = base64url_encode(&bytes);
        prop_assert_eq!(text.len(), (bytes.len() * 4).div_ceil(3));
        prop_assert_eq!(base64url_decode(&text), Some(bytes));
    }

    /// Arbitrary text never panics.
    #[test]
    fn arbitrary_text_never_panics(text in ".{0,300}") {
        let _ = decode_share_fragment(&text);
        let _ = decode_share_fragment(&format!("#share={text}"));
    }
}
