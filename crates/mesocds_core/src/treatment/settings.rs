//! Which treatment settings a case falls into (docs/clinical/option-selection.md).

use super::Setting;
use crate::ajcc9::{Edition, EditionChoice, Stage9, Stage9Result};
use crate::case::Case;
use crate::staging::{StageOutcome, StageResult};
use crate::vocab::{
    DiseaseStatus, Extent, Input, NCategory, PriorTherapy, Site, StageGroup, Vocab as _,
};

/// The settings a case falls into, or what is missing to tell.
///
/// Source: PDQ section headings (Localized (Stage I); Advanced (Stages II, III, and IV);
/// Malignant Peritoneal Mesothelioma; Recurrent) and docs/clinical/option-selection.md.
///
/// `ninth` is the 9th-edition stage and `choice` the edition that applies; `led_by` receives,
/// for each setting chosen by one edition only, that edition (`docs/clinical/option-selection.md`,
/// "Settings by edition").
pub(super) fn settings_for(
    case: &Case,
    stage: &StageResult,
    ninth: Option<&Stage9Result>,
    choice: EditionChoice,
    led_by: &mut Vec<(Setting, Edition)>,
) -> (Vec<Setting>, Vec<Input>, Vec<String>) {
    let mut missing = Vec::new();
    let mut notes = Vec::new();
    let Some(status) = case.disease.status else {
        missing.push(Input::Status);
        notes.push(
            "Disease status not entered: options depend on whether the disease is newly \
             diagnosed or recurrent."
                .to_owned(),
        );
        return (Vec::new(), missing, notes);
    };
    let prior = case.therapy.prior_systemic.as_ref();
    match status {
        DiseaseStatus::CompleteRemission | DiseaseStatus::PartialRemission => match prior {
            Some(p) if p.contains(&PriorTherapy::PlatinumPemetrexed) => {
                notes.push(format!(
                    "Disease status is \"{}\" after platinum plus pemetrexed: the PDQ lists \
                     maintenance gemcitabine (NVALT19) for patients without progression after \
                     at least four cycles of first-line platinum plus pemetrexed.",
                    status.label()
                ));
                (vec![Setting::MaintenanceAfterFirstLine], missing, notes)
            }
            None => {
                missing.push(Input::Prior);
                notes.push(format!(
                    "Disease status is \"{}\" and prior systemic therapy is not entered: \
                     maintenance gemcitabine (NVALT19) applies after first-line platinum plus \
                     pemetrexed. Otherwise the PDQ lists no options for disease in remission.",
                    status.label()
                ));
                (Vec::new(), missing, notes)
            }
            Some(_) => {
                notes.push(format!(
                    "Disease status is \"{}\": the PDQ summary lists options for newly diagnosed \
                     disease by stage and for recurrent disease, not for disease in remission \
                     (maintenance gemcitabine follows first-line platinum plus pemetrexed, \
                     which is not recorded). No options are listed.",
                    status.label()
                ));
                (Vec::new(), missing, notes)
            }
        },
        DiseaseStatus::LocalRecurrence | DiseaseStatus::DistantRecurrence => {
            let mut settings = Vec::new();
            match prior {
                None => {
                    missing.push(Input::Prior);
                    notes.push(
                        "Prior systemic therapy not entered: recurrent options depend on it \
                         (none: the first-line list; after first-line chemotherapy or \
                         immunotherapy: the second-line list)."
                            .to_owned(),
                    );
                }
                Some(p) if p.is_empty() => {
                    if case.disease.site == Some(Site::Peritoneal) {
                        notes.push(
                            "Recurrent peritoneal mesothelioma without previous systemic \
                             therapy: the PDQ's peritoneal options, then the first-line \
                             regimens from pleural trials."
                                .to_owned(),
                        );
                        settings.extend([Setting::Peritoneal, Setting::PeritonealPleuralTrials]);
                    } else {
                        settings.push(Setting::RecurrentNoPriorSystemic);
                    }
                }
                Some(_) => settings.push(Setting::RecurrentAfterSystemic),
            }
            settings.push(Setting::RecurrentAny);
            if status == DiseaseStatus::LocalRecurrence {
                settings.push(Setting::LocalRecurrence);
            }
            (settings, missing, notes)
        }
        DiseaseStatus::New => {
            if prior.is_some_and(|p| !p.is_empty()) {
                notes.push(
                    "Reconcile status and prior therapy: the status is \"newly diagnosed\" but \
                     prior systemic therapy is recorded. The first-line trials enrolled \
                     treatment-naive patients; if the disease has recurred, enter a recurrent \
                     status to see the second-line options."
                        .to_owned(),
                );
            }
            let (settings, more_missing, more_notes) =
                new_disease_settings(case, stage, ninth, choice, led_by);
            missing.extend(more_missing);
            notes.extend(more_notes);
            (settings, missing, notes)
        }
    }
}

