//! The Course tab's event editor: a form to add an event (type picker, then its fields), and
//! every event by date with its fields, its problems and a Delete button.
//!
//! The clinician chooses the best response and the remission or recurrence; the app computes
//! none of them (`docs/clinical/disease-status.md`, "Disease course"). Edits change the case
//! directly, so undo, redo, autosave and recovery see them like any other edit.

use egui::{RichText, Ui};
use mesocds_core::course::{BestResponse, CourseError, Recurrence, Remission, Subject};
use mesocds_core::vocab::{PriorTherapy, Vocab as _};

use super::course_form::{Deleted, EventForm, EventKind, parse_date, parse_optional_date};
use crate::app::document::Document;
use crate::app::widgets::text_field_ui;
use crate::present::{
    END_NOT_ENTERED, NOT_ENTERED_LABEL, event_text, recurrence_label, remission_label,
};

/// The form that adds an event to the course.
pub(super) fn add_event_ui(ui: &mut Ui, doc: &mut Document) {
    egui::Frame::group(ui.style()).show(ui, |ui| {
        ui.set_width(ui.available_width());
        ui.label(RichText::new("Add an event").strong());
        let draft = &mut doc.course_drafts.event;
        let kind_text = draft.kind.map_or("Choose…", EventKind::label);
        egui::ComboBox::new("course_new_kind", "Type of event")
            .selected_text(kind_text)
            .show_ui(ui, |ui| {
                for k in EventKind::ALL {
                    ui.selectable_value(&mut draft.kind, Some(k), k.label());
                }
            });
        if draft.kind.is_none() {
            return;
        }
        ui.push_id("course_new_event", |ui| event_fields_ui(ui, draft, true));
        let result = draft.to_event();
        ui.horizontal_wrapped(|ui| {
            let add = ui.add_enabled(result.is_ok(), egui::Button::new("Add event"));
            match &result {
                Ok(event) if add.clicked() => {
                    let events = &mut doc.case.course.events;
                    // In date order (after any event of the same day), so that the numbers in
                    // the problems follow the dates as far as they can.
                    let at = events.partition_point(|e| e.date() <= event.date());
                    events.insert(at, event.clone());
                    doc.form.course.events.insert(at, event);
                    doc.course_drafts.event = EventForm::default();
                    doc.new_undo_step();
                }
                Ok(_) => {}
                Err(problems) => {
                    ui.label(RichText::new(format!("To add it: {}", problems.join(" "))).weak());
                }
            }
        });
    });
}

/// Every event by date, each with its fields, its problems and Delete.
pub(super) fn events_list_ui(ui: &mut Ui, doc: &mut Document, errors: &[CourseError]) {
    let events = &doc.case.course.events;
    if events.is_empty() {
        ui.label(RichText::new("No event entered.").weak());
        return;
    }
    let mut order: Vec<usize> = (0..events.len()).collect();
    order.sort_by_key(|i| events[*i].date());
    let mut delete = None;
    for i in order {
        let Some(row) = doc.form.course.events.0.get_mut(i) else {
            continue;
        };
        let title = event_text(&row.source);
        egui::Frame::group(ui.style()).show(ui, |ui| {
            ui.set_width(ui.available_width());
            let title = format!("{}. {title}", i + 1);
            if row_header_ui(ui, &title, "event") {
                delete = Some(i);
            }
            ui.push_id(("course_event", i), |ui| {
                event_fields_ui(ui, &mut row.form, false);
            });
            subject_warnings_ui(ui, errors, Subject::CourseEvent(i + 1));
        });
    }
    if let Some(i) = delete {
        let removed = doc.case.course.events.remove(i);
        doc.form.course.events.remove(i);
        doc.course_drafts.deleted = Some(Deleted {
            message: format!("Deleted: {}.", event_text(&removed)),
            after: doc.case.clone(),
            board: false,
        });
        doc.new_undo_step();
    }
}

