//! The printable summary: a plain report model ([`model`]) laid out as a PDF ([`pdf`]).
//!
//! The command line (`mesocds export`) and the desktop app (Export PDF…) both come through
//! [`export_files`] or [`build_report`], so a pack and a single summary look the same everywhere.

pub mod model;
pub mod pdf;

use std::path::{Path, PathBuf};

use mesocds_core::case_file::{self, CaseFileError};
use mesocds_core::{Assessment, Case, ClinicalTables, assess};
use sha2::Digest as _;

use model::{CaseReport, CaseSource, Report, ReportMeta};
use pdf::{Paper, PdfError, RenderedPdf};

/// A short fingerprint of a case file's bytes: `sha256:` and the first 12 hex digits, so a printed
/// page can be matched to its file (`sha256sum CASE.ron` starts with the same digits).
pub fn fingerprint(bytes: &[u8]) -> String {
    let digest = sha2::Sha256::digest(bytes);
    let hex: String = digest.iter().take(6).map(|b| format!("{b:02x}")).collect();
    format!("sha256:{hex}")
}

/// Today's date (UTC) as `YYYY-MM-DD`.
pub fn today() -> String {
    let days = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs() / 86_400);
    civil_date(i64::try_from(days).unwrap_or(0))
}

/// The civil date of a day count since 1970-01-01 (H. Hinnant's algorithm), as `YYYY-MM-DD`.
pub fn civil_date(days_since_epoch: i64) -> String {
    let z = days_since_epoch + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i64::from(m <= 2);
    format!("{y:04}-{m:02}-{d:02}")
}

/// One case to report, with its assessment and where it came from.
pub struct ReportInput<'a> {
    /// The case.
    pub case: &'a Case,
    /// The core's assessment of `case` with the same tables, as the caller already has it
    /// (the report never assesses again).
    pub assessment: &'a Assessment<'a>,
    /// Its file and fingerprint.
    pub source: CaseSource,
}

/// Builds the report model of one or more cases from their assessments.
pub fn build_report(
    inputs: &[ReportInput<'_>],
    tables: &ClinicalTables,
    meta: ReportMeta,
) -> Report {
    let mut cases: Vec<CaseReport> = Vec::new();
    let mut stages = Vec::new();
    let mut sites = Vec::new();
    for input in inputs {
        stages.push(model::stage_short(&input.assessment.stage));
        sites.push(model::site_short(input.case));
        cases.push(model::case_report(
            input.case,
            input.assessment,
            tables,
            input.source.clone(),
        ));
    }
    model::report(cases, stages, sites, tables, meta)
}

/// Why an export failed. Nothing is written when it fails.
#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    /// A case file could not be read.
    #[error(transparent)]
    Case(#[from] CaseFileError),
    /// The PDF could not be made.
    #[error(transparent)]
    Pdf(#[from] PdfError),
    /// The output could not be written.
    #[error("could not write {path}: {error}")]
    Write {
        /// The output path.
        path: PathBuf,
        /// The I/O error.
        error: std::io::Error,
    },
    /// No case was given.
    #[error("no case files were given")]
    NoCases,
}

/// Writes `pdf` to `output` atomically (temporary file, fsync, rename): a failure leaves no
/// partial file and an existing file untouched. New files are owner-only (they hold patient data).
///
/// # Errors
/// [`ExportError::Write`].
pub fn write_pdf(output: &Path, pdf: &RenderedPdf) -> Result<(), ExportError> {
    case_file::write_atomic(output, &pdf.bytes).map_err(|error| ExportError::Write {
        path: output.to_owned(),
        error,
    })
}

/// Reads case files, builds their report and writes it as a PDF to `output`.
///
/// # Errors
/// [`ExportError`] naming the bad file or the output; nothing is written then.
pub fn export_files(
    files: &[PathBuf],
    output: &Path,
    paper: Paper,
    tables: &ClinicalTables,
    meta: ReportMeta,
) -> Result<RenderedPdf, ExportError> {
    if files.is_empty() {
        return Err(ExportError::NoCases);
    }
    let mut loaded = Vec::new();
    for f in files {
        let bytes = std::fs::read(f).map_err(|e| {
            ExportError::Case(CaseFileError {
                path: Some(f.clone()),
                kind: case_file::CaseFileErrorKind::Io(e.to_string()),
            })
        })?;
        let case = case_file::load(f)?.case;
        let name = f.file_name().map_or_else(
            || f.display().to_string(),
            |n| n.to_string_lossy().into_owned(),
        );
        loaded.push((
            case,
            CaseSource {
                file: name,
                fingerprint: fingerprint(&bytes),
            },
        ));
    }
    let assessments: Vec<Assessment<'_>> = loaded
        .iter()
        .map(|(case, _)| assess(case, tables))
        .collect();
    let inputs: Vec<ReportInput<'_>> = loaded
        .iter()
        .zip(&assessments)
        .map(|((case, source), assessment)| ReportInput {
            case,
            assessment,
            source: source.clone(),
        })
        .collect();
    let report = build_report(&inputs, tables, meta);
    let pdf = pdf::render(&report, paper)?;
    write_pdf(output, &pdf)?;
    Ok(pdf)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn civil_dates() {
        assert_eq!(civil_date(0), "1970-01-01");
        assert_eq!(civil_date(11_016), "2000-02-29");
        assert_eq!(civil_date(20_781), "2026-11-24");
        assert_eq!(civil_date(-1), "1969-12-31");
    }

    #[test]
    fn fingerprint_is_the_start_of_sha256() {
        // sha256("abc") = ba7816bf8f01cfea414140de5dae2223…
        assert_eq!(fingerprint(b"abc"), "sha256:ba7816bf8f01");
    }
}
