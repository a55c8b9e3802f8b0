//! A small runtime for the credentials pallet's unit tests: accounts are `u64`, the accreditation
//! origin is Root, and two issuers are accredited at genesis.

use crate as pallet_credentials;
use crate::{CredentialTerms, Digest, GenesisIssuer, IssuanceQuota, ProfileOf};
use frame_support::{
	derive_impl, parameter_types,
	traits::{ConstU32, ConstU64},
};
use frame_system::EnsureRoot;
use sp_runtime::BuildStorage;

type Block = frame_system::mocking::MockBlock<Test>;

#[frame_support::runtime]
mod runtime {
	#[runtime::runtime]
	#[runtime::derive(RuntimeCall, RuntimeEvent, RuntimeError, RuntimeOrigin, RuntimeTask)]
	pub struct Test;

	#[runtime::pallet_index(0)]
	pub type System = frame_system;

	#[runtime::pallet_index(1)]
	pub type Timestamp = pallet_timestamp;

	#[runtime::pallet_index(2)]
	pub type Roles = pallet_roles;

	#[runtime::pallet_index(3)]
	pub type Credentials = pallet_credentials;
}

#[derive_impl(frame_system::config_preludes::TestDefaultConfig)]
impl frame_system::Config for Test {
	type Block = Block;
}

#[derive_impl(pallet_timestamp::config_preludes::TestDefaultConfig)]
impl pallet_timestamp::Config for Test {}

impl pallet_roles::Config for Test {
	/// The runtime's own table is tested in the runtime.
	type Permissions = pallet_roles::AnyRoleSignsAnything;
	type MaxOpenProposals = ConstU32<4>;
}

parameter_types! {
	/// Small bounds, so tests can reach them.
	pub const MaxDelegates: u32 = 3;
	pub const MaxPendingApplications: u32 = 3;
	/// A small default quota, so tests can reach it.
	pub const DefaultIssuanceQuota: IssuanceQuota = IssuanceQuota { per_block: 20, per_day: 30 };
}

/// Blocks in a quota day in the tests.
pub const QUOTA_DAY: u64 = 10;

impl pallet_credentials::Config for Test {
	type AccreditationOrigin = EnsureRoot<u64>;
	type Roles = Roles;
	type UnixTime = Timestamp;
	type MaxNameLength = ConstU32<64>;
	type MaxUriLength = ConstU32<64>;
	type MaxIdentifiers = ConstU32<2>;
	type MaxDelegates = MaxDelegates;
	type MaxBatchSize = ConstU32<16>;
	type MaxPendingApplications = MaxPendingApplications;
	type DefaultIssuanceQuota = DefaultIssuanceQuota;
	type QuotaDay = ConstU64<QUOTA_DAY>;
	type MaxAchievementSkills = ConstU32<4>;
	type MaxAchievementVersions = ConstU32<3>;
	type MaxAchievementShares = ConstU32<2>;
	type MaxStackComponents = ConstU32<4>;
	type WeightInfo = ();
}

/// An issuer accredited at genesis.
pub const UNIVERSITY: u64 = 10;
/// `UNIVERSITY`'s delegate (a registrar's key).
pub const REGISTRAR: u64 = 11;
/// A second issuer accredited at genesis.
pub const COLLEGE: u64 = 20;
/// An account with no role.
pub const OUTSIDER: u64 = 99;
/// The time of the test blocks: 2026-11-23T00:00:00Z, in ms.
pub const NOW: u64 = 1_795_392_000_000;

/// A profile with the given name, and a URI made from it (`Example University` →
/// `https://example-university.example`).
pub fn profile(name: &str) -> ProfileOf<Test> {
	profile_with(name, &uri_of(name), &[])
}

/// The URI [`profile`] gives the institution `name`.
pub fn uri_of(name: &str) -> String {
	format!("https://{}.example", name.to_lowercase().replace(' ', "-"))
}

/// A profile with the given name, URI and further identifiers.
pub fn profile_with(name: &str, uri: &str, identifiers: &[&str]) -> ProfileOf<Test> {
	ProfileOf::<Test> {
		name: name.as_bytes().to_vec().try_into().expect("test names fit"),
		uri: uri.as_bytes().to_vec().try_into().expect("test URIs fit"),
		country: *b"NL",
		identifiers: identifiers
			.iter()
			.map(|id| id.as_bytes().to_vec().try_into().expect("test identifiers fit"))
			.collect::<Vec<_>>()
			.try_into()
			.expect("at most MaxIdentifiers"),
	}
}

/// A digest made from one byte.
pub fn digest(byte: u8) -> Digest {
	[byte; 32]
}

/// Terms with nothing set.
pub fn no_terms() -> CredentialTerms {
	CredentialTerms::default()
}

fn genesis_issuer(account: u64, name: &str, delegates: Vec<u64>) -> GenesisIssuer<u64> {
	GenesisIssuer {
		account,
		name: name.into(),
		uri: uri_of(name),
		identifiers: vec![],
		country: "NL".into(),
		delegates,
	}
}

/// Runs `test` on a chain at block 1 and time [`NOW`] with `UNIVERSITY` (delegate `REGISTRAR`) and
/// `COLLEGE` accredited at genesis, then checks the pallets' invariants.
pub fn new_test_ext(test: impl FnOnce()) {
	let storage = RuntimeGenesisConfig {
		credentials: pallet_credentials::GenesisConfig {
			issuers: vec![
				genesis_issuer(UNIVERSITY, "Example University", vec![REGISTRAR]),
				genesis_issuer(COLLEGE, "Example College", vec![]),
			],
		},
		..Default::default()
	}
	.build_storage()
	.expect("the test genesis builds");
	let mut ext = sp_io::TestExternalities::new(storage);
	ext.execute_with(|| {
		System::set_block_number(1);
		Timestamp::set_timestamp(NOW);
		test();
		Credentials::do_try_state().expect("credentials invariants hold after the test");
		Roles::do_try_state().expect("roles invariants hold after the test");
	});
}

/// The events the credentials pallet emitted, oldest first.
pub fn credential_events() -> Vec<crate::Event<Test>> {
	System::events()
		.into_iter()
		.filter_map(|record| match record.event {
			RuntimeEvent::Credentials(event) => Some(event),
			_ => None,
		})
		.collect()
}

/// Empty test externalities for the benchmark tests, which set up their own issuers.
#[cfg(feature = "runtime-benchmarks")]
pub fn new_bench_ext() -> sp_io::TestExternalities {
	let storage = frame_system::GenesisConfig::<Test>::default()
		.build_storage()
		.expect("the benchmark genesis builds");
	let mut ext = sp_io::TestExternalities::new(storage);
	ext.execute_with(|| System::set_block_number(1));
	ext
}

/// An achievement definition published under `uri`, named `name`, of `kind`, worth
/// `ects_hundredths` hundredths of ECTS credits if given, at EQF level 6.
pub fn achievement_definition(
	uri: &str,
	name: &str,
	kind: crate::AchievementKind,
	ects_hundredths: Option<u32>,
) -> crate::AchievementDefinitionOf<Test> {
	crate::AchievementDefinitionOf::<Test> {
		uri: uri.as_bytes().to_vec().try_into().expect("test URIs fit"),
		name: name.as_bytes().to_vec().try_into().expect("test names fit"),
		kind,
		eqf_level: Some(6),
		credits: ects_hundredths
			.map(|hundredths| crate::Credits { hundredths, system: crate::CreditSystem::Ects }),
		criteria_uri: None,
		criteria_digest: None,
		skills: Default::default(),
		language: Some(b"en".to_vec().try_into().expect("fits")),
	}
}