/// The settings of newly diagnosed disease: by site, extent and stage.
fn new_disease_settings(
    case: &Case,
    stage: &StageResult,
    ninth: Option<&Stage9Result>,
    choice: EditionChoice,
    led_by: &mut Vec<(Setting, Edition)>,
) -> (Vec<Setting>, Vec<Input>, Vec<String>) {
    let mut missing = Vec::new();
    let mut notes = Vec::new();
    let Some(site) = case.disease.site else {
        missing.push(Input::Site);
        notes.push("Site not entered: options depend on the site.".to_owned());
        return (Vec::new(), missing, notes);
    };
    let beyond = &stage.beyond_solitary;
    match site {
        Site::Peritoneal => (
            vec![Setting::Peritoneal, Setting::PeritonealPleuralTrials],
            missing,
            notes,
        ),
        Site::Pericardial | Site::TunicaVaginalis => {
            notes.push(format!(
                "The PDQ summary gives no site-specific options for newly diagnosed {} \
                 mesothelioma. No options are listed.",
                site.label().to_lowercase()
            ));
            (Vec::new(), missing, notes)
        }
        Site::Pleural => match case.disease.extent {
            Some(Extent::Solitary) if beyond.is_empty() => {
                notes.push(
                    "Solitary (localized) pleural mesothelioma has no AJCC stage; the PDQ \
                     lists its treatment under localized (stage I) disease."
                        .to_owned(),
                );
                let mut absent = Vec::new();
                match stage.n.value {
                    Some(NCategory::N0) => {}
                    Some(other) => notes.push(format!(
                        "N is {}: the localized (solitary) options need N0.",
                        other.code()
                    )),
                    None => absent.push(Input::N),
                }
                // M1 was caught above (it shows spread beyond a solitary tumour).
                if stage.m.value.is_none() {
                    absent.push(Input::M);
                }
                if !absent.is_empty() {
                    let what: Vec<&str> = absent.iter().map(|i| i.label()).collect();
                    notes.push(format!(
                        "The localized (solitary) list is incomplete: it needs N0 and M0 entered \
                         ({} not entered), so that spread beyond a solitary tumour is ruled out.",
                        what.join(" and ")
                    ));
                    missing.extend(absent);
                    return (Vec::new(), missing, notes);
                }
                if stage.n.value != Some(NCategory::N0) {
                    return (Vec::new(), missing, notes);
                }
                (vec![Setting::StageISolitary], missing, notes)
            }
            Some(Extent::Solitary) => {
                notes.push(format!(
                    "The extent \"solitary\" contradicts the findings ({}): the options follow \
                     the AJCC stage, as for diffuse disease. Review the extent.",
                    beyond.join("; ")
                ));
                by_edition(stage, ninth, choice, led_by, (missing, notes))
            }
            None if beyond.is_empty() => {
                missing.push(Input::Extent);
                notes.push(
                    "Extent (diffuse or solitary) not entered: the stage I options differ for \
                     solitary and diffuse mesothelioma."
                        .to_owned(),
                );
                (Vec::new(), missing, notes)
            }
            None | Some(Extent::Diffuse) => {
                by_edition(stage, ninth, choice, led_by, (missing, notes))
            }
        },
    }
}

/// Stage I → the stage I diffuse list; II–IV → the advanced list. Without an assigned group,
/// the possible groups decide when they all fall on one side.
fn by_stage(
    stage: &StageResult,
    mut missing: Vec<Input>,
    mut notes: Vec<String>,
) -> (Vec<Setting>, Vec<Input>, Vec<String>) {
    let is_stage_i = |g: &StageGroup| matches!(g, StageGroup::IA | StageGroup::IB);
    match &stage.outcome {
        StageOutcome::Assigned(g) if is_stage_i(g) => {
            (vec![Setting::StageIDiffuse], missing, notes)
        }
        StageOutcome::Assigned(_) => (vec![Setting::Advanced], missing, notes),
        StageOutcome::Incomplete { possible, .. } | StageOutcome::NotAssignable { possible }
            if !possible.is_empty() && possible.iter().all(|g| !is_stage_i(g)) =>
        {
            let list: Vec<&str> = possible.iter().map(|g| g.code()).collect();
            notes.push(format!(
                "No stage group assigned, but every possible group ({}) is advanced (stages II \
                 to IV): the advanced list applies.",
                list.join(", ")
            ));
            (vec![Setting::Advanced], missing, notes)
        }
        StageOutcome::Incomplete { possible, .. } | StageOutcome::NotAssignable { possible }
            if !possible.is_empty() && possible.iter().all(is_stage_i) =>
        {
            let list: Vec<&str> = possible.iter().map(|g| g.code()).collect();
            notes.push(format!(
                "No stage group assigned, but every possible group ({}) is stage I: the stage I \
                 list applies.",
                list.join(", ")
            ));
            (vec![Setting::StageIDiffuse], missing, notes)
        }
        _ => {
            missing.extend(
                stage
                    .missing
                    .iter()
                    .copied()
                    .filter(|i| matches!(i, Input::T | Input::N | Input::M)),
            );
            notes.push(NO_GROUP_NOTE.to_owned());
            (Vec::new(), missing, notes)
        }
    }
}

