//! The Case tab: every input, with units and inline checks, and what the other tabs still miss.

use egui::{RichText, Ui};
use mesocds_core::ajcc9::{Edition, MissingInput};
use mesocds_core::peritoneal::PeritonealInput;
use mesocds_core::vocab::{Input, PriorTherapy, Vocab as _};
use mesocds_core::{Assessment, Case, course};

use super::{Tab, ViewCtx, edition_form};
use crate::app::document::{FormText, parse_age, parse_hb, parse_wbc};
use crate::app::widgets::{
    field_target, go_to_field, heading_ui, input_choice_ui, number_field_ui, tab_scroll_ui,
    text_field_ui, tri_state_ui,
};
use crate::present::{
    COURSE_DIAGNOSED_NOTE, COURSE_PRIOR_NOTE, COURSE_STATUS_NOTE, DIRECT_NOT_IN_USE,
    NOT_ENTERED_LABEL, course_diagnosed_line, course_prior_line, course_status_line,
};

/// Window width (points) from which "Still missing" is a column beside the form; narrower, it
/// is shown above the form.
const SIDE_BY_SIDE_MIN_WIDTH: f32 = 760.0;

/// The Case tab: every input, with units and inline checks, and what the other tabs still miss.
/// Returns the tab to show when the user clicked a missing input that is entered on another tab.
pub fn case_tab_ui(
    ui: &mut Ui,
    view: ViewCtx<'_>,
    case: &mut Case,
    form: &mut FormText,
) -> Option<Tab> {
    let mut go = None;
    let wide = ui.available_width() >= SIDE_BY_SIDE_MIN_WIDTH;
    if wide {
        egui::Panel::right("missing_panel")
            .resizable(false)
            .default_size(300.0)
            .show(ui, |ui| {
                tab_scroll_ui(ui, "case_missing_scroll", |ui| {
                    go = missing_panel_ui(ui, view.assessment);
                });
            });
    }
    egui::CentralPanel::default().show(ui, |ui| {
        tab_scroll_ui(ui, "case_scroll", |ui| {
            if !wide {
                egui::Frame::group(ui.style()).show(ui, |ui| {
                    ui.set_width(ui.available_width());
                    go = missing_panel_ui(ui, view.assessment);
                });
            }
            if let Some(tab) = case_form_ui(ui, case, form) {
                go = Some(tab);
            }
        });
    });
    go
}

/// Returns the Course tab when its link was clicked.
fn case_form_ui(ui: &mut Ui, case: &mut Case, form: &mut FormText) -> Option<Tab> {
    let mut go = None;
    // Where the disease course gives the status or prior therapy, that value is used
    // (docs/clinical/disease-status.md, "Disease course"); the core's notes say where they differ.
    let notes = course::effective_case(case).notes;
    let note = |prefix: &str| notes.iter().find(|n| n.starts_with(prefix)).cloned();
    let status_from_course = case
        .course
        .status()
        .map(|(s, since)| (course_status_line(s, since), note(COURSE_STATUS_NOTE)));
    let prior_from_course = case
        .course
        .prior_systemic()
        .map(|agents| (course_prior_line(&agents), note(COURSE_PRIOR_NOTE)));
    heading_ui(ui, "Patient");
    ui.horizontal(|ui| {
        let l = ui.label("Case label");
        ui.add(
            egui::TextEdit::singleline(&mut case.label)
                .hint_text("pseudonymous ID, not a name")
                .desired_width(220.0),
        )
        .labelled_by(l.id);
    });
    number_field_ui(
        ui,
        Input::Age,
        ("Age", "years"),
        &mut form.age,
        &mut case.patient.age_years,
        parse_age,
    );
    input_choice_ui(ui, ("Sex", Input::Sex), &mut case.patient.sex);
    input_choice_ui(
        ui,
        ("ECOG performance status", Input::Ecog),
        &mut case.patient.ecog,
    );

    heading_ui(ui, "Disease");
    input_choice_ui(ui, ("Site", Input::Site), &mut case.disease.site);
    input_choice_ui(ui, ("Extent", Input::Extent), &mut case.disease.extent);
    input_choice_ui(
        ui,
        ("Histology", Input::Histology),
        &mut case.disease.histology,
    );
    input_choice_ui(
        ui,
        ("Diagnostic certainty", Input::Diagnosis),
        &mut case.disease.diagnosis,
    );
    if let Some(from) = status_from_course {
        go = go.or(from_course_ui(ui, from));
    }
    input_choice_ui(
        ui,
        ("Disease status", Input::Status),
        &mut case.disease.status,
    );
    if let Some(date) = case.course.diagnosed() {
        go = go.or(from_course_ui(
            ui,
            (course_diagnosed_line(date), note(COURSE_DIAGNOSED_NOTE)),
        ));
    }
    let today = edition_form::today();
    text_field_ui(
        ui,
        ("Date of diagnosis", "YYYY-MM-DD"),
        &mut form.edition.diagnosed,
        &mut case.disease.diagnosed,
        |t| edition_form::parse_diagnosed(t, today),
    );

    heading_ui(ui, "Laboratory");
    number_field_ui(
        ui,
        Input::Wbc,
        ("WBC", "×10⁹/L"),
        &mut form.wbc,
        &mut case.labs.wbc_10e9_per_l,
        parse_wbc,
    );
    number_field_ui(
        ui,
        Input::Hb,
        ("Hemoglobin", "g/dL"),
        &mut form.hb,
        &mut case.labs.hb_g_per_dl,
        parse_hb,
    );

    go = go.or(therapy_ui(ui, case, form, prior_from_course));

    heading_ui(ui, "Notes");
    let l = ui.label("Free-text notes");
    ui.add(
        egui::TextEdit::multiline(&mut case.notes)
            .desired_rows(4)
            .desired_width(f32::INFINITY),
    )
    .labelled_by(l.id);
    go
}

