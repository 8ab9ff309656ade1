//! Presentation wording shared by the desktop tabs, the report model (PDF and plain text) and
//! the command line: one home, so the screens and the printed summary cannot drift apart.
//!
//! This module only formats what the core returns. Clinical facts (thresholds, citations,
//! survival figures) stay in `crates/mesocds_core`; here they are put into sentences.

use mesocds_core::Case;
use mesocds_core::ajcc9::{ClinicalT, Stage9, Stage9Result, TRule};
use mesocds_core::calgb::{self, CalgbGroup};
use mesocds_core::eortc::{self, EortcRisk};
use mesocds_core::peritoneal::{PciEntry, PciRegion, PeritonealOutcome, PeritonealResult};
use mesocds_core::staging::{StageOutcome, StageResult};
use mesocds_core::treatment::{EvidenceLevel, MedianOs, Outcome};
use mesocds_core::vocab::Vocab as _;

mod course;
pub use course::*;

/// Text for a value that was not entered, inside a sentence or a table cell.
pub const NOT_ENTERED: &str = "not entered";

/// [`NOT_ENTERED`] as a label of its own (a choice in a list, an empty field's hint).
pub const NOT_ENTERED_LABEL: &str = "Not entered";

/// The labels of the tumor-board decision box, in order: written by hand on the printed page.
pub const DECISION_BOX: [&str; 3] = ["Decision:", "Attendees:", "Date:"];

/// The lines of the decision box as text: each label followed by a line to write on, filled
/// with underscores to `wide` characters (decision, attendees) or `narrow` (date).
pub fn decision_box_lines(wide: usize, narrow: usize) -> [String; 3] {
    DECISION_BOX.map(|label| {
        let width = if label == DECISION_BOX[2] {
            narrow
        } else {
            wide
        };
        let line = "_".repeat(width.saturating_sub(label.chars().count() + 1));
        format!("{label} {line}")
    })
}

/// The stage outcome in words, in the three lengths the app and the report use.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StageWording {
    /// The headline of the Staging tab, e.g. "Stage IIIA" or "Incomplete".
    pub headline: String,
    /// The lead line of the report's stage section, e.g. "Stage IIIA (T3 N1 M0)".
    pub lead: String,
    /// The cover-page cell of a tumor-board pack, e.g. "IIIA (T3 N1 M0)" or "incomplete".
    pub short: String,
    /// Whether the outcome needs the reader's attention (incomplete, or cannot be assigned).
    pub warn: bool,
}

/// Words the stage outcome of `s`.
pub fn stage_wording(s: &StageResult) -> StageWording {
    let tnm = s.tnm_text();
    let (headline, lead, short, warn) = match &s.outcome {
        StageOutcome::Assigned(g) => (
            format!("Stage {}", g.code()),
            format!("Stage {} ({tnm})", g.code()),
            format!("{} ({tnm})", g.code()),
            false,
        ),
        StageOutcome::Incomplete { .. } => (
            "Incomplete".to_owned(),
            format!("Stage incomplete ({tnm})"),
            "incomplete".to_owned(),
            true,
        ),
        StageOutcome::NotAssignable { .. } => (
            "Cannot be assigned".to_owned(),
            format!("Stage cannot be assigned ({tnm})"),
            "cannot be assigned".to_owned(),
            true,
        ),
        StageOutcome::NotApplicable { .. } => (
            "No AJCC stage".to_owned(),
            "No AJCC stage (not applicable)".to_owned(),
            "no AJCC stage".to_owned(),
            false,
        ),
    };
    StageWording {
        headline,
        lead,
        short,
        warn,
    }
}

/// How the core's stage notes begin when ticked findings contradict each other (N0 with N2, M0
/// with M1): shown as warnings (`crates/mesocds_core/src/staging.rs`, `finding_notes`).
pub const CONTRADICTORY_FINDINGS: &str = "Contradictory findings:";

/// How the core's stage note begins when the extent "solitary" contradicts the findings
/// (`crates/mesocds_core/src/staging.rs`, `stage`): shown first and prominently.
pub const SOLITARY_CONTRADICTION: &str = "The extent \"solitary\" contradicts";

/// The notes of a stage result, sorted by how they are shown.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct StageNotes<'a> {
    /// The extent "solitary" contradicts the findings: shown at the top.
    pub solitary: Option<&'a str>,
    /// Contradictory findings and picked-versus-findings disagreements: shown as warnings.
    pub warnings: Vec<&'a str>,
    /// The other explanations.
    pub other: Vec<&'a str>,
}

