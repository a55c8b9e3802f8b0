//! The `credchain` command-line client against a real `--dev` node: issuing an Open Badges 3.0 JSON
//! credential and a PDF, verifying them (and altered copies), revoking, suspending and reinstating,
//! withdrawing an issuer's accreditation, anchoring a Merkle batch of a thousand documents, managing
//! issuers and delegates, and a short load test.
//!
//! The client binary is the one built with the node (`target/<profile>/credchain`), or the one named by
//! the `CREDCHAIN_CLI` environment variable.

use std::{path::Path, time::Duration};

use credchain_e2e::{
	cli::{open_badge, pdf, run_cli, sha256_hex, Client, Run, ERROR, NOT_VALID, VALID},
	test_chain_spec, Node, NodeConfig,
};
use serde_json::{json, Value};
use sp_core::crypto::Ss58Codec;
use sp_keyring::Sr25519Keyring;

/// The SS58 address of a well-known development account.
fn address(key: Sr25519Keyring) -> String {
	key.to_account_id().to_ss58check()
}

/// A path as a command-line argument (temporary paths are UTF-8).
fn arg(path: &Path) -> &str {
	path.to_str().expect("temporary paths are UTF-8")
}

#[tokio::test(flavor = "multi_thread")]
async fn issue_verify_revoke_suspend_and_withdraw() {
	let node = Node::start(NodeConfig::dev()).await;
	node.wait_for_finalized(1, Duration::from_secs(60)).await;
	let client = Client::new(&node);
	let dir = tempfile::tempdir().expect("a temporary folder");
	let badge = dir.path().join("open-badge.json");
	let transcript = dir.path().join("transcript.pdf");
	let diploma = dir.path().join("diploma.pdf");
	std::fs::write(&badge, open_badge()).unwrap();
	std::fs::write(&transcript, pdf("Transcript of records")).unwrap();
	std::fs::write(&diploma, pdf("Diploma")).unwrap();

	// Digests need no node: a PDF is hashed byte for byte.
	let digests = run_cli(None, &["digest", arg(&badge), arg(&transcript)]).expect(0).digests();
	assert_eq!(digests["transcript.pdf"], sha256_hex(&pdf("Transcript of records")));
	let badge_digest = digests["open-badge.json"].clone();

	// The registrar (Dave, Bob's delegate) registers the badge's achievement, then issues the badge
	// and the transcript in one transaction, both certifying it.
	let achievement = client
		.run(&["achievement", "create", "--from", arg(&badge), "--issuer-key", "//Dave"])
		.expect(0)
		.says("Registered for the issuer")
		.value_of("Achievement:");
	client
		.run(&[
			"issue",
			arg(&badge),
			arg(&transcript),
			"--issuer-key",
			"//Dave",
			"--valid-until",
			"2099-12-31",
			"--achievement",
			"https://university.example/achievements/msc-data-engineering",
		])
		.expect(0)
		.says(&badge_digest)
		.says("Issued 2 credentials for the issuer")
		.says(address(Sr25519Keyring::Bob).as_str())
		.says("signed by the delegate")
		.says("in finalized block #")
		.says(&achievement);

	// Both verify, over WebSocket and over HTTP.
	client
		.run(&["verify", arg(&badge)])
		.expect(VALID)
		.says("VALID")
		.says("Example University, https://university.example (NL)")
		.says("until 2099-12-31 00:00:00 UTC")
		.says("Master of Science in Data Engineering (MasterDegree, 120 Ects)");
	run_cli(Some(client.http_url().as_str()), &["verify", arg(&transcript)])
		.expect(VALID)
		.says("VALID");
	let answer = client.run(&["verify", arg(&badge), "--json"]).expect(VALID).json();
	assert_eq!(answer["status"], "valid");
	assert_eq!(answer["digest"], badge_digest.as_str());
	assert_eq!(answer["validUntil"], 4_102_358_400_000u64);
	assert_eq!(answer["issuer"]["name"], "Example University");
	assert_eq!(answer["achievement"], achievement.as_str());
	assert_eq!(answer["achievementInfo"]["kind"], "MasterDegree");
	assert_eq!(answer["achievementInfo"]["credits"]["hundredths"], 12_000);
	client.run(&["verify", badge_digest.as_str()]).expect(VALID);

	// The badge's verdict, proven from the development chain's spec alone (one authority, no set
	// change), with its achievement: no node is asked.
	client.run(&["proof", arg(&badge)]).expect(VALID).says("\"valid\"");
	let dev_spec = test_chain_spec("dev");
	run_cli(
		Some("http://127.0.0.1:9"),
		&["verify", arg(&badge), "--offline", "--chain-spec", arg(&dev_spec)],
	)
	.expect(VALID)
	.says("Master of Science in Data Engineering")
	.says("0 authority-set changes");

	// One altered byte of the PDF, or one altered field of the JSON: unknown, not valid.
	let mut altered_pdf = pdf("Transcript of records");
	let middle = altered_pdf.len() / 2;
	altered_pdf[middle] ^= 0x01;
	let altered_transcript = dir.path().join("transcript-altered.pdf");
	std::fs::write(&altered_transcript, altered_pdf).unwrap();
	client.run(&["verify", arg(&altered_transcript)]).expect(NOT_VALID).says("UNKNOWN");

	let mut document: Value = serde_json::from_slice(&open_badge()).unwrap();
	document["credentialSubject"]["achievement"]["creditsAvailable"] = json!(180);
	let altered_badge = dir.path().join("open-badge-altered.json");
	std::fs::write(&altered_badge, serde_json::to_vec_pretty(&document).unwrap()).unwrap();
	client.run(&["verify", arg(&altered_badge)]).expect(NOT_VALID).says("UNKNOWN");

	// Re-indented with its keys in another order, the JSON credential is the same credential.
	let original: Value = serde_json::from_slice(&open_badge()).unwrap();
	let compact = dir.path().join("open-badge-compact.json");
	std::fs::write(&compact, serde_json::to_string(&original).unwrap()).unwrap();
	let reindented = dir.path().join("open-badge-reindented.json");
	std::fs::write(
		&reindented,
		format!("\n\n{}\n", serde_json::to_string_pretty(&original).unwrap().replace("  ", "\t")),
	)
	.unwrap();
	for copy in [&compact, &reindented] {
		client.run(&["verify", arg(copy)]).expect(VALID).says(&badge_digest);
	}

	// The university itself (Bob) issues a diploma with `issue` for a single file.
	client
		.run(&[
			"issue",
			arg(&diploma),
			"--issuer-key",
			"//Bob",
			"--valid-from",
			"2020-07-01T09:00:00+02:00",
		])
		.expect(0)
		.says("Issued 1 credential for the issuer");

	// The chain's refusals, in words.
	client
		.run(&["issue", arg(&badge), "--issuer-key", "//Bob"])
		.expect(ERROR)
		.complains("already issued");
	let eve_document = dir.path().join("eve.pdf");
	std::fs::write(&eve_document, pdf("Not a credential")).unwrap();
	client
		.run(&["issue", arg(&eve_document), "--issuer-key", "//Eve"])
		.expect(ERROR)
		.complains("holds no role");
	client
		.run(&["revoke", arg(&transcript), "--reason", "other", "--issuer-key", "//Charlie"])
		.expect(ERROR)
		.complains("has issued no credential with this digest");
	client
		.run(&[
			"issue",
			arg(&eve_document),
			"--issuer-key",
			"//Bob",
			"--valid-from",
			"2027-01-01",
			"--valid-until",
			"2026-01-01",
		])
		.expect(ERROR)
		.complains("validity window");
	client
		.run(&["issue", arg(&eve_document), "--issuer-key", "//Bob", "--valid-from", "soon"])
		.expect(ERROR);
	client
		.run(&["verify", "no-such-file.pdf"])
		.expect(ERROR)
		.complains("neither a document that exists nor a digest");
	let unreachable =
		run_cli(Some("ws://127.0.0.1:1"), &["verify", badge_digest.as_str()]).expect(ERROR);
	assert!(unreachable.stderr.contains("is not reachable"), "{unreachable:?}");
	run_cli(
		Some(client.http_url().as_str()),
		&["issue", arg(&eve_document), "--issuer-key", "//Bob"],
	)
	.expect(ERROR)
	.complains("needs a WebSocket connection");

	// Revoked for good, with its reason.
	client
		.run(&["revoke", arg(&transcript), "--reason", "superseded", "--issuer-key", "//Bob"])
		.expect(0)
		.says("Revoked");
	client
		.run(&["verify", arg(&transcript)])
		.expect(NOT_VALID)
		.says("REVOKED for good in block #")
		.says("superseded by a newer credential");
	let answer = client.run(&["verify", arg(&transcript), "--json"]).expect(NOT_VALID).json();
	assert_eq!(answer["status"], "revoked");
	assert_eq!(answer["revocation"]["reason"], "superseded");
	client
		.run(&["revoke", arg(&transcript), "--reason", "superseded", "--issuer-key", "//Bob"])
		.expect(ERROR)
		.complains("already revoked");

	// Suspended, then reinstated.
	client.run(&["suspend", arg(&diploma), "--issuer-key", "//Dave"]).expect(0).says("Suspended");
	client.run(&["verify", arg(&diploma)]).expect(NOT_VALID).says("SUSPENDED");
	client
		.run(&["reinstate", arg(&diploma), "--issuer-key", "//Dave"])
		.expect(0)
		.says("Reinstated");
	client.run(&["verify", arg(&diploma)]).expect(VALID);
	client
		.run(&["reinstate", arg(&diploma), "--issuer-key", "//Dave"])
		.expect(ERROR)
		.complains("not suspended");

	// Only the sudo key governs: an issuer's key may not even sign `Sudo.sudo`.
	client
		.run(&[
			"admin",
			"withdraw",
			address(Sr25519Keyring::Bob).as_str(),
			"--reason",
			"merged",
			"--sudo-key",
			"//Charlie",
		])
		.expect(ERROR)
		.complains("none of its roles may sign this call");

	// The consortium withdraws the university's accreditation: its credentials keep their status, and
	// the verifier sees both.
	client
		.run(&[
			"admin",
			"withdraw",
			address(Sr25519Keyring::Bob).as_str(),
			"--reason",
			"merged",
			"--sudo-key",
			"//Alice",
		])
		.expect(0)
		.says("Withdrew the accreditation");
	client
		.run(&["verify", arg(&badge)])
		.expect(VALID)
		.says("accreditation withdrawn (the institution merged into another)")
		.says("Warning:      its issuer was withdrawn since block #")
		.says("the credential keeps its own status");
	client
		.run(&["issuer", "show", address(Sr25519Keyring::Bob).as_str()])
		.expect(0)
		.says("withdrawn");
	let refused =
		client.run(&["issue", arg(&eve_document), "--issuer-key", "//Dave"]).expect(ERROR);
	assert!(
		refused.stderr.contains("not allowed to issue") || refused.stderr.contains("holds no role"),
		"{refused:?}"
	);
}

