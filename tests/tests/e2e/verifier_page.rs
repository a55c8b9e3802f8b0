//! The verifier page in a real browser: `credchain serve` in front of a real `--dev` node, headless
//! Chromium choosing files in the page's file picker (the drop zone shares its code path), and the
//! verdicts read off the page. Screenshots for `docs/` are written when `CREDCHAIN_SCREENSHOTS` names
//! a folder.

use std::{
	path::{Path, PathBuf},
	time::Duration,
};

use credchain_client::{bytes32::to_hex, digest::digest_file};
use credchain_e2e::{
	browser::{Browser, VerifierServer, VERDICT_TIMEOUT},
	cli::{pdf, Client},
	free_port, http, Node, NodeConfig,
};
use serde_json::{json, Value};

/// The issuer identifier of Example University (Bob, with Dave as its delegate, on the dev chain).
const UNIVERSITY: &str = "https://university.example/issuers/registrar";

/// An Open Badges 3.0 credential of Example University for `holder`.
fn open_badge(holder: &str, achievement: &str, valid_from: &str) -> Vec<u8> {
	serde_json::to_vec_pretty(&json!({
		"@context": [
			"https://www.w3.org/ns/credentials/v2",
			"https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"
		],
		"id": format!("urn:uuid:{holder}-{achievement}"),
		"type": ["VerifiableCredential", "OpenBadgeCredential"],
		"issuer": { "id": UNIVERSITY, "type": ["Profile"], "name": "Example University" },
		"validFrom": valid_from,
		"name": achievement,
		"credentialSubject": {
			"id": "did:example:ebfeb1f712ebc6f1c276e12ec21",
			"type": ["AchievementSubject"],
			"name": holder,
			"achievement": {
				"id": format!("https://university.example/achievements/{}", achievement.len()),
				"type": ["Achievement"],
				"achievementType": "Course",
				"name": achievement,
				"description": format!("Completed {achievement}."),
				"criteria": { "narrative": "Passed the final assessment." }
			}
		}
	}))
	.unwrap()
}

/// Writes `bytes` to `dir/name`.
fn write(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
	let path = dir.join(name);
	std::fs::write(&path, bytes).unwrap();
	path
}

/// A path as a command-line argument.
fn arg(path: &Path) -> &str {
	path.to_str().expect("temporary paths are UTF-8")
}

/// Chooses `files` on the page and waits until it shows `count` finished cards.
async fn check(browser: &Browser, files: &[&Path], count: usize) {
	browser.choose_files(files).await;
	wait_for_cards(browser, count).await;
}

/// Waits until the page shows exactly `count` cards, none of them still working.
async fn wait_for_cards(browser: &Browser, count: usize) {
	let script = format!(
		"const cards = [...document.querySelectorAll('article.card')]; \
		 return cards.length === {count} && cards.every(card => card.dataset.status !== 'pending');"
	);
	browser.wait_until(&format!("{count} verdicts"), VERDICT_TIMEOUT, &script).await;
}

/// Each card's status, digest and text, in page order.
async fn cards(browser: &Browser) -> Vec<(String, String, String)> {
	let mut found = Vec::new();
	for card in browser.all("article.card").await {
		let status = card.attr("data-status").await.unwrap().unwrap_or_default();
		let digest = card.attr("data-digest").await.unwrap().unwrap_or_default();
		found.push((status, digest, card.text().await.unwrap()));
	}
	found
}

/// Chooses `files`, which make one card, and returns its status and text once it is finished.
async fn check_one(browser: &Browser, files: &[&Path]) -> (String, String) {
	check(browser, files, 1).await;
	only_card(browser).await
}

/// The one card on the page: its status and text.
async fn only_card(browser: &Browser) -> (String, String) {
	let mut all = cards(browser).await;
	assert_eq!(all.len(), 1, "one card expected: {all:?}");
	let (status, _, text) = all.remove(0);
	(status, text)
}

