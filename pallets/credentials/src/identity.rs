//! Issuer identity a verifier can rely on: names and identifiers that are unique across issuers once
//! normalized, profile changes that only governance applies, and signing keys that governance can
//! move while the institution's identity (and every credential it issued) stays put.
//!
//! A name or identifier is reserved under the BLAKE2-256 of its normalized form: Unicode NFKC, lower
//! case, NFKC again (so that compatibility forms, full-width letters, ligatures and case do not make
//! a second name), and runs of white space collapsed to one space. Text with control characters,
//! bidirectional overrides or invisible characters is refused outright: they make a name that reads
//! like another. Reservations outlive withdrawal, so a closed institution's name is never taken over.

use alloc::{string::String, vec::Vec};
use frame_support::{ensure, pallet_prelude::*};
use pallet_roles::{Role, RoleRegistry};
use unicode_normalization::UnicodeNormalization;

use crate::{
	Config, Error, Event, IdentityKey, IssuerIdentifiers, IssuerNames, IssuerStanding, Issuers,
	Pallet, ProfileOf, ProfileProposals, Signers,
};

/// Whether `c` may not appear in a name or identifier: control characters, bidirectional controls
/// and overrides, and invisible characters that would make two different texts look the same.
pub fn is_forbidden_char(c: char) -> bool {
	c.is_control()
		|| matches!(
			c,
			'\u{061C}' | // Arabic letter mark
			'\u{00AD}' | // soft hyphen
			'\u{200B}'..='\u{200F}' | // zero-width space/joiners, LRM, RLM
			'\u{202A}'..='\u{202E}' | // bidi embeddings and overrides
			'\u{2060}'..='\u{2064}' | // word joiner, invisible operators
			'\u{2066}'..='\u{2069}' | // bidi isolates
			'\u{FEFF}' | // zero-width no-break space
			'\u{FFF9}'..='\u{FFFB}' // interlinear annotations
		)
}

/// The normalized form of `text` under which it is compared with other issuers' names and
/// identifiers, or `None` if it is not acceptable text: not UTF-8, empty, with leading or trailing
/// white space, or with a forbidden character.
pub fn normalized(text: &[u8]) -> Option<String> {
	let text = core::str::from_utf8(text).ok()?;
	if text.is_empty()
		|| text.starts_with(char::is_whitespace)
		|| text.ends_with(char::is_whitespace)
		|| text.chars().any(is_forbidden_char)
	{
		return None;
	}
	let folded: String = text.nfkc().flat_map(char::to_lowercase).nfkc().collect();
	let mut collapsed = String::with_capacity(folded.len());
	for word in folded.split(char::is_whitespace).filter(|word| !word.is_empty()) {
		if !collapsed.is_empty() {
			collapsed.push(' ');
		}
		collapsed.push_str(word);
	}
	Some(collapsed)
}

/// The reservation key of `text`, if it is acceptable text (see [`normalized`]).
pub fn identity_key(text: &[u8]) -> Option<IdentityKey> {
	normalized(text).map(|text| sp_io::hashing::blake2_256(text.as_bytes()))
}

/// Whether `uri` looks like a URI a credential document can name as its issuer: acceptable text
/// with no white space, and a scheme (`https:`, `did:`, `urn:` …) before anything else.
pub fn is_identifier(uri: &[u8]) -> bool {
	let Some(text) =
		core::str::from_utf8(uri).ok().filter(|text| normalized(text.as_bytes()).is_some())
	else {
		return false;
	};
	if text.chars().any(char::is_whitespace) {
		return false;
	}
	let Some((scheme, rest)) = text.split_once(':') else { return false };
	let mut letters = scheme.chars();
	letters.next().is_some_and(|first| first.is_ascii_alphabetic())
		&& letters.all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'))
		&& !rest.is_empty()
}

/// The reservation keys a profile claims: its name's, and those of its identifiers.
pub(crate) struct ProfileKeys {
	/// The key of the name.
	pub name: IdentityKey,
	/// The keys of `uri` and every further identifier.
	pub identifiers: Vec<IdentityKey>,
}

impl<T: Config> Pallet<T> {
	/// Checks a profile — an acceptable name, URIs that are identifiers, no identifier given twice,
	/// an upper-case two-letter country — and returns the keys it would reserve.
	pub(crate) fn profile_keys(profile: &ProfileOf<T>) -> Result<ProfileKeys, DispatchError> {
		let name = identity_key(&profile.name).ok_or(Error::<T>::InvalidName)?;
		let mut identifiers = Vec::with_capacity(profile.identifiers.len() + 1);
		for uri in profile.all_identifiers() {
			ensure!(is_identifier(uri), Error::<T>::InvalidUri);
			let key = identity_key(uri).ok_or(Error::<T>::InvalidUri)?;
			ensure!(!identifiers.contains(&key), Error::<T>::DuplicateIdentifier);
			identifiers.push(key);
		}
		ensure!(
			profile.country.iter().all(|letter| letter.is_ascii_uppercase()),
			Error::<T>::InvalidCountryCode
		);
		Ok(ProfileKeys { name, identifiers })
	}

	/// Checks that no issuer but `issuer` holds any of `keys`.
	pub(crate) fn ensure_keys_free_for(
		issuer: &T::AccountId,
		keys: &ProfileKeys,
	) -> DispatchResult {
		let free = |owner: Option<T::AccountId>| owner.is_none_or(|owner| owner == *issuer);
		ensure!(free(IssuerNames::<T>::get(keys.name)), Error::<T>::NameTaken);
		for key in &keys.identifiers {
			ensure!(free(IssuerIdentifiers::<T>::get(key)), Error::<T>::IdentifierTaken);
		}
		Ok(())
	}

