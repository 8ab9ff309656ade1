//! The 9th-edition stage of a case: T (clinical rule or pathological findings), N and M (the
//! 8th-edition definitions and findings), and the group from the grid.
//!
//! `docs/clinical/staging-ajcc9.md` describes every rule and decision.

use super::clinical_t::{ClinicalT, ClinicalTInput, MissingInput, clinical_t};
use super::grid::{CellValue9, KNOWN_N, StageGroup9, StageTable9};
use super::types::{Ajcc9Input, Stage9, Stage9Result, TAxis9, TRule};
use crate::staging::{self, AxisResult, FindingsTable, StageTable};
use crate::vocab::{Extent, Finding, MCategory, NCategory, Site, StagingBasis, TCategory, Vocab};

/// The note on N shown with every 9th-edition result (`docs/clinical/staging-ajcc9.md` §5).
pub const N_NOTE: &str = "9th-edition N wording not verified; 8th-edition N definitions used";

fn axis_value<C: Copy + PartialEq>(picked: Option<C>, derived: Option<C>) -> (Option<C>, bool) {
    match (picked, derived) {
        (Some(p), Some(d)) if p == d => (Some(p), false),
        (Some(_), Some(_)) => (None, true),
        (p, d) => (p.or(d), false),
    }
}

fn candidates<C: Copy>(a: &AxisResult<C>) -> Vec<C> {
    match (a.value, a.picked, &a.derived) {
        (Some(v), _, _) => vec![v],
        (None, Some(p), Some(d)) => vec![p, d.category],
        _ => Vec::new(),
    }
}

/// "N disagreement: N1 was picked, but the ticked findings give N2. …", for a conflicting axis.
fn disagreement_note<C: Vocab>(axis: &str, a: &AxisResult<C>) -> Option<String> {
    let (true, Some(p), Some(d)) = (a.conflict, a.picked, a.derived.as_ref()) else {
        return None;
    };
    Some(format!(
        "{axis} disagreement: {} was picked, but the ticked findings give {}. Resolve the \
         disagreement to assign a stage.",
        p.code(),
        d.category.code()
    ))
}

fn push_unique(list: &mut Vec<StageGroup9>, item: StageGroup9) {
    if !list.contains(&item) {
        list.push(item);
        list.sort_by_key(|g| *g as u8);
    }
}

