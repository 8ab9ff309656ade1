//! `mesocds`: see `mesocds --help`.

use std::process::ExitCode;

use clap::Parser as _;

fn main() -> ExitCode {
    let cli = mesocds::cli::Cli::parse();
    match mesocds::cli::run(cli) {
        Ok(code) => code,
        Err(e) => {
            let message = mesocds::cli::escape_controls(&format!("{e:#}"), false);
            mesocds::cli::warn(&format!("error: {message}"));
            ExitCode::from(1)
        }
    }
}
