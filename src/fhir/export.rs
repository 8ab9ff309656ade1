//! Writing the FHIR export to a file: the checks on the output, the reading of the case files
//! and the atomic write (`mesocds export CASE... --fhir OUT.json`).

use std::path::{Path, PathBuf};

use mesocds_core::{Case, ClinicalTables, case_file};

use super::bundle;
use super::model::Bundle;

/// Why a FHIR export failed; nothing was written.
#[derive(Debug, thiserror::Error)]
pub enum FhirExportError {
    /// No case files were given.
    #[error("no case files to export")]
    NoCases,
    /// The output cannot be used.
    #[error("{}: {reason}", path.display())]
    Output {
        /// The output.
        path: PathBuf,
        /// Why.
        reason: &'static str,
    },
    /// A case file could not be read.
    #[error(transparent)]
    Case(#[from] case_file::CaseFileError),
    /// The output could not be written.
    #[error("{}: {error}", path.display())]
    Write {
        /// The output.
        path: PathBuf,
        /// The I/O error.
        error: std::io::Error,
    },
}

/// Reads case files and writes their Bundle to `output` atomically (mode 0600 for a new file).
///
/// The output must be named `*.json` and must not be one of the inputs; both are checked before
/// anything is read.
///
/// # Errors
/// [`FhirExportError`] naming the bad file or the output; nothing is written then.
pub fn export_files(
    files: &[PathBuf],
    output: &Path,
    tables: &ClinicalTables,
) -> Result<Bundle, FhirExportError> {
    if files.is_empty() {
        return Err(FhirExportError::NoCases);
    }
    check_output(files, output)?;
    let mut cases = Vec::new();
    for f in files {
        let bytes = case_file::read_file(f)?;
        let loaded = case_file::from_bytes(&bytes).map_err(|e| e.with_path(f))?;
        cases.push((loaded.case, bytes));
    }
    write_bundle(&cases, files, output, tables)
}

/// Refuses an output not named `*.json` or that is one of `inputs`.
fn check_output(inputs: &[PathBuf], output: &Path) -> Result<(), FhirExportError> {
    let refuse = |reason| FhirExportError::Output {
        path: output.to_owned(),
        reason,
    };
    if inputs.iter().any(|f| crate::report::same_file(f, output)) {
        return Err(refuse("this is one of the input case files"));
    }
    if !output
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("json"))
    {
        return Err(refuse("the output must be named *.json"));
    }
    Ok(())
}

/// Writes the Bundle of cases already in memory to `output` atomically (0600 for a new file).
///
/// Each case comes with the bytes of its file, or of the file it would be saved as: the desktop
/// app's export of a case with unsaved edits. `inputs` are the case files `output` must not be.
///
/// # Errors
/// [`FhirExportError`]; nothing is written then.
pub fn write_bundle(
    cases: &[(Case, Vec<u8>)],
    inputs: &[PathBuf],
    output: &Path,
    tables: &ClinicalTables,
) -> Result<Bundle, FhirExportError> {
    if cases.is_empty() {
        return Err(FhirExportError::NoCases);
    }
    check_output(inputs, output)?;
    let bundle = bundle(cases, tables);
    let mut json = serde_json::to_vec_pretty(&bundle).unwrap_or_default();
    json.push(b'\n');
    mesocds_core::atomic::write(output, &json).map_err(|error| FhirExportError::Write {
        path: output.to_owned(),
        error,
    })?;
    Ok(bundle)
}
