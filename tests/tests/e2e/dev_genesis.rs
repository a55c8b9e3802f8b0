//! The development chain starts with what a newcomer needs to issue at once: two accredited example
//! issuers (Bob, with Dave as a delegate, and Charlie), and roles that let their keys transact;
//! Alice validates, sits on the council and holds the sudo key.

use std::time::Duration;

use credchain_e2e::{read_storage, Node, NodeConfig};
use credchain_runtime::{AccountId, BlockNumber, Role, Runtime};
use pallet_credentials::{IssuerStanding, SignerRecord};
use sp_keyring::Sr25519Keyring;

type IssuerRecord = pallet_credentials::IssuerRecord<
	AccountId,
	BlockNumber,
	credchain_runtime::configs::MaxIssuerNameLength,
	credchain_runtime::configs::MaxIssuerUriLength,
	credchain_runtime::configs::MaxIssuerIdentifiers,
	credchain_runtime::configs::MaxDelegatesPerIssuer,
>;

fn account(key: Sr25519Keyring) -> AccountId {
	key.to_account_id()
}

#[tokio::test(flavor = "multi_thread")]
async fn dev_chain_starts_with_accredited_example_issuers() {
	let node = Node::start(NodeConfig::shipped_dev()).await;
	node.wait_for_finalized(1, Duration::from_secs(60)).await;

	let bob = account(Sr25519Keyring::Bob);
	let issuer_key = pallet_credentials::Issuers::<Runtime>::hashed_key_for(&bob);
	let university: IssuerRecord =
		read_storage(&node, &issuer_key).await.expect("Bob is a registered issuer");
	assert_eq!(university.standing, IssuerStanding::Accredited);
	assert_eq!(&university.profile.name[..], b"Example University");
	assert_eq!(university.delegates.to_vec(), vec![account(Sr25519Keyring::Dave)]);

	let dave = account(Sr25519Keyring::Dave);
	let signer_key = pallet_credentials::Signers::<Runtime>::hashed_key_for(&dave);
	let registrar: SignerRecord<AccountId> =
		read_storage(&node, &signer_key).await.expect("Dave signs for an issuer");
	assert_eq!(registrar.issuer, bob);

	let charlie = account(Sr25519Keyring::Charlie);
	let charlie_key = pallet_credentials::Issuers::<Runtime>::hashed_key_for(&charlie);
	let institute: IssuerRecord =
		read_storage(&node, &charlie_key).await.expect("Charlie is a registered issuer");
	assert_eq!(&institute.profile.name[..], b"Example Training Institute");

	// Their roles keep their accounts alive: Roles::Grants(account, role) counts one grant each.
	for (who, role) in [
		(bob, Role::Issuer),
		(dave, Role::Delegate),
		(account(Sr25519Keyring::Alice), Role::Bootstrap),
		(account(Sr25519Keyring::Alice), Role::Validator),
		(account(Sr25519Keyring::Alice), Role::CouncilMember),
	] {
		let key = pallet_roles::Grants::<Runtime>::hashed_key_for(&who, role);
		let grants: u32 = read_storage(&node, &key).await.unwrap_or_default();
		assert_eq!(grants, 1, "{who} should hold {role:?} once");
	}
}
