//! Finality from genesis: the chain of GRANDPA authority sets, each set's last block finalized by
//! that set and naming the next, then the proven block finalized by the last set — the checks warp
//! sync makes (`sc_consensus_grandpa::warp_proof`), with its justification verification.

use codec::{Decode, DecodeAll};
use credchain_runtime::opaque::{Block, Header};
use pallet_credentials_rpc::proofs::SetChange;
use sc_consensus_grandpa::{find_scheduled_change, GrandpaJustification};
use sp_consensus_grandpa::AuthorityList;

use super::ProofError;

/// The header of the block `justification` finalizes, once `set_changes` lead from the genesis
/// `authorities` to the set that signed it.
pub fn finalized_header(
	mut authorities: AuthorityList,
	set_changes: &[SetChange],
	header: &[u8],
	justification: &[u8],
) -> Result<Header, ProofError> {
	let mut set_id = 0;
	for (index, change) in set_changes.iter().enumerate() {
		let part = format!("set change {index}");
		let header: Header = decode(&change.header, &format!("{part} header"))?;
		let justification: GrandpaJustification<Block> =
			decode(&change.justification, &format!("{part} justification"))?;
		justification.verify(set_id, &authorities).map_err(|error| {
			ProofError::SetChangeNotFinalized {
				index,
				number: header.number,
				reason: error.to_string(),
			}
		})?;
		if justification.target().1 != header.hash() {
			return Err(ProofError::JustificationTarget { part });
		}
		let next = find_scheduled_change::<Block>(&header)
			.ok_or(ProofError::NoSetChange { index, number: header.number })?;
		authorities = next.next_authorities;
		set_id += 1;
	}
	let header: Header = decode(header, "block header")?;
	let justification: GrandpaJustification<Block> = decode(justification, "block justification")?;
	justification.verify(set_id, &authorities).map_err(|error| ProofError::BlockNotFinalized {
		number: header.number,
		reason: error.to_string(),
	})?;
	if justification.target().1 != header.hash() {
		return Err(ProofError::JustificationTarget { part: "the block".into() });
	}
	Ok(header)
}

/// `bytes` decoded as a `T`, the whole of them.
fn decode<T: Decode>(bytes: &[u8], part: &str) -> Result<T, ProofError> {
	T::decode_all(&mut &bytes[..])
		.map_err(|error| ProofError::Malformed { part: part.into(), reason: error.to_string() })
}