/// Stages a case with the 9th edition. Pure; never panics.
///
/// `findings8` and `table8` are the 8th-edition tables (for the N and M axes and pT, which the
/// 9th edition takes from the 8th); `table9` is the 9th-edition grid.
#[expect(
    clippy::too_many_lines,
    reason = "one clinical rule read top to bottom, as the 8th-edition stage()"
)]
pub fn stage9(
    input: &Ajcc9Input,
    findings8: &FindingsTable,
    table8: &StageTable,
    table9: &StageTable9,
) -> Stage9Result {
    // N, M and the pathological T derivation: the 8th-edition rules, read-only.
    let eighth = staging::stage(&input.eighth_edition_case(), table8, findings8);

    let rule = match input.basis {
        Some(StagingBasis::Clinical) => TRule::Clinical(clinical_t(
            &ClinicalTInput {
                psum: input.psum,
                fmax: input.fmax,
                findings: &input.findings,
                ninth: &input.ninth_findings,
            },
            findings8,
        )),
        Some(StagingBasis::Pathological | StagingBasis::PostNeoadjuvant) => {
            TRule::Pathological(eighth.t.derived.clone())
        }
        None => TRule::NoBasis,
    };
    let mut t = TAxis9 {
        picked: input.t,
        rule,
        value: None,
        conflict: false,
    };
    (t.value, t.conflict) = axis_value(t.picked, t.derived());

    let mut notes = vec![table9.caveat.clone(), N_NOTE.to_owned()];
    notes.extend(t_notes(input, &t, findings8));
    notes.extend(disagreement_note("N", &eighth.n));
    notes.extend(disagreement_note("M", &eighth.m));

    let (tc, nc, mc) = (t.candidates(), candidates(&eighth.n), candidates(&eighth.m));
    // Every input not entered (blocking or not), by flag name.
    let mut axes_missing = Vec::new();
    if tc.is_empty() {
        match &t.rule {
            TRule::Clinical(ClinicalT::Undecided { missing: m, .. }) => axes_missing.extend(m),
            TRule::NoBasis => axes_missing.push(MissingInput::Basis),
            _ => axes_missing.push(MissingInput::T),
        }
    }
    if nc.is_empty() {
        axes_missing.push(MissingInput::N);
    }
    if mc.is_empty() {
        axes_missing.push(MissingInput::M);
    }
    let mut all_missing = axes_missing.clone();
    if input.basis.is_none() {
        all_missing.push(MissingInput::Basis);
    }
    if input.site.is_none() {
        all_missing.push(MissingInput::Site);
    }
    if input.extent.is_none() {
        all_missing.push(MissingInput::Extent);
    }
    all_missing.sort();
    all_missing.dedup();

    let result = |stage: Stage9, notes| Stage9Result {
        edition: table9.edition.clone(),
        basis: input.basis,
        t: t.clone(),
        n: eighth.n.clone(),
        m: eighth.m.clone(),
        missing: if matches!(stage, Stage9::NotApplicable { .. }) {
            Vec::new()
        } else {
            all_missing.clone()
        },
        stage,
        notes,
    };

    // Scope: the chapter stages diffuse pleural mesothelioma only.
    if let Some(site) = input.site.filter(|s| *s != Site::Pleural) {
        let reason = format!(
            "{} mesothelioma has no AJCC stage: the 9th edition (AJCC Version 9 / UICC TNM 9) \
             stages diffuse pleural mesothelioma only.",
            site.label()
        );
        return result(Stage9::NotApplicable { reason }, notes);
    }
    // A "solitary" tumour whose categories show spread (T4, N1-N2, M1) is staged by the grid as
    // if diffuse, with the contradiction shown: the audit's rule for the 8th edition
    // (docs/clinical/option-selection.md#solitary), applied to the 9th.
    let mut beyond = eighth.beyond_solitary.clone();
    if t.derived() == Some(TCategory::T4) && !beyond.iter().any(|b| b.starts_with("T4")) {
        beyond.push("T4 (9th-edition clinical T)".to_owned());
    }
    if input.extent == Some(Extent::Solitary) {
        if beyond.is_empty() {
            let reason = "Solitary (localized) pleural mesothelioma has no AJCC stage: the 9th \
                          edition (AJCC Version 9 / UICC TNM 9) stages diffuse pleural \
                          mesothelioma only."
                .to_owned();
            return result(Stage9::NotApplicable { reason }, notes);
        }
        notes.push(format!(
            "The extent \"solitary\" contradicts the findings ({}): staged by the 9th-edition \
             grid as diffuse disease. Review the extent.",
            beyond.join("; ")
        ));
    }
    let mut scope_missing = Vec::new();
    if input.site.is_none() {
        scope_missing.push(MissingInput::Site);
    }
    if input.extent.is_none() {
        scope_missing.push(MissingInput::Extent);
    }

    if tc.is_empty() || nc.is_empty() || mc.is_empty() {
        let missing = axes_missing;
        let ts = if tc.is_empty() {
            t.possible_when_missing()
        } else {
            tc
        };
        let ns = if nc.is_empty() { KNOWN_N.to_vec() } else { nc };
        let ms = if mc.is_empty() {
            MCategory::ALL.to_vec()
        } else {
            mc
        };
        let mut possible = Vec::new();
        let mut every_reading_assigned = true;
        for &ti in &ts {
            for &ni in &ns {
                for &mi in &ms {
                    match table9.group(ti, ni, mi) {
                        Some(g) => push_unique(&mut possible, g),
                        None => every_reading_assigned = false,
                    }
                }
            }
        }
        // The groups an unknown category could hide: TX read as T1-T4, NX as N0-N2 (as the
        // 8th edition lists them), so "possible" never leaves out a group.
        let ts_known: Vec<TCategory> = if ts.contains(&TCategory::TX) {
            vec![TCategory::T1, TCategory::T2, TCategory::T3, TCategory::T4]
        } else {
            Vec::new()
        };
        let ns_known: Vec<NCategory> = if ns.contains(&NCategory::NX) {
            KNOWN_N.to_vec()
        } else {
            Vec::new()
        };
        for &ti in ts.iter().chain(&ts_known) {
            for &ni in ns.iter().chain(&ns_known) {
                for &mi in &ms {
                    if let Some(g) = table9.group(ti, ni, mi) {
                        push_unique(&mut possible, g);
                    }
                }
            }
        }
        let names: Vec<&str> = missing.iter().map(|i| i.label()).collect();
        // The audited 8th-edition rule (docs/clinical/staging-ajcc8.md; decisions page "Same
        // group from every reading"): when every value the missing inputs could take gives one
        // group (any M1 → IV), that group is assigned and the missing inputs stay listed.
        if let ([g], true) = (possible.as_slice(), every_reading_assigned) {
            notes.push(format!(
                "{} not entered, but every value gives stage {g}: assigned. Enter it for the \
                 record.",
                names.join(", ")
            ));
            return finish(*g, scope_missing, notes, result);
        }
        notes.push(format!(
            "Stage incomplete: {} not entered. A value that was not entered is never assumed \
             (a measurement is never taken as 0, M never as M0).",
            names.join(", ")
        ));
        let mut missing = missing;
        missing.extend(scope_missing);
        return result(Stage9::Incomplete { missing, possible }, notes);
    }

    let any_conflict = tc.len() > 1 || nc.len() > 1 || mc.len() > 1;
    if any_conflict {
        // Every reading of the disagreement: assign when they all give one group.
        let mut groups = Vec::new();
        let mut all_assigned = true;
        for &ti in &tc {
            for &ni in &nc {
                for &mi in &mc {
                    match table9.group(ti, ni, mi) {
                        Some(g) => push_unique(&mut groups, g),
                        None => all_assigned = false,
                    }
                }
            }
        }
        if let ([g], true) = (groups.as_slice(), all_assigned) {
            notes.push(format!(
                "Every reading of the disagreement gives stage {g}, so it is assigned."
            ));
            return finish(*g, scope_missing, notes, result);
        }
        let reasons = vec![
            "The entered categories disagree: resolve the disagreement to assign a stage."
                .to_owned(),
        ];
        return result(
            Stage9::NotAssignable {
                possible: groups,
                reasons,
            },
            notes,
        );
    }

    let (tv, nv, mv) = (tc[0], nc[0], mc[0]);
    match table9.lookup(tv, nv, mv) {
        Some(CellValue9::Group(g)) => finish(*g, scope_missing, notes, result),
        Some(CellValue9::NotAssignable(reasons)) => {
            let mut texts: Vec<String> =
                reasons.iter().map(|r| r.explanation().to_owned()).collect();
            let possible = if nv == NCategory::NX {
                table9.row_groups(tv, mv)
            } else {
                Vec::new()
            };
            if !possible.is_empty() {
                let list: Vec<&str> = possible.iter().map(|g| g.code()).collect();
                texts.push(format!(
                    "With N0, N1 or N2 the stage would be {}.",
                    staging::join_or(&list)
                ));
            }
            result(
                Stage9::NotAssignable {
                    possible,
                    reasons: texts,
                },
                notes,
            )
        }
        None => result(
            Stage9::NotAssignable {
                possible: Vec::new(),
                reasons: vec![format!(
                    "The stage table has no cell for {} {} {}.",
                    tv.code(),
                    nv.code(),
                    mv.code()
                )],
            },
            notes,
        ),
    }
}

