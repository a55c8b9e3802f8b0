//! The component credentials `credchain issue --components` cites: each document's digest and the
//! issuer whose record of it counts, found by verifying it as a verifier would; and the holder they
//! commit to, when the registrar named none.

use std::path::PathBuf;

use credchain_client::{
	bytes32::to_hex,
	digest::{digest_file, document_statements_of_file},
	rpc::NodeRpc,
	verdict, AccountId32, CredentialTerms, Digest, Error, Result,
};

/// The components `files` name, each `(digest, issuer)`, after checking each is valid now; fills
/// `terms.holder` with the holder they all commit to if it is empty.
pub async fn components_of(
	url: &str,
	files: &[PathBuf],
	terms: &mut CredentialTerms,
) -> Result<Vec<(Digest, AccountId32)>> {
	let rpc = NodeRpc::connect(url).await?;
	let mut components = Vec::with_capacity(files.len());
	let mut holders = Vec::with_capacity(files.len());
	for file in files {
		let digest = digest_file(file)?.digest;
		let named = document_statements_of_file(file)?.and_then(|statements| statements.issuer);
		let answer = rpc.verify(&digest, named.as_deref(), None).await?;
		if !answer.is_valid() {
			return Err(Error::input(format!(
				"the component {} is not valid: {}",
				file.display(),
				verdict::status_in_words(&answer)
			)));
		}
		let issuer =
			answer.issuer.as_ref().map(|issuer| issuer.account.clone()).ok_or_else(|| {
				Error::Incompatible(format!(
					"the node named no issuer for the valid {}",
					file.display()
				))
			})?;
		holders.push(answer.holder_commitment.map(|commitment| commitment.0));
		components.push((digest, AccountId32(<[u8; 32]>::from(issuer))));
	}
	if terms.holder.is_none() {
		terms.holder = Some(common_holder(&holders)?);
		println!(
			"Holder: {} (the commitment every component credential carries)",
			to_hex(&terms.holder.unwrap_or_default())
		);
	}
	Ok(components)
}

/// The holder commitment all components carry, or why there is none.
fn common_holder(holders: &[Option<Digest>]) -> Result<Digest> {
	match holders.first() {
		Some(Some(first)) if holders.iter().all(|holder| *holder == Some(*first)) => Ok(*first),
		_ => Err(Error::input(
			"the component credentials do not all commit to one holder: name the holder with \
			 --holder or --holder-identity (the chain refuses components of another holder)",
		)),
	}
}

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn the_holder_is_the_one_every_component_commits_to() {
		assert_eq!(common_holder(&[Some([1; 32]), Some([1; 32])]).unwrap(), [1; 32]);
		assert!(common_holder(&[Some([1; 32]), Some([2; 32])]).is_err());
		assert!(common_holder(&[Some([1; 32]), None]).is_err());
		assert!(common_holder(&[None]).is_err());
		assert!(common_holder(&[]).is_err());
	}
}