#[tokio::test(flavor = "multi_thread")]
async fn a_batch_of_a_thousand_documents() {
	const COUNT: usize = 1000;
	let node = Node::start(NodeConfig::dev()).await;
	node.wait_for_finalized(1, Duration::from_secs(60)).await;
	let client = Client::new(&node);
	let dir = tempfile::tempdir().expect("a temporary folder");
	let batch = dir.path().join("batch");
	std::fs::create_dir(&batch).unwrap();
	let name = |i: usize| format!("certificate-{i:04}.json");
	for i in 0..COUNT {
		let document = json!({
			"@context": ["https://www.w3.org/ns/credentials/v2"],
			"type": ["VerifiableCredential", "OpenBadgeCredential"],
			"name": "Data Literacy 101",
			"credentialSubject": { "id": format!("did:example:student-{i}"), "type": ["AchievementSubject"] }
		});
		std::fs::write(batch.join(name(i)), serde_json::to_vec_pretty(&document).unwrap()).unwrap();
	}

	let course = dir.path().join("data-literacy.json");
	let definition = json!({
		"id": "https://university.example/achievements/data-literacy-101",
		"type": ["Achievement"],
		"achievementType": "Course",
		"name": "Data Literacy 101"
	});
	std::fs::write(&course, serde_json::to_vec(&definition).unwrap()).unwrap();
	client
		.run(&["achievement", "create", "--from", arg(&course), "--issuer-key", "//Dave"])
		.expect(0);
	let run = client
		.run(&[
			"issue-batch",
			arg(&batch),
			"--issuer-key",
			"//Dave",
			"--valid-from",
			"2020-01-01",
			"--achievement",
			"https://university.example/achievements/data-literacy-101",
		])
		.expect(0)
		.says(&format!("Anchored a batch of {COUNT} credentials with Merkle root 0x"))
		.says("in finalized block #");
	let digests = run.digests();
	assert_eq!(digests.len(), COUNT);

	// Every proof file verifies against the chain, and names this chain.
	let genesis: String = node.call("chain_getBlockHash", vec![json!(0)]).await;
	let mut root = String::new();
	for i in 0..COUNT {
		let path = batch.join(format!("{}.proof.json", name(i)));
		let file: Value = serde_json::from_slice(&std::fs::read(&path).unwrap()).unwrap();
		assert_eq!(file["version"], 1);
		assert_eq!(file["chain"]["genesisHash"], genesis.as_str());
		assert_eq!(file["leafCount"], COUNT as u64);
		assert_eq!(file["proof"]["leafIndex"], i as u64);
		assert_eq!(file["leaf"], digests[&name(i)].as_str());
		root = file["root"].as_str().unwrap().to_string();
		let verdict: Value = node
			.call(
				"credentials_verifyInBatch",
				vec![file["root"].clone(), file["leaf"].clone(), file["proof"].clone()],
			)
			.await;
		assert_eq!(verdict["status"], "valid", "document {i}: {verdict}");
		assert_eq!(verdict["batch"]["leafCount"], COUNT as u64);
	}
	assert!(run.stdout.contains(&root));

	// The client finds the proof file beside the document.
	let doc =
		|i: usize| batch.join(name(i)).to_str().expect("temporary paths are UTF-8").to_string();
	client
		.run(&["verify", doc(7).as_str()])
		.expect(VALID)
		.says("one of 1000 credentials anchored with root");

	// One leaf revoked, another suspended and reinstated; their neighbours are untouched.
	client
		.run(&[
			"revoke",
			doc(17).as_str(),
			"--reason",
			"fraud-or-misconduct",
			"--issuer-key",
			"//Dave",
		])
		.expect(0)
		.says("credential 18 of 1000");
	client
		.run(&["verify", doc(17).as_str()])
		.expect(NOT_VALID)
		.says("REVOKED")
		.says("fraud or misconduct");
	client.run(&["verify", doc(16).as_str()]).expect(VALID);
	client.run(&["suspend", doc(18).as_str(), "--issuer-key", "//Bob"]).expect(0);
	client.run(&["verify", doc(18).as_str()]).expect(NOT_VALID).says("SUSPENDED");
	client.run(&["reinstate", doc(18).as_str(), "--issuer-key", "//Bob"]).expect(0);
	client.run(&["verify", doc(18).as_str()]).expect(VALID);

	// A forged proof does not verify.
	let proof_of = |i: usize| batch.join(format!("{}.proof.json", name(i)));
	let mut forged: Value = serde_json::from_slice(&std::fs::read(proof_of(19)).unwrap()).unwrap();
	let sibling = forged["proof"]["siblings"][0].as_str().unwrap().to_string();
	let flipped = if sibling.ends_with('0') { "1" } else { "0" };
	forged["proof"]["siblings"][0] = json!(format!("{}{flipped}", &sibling[..sibling.len() - 1]));
	let forged_path = dir.path().join("forged.proof.json");
	std::fs::write(&forged_path, serde_json::to_vec(&forged).unwrap()).unwrap();
	client
		.run(&["verify", doc(19).as_str(), "--proof", arg(&forged_path)])
		.expect(NOT_VALID)
		.says("INVALID PROOF");
	let answer = client
		.run(&["verify", doc(19).as_str(), "--proof", arg(&forged_path), "--json"])
		.expect(NOT_VALID)
		.json();
	assert_eq!(answer["status"], "invalidProof");

	// Another document's proof file does not make a document valid.
	client
		.run(&["verify", doc(20).as_str(), "--proof", arg(&proof_of(21))])
		.expect(NOT_VALID)
		.says("is for the credential");

	// A proof file made for another chain is refused.
	let mut elsewhere: Value =
		serde_json::from_slice(&std::fs::read(proof_of(22)).unwrap()).unwrap();
	elsewhere["chain"]["genesisHash"] = json!(format!("0x{}", "11".repeat(32)));
	let elsewhere_path = dir.path().join("elsewhere.proof.json");
	std::fs::write(&elsewhere_path, serde_json::to_vec(&elsewhere).unwrap()).unwrap();
	client
		.run(&["verify", doc(22).as_str(), "--proof", arg(&elsewhere_path)])
		.expect(ERROR)
		.complains("another chain");

	// The same batch cannot be anchored twice, and a refused batch leaves the old proof files alone.
	client
		.run(&["issue-batch", arg(&batch), "--issuer-key", "//Dave"])
		.expect(ERROR)
		.complains("already exist");
	client
		.run(&[
			"issue-batch",
			arg(&batch),
			"--issuer-key",
			"//Dave",
			"--valid-from",
			"2020-01-01",
			"--achievement",
			"https://university.example/achievements/data-literacy-101",
			"--overwrite",
		])
		.expect(ERROR)
		.complains("already anchored");
	client.run(&["verify", doc(7).as_str()]).expect(VALID);
	assert!(!batch.join(format!("{}.proof.json.partial", name(7))).exists());

	// Revoking the whole batch revokes every credential of it.
	client
		.run(&[
			"revoke",
			doc(0).as_str(),
			"--whole-batch",
			"--reason",
			"issued-in-error",
			"--issuer-key",
			"//Bob",
		])
		.expect(0)
		.says("Revoked all 1000 credentials");
	client
		.run(&["verify", doc(999).as_str()])
		.expect(NOT_VALID)
		.says("REVOKED")
		.says("issued in error");
}

