//! Starting the server and a headless Chromium, and the helpers scenarios
//! use to drive pages (`Ctx`).

use std::io::BufRead;
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use fantoccini::wd::WebDriverCompatibleCommand;
use fantoccini::{Client, ClientBuilder, Locator};
use serde_json::{json, Value};

/// The password of the admin [`Ctx::add_admin`] adds.
pub const ADMIN_PASSWORD: &str = "a long enough password";

#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Js {
    Off,
    On,
}

pub fn workspace_root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("..")
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

/// The `localgoals` server on a free port, serving the demo city. The
/// process stops before its data folder is removed (fields drop in order).
struct Server {
    _process: Guard,
    base: String,
    data_dir: tempfile::TempDir,
}

/// The `localgoals` binary the tests run.
pub fn binary() -> PathBuf {
    std::env::var_os("LOCALGOALS_BIN")
        .map(PathBuf::from)
        .unwrap_or_else(|| workspace_root().join("target/debug/localgoals"))
}

fn start_server() -> Server {
    let root = workspace_root();
    let bin = binary();
    let site = root.join("target/site");
    for needed in [
        bin.as_path(),
        &site.join("pkg/localgoals.wasm"),
        &site.join("pkg/localgoals.js"),
    ] {
        assert!(
            needed.exists(),
            "{} is missing: build the site first with `scripts/build-site.sh` (scripts/test.sh does this)",
            needed.display()
        );
    }
    let data_dir = tempfile::TempDir::new().expect("a data folder");
    // Port 0: the server picks a free port and prints its address, so tests
    // running side by side never race for one.
    let mut child = Command::new(&bin)
        .arg("--data")
        .arg(data_dir.path())
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
        .map(|url| url.trim_end_matches('/').to_owned())
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
    /// Chromium's profile folder, removed when the browser is dropped.
    profile: tempfile::TempDir,
}

impl Drop for Browser {
    fn drop(&mut self) {
        // A test that fails before closing its session would leave Chromium
        // running once chromedriver is killed; its profile path is unique to
        // this browser, so kill exactly the processes that use it.
        let _ = Command::new("pkill")
            .args(["-KILL", "-f"])
            .arg(self.profile.path())
            .status();
    }
}

fn path_of(env: &str, default: &str) -> String {
    std::env::var(env).unwrap_or_else(|_| default.to_owned())
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
        let profile = tempfile::Builder::new()
            .prefix("localgoals-chromium-")
            .tempdir()
            .expect("a Chromium profile folder");
        let mut args = vec![
            "--headless=new".to_owned(),
            "--no-sandbox".into(),
            "--disable-gpu".into(),
            "--disable-dev-shm-usage".into(),
            "--disable-quic".into(),
            "--no-first-run".into(),
            "--disable-background-networking".into(),
            "--disable-component-update".into(),
            "--disable-sync".into(),
            "--window-size=1280,900".into(),
            format!("--user-data-dir={}", profile.path().display()),
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
        (http::Method::POST, Some(r#"{"type":"browser"}"#.to_owned()))
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
        .map(|entry| entry["message"].as_str().unwrap_or_default().to_owned())
        .collect()
}

/// Everything a scenario gets: the browser, the server's base URL, the mode.
pub struct Ctx {
    browser: Browser,
    base: String,
    pub js: Js,
    /// The server's data folder (to add a staff account with the CLI).
    pub data: PathBuf,
}

impl Ctx {
    pub fn client(&self) -> &Client {
        &self.browser.client
    }

    pub async fn open(&self, path: &str) {
        self.client()
            .goto(&format!("{}{path}", self.base))
            .await
            .expect("page loads");
        self.check_hydration().await;
    }

    /// Opens a page that has no islands (the staff workspace).
    pub async fn open_plain(&self, path: &str) {
        self.client()
            .goto(&format!("{}{path}", self.base))
            .await
            .expect("page loads");
    }

    /// Adds an admin with [`ADMIN_PASSWORD`] through the command line, as
    /// a city's IT department does.
    pub fn add_admin(&self, email: &str) {
        use std::io::Write as _;
        let mut add = Command::new(binary())
            .arg("--data")
            .arg(&self.data)
            .args(["user", "add", email, "--role", "admin"])
            .stdin(Stdio::piped())
            .stdout(Stdio::null())
            .spawn()
            .expect("localgoals user add");
        add.stdin
            .take()
            .expect("stdin")
            .write_all(format!("{ADMIN_PASSWORD}\n").as_bytes())
            .expect("password");
        assert!(add.wait().expect("user add").success());
    }

    /// The console errors since the last look (reading them clears them).
    pub async fn take_console_errors(&self) -> Vec<String> {
        console_errors(self.client()).await
    }

    /// Types `text` into the field matched by `css`.
    pub async fn fill(&self, css: &str, text: &str) {
        self.client()
            .find(Locator::Css(css))
            .await
            .unwrap_or_else(|e| panic!("{css}: {e}"))
            .send_keys(text)
            .await
            .unwrap_or_else(|e| panic!("type into {css}: {e}"));
    }

    /// Clicks the element matched by `css`.
    pub async fn click(&self, css: &str) {
        self.client()
            .find(Locator::Css(css))
            .await
            .unwrap_or_else(|e| panic!("{css}: {e}"))
            .click()
            .await
            .unwrap_or_else(|e| panic!("click {css}: {e}"));
    }

    /// With JavaScript on, waits until the app has hydrated; with it off,
    /// checks that it really did not (so the JS-off run tests pure SSR).
    pub async fn check_hydration(&self) {
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
    pub async fn set_marker(&self) {
        self.client()
            .execute("window.__localGoalsMarker = 'same page';", vec![])
            .await
            .expect("set marker");
    }

    /// Hydrated pages change in place: the marker set earlier is still there.
    pub async fn assert_same_page(&self) {
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
    pub async fn choose_and_submit(&self, form: &str, select: &str, value: &str) {
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

    pub async fn click_link(&self, text: &str) {
        self.client()
            .find(Locator::LinkText(text))
            .await
            .unwrap_or_else(|e| panic!("link {text:?}: {e}"))
            .click()
            .await
            .expect("click");
    }

    /// Waits for an element (client-side navigation is asynchronous).
    pub async fn wait_for(&self, css: &str) -> fantoccini::elements::Element {
        self.client()
            .wait()
            .at_most(Duration::from_secs(20))
            .for_element(Locator::Css(css))
            .await
            .unwrap_or_else(|e| panic!("{css} did not appear: {e}"))
    }

    /// The query's non-empty `name=value` pairs (a plain HTML form also
    /// sends the "All" choices, empty).
    pub async fn chosen_in_address(&self) -> Vec<String> {
        let url = self.client().current_url().await.expect("url");
        url.query_pairs()
            .filter(|(_, v)| !v.is_empty())
            .map(|(k, v)| format!("{k}={v}"))
            .collect()
    }

    pub async fn path(&self) -> String {
        self.client()
            .current_url()
            .await
            .expect("url")
            .path()
            .to_owned()
    }

    pub async fn text(&self, css: &str) -> String {
        self.client()
            .find(Locator::Css(css))
            .await
            .unwrap_or_else(|e| panic!("{css}: {e}"))
            .text()
            .await
            .expect("text")
    }

    pub async fn texts(&self, css: &str) -> Vec<String> {
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

pub async fn run<F, Fut>(js: Js, scenario: F)
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
        data: server.data_dir.path().to_path_buf(),
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
