//! The clinical core of MesoCDS: decision support for malignant mesothelioma.
//!
//! One pure entry point, [`assess`], turns a [`Case`] (what the clinician entered) into an
//! [`Assessment`]: the AJCC 8th edition stage of pleural mesothelioma, the EORTC score, the CALGB
//! group, and the treatment options the NCI PDQ lists for the case's setting, each with its
//! evidence and the caveats that apply to this patient. The desktop app, the command line, the
//! PDF summary and the tests all share it. This crate depends on no GUI or PDF crate.
//!
//! # Intended use
//! Decision support for clinicians; it does not replace clinical judgement.
//!
//! # Where the clinical content lives
//! - Stage grid, findings and category definitions, and the treatment catalogue: RON files in
//!   `assets/clinical/`, embedded at compile time and loaded strictly by [`ClinicalTables`].
//! - Evidence newer than the PDQ version used: `assets/clinical/newer_evidence.ron`, loaded with
//!   the other tables and kept apart from the PDQ options ([`evidence`]).
//! - The EORTC and CALGB scores: Rust code with named, cited constants ([`eortc`], [`calgb`]).
//!
//! Every rule traces to the NCI PDQ Malignant Mesothelioma Treatment summary (HP, updated
//! 05/12/2025) or to the project's clinical reference and decisions pages.
//!
//! # Failure model
//! Missing input is a value, not an error: every result lists the inputs it lacks.
//! Bad case files and bad tables are errors ([`case_file::CaseFileError`], [`TableError`]),
//! never panics.
//!
//! # Example
//! ```
//! use mesocds_core::{assess, Case, ClinicalTables};
//! use mesocds_core::vocab::{TCategory, NCategory, MCategory, Site, Extent};
//!
//! let tables = ClinicalTables::embedded().unwrap();
//! let mut case = Case::default();
//! case.disease.site = Some(Site::Pleural);
//! case.disease.extent = Some(Extent::Diffuse);
//! case.staging.t = Some(TCategory::T3);
//! case.staging.n = Some(NCategory::N1);
//! case.staging.m = Some(MCategory::M0);
//! let assessment = assess(&case, tables);
//! assert_eq!(assessment.stage.group().map(|g| g.to_string()), Some("IIIA".to_owned()));
//! // Nothing about the EORTC inputs was entered, so there is no score, and it says why.
//! assert!(assessment.eortc.scored.is_none());
//! assert!(!assessment.eortc.missing.is_empty());
//! ```

pub mod ajcc9;
pub mod atomic;
pub mod calgb;
pub mod case;
pub mod case_file;
pub mod course;
pub mod eortc;
pub mod evidence;
pub mod measure;
pub mod peritoneal;
pub mod staging;
pub mod table_problem;
pub mod tables;
pub mod treatment;
pub mod vocab;

pub use case::Case;
pub use table_problem::TableProblem;
pub use tables::{ClinicalTables, TableError};

use ajcc9::{EditionChoice, Stage9Result};
use calgb::CalgbResult;
use eortc::EortcResult;
use evidence::AppliedEvidence;
use peritoneal::PeritonealResult;
use staging::StageResult;
use treatment::TreatmentResult;

/// The version of this crate (the workspace version).
pub const CORE_VERSION: &str = env!("CARGO_PKG_VERSION");

/// The intended-use line every screen and report shows.
pub const INTENDED_USE: &str =
    "Decision support for clinicians; it does not replace clinical judgement.";

/// Where the results came from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Provenance {
    /// The version of the clinical core.
    pub core_version: &'static str,
    /// Source document and date, content release, staging edition, newer-evidence release and
    /// date.
    pub content: String,
    /// The staging edition, e.g. "AJCC 8th".
    pub staging_edition: &'static str,
}