#[tokio::test(flavor = "multi_thread")]
async fn issuers_delegates_and_a_load_test() {
	let node = Node::start(NodeConfig::dev()).await;
	node.wait_for_finalized(1, Duration::from_secs(60)).await;
	let client = Client::new(&node);
	let dir = tempfile::tempdir().expect("a temporary folder");
	let alice = address(Sr25519Keyring::Alice);
	let ferdie = address(Sr25519Keyring::Ferdie);

	client
		.run(&["issuer", "show", address(Sr25519Keyring::Bob).as_str()])
		.expect(0)
		.says("Example University")
		.says("accredited");
	let shown = client
		.run(&["issuer", "show", address(Sr25519Keyring::Charlie).as_str(), "--json"])
		.expect(0)
		.json();
	assert_eq!(shown["name"], "Example Training Institute");
	client
		.run(&["issuer", "show", ferdie.as_str()])
		.expect(NOT_VALID)
		.says("No issuer is registered");
	client.run(&["issuer", "show", "not-an-account"]).expect(ERROR).complains("is not an account");

	// An institution applies (Alice holds the bootstrap role, so her account may transact) ...
	register_alice_academy(&client, "gb").expect(ERROR).complains("two upper-case letters");
	register_alice_academy(&client, "GB")
		.expect(0)
		.says("Registered Alice Academy as an applicant issuer");
	client.run(&["issuer", "show", alice.as_str()]).expect(0).says("applicant");
	register_alice_academy(&client, "GB")
		.expect(ERROR)
		.complains("already registered as an issuer");

	// ... the consortium accredits it ...
	client
		.run(&["admin", "accredit", alice.as_str(), "--sudo-key", "//Alice"])
		.expect(0)
		.says("Accredited");
	client.run(&["issuer", "show", alice.as_str()]).expect(0).says("accredited");

	// ... and it lets a registrar's key (Ferdie) issue for it, then stops it.
	let key_file = dir.path().join("ferdie.key");
	std::fs::write(&key_file, "//Ferdie\n").unwrap();
	let ferdie_key = format!("@{}", key_file.display());
	client
		.run(&["issuer", "add-delegate", ferdie.as_str(), "--key", "//Alice"])
		.expect(0)
		.says("Invited");
	// The invitation alone does not let the key issue: the key must accept it itself.
	let early = dir.path().join("early.pdf");
	std::fs::write(&early, b"%PDF-1.4\nsent before accepting\n%%EOF\n").unwrap();
	client
		.run(&["issue", arg(&early), "--issuer-key", ferdie_key.as_str()])
		.expect(ERROR)
		.complains("none of its roles may sign this call");
	client
		.run(&["delegate", "accept", alice.as_str(), "--key", ferdie_key.as_str()])
		.expect(0)
		.says("is now a delegate key");
	let certificate = dir.path().join("certificate.pdf");
	std::fs::write(&certificate, b"%PDF-1.4\nAlice Academy certificate\n%%EOF\n").unwrap();
	let issued =
		client.run(&["issue", arg(&certificate), "--issuer-key", ferdie_key.as_str()]).expect(0);
	assert!(!issued.stdout.contains("Ferdie") && !issued.stderr.contains("//Ferdie"), "{issued:?}");
	client.run(&["verify", arg(&certificate)]).expect(VALID).says("Alice Academy");
	client
		.run(&["issuer", "remove-delegate", ferdie.as_str(), "--key", "//Alice"])
		.expect(0)
		.says("Removed");
	let another = dir.path().join("another.pdf");
	std::fs::write(&another, b"%PDF-1.4\nanother certificate\n%%EOF\n").unwrap();
	client.run(&["issue", arg(&another), "--issuer-key", ferdie_key.as_str()]).expect(ERROR);

	client
		.run(&[
			"issuer",
			"update",
			"--name",
			"Alice Academy of Sciences",
			"--uri",
			"https://academy.example",
			"--country",
			"GB",
			"--key",
			"//Alice",
		])
		.expect(0)
		.says("Proposed a new profile");
	// A profile change is only a proposal until governance approves it.
	let before = client.run(&["issuer", "show", alice.as_str()]).expect(0);
	assert!(!before.stdout.contains("Alice Academy of Sciences"), "{before:?}");
	client.run(&["admin", "approve-profile", alice.as_str(), "--sudo-key", "//Alice"]).expect(0);
	client.run(&["issuer", "show", alice.as_str()]).expect(0).says("Alice Academy of Sciences");
	client
		.run(&["issuer", "show", "https://academy.example"])
		.expect(0)
		.says("Alice Academy of Sciences");

	// A short, bounded load test over HTTP and over WebSocket.
	let report = run_cli(
		Some(client.http_url().as_str()),
		&["bench", "verify", "--concurrency", "4", "--duration", "2", "--max-requests", "100000"],
	)
	.expect(0)
	.says("throughput:")
	.says("p99");
	let requests: u64 = report
		.stdout
		.lines()
		.find_map(|line| line.strip_prefix("requests:"))
		.and_then(|rest| rest.split_whitespace().next())
		.and_then(|count| count.parse().ok())
		.expect("the report counts requests");
	assert!(requests > 0, "{report:?}");
	assert!(report.stdout.contains("(0 errors)"), "{report:?}");
	client
		.run(&[
			"bench",
			"verify",
			"--concurrency",
			"2",
			"--duration",
			"5",
			"--storage",
			"--max-requests",
			"50",
		])
		.expect(0)
		.says("state_getStorage")
		.says("requests:    50");
}

