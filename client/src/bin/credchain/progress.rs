//! Progress bars and spinners on standard error. They are drawn only on a terminal, so scripts and
//! logs see the results on standard output alone.

use std::time::Duration;

use indicatif::{ProgressBar, ProgressStyle};

/// From how many items on a bar is shown.
pub const MANY: usize = 100;

/// A bar counting `len` items, labelled `message`, drawn only if `visible`.
pub fn bar(len: usize, message: &'static str, visible: bool) -> ProgressBar {
	if !visible {
		return ProgressBar::hidden();
	}
	let bar = ProgressBar::new(len as u64);
	if let Ok(style) = ProgressStyle::with_template("{msg:>12} [{bar:40}] {pos}/{len} ({eta} left)")
	{
		bar.set_style(style.progress_chars("=> "));
	}
	bar.set_message(message);
	bar
}

/// A spinner labelled `message`, while waiting for the chain.
pub fn spinner(message: &'static str) -> ProgressBar {
	let spinner = ProgressBar::new_spinner();
	spinner.set_message(message);
	spinner.enable_steady_tick(Duration::from_millis(120));
	spinner
}
