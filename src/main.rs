use std::process::ExitCode;

use clap::Parser;

#[tokio::main]
async fn main() -> ExitCode {
    match mutual::cli::run(mutual::config::Cli::parse()).await {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            // The message and its causes on one line, never a backtrace: operators read this.
            eprintln!("Error: {e:#}");
            ExitCode::FAILURE
        }
    }
}
