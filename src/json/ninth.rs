//! The JSON of issue 11: `stage_9th`, `peritoneal`, and the edition keys of `stage`. Key names
//! are fixed by the issue; missing inputs are named by their flag without dashes.

use mesocds_core::Assessment;
use mesocds_core::ajcc9::{Edition, MissingInput};
use mesocds_core::vocab::Vocab as _;
use serde_json::{Value, json};

/// `"edition"` and `"applies"` of an edition's stage object.
pub fn edition_keys(a: &Assessment<'_>, edition: Edition) -> (&'static str, Option<bool>) {
    (edition.code(), a.edition.applies(edition))
}

/// `stage_9th`: the keys of `stage` for the 9th edition.
pub fn stage_9th_json(a: &Assessment<'_>) -> Value {
    let s = &a.stage_9th;
    let mut missing: Vec<&str> = s.missing.iter().map(|i| i.code()).collect();
    // Without the date, which edition applies is unknown: named like every missing input.
    if a.edition.edition().is_none()
        && s.stage.status() != mesocds_core::staging::StageStatus::NotApplicable
    {
        missing.push(MissingInput::Diagnosed.code());
    }
    let (edition, applies) = edition_keys(a, Edition::Ajcc9);
    json!({
        "basis": s.basis.map(|b| b.prefix()),
        "t": s.t.value.map(|v| v.code()),
        "n": s.n.value.map(|v| v.code()),
        "m": s.m.value.map(|v| v.code()),
        "group": s.stage.group().map(|g| g.code()),
        "status": s.stage.status(),
        "missing": missing,
        "possible": s.stage.possible().iter().map(|g| g.code()).collect::<Vec<_>>(),
        "notes": s.notes,
        "tnm": s.tnm_text(),
        "t_rule_derived": s.t.derived().map(|v| v.code()),
        "t_picked": s.t.picked.map(|v| v.code()),
        "edition": edition,
        "applies": applies,
        "edition_note": a.edition.note(),
        "restaging": a.restaging,
    })
}

/// `peritoneal`: null unless the site is peritoneal.
pub fn peritoneal_json(case: &mesocds_core::Case, a: &Assessment<'_>) -> Value {
    let Some(p) = &a.peritoneal else {
        return Value::Null;
    };
    let possible: Vec<&str> = match &p.outcome {
        mesocds_core::peritoneal::PeritonealOutcome::Incomplete { possible, .. } => {
            possible.iter().map(|s| s.code()).collect()
        }
        _ => Vec::new(),
    };
    json!({
        "pci": p.pci.map(mesocds_core::peritoneal::Pci::get),
        "t": p.t.map(|t| t.code()),
        "n": p.n.map(|n| n.code()),
        "m": p.m.map(|m| m.code()),
        "stage": p.stage().map(|s| s.code()),
        "status": p.outcome.status_code(),
        "five_year_survival_percent": p.five_year_survival_percent(),
        "missing": p.missing().iter().map(|i| i.code()).collect::<Vec<_>>(),
        "possible": possible,
        "notes": p.notes,
        "cc": case.peritoneal.cc.map(|c| c.code()),
        "label": mesocds_core::peritoneal::LABEL,
    })
}
