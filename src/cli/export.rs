//! `mesocds export`: the PDF summary or pack (handout or slides), or the FHIR Bundle, of case
//! files and board files.

use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context as _;
use clap::Args;
use clap::builder::PossibleValuesParser;
use mesocds_core::ClinicalTables;

use super::{escape_controls, out, report_meta, warn};
use crate::board::file as board_file;
use crate::report;
use crate::report::pdf::{Paper, PdfLayout, PdfOptions};

/// `mesocds export`.
#[derive(Debug, Args)]
pub struct ExportArgs {
    /// Case files, or board files (`*.mesoboard`, saved from the app's Board tab) whose cases
    /// are taken in the board's order; several cases make a pack: a cover listing each case with
    /// its first page, the cases, and one reference list for all of them.
    #[arg(required = true, value_name = "CASE.ron|BOARD.mesoboard")]
    pub files: Vec<PathBuf>,
    /// The PDF to write (written atomically; an existing file is replaced only on success).
    #[arg(
        long,
        short,
        value_name = "OUT.pdf",
        required_unless_present = "fhir",
        conflicts_with = "fhir"
    )]
    pub output: Option<PathBuf>,
    /// Write an HL7 FHIR R4 collection Bundle (JSON) instead of a PDF: the pseudonymous label,
    /// the primary cancer, the 8th-edition stage, ECOG and disease status (README "Export for
    /// other systems").
    #[arg(long, value_name = "OUT.json")]
    pub fhir: Option<PathBuf>,
    /// Paper size of the handout (the slides are 16:9 whatever the paper).
    #[arg(long, default_value = "a4", value_parser = PossibleValuesParser::new(["a4", "letter"]))]
    pub paper: String,
    /// Page layout: "handout" (portrait pages to print, 9-point text) or "slides" (landscape
    /// 16:9 slides to project at the board, 16-point text; each case's headline and decision box
    /// on its first slide).
    #[arg(long, default_value = "handout", value_parser = PossibleValuesParser::new(["handout", "slides"]))]
    pub layout: String,
}

pub(super) fn run_export(args: &ExportArgs) -> anyhow::Result<ExitCode> {
    let tables = ClinicalTables::embedded().context("loading the embedded clinical tables")?;
    let files = case_files(&args.files)?;
    if let Some(fhir) = &args.fhir {
        let bundle = crate::fhir::export_files(&files, fhir, tables)?;
        out(&format!(
            "wrote {} (FHIR Bundle, {} resources, {} case{})\n",
            escape_controls(&fhir.display().to_string(), false),
            bundle.entry.len(),
            files.len(),
            if files.len() == 1 { "" } else { "s" }
        ))?;
        return Ok(ExitCode::SUCCESS);
    }
    // clap requires --output when --fhir is absent.
    let Some(output) = &args.output else {
        anyhow::bail!("give --output OUT.pdf or --fhir OUT.json");
    };
    let paper = if args.paper == "letter" {
        Paper::Letter
    } else {
        Paper::A4
    };
    let layout = if args.layout == "slides" {
        PdfLayout::Slides
    } else {
        PdfLayout::Handout
    };
    let options = PdfOptions { paper, layout };
    let pdf = report::export_files(&files, output, options, tables, report_meta())?;
    for (file, seal) in files.iter().zip(&pdf.seals) {
        if let Some(warning) = seal.warning() {
            let name = escape_controls(&file.display().to_string(), false);
            warn(&format!("warning: {name}: {warning} (the PDF says so)"));
        }
    }
    out(&format!(
        "wrote {} ({} {}, {} case{})\n",
        escape_controls(&output.display().to_string(), false),
        pdf.pages,
        match layout {
            PdfLayout::Handout => "pages",
            PdfLayout::Slides => "slides",
        },
        files.len(),
        if files.len() == 1 { "" } else { "s" }
    ))?;
    if !pdf.replaced_characters.is_empty() {
        let list: String = pdf.replaced_characters.iter().collect();
        warn(&format!(
            "warning: the PDF font cannot print these characters, shown as \"?\": {}",
            escape_controls(&list, false)
        ));
    }
    Ok(ExitCode::SUCCESS)
}

/// The case files to export: each board file (`*.mesoboard`) replaced by its cases, in the
/// board's order (`src/board/file.rs`).
///
/// # Errors
/// A board file that cannot be read, naming it (with line and column when malformed), or one
/// that lists no case.
fn case_files(args: &[PathBuf]) -> anyhow::Result<Vec<PathBuf>> {
    let mut files = Vec::new();
    for arg in args {
        if board_file::is_board_file(arg) {
            let cases = board_file::load(arg)?;
            if cases.is_empty() {
                anyhow::bail!("{}: the board lists no case", arg.display());
            }
            files.extend(cases);
        } else {
            files.push(arg.clone());
        }
    }
    Ok(files)
}
