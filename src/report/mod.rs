//! The printable summary: a plain report model ([`model`]) laid out as a PDF ([`pdf`]).
//!
//! The command line (`mesocds export`) and the desktop app (Export PDF…) both come through
//! [`export_files`] or [`build_report`], so a pack and a single summary look the same everywhere.

mod course;
mod editions;
mod evidence;
pub mod headline;
pub mod model;
mod options;
pub mod pdf;
mod text;

use std::path::{Path, PathBuf};

use mesocds_core::case_file::{self, CaseFileError, SealStatus};
use mesocds_core::{Assessment, Case, ClinicalTables, assess};
use sha2::Digest as _;

use model::{Block, CaseReport, CaseSource, Report, ReportMeta, Section, SectionKind};
use pdf::{PdfError, PdfOptions, RenderedPdf};

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
    let mut refs = Vec::new();
    let mut stages = Vec::new();
    let mut sites = Vec::new();
    for input in inputs {
        stages.push(editions::cover_stage(input.assessment));
        sites.push(model::site_short(input.case));
        cases.push(model::case_report(
            input.case,
            input.assessment,
            tables,
            input.source.clone(),
            &mut refs,
        ));
    }
    model::report(cases, refs, stages, sites, tables, meta)
}

/// Marks a case whose file's seal does not match (`case_file::SEAL_WARNING`).
///
/// The warning is the first of the headline's flags, and a warning section follows the decision
/// (before the detail). Nothing for a valid or missing seal.
pub fn mark_seal(report: &mut CaseReport, seal: SealStatus) {
    if let Some(warning) = seal.warning() {
        let lead = format!("This case file was {warning}.");
        headline::add_flag(&mut report.sections, lead.clone());
        let at = report
            .sections
            .iter()
            .position(|s| s.kind == SectionKind::Detail)
            .unwrap_or(report.sections.len());
        report.sections.insert(
            at,
            Section {
                kind: SectionKind::Detail,
                heading: "Warning: case file integrity".to_owned(),
                blocks: vec![
                    Block::Lead(lead),
                    Block::Text(
                        "Its content no longer matches the seal MesoCDS wrote when it saved \
                         the file. Compare every input with the source records before using \
                         this summary."
                            .to_owned(),
                    ),
                ],
            },
        );
    }
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
    /// The output is refused before anything is read or written.
    #[error("{path}: {reason}; nothing was written")]
    Output {
        /// The output path.
        path: PathBuf,
        /// Why, e.g. "this is one of the input case files".
        reason: &'static str,
    },
    /// No case was given.
    #[error("no case files were given")]
    NoCases,
}

/// Refuses an output that would destroy something other than an earlier PDF: a folder, a pipe
/// or device, or an existing file that does not start with `%PDF-` (such as a case file).
fn check_existing_output(output: &Path) -> Result<(), ExportError> {
    let refuse = |reason| ExportError::Output {
        path: output.to_owned(),
        reason,
    };
    let meta = match std::fs::metadata(output) {
        Ok(meta) => meta,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(()),
        Err(error) => {
            return Err(ExportError::Write {
                path: output.to_owned(),
                error,
            });
        }
    };
    if !meta.is_file() {
        return Err(refuse("the output is not a regular file"));
    }
    let mut head = Vec::with_capacity(5);
    std::fs::File::open(output)
        .and_then(|f| std::io::Read::read_to_end(&mut std::io::Read::take(f, 5), &mut head))
        .map_err(|error| ExportError::Write {
            path: output.to_owned(),
            error,
        })?;
    if head != b"%PDF-" {
        return Err(refuse(
            "the file exists and is not a PDF, so it is not replaced; choose another output",
        ));
    }
    Ok(())
}

/// Whether `a` and `b` name the same existing file (same device and inode on Unix, same
/// canonical path elsewhere).
pub(crate) fn same_file(a: &Path, b: &Path) -> bool {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt as _;
        if let (Ok(x), Ok(y)) = (std::fs::metadata(a), std::fs::metadata(b)) {
            return x.dev() == y.dev() && x.ino() == y.ino();
        }
    }
    match (std::fs::canonicalize(a), std::fs::canonicalize(b)) {
        (Ok(x), Ok(y)) => x == y,
        _ => false,
    }
}

/// Writes `pdf` to `output` atomically ([`mesocds_core::atomic::write`]).
///
/// A failure leaves no partial file and an existing file untouched. New files are owner-only
/// (they hold patient data). An existing file that is not a PDF (a case file chosen by mistake)
/// is refused, not replaced.
///
/// # Errors
/// [`ExportError::Output`] or [`ExportError::Write`].
pub fn write_pdf(output: &Path, pdf: &RenderedPdf) -> Result<(), ExportError> {
    check_existing_output(output)?;
    mesocds_core::atomic::write(output, &pdf.bytes).map_err(|error| ExportError::Write {
        path: output.to_owned(),
        error,
    })
}

/// Reads case files, builds their report and writes it as a PDF to `output`.
///
/// It is laid out as `options` says: a [`pdf::PdfOptions`] (paper, and handout or slides), or
/// a [`pdf::Paper`] alone for the handout on that paper.
///
/// The output must be named `*.pdf`, must not be one of the inputs, and if it exists must be a
/// PDF; each is checked before anything is read. A case whose seal does not match is printed with
/// the warning ([`mark_seal`]).
///
/// # Errors
/// [`ExportError`] naming the bad file or the output; nothing is written then.
pub fn export_files(
    files: &[PathBuf],
    output: &Path,
    options: impl Into<PdfOptions>,
    tables: &ClinicalTables,
    meta: ReportMeta,
) -> Result<RenderedPdf, ExportError> {
    if files.is_empty() {
        return Err(ExportError::NoCases);
    }
    let refuse = |reason| ExportError::Output {
        path: output.to_owned(),
        reason,
    };
    if files.iter().any(|f| same_file(f, output)) {
        return Err(refuse("this is one of the input case files"));
    }
    check_existing_output(output)?;
    let is_pdf_name = output
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("pdf"));
    if !is_pdf_name {
        return Err(refuse("the output must be named *.pdf"));
    }
    let mut loaded = Vec::new();
    for f in files {
        let bytes = case_file::read_file(f)?;
        let case = case_file::from_bytes(&bytes).map_err(|e| e.with_path(f))?;
        let name = f.file_name().map_or_else(
            || f.display().to_string(),
            |n| n.to_string_lossy().into_owned(),
        );
        let source = CaseSource {
            file: name,
            fingerprint: fingerprint(&bytes),
        };
        loaded.push((case, source));
    }
    let assessments: Vec<Assessment<'_>> = loaded
        .iter()
        .map(|(l, _)| assess(&l.case, tables))
        .collect();
    let inputs: Vec<ReportInput<'_>> = loaded
        .iter()
        .zip(&assessments)
        .map(|((l, source), assessment)| ReportInput {
            case: &l.case,
            assessment,
            source: source.clone(),
        })
        .collect();
    let mut report = build_report(&inputs, tables, meta);
    for (case_report, (l, _)) in report.cases.iter_mut().zip(&loaded) {
        mark_seal(case_report, l.seal);
    }
    let mut pdf = pdf::render(&report, options)?;
    pdf.seals = loaded.iter().map(|(l, _)| l.seal).collect();
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
