//! What a credential certifies, and credentials that stack, on a real `--dev` node through the
//! `credchain` client: two issuers register three micro-credentials (Open Badges 3.0 achievements
//! with EQF level and ECTS credits) and one issuer a certificate that stacks them; one holder earns
//! all three and then the certificate; the verifier sees the certificate's level, credits and
//! components; a credential of another holder is refused as a component; revoking one component
//! turns the certificate into `componentRevoked`.

use std::path::{Path, PathBuf};
use std::time::Duration;

use credchain_e2e::{
	cli::{Client, ERROR, NOT_VALID, VALID},
	Node, NodeConfig,
};
use serde_json::{json, Value};
use sp_core::crypto::Ss58Codec;
use sp_keyring::Sr25519Keyring;

/// The university's (Bob's, with Dave as registrar) `issuer.id` in its Open Badges.
const UNIVERSITY: &str = "https://university.example/issuers/registrar";
/// The training institute's (Charlie's) identifier.
const INSTITUTE: &str = "did:web:training.example";

/// An Open Badges 3.0 `Achievement` worth `ects` ECTS credits at EQF level `eqf`.
fn achievement(uri: &str, name: &str, kind: &str, ects: f64, eqf: u8) -> Value {
	json!({
		"id": uri,
		"type": ["Achievement"],
		"achievementType": kind,
		"name": name,
		"creditsAvailable": ects,
		"criteria": { "narrative": format!("Passed the assessment of {name}.") },
		"alignment": [
			{ "type": ["Alignment"], "targetName": format!("EQF level {eqf}"), "targetFramework": "EQF",
			  "targetCode": eqf.to_string(), "targetUrl": format!("http://data.europa.eu/snb/eqf/{eqf}") },
			{ "type": ["Alignment"], "targetName": "data analysis",
			  "targetUrl": "http://data.europa.eu/esco/skill/data-analysis" }
		],
		"inLanguage": "en"
	})
}

/// An Open Badge from `issuer` certifying `achievement` to the holder whose hashed identity is
/// `identity_hash` (the document's own `credentialSubject.identifier`).
fn badge(issuer: &str, achievement: &Value, holder: &str) -> Value {
	json!({
		"@context": ["https://www.w3.org/ns/credentials/v2",
					 "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"],
		"id": format!("urn:uuid:{holder}-{}", achievement["name"].as_str().unwrap().replace(' ', "-")),
		"type": ["VerifiableCredential", "OpenBadgeCredential"],
		"issuer": { "id": issuer, "type": ["Profile"] },
		"validFrom": "2026-01-15T00:00:00Z",
		"name": achievement["name"],
		"credentialSubject": { "type": ["AchievementSubject"], "achievement": achievement }
	})
}

/// Writes `value` as `name` in `dir` and returns the path.
fn write(dir: &Path, name: &str, value: &Value) -> PathBuf {
	let path = dir.join(name);
	std::fs::write(&path, serde_json::to_vec_pretty(value).unwrap()).unwrap();
	path
}

/// A path as a command-line argument.
fn arg(path: &Path) -> &str {
	path.to_str().expect("temporary paths are UTF-8")
}

