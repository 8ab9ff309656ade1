//! MesoCDS, the application: the desktop app and the command line (and, later, the PDF
//! summary) on the clinical core in `crates/mesocds_core`.
//!
//! Nothing here computes clinical results: it parses input, calls [`mesocds_core::assess`], and
//! formats what the core returns.

pub mod app;
pub mod board;
pub mod cli;
pub mod fhir;
pub mod json;
pub mod meta;
pub mod present;
pub mod report;
