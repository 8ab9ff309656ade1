//! Peritoneal mesothelioma: the Peritoneal Cancer Index (PCI), the PSOGI proposed TNM and
//! stage, and the completeness-of-cytoreduction score.
//!
//! - PCI: Jacquet P, Sugarbaker PH, Cancer Treat Res 1996;82:359-374, PMID 8849962 — 13 regions,
//!   a lesion-size score 0–3 each (the largest implant), summed 0–39.
//! - Proposed TNM: Yan TD et al., Cancer 2011;117(9):1855-1863, PMID 21509762 — T from PCI
//!   bands, N1 positive nodes, M1 extra-abdominal metastases; stage I–III with 5-year survival
//!   87%, 53% and 29%. Not AJCC: every result carries [`LABEL`].
//! - CC score CC-0 to CC-3.
//!
//! Rules, tags and the decisions taken where the sources are silent:
//! `docs/clinical/peritoneal-staging.md`.
//!
//! # Example
//! ```
//! use mesocds_core::peritoneal::{stage, Pci, PciEntry, PeritonealCase, PeritonealM, PeritonealN};
//!
//! let case = PeritonealCase {
//!     pci: Some(PciEntry::Total("14".parse::<Pci>().unwrap())),
//!     n: Some(PeritonealN::N0),
//!     m: Some(PeritonealM::M0),
//! };
//! let result = stage(&case);
//! assert_eq!(result.t.map(|t| t.code()), Some("T2"));
//! assert_eq!(result.stage().map(|s| s.code()), Some("II"));
//! assert_eq!(result.five_year_survival_percent(), Some(53));
//! assert_eq!(result.notes[0], "proposed staging (Yan 2011), not AJCC");
//! ```

mod pci;
mod tnm;

pub use pci::{
    ABDOMEN_GRID, LesionSize, Pci, PciEntry, PciRegion, PeritonealError, RegionScores,
    SMALL_BOWEL_ROW,
};
pub use tnm::{
    CcScore, PeritonealInput, PeritonealM, PeritonealN, PeritonealStage, PeritonealT, t_from_pci,
};

/// The label every peritoneal stage carries (`docs/clinical/peritoneal-staging.md`).
pub const LABEL: &str = "proposed staging (Yan 2011), not AJCC";

/// The citation of the proposed TNM.
pub const YAN_2011: &str = "Yan TD et al., Cancer 2011;117(9):1855-1863, PMID 21509762 \
     (Peritoneal Surface Oncology Group International, 294 patients treated by CRS and HIPEC)";

/// The citation of the PCI.
pub const JACQUET_SUGARBAKER_1996: &str =
    "Jacquet P, Sugarbaker PH, Cancer Treat Res 1996;82:359-374, PMID 8849962";

/// The note on the printed overlap of T3 and T4 at PCI 30.
pub const T4_OVERLAP_NOTE: &str = "Yan 2011 prints T4 as PCI 30-39, overlapping T3 (21-30) at 30; \
     MesoCDS uses T3 = 21-30 and T4 = 31-39.";

/// The note on the region numbering (`docs/clinical/peritoneal-staging.md` §1: 9–12 verified; 0–8 mapping \[NV\]).
pub const REGION_NUMBERING_NOTE: &str = "Regions 9-12 (upper and lower jejunum, upper and lower \
     ileum) are verified; the numbering of regions 0-8 follows the conventional PCI diagram and \
     was not verified against the original figure.";

/// The lesion-size convention used (`docs/clinical/peritoneal-staging.md`).
pub const LESION_SIZE_CONVENTION: &str = "Lesion size of the largest implant in the region: \
     LS-0 no tumour seen; LS-1 tumour up to and including 0.5 cm; LS-2 over 0.5 cm and under \
     5 cm; LS-3 5 cm or more, or confluent tumour.";

