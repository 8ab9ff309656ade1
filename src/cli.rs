//! The command line: `mesocds assess`, `mesocds check`, and opening the desktop app.

use std::collections::BTreeSet;
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context as _;
use clap::builder::{PossibleValue, PossibleValuesParser, TypedValueParser as _};
use clap::{Args, Parser, Subcommand};
use mesocds_core::case::{AgeYears, Hemoglobin, RangeError, Wbc};
use mesocds_core::case_file::{self, SavedWith, SealStatus};
use mesocds_core::vocab::{
    DiagnosisCertainty, DiseaseStatus, Ecog, Extent, Finding, Histology, MCategory, NCategory,
    PriorTherapy, Sex, Site, StagingBasis, TCategory, Vocab,
};
use mesocds_core::{Case, ClinicalTables, assess};

mod export;
mod ninth;
mod output;

pub use export::ExportArgs;
use export::run_export;
pub use ninth::{NinthInputs, today_utc};
pub use output::{escape_controls, is_broken_pipe, out, warn};

use crate::report::model::CaseSource;
use crate::{json, report};

pub use crate::meta::{APP_VERSION, report_meta};

/// MesoCDS: offline clinical decision support for malignant mesothelioma.
///
/// AJCC 8th and 9th edition staging of pleural mesothelioma (which one applies by the date of
/// diagnosis), the proposed peritoneal stage (Yan 2011, not AJCC), the EORTC and CALGB prognostic scores, and
/// the treatment options the NCI PDQ lists for the case's setting. Decision support for
/// clinicians; it does not replace clinical judgement.
#[derive(Debug, Parser)]
#[command(
    name = "mesocds",
    version,
    about,
    long_about,
    args_conflicts_with_subcommands = true
)]
pub struct Cli {
    /// What to do; without one, the desktop app opens.
    #[command(subcommand)]
    pub command: Option<Command>,
    /// A case file to open in the desktop app.
    #[arg(value_name = "CASE.ron")]
    pub case: Option<PathBuf>,
}

/// A subcommand.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Build a case from the flags (or a case file), optionally save it, and print its assessment.
    Assess(AssessArgs),
    /// Validate case files: exit 0 when all are valid, 1 otherwise, naming each bad file.
    Check(CheckArgs),
    /// Write a printable PDF (one case's summary, or a tumor-board pack of several cases), or with
    /// `--fhir` an HL7 FHIR R4 collection Bundle (mCODE-shaped) of the cases.
    Export(ExportArgs),
}

/// `mesocds assess`.
#[derive(Debug, Args)]
pub struct AssessArgs {
    /// Load this case file first; input flags override its values.
    #[arg(long, value_name = "FILE")]
    pub case: Option<PathBuf>,
    /// Save the resulting case (atomically) to this file.
    #[arg(long, value_name = "FILE")]
    pub save: Option<PathBuf>,
    /// Print the assessment as JSON instead of a text summary.
    #[arg(long)]
    pub json: bool,
    /// The case inputs.
    #[command(flatten)]
    pub inputs: Inputs,
}

/// `mesocds check`.
#[derive(Debug, Args)]
pub struct CheckArgs {
    /// Case files to validate.
    #[arg(required = true, value_name = "FILE")]
    pub files: Vec<PathBuf>,
}

fn vocab_parser<T: Vocab + Send + Sync + Clone>() -> impl clap::builder::TypedValueParser<Value = T>
{
    PossibleValuesParser::new(
        T::ALL
            .iter()
            .map(|v| PossibleValue::new(v.code()).help(v.label())),
    )
    .try_map(|s: String| T::from_code(&s).ok_or_else(|| format!("{s:?} is not a {}", T::NAME)))
}

/// The value parser of a measurement: the core's one parser ([`std::str::FromStr`] on
/// [`AgeYears`], [`Wbc`], [`Hemoglobin`]), the same as the form's (decimal comma accepted).
fn measurement<T: std::str::FromStr<Err = RangeError>>(s: &str) -> Result<T, String> {
    s.parse().map_err(|e: RangeError| e.to_string())
}