fn finish(
    g: StageGroup9,
    scope_missing: Vec<MissingInput>,
    mut notes: Vec<String>,
    result: impl Fn(Stage9, Vec<String>) -> Stage9Result,
) -> Stage9Result {
    if scope_missing.is_empty() {
        return result(Stage9::Assigned { group: g }, notes);
    }
    let what: Vec<&str> = scope_missing.iter().map(|i| i.label()).collect();
    notes.push(format!(
        "Stage incomplete: {} not entered. The 9th edition stages diffuse pleural mesothelioma \
         only; if this tumour is diffuse and pleural, the stage would be {g}.",
        what.join(" and ")
    ));
    result(
        Stage9::Incomplete {
            missing: scope_missing,
            possible: vec![g],
        },
        notes,
    )
}

/// Notes on how T was found: the basis rule, the findings the clinical rule does not use, the
/// disagreement between the picked and the derived T.
fn t_notes(input: &Ajcc9Input, t: &TAxis9, findings8: &FindingsTable) -> Vec<String> {
    let mut notes = Vec::new();
    match &t.rule {
        TRule::NoBasis => notes.push(
            "Staging basis not entered: the 9th edition finds clinical T from CT measurements \
             and pathological T from the findings, so T cannot be derived without it."
                .to_owned(),
        ),
        TRule::Clinical(c) => {
            if let ClinicalT::Derived { t: tc, drivers } = c {
                let texts: Vec<String> = drivers.iter().map(|d| d.text(findings8)).collect();
                notes.push(format!("c{} from: {}.", tc.code(), texts.join("; ")));
                if *tc != TCategory::T4 {
                    notes.push(
                        "cT1-cT3 require the tumour limited to the ipsilateral pleura: no cT4 \
                         invasion finding is ticked."
                            .to_owned(),
                    );
                }
            }
            let unused: Vec<String> = input
                .findings
                .iter()
                .filter(|f| {
                    findings8.finding(**f).is_some_and(|e| {
                        e.implies.axis() == crate::vocab::Axis::T
                            && e.implies != staging::Implies::T(TCategory::T4)
                    }) && !super::clinical_t::CT2_FEATURE_FINDINGS.contains(f)
                })
                .map(|f| f.label().to_owned())
                .collect();
            if !unused.is_empty() {
                notes.push(format!(
                    "Not used by the 9th-edition clinical T (measurement rule): {}. These count \
                     for the 8th edition and for pathological T.",
                    unused.join("; ")
                ));
            }
        }
        TRule::Pathological(d) => {
            let needs_qualifier = d.as_ref().is_some_and(|d| {
                matches!(d.category, TCategory::T2 | TCategory::T3 | TCategory::T4)
            });
            if needs_qualifier && !input.findings.contains(&Finding::AllIpsilateralSurfaces) {
                notes.push(
                    "Pathological T was derived from findings, but involvement of all \
                     ipsilateral pleural surfaces, which the T2-T4 wording presumes, is not \
                     ticked."
                        .to_owned(),
                );
            }
            if !input.ninth_findings.is_empty() || input.psum.is_some() || input.fmax.is_some() {
                notes.push(
                    "Pathological T (p, yp) uses the 8th-edition findings and descriptors; the \
                     CT measurements and the 9th-edition cT4 items are not used."
                        .to_owned(),
                );
            }
        }
    }
    if t.conflict
        && let (Some(p), Some(d)) = (t.picked, t.derived())
    {
        notes.push(format!(
            "T disagreement: {} was picked, but the {} rule gives {}. Resolve the disagreement \
             to assign a stage.",
            p.code(),
            if matches!(t.rule, TRule::Clinical(_)) {
                "clinical (measurement)"
            } else {
                "pathological (findings)"
            },
            d.code()
        ));
    }
    notes
}
