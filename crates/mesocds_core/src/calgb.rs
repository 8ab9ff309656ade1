//! The CALGB prognostic index, as far as the PDQ defines it.
//!
//! Source: Herndon JE, Green MR, Chahinian AP, et al. Factors predictive of survival among 337
//! patients with mesothelioma treated between 1984 and 1994 by the Cancer and Leukemia Group B.
//! Chest 1998;113(3):723-731, PMID 9515850, as given in the NCI PDQ (General Information,
//! "CALGB index"). Only groups 1 and 6 are defined there; every other complete input is
//! "groups 2–5 (intermediate)", which are not reconstructed
//! (docs/clinical/prognostic-scores.md#calgb-groups-2-5).

use std::fmt;

use crate::case::Case;
use crate::vocab::{Ecog, Input, Vocab as _};

/// Age split, years: group 1 needs age < 49, or age ≥ 49 with Hb ≥ 14.6. Source: PDQ.
pub const AGE_SPLIT_YEARS: u16 = 49;
/// Hemoglobin split, g/dL (≥ is favourable). Source: PDQ.
pub const HB_SPLIT_G_PER_DL: f64 = 14.6;
/// WBC split, ×10⁹/L (≥ with PS 1–2 is group 6). Source: PDQ.
pub const WBC_SPLIT_10E9_PER_L: f64 = 15.6;
/// Median survival of group 1, months. Source: PDQ.
pub const GROUP_1_MEDIAN_MONTHS: f64 = 13.9;
/// Median survival of group 6, months. Source: PDQ.
pub const GROUP_6_MEDIAN_MONTHS: f64 = 1.4;

/// Short citation of the index's derivation paper, as screens and reports print it.
pub const CITATION: &str = "Herndon 1998, PMID 9515850";
/// The PMID of the derivation paper (Herndon 1998).
pub const PMID: u32 = 9_515_850;
/// What is said where the PDQ gives no median survival (groups 2–5).
pub const MEDIAN_NOT_GIVEN: &str = "median survival not given in the PDQ";

/// A CALGB group the app can assign.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize)]
pub enum CalgbGroup {
    /// Group 1, the best.
    Group1,
    /// Group 6, the worst.
    Group6,
    /// One of groups 2–5, which the PDQ does not define.
    Groups2To5,
}

impl CalgbGroup {
    /// The code of the JSON contract: "1", "6" or "2-5".
    pub fn code(self) -> &'static str {
        match self {
            Self::Group1 => "1",
            Self::Group6 => "6",
            Self::Groups2To5 => "2-5",
        }
    }

    /// The label.
    pub fn label(self) -> &'static str {
        match self {
            Self::Group1 => "Group 1",
            Self::Group6 => "Group 6",
            Self::Groups2To5 => "Groups 2-5 (intermediate)",
        }
    }

    /// Median survival in months, where the PDQ gives one.
    pub fn median_survival_months(self) -> Option<f64> {
        match self {
            Self::Group1 => Some(GROUP_1_MEDIAN_MONTHS),
            Self::Group6 => Some(GROUP_6_MEDIAN_MONTHS),
            Self::Groups2To5 => None,
        }
    }
}

/// One step of the CALGB decision path: the input and the side of the PDQ's split it falls on.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum CalgbStep {
    /// ECOG performance status, as entered.
    Ecog(Ecog),
    /// Age against the 49-year split.
    Age {
        /// Years.
        years: u16,
        /// Below 49.
        below_split: bool,
    },
    /// Hemoglobin against the 14.6 g/dL split.
    Hemoglobin {
        /// g/dL.
        g_per_dl: f64,
        /// At or above 14.6.
        at_or_above_split: bool,
    },
    /// WBC against the 15.6 ×10⁹/L split.
    Wbc {
        /// ×10⁹/L.
        per_l_10e9: f64,
        /// At or above 15.6.
        at_or_above_split: bool,
    },
}

impl fmt::Display for CalgbStep {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match *self {
            Self::Ecog(e) => write!(f, "ECOG PS {}", e.code()),
            Self::Age { years, below_split } => {
                let op = if below_split { "<" } else { "≥" };
                write!(f, "age {years} years {op} {AGE_SPLIT_YEARS}")
            }
            Self::Hemoglobin {
                g_per_dl,
                at_or_above_split,
            } => {
                let op = if at_or_above_split { "≥" } else { "<" };
                write!(f, "hemoglobin {g_per_dl} g/dL {op} {HB_SPLIT_G_PER_DL}")
            }
            Self::Wbc {
                per_l_10e9,
                at_or_above_split,
            } => {
                let op = if at_or_above_split { "≥" } else { "<" };
                write!(f, "WBC {per_l_10e9} ×10⁹/L {op} {WBC_SPLIT_10E9_PER_L}")
            }
        }
    }
}