/// The sentence of `by_stage` when no 8th-edition group decides the setting.
const NO_GROUP_NOTE: &str = "No stage group assigned: options are matched to the stage (stage I \
                             versus stages II to IV).";

/// The setting a 9th-edition result leads to: stage I → the stage I list, II–IV → the advanced
/// list; without a group, the possible groups decide when they all fall on one side.
fn ninth_setting(r: &Stage9Result) -> Option<Setting> {
    let side = |stage_i: bool| {
        if stage_i {
            Setting::StageIDiffuse
        } else {
            Setting::Advanced
        }
    };
    match &r.stage {
        Stage9::Assigned { group } => Some(side(group.is_stage_one())),
        Stage9::Incomplete { possible, .. } | Stage9::NotAssignable { possible, .. }
            if !possible.is_empty() =>
        {
            let first = possible[0].is_stage_one();
            possible
                .iter()
                .all(|g| g.is_stage_one() == first)
                .then(|| side(first))
        }
        _ => None,
    }
}

fn ninth_text(r: &Stage9Result) -> String {
    if let Stage9::Assigned { group } = &r.stage {
        format!("stage {}", group.code())
    } else {
        let list: Vec<&str> = r.stage.possible().iter().map(|g| g.code()).collect();
        format!("possible stages {}", list.join(", "))
    }
}

/// The settings by the decisions page ("2026 additions", treatment setting): the 8th-edition
/// stage decides when it can; when only the 9th-edition stage decides, it does, with a note;
/// when both decide and differ, both settings are listed, each labelled with its edition (the
/// applying edition's first; the 8th first when the date is not entered), with the reason.
fn by_edition(
    stage: &StageResult,
    ninth: Option<&Stage9Result>,
    choice: EditionChoice,
    led_by: &mut Vec<(Setting, Edition)>,
    (missing, notes): (Vec<Input>, Vec<String>),
) -> (Vec<Setting>, Vec<Input>, Vec<String>) {
    let (settings, missing, mut notes) = by_stage(stage, missing, notes);
    let Some(r9) = ninth else {
        return (settings, missing, notes);
    };
    let Some(s9) = ninth_setting(r9) else {
        return (settings, missing, notes);
    };
    let Some(&s8) = settings.first() else {
        notes.retain(|n| n != NO_GROUP_NOTE);
        notes.push(format!(
            "The PDQ's lists are written against the AJCC 8th edition, which gives no stage group \
             here; the 9th edition ({}, {}) leads to the {} list. {}",
            r9.tnm_text(),
            ninth_text(r9),
            setting_name(s9),
            choice.note()
        ));
        led_by.push((s9, Edition::Ajcc9));
        return (vec![s9], missing, notes);
    };
    if s8 == s9 {
        return (settings, missing, notes);
    }
    let group8 = stage.group().map_or_else(
        || "no single group".to_owned(),
        |g| format!("stage {}", g.code()),
    );
    notes.push(format!(
        "The editions lead to different settings: AJCC 8th edition ({}, {group8}) -> {} list; \
         9th edition ({}, {}) -> {} list. The PDQ's lists are written against the 8th edition; \
         both lists are shown, each option labelled with the edition that leads to it. {}",
        stage.tnm_text(),
        setting_name(s8),
        r9.tnm_text(),
        ninth_text(r9),
        setting_name(s9),
        choice.note()
    ));
    led_by.push((s8, Edition::Ajcc8));
    led_by.push((s9, Edition::Ajcc9));
    let ordered = if choice.edition() == Some(Edition::Ajcc9) {
        vec![s9, s8]
    } else {
        vec![s8, s9]
    };
    (ordered, missing, notes)
}

fn setting_name(s: Setting) -> &'static str {
    match s {
        Setting::StageIDiffuse => "stage I (diffuse)",
        _ => "advanced (stages II to IV)",
    }
}