/// One item of `--prior`: a therapy, or `none`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PriorItem {
    /// No previous systemic therapy.
    None,
    /// This therapy.
    Therapy(PriorTherapy),
}

fn prior_parser() -> impl clap::builder::TypedValueParser<Value = PriorItem> {
    let values = std::iter::once(PossibleValue::new("none").help("No previous systemic therapy"))
        .chain(
            PriorTherapy::ALL
                .iter()
                .map(|v| PossibleValue::new(v.code()).help(v.label())),
        );
    PossibleValuesParser::new(values).try_map(|s: String| {
        if s.eq_ignore_ascii_case("none") {
            Ok(PriorItem::None)
        } else {
            PriorTherapy::from_code(&s)
                .map(PriorItem::Therapy)
                .ok_or_else(|| format!("{s:?} is not a prior therapy"))
        }
    })
}

/// The case inputs, all optional. A flag that is not given leaves the value not entered (or as
/// loaded with `--case`).
#[derive(Debug, Args, Default)]
pub struct Inputs {
    /// Pseudonymous case label (not a patient identifier).
    #[arg(long, value_name = "TEXT")]
    pub label: Option<String>,
    /// Primary site.
    #[arg(long, value_parser = vocab_parser::<Site>())]
    pub site: Option<Site>,
    /// Diffuse or solitary (localized) tumour.
    #[arg(long, value_parser = vocab_parser::<Extent>())]
    pub extent: Option<Extent>,
    /// Basis of the stage: prefix c, p or yp.
    #[arg(long, value_parser = vocab_parser::<StagingBasis>())]
    pub basis: Option<StagingBasis>,
    /// T category, picked directly (AJCC 8th edition).
    #[arg(long, value_parser = vocab_parser::<TCategory>(), ignore_case = true)]
    pub t: Option<TCategory>,
    /// N category, picked directly.
    #[arg(long, value_parser = vocab_parser::<NCategory>(), ignore_case = true)]
    pub n: Option<NCategory>,
    /// M category, picked directly (there is no MX).
    #[arg(long, value_parser = vocab_parser::<MCategory>(), ignore_case = true)]
    pub m: Option<MCategory>,
    /// An anatomical finding (repeatable); T, N and M are derived from the findings.
    #[arg(long = "finding", value_name = "NAME", value_parser = vocab_parser::<Finding>())]
    pub findings: Vec<Finding>,
    /// Age in whole years (0 to 120).
    #[arg(long, value_name = "YEARS", value_parser = measurement::<AgeYears>, allow_hyphen_values = true)]
    pub age: Option<AgeYears>,
    /// Sex.
    #[arg(long, value_parser = vocab_parser::<Sex>())]
    pub sex: Option<Sex>,
    /// ECOG performance status, 0 to 4.
    #[arg(long, value_parser = vocab_parser::<Ecog>())]
    pub ecog: Option<Ecog>,
    /// Histologic subtype.
    #[arg(long, value_parser = vocab_parser::<Histology>())]
    pub histology: Option<Histology>,
    /// Certainty of the histologic diagnosis.
    #[arg(long, value_parser = vocab_parser::<DiagnosisCertainty>())]
    pub diagnosis: Option<DiagnosisCertainty>,
    /// White blood cell count in ×10⁹/L (0 to 200; 8300/µL is 8.3; "9,1" is 9.1).
    #[arg(long, value_name = "x10^9/L", value_parser = measurement::<Wbc>, allow_hyphen_values = true)]
    pub wbc: Option<Wbc>,
    /// Hemoglobin in g/dL (0 to 25; 146 g/L is 14.6; "13,5" is 13.5).
    #[arg(long, value_name = "g/dL", value_parser = measurement::<Hemoglobin>, allow_hyphen_values = true)]
    pub hb: Option<Hemoglobin>,
    /// Disease status.
    #[arg(long, value_parser = vocab_parser::<DiseaseStatus>())]
    pub status: Option<DiseaseStatus>,
    /// Previous systemic therapy, comma-separated, or `none`.
    #[arg(long, value_name = "LIST", value_delimiter = ',', value_parser = prior_parser())]
    pub prior: Option<Vec<PriorItem>>,
    /// Takes an anticoagulant.
    #[arg(long, conflicts_with = "no_anticoagulant")]
    pub anticoagulant: bool,
    /// Takes no anticoagulant.
    #[arg(long)]
    pub no_anticoagulant: bool,
    /// Takes an antiplatelet agent.
    #[arg(long, conflicts_with = "no_antiplatelet")]
    pub antiplatelet: bool,
    /// Takes no antiplatelet agent.
    #[arg(long)]
    pub no_antiplatelet: bool,
    /// Takes a nonsteroidal anti-inflammatory drug.
    #[arg(long, conflicts_with = "no_nsaid")]
    pub nsaid: bool,
    /// Takes no NSAID.
    #[arg(long)]
    pub no_nsaid: bool,
    /// The date of diagnosis, the 9th-edition and the peritoneal inputs.
    #[command(flatten)]
    pub ninth: NinthInputs,
}

