//! What is wrong with a clinical table that parsed but did not pass its load-time checks.
//!
//! One typed value per kind of defect, so that tests can match on the kind and the message is
//! written in one place (the `#[error]` texts below).

use crate::treatment::{Difference, Setting};
use crate::vocab::Finding;

/// A defect of a clinical table found by its load-time checks.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum TableProblem {
    /// A T×N×M cell of a stage grid is missing.
    #[error("missing cell {cell}")]
    MissingCell {
        /// The cell, e.g. "T3 NX M0".
        cell: String,
    },
    /// A T×N×M cell of a stage grid appears more than once.
    #[error("duplicate cell {cell}")]
    DuplicateCell {
        /// The cell.
        cell: String,
    },
    /// A cell's reasons for having no group do not match its unknown categories.
    #[error("cell {cell}: reasons {reasons} do not match the categories")]
    ReasonsMismatch {
        /// The cell.
        cell: String,
        /// The reasons as written.
        reasons: String,
    },
    /// A rule of a grid's unknown categories does not hold for a cell (9th edition).
    #[error("cell {cell}: {rule}")]
    CellRule {
        /// The cell.
        cell: String,
        /// The rule that does not hold.
        rule: String,
    },
    /// A text the table must carry is empty.
    #[error("{what} must not be empty")]
    EmptyText {
        /// Which text.
        what: &'static str,
    },
    /// A finding does not appear exactly once.
    #[error("finding {finding:?} appears {count} times (expected once)")]
    FindingCount {
        /// The finding.
        finding: Finding,
        /// How often it appears.
        count: usize,
    },
    /// A finding implies TX, T0 or NX, which are picked, never derived.
    #[error("finding {finding:?} implies a category that cannot be derived")]
    FindingNotDerivable {
        /// The finding.
        finding: Finding,
    },
    /// A finding has no wording.
    #[error("finding {finding:?} has no text")]
    FindingWithoutText {
        /// The finding.
        finding: Finding,
    },
    /// A category is not defined exactly once.
    #[error("category {category} is defined {count} times (expected once)")]
    CategoryCount {
        /// The category, e.g. "T(T3)".
        category: String,
        /// How often it is defined.
        count: usize,
    },
    /// Two options share an id.
    #[error("duplicate treatment option id {id:?}")]
    DuplicateOption {
        /// The id.
        id: String,
    },
    /// An option has no citation.
    #[error("option {id:?} has no citation")]
    NoCitation {
        /// The option.
        id: String,
    },
    /// An option is listed in no setting.
    #[error("option {id:?} is listed in no setting")]
    NoSetting {
        /// The option.
        id: String,
    },
    /// An option has no name.
    #[error("option {id:?} has no name")]
    NoName {
        /// The option.
        id: String,
    },
    /// An outcome has a CI level that its result does not write out.
    #[error(
        "option {id:?}: outcome {endpoint:?} has a {level}% CI level but its result does not say \"{level}% CI\""
    )]
    CiLevelNotWritten {
        /// The option.
        id: String,
        /// The outcome's end point.
        endpoint: String,
        /// The level, as written in the table.
        level: String,
    },
    /// An outcome's result shows a CI but the outcome has no CI level.
    #[error("option {id:?}: outcome {endpoint:?} shows a CI but has no ci_level_percent")]
    CiWithoutLevel {
        /// The option.
        id: String,
        /// The outcome's end point.
        endpoint: String,
    },
    /// An option names a common caveat the catalogue does not have.
    #[error("option {id:?}: unknown common caveat {caveat:?}")]
    UnknownCommonCaveat {
        /// The option.
        id: String,
        /// The caveat's id.
        caveat: String,
    },
    /// An exclusion that always holds would hide the option from everyone.
    #[error("option {id:?}: an exclusion that always holds would hide the option")]
    ExclusionAlways {
        /// The option.
        id: String,
    },
    /// An exclusion without its reason or source.
    #[error("option {id:?}: an exclusion needs a reason and a source")]
    ExclusionWithoutSource {
        /// The option.
        id: String,
    },
    /// A patient caveat with no text for when its input is not entered.
    #[error("option {id:?}: caveat {caveat:?} needs an if_unknown text (no silent defaults)")]
    CaveatWithoutIfUnknown {
        /// The option.
        id: String,
        /// The caveat's text.
        caveat: String,
    },
    /// A median overall survival that no outcome result writes.
    #[error("option {id:?}: median_os {months} months is not in any outcome result")]
    MedianNotInOutcomes {
        /// The option.
        id: String,
        /// The figure, as written.
        months: String,
    },
    /// The typed difference of a median does not match the overall-survival outcome.
    #[error(
        "option {id:?}: median_os difference {difference:?} does not match the direction of its overall-survival outcome"
    )]
    DifferenceMismatch {
        /// The option.
        id: String,
        /// The difference as typed.
        difference: Difference,
    },
    /// A historical-control comparator not marked so, or the other way round.
    #[error(
        "option {id:?}: a historical-control comparator must be marked HistoricalControl (and only it)"
    )]
    HistoricalControlMismatch {
        /// The option.
        id: String,
    },
    /// A setting lists no option.
    #[error("no option is listed for setting {setting:?}")]
    SettingWithoutOption {
        /// The setting.
        setting: Setting,
    },
}
