//! The integration suite: every test runs against the real app over HTTP, once on
//! SQLite and once on PostgreSQL. Without TEST_POSTGRES_URL the PostgreSQL runs are
//! reported as ignored (not run), never as passed.

/// Lists a module's tests as `module::name`; each becomes one trial per backend.
macro_rules! tests {
    ($module:ident: $($name:ident),* $(,)?) => {
        vec![$((
            concat!(stringify!($module), "::", stringify!($name)),
            (|ctx| Box::pin($name(ctx))) as $crate::TestFn,
        )),*]
    };
}

mod helpers;

mod account;
mod accounts;
mod backup;
mod checkins;
mod consent;
mod couples;
mod deletion;
mod delivery;
mod everyday;
mod instances;
mod languages;
mod languages_account;
mod languages_couple;
mod languages_therapist;
mod library;
mod library_checkins;
mod library_languages;
mod library_wording;
mod limits;
mod notices;
mod ops;
mod privacy;
mod profile;
mod queries;
mod retention;
mod robustness;
mod schema;
mod sealed_values;
mod security;
mod stored_values;
mod summary;
mod therapist_exercises;
mod therapist_paths;
mod therapist_sets;
mod therapist_sets_in_use;
mod therapist_tools;
mod therapists;
mod time_zones;
mod two_factor;
mod your_data;

use std::future::Future;
use std::panic::AssertUnwindSafe;
use std::pin::Pin;

use futures::FutureExt;
use helpers::{Backend, TestContext};

use libtest_mimic::{Arguments, Failed, Trial};

pub type TestFn = fn(TestContext) -> Pin<Box<dyn Future<Output = ()> + Send>>;

fn all() -> Vec<(&'static str, TestFn)> {
    let mut v = Vec::new();
    v.extend(accounts::tests());
    v.extend(account::tests());
    v.extend(couples::tests());
    v.extend(checkins::tests());
    v.extend(library::tests());
    v.extend(library_wording::tests());
    v.extend(library_checkins::tests());
    v.extend(library_languages::tests());
    v.extend(privacy::tests());
    v.extend(summary::tests());
    v.extend(robustness::tests());
    v.extend(instances::tests());
    v.extend(security::tests());
    v.extend(limits::tests());
    v.extend(notices::tests());
    v.extend(two_factor::tests());
    v.extend(your_data::tests());
    v.extend(deletion::tests());
    v.extend(stored_values::tests());
    v.extend(sealed_values::tests());
    v.extend(queries::tests());
    v.extend(therapists::tests());
    v.extend(therapist_tools::tests());
    v.extend(therapist_sets::tests());
    v.extend(therapist_sets_in_use::tests());
    v.extend(therapist_exercises::tests());
    v.extend(therapist_paths::tests());
    v.extend(consent::tests());
    v.extend(backup::tests());
    v.extend(ops::tests());
    v.extend(retention::tests());
    v.extend(delivery::tests());
    v.extend(everyday::tests());
    v.extend(profile::tests());
    v.extend(time_zones::tests());
    v.extend(schema::tests());
    v.extend(languages::tests());
    v.extend(languages_account::tests());
    v.extend(languages_couple::tests());
    v.extend(languages_therapist::tests());
    v
}

fn run(backend: Backend, test: TestFn) -> Result<(), Failed> {
    let rt = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .map_err(|e| Failed::from(e.to_string()))?;
    rt.block_on(async move {
        let ctx = TestContext::new(backend).await;
        let cleanup = ctx.cleanup_handle();
        let outcome = AssertUnwindSafe(test(ctx)).catch_unwind().await;
        cleanup.cleanup().await;
        match outcome {
            Ok(()) => Ok(()),
            Err(panic) => {
                let msg = panic
                    .downcast_ref::<String>()
                    .cloned()
                    .or_else(|| panic.downcast_ref::<&str>().map(|s| s.to_string()))
                    .unwrap_or_else(|| "test panicked".to_owned());
                Err(Failed::from(msg))
            }
        }
    })
}

fn main() {
    let args = Arguments::from_args();
    helpers::capture_logs();
    // One line per failed assertion, not a backtrace through the test runner.
    std::panic::set_hook(Box::new(|info| {
        let at = info
            .location()
            .map(|l| format!("{}:{}", l.file(), l.line()))
            .unwrap_or_default();
        eprintln!("panicked at {at}");
    }));
    let postgres = std::env::var("TEST_POSTGRES_URL").is_ok_and(|v| !v.is_empty());
    if !postgres {
        eprintln!(
            "NOTE: TEST_POSTGRES_URL is not set: the postgres:: variants are NOT RUN (shown as ignored)."
        );
    }
    let mut trials = Vec::new();
    for (name, test) in all() {
        trials.push(Trial::test(format!("sqlite::{name}"), move || {
            run(Backend::Sqlite, test)
        }));
        trials.push(
            Trial::test(format!("postgres::{name}"), move || {
                run(Backend::Postgres, test)
            })
            .with_ignored_flag(!postgres),
        );
    }
    libtest_mimic::run(&args, trials).exit();
}