fn switch(yes: bool, no: bool) -> Option<bool> {
    match (yes, no) {
        (true, _) => Some(true),
        (false, true) => Some(false),
        (false, false) => None,
    }
}

impl Inputs {
    /// Applies the given flags over `case`.
    ///
    /// # Errors
    /// A message when `--prior` combines `none` with a therapy.
    pub fn apply(&self, case: &mut Case) -> Result<(), String> {
        if let Some(v) = &self.label {
            case.label.clone_from(v);
        }
        let d = &mut case.disease;
        d.site = self.site.or(d.site);
        d.extent = self.extent.or(d.extent);
        d.histology = self.histology.or(d.histology);
        d.diagnosis = self.diagnosis.or(d.diagnosis);
        d.status = self.status.or(d.status);
        let s = &mut case.staging;
        s.basis = self.basis.or(s.basis);
        s.t = self.t.or(s.t);
        s.n = self.n.or(s.n);
        s.m = self.m.or(s.m);
        s.findings.extend(self.findings.iter().copied());
        let p = &mut case.patient;
        p.age_years = self.age.or(p.age_years);
        p.sex = self.sex.or(p.sex);
        p.ecog = self.ecog.or(p.ecog);
        let l = &mut case.labs;
        l.wbc_10e9_per_l = self.wbc.or(l.wbc_10e9_per_l);
        l.hb_g_per_dl = self.hb.or(l.hb_g_per_dl);
        let t = &mut case.therapy;
        if let Some(items) = &self.prior {
            let has_none = items.contains(&PriorItem::None);
            let therapies: BTreeSet<PriorTherapy> = items
                .iter()
                .filter_map(|i| match i {
                    PriorItem::Therapy(p) => Some(*p),
                    PriorItem::None => None,
                })
                .collect();
            if has_none && !therapies.is_empty() {
                return Err("--prior: `none` cannot be combined with a therapy".to_owned());
            }
            t.prior_systemic = Some(therapies);
        }
        t.anticoagulant = switch(self.anticoagulant, self.no_anticoagulant).or(t.anticoagulant);
        t.antiplatelet = switch(self.antiplatelet, self.no_antiplatelet).or(t.antiplatelet);
        t.nsaid = switch(self.nsaid, self.no_nsaid).or(t.nsaid);
        self.ninth.apply(case, self.n)
    }
}

/// Runs the command line; returns the process exit code.
///
/// A closed standard output (`mesocds check *.ron | head -1`) stops the output quietly: no
/// panic, no message; `check` still validates every file and returns its exit code.
///
/// # Errors
/// Errors for the caller to print (bad files, failed saves, invalid tables).
pub fn run(cli: Cli) -> anyhow::Result<ExitCode> {
    let result = match cli.command {
        None => {
            crate::app::run_native(cli.case)
                .map_err(|e| anyhow::anyhow!("could not open the desktop app window: {e}"))?;
            Ok(ExitCode::SUCCESS)
        }
        Some(Command::Assess(args)) => run_assess(&args),
        Some(Command::Check(args)) => Ok(run_check(&args)),
        Some(Command::Export(args)) => run_export(&args),
    };
    match result {
        Err(e) if is_broken_pipe(&e) => Ok(ExitCode::SUCCESS),
        other => other,
    }
}