/// Runs `credchain issuer register` for "Alice Academy" in `country`, signed by Alice.
fn register_alice_academy(client: &Client, country: &str) -> Run {
	client.run(&[
		"issuer",
		"register",
		"--name",
		"Alice Academy",
		"--uri",
		"https://academy.example",
		"--country",
		country,
		"--key",
		"//Alice",
	])
}

/// The value after `label` on its line of `text`, up to the first space.
fn value_after<'a>(text: &'a str, label: &str) -> &'a str {
	let line = text.lines().find_map(|line| line.strip_prefix(label));
	line.and_then(|rest| rest.split_whitespace().next())
		.unwrap_or_else(|| panic!("no {label:?} in {text}"))
}

#[tokio::test(flavor = "multi_thread")]
async fn a_credential_bound_to_its_holder_is_confirmed_only_for_them() {
	let node = Node::start(NodeConfig::dev()).await;
	node.wait_for_finalized(1, Duration::from_secs(60)).await;
	let client = Client::new(&node);
	let dir = tempfile::tempdir().expect("a temporary folder");
	let [diploma, badge, transcript] = ["diploma.pdf", "badge.pdf", "transcript.pdf"].map(|name| {
		let path = dir.path().join(name);
		std::fs::write(&path, pdf(name)).unwrap();
		path
	});

	// The registrar issues a diploma bound to Alice's e-mail address; the client makes the salt.
	let issued = client
		.run(&[
			"issue",
			arg(&diploma),
			"--issuer-key",
			"//Dave",
			"--holder-identity",
			"alice@example.edu",
		])
		.expect(0)
		.says("Holder salt: ");
	let salt = value_after(&issued.stdout, "Holder salt: ").to_string();
	assert_eq!(salt.len(), 32, "128 random bits in hex: {salt}");

	// Alice shows her identity and salt: confirmed. Anyone else, or a wrong salt: not confirmed.
	client
		.run(&["verify", arg(&diploma), "--holder", "alice@example.edu", "--salt", &salt])
		.expect(VALID)
		.says("VALID")
		.says("Holder check: the credential is alice@example.edu's");
	for (identity, salt) in [("bob@example.edu", salt.as_str()), ("alice@example.edu", "0123")] {
		client
			.run(&["verify", arg(&diploma), "--holder", identity, "--salt", salt])
			.expect(NOT_VALID)
			.says("VALID")
			.says("Holder check: NOT CONFIRMED");
	}

	// `holder commit` (no node) makes the same commitment `issue --holder` then records, as an Open
	// Badges identityHash too.
	let committed = run_cli(
		None,
		&[
			"holder",
			"commit",
			"--identity",
			"did:example:alice",
			"--salt",
			"a-salt-of-sixteen-or-more",
		],
	)
	.expect(0);
	let commitment = value_after(&committed.stdout, "Commitment:   ").to_string();
	let identity_hash = value_after(&committed.stdout, "identityHash: ");
	assert_eq!(identity_hash, format!("sha256${}", commitment.trim_start_matches("0x")));
	client
		.run(&["issue", arg(&badge), "--issuer-key", "//Dave", "--holder", &commitment])
		.expect(0);
	for (salt, expected) in
		[("a-salt-of-sixteen-or-more", VALID), ("another-salt-of-16", NOT_VALID)]
	{
		client
			.run(&["verify", arg(&badge), "--holder", "did:example:alice", "--salt", salt])
			.expect(expected);
	}

	// An Open Badge that states its holder's hashed identity (from `holder commit`), issued without
	// --holder, is bound to that holder on chain too: its record gets the same commitment.
	let hashed_badge = dir.path().join("hashed-badge.json");
	let identifier = json!({
		"type": "IdentityObject", "identityType": "did", "hashed": true,
		"identityHash": identity_hash, "salt": "a-salt-of-sixteen-or-more"
	});
	let mut document: Value = serde_json::from_slice(&open_badge()).unwrap();
	document["credentialSubject"]["identifier"] = json!([identifier]);
	std::fs::write(&hashed_badge, serde_json::to_vec_pretty(&document).unwrap()).unwrap();
	client
		.run(&["issue", arg(&hashed_badge), "--issuer-key", "//Dave"])
		.expect(0)
		.says("1 of 1 credentials are bound to the holder their document's hashed identity");
	let verify_hashed_badge = |salt: &str| {
		client.run(&["verify", arg(&hashed_badge), "--holder", "did:example:alice", "--salt", salt])
	};
	verify_hashed_badge("a-salt-of-sixteen-or-more").expect(VALID);
	verify_hashed_badge("not-the-salt-given").expect(NOT_VALID);
	let answer = client.run(&["verify", arg(&hashed_badge), "--json"]).expect(VALID).json();
	assert_eq!(answer["holderCommitment"], commitment.as_str());

	// A credential issued without a holder confirms nobody.
	client.run(&["issue", arg(&transcript), "--issuer-key", "//Dave"]).expect(0);
	client
		.run(&["verify", arg(&transcript), "--holder", "alice@example.edu", "--salt", &salt])
		.expect(NOT_VALID)
		.says("names no holder");

	// Bad input is refused before anything is sent.
	let refusals: [&[&str]; 4] = [
		&["issue", arg(&transcript), "--issuer-key", "//Dave", "--holder-salt", "s"],
		&[
			"issue",
			arg(&transcript),
			"--issuer-key",
			"//Dave",
			"--holder",
			&commitment,
			"--holder-identity",
			"x",
		],
		&[
			"issue",
			arg(&transcript),
			"--issuer-key",
			"//Dave",
			"--holder-identity",
			" alice@example.edu",
		],
		&["verify", arg(&transcript), "--holder", "alice@example.edu"],
	];
	for arguments in refusals {
		let run = client.run(arguments);
		assert_eq!(run.code, ERROR, "{arguments:?} was not refused: {run:?}");
	}
}
