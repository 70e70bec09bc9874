//! Browser tests: Debian's headless Chromium driven through chromedriver with
//! fantoccini. Every test runs twice, as lemmy-ui-leptos does: JavaScript off
//! (what the server renders must stand on its own) and on (the page hydrates,
//! controls work through server functions, and the console stays clean).
//!
//! They need the site built by cargo-leptos (`target/site`) and its server
//! binary (`target/debug/localgoals`); `scripts/test.sh` builds both first.

use std::io::BufRead;
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use fantoccini::wd::WebDriverCompatibleCommand;
use fantoccini::{Client, ClientBuilder, Locator};
use serde_json::{json, Value};

#[derive(Debug, Clone, Copy, PartialEq)]
enum Js {
    Off,
    On,
}

/// Runs a scenario as two tests, `js_off` and `js_on`.
macro_rules! in_both_modes {
    ($($scenario:ident),* $(,)?) => {$(
        mod $scenario {
            #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
            async fn js_off() {
                super::run(super::Js::Off, super::$scenario).await;
            }
            #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
            async fn js_on() {
                super::run(super::Js::On, super::$scenario).await;
            }
        }
    )*};
}

in_both_modes!(
    home_lists_goals_with_data,
    indicator_page_has_chart_caption_and_table,
    series_selector_switches_the_chart,
    methodology_page_is_reachable_from_an_indicator,
    goal_page_lists_targets_and_indicator_cards,
    rights_and_policy_pages_are_reachable_from_an_indicator,
    progress_page_filters_by_goal,
    district_page_leads_to_the_district_series,
    pages_fit_a_360_px_phone
);

fn workspace_root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("..")
}

fn unique() -> usize {
    static NEXT: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
    NEXT.fetch_add(1, std::sync::atomic::Ordering::Relaxed)
}

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .expect("a free port")
}

fn wait_for_port(port: u16, what: &str, child: &mut Child) {
    let deadline = Instant::now() + Duration::from_secs(30);
    while TcpStream::connect(("127.0.0.1", port)).is_err() {
        if let Ok(Some(status)) = child.try_wait() {
            panic!("{what} exited with {status} before listening on port {port}");
        }
        assert!(
            Instant::now() < deadline,
            "{what} did not listen on port {port} within 30 s"
        );
        std::thread::sleep(Duration::from_millis(50));
    }
}

/// A child process killed when the test ends, pass or fail.
struct Guard(Child);

impl Drop for Guard {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// The `localgoals` server on a free port, serving the demo city.
struct Server {
    _process: Guard,
    base: String,
    data_dir: PathBuf,
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.data_dir);
    }
}

fn start_server() -> Server {
    let root = workspace_root();
    let bin = std::env::var_os("LOCALGOALS_BIN")
        .map(PathBuf::from)
        .unwrap_or_else(|| root.join("target/debug/localgoals"));
    let site = root.join("target/site");
    for needed in [
        bin.as_path(),
        &site.join("pkg/localgoals.wasm"),
        &site.join("pkg/localgoals.js"),
    ] {
        assert!(
            needed.exists(),
            "{} is missing: build the site first with `cargo leptos build` (scripts/test.sh does this)",
            needed.display()
        );
    }
    let data_dir = std::env::temp_dir().join(format!(
        "localgoals-browser-{}-{}",
        std::process::id(),
        unique()
    ));
    // Port 0: the server picks a free port and prints its address, so tests
    // running side by side never race for one.
    let mut child = Command::new(&bin)
        .arg("--data")
        .arg(&data_dir)
        .args(["serve", "--addr", "127.0.0.1:0", "--dataset"])
        .arg(root.join("indicators/demo-city"))
        .env("LEPTOS_SITE_ROOT", &site)
        .env("LEPTOS_SITE_PKG_DIR", "pkg")
        .env("LEPTOS_OUTPUT_NAME", "localgoals")
        .env("RUST_LOG", "warn")
        .stdout(Stdio::piped())
        .spawn()
        .unwrap_or_else(|e| panic!("could not start {}: {e}", bin.display()));
    let stdout = child.stdout.take().expect("server stdout");
    let mut first_line = String::new();
    std::io::BufReader::new(stdout)
        .read_line(&mut first_line)
        .expect("the server prints its address");
    let base = first_line
        .trim()
        .strip_prefix("Local Goals is running at ")
        .map(|url| url.trim_end_matches('/').to_string())
        .unwrap_or_else(|| panic!("unexpected first line from the server: {first_line:?}"));
    Server {
        _process: Guard(child),
        base,
        data_dir,
    }
}

