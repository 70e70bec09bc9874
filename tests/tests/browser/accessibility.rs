//! WCAG 2.1 AA in the browser: axe-core (from npm, installed by
//! `scripts/setup.sh --browser`) injected into every page type in English
//! and Dutch, and the pages driven by keyboard alone: the skip link, every
//! control reached with Tab, a selector changed with the arrow keys, the live
//! region's announcement, a search typed and sent with Enter.

use std::collections::BTreeSet;
use std::path::PathBuf;

use fantoccini::actions::{InputSource, KeyAction, KeyActions};
use fantoccini::key::Key;
use fantoccini::Locator;
use serde_json::Value;

use crate::harness::{Ctx, Js};

/// One page of each type; each is opened in English and in Dutch.
const PAGE_TYPES: [&str; 15] = [
    "/",
    "/goals/1",
    "/indicators/poverty-rate",
    "/indicators/rent-burden?Stadtteil=S%C3%BCdfeld",
    "/rights/adequate-housing",
    "/policy/housing",
    "/districts/Altstadt",
    "/progress?group=rights",
    "/methodology",
    "/search?q=armoede",
    "/compare?a=rent-burden&b=social-assistance&district=Altstadt",
    "/report",
    "/report/2025",
    "/recommendations?status=in-progress",
    "/equality",
];

fn axe_source() -> String {
    let path = std::env::var_os("AXE_CORE_JS")
        .map(PathBuf::from)
        .unwrap_or_else(|| {
            PathBuf::from(env!("CARGO_MANIFEST_DIR"))
                .join("../.tools/npm/node_modules/axe-core/axe.min.js")
        });
    std::fs::read_to_string(&path).unwrap_or_else(|e| {
        panic!(
            "{}: {e}: run `scripts/setup.sh --browser` (it installs axe-core from npm)",
            path.display()
        )
    })
}

/// The WCAG 2.0/2.1 A and AA violations axe-core finds on the open page.
async fn axe_violations(ctx: &Ctx, source: &str) -> Vec<String> {
    if ctx.js == Js::Off {
        // With scripts off, Chromium still runs WebDriver's scripts and their
        // promise callbacks, but never fires a timer (nor queueMicrotask);
        // axe-core defers its work with setTimeout, so those run as promise
        // callbacks instead. The page's own scripts stay off: axe checks
        // what the server sent.
        ctx.client()
            .execute(
                "window.setTimeout = (f, _ms, ...a) => { Promise.resolve().then(() => f(...a)); return 0; }; return true;",
                vec![],
            )
            .await
            .expect("timers as microtasks");
    }
    ctx.client()
        .execute(&format!("{source}\n;return true;"), vec![])
        .await
        .expect("axe-core loads into the page");
    let result = ctx
        .client()
        .execute_async(
            r#"const done = arguments[arguments.length - 1];
            axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } })
              .then(r => done(r.violations.map(v => v.id + ' (' + v.impact + '): ' + v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(' | '))))
              .catch(e => done(['axe failed: ' + e]));"#,
            vec![],
        )
        .await
        .expect("axe-core runs");
    result
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(Value::as_str)
        .map(str::to_owned)
        .collect()
}

pub async fn axe_finds_no_violations_on_any_page_type_in_either_language(ctx: Ctx) -> Ctx {
    let source = axe_source();
    let mut found = Vec::new();
    for prefix in ["", "/nl"] {
        for page in PAGE_TYPES {
            let path = format!("{prefix}{page}");
            ctx.open(&path).await;
            for violation in axe_violations(&ctx, &source).await {
                found.push(format!("{path}: {violation}"));
            }
        }
        // The page that says there is no page (its 404 status is the one
        // console message a browser logs for it).
        let missing = format!("{prefix}/no-such-page");
        ctx.open_plain(&missing).await;
        for violation in axe_violations(&ctx, &source).await {
            found.push(format!("{missing}: {violation}"));
        }
        if ctx.js == Js::On {
            let errors = ctx.take_console_errors().await;
            assert!(
                errors
                    .iter()
                    .all(|e| e.contains(&format!("{missing} - ")) && e.contains("404")),
                "{errors:?}"
            );
        }
    }
    assert!(
        found.is_empty(),
        "axe-core found violations:\n{}",
        found.join("\n")
    );
    // The check can fail: an image without a text alternative is reported.
    ctx.open("/nl/").await;
    ctx.client()
        .execute(
            "document.querySelector('main').insertAdjacentHTML('beforeend', '<img src=\"/favicon.svg\">'); return true;",
            vec![],
        )
        .await
        .expect("an image without alt");
    let violations = axe_violations(&ctx, &source).await;
    assert!(
        violations.iter().any(|v| v.starts_with("image-alt")),
        "{violations:?}"
    );
    ctx
}

