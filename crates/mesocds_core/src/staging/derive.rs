//! Categories derived from ticked findings, the notes about findings, and every reading of a
//! disagreement or unknown category (docs/clinical/staging-ajcc8.md).

use std::collections::BTreeSet;

use super::{AxisResult, CellValue, Derived, FindingsTable, Implies, Ranked, StageTable, lookup};
use crate::vocab::{Axis, Finding, MCategory, NCategory, StageGroup, TCategory, Vocab as _};

pub(super) fn derive<C: Ranked>(
    findings: &FindingsTable,
    case_findings: &BTreeSet<Finding>,
    category_of: impl Fn(Implies) -> Option<C>,
) -> Option<Derived<C>> {
    let present: Vec<(C, Finding)> = findings
        .findings
        .iter()
        .filter(|e| case_findings.contains(&e.finding))
        .filter_map(|e| category_of(e.implies).map(|c| (c, e.finding)))
        .collect();
    let top = present.iter().filter_map(|(c, _)| c.rank()).max()?;
    let category = present.iter().find(|(c, _)| c.rank() == Some(top))?.0;
    let drivers = present
        .iter()
        .filter(|(c, _)| *c == category)
        .map(|(_, f)| *f)
        .collect();
    Some(Derived { category, drivers })
}

pub(super) fn finding_label(findings: &FindingsTable, f: Finding) -> String {
    findings
        .findings
        .iter()
        .find(|e| e.finding == f)
        .map_or_else(|| f.label().to_owned(), |e| e.text.clone())
}

pub(super) fn conflict_note<C: Ranked>(
    axis: Axis,
    r: &AxisResult<C>,
    findings: &FindingsTable,
) -> Option<String> {
    if !r.conflict {
        return None;
    }
    let (picked, derived) = (r.picked?, r.derived.as_ref()?);
    let drivers: Vec<String> = derived
        .drivers
        .iter()
        .map(|f| finding_label(findings, *f))
        .collect();
    Some(format!(
        "{axis} disagreement: {} was picked, but the ticked findings give {} ({}). \
         Resolve the disagreement to assign a stage.",
        picked.code(),
        derived.category.code(),
        drivers.join("; ")
    ))
}

/// Notes on the ticked findings themselves: the T2-T4 qualifier, the qualifier ticked alone,
/// and contradictory ticks.
pub(super) fn finding_notes(
    f: &BTreeSet<Finding>,
    t: &AxisResult<TCategory>,
    n: &AxisResult<NCategory>,
    findings: &FindingsTable,
) -> Vec<String> {
    let mut notes = Vec::new();
    if let Some(d) = &t.derived {
        let needs_qualifier = matches!(d.category, TCategory::T2 | TCategory::T3 | TCategory::T4);
        if needs_qualifier && !f.contains(&Finding::AllIpsilateralSurfaces) {
            notes.push(format!(
                "{} was derived from findings, but involvement of all ipsilateral pleural surfaces \
                 (parietal, mediastinal, diaphragmatic, and visceral pleura), which the AJCC \
                 wording of T2-T4 presumes, is not ticked.",
                d.category.code()
            ));
        }
    } else if f.contains(&Finding::AllIpsilateralSurfaces) && t.picked.is_none() {
        notes.push(format!(
            "\"{}\" is ticked, but it qualifies the T2-T4 features and gives no T category by \
             itself: tick a T feature or pick T.",
            finding_label(findings, Finding::AllIpsilateralSurfaces)
        ));
    }
    if f.contains(&Finding::NoRegionalNodes)
        && n.derived
            .as_ref()
            .is_some_and(|d| d.category != NCategory::N0)
    {
        notes.push(
            "Contradictory findings: \"No regional lymph node metastases\" is ticked together \
             with nodal metastases; the nodal metastases were used."
                .to_owned(),
        );
    }
    if f.contains(&Finding::NoDistantMetastasis) && f.contains(&Finding::DistantMetastasis) {
        notes.push(
            "Contradictory findings: \"No distant metastasis\" is ticked together with \
             \"Distant metastasis present\"; M1 was used."
                .to_owned(),
        );
    }
    notes
}

/// What, among the entered categories and findings, shows disease beyond a solitary tumour:
/// N1-N2, M1 or T4 in any reading (docs/clinical/option-selection.md#solitary).
pub(super) fn spread_beyond_solitary(
    t: &AxisResult<TCategory>,
    n: &AxisResult<NCategory>,
    m: &AxisResult<MCategory>,
) -> Vec<String> {
    let mut out = Vec::new();
    if t.candidates().contains(&TCategory::T4) {
        out.push("T4".to_owned());
    }
    for c in n.candidates() {
        if matches!(c, NCategory::N1 | NCategory::N2) {
            out.push(c.code().to_owned());
        }
    }
    if m.candidates().contains(&MCategory::M1) {
        out.push("M1".to_owned());
    }
    out
}

/// The categories each axis could be, for the same-group-from-every-reading rule.
pub(super) struct Readings {
    t: Vec<TCategory>,
    n: Vec<NCategory>,
    m: Vec<MCategory>,
}

impl Readings {
    pub(super) fn of(
        t: &AxisResult<TCategory>,
        n: &AxisResult<NCategory>,
        m: &AxisResult<MCategory>,
    ) -> Self {
        fn axis<C: Ranked>(r: &AxisResult<C>, all: &[C]) -> Vec<C> {
            let c = r.candidates();
            if c.is_empty() { all.to_vec() } else { c }
        }
        Self {
            t: axis(t, TCategory::ALL),
            n: axis(n, NCategory::ALL),
            m: axis(m, MCategory::ALL),
        }
    }

    pub(super) fn has_unknown(&self) -> bool {
        self.t.iter().any(|c| c.rank().is_none()) || self.n.iter().any(|c| c.rank().is_none())
    }

    fn cells<'a>(&'a self, table: &'a StageTable) -> impl Iterator<Item = Option<&'a CellValue>> {
        self.t.iter().flat_map(move |&tc| {
            self.n
                .iter()
                .flat_map(move |&nc| self.m.iter().map(move |&mc| lookup(table, tc, nc, mc)))
        })
    }

    /// The one group every reading gives, if every reading gives a group and they agree.
    pub(super) fn single_group(&self, table: &StageTable) -> Option<StageGroup> {
        let mut found = None;
        for cell in self.cells(table) {
            match (cell, found) {
                (Some(CellValue::Group(g)), None) => found = Some(*g),
                (Some(CellValue::Group(g)), Some(f)) if *g == f => {}
                _ => return None,
            }
        }
        found
    }

    /// The groups the stage could be: each reading's group, with TX also read as T1-T4 and NX
    /// as N0-N2 (T0 gives a group only with M1), in table order.
    pub(super) fn groups(&self, table: &StageTable) -> Vec<StageGroup> {
        let mut ts = self.t.clone();
        if ts.contains(&TCategory::TX) {
            ts.extend(TCategory::ALL.iter().filter(|c| c.rank().is_some()));
        }
        let mut ns = self.n.clone();
        if ns.contains(&NCategory::NX) {
            ns.extend([NCategory::N0, NCategory::N1, NCategory::N2]);
        }
        StageGroup::ALL
            .iter()
            .copied()
            .filter(|&g| {
                ts.iter().any(|&tc| {
                    ns.iter().any(|&nc| {
                        self.m
                            .iter()
                            .any(|&mc| lookup(table, tc, nc, mc) == Some(&CellValue::Group(g)))
                    })
                })
            })
            .collect()
    }
}
