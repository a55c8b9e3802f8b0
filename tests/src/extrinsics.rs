//! Signed transactions built from the runtime's own types and sent with `author_submitExtrinsic`, so a
//! test can send exactly what an attacker or a careless user would sign — any call, from any key —
//! and see the node's answer.

use codec::Encode;
use credchain_runtime::{signing::signed_extrinsic, RuntimeCall};
use jsonrpsee::core::ClientError;
use sp_core::{crypto::Ss58Codec, H256};
use sp_keyring::Sr25519Keyring;

use crate::{hex_decode, hex_encode, Node};

/// The next nonce of `signer`'s account, counting its transactions in the node's pool.
pub async fn next_nonce(node: &Node, signer: Sr25519Keyring) -> u32 {
	let account = signer.to_account_id().to_ss58check();
	node.call("system_accountNextIndex", vec![account.into()]).await
}

/// Signs `call` with `signer` at its next nonce and submits it; returns the transaction's hash, or
/// the node's refusal.
pub async fn submit(
	node: &Node,
	signer: Sr25519Keyring,
	call: RuntimeCall,
) -> Result<String, ClientError> {
	let nonce = next_nonce(node, signer).await;
	submit_with_nonce(node, signer, call, nonce).await
}

/// Signs `call` with `signer` at `nonce` (immortal, no metadata hash) and submits it.
pub async fn submit_with_nonce(
	node: &Node,
	signer: Sr25519Keyring,
	call: RuntimeCall,
	nonce: u32,
) -> Result<String, ClientError> {
	let genesis: String = node.call("chain_getBlockHash", vec![0.into()]).await;
	let genesis = H256::from_slice(&hex_decode(&genesis));
	let extrinsic = signed_extrinsic(call, &signer.pair(), nonce, genesis);
	let encoded = format!("0x{}", hex_encode(&extrinsic.encode()));
	node.try_call("author_submitExtrinsic", vec![encoded.into()]).await
}

/// The `InvalidTransaction::Custom` code of a refusal at submission (`Custom error: N`), if it is
/// one.
pub fn custom_refusal_code(error: &ClientError) -> Option<u8> {
	let text = refusal_text(error);
	let code = text.split("Custom error: ").nth(1)?;
	code.chars().take_while(char::is_ascii_digit).collect::<String>().parse().ok()
}

/// Everything the node said in a refusal: its message and its data.
pub fn refusal_text(error: &ClientError) -> String {
	match error {
		ClientError::Call(error) => {
			format!("{} {}", error.message(), error.data().map(|data| data.get()).unwrap_or(""))
		}
		other => other.to_string(),
	}
}

/// Waits, for at most `timeout`, until every transaction `signer` sent is in a finalized block: its
/// nonce at a finalized head reaches the next nonce the pool gives it now. (The client library
/// takes nonces from the finalized state.)
pub async fn wait_until_finalized(
	node: &Node,
	signer: Sr25519Keyring,
	timeout: std::time::Duration,
) {
	let account_key =
		frame_system::Account::<credchain_runtime::Runtime>::hashed_key_for(signer.to_account_id());
	let expected = next_nonce(node, signer).await;
	let what = format!("{signer:?}'s transactions up to nonce {expected}");
	let account_key = &account_key;
	node.wait_for_finalized_head(&what, timeout, |head| async move {
		let info: Option<frame_system::AccountInfo<u32, ()>> =
			crate::read_storage_at(node, account_key, &head.hash).await;
		info.map_or(0, |info| info.nonce) >= expected
	})
	.await;
}
