//! The input and result types of 9th-edition staging (`docs/clinical/staging-ajcc9.md` §7).

use std::collections::BTreeSet;

use super::clinical_t::{ClinicalT, MissingInput, NinthFinding, TDriver};
use super::grid::StageGroup9;
use super::psum::{Fmax, Psum};
use crate::case::Case;
use crate::staging::{self, AxisResult, Derived};
use crate::vocab::{Extent, Finding, MCategory, NCategory, Site, StagingBasis, TCategory, Vocab};

/// Everything the 9th-edition stage reads. Self-contained, so it can be filled from a case.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Ajcc9Input {
    /// Primary site.
    pub site: Option<Site>,
    /// Diffuse or solitary.
    pub extent: Option<Extent>,
    /// c, p or yp: decides the T rule.
    pub basis: Option<StagingBasis>,
    /// A 9th-edition T picked directly (TX or T0; or a pT).
    pub t: Option<TCategory>,
    /// N picked directly.
    pub n: Option<NCategory>,
    /// M picked directly.
    pub m: Option<MCategory>,
    /// The 8th-edition findings ticked (pT; N; M; the cT4 findings and the cT2 features).
    pub findings: BTreeSet<Finding>,
    /// The 9th-edition cT4 items ticked.
    pub ninth_findings: BTreeSet<NinthFinding>,
    /// Psum.
    pub psum: Option<Psum>,
    /// Fmax.
    pub fmax: Option<Fmax>,
}

impl Ajcc9Input {
    /// The 9th-edition inputs of a case.
    ///
    /// The T picked directly is the 9th-edition pick (`staging.ninth.t`). Only on a
    /// pathological basis (p, yp), whose descriptors are the 8th edition's, does the
    /// 8th-edition pick stand in when no 9th-edition T is picked; a clinical 9th-edition T is
    /// never the 8th-edition pick (`docs/clinical/staging-ajcc9.md` §9).
    pub fn from_case(case: &Case) -> Self {
        let s = &case.staging;
        let pathological = matches!(
            s.basis,
            Some(StagingBasis::Pathological | StagingBasis::PostNeoadjuvant)
        );
        Self {
            site: case.disease.site,
            extent: case.disease.extent,
            basis: s.basis,
            t: s.ninth.t.or(if pathological { s.t } else { None }),
            n: s.n,
            m: s.m,
            findings: s.findings.clone(),
            ninth_findings: s.ninth.findings.clone(),
            psum: s.ninth.psum,
            fmax: s.ninth.fmax,
        }
    }

    /// The case the 8th-edition staging reads for these inputs: site, extent, basis, the picked
    /// T, N and M, and the findings. [`stage9`](super::stage9) takes N, M and pT from it.
    pub fn eighth_edition_case(&self) -> Case {
        let mut case = Case::default();
        case.disease.site = self.site;
        case.disease.extent = self.extent;
        case.staging.basis = self.basis;
        case.staging.t = self.t;
        case.staging.n = self.n;
        case.staging.m = self.m;
        case.staging.findings.clone_from(&self.findings);
        case
    }
}

/// How the 9th-edition T was found.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum TRule {
    /// Clinical basis: the measurement rule.
    Clinical(ClinicalT),
    /// Pathological basis (p, yp): the 8th-edition findings.
    Pathological(Option<Derived<TCategory>>),
    /// No basis entered: no rule can be chosen.
    NoBasis,
}

/// The T axis: what was picked, what the rule gives, the value used.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TAxis9 {
    /// Picked directly.
    pub picked: Option<TCategory>,
    /// What the rule of the basis gives.
    pub rule: TRule,
    /// The value used: `None` when missing or in conflict.
    pub value: Option<TCategory>,
    /// Picked and derived disagree.
    pub conflict: bool,
}

impl TAxis9 {
    /// The derived category, when the rule decided one.
    pub fn derived(&self) -> Option<TCategory> {
        match &self.rule {
            TRule::Clinical(c) => c.category(),
            TRule::Pathological(d) => d.as_ref().map(|d| d.category),
            TRule::NoBasis => None,
        }
    }

    /// The clinical drivers (findings and measurements), when the clinical rule decided.
    pub fn clinical_drivers(&self) -> &[TDriver] {
        match &self.rule {
            TRule::Clinical(ClinicalT::Derived { drivers, .. }) => drivers,
            _ => &[],
        }
    }

    pub(super) fn candidates(&self) -> Vec<TCategory> {
        match (self.value, self.picked, self.derived()) {
            (Some(v), _, _) => vec![v],
            (None, Some(p), Some(d)) => vec![p, d],
            _ => Vec::new(),
        }
    }