/// Saves a screenshot as `docs/<name>` when `CREDCHAIN_SCREENSHOTS` names the folder to write to.
async fn screenshot(browser: &Browser, name: &str) {
	if let Some(folder) = std::env::var_os("CREDCHAIN_SCREENSHOTS") {
		browser.screenshot(&Path::new(&folder).join(name)).await;
	}
}

#[tokio::test(flavor = "multi_thread")]
async fn a_verifier_sees_each_credential_s_verdict_and_a_timeline() {
	let node = Node::start(NodeConfig::dev()).await;
	node.wait_for_finalized(1, Duration::from_secs(60)).await;
	let client = Client::new(&node);
	let dir = tempfile::tempdir().unwrap();
	let degree = write(
		dir.path(),
		"msc.json",
		&open_badge("Ada Lovelace", "MSc Data Engineering", "2026-06-30T10:00:00Z"),
	);
	let sql = write(
		dir.path(),
		"sql.json",
		&open_badge("Ada Lovelace", "SQL Foundations", "2024-02-01T09:00:00Z"),
	);
	let modelling = write(
		dir.path(),
		"modelling.json",
		&open_badge("Ada Lovelace", "Data Modelling", "2025-01-15T09:00:00Z"),
	);
	let withdrawn = write(
		dir.path(),
		"old-transcript.json",
		&open_badge("Ada Lovelace", "Transcript 2024", "2024-07-01T09:00:00Z"),
	);
	let transcript = write(dir.path(), "transcript.pdf", &pdf("Transcript of records"));
	let forged = String::from_utf8(std::fs::read(&degree).unwrap())
		.unwrap()
		.replace("Ada Lovelace", "Eve Mallory");
	let forged = write(dir.path(), "msc-forged.json", forged.as_bytes());
	// Example Training Institute (Charlie) anchors a diploma that names Example University.
	let impostor = write(
		dir.path(),
		"impostor.json",
		&open_badge("Ada Lovelace", "MSc Forged by Another", "2026-06-30T10:00:00Z"),
	);
	let batch = dir.path().join("batch");
	std::fs::create_dir(&batch).unwrap();
	let bootcamp = write(
		&batch,
		"bootcamp.json",
		&open_badge("Ada Lovelace", "Python Bootcamp", "2023-09-01T09:00:00Z"),
	);
	write(
		&batch,
		"bootcamp-other.json",
		&open_badge("Grace Hopper", "Python Bootcamp", "2023-09-01T09:00:00Z"),
	);

	// Example University's registrar (Dave) registers the degree's achievement and issues the
	// degree (which names it), then the others, revokes one, and anchors a batch.
	client
		.run(&["achievement", "create", "--from", arg(&degree), "--issuer-key", "//Dave"])
		.expect(0);
	client
		.run(&["issue", arg(&degree), "--issuer-key", "//Dave"])
		.expect(0)
		.says("Achievement: https://");
	let issued = [&sql, &modelling, &withdrawn, &transcript].map(|path| arg(path));
	client.run(&[&["issue"][..], &issued[..], &["--issuer-key", "//Dave"]].concat()).expect(0);
	client
		.run(&["revoke", arg(&withdrawn), "--reason", "superseded", "--issuer-key", "//Dave"])
		.expect(0);
	client.run(&["issue-batch", arg(&batch), "--issuer-key", "//Dave"]).expect(0);
	client.run(&["issue", arg(&impostor), "--issuer-key", "//Charlie"]).expect(0);
	let proof = batch.join("bootcamp.json.proof.json");

	let server = VerifierServer::start(&client.http_url(), &[]);
	let browser = Browser::start(1100, 1000).await;
	browser.open(&server.url()).await;
	browser
		.wait_until(
			"the chain's name",
			VERDICT_TIMEOUT,
			"return document.getElementById('chain-line').textContent.includes('Development');",
		)
		.await;

	// A valid Open Badge: the chain confirms the issuer; the holder and achievement are the document's.
	let (status, text) = check_one(&browser, &[&degree]).await;
	assert_eq!(status, "valid", "{text}");
	assert_eq!(browser.text("article.card .verdict").await, "Valid");
	for shown in [
		"Example University",
		"Ada Lovelace",
		"MSc Data Engineering",
		"stated by the document",
		"Registered achievement",
		"Course",
	] {
		assert!(
			text.to_lowercase().contains(&shown.to_lowercase()),
			"{shown:?} missing from:\n{text}"
		);
	}
	screenshot(&browser, "verifier-valid.png").await;

	// A revoked credential, with the reason.
	let (status, text) = check_one(&browser, &[&withdrawn]).await;
	assert_eq!(status, "revoked", "{text}");
	assert!(text.contains("Revoked") && text.contains("superseded"), "{text}");
	screenshot(&browser, "verifier-revoked.png").await;

	// A tampered copy is unknown; a PDF is valid by its bytes.
	let (status, text) = check_one(&browser, &[&forged]).await;
	assert_eq!(status, "unknown", "{text}");
	assert!(text.contains("Unknown"), "{text}");
	let (status, text) = check_one(&browser, &[&transcript]).await;
	assert_eq!(status, "valid", "{text}");

	// Another issuer's anchor of a document naming the university: not the university's credential.
	let (status, text) = check_one(&browser, &[&impostor]).await;
	assert_eq!(status, "issuerMismatch", "{text}");
	assert!(
		text.contains("Issuer mismatch") && text.contains("Example Training Institute"),
		"{text}"
	);

	// A batch leaf with its proof file: one card, verified in its batch.
	let (status, text) = check_one(&browser, &[&bootcamp, &proof]).await;
	assert_eq!(status, "valid", "{text}");
	assert!(text.to_lowercase().contains("batch"), "{text}");

	// Five at once: a timeline with a summary.
	check(&browser, &[&degree, &sql, &modelling, &withdrawn, &forged], 5).await;
	let summary = browser.text("#summary").await;
	assert!(summary.contains("3 of 5 credentials valid"), "{summary}");
	let shown = cards(&browser).await;
	let statuses: Vec<&str> = shown.iter().map(|(status, ..)| status.as_str()).collect();
	assert_eq!(statuses.iter().filter(|status| **status == "valid").count(), 3, "{shown:?}");
	assert!(statuses.contains(&"revoked") && statuses.contains(&"unknown"), "{shown:?}");
	// In the order of the holder's learning, as the documents date it.
	let names = browser.texts("article.card .file-name").await;
	assert_eq!(names[..3], ["sql.json", "old-transcript.json", "modelling.json"], "{names:?}");
	browser.client.set_window_size(1100, 2600).await.unwrap();
	screenshot(&browser, "verifier-timeline.png").await;
	browser.client.set_window_size(1100, 1000).await.unwrap();

	// A shareable link re-checks one credential without the file, in a fresh page.
	let digest = digest_file(&degree).unwrap().digest;
	browser.open("about:blank").await;
	browser.open(&format!("{}#{}", server.url(), to_hex(&digest))).await;
	wait_for_cards(&browser, 1).await;
	let (status, text) = only_card(&browser).await;
	assert_eq!(status, "valid", "{text}");

	// The holder's identity and salt, entered on the page, confirm a credential bound to them; a
	// wrong salt does not. Only the salted hash leaves the browser.
	let bound = write(
		dir.path(),
		"statistics.json",
		&open_badge("Ada Lovelace", "Statistics", "2026-02-01T09:00:00Z"),
	);
	let salt = "ada-salt-0123456789abcdef";
	client
		.run(&[
			"issue",
			arg(&bound),
			"--issuer-key",
			"//Dave",
			"--holder-identity",
			"ada@example.org",
			"--holder-salt",
			salt,
		])
		.expect(0);
	let confirmed = "Confirmed: the credential commits to the identity and salt entered";
	let other = "Not confirmed: the credential belongs to another holder";
	for (given_salt, shown, not_shown) in
		[(salt, confirmed, other), ("a-wrong-salt-0123456789", other, confirmed)]
	{
		browser.open("about:blank").await;
		browser.open(&server.url()).await;
		browser.type_into("#holder-identity", "ada@example.org").await;
		browser.type_into("#holder-salt", given_salt).await;
		let (status, text) = check_one(&browser, &[&bound]).await;
		assert_eq!(status, "valid", "{text}");
		assert!(text.contains(shown) && !text.contains(not_shown), "{shown}: {text}");
	}
}

