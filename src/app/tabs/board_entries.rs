//! The Course tab's tumor-board entries: a form to add one, and every entry by date with its
//! fields, its problems and Delete.
//!
//! The decision is the clinician's own words: the app never writes, suggests or pre-fills one
//! (`docs/clinical/disease-status.md`, "Tumor-board entries").

use egui::{RichText, Ui};
use mesocds_core::course::{CourseError, Subject};

use super::course_editor::{required_date, row_header_ui, subject_warnings_ui};
use super::course_form::{BoardForm, Deleted, parse_optional_date};
use crate::app::document::Document;
use crate::app::widgets::text_field_ui;
use crate::present::board_text;

/// The form that adds a board entry.
pub(super) fn add_board_ui(ui: &mut Ui, doc: &mut Document) {
    egui::Frame::group(ui.style()).show(ui, |ui| {
        ui.set_width(ui.available_width());
        ui.label(RichText::new("Add a board entry").strong());
        let draft = &mut doc.course_drafts.board;
        ui.push_id("course_new_board", |ui| board_fields_ui(ui, draft, true));
        let result = draft.to_entry();
        ui.horizontal_wrapped(|ui| {
            let add = ui.add_enabled(result.is_ok(), egui::Button::new("Add board entry"));
            match &result {
                Ok(entry) if add.clicked() => {
                    let board = &mut doc.case.board;
                    let at = board.partition_point(|b| b.date <= entry.date);
                    board.insert(at, entry.clone());
                    doc.form.course.board.insert(at, entry);
                    doc.course_drafts.board = BoardForm::default();
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

/// Every board entry by date, each with its fields, its problems and Delete.
pub(super) fn board_list_ui(ui: &mut Ui, doc: &mut Document, errors: &[CourseError]) {
    let board = &doc.case.board;
    if board.is_empty() {
        ui.label(RichText::new("No board entry recorded.").weak());
        return;
    }
    let mut order: Vec<usize> = (0..board.len()).collect();
    order.sort_by_key(|i| board[*i].date);
    let mut delete = None;
    for i in order {
        let Some(row) = doc.form.course.board.0.get_mut(i) else {
            continue;
        };
        egui::Frame::group(ui.style()).show(ui, |ui| {
            ui.set_width(ui.available_width());
            let title = format!("{}. Tumor board of {}", i + 1, row.source.date);
            if row_header_ui(ui, &title, "board entry") {
                delete = Some(i);
            }
            ui.push_id(("course_board", i), |ui| {
                board_fields_ui(ui, &mut row.form, false);
            });
            subject_warnings_ui(ui, errors, Subject::BoardEntry(i + 1));
        });
    }
    if let Some(i) = delete {
        let removed = doc.case.board.remove(i);
        doc.form.course.board.remove(i);
        doc.course_drafts.deleted = Some(Deleted {
            message: format!("Deleted: {}.", board_text(&removed)),
            after: doc.case.clone(),
            board: true,
        });
        doc.new_undo_step();
    }
}

/// The fields of one board entry: date, question, decision, attendees, next review (in a
/// `draft`, an empty date is not flagged under its field).
fn board_fields_ui(ui: &mut Ui, form: &mut BoardForm, draft: bool) {
    let mut unused = None;
    text_field_ui(
        ui,
        ("Board date", "YYYY-MM-DD"),
        &mut form.date,
        &mut unused,
        |t| required_date(t, draft),
    );
    let multiline = |ui: &mut Ui, label: &str, text: &mut String, rows: usize, hint: &str| {
        let l = ui.label(label);
        ui.add(
            egui::TextEdit::multiline(text)
                .desired_rows(rows)
                .desired_width(f32::INFINITY)
                .hint_text(hint),
        )
        .labelled_by(l.id);
    };
    multiline(ui, "Question for the board", &mut form.question, 2, "");
    multiline(
        ui,
        "Decision (the board's, in your own words)",
        &mut form.decision,
        3,
        "not recorded yet",
    );
    multiline(
        ui,
        "Attendees",
        &mut form.attendees,
        2,
        "one per line or comma-separated",
    );
    let mut unused = None;
    text_field_ui(
        ui,
        ("Next review", "YYYY-MM-DD; empty: not set"),
        &mut form.next_review,
        &mut unused,
        parse_optional_date,
    );
}
