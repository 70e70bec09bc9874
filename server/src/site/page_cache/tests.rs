//! Which requests and answers the cache keeps, and what it evicts first.

use super::*;

#[test]
fn only_a_session_cookie_counts_as_signed_in() {
    let mut headers = HeaderMap::new();
    headers.insert(
        header::COOKIE,
        HeaderValue::from_static("lg_csrf=abc; theme=dark"),
    );
    assert!(!signed_in(&headers));
    headers.append(
        header::COOKIE,
        HeaderValue::from_static("other=1; lg_session=token"),
    );
    assert!(signed_in(&headers));
}

#[test]
fn the_workspace_health_and_site_files_are_never_kept() {
    for live in ["/staff", "/staff/draft", "/healthz", "/pkg/localgoals.css"] {
        assert!(is_live(live), "{live}");
    }
    for page in [
        "/",
        "/indicators/poverty-rate",
        "/staffing",
        "/api/v1/goals",
    ] {
        assert!(!is_live(page), "{page}");
    }
}

#[test]
fn text_is_compressed_and_images_and_archives_are_not() {
    for kind in [
        "text/html; charset=utf-8",
        "application/json",
        "application/atom+xml",
        "image/svg+xml",
        "text/csv",
    ] {
        assert!(worth_compressing(kind), "{kind}");
    }
    for kind in [
        "image/png",
        "application/zip",
        "application/vnd.apache.parquet",
    ] {
        assert!(!worth_compressing(kind), "{kind}");
    }
}

#[test]
fn eviction_drops_the_least_recently_used_first() {
    let entry = |used: u64| {
        Arc::new(Entry {
            headers: HeaderMap::new(),
            etag: HeaderValue::from_static("W/\"x\""),
            plain: Bytes::from(vec![b'x'; 488]),
            brotli: None,
            gzip: None,
            used: AtomicU64::new(used),
        })
    };
    let key = |target: &str| Key {
        post: false,
        target: target.to_owned(),
        language: None,
        content_type: None,
        body: Bytes::new(),
    };
    let mut kept = Kept::default();
    for (target, used) in [("/a", 3), ("/b", 1), ("/c", 2)] {
        let e = entry(used);
        kept.bytes += e.size();
        kept.entries.insert(key(target), e);
    }
    // Each entry takes 1,000 bytes: keep two.
    evict(&mut kept, 2_000);
    let mut left: Vec<_> = kept.entries.keys().map(|k| k.target.clone()).collect();
    left.sort();
    assert_eq!(left, ["/a", "/c"]);
    assert_eq!(kept.bytes, 2_000);
}
