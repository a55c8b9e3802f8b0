//! Load generators and measurements for a running node (`credchain bench`):
//!
//! - [`verify`]: concurrent workers ask one verification question over and over;
//! - [`issue`]: transactions signed ahead of time across many signer keys, submitted pipelined and
//!   followed until finalized;
//! - [`signatures`]: how many sr25519 signatures this machine checks per second, the physical
//!   ceiling of any transaction rate (every transaction is checked in the pool and on import).

pub mod issue;
pub mod signatures;
mod stats;
pub mod verify;
