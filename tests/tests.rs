//! The integration tests of the `mesocds` application, as one test binary (ripgrep's layout).

// The command line: `assess` (text and the JSON contract), `check`, `--save`/`--case`,
// rejection of bad values, and the exit codes.
mod cli;
