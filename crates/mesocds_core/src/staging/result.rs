//! The result of staging: a status, an outcome that cannot hold impossible states, and the
//! axes and notes behind it.

use super::{AxisResult, Ranked};
use crate::vocab::{Input, MCategory, NCategory, StageGroup, StagingBasis, TCategory};

/// The status of a stage, as the JSON contract names it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum StageStatus {
    /// A stage group is assigned.
    Assigned,
    /// Input is missing.
    Incomplete,
    /// The input is complete but no group can be assigned (TX, T0, NX, or a disagreement).
    NotAssignable,
    /// AJCC does not stage this tumour (non-pleural site, solitary tumour).
    NotApplicable,
}

/// What staging concluded. Each variant holds only what can exist in that state: a group only
/// when one is assigned, possible groups only when none is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum StageOutcome {
    /// A stage group is assigned: the grid gives it, or every reading of a disagreement, an
    /// unknown or an axis not entered gives the same group (docs/clinical/staging-ajcc8.md).
    Assigned(StageGroup),
    /// Inputs are missing; the groups the stage could be once they are entered.
    Incomplete {
        /// The inputs that block the stage (T, N, M, site, extent).
        missing: Vec<Input>,
        /// Groups the stage could be.
        possible: Vec<StageGroup>,
    },
    /// The input is complete but gives no single group (TX, T0, NX, or a disagreement).
    NotAssignable {
        /// Groups the stage could be (each reading of a disagreement; T1-T4 for TX; N0-N2 for NX).
        possible: Vec<StageGroup>,
    },
    /// AJCC does not stage this tumour.
    NotApplicable {
        /// Why (non-pleural site, solitary tumour).
        reason: String,
    },
}

/// The stage of a case.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StageResult {
    /// The edition of the table used.
    pub edition: String,
    /// Clinical, pathological or post-neoadjuvant.
    pub basis: Option<StagingBasis>,
    /// T.
    pub t: AxisResult<TCategory>,
    /// N.
    pub n: AxisResult<NCategory>,
    /// M.
    pub m: AxisResult<MCategory>,
    /// What staging concluded.
    pub outcome: StageOutcome,
    /// Every input the stage reads that is not entered (the staging basis included).
    pub missing: Vec<Input>,
    /// The categories, in any reading, that show disease beyond a solitary tumour (T4, N1-N2,
    /// M1). With an extent of "solitary" they contradict it, and the app shows that prominently.
    pub beyond_solitary: Vec<String>,
    /// Explanations: not assignable, incomplete, disagreement, scope, qualifier.
    pub notes: Vec<String>,
}

impl StageResult {
    /// The status, as the JSON contract names it.
    pub fn status(&self) -> StageStatus {
        match self.outcome {
            StageOutcome::Assigned(_) => StageStatus::Assigned,
            StageOutcome::Incomplete { .. } => StageStatus::Incomplete,
            StageOutcome::NotAssignable { .. } => StageStatus::NotAssignable,
            StageOutcome::NotApplicable { .. } => StageStatus::NotApplicable,
        }
    }

    /// The stage group, only when one is assigned.
    pub fn group(&self) -> Option<StageGroup> {
        match self.outcome {
            StageOutcome::Assigned(g) => Some(g),
            _ => None,
        }
    }

    /// The groups the stage could be, when none is assigned.
    pub fn possible(&self) -> &[StageGroup] {
        match &self.outcome {
            StageOutcome::Incomplete { possible, .. }
            | StageOutcome::NotAssignable { possible } => possible,
            StageOutcome::Assigned(_) | StageOutcome::NotApplicable { .. } => &[],
        }
    }

    /// The categories with their prefix, e.g. `cT3 N1 M0`; an axis without a value is written
    /// in words ("T not entered", "N in disagreement").
    pub fn tnm_text(&self) -> String {
        fn show<C: Ranked>(axis: &str, r: &AxisResult<C>) -> String {
            match r.value {
                Some(c) => c.code().to_owned(),
                None if r.conflict => format!("{axis} in disagreement"),
                None => format!("{axis} not entered"),
            }
        }
        // The c/p/yp prefix belongs to T; without a T value it would read "cT not entered".
        let prefix = if self.t.value.is_some() {
            self.basis.map_or("", StagingBasis::prefix)
        } else {
            ""
        };
        format!(
            "{prefix}{} {} {}",
            show("T", &self.t),
            show("N", &self.n),
            show("M", &self.m)
        )
    }
}
