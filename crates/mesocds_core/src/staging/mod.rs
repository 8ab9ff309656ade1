//! AJCC 8th edition staging of diffuse pleural mesothelioma.
//!
//! The stage grid and the findings are data (`assets/clinical/ajcc8_pleural_*.ron`, from the PDQ
//! Tables 1–4). This module applies the rules of docs/clinical/staging-ajcc8.md:
//! categories derived from findings (the highest category with a finding present, naming the
//! finding that drove it), disagreement between picked and derived categories shown rather than
//! resolved, missing input reported as incomplete (never M0 by default), and the scope rules
//! (non-pleural sites and solitary tumours get no AJCC stage).

mod derive;
mod result;
mod stage;
mod validate;

pub use result::{StageOutcome, StageResult, StageStatus};
pub use stage::stage;
pub(crate) use validate::{validate_findings, validate_stage_table};

use std::fmt;

use crate::vocab::{Axis, Finding, MCategory, NCategory, StageGroup, TCategory, Vocab};

/// The full T×N×M stage grid of one edition.
#[derive(Clone, Debug, PartialEq, Eq, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StageTable {
    /// Format of this table file.
    pub format: u32,
    /// Edition, e.g. "AJCC 8th edition".
    pub edition: String,
    /// Chapter of the staging manual.
    pub chapter: String,
    /// The source document.
    pub source: String,
    /// One cell for every T×N×M combination.
    pub cells: Vec<StageCell>,
}

/// One cell of the stage grid.
#[derive(Clone, Debug, PartialEq, Eq, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StageCell {
    /// T category.
    pub t: TCategory,
    /// N category.
    pub n: NCategory,
    /// M category.
    pub m: MCategory,
    /// The stage group, or why none can be assigned.
    pub cell: CellValue,
}

/// What a cell of the grid says.
#[derive(Clone, Debug, PartialEq, Eq, serde::Deserialize)]
pub enum CellValue {
    /// A stage group.
    Group(StageGroup),
    /// No stage group can be assigned, for these reasons.
    NotAssignable(Vec<Unassignable>),
}

/// Why a cell has no stage group.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Deserialize)]
pub enum Unassignable {
    /// TX: primary tumour cannot be assessed.
    PrimaryNotAssessed,
    /// T0: no evidence of primary tumour.
    NoPrimaryTumour,
    /// NX: regional lymph nodes cannot be assessed.
    NodesNotAssessed,
}

impl Unassignable {
    /// The explanation shown to the user.
    pub fn explanation(self) -> &'static str {
        match self {
            Self::PrimaryNotAssessed => {
                "TX (primary tumor cannot be assessed): no stage group can be assigned."
            }
            Self::NoPrimaryTumour => {
                "T0 (no evidence of primary tumor): no stage group can be assigned."
            }
            Self::NodesNotAssessed => {
                "NX (regional lymph nodes cannot be assessed): no stage group can be assigned."
            }
        }
    }
}

/// The PDQ wording of the findings and categories.
#[derive(Clone, Debug, PartialEq, Eq, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FindingsTable {
    /// Format of this table file.
    pub format: u32,
    /// Edition.
    pub edition: String,
    /// The source document.
    pub source: String,
    /// The definition of each category.
    pub categories: Vec<CategoryText>,
    /// Each finding, the category it implies and its wording.
    pub findings: Vec<FindingEntry>,
}

/// A T, N or M category.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Deserialize)]
pub enum Category {
    /// A T category.
    T(TCategory),
    /// An N category.
    N(NCategory),
    /// An M category.
    M(MCategory),
}

/// The definition of one category.
#[derive(Clone, Debug, PartialEq, Eq, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CategoryText {
    /// The category.
    pub category: Category,
    /// Its PDQ definition.
    pub text: String,
}

/// What a finding implies.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Deserialize)]
pub enum Implies {
    /// This T category.
    T(TCategory),
    /// This N category.
    N(NCategory),
    /// This M category.
    M(MCategory),
    /// No category by itself: the qualifier in front of every T2–T4 feature.
    Qualifier,
}

