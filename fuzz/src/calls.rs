//! What the fuzzer sends, as `proptest` strategies: blocks of transactions, each a call of any
//! pallet of the runtime, signed by a key of any role, possibly wrapped in `sudo` (root) or a
//! council motion (the council's origin).
//!
//! A call is its pallet and call index — drawn from every call the runtime's type information
//! lists, so every pallet's calls are reached — followed by arguments decoded from a stream of
//! *tokens*: single random bytes, small numbers, and whole 32-byte values from a small dictionary of
//! the chain's real accounts and of a few digests. Arguments that take an account or a digest
//! therefore often name one the chain knows (an issuer, a credential issued earlier in the run), so
//! calls get past their first checks and reach deep state, the way a fuzzing dictionary does. Bytes
//! that decode to no call leave that transaction out.

use codec::{Compact, DecodeLimit, Encode};
use credchain_runtime::RuntimeCall;
use frame_support::traits::PalletInfoAccess;
use proptest::{collection::vec, prelude::*, sample::select};
use scale_info::{PortableRegistry, TypeDef};
use sp_keyring::Sr25519Keyring;

/// The keys that sign: the development chain's sudo key and council (Alice), its issuers (Bob,
/// Charlie), a registrar's delegate (Dave), and accounts with no role (Eve, Ferdie, One).
pub const SIGNERS: [Sr25519Keyring; 7] = [
	Sr25519Keyring::Alice,
	Sr25519Keyring::Bob,
	Sr25519Keyring::Charlie,
	Sr25519Keyring::Dave,
	Sr25519Keyring::Eve,
	Sr25519Keyring::Ferdie,
	Sr25519Keyring::One,
];

/// The digests the dictionary offers, so that one transaction's credential is another's target.
const DIGESTS: u8 = 6;

/// How deeply calls may nest (`sudo` of a `multisig` of a motion ...) when decoded.
const MAX_CALL_DEPTH: u32 = 8;

/// The most tokens after a call's indices.
const MAX_TOKENS: usize = 96;

/// Every call of the runtime, as its (pallet index, call index), from the runtime's type
/// information.
pub fn every_call() -> Vec<(u8, u8)> {
	let mut registry = scale_info::Registry::new();
	let id = registry.register_type(&scale_info::meta_type::<RuntimeCall>()).id;
	let registry = PortableRegistry::from(registry);
	let variants = |id: u32| match &registry.resolve(id).expect("a registered type").type_def {
		TypeDef::Variant(variants) => variants.variants.clone(),
		other => panic!("a call type is an enum, not {other:?}"),
	};
	variants(id)
		.iter()
		.flat_map(|pallet| {
			let calls = variants(pallet.fields[0].ty.id);
			calls.into_iter().map(move |call| (pallet.index, call.index))
		})
		.collect()
}

/// A piece of a call's encoded arguments.
#[derive(Clone, Debug)]
pub enum Token {
	/// Any byte.
	Byte(u8),
	/// A small compact number: a short length, a low index.
	Small(u8),
	/// A little-endian `u32` below 1,000: counts, quotas, leaf indices, block numbers.
	Number(u16),
	/// The account of one of the [`SIGNERS`].
	Account(usize),
	/// One of the dictionary's digests.
	Digest(u8),
}

impl Token {
	/// Appends the token's bytes.
	fn write(&self, bytes: &mut Vec<u8>) {
		match self {
			Token::Byte(byte) => bytes.push(*byte),
			Token::Small(number) => Compact(u32::from(*number)).encode_to(bytes),
			Token::Number(number) => u32::from(*number).encode_to(bytes),
			Token::Account(index) => {
				bytes.extend_from_slice(SIGNERS[*index].to_account_id().as_ref())
			}
			Token::Digest(index) => bytes.extend_from_slice(&digest(*index)),
		}
	}
}

/// The dictionary's digest number `index`.
pub fn digest(index: u8) -> [u8; 32] {
	[index.wrapping_add(1); 32]
}

fn token() -> impl Strategy<Value = Token> {
	prop_oneof![
		4 => any::<u8>().prop_map(Token::Byte),
		2 => (0u8..4).prop_map(Token::Small),
		1 => (0u16..1_000).prop_map(Token::Number),
		2 => (0..SIGNERS.len()).prop_map(Token::Account),
		2 => (0..DIGESTS).prop_map(Token::Digest),
	]
}

/// How a call is sent.
#[derive(Clone, Copy, Debug)]
pub enum Wrapping {
	/// As it is, signed by its signer.
	Plain,
	/// In `Sudo.sudo`, signed by the signer: root if the signer holds the sudo key (Alice).
	Sudo,
	/// As a council motion of threshold one: the signer proposes it, and the development chain's
	/// one-member council (Alice) carries it at once with the council's origin.
	Council,
}

/// One transaction: a signer and a call, or `None` where the bytes decoded to no call.
///
/// Most are what the chain's roles may send — credentials calls, and root or council calls from
/// the sudo key and council member — so that they get past the role check to the pallets; the rest
/// are any call from any key, which the role check must refuse.
pub fn transaction() -> impl Strategy<Value = Option<(Sr25519Keyring, RuntimeCall)>> {
	let calls = every_call();
	let credentials = <credchain_runtime::Credentials as PalletInfoAccess>::index() as u8;
	let credentials_calls: Vec<(u8, u8)> =
		calls.iter().copied().filter(|(pallet, _)| *pallet == credentials).collect();
	let governor = Just(Sr25519Keyring::Alice);
	prop_oneof![
		3 => (select(credentials_calls), select(SIGNERS.to_vec()), Just(Wrapping::Plain)),
		1 => (select(calls.clone()), governor.clone(), Just(Wrapping::Sudo)),
		1 => (select(calls.clone()), governor, Just(Wrapping::Council)),
		1 => (select(calls), select(SIGNERS.to_vec()), Just(Wrapping::Plain)),
	]
	.prop_flat_map(|(call, signer, wrapping)| {
		(Just(call), vec(token(), 0..MAX_TOKENS), Just(signer), Just(wrapping))
	})
	.prop_map(|((pallet, call), tokens, signer, wrapping)| {
		let mut bytes = vec![pallet, call];
		tokens.iter().for_each(|token| token.write(&mut bytes));
		let call = RuntimeCall::decode_with_depth_limit(MAX_CALL_DEPTH, &mut &bytes[..]).ok()?;
		Some((signer, wrap(call, wrapping)))
	})
}

/// `call` as `wrapping` sends it.
fn wrap(call: RuntimeCall, wrapping: Wrapping) -> RuntimeCall {
	match wrapping {
		Wrapping::Plain => call,
		Wrapping::Sudo => RuntimeCall::Sudo(pallet_sudo::Call::sudo { call: Box::new(call) }),
		Wrapping::Council => {
			let length_bound = call.encoded_size() as u32;
			RuntimeCall::Council(pallet_collective::Call::propose {
				threshold: 1,
				proposal: Box::new(call),
				length_bound,
			})
		}
	}
}

/// A block's transactions: up to `max` of them.
pub fn block(max: usize) -> impl Strategy<Value = Vec<(Sr25519Keyring, RuntimeCall)>> {
	vec(transaction(), 0..=max)
		.prop_map(|transactions| transactions.into_iter().flatten().collect())
}