/// The disagreement between sources on the lesion-size boundaries (for the help panel).
pub const LESION_SIZE_DISAGREEMENT: &str = "Sources differ at both boundaries: the convention \
     above follows e-promise and the ICR article; IMAIOS draws the boundaries at 0.5 cm and \
     5.0 cm differently (it gives LS-3 as greater than 5.0 cm, so a 5.0 cm implant is LS-2 \
     there). Score an implant of exactly 0.5 cm or 5.0 cm with this in mind.";

/// The map orientation note (`docs/clinical/peritoneal-staging.md` §1, layout \[INF\]).
pub const MAP_ORIENTATION_NOTE: &str =
    "Drawn as the patient faces you: the patient's right is on your left.";

/// What the peritoneal stage reads.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct PeritonealCase {
    /// The PCI, by region or as a total.
    pub pci: Option<PciEntry>,
    /// N.
    pub n: Option<PeritonealN>,
    /// M.
    pub m: Option<PeritonealM>,
}

/// The outcome: exactly one of three.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PeritonealOutcome {
    /// A stage.
    Assigned {
        /// The stage.
        stage: PeritonealStage,
    },
    /// Input missing.
    Incomplete {
        /// What is missing.
        missing: Vec<PeritonealInput>,
        /// The stages the entered inputs still allow.
        possible: Vec<PeritonealStage>,
    },
    /// PCI 0: the proposal defines no T, so no stage.
    NotClassifiable,
}

impl PeritonealOutcome {
    /// The status, as the JSON contract names it.
    pub fn status_code(&self) -> &'static str {
        match self {
            Self::Assigned { .. } => "assigned",
            Self::Incomplete { .. } => "incomplete",
            Self::NotClassifiable => "not_classifiable",
        }
    }
}

/// The peritoneal stage of a case.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PeritonealResult {
    /// The PCI, when known (a total, or all 13 regions scored).
    pub pci: Option<Pci>,
    /// T, when the PCI is known and not 0.
    pub t: Option<PeritonealT>,
    /// N as entered.
    pub n: Option<PeritonealN>,
    /// M as entered.
    pub m: Option<PeritonealM>,
    /// The outcome.
    pub outcome: PeritonealOutcome,
    /// Notes; the first is always [`LABEL`].
    pub notes: Vec<String>,
}

impl PeritonealResult {
    /// The stage, only when assigned.
    pub fn stage(&self) -> Option<PeritonealStage> {
        match self.outcome {
            PeritonealOutcome::Assigned { stage } => Some(stage),
            _ => None,
        }
    }

    /// The 5-year survival of the assigned stage in the derivation cohort.
    pub fn five_year_survival_percent(&self) -> Option<u8> {
        self.stage()
            .map(PeritonealStage::five_year_survival_percent)
    }

    /// The missing inputs (empty unless incomplete).
    pub fn missing(&self) -> &[PeritonealInput] {
        match &self.outcome {
            PeritonealOutcome::Incomplete { missing, .. } => missing,
            _ => &[],
        }
    }
}

/// The peritoneal stage of a whole case.
///
/// It reads the PCI entered (`case.peritoneal.pci`), and the case's N and M as the proposal's (N0 → N0, N1 → N1; M0 → M0, M1 → M1). An NX or N2 has
/// no proposed category: N is then not used, and a note says so.
///
/// Source: `docs/clinical/peritoneal-staging.md` §5 (wiring).
pub fn stage_case(case: &crate::Case) -> PeritonealResult {
    use crate::vocab::{MCategory, NCategory};
    let n = match case.staging.n {
        Some(NCategory::N0) => Some(PeritonealN::N0),
        Some(NCategory::N1) => Some(PeritonealN::N1),
        _ => None,
    };
    let m = case.staging.m.map(|m| match m {
        MCategory::M0 => PeritonealM::M0,
        MCategory::M1 => PeritonealM::M1,
    });
    let mut result = stage(&PeritonealCase {
        pci: case.peritoneal.pci,
        n,
        m,
    });
    if let Some(other @ (NCategory::N2 | NCategory::NX)) = case.staging.n {
        result.notes.push(format!(
            "N is {}: the proposed peritoneal TNM has N0 and N1 only (N1: positive lymph \
             nodes), so N is not used. Enter N0 or N1.",
            crate::vocab::Vocab::code(other)
        ));
    }
    if let Some(cc) = case.peritoneal.cc {
        result.notes.push(format!(
            "Completeness of cytoreduction: {} ({}).",
            cc.code(),
            cc.definition()
        ));
    }
    result
}

