//! Facts about this build shared by the desktop app, the command line and the report: the
//! version, and what a case file and a report record about the program that wrote them.
//!
//! Kept apart from [`crate::app`] and [`crate::cli`] so that neither imports the other for them.

use mesocds_core::ClinicalTables;
use mesocds_core::case_file::SavedWith;

use crate::report;
use crate::report::model::ReportMeta;

/// The version shown by `--version`, in the About box and on every report.
pub const APP_VERSION: &str = env!("CARGO_PKG_VERSION");

/// The report-wide facts of an export made now.
pub fn report_meta() -> ReportMeta {
    ReportMeta {
        export_date: report::today(),
        app_version: APP_VERSION.to_owned(),
    }
}

/// What a case file records about the program that saved it: this version and the clinical
/// content in use (or why the content failed to load).
pub fn saved_with<E: std::fmt::Display>(tables: Result<&ClinicalTables, E>) -> SavedWith {
    SavedWith {
        app_version: APP_VERSION.to_owned(),
        content: tables.map_or_else(|e| e.to_string(), ClinicalTables::content_version),
    }
}
