//! The many documents of a batch: collected from files and folders, hashed with a progress bar,
//! and checked to be distinct.

use std::{
	collections::{HashMap, HashSet},
	path::{Path, PathBuf},
};

use credchain_client::{bytes32::to_hex, digest::digest_file, proof_file, Digest, Error, Result};

use crate::progress;

/// The digests of `documents`, with a progress bar when there are many.
pub fn digest_all(documents: &[PathBuf]) -> Result<Vec<Digest>> {
	let bar = progress::bar(documents.len(), "hashing", documents.len() >= progress::MANY);
	let mut digests = Vec::with_capacity(documents.len());
	for document in documents {
		match digest_file(document) {
			Ok(digest) => digests.push(digest.digest),
			Err(error) => {
				bar.abandon();
				return Err(error);
			}
		}
		bar.inc(1);
	}
	bar.finish_and_clear();
	Ok(digests)
}

/// Refuses two documents with the same digest: a digest is issued only once.
pub fn ensure_distinct(documents: &[PathBuf], digests: &[Digest]) -> Result<()> {
	let mut seen: HashMap<&Digest, &Path> = HashMap::with_capacity(digests.len());
	for (document, digest) in documents.iter().zip(digests) {
		if let Some(first) = seen.insert(digest, document.as_path()) {
			return Err(Error::input(format!(
				"{} and {} have the same content (digest {}): each credential must be a distinct \
				 document, since a digest is issued only once",
				first.display(),
				document.display(),
				to_hex(digest)
			)));
		}
	}
	Ok(())
}

/// The documents named by `paths`: files as given, and the files of folders (not sub-folders,
/// hidden files, or proof files), in name order; each once.
pub fn collect_documents(paths: &[PathBuf]) -> Result<Vec<PathBuf>> {
	let mut documents = Vec::new();
	let mut seen = HashSet::new();
	for path in paths {
		let metadata = std::fs::metadata(path).map_err(|error| Error::file("read", path, error))?;
		let found = if metadata.is_dir() {
			folder_documents(path)?
		} else if proof_file::is_proof_file(path) {
			return Err(Error::input(format!(
				"{} is a proof file, not a credential document",
				path.display()
			)));
		} else {
			vec![path.clone()]
		};
		for document in found {
			if seen.insert(document.clone()) {
				documents.push(document);
			}
		}
	}
	Ok(documents)
}

/// The documents of the folder `folder`, in name order.
fn folder_documents(folder: &Path) -> Result<Vec<PathBuf>> {
	let entries =
		std::fs::read_dir(folder).map_err(|error| Error::file("list the folder", folder, error))?;
	let mut documents = Vec::new();
	for entry in entries {
		let entry = entry.map_err(|error| Error::file("list the folder", folder, error))?;
		let path = entry.path();
		let name = entry.file_name();
		let name = name.to_string_lossy();
		if name.starts_with('.') || proof_file::is_proof_file(&path) || name.ends_with(".partial") {
			continue;
		}
		// Follows symbolic links: a link to a document is a document.
		if std::fs::metadata(&path).map(|metadata| metadata.is_file()).unwrap_or(false) {
			documents.push(path);
		}
	}
	documents.sort();
	Ok(documents)
}