/// Sorts the notes of `s` into the solitary contradiction, warnings and the rest. The
/// contradiction is taken only when the core lists spread beyond a solitary tumour.
pub fn stage_notes(s: &StageResult) -> StageNotes<'_> {
    let mut out = StageNotes::default();
    for n in &s.notes {
        let disagreement = ["T", "N", "M"]
            .iter()
            .any(|axis| n.starts_with(&format!("{axis} disagreement:")));
        if n.starts_with(SOLITARY_CONTRADICTION) && !s.beyond_solitary.is_empty() {
            out.solitary = Some(n);
        } else if n.starts_with(CONTRADICTORY_FINDINGS) || disagreement {
            out.warnings.push(n);
        } else {
            out.other.push(n);
        }
    }
    out
}

/// The heading of the options ruled out for this patient (Treatment options tab and report).
pub const NOT_FOR_THIS_PATIENT: &str = "Not for this patient";

/// "level of evidence A1", or that the PDQ gives none.
pub fn level_text(level: Option<EvidenceLevel>) -> String {
    level.map_or_else(
        || "no level given".to_owned(),
        |l| format!("level of evidence {l}"),
    )
}

/// One outcome of a trial with its direction, e.g. "Overall survival: 18.1 vs 14.1 months
/// (HR 0.74; 96.6% CI 0.60–0.91); P = .002 (favours the option)."
pub fn outcome_line(oc: &Outcome) -> String {
    let p = oc.p.as_ref().map_or_else(String::new, |p| format!("; {p}"));
    format!(
        "{}: {}{p} ({}).",
        oc.endpoint,
        oc.result,
        oc.direction.label()
    )
}

/// The median overall survival of an option against its comparator, with what the difference
/// means, e.g. "18.1 months vs placebo 14.1 months: significant difference (randomized)".
pub fn median_os_line(os: &MedianOs) -> String {
    format!(
        "{} months vs {} {} months: {}",
        os.option_months,
        os.comparator,
        os.comparator_months,
        os.difference.label()
    )
}

/// Why a staging tab has nothing to stage for a site other than the pleura.
pub const NO_PLEURAL_STAGING: &str = "The pleural findings, the T, N and M categories and the \
     stage grid are not used for this site. The site is entered on the Case tab.";

/// "1-year survival 38% (…) in the derivation cohort" for an EORTC risk group.
pub fn eortc_survival(risk: EortcRisk) -> String {
    format!(
        "1-year survival {}% ({}) in the derivation cohort",
        risk.one_year_survival_percent(),
        risk.one_year_survival_ci()
    )
}

/// The heading of the EORTC score, with its source.
pub fn eortc_heading() -> String {
    format!("EORTC prognostic score ({})", eortc::CITATION)
}

/// The heading of the CALGB index, with its source.
pub fn calgb_heading() -> String {
    format!("CALGB prognostic index ({})", calgb::CITATION)
}

/// "median survival 13.9 months", or that the PDQ gives none, for a CALGB group.
pub fn calgb_median(group: CalgbGroup) -> String {
    match group.median_survival_months() {
        Some(m) => format!("median survival {m} months"),
        None => calgb::MEDIAN_NOT_GIVEN.to_owned(),
    }
}

/// `text` with its first letter in upper case, for a sentence start.
pub fn sentence_case(text: &str) -> String {
    let mut chars = text.chars();
    chars.next().map_or_else(String::new, |first| {
        first.to_uppercase().chain(chars).collect()
    })
}

/// The CALGB decision path in words: "ECOG PS 0, then age 45 years < 49".
pub fn calgb_path(c: &mesocds_core::calgb::CalgbResult) -> String {
    let steps: Vec<String> = c.path.iter().map(ToString::to_string).collect();
    steps.join(", then ")
}

// ---- Issue 11: the 9th edition and the proposed peritoneal stage ----

/// The lead line of a 9th-edition stage, e.g. "Stage IIIA (cT3 N0 M0)"; a missing category in
/// words ("T not entered"), never "?".
pub fn ninth_lead(r: &Stage9Result) -> String {
    let tnm = r.tnm_text();
    match &r.stage {
        Stage9::Assigned { group } => format!("Stage {} ({tnm})", group.code()),
        Stage9::Incomplete { .. } => format!("Stage incomplete ({tnm})"),
        Stage9::NotAssignable { .. } => format!("Stage cannot be assigned ({tnm})"),
        Stage9::NotApplicable { .. } => "No AJCC stage (not applicable)".to_owned(),
    }
}

