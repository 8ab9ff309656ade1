//! 9th-edition clinical T (cT) from CT measurements and invasion findings.
//!
//! Rules (`docs/clinical/staging-ajcc9.md` §3, the cT table
//! [2S: NDRS TNM 9 sheet; SEER EOD V9 codes 050/200/400]):
//! - cT4: any invasion finding. The 8th-edition T4 findings count (Gill 2024: "cT4 by invasion
//!   performed as in the 8th edition" \[2S\]), plus the cT4 items the NDRS sheet lists that the
//!   8th-edition findings do not name ([`NinthFinding`], [1S NDRS]).
//! - cT3: Psum > 30 mm, with or without the cT2 features.
//! - cT2: Psum > 12 and ≤ 30 mm; or Psum ≤ 12 mm with any cT2 feature: fissure involvement with
//!   Fmax > 5 mm, invasion of mediastinal fat, a solitary area of chest-wall soft-tissue invasion.
//! - cT1: Psum ≤ 12 mm and Fmax ≤ 5 mm and none of the cT2 features.
//!
//! Boundaries \[2S\]: Psum 12 mm is ≤ 12; 30 mm is ≤ 30. Fmax 5 mm is ≤ 5 (the cT1 row says "Fmax
//! ≤ 5 mm"). A measurement not entered is missing, never 0. An invasion finding that is not
//! ticked is absent, as in the 8th-edition derivation from findings.

use std::collections::BTreeSet;
use std::fmt;

use super::measure::Millimetres;
use super::psum::{Fmax, Psum};
use crate::staging::{FindingsTable, Implies};
use crate::vocab::{Finding, TCategory, Vocab};

/// Psum upper bound of cT1/cT2-by-feature, 12 mm, in tenths (≤ 12 is "≤ 12").
pub const PSUM_T1_MAX_TENTHS: u16 = 120;
/// Psum upper bound of cT2, 30 mm, in tenths (30 is "≤ 30").
pub const PSUM_T2_MAX_TENTHS: u16 = 300;
/// Fmax upper bound of cT1, 5 mm, in tenths (5 is "≤ 5"; above 5 is the cT2 fissure feature).
pub const FMAX_T1_MAX_TENTHS: u16 = 50;

/// The cT4 invasion items of the 9th edition that no 8th-edition finding names.
///
/// Wording: the cT4 row, `docs/clinical/staging-ajcc9.md` §3 [1S for the list as a cT4 list: NHS England NDRS TNM 9
/// sheet]. The other cT4 items are the 8th-edition T4 findings (diffuse chest wall, contralateral
/// pleura, mediastinal organs, spine, myocardium, pericardium, transdiaphragmatic).
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize, serde::Deserialize,
)]
pub enum NinthFinding {
    /// Chest-wall involvement with rib involvement.
    ChestWallWithRib,
    /// Direct extension through the diaphragm.
    ThroughDiaphragm,
    /// Direct extension through the pericardium.
    ThroughPericardium,
    /// Malignant pericardial effusion.
    MalignantPericardialEffusion,
}

impl Vocab for NinthFinding {
    const ALL: &'static [Self] = &[
        Self::ChestWallWithRib,
        Self::ThroughDiaphragm,
        Self::ThroughPericardium,
        Self::MalignantPericardialEffusion,
    ];
    const NAME: &'static str = "9th-edition cT4 finding";
    fn code(self) -> &'static str {
        match self {
            Self::ChestWallWithRib => "chest-wall-with-rib",
            Self::ThroughDiaphragm => "through-diaphragm",
            Self::ThroughPericardium => "through-pericardium",
            Self::MalignantPericardialEffusion => "malignant-pericardial-effusion",
        }
    }
    fn label(self) -> &'static str {
        match self {
            Self::ChestWallWithRib => "Chest-wall involvement with rib involvement",
            Self::ThroughDiaphragm => "Direct extension through the diaphragm",
            Self::ThroughPericardium => "Direct extension through the pericardium",
            Self::MalignantPericardialEffusion => "Malignant pericardial effusion",
        }
    }
}

impl fmt::Display for NinthFinding {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.label())
    }
}