/// A headless Debian Chromium session with JavaScript on or off.
struct Browser {
    client: Client,
    _driver: Guard,
    profile: PathBuf,
}

impl Drop for Browser {
    fn drop(&mut self) {
        // A test that fails before closing its session would leave Chromium
        // running once chromedriver is killed; its profile path is unique to
        // this browser, so kill exactly the processes that use it.
        let _ = Command::new("pkill")
            .args(["-KILL", "-f"])
            .arg(&self.profile)
            .status();
        let _ = std::fs::remove_dir_all(&self.profile);
    }
}

fn path_of(env: &str, default: &str) -> String {
    std::env::var(env).unwrap_or_else(|_| default.to_string())
}

async fn start_browser(js: Js) -> Browser {
    let chromedriver = path_of("CHROMEDRIVER", "/usr/bin/chromedriver");
    let chromium = path_of("CHROME_BIN", "/usr/bin/chromium");
    for tool in [&chromedriver, &chromium] {
        assert!(Path::new(tool).exists(), "{tool} is missing: run `scripts/setup.sh --browser` (Debian's chromium and chromium-driver)");
    }
    // chromedriver cannot pick its own port; if another process takes the one
    // we chose before chromedriver binds it, start again on another.
    let mut last_error = String::new();
    for _attempt in 0..3 {
        let port = free_port();
        let mut driver = Command::new(&chromedriver)
            .arg(format!("--port={port}"))
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap_or_else(|e| panic!("could not start {chromedriver}: {e}"));
        wait_for_port(port, "chromedriver", &mut driver);
        let driver = Guard(driver);
        let profile = std::env::temp_dir().join(format!(
            "localgoals-chromium-{}-{}",
            std::process::id(),
            unique()
        ));
        let mut args = vec![
            "--headless=new".to_string(),
            "--no-sandbox".into(),
            "--disable-gpu".into(),
            "--disable-dev-shm-usage".into(),
            "--disable-quic".into(),
            "--no-first-run".into(),
            "--disable-background-networking".into(),
            "--disable-component-update".into(),
            "--disable-sync".into(),
            "--window-size=1280,900".into(),
            format!("--user-data-dir={}", profile.display()),
        ];
        if js == Js::Off {
            args.push("--blink-settings=scriptEnabled=false".into());
        }
        let capabilities = json!({
            "browserName": "chrome",
            "goog:chromeOptions": { "binary": chromium, "args": args },
            "goog:loggingPrefs": { "browser": "ALL" },
        });
        let Value::Object(capabilities) = capabilities else {
            unreachable!("json! object")
        };
        match ClientBuilder::new(hyper_util::client::legacy::connect::HttpConnector::new())
            .capabilities(capabilities)
            .connect(&format!("http://127.0.0.1:{port}/"))
            .await
        {
            Ok(client) => {
                return Browser {
                    client,
                    _driver: driver,
                    profile,
                }
            }
            Err(err) => last_error = err.to_string(),
        }
    }
    panic!("no chromedriver session after 3 attempts: {last_error}");
}

/// chromedriver's console log endpoint (not part of W3C WebDriver, so not in fantoccini).
#[derive(Debug)]
struct BrowserLog;

impl WebDriverCompatibleCommand for BrowserLog {
    fn endpoint(
        &self,
        base: &url::Url,
        session: Option<&str>,
    ) -> Result<url::Url, url::ParseError> {
        base.join(&format!("session/{}/se/log", session.unwrap_or_default()))
    }
    fn method_and_body(&self, _: &url::Url) -> (http::Method, Option<String>) {
        (
            http::Method::POST,
            Some(r#"{"type":"browser"}"#.to_string()),
        )
    }
}

/// Console messages at level SEVERE (errors and uncaught exceptions) so far.
async fn console_errors(client: &Client) -> Vec<String> {
    let log = client
        .issue_cmd(BrowserLog)
        .await
        .expect("the browser console log");
    log.as_array()
        .into_iter()
        .flatten()
        .filter(|entry| entry["level"] == "SEVERE")
        .map(|entry| entry["message"].as_str().unwrap_or_default().to_string())
        .collect()
}

/// Everything a scenario gets: the browser, the server's base URL, the mode.
struct Ctx {
    browser: Browser,
    base: String,
    js: Js,
}

impl Ctx {
    fn client(&self) -> &Client {
        &self.browser.client
    }

