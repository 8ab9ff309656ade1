//! Presentation wording shared by the desktop tabs, the report model (PDF and plain text) and
//! the command line: one home, so the screens and the printed summary cannot drift apart.
//!
//! This module only formats what the core returns. Clinical facts (thresholds, citations,
//! survival figures) stay in `crates/mesocds_core`; here they are put into sentences.

use mesocds_core::calgb::{self, CalgbGroup};
use mesocds_core::eortc::{self, EortcRisk};
use mesocds_core::staging::{StageOutcome, StageResult};
use mesocds_core::vocab::Vocab as _;

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

    #[test]
    fn sentence_case_capitalises_the_first_letter_only() {
        assert_eq!(sentence_case("median survival"), "Median survival");
        assert_eq!(sentence_case(""), "");
    }
}