    /// The categories T could be while it is missing (never TX/T0, which are only picked).
    pub(super) fn possible_when_missing(&self) -> Vec<TCategory> {
        match &self.rule {
            TRule::Clinical(ClinicalT::Undecided { possible, .. }) => possible.clone(),
            _ => vec![TCategory::T1, TCategory::T2, TCategory::T3, TCategory::T4],
        }
    }
}

/// The outcome of 9th-edition staging: exactly one of four, each carrying what it needs.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Stage9 {
    /// A group.
    Assigned {
        /// The group.
        group: StageGroup9,
    },
    /// Input missing.
    Incomplete {
        /// The inputs missing, by their flag names.
        missing: Vec<MissingInput>,
        /// The groups the entered inputs still allow.
        possible: Vec<StageGroup9>,
    },
    /// Complete input, but no group (TX, T0, NX, or a disagreement).
    NotAssignable {
        /// The groups it could be.
        possible: Vec<StageGroup9>,
        /// Why.
        reasons: Vec<String>,
    },
    /// The 9th edition does not stage this tumour.
    NotApplicable {
        /// Why.
        reason: String,
    },
}

impl Stage9 {
    /// The status, as the JSON contract names it.
    pub fn status(&self) -> staging::StageStatus {
        match self {
            Self::Assigned { .. } => staging::StageStatus::Assigned,
            Self::Incomplete { .. } => staging::StageStatus::Incomplete,
            Self::NotAssignable { .. } => staging::StageStatus::NotAssignable,
            Self::NotApplicable { .. } => staging::StageStatus::NotApplicable,
        }
    }

    /// The group, only when assigned.
    pub fn group(&self) -> Option<StageGroup9> {
        match self {
            Self::Assigned { group } => Some(*group),
            _ => None,
        }
    }

    /// The missing inputs (empty unless incomplete).
    pub fn missing(&self) -> &[MissingInput] {
        match self {
            Self::Incomplete { missing, .. } => missing,
            _ => &[],
        }
    }

    /// The possible groups (incomplete or not assignable).
    pub fn possible(&self) -> &[StageGroup9] {
        match self {
            Self::Incomplete { possible, .. } | Self::NotAssignable { possible, .. } => possible,
            _ => &[],
        }
    }
}

/// The 9th-edition stage of a case.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Stage9Result {
    /// The edition of the table used.
    pub edition: String,
    /// c, p or yp.
    pub basis: Option<StagingBasis>,
    /// T.
    pub t: TAxis9,
    /// N (8th-edition definitions and findings).
    pub n: AxisResult<NCategory>,
    /// M (8th-edition definitions and findings).
    pub m: AxisResult<MCategory>,
    /// The outcome.
    pub stage: Stage9,
    /// Every input this stage reads that is not entered, by flag name: the blocking ones of
    /// [`Stage9::Incomplete`], and also those that did not block because every reading gave
    /// one group (e.g. T not entered with M1: stage IV, `t` still listed). Empty when the 9th
    /// edition does not stage the tumour.
    pub missing: Vec<MissingInput>,
    /// Notes; the first two are always the grid caveat and [`N_NOTE`](super::N_NOTE).
    pub notes: Vec<String>,
}

impl Stage9Result {
    /// The categories with their prefix, e.g. `cT3 N0 M0`, `?` for a missing axis.
    pub fn tnm_text(&self) -> String {
        fn show<C: Vocab>(v: Option<C>) -> String {
            v.map_or_else(|| "?".to_owned(), |c| c.code().to_owned())
        }
        let prefix = self.basis.map_or("", StagingBasis::prefix);
        format!(
            "{prefix}{} {} {}",
            show(self.t.value),
            show(self.n.value),
            show(self.m.value)
        )
    }

    /// The categories in words, as the 8th edition's `StageResult::tnm_text` writes them:
    /// `cT3 N0 M0`, or "T not entered" / "T in disagreement" for an axis without a value (the
    /// prefix only with a T value). For reading on screen and in the re-staging line, where a
    /// `?` would stand for a missing value.
    pub fn tnm_words(&self) -> String {
        fn show<C: Vocab>(axis: &str, value: Option<C>, conflict: bool) -> String {
            match value {
                Some(c) => c.code().to_owned(),
                None if conflict => format!("{axis} in disagreement"),
                None => format!("{axis} not entered"),
            }
        }
        let prefix = match self.t.value {
            Some(_) => self.basis.map_or("", StagingBasis::prefix),
            None => "",
        };
        format!(
            "{prefix}{} {} {}",
            show("T", self.t.value, self.t.conflict),
            show("N", self.n.value, self.n.conflict),
            show("M", self.m.value, self.m.conflict)
        )
    }
}