fn run_assess(args: &AssessArgs) -> anyhow::Result<ExitCode> {
    let tables = ClinicalTables::embedded().context("loading the embedded clinical tables")?;
    let (mut case, seal) = match &args.case {
        Some(path) => {
            let loaded = case_file::load(path)?;
            (loaded.case, loaded.seal)
        }
        None => (Case::default(), SealStatus::Missing),
    };
    if let (Some(warning), Some(path)) = (seal.warning(), &args.case) {
        let name = escape_controls(&path.display().to_string(), false);
        warn(&format!("warning: {name}: {warning}"));
    }
    if let Some(errors) = course_errors(&case) {
        warn(&format!("warning: disease course or board: {errors}"));
    }
    if let Err(message) = args.inputs.apply(&mut case) {
        warn(&format!("error: {message}"));
        return Ok(ExitCode::from(2));
    }
    if let Some(path) = &args.save {
        let saved_with = SavedWith {
            app_version: APP_VERSION.to_owned(),
            content: tables.content_version(),
        };
        case_file::save(path, &case, &saved_with)?;
    }
    let assessment = assess(&case, tables);
    if args.json {
        let value = json::assessment_json(&case, &assessment, APP_VERSION);
        out(&format!("{}\n", serde_json::to_string_pretty(&value)?))?;
    } else {
        let source = CaseSource {
            file: args.case.as_ref().and_then(|p| p.file_name()).map_or_else(
                || "case from the command line".to_owned(),
                |n| escape_controls(&n.to_string_lossy(), false),
            ),
            fingerprint: "not from a saved file".to_owned(),
        };
        let shown = Case {
            label: escape_controls(&case.label, false),
            notes: escape_controls(&case.notes, true),
            ..case.clone()
        };
        let input = report::ReportInput {
            case: &shown,
            assessment: &assessment,
            source,
        };
        let mut report = report::build_report(&[input], tables, report_meta());
        if let Some(c) = report.cases.first_mut() {
            report::mark_seal(c, seal);
        }
        out(&report.to_plain_text())?;
    }
    Ok(ExitCode::SUCCESS)
}

/// The course and board problems of a case, joined, against today's date (UTC); `None` when
/// there are none or today's date cannot be read.
fn course_errors(case: &Case) -> Option<String> {
    let errors = mesocds_core::course::validate_case(case, today_utc()?);
    (!errors.is_empty()).then(|| {
        errors
            .iter()
            .map(ToString::to_string)
            .collect::<Vec<_>>()
            .join("; ")
    })
}

/// Validates every file (including its disease course and board entries). Exit 0 when all are valid case files, 1 otherwise. A valid file whose
/// seal does not match is reported with a warning line and does not change the exit code (it
/// opens, with the same warning, in the app); `grep -c '^warning:'` counts them.
fn run_check(args: &CheckArgs) -> ExitCode {
    let mut bad = 0usize;
    let mut changed = 0usize;
    // After the reader of standard output has gone, the files are still checked for the exit code.
    let print = |line: String| {
        out(&format!("{}\n", escape_controls(&line, false))).ok();
    };
    for path in &args.files {
        match case_file::load(path) {
            Ok(loaded) => match (course_errors(&loaded.case), loaded.seal.warning()) {
                (Some(errors), _) => {
                    bad += 1;
                    print(format!("invalid: {}: {errors}", path.display()));
                }
                (None, Some(warning)) => {
                    changed += 1;
                    print(format!("warning: {}: {warning}", path.display()));
                }
                (None, None) => print(format!("ok: {}", path.display())),
            },
            Err(e) => {
                bad += 1;
                print(format!("invalid: {e}"));
            }
        }
    }
    if changed > 0 {
        warn(&format!(
            "{changed} of {} case files were changed outside MesoCDS or damaged: check every input",
            args.files.len()
        ));
    }
    if bad == 0 {
        ExitCode::SUCCESS
    } else {
        warn(&format!(
            "{bad} of {} case files are invalid",
            args.files.len()
        ));
        ExitCode::from(1)
    }
}