/// The 8th-edition findings that are cT2 features in the 9th edition (they were T3 features in
/// the 8th): invasion of mediastinal fat; a solitary area of chest-wall soft-tissue invasion.
///
/// Source: the cT2 row, `docs/clinical/staging-ajcc9.md` §3 [2S: NDRS sheet; SEER EOD V9].
pub const CT2_FEATURE_FINDINGS: [Finding; 2] =
    [Finding::MediastinalFat, Finding::ChestWallSolitaryFocus];

/// An input of a 9th-edition result, named by its command-line flag without dashes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum MissingInput {
    /// Primary site.
    Site,
    /// Diffuse or solitary.
    Extent,
    /// Staging basis (c, p, yp): it decides which T rule applies.
    Basis,
    /// T picked directly (pathological basis).
    T,
    /// N category.
    N,
    /// M category.
    M,
    /// Psum (`--psum` or `--psum-levels`).
    Psum,
    /// Fmax (`--fmax`).
    Fmax,
    /// Date of diagnosis (`--diagnosed`).
    Diagnosed,
}

impl Vocab for MissingInput {
    const ALL: &'static [Self] = &[
        Self::Site,
        Self::Extent,
        Self::Basis,
        Self::T,
        Self::N,
        Self::M,
        Self::Psum,
        Self::Fmax,
        Self::Diagnosed,
    ];
    const NAME: &'static str = "input";
    fn code(self) -> &'static str {
        match self {
            Self::Site => "site",
            Self::Extent => "extent",
            Self::Basis => "basis",
            Self::T => "t",
            Self::N => "n",
            Self::M => "m",
            Self::Psum => "psum",
            Self::Fmax => "fmax",
            Self::Diagnosed => "diagnosed",
        }
    }
    fn label(self) -> &'static str {
        match self {
            Self::Site => "Site",
            Self::Extent => "Extent (diffuse or solitary)",
            Self::Basis => "Staging basis (c, p or yp)",
            Self::T => "T category",
            Self::N => "N category",
            Self::M => "M category",
            Self::Psum => "Psum (sum of maximal pleural thickness at three levels, mm)",
            Self::Fmax => "Fmax (maximal fissural tumour thickness, mm)",
            Self::Diagnosed => "Date of diagnosis",
        }
    }
}

/// What drove a derived cT.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TDriver {
    /// An 8th-edition finding (a T4 invasion finding, or a cT2 feature).
    Finding(Finding),
    /// A 9th-edition cT4 item.
    Ninth(NinthFinding),
    /// The Psum value.
    Psum(Millimetres),
    /// The Fmax value.
    Fmax(Millimetres),
}

impl TDriver {
    /// How the driver is shown, e.g. "Psum 14 mm (> 12 and ≤ 30 mm)".
    pub fn text(self, findings: &FindingsTable) -> String {
        match self {
            Self::Finding(f) => findings
                .finding(f)
                .map_or_else(|| f.label().to_owned(), |e| e.text.clone()),
            Self::Ninth(f) => f.label().to_owned(),
            Self::Psum(p) => format!("Psum {p} ({})", psum_band(p)),
            Self::Fmax(v) if v.tenths() > FMAX_T1_MAX_TENTHS => {
                format!("Fmax {v} (> 5 mm: fissure involvement)")
            }
            Self::Fmax(v) => format!("Fmax {v} (≤ 5 mm)"),
        }
    }
}

fn psum_band(p: Millimetres) -> &'static str {
    if p.tenths() <= PSUM_T1_MAX_TENTHS {
        "≤ 12 mm"
    } else if p.tenths() <= PSUM_T2_MAX_TENTHS {
        "> 12 and ≤ 30 mm"
    } else {
        "> 30 mm"
    }
}

/// The inputs of the clinical T rule.
#[derive(Clone, Copy, Debug)]
pub struct ClinicalTInput<'a> {
    /// Psum, if entered.
    pub psum: Option<Psum>,
    /// Fmax, if entered.
    pub fmax: Option<Fmax>,
    /// The 8th-edition findings ticked (T4 findings and the two cT2 features are used).
    pub findings: &'a BTreeSet<Finding>,
    /// The 9th-edition cT4 items ticked.
    pub ninth: &'a BTreeSet<NinthFinding>,
}