/// Everything MesoCDS derives from a case.
#[derive(Clone, Debug, PartialEq)]
pub struct Assessment<'t> {
    /// The stage.
    pub stage: StageResult,
    /// The EORTC score.
    pub eortc: EortcResult,
    /// The CALGB group.
    pub calgb: CalgbResult,
    /// The treatment options.
    pub treatment: TreatmentResult<'t>,
    /// Evidence newer than the PDQ version used that applies to this case, apart from the PDQ
    /// options ([`evidence::applicable_to`]; docs/clinical/newer-evidence.md).
    pub newer_evidence: Vec<AppliedEvidence<'t>>,
    /// Which staging edition applies, by the date of diagnosis (or unknown);
    /// `docs/clinical/staging-ajcc9.md` §1.
    pub edition: EditionChoice,
    /// The 9th-edition stage (AJCC Version 9 / UICC TNM 9), computed for every case; its
    /// outcome is "not applicable" for non-pleural sites and solitary tumours.
    pub stage_9th: Stage9Result,
    /// What changed between the editions for this patient ("cT3 N0 M0: 8th IB -> 9th IIIA"),
    /// when both editions give a stage group.
    pub restaging: Option<String>,
    /// The proposed peritoneal stage (Yan 2011, not AJCC), when the site is peritoneal.
    pub peritoneal: Option<PeritonealResult>,
    /// Versions and sources.
    pub provenance: Provenance,
}

/// Assesses a case: stage, scores, treatment options and the newer evidence that applies to them.
/// Pure; never panics.
pub fn assess<'t>(case: &Case, tables: &'t ClinicalTables) -> Assessment<'t> {
    // Status and prior therapy come from the dated course when it gives them
    // (`docs/clinical/disease-status.md`, "Disease course").
    let course::EffectiveCase {
        case: effective,
        notes: course_notes,
    } = course::effective_case(case);
    let case = &effective;
    let stage = staging::stage(case, &tables.stage, &tables.findings);
    let treatment = treatment::evaluate(case, &stage, &tables.treatments);
    let newer_evidence = evidence::applicable_to(case, &treatment, &tables.evidence);
    let edition = ajcc9::applicable_edition(case.disease.diagnosed);
    let stage_9th = ajcc9::stage9(
        &ajcc9::Ajcc9Input::from_case(case),
        &tables.findings,
        &tables.stage,
        tables.stage9,
    );
    // Only when both editions give a group: two incomplete stages have nothing to compare.
    let restaging = (stage.group().is_some() && stage_9th.stage.group().is_some())
        .then(|| ajcc9::restaging_line(&stage, &stage_9th));
    let peritoneal =
        (case.disease.site == Some(vocab::Site::Peritoneal)).then(|| peritoneal::stage_case(case));
    let treatment =
        treatment::evaluate_by_edition(case, &stage, Some(&stage_9th), edition, &tables.treatments);
    let mut treatment = treatment;
    for note in course_notes.into_iter().rev() {
        treatment.notes.insert(0, note);
    }
    let mut eortc = eortc::eortc(case);
    let mut calgb = calgb::calgb(case);
    if let Some(why) = outside_score_population(case, &stage) {
        let note = format!(
            "{why}: the PDQ says both prognostic scores \"have been developed for advanced \
             unresectable mesothelioma\". Interpret this score with care."
        );
        eortc.notes.insert(0, note.clone());
        calgb.notes.insert(0, note);
    }
    Assessment {
        eortc,
        calgb,
        stage,
        treatment,
        newer_evidence,
        edition,
        stage_9th,
        restaging,
        peritoneal,
        provenance: Provenance {
            core_version: CORE_VERSION,
            content: tables.content_version(),
            staging_edition: tables::STAGING_EDITION,
        },
    }
}

/// Why the case lies outside the population the EORTC and CALGB scores were developed in
/// (advanced unresectable disease), if it does: a stage I or solitary tumour.
///
/// Source: PDQ General Information ("developed for advanced unresectable mesothelioma");
/// docs/clinical/prognostic-scores.md.
fn outside_score_population(case: &Case, stage: &StageResult) -> Option<&'static str> {
    use vocab::{Extent, StageGroup};
    let stage_i = |g: &StageGroup| matches!(g, StageGroup::IA | StageGroup::IB);
    if case.disease.extent == Some(Extent::Solitary) && stage.beyond_solitary.is_empty() {
        return Some("Solitary (localized) tumour");
    }
    match stage.group() {
        Some(g) if stage_i(&g) => Some("Stage I disease"),
        None if !stage.possible().is_empty() && stage.possible().iter().all(stage_i) => {
            Some("Stage I disease (every possible group)")
        }
        _ => None,
    }
}
