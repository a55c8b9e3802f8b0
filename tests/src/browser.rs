//! The verifier page as a verifier sees it: `credchain serve` started as a real process in front of a
//! real node, and headless Chromium (Debian's `chromium` and `chromium-driver` packages, installed by
//! `scripts/setup.sh`) driven over WebDriver by `fantoccini`.
//!
//! `CREDCHAIN_CHROMIUM` and `CREDCHAIN_CHROMEDRIVER` override where the browser and its driver are.

use std::{
	net::TcpStream,
	os::unix::process::CommandExt,
	path::{Path, PathBuf},
	process::{Child, Command, Stdio},
	time::{Duration, Instant},
};

use fantoccini::{elements::Element, wd::Capabilities, Client, ClientBuilder, Locator};
use hyper_util::client::legacy::connect::HttpConnector;
use serde_json::json;

use crate::{cli::cli_binary, free_port};

/// How long a process may take to start listening.
const START_TIMEOUT: Duration = Duration::from_secs(30);

/// How long the page may take to show every verdict.
pub const VERDICT_TIMEOUT: Duration = Duration::from_secs(120);

/// The narrowest window headless Chromium opens; narrower screens are emulated.
const MIN_WINDOW_WIDTH: u32 = 500;

/// A `credchain serve` process.
pub struct VerifierServer {
	child: Child,
	port: u16,
}

impl VerifierServer {
	/// Starts `credchain serve --node <node_url>` on a free loopback port, with `extra` arguments,
	/// and waits until it accepts connections.
	pub fn start(node_url: &str, extra: &[&str]) -> Self {
		let port = free_port();
		let child = Command::new(cli_binary())
			.args(["serve", "--node", node_url, "--listen", &format!("127.0.0.1:{port}")])
			.args(extra)
			.stdin(Stdio::null())
			.stdout(Stdio::null())
			.spawn()
			.unwrap_or_else(|error| panic!("cannot start `credchain serve`: {error}"));
		let mut server = Self { child, port };
		server.wait_until_listening();
		server
	}

	/// The page's address.
	pub fn url(&self) -> String {
		format!("http://127.0.0.1:{}/", self.port)
	}

	/// The port it listens on.
	pub fn port(&self) -> u16 {
		self.port
	}

	/// Whether the process is still running.
	pub fn is_running(&mut self) -> bool {
		self.child.try_wait().expect("the child can be waited for").is_none()
	}

	fn wait_until_listening(&mut self) {
		wait_for_port(self.port, "credchain serve", || self.is_running());
	}
}

impl Drop for VerifierServer {
	fn drop(&mut self) {
		let _ = self.child.kill();
		let _ = self.child.wait();
	}
}

/// Waits until something accepts connections on 127.0.0.1:`port`, while `running()` holds.
fn wait_for_port(port: u16, what: &str, mut running: impl FnMut() -> bool) {
	let deadline = Instant::now() + START_TIMEOUT;
	while TcpStream::connect(("127.0.0.1", port)).is_err() {
		assert!(running(), "{what} exited before listening on port {port}");
		assert!(
			Instant::now() < deadline,
			"{what} did not listen on port {port} within {START_TIMEOUT:?}"
		);
		std::thread::sleep(Duration::from_millis(50));
	}
}

/// Where an executable is: the environment variable `variable`, else `default`.
fn executable(variable: &str, default: &str) -> PathBuf {
	let path = std::env::var_os(variable).map(PathBuf::from).unwrap_or_else(|| default.into());
	assert!(
		path.is_file(),
		"{} is missing: install Debian's chromium and chromium-driver packages (scripts/setup.sh \
		 does), or set {variable}",
		path.display()
	);
	path
}

/// Headless Chromium, driven through its own ChromeDriver process.
pub struct Browser {
	/// The WebDriver session.
	pub client: Client,
	driver: Child,
	_profile: tempfile::TempDir,
}

