//! The stage of one case: scope, every reading, and the outcome.

use super::derive::{Readings, conflict_note, derive, finding_notes, spread_beyond_solitary};
use super::{
    AxisResult, CellValue, FindingsTable, Implies, StageOutcome, StageResult, StageTable, join_and,
    join_or, lookup,
};
use crate::case::Case;
use crate::vocab::{Axis, Extent, Input, Site, StageGroup, Vocab as _};

/// Stages a case.
///
/// Source: PDQ Tables 1–4 (AJCC 8th edition); docs/clinical/staging-ajcc8.md (scope, unknowns,
/// disagreements, the solitary-extent rule and the same-group-from-every-reading rule).
#[expect(
    clippy::too_many_lines,
    reason = "one clinical rule read top to bottom: scope, readings, outcome"
)]
pub fn stage(case: &Case, table: &StageTable, findings: &FindingsTable) -> StageResult {
    let f = &case.staging.findings;
    let t = AxisResult::new(
        case.staging.t,
        derive(findings, f, |i| match i {
            Implies::T(c) => Some(c),
            _ => None,
        }),
    );
    let n = AxisResult::new(
        case.staging.n,
        derive(findings, f, |i| match i {
            Implies::N(c) => Some(c),
            _ => None,
        }),
    );
    let m = AxisResult::new(
        case.staging.m,
        derive(findings, f, |i| match i {
            Implies::M(c) => Some(c),
            _ => None,
        }),
    );

    let mut notes = finding_notes(f, &t, &n, findings);
    notes.extend(conflict_note(Axis::T, &t, findings));
    notes.extend(conflict_note(Axis::N, &n, findings));
    notes.extend(conflict_note(Axis::M, &m, findings));

    let mut missing = Vec::new();
    if case.staging.basis.is_none() {
        missing.push(Input::Basis);
        notes.push(
            "Staging basis (clinical, pathological or post-neoadjuvant) not entered: the stage is \
             shown without its c/p/yp prefix."
                .to_owned(),
        );
    }
    for (axis, absent) in [
        (Axis::T, t.value.is_none() && !t.conflict),
        (Axis::N, n.value.is_none() && !n.conflict),
        (Axis::M, m.value.is_none() && !m.conflict),
    ] {
        if absent {
            missing.push(Input::from(axis));
        }
    }

    let extent_contradictions = spread_beyond_solitary(&t, &n, &m);
    let finish = |outcome, mut missing: Vec<Input>, notes| {
        missing.sort();
        missing.dedup();
        StageResult {
            edition: table.edition.clone(),
            basis: case.staging.basis,
            t: t.clone(),
            n: n.clone(),
            m: m.clone(),
            outcome,
            missing,
            beyond_solitary: extent_contradictions.clone(),
            notes,
        }
    };

    // Scope: only diffuse pleural mesothelioma has an AJCC stage. A "solitary" tumour whose
    // findings show spread (N1-N2, M1, T4) is staged by the grid as if diffuse, with the
    // contradiction shown (docs/clinical/option-selection.md#solitary).
    let mut scope_missing = Vec::new();
    match case.disease.site {
        Some(site) if site != Site::Pleural => {
            let reason = format!(
                "{} mesothelioma has no AJCC stage: the AJCC 8th edition stages diffuse pleural \
                 mesothelioma only.",
                site.label()
            );
            // No AJCC stage: the pleural inputs (basis, T, N, M) are not asked for, and the
            // notes about them do not apply.
            return finish(
                StageOutcome::NotApplicable {
                    reason: reason.clone(),
                },
                Vec::new(),
                vec![reason],
            );
        }
        Some(_) => {}
        None => scope_missing.push(Input::Site),
    }
    match case.disease.extent {
        Some(Extent::Solitary) if extent_contradictions.is_empty() => {
            let reason = "Solitary (localized) pleural mesothelioma has no AJCC stage: the AJCC \
                          8th edition stages diffuse pleural mesothelioma only."
                .to_owned();
            notes.insert(0, reason.clone());
            // The localized (solitary) list reads N and M; the stage itself needs nothing more.
            missing.retain(|i| *i == Input::Basis);
            return finish(StageOutcome::NotApplicable { reason }, missing, notes);
        }
        Some(Extent::Solitary) => notes.insert(
            0,
            format!(
                "The extent \"solitary\" contradicts the findings ({}): staged by the AJCC grid \
                 as diffuse disease. Review the extent.",
                extent_contradictions.join("; ")
            ),
        ),
        Some(Extent::Diffuse) => {}
        None if extent_contradictions.is_empty() => scope_missing.push(Input::Extent),
        None => {
            missing.push(Input::Extent);
            notes.push(format!(
                "Extent (diffuse or solitary) not entered; with {} a solitary tumour would also \
                 be staged by the AJCC grid, so the stage does not depend on it.",
                extent_contradictions.join("; ")
            ));
        }
    }

    // Every reading: each axis's value, both sides of a disagreement, or every category of an
    // axis that was not entered.
    let readings = Readings::of(&t, &n, &m);
    let mut groups = readings.groups(table);
    if groups.len() == StageGroup::ALL.len() {
        // Every group is possible: saying so tells the user nothing.
        groups.clear();
    }
    let axes_missing: Vec<Input> = missing
        .iter()
        .copied()
        .filter(|i| matches!(i, Input::T | Input::N | Input::M))
        .collect();
    let single = readings.single_group(table);

    if !scope_missing.is_empty() {
        let what: Vec<&str> = scope_missing.iter().map(|i| i.label()).collect();
        let mut blocking = scope_missing.clone();
        blocking.extend(axes_missing.iter().copied());
        let possible = groups.clone();
        if possible.is_empty() {
            notes.push(format!(
                "Stage incomplete: {} not entered. The AJCC 8th edition stages diffuse pleural \
                 mesothelioma only.",
                join_and(&what)
            ));
        } else {
            let list: Vec<&str> = possible.iter().map(|g| g.code()).collect();
            notes.push(format!(
                "Stage incomplete: {} not entered. The AJCC 8th edition stages diffuse pleural \
                 mesothelioma only; if this tumour is diffuse and pleural, the stage would be {}.",
                join_and(&what),
                join_or(&list)
            ));
        }
        missing.extend(scope_missing);
        return finish(
            StageOutcome::Incomplete {
                missing: blocking,
                possible,
            },
            missing,
            notes,
        );
    }

    if let Some(g) = single {
        let unresolved = t.conflict || n.conflict || m.conflict;
        let unknown = readings.has_unknown();
        if !axes_missing.is_empty() {
            let what: Vec<&str> = axes_missing.iter().map(|i| i.label()).collect();
            notes.push(format!(
                "{} not entered, but every category gives stage {}: assigned. Enter it for the \
                 record.",
                join_and(&what),
                g.code()
            ));
        } else if unresolved || unknown {
            notes.push(format!(
                "Every reading of the disagreement or unknown category gives stage {}: assigned.",
                g.code()
            ));
        }
        return finish(StageOutcome::Assigned(g), missing, notes);
    }

    if !axes_missing.is_empty() {
        let names: Vec<&str> = axes_missing.iter().map(|i| i.label()).collect();
        let mut note = format!(
            "Stage incomplete: {} not entered. A category that was not entered is never assumed \
             (M is never taken as M0).",
            join_and(&names)
        );
        if !groups.is_empty() {
            let list: Vec<&str> = groups.iter().map(|g| g.code()).collect();
            note.push_str(&format!(
                " Once entered, the stage could be {}.",
                join_or(&list)
            ));
        }
        notes.push(note);
        return finish(
            StageOutcome::Incomplete {
                missing: axes_missing,
                possible: groups,
            },
            missing,
            notes,
        );
    }

    // Complete input with no single group: unknown categories (TX, T0, NX) or disagreements.
    if let (Some(tv), Some(nv), Some(mv)) = (t.value, n.value, m.value)
        && let Some(CellValue::NotAssignable(reasons)) = lookup(table, tv, nv, mv)
    {
        for r in reasons {
            notes.push(r.explanation().to_owned());
        }
    }
    if !groups.is_empty() {
        let list: Vec<&str> = groups.iter().map(|g| g.code()).collect();
        notes.push(format!(
            "Depending on the unknown or disputed category, the stage would be {}.",
            join_or(&list)
        ));
    }
    finish(
        StageOutcome::NotAssignable { possible: groups },
        missing,
        notes,
    )
}
