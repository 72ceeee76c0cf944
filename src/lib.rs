//! Mutual: a private, shared record of how intimacy feels to both partners.

/// Building and running the server: state, router, listener, shutdown.
pub mod app;
/// The load benchmark's bare endpoint and seeder (feature `bench` only).
#[cfg(feature = "bench")]
pub mod bench;
/// The subcommands: serve, migrate, healthcheck, backup, admin tools.
pub mod cli;
/// The clock every time-dependent rule reads.
pub mod clock;
/// Settings from flags and environment.
pub mod config;
/// Encryption at rest of free text, when a data key is set.
pub mod crypto;
/// Rules: who may see what, reveals, summaries. No HTTP, no SQL.
pub mod domain;
/// The one error type (its responses are `web::errors`).
pub mod error;
/// Typed ids.
pub mod ids;
/// SQL for both backends.
pub mod store;
/// The HTTP edge: routes, extractors, pages.
pub mod web;

/// The layers, checked rather than remembered: web → domain → store, never around.
#[cfg(test)]
mod layers;