async fn press(ctx: &Ctx, key: Key) {
    let key: char = key.into();
    let actions = KeyActions::new("keyboard".to_owned())
        .then(KeyAction::Down { value: key })
        .then(KeyAction::Up { value: key });
    ctx.client()
        .perform_actions(actions)
        .await
        .expect("a key press");
}

async fn type_text(ctx: &Ctx, text: &str) {
    let mut actions = KeyActions::new("keyboard".to_owned());
    for c in text.chars() {
        actions = actions
            .then(KeyAction::Down { value: c })
            .then(KeyAction::Up { value: c });
    }
    ctx.client().perform_actions(actions).await.expect("typing");
}

/// What has keyboard focus, as `tag#id[name]:text` (enough to tell the
/// page's controls apart).
async fn focused(ctx: &Ctx) -> String {
    let described = ctx
        .client()
        .execute(
            r#"const e = document.activeElement;
            return e ? e.tagName.toLowerCase() + '#' + (e.id || '') + '[' + (e.getAttribute('name') || e.getAttribute('href') || '') + ']' : '';"#,
            vec![],
        )
        .await
        .expect("the focused element");
    described.as_str().unwrap_or_default().to_owned()
}

/// Every control a keyboard user must reach on the open page.
async fn controls(ctx: &Ctx) -> BTreeSet<String> {
    let all = ctx
        .client()
        .execute(
            r#"return Array.from(document.querySelectorAll('a[href], button, select, input, textarea, [tabindex="0"]'))
                .filter(e => !e.disabled && e.getClientRects().length > 0 || e.classList.contains('skip-link'))
                .map(e => e.tagName.toLowerCase() + '#' + (e.id || '') + '[' + (e.getAttribute('name') || e.getAttribute('href') || '') + ']');"#,
            vec![],
        )
        .await
        .expect("the page's controls");
    all.as_array()
        .into_iter()
        .flatten()
        .filter_map(Value::as_str)
        .map(str::to_owned)
        .collect()
}

pub async fn every_control_is_reached_by_keyboard_and_the_skip_link_moves_focus(ctx: Ctx) -> Ctx {
    for path in [
        "/nl/indicators/poverty-rate",
        "/progress",
        "/nl/compare?a=rent-burden&b=social-assistance",
        "/search?q=poverty",
    ] {
        ctx.open(path).await;
        let wanted = controls(&ctx).await;
        press(&ctx, Key::Tab).await;
        let first = focused(&ctx).await;
        assert!(
            first.starts_with("a#[#main]"),
            "{path}: the skip link comes first, not {first}"
        );
        let mut reached = BTreeSet::from([first]);
        // A link listed twice is two Tab stops: go on until every control
        // was reached (or far longer than the page needs).
        for _ in 0..500 {
            if wanted.is_subset(&reached) {
                break;
            }
            press(&ctx, Key::Tab).await;
            reached.insert(focused(&ctx).await);
        }
        let missed: Vec<&String> = wanted.difference(&reached).collect();
        assert!(missed.is_empty(), "{path}: Tab never reaches {missed:?}");
    }
    // The skip link moves focus to the content.
    ctx.open("/goals/1").await;
    press(&ctx, Key::Tab).await;
    press(&ctx, Key::Enter).await;
    assert_eq!(
        focused(&ctx).await,
        "main#main[]",
        "focus is on the main content"
    );
    ctx
}

