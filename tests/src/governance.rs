//! Consortium governance as tests drive it: council motions carried with real signed votes.

use credchain_client::{
	chain::{Proposal, ProposalOutcome, VoteOutcome},
	keys::SigningKey,
	CredChain,
};

/// Proposes `proposal` as `proposer` and has `voters` vote aye until it carries.
pub async fn carry_motion(
	chain: &CredChain,
	proposer: &SigningKey,
	voters: &[&SigningKey],
	proposal: Proposal,
) {
	let motion = match chain.propose(proposer, &proposal).await.expect("a member proposes") {
		ProposalOutcome::Executed { .. } => return,
		ProposalOutcome::Open(motion) => motion,
	};
	for voter in voters {
		match chain.vote(voter, motion.hash, motion.index, true).await.expect("a member votes") {
			VoteOutcome::Executed(_) => return,
			VoteOutcome::Counted(_) => continue,
		}
	}
	panic!("the motion {} was not carried by {} ayes", motion.call, voters.len() + 1);
}

/// The key of the well-known sr25519 account `name`.
pub fn key(name: &str) -> SigningKey {
	SigningKey::from_secret(&format!("//{name}")).expect("a well-known key")
}