/// Reads a required date; in a draft, empty is not flagged yet.
///
/// # Errors
/// The message to show under the field.
pub(super) fn required_date(
    text: &str,
    draft: bool,
) -> Result<Option<mesocds_core::ajcc9::Date>, String> {
    if draft {
        parse_optional_date(text)
    } else {
        parse_date(text).map(Some)
    }
}

/// The fields of one event, for its kind (the kind itself is not edited here). In a `draft` an
/// empty date is not flagged under its field: "Add" says what is still needed.
fn event_fields_ui(ui: &mut Ui, form: &mut EventForm, draft: bool) {
    let Some(kind) = form.kind else {
        return;
    };
    let start_label = if kind.has_end() { "Start" } else { "Date" };
    let mut unused = None;
    text_field_ui(
        ui,
        (start_label, "YYYY-MM-DD"),
        &mut form.date,
        &mut unused,
        |t| required_date(t, draft),
    );
    if kind.has_end() {
        let mut unused = None;
        text_field_ui(
            ui,
            ("End", &format!("YYYY-MM-DD; empty: {END_NOT_ENTERED}")),
            &mut form.end,
            &mut unused,
            parse_optional_date,
        );
    }
    match kind {
        EventKind::SystemicLine => {
            ui.label("Agents");
            ui.horizontal_wrapped(|ui| {
                for t in PriorTherapy::ALL {
                    let mut on = form.agents.contains(t);
                    if ui.checkbox(&mut on, t.label()).changed() {
                        if on {
                            form.agents.insert(*t);
                        } else {
                            form.agents.remove(t);
                        }
                    }
                }
            });
            egui::ComboBox::new("best_response", "Best response (as you assessed it)")
                .selected_text(form.response.map_or(NOT_ENTERED_LABEL, BestResponse::label))
                .show_ui(ui, |ui| {
                    ui.selectable_value(&mut form.response, None, NOT_ENTERED_LABEL);
                    for r in BestResponse::ALL {
                        ui.selectable_value(&mut form.response, Some(r), r.label());
                    }
                });
        }
        EventKind::Surgery => {
            ui.horizontal(|ui| {
                let l = ui.label("Procedure");
                ui.add(
                    egui::TextEdit::singleline(&mut form.procedure)
                        .hint_text("in your words")
                        .desired_width(260.0),
                )
                .labelled_by(l.id);
            });
        }
        EventKind::Remission => {
            ui.horizontal_wrapped(|ui| {
                for depth in [Remission::Complete, Remission::Partial] {
                    ui.radio_value(&mut form.remission, Some(depth), remission_label(depth));
                }
            });
        }
        EventKind::Recurrence => {
            ui.horizontal_wrapped(|ui| {
                for extent in [Recurrence::Local, Recurrence::Distant] {
                    ui.radio_value(&mut form.recurrence, Some(extent), recurrence_label(extent));
                }
            });
        }
        EventKind::Diagnosis | EventKind::Radiotherapy => {}
    }
}

/// The heading of one listed event or board entry (`title`, e.g. "1. 2024-02-01: Diagnosis")
/// with its Delete button, which names the `kind` and title to a screen reader ("Delete event
/// 1. 2024-02-01: Diagnosis"). Returns whether Delete was clicked.
pub(super) fn row_header_ui(ui: &mut Ui, title: &str, kind: &str) -> bool {
    ui.horizontal_wrapped(|ui| {
        ui.label(RichText::new(title).strong());
        let button = ui.button("Delete").on_hover_text(format!(
            "Delete this {kind} (Undo in the Edit menu brings it back)"
        ));
        let spoken = format!("Delete {kind} {title}");
        button.widget_info(|| {
            egui::WidgetInfo::labeled(egui::accesskit::Role::Button, true, &spoken)
        });
        button.clicked()
    })
    .inner
}

/// The validation problems of one event or board entry, under it, as warnings.
pub(super) fn subject_warnings_ui(ui: &mut Ui, errors: &[CourseError], subject: Subject) {
    for e in errors.iter().filter(|e| e.subject() == subject) {
        ui.label(
            RichText::new(format!("Warning: {e}"))
                .strong()
                .color(ui.visuals().warn_fg_color),
        );
    }
}