impl Implies {
    /// The axis of the finding (the qualifier belongs to T).
    pub fn axis(self) -> Axis {
        match self {
            Self::T(_) | Self::Qualifier => Axis::T,
            Self::N(_) => Axis::N,
            Self::M(_) => Axis::M,
        }
    }
}

/// One finding of the findings table.
#[derive(Clone, Debug, PartialEq, Eq, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FindingEntry {
    /// The finding.
    pub finding: Finding,
    /// The category it implies.
    pub implies: Implies,
    /// The PDQ wording.
    pub text: String,
}

/// A category that can be derived from findings: it has a rank among the assessable categories.
pub trait Ranked: Vocab + fmt::Debug {
    /// The rank of an assessable category (T1 < T2 < T3 < T4; N0 < N1 < N2; M0 < M1), or `None`
    /// for TX, T0 and NX, which no finding implies.
    fn rank(self) -> Option<u8>;
}

impl Ranked for TCategory {
    fn rank(self) -> Option<u8> {
        match self {
            Self::TX | Self::T0 => None,
            Self::T1 => Some(1),
            Self::T2 => Some(2),
            Self::T3 => Some(3),
            Self::T4 => Some(4),
        }
    }
}

impl Ranked for NCategory {
    fn rank(self) -> Option<u8> {
        match self {
            Self::NX => None,
            Self::N0 => Some(0),
            Self::N1 => Some(1),
            Self::N2 => Some(2),
        }
    }
}

impl Ranked for MCategory {
    fn rank(self) -> Option<u8> {
        match self {
            Self::M0 => Some(0),
            Self::M1 => Some(1),
        }
    }
}

/// A category derived from findings, with the findings that drove it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Derived<C> {
    /// The highest category with a finding present.
    pub category: C,
    /// The findings of that category that were ticked.
    pub drivers: Vec<Finding>,
}

/// One axis of the stage: what was picked, what the findings give, and the value used.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AxisResult<C> {
    /// Picked directly.
    pub picked: Option<C>,
    /// Derived from findings.
    pub derived: Option<Derived<C>>,
    /// The value used for staging: `None` when missing or in conflict.
    pub value: Option<C>,
    /// Picked and derived disagree.
    pub conflict: bool,
}

impl<C: Ranked> AxisResult<C> {
    fn new(picked: Option<C>, derived: Option<Derived<C>>) -> Self {
        let (value, conflict) = match (&picked, &derived) {
            (Some(p), Some(d)) if *p == d.category => (Some(*p), false),
            (Some(_), Some(_)) => (None, true),
            (Some(p), None) => (Some(*p), false),
            (None, Some(d)) => (Some(d.category), false),
            (None, None) => (None, false),
        };
        Self {
            picked,
            derived,
            value,
            conflict,
        }
    }

    /// The values that staging could use: the value, or both sides of a conflict.
    fn candidates(&self) -> Vec<C> {
        match (&self.value, &self.picked, &self.derived) {
            (Some(v), _, _) => vec![*v],
            (None, Some(p), Some(d)) => vec![*p, d.category],
            _ => Vec::new(),
        }
    }
}

/// The cell of `table` for T, N and M. Tables are validated complete at load, so this is `None`
/// only for a table that did not pass [`crate::tables::ClinicalTables`]'s checks.
pub fn lookup(table: &StageTable, t: TCategory, n: NCategory, m: MCategory) -> Option<&CellValue> {
    table
        .cells
        .iter()
        .find(|c| c.t == t && c.n == n && c.m == m)
        .map(|c| &c.cell)
}

/// "a", "a and b", "a, b and c".
pub(crate) fn join_and(items: &[&str]) -> String {
    match items {
        [] => String::new(),
        [one] => (*one).to_owned(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
    }
}

/// "a", "a or b", "a, b or c".
pub(crate) fn join_or(items: &[&str]) -> String {
    match items {
        [] => String::new(),
        [one] => (*one).to_owned(),
        [init @ .., last] => format!("{} or {last}", init.join(", ")),
    }
}
