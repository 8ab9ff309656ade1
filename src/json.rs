//! The JSON form of an assessment, as `mesocds assess --json` prints it.
//!
//! The keys of the contract (issue #2) are all present and spelled exactly so; more keys are
//! added for the reasons behind each result. A value that cannot be given is `null`. The
//! `newer_evidence` array (issue 12) is apart from the PDQ `options` and has exactly its contract
//! fields (docs/clinical/newer-evidence.md).

use mesocds_core::staging::{AxisResult, Ranked};
use mesocds_core::treatment::{CaveatKind, ListedOption};
use mesocds_core::vocab::{Input, Vocab as _};
use mesocds_core::{Assessment, Case, INTENDED_USE};
use serde_json::{Value, json};

mod course;
mod ninth;

fn codes(inputs: &[Input]) -> Vec<&'static str> {
    inputs.iter().map(|i| i.code()).collect()
}

fn axis_json<C: Ranked>(r: &AxisResult<C>) -> Value {
    json!({
        "value": r.value.map(|c| c.code()),
        "picked": r.picked.map(|c| c.code()),
        "derived": r.derived.as_ref().map(|d| d.category.code()),
        "derived_from": r.derived.as_ref().map_or_else(Vec::new, |d| d.drivers.iter().map(|f| f.code()).collect()),
        "conflict": r.conflict,
    })
}

fn option_json(o: &ListedOption<'_>) -> Value {
    let opt = o.option;
    let trial = opt.trial.as_ref();
    json!({
        "id": opt.id,
        "name": opt.name,
        "setting": o.setting.label(),
        "edition": o.edition.map(|e| e.code()),
        "status": opt.status.label(),
        "evidence": opt.level.map(|l| l.to_string()),
        "trial": trial.map(|t| t.name.as_str()),
        "registry": trial.and_then(|t| t.registry.as_deref()),
        "n": trial.and_then(|t| t.n),
        "design": trial.map(|t| t.design.as_str()),
        "population": trial.map(|t| t.population.as_str()),
        "outcomes": trial.map_or_else(Vec::new, |t| t.outcomes.iter().map(|oc| json!({
            "endpoint": oc.endpoint,
            "result": oc.result,
            "ci_level_percent": oc.ci_level_percent,
            "p": oc.p,
            "direction": oc.direction.label(),
        })).collect()),
        "pmid": opt.primary_pmid(),
        "citations": opt.citations.iter().map(|c| json!({"text": c.text, "pmid": c.pmid})).collect::<Vec<_>>(),
        "pdq_section": opt.pdq_section,
        "caveats": o.caveats.iter().map(|c| c.text.as_str()).collect::<Vec<_>>(),
        "caveat_kinds": o.caveats.iter().map(|c| match c.kind {
            CaveatKind::General => "general",
            CaveatKind::Patient => "patient",
            CaveatKind::NotChecked => "not_checked",
        }).collect::<Vec<_>>(),
        "notes": opt.notes,
    })
}

/// The assessment of `case` as JSON.
pub fn assessment_json(case: &Case, a: &Assessment<'_>, app_version: &str) -> Value {
    let s = &a.stage;
    let e = &a.eortc;
    let c = &a.calgb;
    let t = &a.treatment;
    json!({
        "label": case.label,
        "stage": {
            "basis": s.basis.map(|b| b.prefix()),
            "t": s.t.value.map(|v| v.code()),
            "n": s.n.value.map(|v| v.code()),
            "m": s.m.value.map(|v| v.code()),
            "group": s.group().map(|g| g.code()),
            "status": s.status(),
            "beyond_solitary": s.beyond_solitary,
            "missing": codes(&s.missing),
            "possible": s.possible().iter().map(|g| g.code()).collect::<Vec<_>>(),
            "notes": s.notes,
            "tnm": s.tnm_text(),
            "edition": ninth::edition_keys(a, mesocds_core::ajcc9::Edition::Ajcc8).0,
            "applies": ninth::edition_keys(a, mesocds_core::ajcc9::Edition::Ajcc8).1,
            "axes": { "t": axis_json(&s.t), "n": axis_json(&s.n), "m": axis_json(&s.m) },
        },
        "stage_9th": ninth::stage_9th_json(a),
        "peritoneal": ninth::peritoneal_json(case, a),
        "eortc": {
            "score": e.score().map(|v| f64::from(v) / 100.0),
            "risk": e.risk().map(|r| r.label()),
            "one_year_survival_percent": e.risk().map(|r| r.one_year_survival_percent()),
            "one_year_survival_ci": e.risk().map(|r| r.one_year_survival_ci()),
            "factors": e.factors.iter().map(|f| f.describe()).collect::<Vec<_>>(),
            "factor_points": e.factors.iter().map(|f| json!({
                "input": f.input.code(), "factor": f.factor, "value": f.value,
                "adverse": f.adverse, "points": f64::from(f.points) / 100.0,
            })).collect::<Vec<_>>(),
            "missing": codes(&e.missing),
            "notes": e.notes,
        },
        "calgb": {
            "group": c.group.map(|g| g.code()),
            "median_survival_months": c.median_survival_months(),
            "path": c.path.iter().map(ToString::to_string).collect::<Vec<_>>(),
            "missing": codes(&c.missing),
            "notes": c.notes,
        },
        "options": t.options.iter().map(option_json).collect::<Vec<_>>(),
        "excluded_options": t.excluded.iter().map(|x| json!({
            "id": x.option.id,
            "name": x.option.name,
            "setting": x.setting.label(),
            "edition": x.edition.map(|e| e.code()),
            "reasons": x.reasons,
        })).collect::<Vec<_>>(),
        // Evidence newer than the PDQ version used, apart from the PDQ `options` (issue 12):
        // exactly the contract fields of each entry (`AppliedEvidence::json`).
        "newer_evidence": a.newer_evidence.iter().map(|e| e.json()).collect::<Vec<_>>(),
        "treatment": {
            "settings": t.settings.iter().map(|s| s.label()).collect::<Vec<_>>(),
            "setting_editions": t.setting_editions.iter().map(|(s, e)| json!({"setting": s.label(), "edition": e.code()})).collect::<Vec<_>>(),
            "missing": codes(&t.missing),
            "notes": t.notes,
        },
        // The dated disease course and the tumor-board entries, as entered (issue 13).
        "course": course::course_json(case),
        "board": course::board_json(case),
        "provenance": {
            "app_version": app_version,
            "core_version": a.provenance.core_version,
            "content": a.provenance.content,
            "staging_edition": a.provenance.staging_edition,
        },
        "intended_use": INTENDED_USE,
    })
}
