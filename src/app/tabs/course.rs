//! The Course tab (issue 13): the disease course as a timeline, the undated status and prior
//! therapy of the Case tab beside it, the problems to correct, the event editor and the
//! tumor-board entries.
//!
//! What the course means for the assessment is the core's (`effective_case`, `validate_case`);
//! this tab draws it and edits the case (`docs/clinical/disease-status.md`, "Disease course").

use egui::{Align, Layout, RichText, Ui};
use mesocds_core::course::{self, CourseError};
use mesocds_core::vocab::Vocab as _;

use super::{Tab, ViewCtx, board_entries, course_editor, course_timeline, edition_form};
use crate::app::command::Command;
use crate::app::document::Document;
use crate::app::widgets::{heading_ui, notes_ui, tab_scroll_ui, warnings_ui};
use crate::present::{NOT_ENTERED, agents_text, course_prior_line, course_status_line};

/// Width (points) from which the undated items sit beside the timeline; narrower, above it.
const SIDE_BY_SIDE_MIN_WIDTH: f32 = 820.0;
/// Width of the undated column beside the timeline (points).
const UNDATED_WIDTH: f32 = 250.0;

/// The Course tab. Returns the commands of its buttons (Undo after a delete, go to the Case tab).
pub fn course_tab_ui(ui: &mut Ui, _view: ViewCtx<'_>, doc: &mut Document) -> Vec<Command> {
    let mut commands = Vec::new();
    // Rows follow what changed elsewhere (undo, redo, another tab) before anything is drawn.
    doc.form.course.events.sync(&doc.case.course.events);
    doc.form.course.board.sync(&doc.case.board);
    let today = edition_form::today();
    // Without a clock no date is "in the future"; the other checks still run.
    let check_day = today.or_else(|| mesocds_core::ajcc9::Date::new(9999, 12, 31).ok());
    let errors: Vec<CourseError> = check_day
        .map(|t| course::validate_case(&doc.case, t))
        .unwrap_or_default();
    egui::CentralPanel::default().show(ui, |ui| {
        tab_scroll_ui(ui, "course_scroll", |ui| {
            heading_ui(ui, "Disease course");
            ui.label(
                RichText::new(
                    "The dated course as entered. Where it gives the disease status or the prior \
                     systemic therapy, the assessment uses it.",
                )
                .weak(),
            );
            if ui.available_width() >= SIDE_BY_SIDE_MIN_WIDTH {
                ui.horizontal_top(|ui| {
                    let column = |w: f32| (egui::vec2(w, 0.0), Layout::top_down(Align::Min));
                    let w = ui.available_width() - UNDATED_WIDTH - 12.0;
                    let (size, layout) = column(w);
                    ui.allocate_ui_with_layout(size, layout, |ui| {
                        ui.set_width(w);
                        course_timeline::timeline_ui(ui, &doc.case, today);
                    });
                    let (size, layout) = column(UNDATED_WIDTH);
                    ui.allocate_ui_with_layout(size, layout, |ui| {
                        ui.set_width(UNDATED_WIDTH);
                        undated_ui(ui, doc, &mut commands);
                    });
                });
            } else {
                undated_ui(ui, doc, &mut commands);
                course_timeline::timeline_ui(ui, &doc.case, today);
            }
            problems_ui(ui, doc, &errors);

            heading_ui(ui, "Events");
            deleted_ui(ui, doc, false, &mut commands);
            course_editor::add_event_ui(ui, doc);
            course_editor::events_list_ui(ui, doc, &errors);

            heading_ui(ui, "Tumor board entries");
            ui.label(
                RichText::new(
                    "Record the board's question and its decision in your own words; MesoCDS \
                     never writes or suggests a decision.",
                )
                .weak(),
            );
            deleted_ui(ui, doc, true, &mut commands);
            board_entries::add_board_ui(ui, doc);
            board_entries::board_list_ui(ui, doc, &errors);
        });
    });
    // What reads in the rows goes into the case: one edit of this frame.
    doc.form.course.events.apply(&mut doc.case.course.events);
    doc.form.course.board.apply(&mut doc.case.board);
    commands
}

/// The status and prior therapy entered directly (undated, as older files hold them), and
/// whether the course's value is used instead.
fn undated_ui(ui: &mut Ui, doc: &Document, commands: &mut Vec<Command>) {
    let case = &doc.case;
    let view = course::course_view(case);
    egui::Frame::group(ui.style()).show(ui, |ui| {
        ui.set_width(ui.available_width());
        ui.label(RichText::new("Undated (entered on the Case tab)").strong());
        let status = view.undated_status.map_or(NOT_ENTERED, |s| s.label());
        ui.label(format!("Disease status: {status}"));
        if let Some((s, since)) = case.course.status() {
            ui.label(RichText::new(format!("Not in use. {}", course_status_line(s, since))).weak());
        }
        let prior = match view.undated_prior {
            None => NOT_ENTERED.to_owned(),
            Some(p) if p.is_empty() => "none".to_owned(),
            Some(p) => agents_text(p),
        };
        ui.label(format!("Prior systemic therapy: {prior}"));
        if let Some(agents) = case.course.prior_systemic() {
            ui.label(RichText::new(format!("Not in use. {}", course_prior_line(&agents))).weak());
        }
        if ui.link("Edit on the Case tab").clicked() {
            commands.push(Command::ShowTab(Tab::Case));
        }
    });
}

/// What to correct (the core's validation), and the core's notes where the course and the
/// direct entries disagree.
fn problems_ui(ui: &mut Ui, doc: &Document, errors: &[CourseError]) {
    let notes = course::effective_case(&doc.case).notes;
    if !errors.is_empty() {
        ui.label(RichText::new("To correct").strong());
        let texts: Vec<String> = errors.iter().map(ToString::to_string).collect();
        warnings_ui(ui, &texts);
    }
    if !notes.is_empty() {
        ui.label(RichText::new("Course and direct entries").strong());
        notes_ui(ui, &notes);
    }
}

/// "Deleted: …" with an Undo button, above the list it was deleted from (events or board
/// entries), while the case is still the one right after the deletion.
fn deleted_ui(ui: &mut Ui, doc: &Document, board: bool, commands: &mut Vec<Command>) {
    let Some(d) = &doc.course_drafts.deleted else {
        return;
    };
    if d.board != board || d.after != doc.case {
        return;
    }
    ui.horizontal_wrapped(|ui| {
        ui.label(&d.message);
        if ui.button("Undo").clicked() {
            commands.push(Command::Undo);
        }
    });
}