/// Stages a peritoneal case with the PSOGI proposal. Pure; never panics.
///
/// A T, N or M not entered makes the stage incomplete, listing the stages still possible (an
/// N1 alone already allows only III; the stage stays incomplete, as on the pleural side).
pub fn stage(case: &PeritonealCase) -> PeritonealResult {
    let mut notes = vec![LABEL.to_owned()];
    let pci = match case.pci {
        Some(PciEntry::Total(p)) => Some(p),
        Some(PciEntry::Regions(r)) => {
            notes.push(REGION_NUMBERING_NOTE.to_owned());
            let unscored = r.unscored();
            if !unscored.is_empty() {
                let list: Vec<String> = unscored.iter().map(|r| r.number().to_string()).collect();
                notes.push(format!(
                    "PCI incomplete: {} of 13 regions scored (sum so far {}); not scored: {}. \
                     A region not scored is not taken as 0.",
                    13 - unscored.len(),
                    r.scored_sum(),
                    list.join(", ")
                ));
            }
            r.pci()
        }
        None => None,
    };
    let t = pci.and_then(t_from_pci);
    if pci.is_some_and(|p| p.get() >= 30) {
        notes.push(T4_OVERLAP_NOTE.to_owned());
    }
    let result = |outcome, notes| PeritonealResult {
        pci,
        t,
        n: case.n,
        m: case.m,
        outcome,
        notes,
    };
    if pci.is_some_and(|p| p.get() == 0) {
        notes.push(
            "PCI 0: not classifiable. The proposed TNM (Yan 2011) defines T for PCI 1-39 only, so \
             no proposed stage is given."
                .to_owned(),
        );
        return result(PeritonealOutcome::NotClassifiable, notes);
    }
    if let (Some(t), Some(n), Some(m)) = (t, case.n, case.m) {
        let stage = PeritonealStage::of(t, n, m);
        notes.push(format!(
            "Stage {} in the derivation cohort: 5-year survival {}% (Yan 2011).",
            stage.code(),
            stage.five_year_survival_percent()
        ));
        return result(PeritonealOutcome::Assigned { stage }, notes);
    }
    let mut missing = Vec::new();
    if t.is_none() {
        missing.push(PeritonealInput::Pci);
    }
    if case.n.is_none() {
        missing.push(PeritonealInput::N);
    }
    if case.m.is_none() {
        missing.push(PeritonealInput::M);
    }
    let ts = t.map_or_else(
        || {
            vec![
                PeritonealT::T1,
                PeritonealT::T2,
                PeritonealT::T3,
                PeritonealT::T4,
            ]
        },
        |t| vec![t],
    );
    let ns = case
        .n
        .map_or_else(|| vec![PeritonealN::N0, PeritonealN::N1], |n| vec![n]);
    let ms = case
        .m
        .map_or_else(|| vec![PeritonealM::M0, PeritonealM::M1], |m| vec![m]);
    let mut possible = Vec::new();
    for &ti in &ts {
        for &ni in &ns {
            for &mi in &ms {
                let s = PeritonealStage::of(ti, ni, mi);
                if !possible.contains(&s) {
                    possible.push(s);
                }
            }
        }
    }
    possible.sort_by_key(|s| *s as u8);
    let names: Vec<&str> = missing.iter().map(|i| i.code()).collect();
    notes.push(format!(
        "Proposed stage incomplete: {} not entered.",
        names.join(", ")
    ));
    result(PeritonealOutcome::Incomplete { missing, possible }, notes)
}