pub async fn a_selector_changed_by_keyboard_changes_the_chart_and_is_announced(ctx: Ctx) -> Ctx {
    ctx.open("/nl/indicators/poverty-rate").await;
    // Tab to the sex selector, choose the next value with the arrow key,
    // then Tab to the button and press Enter.
    let mut guard = 0;
    while focused(&ctx).await != "select#dim-sex[sex]" {
        press(&ctx, Key::Tab).await;
        guard += 1;
        assert!(guard < 60, "Tab never reaches the sex selector");
    }
    press(&ctx, Key::Down).await;
    while !focused(&ctx).await.starts_with("button#") {
        press(&ctx, Key::Tab).await;
        guard += 1;
        assert!(guard < 80, "Tab never reaches the Show button");
    }
    press(&ctx, Key::Enter).await;
    let chosen = ctx
        .wait_for("figure.chart-figure[data-series^='sex=']")
        .await;
    let series = chosen
        .attr("data-series")
        .await
        .expect("attr")
        .unwrap_or_default();
    assert!(series.starts_with("sex="), "{series}");
    if ctx.js == Js::On {
        let announced = ctx.text("[role='status'][aria-live='polite']").await;
        assert!(
            announced.starts_with("Grafiek en tabel tonen nu: Geslacht: "),
            "the live region says what changed: {announced:?}"
        );
    }
    ctx
}

pub async fn a_search_typed_and_sent_by_keyboard_finds_the_indicator(ctx: Ctx) -> Ctx {
    ctx.open("/nl/").await;
    let mut guard = 0;
    while focused(&ctx).await != "input#header-search-q[q]" {
        press(&ctx, Key::Tab).await;
        guard += 1;
        assert!(guard < 30, "Tab never reaches the search box");
    }
    type_text(&ctx, "armoedgrens").await;
    press(&ctx, Key::Enter).await;
    ctx.wait_for(".search-results").await;
    let titles = ctx.texts(".search-results .card-title").await;
    assert!(
        titles.iter().any(|t| t == "Inwoners onder de armoedegrens"),
        "a misspelt Dutch word finds the indicator: {titles:?}"
    );
    let found = ctx
        .client()
        .find(Locator::Css(".search-results .badge"))
        .await;
    assert!(found.is_ok(), "each result shows its status");
    ctx
}

pub async fn axe_finds_no_violations_on_the_staff_pages_in_either_language(ctx: Ctx) -> Ctx {
    const PASSWORD: &str = crate::harness::ADMIN_PASSWORD;
    ctx.add_admin("admin@city.example");

    let source = axe_source();
    let mut found = Vec::new();
    // Signed out: the sign-in page, in both languages.
    for path in ["/staff/sign-in", "/nl/staff/sign-in"] {
        ctx.open_plain(path).await;
        for violation in axe_violations(&ctx, &source).await {
            found.push(format!("{path}: {violation}"));
        }
    }
    // Signed in (in Dutch: the form and its redirect stay in Dutch).
    ctx.fill("#email", "admin@city.example").await;
    ctx.fill("#password", PASSWORD).await;
    ctx.click("form[action='/nl/staff/sign-in'] button[type='submit']")
        .await;
    ctx.wait_for("table tr[data-indicator='homelessness']")
        .await;
    assert_eq!(ctx.path().await, "/nl/staff");
    for prefix in ["", "/nl"] {
        for page in [
            "/staff",
            "/staff/draft",
            "/staff/releases",
            "/staff/uploads",
            "/staff/users",
            "/staff/audit",
            "/staff/indicators/poverty-rate",
            "/staff/indicators/poverty-rate/edit",
            "/staff/preview",
        ] {
            let path = format!("{prefix}{page}");
            ctx.open_plain(&path).await;
            for violation in axe_violations(&ctx, &source).await {
                found.push(format!("{path}: {violation}"));
            }
        }
    }
    assert!(
        found.is_empty(),
        "axe-core found violations:\n{}",
        found.join("\n")
    );
    ctx
}
