//! The plain-text summary `mesocds assess` prints.
//!
//! It only formats the core's assessment; it computes nothing clinical.

use std::fmt::Write as _;

use mesocds_core::eortc::hundredths;
use mesocds_core::staging::{AxisResult, Ranked, StageStatus};
use mesocds_core::treatment::{CaveatKind, Direction};
use mesocds_core::vocab::{Input, Vocab};
use mesocds_core::{Assessment, Case, INTENDED_USE};

fn inputs(list: &[Input]) -> String {
    list.iter()
        .map(|i| format!("{} (--{})", i.label(), i.code()))
        .collect::<Vec<_>>()
        .join(", ")
}

fn axis_line<C: Ranked>(out: &mut String, name: &str, r: &AxisResult<C>) {
    match (&r.picked, &r.derived) {
        (Some(p), None) => {
            let _ = writeln!(out, "  {name}: {} (picked)", p.code());
        }
        (None, Some(d)) => {
            let _ = writeln!(
                out,
                "  {name}: {} (from findings: {})",
                d.category.code(),
                d.drivers
                    .iter()
                    .map(|f| f.label())
                    .collect::<Vec<_>>()
                    .join("; ")
            );
        }
        (Some(p), Some(d)) => {
            let _ = writeln!(
                out,
                "  {name}: picked {}, findings give {} ({}){}",
                p.code(),
                d.category.code(),
                d.drivers
                    .iter()
                    .map(|f| f.label())
                    .collect::<Vec<_>>()
                    .join("; "),
                if r.conflict { "  <- DISAGREE" } else { "" }
            );
        }
        (None, None) => {
            let _ = writeln!(out, "  {name}: not entered");
        }
    }
}

fn notes(out: &mut String, notes: &[String]) {
    for n in notes {
        let _ = writeln!(out, "  note: {n}");
    }
}

/// The assessment as readable text.
pub fn text_summary(case: &Case, a: &Assessment<'_>, app_version: &str) -> String {
    let mut out = String::new();
    let label = if case.label.trim().is_empty() {
        "(no case label)"
    } else {
        case.label.as_str()
    };
    let _ = writeln!(out, "MesoCDS assessment: {label}");
    let _ = writeln!(out, "{INTENDED_USE}\n");

    let s = &a.stage;
    let _ = writeln!(out, "STAGE ({}, pleural)", s.edition);
    let headline = match (s.status, s.group) {
        (StageStatus::Assigned, Some(g)) => format!("stage {}", g.code()),
        (StageStatus::Incomplete, _) => "incomplete".to_owned(),
        (StageStatus::NotAssignable, _) => "cannot be assigned".to_owned(),
        (StageStatus::NotApplicable, _) => "not applicable (no AJCC stage)".to_owned(),
        (StageStatus::Assigned, None) => "assigned".to_owned(),
    };
    let _ = writeln!(out, "  {}  ->  {headline}", s.tnm_text());
    axis_line(&mut out, "T", &s.t);
    axis_line(&mut out, "N", &s.n);
    axis_line(&mut out, "M", &s.m);
    if !s.possible.is_empty() {
        let p: Vec<&str> = s.possible.iter().map(|g| g.code()).collect();
        let _ = writeln!(out, "  possible: {}", p.join(", "));
    }
    if !s.missing.is_empty() {
        let _ = writeln!(out, "  missing: {}", inputs(&s.missing));
    }
    notes(&mut out, &s.notes);

    let e = &a.eortc;
    let _ = writeln!(out, "\nEORTC PROGNOSTIC SCORE (Curran 1998, PMID 9440736)");
    match (e.score, e.risk) {
        (Some(score), Some(risk)) => {
            let _ = writeln!(
                out,
                "  score {}: {} risk; 1-year survival {}% ({}) in the derivation cohort",
                hundredths(score),
                risk.label(),
                risk.one_year_survival_percent(),
                risk.one_year_survival_ci()
            );
        }
        _ => {
            let _ = writeln!(out, "  no score");
        }
    }
    for f in &e.factors {
        let _ = writeln!(
            out,
            "  {} {}",
            if f.adverse { "+" } else { " " },
            f.describe()
        );
    }
    if !e.missing.is_empty() {
        let _ = writeln!(out, "  missing: {}", inputs(&e.missing));
    }
    notes(&mut out, &e.notes);

    let c = &a.calgb;
    let _ = writeln!(out, "\nCALGB PROGNOSTIC INDEX (Herndon 1998, PMID 9515850)");
    match c.group {
        Some(g) => {
            let median = c.median_survival_months().map_or_else(
                || "median survival not given".to_owned(),
                |m| format!("median survival {m} months"),
            );
            let _ = writeln!(out, "  {}: {median}", g.label());
        }
        None => {
            let _ = writeln!(out, "  no group");
        }
    }
    if !c.path.is_empty() {
        let _ = writeln!(out, "  path: {}", c.path.join(" -> "));
    }
    if !c.missing.is_empty() {
        let _ = writeln!(out, "  missing: {}", inputs(&c.missing));
    }
    notes(&mut out, &c.notes);

    let t = &a.treatment;
    let _ = writeln!(out, "\nTREATMENT OPTIONS (NCI PDQ)");
    for s in &t.settings {
        let _ = writeln!(out, "  setting: {}", s.label());
    }
    if !t.missing.is_empty() {
        let _ = writeln!(out, "  missing: {}", inputs(&t.missing));
    }
    notes(&mut out, &t.notes);
    for (i, o) in t.options.iter().enumerate() {
        let opt = o.option;
        let level = opt
            .level
            .map_or_else(|| "no level given".to_owned(), |l| format!("level {l}"));
        let _ = writeln!(
            out,
            "\n  {}. {}  [{}; {}]",
            i + 1,
            opt.name,
            opt.status.label(),
            level
        );
        if let Some(trial) = &opt.trial {
            let id = trial
                .registry
                .as_ref()
                .map_or_else(String::new, |r| format!(", {r}"));
            let n = trial.n.map_or_else(String::new, |n| format!(", n = {n}"));
            let _ = writeln!(out, "     {}{id}{n}: {}", trial.name, trial.design);
            for oc in &trial.outcomes {
                let p = oc.p.as_ref().map_or_else(String::new, |p| format!("; {p}"));
                let mark = match oc.direction {
                    Direction::NoBenefit => "  [NO BENEFIT]",
                    Direction::NotSignificant => "  [not significant]",
                    Direction::Favours | Direction::Descriptive => "",
                };
                let _ = writeln!(out, "     - {}: {}{p}{mark}", oc.endpoint, oc.result);
            }
        }
        for n in &opt.notes {
            let _ = writeln!(out, "     {n}");
        }
        for cv in &o.caveats {
            let tag = match cv.kind {
                CaveatKind::Patient => "! THIS PATIENT",
                CaveatKind::NotChecked => "? not checked",
                CaveatKind::General => "- caveat",
            };
            let _ = writeln!(out, "     {tag}: {}", cv.text);
        }
        for cit in &opt.citations {
            let pmid = cit.pmid.map_or_else(String::new, |p| format!(" PMID {p}"));
            let _ = writeln!(out, "     ref: {}{pmid}", cit.text);
        }
    }
    let _ = writeln!(
        out,
        "\nContent: {}. MesoCDS {app_version}.",
        a.provenance.content
    );
    out
}