    async fn open(&self, path: &str) {
        self.client()
            .goto(&format!("{}{path}", self.base))
            .await
            .expect("page loads");
        self.check_hydration().await;
    }

    /// With JavaScript on, waits until the app has hydrated; with it off,
    /// checks that it really did not (so the JS-off run tests pure SSR).
    async fn check_hydration(&self) {
        match self.js {
            Js::On => {
                self.client()
                    .wait()
                    .at_most(Duration::from_secs(20))
                    .for_element(Locator::Css("#hydration[data-hydrated='true']"))
                    .await
                    .expect("the page's islands hydrate (data-hydrated becomes true)");
            }
            Js::Off => {
                let page = self
                    .client()
                    .find(Locator::Css("#hydration"))
                    .await
                    .expect("the hydration marker");
                assert_eq!(
                    page.attr("data-hydrated").await.expect("attr").as_deref(),
                    Some("false")
                );
            }
        }
    }

    /// Marks the window; the mark survives only if no page load follows.
    async fn set_marker(&self) {
        self.client()
            .execute("window.__localGoalsMarker = 'same page';", vec![])
            .await
            .expect("set marker");
    }

    /// Hydrated pages change in place: the marker set earlier is still there.
    async fn assert_same_page(&self) {
        let marker = self
            .client()
            .execute("return window.__localGoalsMarker || null;", vec![])
            .await
            .expect("read marker");
        assert_eq!(
            marker,
            json!("same page"),
            "hydrated: the content came from a server function, not a page load"
        );
        self.check_hydration().await;
    }

    /// Chooses `value` in the `select` inside `form` and submits the form.
    async fn choose_and_submit(&self, form: &str, select: &str, value: &str) {
        self.client()
            .find(Locator::Css(&format!("{form} {select}")))
            .await
            .unwrap_or_else(|e| panic!("{form} {select}: {e}"))
            .select_by_value(value)
            .await
            .unwrap_or_else(|e| panic!("choose {value}: {e}"));
        self.client()
            .find(Locator::Css(&format!("{form} button[type='submit']")))
            .await
            .unwrap_or_else(|e| panic!("{form} has no submit button: {e}"))
            .click()
            .await
            .expect("click");
    }

    async fn click_link(&self, text: &str) {
        self.client()
            .find(Locator::LinkText(text))
            .await
            .unwrap_or_else(|e| panic!("link {text:?}: {e}"))
            .click()
            .await
            .expect("click");
    }

    /// Waits for an element (client-side navigation is asynchronous).
    async fn wait_for(&self, css: &str) -> fantoccini::elements::Element {
        self.client()
            .wait()
            .at_most(Duration::from_secs(20))
            .for_element(Locator::Css(css))
            .await
            .unwrap_or_else(|e| panic!("{css} did not appear: {e}"))
    }

    /// The query's non-empty `name=value` pairs (a plain HTML form also
    /// sends the "All" choices, empty).
    async fn chosen_in_address(&self) -> Vec<String> {
        let url = self.client().current_url().await.expect("url");
        url.query_pairs()
            .filter(|(_, v)| !v.is_empty())
            .map(|(k, v)| format!("{k}={v}"))
            .collect()
    }

    async fn path(&self) -> String {
        self.client()
            .current_url()
            .await
            .expect("url")
            .path()
            .to_string()
    }

    async fn text(&self, css: &str) -> String {
        self.client()
            .find(Locator::Css(css))
            .await
            .unwrap_or_else(|e| panic!("{css}: {e}"))
            .text()
            .await
            .expect("text")
    }