/// Prior systemic therapy (with the course's value when it gives one) and co-medication.
/// Returns the Course tab when its link was clicked.
fn therapy_ui(
    ui: &mut Ui,
    case: &mut Case,
    form: &mut FormText,
    prior_from_course: Option<(String, Option<String>)>,
) -> Option<Tab> {
    let mut go = None;
    let prior = heading_ui(ui, "Prior systemic therapy and co-medication");
    field_target(ui, Input::Prior, &prior);
    if let Some(from) = prior_from_course {
        go = from_course_ui(ui, from);
    }
    prior_ui(
        ui,
        &mut case.therapy.prior_systemic,
        &mut form.prior_recorded,
    );
    tri_state_ui(
        ui,
        Input::Anticoagulant,
        "Anticoagulant",
        &mut case.therapy.anticoagulant,
    );
    tri_state_ui(
        ui,
        Input::Antiplatelet,
        "Antiplatelet agent",
        &mut case.therapy.antiplatelet,
    );
    tri_state_ui(ui, Input::Nsaid, "NSAID", &mut case.therapy.nsaid);
    go
}

/// The value the disease course gives (e.g. "From the disease course: Recurrence: distant (since
/// 2025-05-01)"), that the field below is not in use, the core's note where the two differ, and
/// a link to the Course tab (returned when clicked).
fn from_course_ui(ui: &mut Ui, (line, note): (String, Option<String>)) -> Option<Tab> {
    let mut go = None;
    egui::Frame::group(ui.style()).show(ui, |ui| {
        ui.set_width(ui.available_width());
        ui.label(RichText::new(line).strong());
        ui.label(RichText::new(DIRECT_NOT_IN_USE).weak());
        if let Some(n) = note {
            ui.label(RichText::new(format!("Warning: {n}")).color(ui.visuals().warn_fg_color));
        }
        if ui.link("Edit the course on the Course tab").clicked() {
            go = Some(Tab::Course);
        }
    });
    go
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum PriorMode {
    NotEntered,
    None,
    Recorded,
}

/// Prior systemic therapy: "Not entered" records nothing (`None`), "None" an empty list, and
/// "Recorded below" shows the checklist; until something is ticked there, the case holds "not
/// entered" (never "none"), and the choice is kept in `recorded`.
fn prior_ui(
    ui: &mut Ui,
    prior: &mut Option<std::collections::BTreeSet<PriorTherapy>>,
    recorded: &mut bool,
) {
    let mut mode = match prior {
        Some(p) if !p.is_empty() => PriorMode::Recorded,
        Some(_) => PriorMode::None,
        None if *recorded => PriorMode::Recorded,
        None => PriorMode::NotEntered,
    };
    let before = mode;
    egui::ComboBox::from_label("Prior systemic therapy")
        .selected_text(match mode {
            PriorMode::NotEntered => NOT_ENTERED_LABEL,
            PriorMode::None => "None",
            PriorMode::Recorded => "Recorded below",
        })
        .show_ui(ui, |ui| {
            ui.selectable_value(&mut mode, PriorMode::NotEntered, NOT_ENTERED_LABEL);
            ui.selectable_value(&mut mode, PriorMode::None, "None");
            ui.selectable_value(&mut mode, PriorMode::Recorded, "Recorded below");
        });
    if mode != before {
        *recorded = mode == PriorMode::Recorded;
        *prior = match mode {
            PriorMode::None => Some(Default::default()),
            PriorMode::NotEntered | PriorMode::Recorded => None,
        };
    }
    if mode != PriorMode::Recorded {
        return;
    }
    ui.indent("prior_list", |ui| {
        for t in PriorTherapy::ALL {
            let mut on = prior.as_ref().is_some_and(|set| set.contains(t));
            if ui.checkbox(&mut on, t.label()).changed() {
                let set = prior.get_or_insert_with(Default::default);
                if on {
                    set.insert(*t);
                } else {
                    set.remove(t);
                }
                if set.is_empty() {
                    // Nothing ticked is "not entered", not "none".
                    *prior = None;
                }
            }
        }
        if prior.is_none() {
            ui.label(
                RichText::new("Tick each prior therapy; until then it counts as not entered.")
                    .weak(),
            );
        }
    });
}

/// What the other tabs still miss; each item is a link to its field. Returns the tab to show
/// when a clicked item is entered on another tab.
fn missing_panel_ui(ui: &mut Ui, a: &Assessment<'_>) -> Option<Tab> {
    ui.heading("Still missing");
    ui.label(RichText::new("Inputs the other tabs need; click one to go to its field.").weak());
    ui.separator();
    let sections: [(&str, &[Input]); 4] = [
        ("Staging", &a.stage.missing),
        ("EORTC score", &a.eortc.missing),
        ("CALGB group", &a.calgb.missing),
        ("Treatment options", &a.treatment.missing),
    ];
    let mut any = false;
    let mut go = None;
    let shown: Vec<Input> = sections
        .iter()
        .flat_map(|(_, m)| m.iter().copied())
        .collect();
    for (name, missing) in sections {
        if missing.is_empty() {
            continue;
        }
        any = true;
        ui.label(RichText::new(name).strong());
        for i in missing {
            ui.horizontal(|ui| {
                ui.label("  •");
                if ui.link(i.label()).clicked() {
                    go_to_field(ui.ctx(), *i);
                    go = Some(Tab::of_input(*i));
                }
            });
        }
    }
    // The 9th edition and the peritoneal stage read inputs of their own (docs/clinical/
    // staging-ajcc9.md, peritoneal-staging.md); those with a field on this tab go to it, the
    // others open the tab that holds them.
    // Only while the 9th edition may apply (not for a diagnosis before 2025); an input already
    // listed above is not listed twice.
    let ninth_may_apply = a.edition.applies(Edition::Ajcc9) != Some(false);
    let ninth: Vec<(&str, Option<Input>, Tab)> = a
        .stage_9th
        .missing
        .iter()
        .filter(|_| ninth_may_apply)
        .map(|m| {
            let same = match m {
                MissingInput::Site => Some(Input::Site),
                MissingInput::Extent => Some(Input::Extent),
                MissingInput::Basis => Some(Input::Basis),
                MissingInput::T => Some(Input::T),
                MissingInput::N => Some(Input::N),
                MissingInput::M => Some(Input::M),
                MissingInput::Psum | MissingInput::Fmax | MissingInput::Diagnosed => None,
            };
            let tab = match m {
                MissingInput::Diagnosed => Tab::Case,
                _ => same.map_or(Tab::Staging, Tab::of_input),
            };
            (m.label(), same, tab)
        })
        .filter(|(_, same, _)| same.is_none_or(|i| !shown.contains(&i)))
        .collect();
    let peritoneal: Vec<(&str, Option<Input>, Tab)> = a
        .peritoneal
        .as_ref()
        .map(|p| {
            p.missing()
                .iter()
                .map(|m| {
                    let same = match m {
                        PeritonealInput::N => Some(Input::N),
                        PeritonealInput::M => Some(Input::M),
                        PeritonealInput::Pci => None,
                    };
                    (m.label(), same, same.map_or(Tab::Staging, Tab::of_input))
                })
                .filter(|(_, same, _)| same.is_none_or(|i| !shown.contains(&i)))
                .collect()
        })
        .unwrap_or_default();
    for (name, items) in [
        ("9th edition (AJCC Version 9)", ninth),
        ("Peritoneal stage (proposed)", peritoneal),
    ] {
        if items.is_empty() {
            continue;
        }
        any = true;
        ui.label(RichText::new(name).strong());
        for (label, input, tab) in items {
            ui.horizontal(|ui| {
                ui.label("  •");
                if ui.link(label).clicked() {
                    if let Some(i) = input {
                        go_to_field(ui.ctx(), i);
                    }
                    go = Some(tab);
                }
            });
        }
    }
    if !any {
        ui.label("Nothing: every result has its inputs.");
    }
    go
}