/// The CALGB result.
#[derive(Clone, Debug, PartialEq)]
pub struct CalgbResult {
    /// The group; `None` when inputs are missing or ECOG is 3–4.
    pub group: Option<CalgbGroup>,
    /// The decision path: each input that placed the patient, in order.
    pub path: Vec<CalgbStep>,
    /// Inputs the path needs that are not entered.
    pub missing: Vec<Input>,
    /// Notes.
    pub notes: Vec<String>,
}

impl CalgbResult {
    /// Median survival of the group, months, where the PDQ gives one.
    pub fn median_survival_months(&self) -> Option<f64> {
        self.group.and_then(CalgbGroup::median_survival_months)
    }
}

/// Classifies a case into CALGB group 1, group 6 or groups 2–5.
///
/// The path follows the PDQ definitions: group 1 is ECOG PS 0 and age < 49, or PS 0, age ≥ 49
/// and hemoglobin ≥ 14.6 g/dL; group 6 is PS 1 or 2 and WBC ≥ 15.6 ×10⁹/L.
#[expect(
    clippy::too_many_lines,
    reason = "the PDQ's decision tree read top to bottom, one typed step per split"
)]
pub fn calgb(case: &Case) -> CalgbResult {
    let mut path = Vec::new();
    let mut missing = Vec::new();
    let mut notes = Vec::new();
    let done =
        |group: Option<CalgbGroup>, path, mut missing: Vec<Input>, mut notes: Vec<String>| {
            if group == Some(CalgbGroup::Groups2To5) {
                notes.push(
                    "Groups 2-5 (intermediate): the published summary (PDQ) does not define these \
                 groups or their survival, so the app does not assign one of them."
                        .to_owned(),
                );
            }
            if group.is_some() {
                notes.push(
                    "Derived retrospectively in 337 patients in chemotherapy trials for advanced \
                 mesothelioma. In a validation phase II trial of 105 patients the best group had \
                 a median survival of 29.9 months and the worst 1.8 months; intermediate groups 2 \
                 to 4 overlapped (PDQ)."
                        .to_owned(),
                );
            }
            if !missing.is_empty() {
                let names: Vec<&str> = missing.iter().map(|i: &Input| i.label()).collect();
                notes.insert(0, format!("No group: {} not entered.", names.join(", ")));
            }
            missing.sort();
            CalgbResult {
                group,
                path,
                missing,
                notes,
            }
        };

    let Some(ecog) = case.patient.ecog else {
        missing.push(Input::Ecog);
        // Which other inputs are needed depends on ECOG; list those not entered.
        for (input, absent) in [
            (Input::Age, case.patient.age_years.is_none()),
            (Input::Hb, case.labs.hb_g_per_dl.is_none()),
            (Input::Wbc, case.labs.wbc_10e9_per_l.is_none()),
        ] {
            if absent {
                missing.push(input);
            }
        }
        return done(None, path, missing, notes);
    };
    match ecog.grade() {
        0 => {
            path.push(CalgbStep::Ecog(ecog));
            let Some(age) = case.patient.age_years else {
                missing.push(Input::Age);
                if case.labs.hb_g_per_dl.is_none() {
                    missing.push(Input::Hb);
                }
                return done(None, path, missing, notes);
            };
            if age.get() < AGE_SPLIT_YEARS {
                path.push(CalgbStep::Age {
                    years: age.get(),
                    below_split: true,
                });
                return done(Some(CalgbGroup::Group1), path, missing, notes);
            }
            path.push(CalgbStep::Age {
                years: age.get(),
                below_split: false,
            });
            let Some(hb) = case.labs.hb_g_per_dl else {
                missing.push(Input::Hb);
                return done(None, path, missing, notes);
            };
            if hb.get() >= HB_SPLIT_G_PER_DL {
                path.push(CalgbStep::Hemoglobin {
                    g_per_dl: hb.get(),
                    at_or_above_split: true,
                });
                done(Some(CalgbGroup::Group1), path, missing, notes)
            } else {
                path.push(CalgbStep::Hemoglobin {
                    g_per_dl: hb.get(),
                    at_or_above_split: false,
                });
                done(Some(CalgbGroup::Groups2To5), path, missing, notes)
            }
        }
        1 | 2 => {
            path.push(CalgbStep::Ecog(ecog));
            let Some(wbc) = case.labs.wbc_10e9_per_l else {
                missing.push(Input::Wbc);
                return done(None, path, missing, notes);
            };
            if wbc.get() >= WBC_SPLIT_10E9_PER_L {
                path.push(CalgbStep::Wbc {
                    per_l_10e9: wbc.get(),
                    at_or_above_split: true,
                });
                done(Some(CalgbGroup::Group6), path, missing, notes)
            } else {
                path.push(CalgbStep::Wbc {
                    per_l_10e9: wbc.get(),
                    at_or_above_split: false,
                });
                done(Some(CalgbGroup::Groups2To5), path, missing, notes)
            }
        }
        _ => {
            path.push(CalgbStep::Ecog(ecog));
            notes.push(
                "ECOG PS 3-4: outside the population the index was developed in (chemotherapy-trial \
                 patients with PS 0-2); no group is assigned."
                    .to_owned(),
            );
            done(None, path, missing, notes)
        }
    }
}