    async fn texts(&self, css: &str) -> Vec<String> {
        let mut out = Vec::new();
        for element in self
            .client()
            .find_all(Locator::Css(css))
            .await
            .expect("find_all")
        {
            out.push(element.text().await.expect("text"));
        }
        out
    }
}

async fn run<F, Fut>(js: Js, scenario: F)
where
    F: FnOnce(Ctx) -> Fut,
    Fut: std::future::Future<Output = Ctx>,
{
    let server = start_server();
    let browser = start_browser(js).await;
    let ctx = scenario(Ctx {
        browser,
        base: server.base.clone(),
        js,
    })
    .await;
    if js == Js::On {
        let errors = console_errors(ctx.client()).await;
        assert!(
            errors.is_empty(),
            "the browser console shows errors: {errors:#?}"
        );
    }
    ctx.client()
        .clone()
        .close()
        .await
        .expect("close the browser session");
    drop(ctx);
    drop(server);
}

async fn home_lists_goals_with_data(ctx: Ctx) -> Ctx {
    ctx.open("/").await;
    let goals = ctx.texts(".goal .goal-title").await;
    let expected: Vec<String> = indicators::GOALS
        .iter()
        .map(|g| g.short_title.to_string())
        .collect();
    assert_eq!(
        goals, expected,
        "the demo city has data for all 17 goals, in goal order"
    );
    let links = ctx.texts(".indicator-links a").await;
    assert!(
        links.contains(&"Residents living below the poverty line".to_string()),
        "{links:?}"
    );
    assert!(
        !links.iter().any(|l| l.contains("Domestic violence")),
        "internal indicators stay internal: {links:?}"
    );
    assert_eq!(
        ctx.client().title().await.expect("title"),
        "Goals · Local Goals"
    );
    ctx
}

async fn indicator_page_has_chart_caption_and_table(ctx: Ctx) -> Ctx {
    ctx.open("/").await;
    // Follow the link as a reader would: a client-side navigation when hydrated.
    ctx.click_link("Residents living below the poverty line")
        .await;
    let figure = ctx.wait_for("figure.chart-figure").await;
    figure
        .find(Locator::Css("svg[role='img'] circle"))
        .await
        .expect("an SVG chart with markers in the figure");
    let caption = ctx.text("figure.chart-figure figcaption").await;
    assert_eq!(
        caption,
        "Residents living below the poverty line — Total, 2012–2025 (%)"
    );
    let rows = ctx.texts(".data-table:not(.history) tbody tr").await;
    assert_eq!(rows.len(), 14 + 1, "a row a year, then the target");
    assert!(rows[14].starts_with("Target 2030"), "{rows:?}");
    let legend = ctx.texts("figure.chart-figure .legend li").await;
    assert!(
        legend.iter().any(|l| l.starts_with("Baseline 2015:")),
        "the chart's marks are explained: {legend:?}"
    );
    assert_eq!(ctx.path().await, "/indicators/poverty-rate");
    ctx
}

async fn series_selector_switches_the_chart(ctx: Ctx) -> Ctx {
    ctx.open("/indicators/poverty-rate").await;
    assert!(ctx.text("figcaption").await.contains("— Total,"));
    let total_values = ctx
        .texts(".data-table:not(.history) tbody td:nth-child(2)")
        .await;
    if ctx.js == Js::On {
        ctx.set_marker().await;
    }
    ctx.choose_and_submit(".series-selector", "select#dim-sex", "female")
        .await;
    ctx.wait_for("figure[data-series='sex=female']").await;
    assert!(
        ctx.text("figcaption")
            .await
            .starts_with("Residents living below the poverty line — Sex: female, 2012–2025 (%)"),
        "caption names the series"
    );
    assert_eq!(
        ctx.text(".data-table caption").await,
        "Values — Sex: female",
        "the table follows the chart"
    );
    let female_values = ctx
        .texts(".data-table:not(.history) tbody td:nth-child(2)")
        .await;
    assert_eq!(female_values.len(), total_values.len());
    assert_ne!(female_values, total_values, "the table shows other numbers");
    assert_eq!(
        ctx.chosen_in_address().await,
        ["sex=female"],
        "the choice is in the address, so it can be shared"
    );
    if ctx.js == Js::On {
        assert_eq!(
            ctx.client().current_url().await.expect("url").query(),
            Some("sex=female"),
            "the island writes only what was chosen into the address"
        );
        ctx.assert_same_page().await;
    }
    ctx
}

async fn methodology_page_is_reachable_from_an_indicator(ctx: Ctx) -> Ctx {
    ctx.open("/indicators/co2-per-resident").await;
    let why = ctx.text(".why .why-text").await;
    assert!(why.contains("% a year"), "{why}");
    ctx.click_link("how statuses are computed").await;
    let heading = ctx
        .wait_for("article.prose h1")
        .await
        .text()
        .await
        .expect("text");
    assert_eq!(
        heading,
        "How Local Goals computes baselines, trends and progress"
    );
    assert_eq!(ctx.path().await, "/methodology");
    ctx
}

async fn goal_page_lists_targets_and_indicator_cards(ctx: Ctx) -> Ctx {
    ctx.open("/").await;
    ctx.client()
        .find(Locator::Css("#goal-1 a.goal-link"))
        .await
        .expect("goal 1 tile links to its page")
        .click()
        .await
        .expect("click");
    let heading = ctx
        .wait_for(".goal-page h1")
        .await
        .text()
        .await
        .expect("text");
    assert!(
        heading.starts_with('1') && heading.ends_with("No poverty"),
        "{heading}"
    );
    assert_eq!(ctx.path().await, "/goals/1");
    let targets = ctx.texts(".target .target-id").await;
    assert_eq!(targets.len(), 7, "{targets:?}");
    let cards = ctx.texts("[id='target-1.2'] .card .card-title").await;
    assert!(
        cards.contains(&"Residents living below the poverty line".to_string()),
        "{cards:?}"
    );
    let latest = ctx.text("[id='target-1.2'] .card .latest").await;
    assert!(latest.ends_with('%'), "latest value with unit: {latest}");
    let badge = ctx.text("[id='target-1.2'] .card .badge").await;
    assert!(!badge.is_empty(), "status in words");
    ctx
}

async fn rights_and_policy_pages_are_reachable_from_an_indicator(ctx: Ctx) -> Ctx {
    ctx.open("/indicators/rent-burden").await;
    ctx.click_link("Right to adequate housing").await;
    let heading = ctx
        .wait_for(".area-page h1")
        .await
        .text()
        .await
        .expect("text");
    assert_eq!(heading, "Right to adequate housing");
    assert_eq!(ctx.path().await, "/rights/adequate-housing");
    assert!(ctx.text(".area-facts").await.contains("ICESCR Art. 11(1)"));
    let cards = ctx.texts(".card .card-title").await;
    assert!(
        cards.contains(&"Tenant households spending over 30% of income on rent".to_string()),
        "{cards:?}"
    );
    ctx.open("/policy/housing").await;
    assert_eq!(
        ctx.text(".area-page h1").await,
        "Housing and urban development"
    );
    assert!(
        !ctx.texts(".status-counts li").await.is_empty(),
        "status summary"
    );
    ctx
}

async fn progress_page_filters_by_goal(ctx: Ctx) -> Ctx {
    ctx.open("/progress").await;
    assert_eq!(ctx.text(".result-count").await, "45 indicators shown.");
    ctx.choose_and_submit(".filters", "select[name='goal']", "1")
        .await;
    ctx.client()
        .wait()
        .at_most(Duration::from_secs(20))
        .for_element(Locator::XPath(
            "//p[@class='result-count' and text()='5 indicators shown.']",
        ))
        .await
        .expect("the list is filtered to goal 1");
    assert_eq!(
        ctx.texts(".progress-group h2").await,
        ["Goal 1 · No poverty"]
    );
    assert_eq!(ctx.chosen_in_address().await, ["goal=1"]);
    ctx.check_hydration().await;
    ctx
}

async fn district_page_leads_to_the_district_series(ctx: Ctx) -> Ctx {
    ctx.open("/").await;
    ctx.click_link("Südfeld").await;
    let heading = ctx.wait_for("main h1").await.text().await.expect("text");
    assert_eq!(heading, "Südfeld");
    let rows = ctx.texts(".district-table tbody tr").await;
    assert!(rows.len() >= 5, "{rows:?}");
    ctx.click_link("Tenant households spending over 30% of income on rent")
        .await;
    ctx.wait_for("figure[data-series='Stadtteil=Südfeld']")
        .await;
    assert_eq!(
        ctx.text("select#dim-stadtteil option:checked").await,
        "Südfeld",
        "the selector shows the district chosen by the link"
    );
    ctx
}

/// At 360 px nothing sticks out sideways: charts scale, tables and forms wrap.
async fn pages_fit_a_360_px_phone(ctx: Ctx) -> Ctx {
    ctx.client()
        .set_window_size(360, 800)
        .await
        .expect("phone-sized window");
    for path in ["/", "/indicators/rent-burden", "/progress", "/goals/11"] {
        ctx.open(path).await;
        let viewport = ctx
            .client()
            .find(Locator::Css("html"))
            .await
            .expect("html")
            .rectangle()
            .await
            .expect("rect")
            .2;
        assert!(viewport <= 360.0, "{path}: viewport {viewport}");
        for css in ["figure svg", "table", "form", ".card", "h1"] {
            for element in ctx
                .client()
                .find_all(Locator::Css(css))
                .await
                .expect("find")
            {
                let (x, _, width, _) = element.rectangle().await.expect("rect");
                assert!(
                    x + width <= viewport + 1.0,
                    "{path}: a {css} is {width} px wide at x={x}, wider than the {viewport} px screen"
                );
            }
        }
    }
    ctx
}