#[tokio::test(flavor = "multi_thread")]
async fn bad_files_and_a_node_that_goes_down_get_clear_messages() {
	let mut node = Node::start(NodeConfig::dev()).await;
	node.wait_for_finalized(1, Duration::from_secs(60)).await;
	let client = Client::new(&node);
	let dir = tempfile::tempdir().unwrap();
	let malformed = write(dir.path(), "malformed.json", b"{\"name\": \"Ada\",\n \"grade\": }");
	let empty = write(dir.path(), "empty.pdf", b"");
	let huge = dir.path().join("huge.bin");
	std::fs::File::create(&huge).unwrap().set_len(200 * 1024 * 1024).unwrap();
	let foreign = write(
		dir.path(),
		"other-chain.json.proof.json",
		&serde_json::to_vec(&json!({
			"version": 1,
			"chain": { "genesisHash": format!("0x{}", "11".repeat(32)), "name": "Another chain" },
			"root": format!("0x{}", "22".repeat(32)),
			"leafCount": 2,
			"leaf": format!("0x{}", "33".repeat(32)),
			"proof": { "leafIndex": 0, "siblings": [format!("0x{}", "44".repeat(32))] }
		}))
		.unwrap(),
	);

	let mut server = VerifierServer::start(&client.http_url(), &[]);
	let browser = Browser::start(1100, 1000).await;
	browser.open(&server.url()).await;

	let (status, text) = check_one(&browser, &[&malformed]).await;
	assert_eq!(status, "unknown", "{text}");
	assert!(text.contains("not valid JSON") && text.contains("line 2"), "{text}");

	let (status, text) = check_one(&browser, &[&empty]).await;
	assert_eq!(status, "error", "{text}");
	assert!(text.contains("This file is empty"), "{text}");

	// 200 MB are hashed in the browser, piece by piece, as bytes.
	let (status, text) = check_one(&browser, &[&huge]).await;
	assert_eq!(status, "unknown", "{text}");
	let zeros = digest_file(&huge).unwrap().digest;
	assert_eq!(cards(&browser).await[0].1, to_hex(&zeros));

	let (status, text) = check_one(&browser, &[&foreign]).await;
	assert_eq!(status, "error", "{text}");
	assert!(text.contains("another chain"), "{text}");

	// The server refuses what the page never sends, and stays up.
	for (body, content_type, status) in [
		(json!({"jsonrpc": "2.0", "id": 1, "method": "author_submitExtrinsic", "params": ["0x00"]}).to_string(), "application/json", 403),
		("[]".to_string(), "application/json", 400),
		("{".to_string(), "application/json", 400),
		("x".repeat(100_000), "application/json", 413),
		("a=b".to_string(), "application/x-www-form-urlencoded", 415),
	] {
		let (answer_status, answer) = post(server.port(), &body, content_type).await;
		assert_eq!(answer_status, status, "{answer}");
		if status != 413 {
			assert!(answer["error"]["message"].is_string(), "{answer}");
		}
	}
	assert!(server.is_running());

	// The node goes down: the page says so instead of hanging.
	node.stop(Duration::from_secs(60));
	let pdf_file = write(dir.path(), "after.pdf", &pdf("After the node stopped"));
	let (status, text) = check_one(&browser, &[&pdf_file]).await;
	assert_eq!(status, "error", "{text}");
	assert!(text.contains("cannot be reached"), "{text}");
	assert!(server.is_running());
}