impl Browser {
	/// Starts ChromeDriver on a free loopback port and a headless Chromium session with a fresh
	/// profile and a window of `width` × `height` pixels (a phone's screen, emulated, when narrower
	/// than headless windows can be).
	pub async fn start(width: u32, height: u32) -> Self {
		let chromium = executable("CREDCHAIN_CHROMIUM", "/usr/bin/chromium");
		let chromedriver = executable("CREDCHAIN_CHROMEDRIVER", "/usr/bin/chromedriver");
		let port = free_port();
		// Its own process group, so that the browsers it starts are stopped with it.
		let mut driver = Command::new(chromedriver)
			.args([format!("--port={port}"), "--allowed-ips=127.0.0.1".into()])
			.process_group(0)
			.stdin(Stdio::null())
			.stdout(Stdio::null())
			.stderr(Stdio::null())
			.spawn()
			.unwrap_or_else(|error| panic!("cannot start chromedriver: {error}"));
		wait_for_port(port, "chromedriver", || {
			driver.try_wait().expect("the child can be waited for").is_none()
		});

		let profile = tempfile::tempdir().expect("a temporary folder");
		let mut capabilities = Capabilities::new();
		// The flags keep Chromium off the network (this machine's is closed) and out of the sandbox
		// that root cannot use.
		capabilities.insert(
			"goog:chromeOptions".into(),
			json!({
				"binary": chromium,
				"args": [
					"--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
					"--disable-quic", "--no-first-run", "--disable-background-networking",
					"--disable-component-update", "--disable-sync", "--disable-extensions",
					format!("--window-size={width},{height}"),
					format!("--user-data-dir={}", profile.path().display()),
				],
			}),
		);
		if width < MIN_WINDOW_WIDTH {
			// Headless windows are at least 500 px wide: a narrower screen is a phone, emulated.
			let options = capabilities.get_mut("goog:chromeOptions").expect("set above");
			options["mobileEmulation"] =
				json!({ "deviceMetrics": { "width": width, "height": height, "pixelRatio": 2 } });
		}
		let client = ClientBuilder::new(HttpConnector::new())
			.capabilities(capabilities)
			.connect(&format!("http://127.0.0.1:{port}"))
			.await
			.unwrap_or_else(|error| panic!("cannot start a Chromium session: {error}"));
		Self { client, driver, _profile: profile }
	}

	/// Opens `url`.
	pub async fn open(&self, url: &str) {
		self.client.goto(url).await.unwrap_or_else(|error| panic!("cannot open {url}: {error}"));
	}

	/// Gives `files` to the page's file picker, as a verifier choosing them would.
	pub async fn choose_files(&self, files: &[&Path]) {
		let input = self
			.client
			.find(Locator::Css("#file-input"))
			.await
			.expect("the page has a file picker");
		let paths: Vec<String> = files
			.iter()
			.map(|file| file.to_str().expect("temporary paths are UTF-8").to_string())
			.collect();
		input.send_keys(&paths.join("\n")).await.expect("the file picker takes the files");
	}

	/// Types `text` into the input matching `css`, opening the `<details>` it is in first.
	pub async fn type_into(&self, css: &str, text: &str) {
		let open = format!(
			"const input = document.querySelector({css:?}); \
			 const details = input && input.closest('details'); if (details) details.open = true;"
		);
		self.client.execute(&open, vec![]).await.expect("the page runs scripts");
		let input = self
			.client
			.find(Locator::Css(css))
			.await
			.unwrap_or_else(|error| panic!("no {css}: {error}"));
		input
			.send_keys(text)
			.await
			.unwrap_or_else(|error| panic!("cannot type into {css}: {error}"));
	}

	/// The elements matching `css`.
	pub async fn all(&self, css: &str) -> Vec<Element> {
		self.client.find_all(Locator::Css(css)).await.expect("the page can be searched")
	}

	/// The text of the first element matching `css`.
	pub async fn text(&self, css: &str) -> String {
		let element = self
			.client
			.find(Locator::Css(css))
			.await
			.unwrap_or_else(|error| panic!("no {css}: {error}"));
		element.text().await.expect("an element has text")
	}

	/// The texts of the elements matching `css`, in page order.
	pub async fn texts(&self, css: &str) -> Vec<String> {
		let mut texts = Vec::new();
		for element in self.all(css).await {
			texts.push(element.text().await.expect("an element has text"));
		}
		texts
	}

	/// Waits until `script` (the body of a function the page runs) returns true, or panics after
	/// `timeout` with the page's text.
	pub async fn wait_until(&self, what: &str, timeout: Duration, script: &str) {
		let deadline = Instant::now() + timeout;
		loop {
			let done = self.client.execute(script, vec![]).await.expect("the page runs scripts");
			if done == json!(true) {
				return;
			}
			if Instant::now() >= deadline {
				let body = self.text("body").await;
				panic!("the page did not show {what} within {timeout:?}; it shows:\n{body}");
			}
			tokio::time::sleep(Duration::from_millis(100)).await;
		}
	}

	/// Saves a screenshot of the window as a PNG at `path`.
	pub async fn screenshot(&self, path: &Path) {
		let png = self.client.screenshot().await.expect("the browser takes screenshots");
		std::fs::write(path, png)
			.unwrap_or_else(|error| panic!("cannot write {}: {error}", path.display()));
	}
}

impl Drop for Browser {
	fn drop(&mut self) {
		// ChromeDriver and every Chromium process it started share its process group.
		if let Ok(group) = i32::try_from(self.driver.id()) {
			let _ = nix::sys::signal::killpg(
				nix::unistd::Pid::from_raw(group),
				nix::sys::signal::Signal::SIGKILL,
			);
		}
		let _ = self.driver.wait();
	}
}