#[tokio::test(flavor = "multi_thread")]
async fn three_micro_credentials_of_two_issuers_stack_into_a_certificate() {
	let node = Node::start(NodeConfig::dev()).await;
	node.wait_for_finalized(1, Duration::from_secs(60)).await;
	let client = Client::new(&node);
	let dir = tempfile::tempdir().expect("a temporary folder");
	let dir = dir.path();

	// Three micro-credentials: two of the university, one of the training institute.
	let sql = achievement(
		"https://university.example/achievements/sql",
		"SQL Foundations",
		"MicroCredential",
		5.0,
		5,
	);
	let modelling = achievement(
		"https://university.example/achievements/data-modelling",
		"Data Modelling",
		"MicroCredential",
		5.0,
		5,
	);
	let capstone = achievement(
		"https://training.example/achievements/capstone",
		"Capstone Project",
		"MicroCredential",
		5.0,
		5,
	);
	let create = |definition: &Value, name: &str, key: &str, extra: &[&str]| -> String {
		let file = write(dir, name, definition);
		let mut args = vec!["achievement", "create", "--from", arg(&file), "--issuer-key", key];
		args.extend(extra);
		client.run(&args).expect(0).says("Registered for the issuer").value_of("Achievement:")
	};
	let sql_id = create(&sql, "sql.json", "//Dave", &[]);
	let modelling_id = create(&modelling, "modelling.json", "//Bob", &[]);
	let capstone_id = create(&capstone, "capstone.json", "//Charlie", &[]);
	// The same URI again is refused; so is an achievement type Open Badges does not have.
	let again = write(dir, "sql-again.json", &sql);
	client
		.run(&["achievement", "create", "--from", arg(&again), "--issuer-key", "//Dave"])
		.expect(ERROR)
		.complains("AchievementAlreadyExists");
	let mut nanodegree = sql.clone();
	nanodegree["achievementType"] = json!("Nanodegree");
	let nanodegree = write(dir, "nanodegree.json", &nanodegree);
	client
		.run(&["achievement", "create", "--from", arg(&nanodegree), "--issuer-key", "//Dave"])
		.expect(ERROR)
		.complains("not an Open Badges 3.0 type");

	// The certificate stacks all three, worth 15 ECTS together.
	let certificate = achievement(
		"https://university.example/achievements/data-analyst",
		"Data Analyst Certificate",
		"Certificate",
		15.0,
		5,
	);
	let certificate_id = create(
		&certificate,
		"certificate.json",
		"//Dave",
		&["--stacks", &sql_id, &modelling_id, &capstone_id, "--min-credits", "15"],
	);
	client
		.run(&["achievement", "show", &certificate_id])
		.expect(0)
		.says("Data Analyst Certificate (Certificate, EQF level 5, 15 Ects)")
		.says("at least 3 of 3 component achievements worth at least 15 credits")
		.says(&capstone_id);
	client.run(&["achievement", "show", &format!("0x{}", "ee".repeat(32))]).expect(NOT_VALID);

	// One holder, Alice, earns the three micro-credentials; Bob's holder earns a capstone too.
	let holder =
		["--holder-identity", "alice@example.org", "--holder-salt", "a1b2c3d4e5f6a7b8c9d0"];
	let issue = |document: &Value, name: &str, key: &str, holder: &[&str]| -> PathBuf {
		let file = write(dir, name, document);
		let mut args = vec!["issue", arg(&file), "--issuer-key", key];
		args.extend(holder);
		// The achievement comes from the document's credentialSubject.achievement.id.
		client.run(&args).expect(0).says("Achievement: https://");
		file
	};
	let sql_badge = issue(&badge(UNIVERSITY, &sql, "alice"), "alice-sql.json", "//Dave", &holder);
	let modelling_badge =
		issue(&badge(UNIVERSITY, &modelling, "alice"), "alice-modelling.json", "//Dave", &holder);
	let capstone_badge =
		issue(&badge(INSTITUTE, &capstone, "alice"), "alice-capstone.json", "//Charlie", &holder);
	let other_holder =
		["--holder-identity", "bob@example.org", "--holder-salt", "f0e1d2c3b4a5968778695a4b"];
	let other_capstone =
		issue(&badge(INSTITUTE, &capstone, "bob"), "bob-capstone.json", "//Charlie", &other_holder);
	// An issuer cannot issue another's achievement, unless its owner shares it.
	let foreign = write(dir, "foreign.json", &badge(INSTITUTE, &sql, "carol"));
	let issue_foreign = || {
		client.run(&["issue", arg(&foreign), "--issuer-key", "//Charlie", "--achievement", &sql_id])
	};
	issue_foreign().expect(ERROR).complains("ForeignAchievement");
	let institute = Sr25519Keyring::Charlie.to_account_id().to_ss58check();
	let share = |verb: &str| {
		client.run(&["achievement", verb, &sql_id, "--with", &institute, "--issuer-key", "//Dave"])
	};
	share("share").expect(0).says("may now issue");
	share("share").expect(ERROR).complains("AlreadyShared");
	share("unshare").expect(0).says("may no longer issue");
	issue_foreign().expect(ERROR).complains("ForeignAchievement");
	// Nor name an achievement nobody registered.
	let nobody = format!("0x{}", "ee".repeat(32));
	client
		.run(&["issue", arg(&foreign), "--issuer-key", "//Charlie", "--achievement", &nobody])
		.expect(ERROR)
		.complains("UnknownAchievement");
	// Nor issue the certificate without its components.
	let award = write(dir, "alice-certificate.json", &badge(UNIVERSITY, &certificate, "alice"));
	client
		.run(&["issue", arg(&award), "--issuer-key", "//Dave"])
		.expect(ERROR)
		.complains("ComponentsRequired");

	// Another holder's capstone is refused as a component, and nothing is issued.
	client
		.run(&[
			"issue",
			arg(&award),
			"--issuer-key",
			"//Dave",
			"--holder-identity",
			"alice@example.org",
			"--holder-salt",
			"a1b2c3d4e5f6a7b8c9d0",
			"--components",
			arg(&sql_badge),
			arg(&modelling_badge),
			arg(&other_capstone),
		])
		.expect(ERROR)
		.complains("ComponentHolderMismatch");
	client.run(&["verify", arg(&award)]).expect(NOT_VALID).says("UNKNOWN");
	// One component cited twice counts once.
	client
		.run(&[
			"issue",
			arg(&award),
			"--issuer-key",
			"//Dave",
			"--components",
			arg(&sql_badge),
			arg(&sql_badge),
			arg(&capstone_badge),
		])
		.expect(ERROR)
		.complains("DuplicateComponent");
	// Two of three do not meet the rule.
	client
		.run(&[
			"issue",
			arg(&award),
			"--issuer-key",
			"//Dave",
			"--components",
			arg(&sql_badge),
			arg(&modelling_badge),
		])
		.expect(ERROR)
		.complains("StackingRuleNotMet");

	// Alice's three components earn the certificate; the holder is the one they commit to.
	client
		.run(&[
			"issue",
			arg(&award),
			"--issuer-key",
			"//Dave",
			"--components",
			arg(&sql_badge),
			arg(&modelling_badge),
			arg(&capstone_badge),
		])
		.expect(0)
		.says("the commitment every component credential carries")
		.says("It stacks on 3 component credentials");

	// The consortium endorses the certificate; only the sudo key (a council, in production) may.
	client
		.run(&["admin", "endorse", &certificate_id, "--sudo-key", "//Dave"])
		.expect(ERROR)
		.complains("none of its roles may sign this call");
	client
		.run(&["admin", "endorse", &certificate_id, "--sudo-key", "//Alice"])
		.expect(0)
		.says("Endorsed");

	// The verifier sees what the certificate certifies, its components, and that it is Alice's.
	client
		.run(&[
			"verify",
			arg(&award),
			"--holder",
			"alice@example.org",
			"--salt",
			"a1b2c3d4e5f6a7b8c9d0",
		])
		.expect(VALID)
		.says("VALID")
		.says("Data Analyst Certificate (Certificate, EQF level 5, 15 Ects)")
		.says("by the consortium since block")
		.says("Component:");
	let answer = client
		.run(&[
			"verify",
			arg(&award),
			"--json",
			"--holder",
			"alice@example.org",
			"--salt",
			"a1b2c3d4e5f6a7b8c9d0",
		])
		.expect(VALID)
		.json();
	assert_eq!(answer["status"], "valid");
	assert_eq!(answer["holderCheck"], "confirmed");
	let info = &answer["achievementInfo"];
	assert_eq!(info["id"], certificate_id.as_str());
	assert_eq!(info["kind"], "Certificate");
	assert_eq!(info["eqfLevel"], 5);
	assert_eq!(info["credits"], json!({ "hundredths": 1500, "system": "Ects" }));
	assert_eq!(info["skills"], json!(["http://data.europa.eu/esco/skill/data-analysis"]));
	assert_eq!(info["rule"]["components"], json!([sql_id, modelling_id, capstone_id]));
	assert!(info["endorsedAtBlock"].as_u64().is_some(), "{info}");
	let components = answer["components"].as_array().expect("components");
	assert_eq!(components.len(), 3);
	assert!(components.iter().all(|component| component["status"] == "valid"));
	let capstone_digest = client.run(&["digest", arg(&capstone_badge)]).expect(0).digests()
		["alice-capstone.json"]
		.clone();
	assert_eq!(components[2]["digest"], capstone_digest.as_str());
	client
		.run(&[
			"verify",
			arg(&award),
			"--holder",
			"bob@example.org",
			"--salt",
			"f0e1d2c3b4a5968778695a4b",
		])
		.expect(NOT_VALID)
		.says("NOT CONFIRMED");

	// A rule may name only achievements registered before its own, so no stack can cycle: a new
	// version of the certificate naming a later achievement is refused.
	let later = achievement(
		"https://university.example/achievements/later",
		"Later Course",
		"Course",
		5.0,
		5,
	);
	let later_id = create(&later, "later.json", "//Dave", &[]);
	let certificate_file = dir.join("certificate.json");
	client
		.run(&[
			"achievement",
			"version",
			&certificate_id,
			"--from",
			arg(&certificate_file),
			"--issuer-key",
			"//Dave",
			"--stacks",
			&sql_id,
			&later_id,
		])
		.expect(ERROR)
		.complains("StackingCycle");

	// The institute revokes the capstone: the certificate no longer stands, and says why.
	client
		.run(&[
			"revoke",
			arg(&capstone_badge),
			"--reason",
			"fraud-or-misconduct",
			"--issuer-key",
			"//Charlie",
		])
		.expect(0);
	client
		.run(&["verify", arg(&award)])
		.expect(NOT_VALID)
		.says("COMPONENT REVOKED")
		.says(&capstone_digest);
	let answer = client.run(&["verify", arg(&award), "--json"]).expect(NOT_VALID).json();
	assert_eq!(answer["status"], "componentRevoked");
	assert_eq!(answer["revokedComponent"], capstone_digest.as_str());
	assert_eq!(answer["components"][2]["status"], "revoked");
	// The components that still stand are still valid on their own.
	client.run(&["verify", arg(&sql_badge)]).expect(VALID);

	// A new version of SQL Foundations: Alice's badge keeps the version it was issued under.
	let mut revised = sql.clone();
	revised["name"] = json!("SQL Foundations (2027 syllabus)");
	let revised = write(dir, "sql-revised.json", &revised);
	client
		.run(&[
			"achievement",
			"version",
			&sql_id,
			"--from",
			arg(&revised),
			"--issuer-key",
			"//Dave",
		])
		.expect(0)
		.says("Published a new version");
	client
		.run(&["verify", arg(&sql_badge)])
		.expect(VALID)
		.says("SQL Foundations (MicroCredential, EQF level 5, 5 Ects)")
		.says("version 1 of 2");
	let mut moved = sql.clone();
	moved["id"] = json!("https://university.example/achievements/sql-2027");
	let moved = write(dir, "sql-moved.json", &moved);
	client
		.run(&["achievement", "version", &sql_id, "--from", arg(&moved), "--issuer-key", "//Dave"])
		.expect(ERROR)
		.complains("AchievementUriChanged");

	// Deprecated, Data Modelling is issued no more; what was issued stays valid.
	client
		.run(&["achievement", "deprecate", &modelling_id, "--issuer-key", "//Bob"])
		.expect(0)
		.says("Deprecated");
	let late = write(dir, "late-modelling.json", &badge(UNIVERSITY, &modelling, "dan"));
	client
		.run(&["issue", arg(&late), "--issuer-key", "//Dave"])
		.expect(ERROR)
		.complains("AchievementDeprecated");
	client.run(&["verify", arg(&modelling_badge)]).expect(VALID).says("Deprecated");
}