/// How the 9th-edition T was found: the rule of the basis, the pick, or both.
pub fn ninth_t_text(r: &Stage9Result) -> String {
    let rule = match &r.t.rule {
        TRule::Clinical(ClinicalT::Derived { t, .. }) => {
            format!("c{} by the measurement rule", t.code())
        }
        TRule::Clinical(ClinicalT::Undecided { possible, .. }) => {
            let p: Vec<&str> = possible.iter().map(|t| t.code()).collect();
            format!(
                "not decided by the measurements (could be {})",
                p.join(", ")
            )
        }
        TRule::Pathological(Some(d)) => {
            format!("{}, from the 8th-edition findings", d.category.code())
        }
        TRule::Pathological(None) => "no pathological T finding ticked".to_owned(),
        TRule::NoBasis => "staging basis not entered: no T rule".to_owned(),
    };
    match (r.t.picked, r.t.conflict) {
        (Some(p), true) => format!("disagreement: picked {}, {rule}", p.code()),
        (Some(p), false) => format!("{} (picked); {rule}", p.code()),
        (None, _) => rule,
    }
}

/// The PCI as entered: the total, or the map's scores region by region.
pub fn pci_text(case: &Case, p: &PeritonealResult) -> String {
    match (case.peritoneal.pci, p.pci) {
        (None, _) => NOT_ENTERED.to_owned(),
        (Some(PciEntry::Total(t)), _) => format!("{} (total entered)", t.get()),
        (Some(PciEntry::Regions(r)), total) => {
            let scores: Vec<String> = PciRegion::ALL
                .iter()
                .map(|reg| {
                    r.get(*reg).map_or_else(
                        || format!("{}: -", reg.number()),
                        |s| format!("{}: {}", reg.number(), s.score()),
                    )
                })
                .collect();
            let head = total.map_or_else(
                || format!("incomplete (sum of the scored regions {})", r.scored_sum()),
                |t| t.get().to_string(),
            );
            format!("{head}; by region {}", scores.join(", "))
        }
    }
}

/// The lead line of the proposed peritoneal stage, with its 5-year survival.
pub fn peritoneal_lead(p: &PeritonealResult) -> String {
    match &p.outcome {
        PeritonealOutcome::Assigned { stage } => format!(
            "Proposed stage {}: 5-year survival {}% in the derivation cohort",
            stage.code(),
            stage.five_year_survival_percent()
        ),
        PeritonealOutcome::Incomplete { .. } => "Proposed stage incomplete".to_owned(),
        PeritonealOutcome::NotClassifiable => "Not classifiable (PCI 0)".to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decision_box_lines_keep_their_width() {
        let [d, a, t] = decision_box_lines(54, 22);
        assert_eq!(d, format!("Decision: {}", "_".repeat(44)));
        assert_eq!(a, format!("Attendees: {}", "_".repeat(43)));
        assert_eq!(t, format!("Date: {}", "_".repeat(16)));
    }

    /// The prefixes [`stage_notes`] sorts by are the ones the core writes.
    #[test]
    fn stage_notes_sorts_the_cores_notes() {
        use mesocds_core::vocab::{Extent, Finding, NCategory, Site, TCategory};
        let tables = mesocds_core::ClinicalTables::embedded().expect("embedded tables");
        let mut case = mesocds_core::Case::default();
        case.disease.site = Some(Site::Pleural);
        case.disease.extent = Some(Extent::Solitary);
        case.staging.t = Some(TCategory::T1);
        case.staging.n = Some(NCategory::N2);
        case.staging.findings = [Finding::NoDistantMetastasis, Finding::DistantMetastasis].into();
        let a = mesocds_core::assess(&case, tables);
        let notes = stage_notes(&a.stage);
        assert!(
            notes.solitary.is_some_and(|n| n.contains("(N2; M1)")),
            "{notes:?}"
        );
        assert_eq!(notes.warnings.len(), 1, "{notes:?}");
        assert!(notes.warnings[0].starts_with(CONTRADICTORY_FINDINGS));
        assert!(
            notes
                .other
                .iter()
                .all(|n| !n.starts_with(SOLITARY_CONTRADICTION))
        );
    }

    #[test]
    fn sentence_case_capitalises_the_first_letter_only() {
        assert_eq!(sentence_case("median survival"), "Median survival");
        assert_eq!(sentence_case(""), "");
    }
}