#[tokio::test(flavor = "multi_thread")]
async fn the_page_computes_the_digests_the_client_computes() {
	let corpus = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/digest-corpus");
	let mut files: Vec<PathBuf> = std::fs::read_dir(&corpus)
		.unwrap()
		.map(|entry| entry.unwrap().path())
		.filter(|path| path.extension().is_some_and(|extension| extension != "md"))
		.collect();
	files.sort();
	files.push(Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/open-badge.json"));

	// No node is needed to hash: the server forwards to a port nobody listens on.
	let server = VerifierServer::start(&format!("http://127.0.0.1:{}", free_port()), &[]);
	let browser = Browser::start(1100, 1000).await;
	browser.open(&server.url()).await;
	let chosen: Vec<&Path> = files.iter().map(PathBuf::as_path).collect();
	check(&browser, &chosen, files.len()).await;

	let mut page_digests = std::collections::BTreeMap::new();
	for card in browser.all("article.card").await {
		let name =
			card.find(fantoccini::Locator::Css(".file-name")).await.unwrap().text().await.unwrap();
		let digest = card.attr("data-digest").await.unwrap();
		let text = card.text().await.unwrap();
		page_digests.insert(name, (digest, text));
	}
	for file in &files {
		let name = file.file_name().unwrap().to_str().unwrap().to_string();
		let (page, text) = page_digests
			.get(&name)
			.unwrap_or_else(|| panic!("no card for {name}: {page_digests:?}"));
		match digest_file(file) {
			Ok(native) => {
				assert_eq!(page.as_deref(), Some(to_hex(&native.digest).as_str()), "{name}: {text}")
			}
			Err(error) => {
				// Both refuse a repeated key, with the same reason.
				assert_eq!(page, &None, "{name}");
				assert!(
					error.to_string().contains("appears twice") && text.contains("appears twice"),
					"{name}: {text}"
				);
			}
		}
	}
}

#[tokio::test(flavor = "multi_thread")]
async fn the_page_fits_a_phone_takes_dropped_files_and_works_from_the_keyboard() {
	// Hashing needs no node: the server forwards to a port nobody listens on.
	let server = VerifierServer::start(&format!("http://127.0.0.1:{}", free_port()), &[]);
	let browser = Browser::start(360, 740).await;
	browser.open(&server.url()).await;
	browser
		.wait_until(
			"that the node is unreachable",
			VERDICT_TIMEOUT,
			"return !document.getElementById('status-banner').hidden;",
		)
		.await;
	let banner = browser.text("#status-banner").await;
	assert!(banner.contains("unreachable") || banner.contains("cannot be reached"), "{banner}");

	// A phone-width window: nothing wider than the screen.
	let widths = browser
		.client
		.execute("return [window.innerWidth, document.documentElement.scrollWidth];", vec![])
		.await
		.unwrap();
	assert!(widths[0].as_u64().unwrap() <= 400, "the window is phone-sized: {widths}");
	assert!(widths[1].as_u64() <= widths[0].as_u64(), "the page scrolls sideways: {widths}");

	// The keyboard reaches the file picker; results are announced to screen readers.
	let mut reached = false;
	for _ in 0..10 {
		browser.client.active_element().await.unwrap().send_keys("\u{E004}").await.unwrap(); // Tab
		let active =
			browser.client.execute("return document.activeElement.id;", vec![]).await.unwrap();
		if active == json!("file-input") {
			reached = true;
			break;
		}
	}
	assert!(reached, "Tab never reached the file picker");
	let label = browser.text("label[for=file-input]").await;
	assert_eq!(label, "Choose files");
	let live = browser
		.client
		.execute("return document.getElementById('results').getAttribute('aria-live');", vec![])
		.await
		.unwrap();
	assert_eq!(live, json!("polite"));

	// Files dropped on the zone take the same path as chosen ones.
	browser
		.client
		.execute(
			"const files = new DataTransfer(); \
			 files.items.add(new File([], 'empty.pdf')); \
			 files.items.add(new File(['%PDF-1.7 dropped'], 'dropped.pdf')); \
			 const zone = document.getElementById('drop-zone'); \
			 zone.dispatchEvent(new DragEvent('drop', { dataTransfer: files, bubbles: true, cancelable: true }));",
			vec![],
		)
		.await
		.unwrap();
	wait_for_cards(&browser, 2).await;
	let shown = cards(&browser).await;
	let empty = shown
		.iter()
		.find(|(_, _, text)| text.contains("empty.pdf"))
		.expect("a card for the empty file");
	assert!(empty.2.contains("This file is empty."), "{shown:?}");
	let dropped = shown
		.iter()
		.find(|(_, _, text)| text.contains("dropped.pdf"))
		.expect("a card for the dropped file");
	let expected = credchain_client::digest::digest_bytes(b"%PDF-1.7 dropped").unwrap().digest;
	assert_eq!(dropped.1, to_hex(&expected), "{shown:?}");
	assert_eq!(dropped.0, "error", "the node is unreachable: {shown:?}");
}

/// POSTs `body` to the verifier server's `/rpc`; its status and JSON answer (null if not JSON).
async fn post(port: u16, body: &str, content_type: &str) -> (u16, Value) {
	let (status, body) =
		http::post(&format!("http://127.0.0.1:{port}/rpc"), content_type, body).await;
	(status, serde_json::from_slice(&body).unwrap_or(Value::Null))
}

/// A measurement, not a test (`scripts/bench-verifier.sh` runs it): the page's load time on loopback
/// and the time from choosing 100 issued credentials to their 100 verdicts, printed.
#[tokio::test(flavor = "multi_thread")]
#[ignore = "a measurement: run by scripts/bench-verifier.sh"]
async fn measure_the_page_loading_and_checking_a_hundred_files() {
	const FILES: usize = 100;
	let node = Node::start(NodeConfig::dev()).await;
	node.wait_for_finalized(1, Duration::from_secs(60)).await;
	let client = Client::new(&node);
	let dir = tempfile::tempdir().unwrap();
	let files: Vec<PathBuf> = (0..FILES)
		.map(|i| {
			let badge =
				open_badge(&format!("Learner {i}"), &format!("Module {i}"), "2026-01-01T00:00:00Z");
			write(dir.path(), &format!("badge-{i:03}.json"), &badge)
		})
		.collect();
	let issued: Vec<&str> = files.iter().map(|path| arg(path)).collect();
	client.run(&[&["issue"][..], &issued[..], &["--issuer-key", "//Dave"]].concat()).expect(0);

	let server = VerifierServer::start(&client.http_url(), &[]);
	let browser = Browser::start(1100, 1000).await;
	for round in 1..=3 {
		browser.open(&server.url()).await;
		let ready =
			"return document.getElementById('chain-line').textContent.includes('Development');";
		browser.wait_until("the chain's name", VERDICT_TIMEOUT, ready).await;
		let timing = browser
			.client
			.execute(
				"const n = performance.getEntriesByType('navigation')[0]; \
				 return [n.responseEnd, n.domContentLoadedEventEnd, n.loadEventEnd, performance.now()];",
				vec![],
			)
			.await
			.unwrap();
		println!(
			"page load {round}: response {:.1} ms, DOMContentLoaded {:.1} ms, load {:.1} ms, chain named at {:.1} ms",
			timing[0].as_f64().unwrap(),
			timing[1].as_f64().unwrap(),
			timing[2].as_f64().unwrap(),
			timing[3].as_f64().unwrap()
		);
	}
	let chosen: Vec<&Path> = files.iter().map(PathBuf::as_path).collect();
	for round in 1..=3 {
		let started = std::time::Instant::now();
		browser.choose_files(&chosen).await;
		let chosen_after = started.elapsed();
		wait_for_cards(&browser, FILES).await;
		let elapsed = started.elapsed();
		let summary = browser.text("#summary").await;
		assert!(summary.contains(&format!("{FILES} of {FILES} credentials valid")), "{summary}");
		println!(
			"{FILES} files checked {round}: {:.0} ms, of which {:.0} ms for WebDriver to choose them \
			 ({summary})",
			elapsed.as_secs_f64() * 1000.0,
			chosen_after.as_secs_f64() * 1000.0
		);
	}
}
