//! Fixtures shared by the core's tests.

use mesocds_core::ClinicalTables;

/// The tables embedded in this build (loaded once).
pub fn tables() -> &'static ClinicalTables {
    ClinicalTables::embedded().expect("embedded tables load")
}