	/// Reserves `keys` for `issuer`; [`Self::ensure_keys_free_for`] checked them.
	pub(crate) fn reserve_keys(issuer: &T::AccountId, keys: &ProfileKeys) {
		IssuerNames::<T>::insert(keys.name, issuer);
		for key in &keys.identifiers {
			IssuerIdentifiers::<T>::insert(key, issuer);
		}
	}

	/// Frees the keys `profile` reserved for `issuer`, except those in `kept`.
	pub(crate) fn release_keys(
		issuer: &T::AccountId,
		profile: &ProfileOf<T>,
		kept: Option<&ProfileKeys>,
	) {
		if let Some(name) = identity_key(&profile.name) {
			let keep = kept.is_some_and(|kept| kept.name == name);
			if !keep && IssuerNames::<T>::get(name).as_ref() == Some(issuer) {
				IssuerNames::<T>::remove(name);
			}
		}
		for key in profile.all_identifiers().filter_map(identity_key) {
			let keep = kept.is_some_and(|kept| kept.identifiers.contains(&key));
			if !keep && IssuerIdentifiers::<T>::get(key).as_ref() == Some(issuer) {
				IssuerIdentifiers::<T>::remove(key);
			}
		}
	}

	/// The issuer registered under the identifier `uri` (its website, DID or another identifier it
	/// registered), compared in normalized form.
	pub fn issuer_by_identifier(uri: &[u8]) -> Option<T::AccountId> {
		if uri.len() > T::MaxUriLength::get() as usize {
			return None;
		}
		IssuerIdentifiers::<T>::get(identity_key(uri)?)
	}

	/// The issuer whose signing key is `key`: its identity, if `key` signs as the issuer itself (not
	/// as a delegate).
	pub(crate) fn issuer_of_key(key: &T::AccountId) -> Result<T::AccountId, DispatchError> {
		let issuer = match Signers::<T>::get(key) {
			Some(signer) => signer.issuer,
			None => key.clone(),
		};
		let record = Self::issuer_record(&issuer)?;
		ensure!(record.key == *key, Error::<T>::NotTheIssuerAccount);
		Ok(issuer)
	}

	/// The issuer signing with `key` proposes `profile` as its new profile; governance applies it
	/// with [`Self::do_approve_profile_change`]. A later proposal replaces an earlier one.
	pub fn do_propose_profile_change(key: T::AccountId, profile: ProfileOf<T>) -> DispatchResult {
		let issuer = Self::issuer_of_key(&key)?;
		let record = Self::issuer_record(&issuer)?;
		ensure!(
			!matches!(record.standing, IssuerStanding::Withdrawn(_)),
			Error::<T>::IssuerWithdrawn
		);
		let keys = Self::profile_keys(&profile)?;
		Self::ensure_keys_free_for(&issuer, &keys)?;
		ProfileProposals::<T>::insert(&issuer, profile.clone());
		Self::deposit_event(Event::ProfileChangeProposed { issuer, profile });
		Ok(())
	}

	/// Governance applies the profile `issuer` proposed, which must be exactly `profile` (so that
	/// what the council voted on is what is applied), after checking again that no other issuer
	/// holds its name or identifiers.
	pub fn do_approve_profile_change(
		issuer: T::AccountId,
		profile: ProfileOf<T>,
	) -> DispatchResult {
		let proposed =
			ProfileProposals::<T>::get(&issuer).ok_or(Error::<T>::ProfileChangeNotProposed)?;
		ensure!(proposed == profile, Error::<T>::ProfileChangeMismatch);
		let mut record = Self::issuer_record(&issuer)?;
		ensure!(
			!matches!(record.standing, IssuerStanding::Withdrawn(_)),
			Error::<T>::IssuerWithdrawn
		);
		let keys = Self::profile_keys(&profile)?;
		Self::ensure_keys_free_for(&issuer, &keys)?;
		Self::release_keys(&issuer, &record.profile, Some(&keys));
		Self::reserve_keys(&issuer, &keys);
		ProfileProposals::<T>::remove(&issuer);
		let old = core::mem::replace(&mut record.profile, profile.clone());
		Issuers::<T>::insert(&issuer, record);
		Self::deposit_event(Event::IssuerProfileChanged { issuer, old, new: profile });
		Ok(())
	}

	/// Governance moves the signing key of the accredited or suspended `issuer` to `new_key`: the
	/// old key stops signing and loses the `Issuer` role, the new one gains both. What the issuer
	/// issued stays attributed to it, since records name the issuer's identity, not its key.
	pub fn do_move_issuer_key(issuer: T::AccountId, new_key: T::AccountId) -> DispatchResult {
		let mut record = Self::issuer_record(&issuer)?;
		ensure!(
			matches!(record.standing, IssuerStanding::Accredited | IssuerStanding::Suspended),
			Error::<T>::IssuerNotAccredited
		);
		ensure!(!Signers::<T>::contains_key(&new_key), Error::<T>::AlreadyASigner);
		ensure!(
			new_key == issuer || !Issuers::<T>::contains_key(&new_key),
			Error::<T>::IssuerAlreadyRegistered
		);
		let old_key = core::mem::replace(&mut record.key, new_key.clone());
		let signer = Signers::<T>::take(&old_key).ok_or(Error::<T>::NotASigner)?;
		T::Roles::revoke(&old_key, Role::Issuer)?;
		T::Roles::grant(&new_key, Role::Issuer)?;
		Signers::<T>::insert(&new_key, signer);
		Issuers::<T>::insert(&issuer, record);
		Self::deposit_event(Event::IssuerKeyMoved { issuer, old_key, new_key });
		Ok(())
	}
}