/// The clinical T the measurement rule gives.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ClinicalT {
    /// Decided, with what decided it.
    Derived {
        /// cT1–cT4.
        t: TCategory,
        /// The findings and measurements that drove it.
        drivers: Vec<TDriver>,
    },
    /// Not decidable from what is entered.
    Undecided {
        /// The measurements that would decide it.
        missing: Vec<MissingInput>,
        /// The categories it could still be (never T4: an unticked invasion finding is absent).
        possible: Vec<TCategory>,
    },
}

impl ClinicalT {
    /// The category, when decided.
    pub fn category(&self) -> Option<TCategory> {
        match self {
            Self::Derived { t, .. } => Some(*t),
            Self::Undecided { .. } => None,
        }
    }
}

/// The 8th-edition findings that imply T4 in `table` (read from the findings data).
pub fn t4_findings(table: &FindingsTable) -> Vec<Finding> {
    table
        .findings
        .iter()
        .filter(|e| e.implies == Implies::T(TCategory::T4))
        .map(|e| e.finding)
        .collect()
}

/// The 9th-edition clinical T from measurements and findings. Pure; never panics.
///
/// What is decidable with partial input follows the cT table: a cT4 finding decides T4 without
/// measurements; Psum > 30 decides T3 and 12 < Psum ≤ 30 decides T2 without Fmax ("with or
/// without those features"); Psum ≤ 12 with a ticked cT2 feature or Fmax > 5 decides T2. Only
/// Psum ≤ 12 with no cT2 feature needs Fmax (T1 or T2). Without Psum nothing below T4 is decided.
pub fn clinical_t(input: &ClinicalTInput<'_>, table: &FindingsTable) -> ClinicalT {
    let t4: Vec<TDriver> = t4_findings(table)
        .into_iter()
        .filter(|f| input.findings.contains(f))
        .map(TDriver::Finding)
        .chain(input.ninth.iter().map(|f| TDriver::Ninth(*f)))
        .collect();
    if !t4.is_empty() {
        return ClinicalT::Derived {
            t: TCategory::T4,
            drivers: t4,
        };
    }
    let fissure = input
        .fmax
        .map(Fmax::mm)
        .filter(|f| f.tenths() > FMAX_T1_MAX_TENTHS);
    let ct2_features: Vec<TDriver> = fissure
        .map(TDriver::Fmax)
        .into_iter()
        .chain(
            CT2_FEATURE_FINDINGS
                .iter()
                .filter(|f| input.findings.contains(f))
                .map(|f| TDriver::Finding(*f)),
        )
        .collect();
    let Some(psum) = input.psum.map(Psum::total) else {
        let (missing, possible) = if !ct2_features.is_empty() || input.fmax.is_some() {
            let possible = if ct2_features.is_empty() {
                vec![TCategory::T1, TCategory::T2, TCategory::T3]
            } else {
                vec![TCategory::T2, TCategory::T3]
            };
            (vec![MissingInput::Psum], possible)
        } else {
            (
                vec![MissingInput::Psum, MissingInput::Fmax],
                vec![TCategory::T1, TCategory::T2, TCategory::T3],
            )
        };
        return ClinicalT::Undecided { missing, possible };
    };
    let derived = |t, mut drivers: Vec<TDriver>| {
        drivers.insert(0, TDriver::Psum(psum));
        ClinicalT::Derived { t, drivers }
    };
    if psum.tenths() > PSUM_T2_MAX_TENTHS {
        derived(TCategory::T3, Vec::new())
    } else if psum.tenths() > PSUM_T1_MAX_TENTHS {
        derived(TCategory::T2, Vec::new())
    } else if !ct2_features.is_empty() {
        derived(TCategory::T2, ct2_features)
    } else if let Some(f) = input.fmax {
        derived(TCategory::T1, vec![TDriver::Fmax(f.mm())])
    } else {
        ClinicalT::Undecided {
            missing: vec![MissingInput::Fmax],
            possible: vec![TCategory::T1, TCategory::T2],
        }
    }
}
