//! The Report tab: a preview of the report model the PDF lays out, and its plain text.

use egui::{RichText, Ui};

use super::ViewCtx;
use crate::app::command::Command;
use crate::app::widgets::{heading_ui, notes_ui, tab_scroll_ui};
use crate::present;
use crate::report::model::{Block, REFERENCES};

/// The Report tab: a preview of the same report model the PDF lays out, and its plain text
/// with a Copy button. Returns the command for a clicked button.
pub fn report_tab_ui(ui: &mut Ui, view: ViewCtx<'_>) -> Option<Command> {
    let report = view.report?;
    let mut command = None;
    egui::Panel::top("report_bar").show(ui, |ui| {
        ui.horizontal_wrapped(|ui| {
            if ui.button("Copy plain text").clicked() {
                command = Some(Command::Copy(report.to_plain_text()));
            }
            if ui.button("Export PDF…").clicked() {
                command = Some(Command::ExportPdf);
            }
            if ui.button("Export slides…").clicked() {
                command = Some(Command::ExportSlides);
            }
            ui.label(
                RichText::new(
                    "Plain text for pasting into an EHR note; the PDF has the same content.",
                )
                .weak(),
            );
        });
    });
    egui::CentralPanel::default().show(ui, |ui| {
        tab_scroll_ui(ui, "report_scroll", |ui| {
            ui.set_max_width(820.0);
            ui.label(RichText::new(&report.title).size(20.0).strong());
            ui.label(format!(
                "Exported {} · MesoCDS {}",
                report.meta.export_date, report.meta.app_version
            ));
            ui.label(RichText::new(report.intended_use).strong());
            for c in &report.cases {
                ui.label(format!(
                    "Case {} · file {} · {}",
                    c.label, c.source.file, c.source.fingerprint
                ));
                for s in &c.sections {
                    heading_ui(ui, &s.heading);
                    for b in &s.blocks {
                        report_block_ui(ui, b);
                    }
                }
            }
            if !report.references.is_empty() {
                heading_ui(ui, REFERENCES);
                report_block_ui(ui, &Block::Numbered(report.references.clone()));
            }
            ui.add_space(8.0);
            ui.label(RichText::new(format!("Content: {}.", report.content)).weak());
        });
    });
    command
}

fn report_block_ui(ui: &mut Ui, b: &Block) {
    match b {
        Block::Lead(t) => {
            ui.label(RichText::new(t).size(16.0).strong());
        }
        Block::Subheading(t) => {
            ui.add_space(4.0);
            ui.label(RichText::new(t).strong());
        }
        Block::Text(t) => {
            ui.label(t);
        }
        Block::Fields(rows) => {
            egui::Grid::new(ui.next_auto_id())
                .num_columns(2)
                .show(ui, |ui| {
                    for (k, v) in rows {
                        ui.label(RichText::new(k).strong());
                        ui.label(v);
                        ui.end_row();
                    }
                });
        }
        Block::Table { header, rows, .. } => {
            egui::Grid::new(ui.next_auto_id())
                .striped(true)
                .num_columns(header.len())
                .show(ui, |ui| {
                    for h in header {
                        ui.label(RichText::new(h).strong());
                    }
                    ui.end_row();
                    for r in rows {
                        for c in r {
                            ui.label(c);
                        }
                        ui.end_row();
                    }
                });
        }
        Block::Bullets(items) => notes_ui(ui, items),
        Block::Numbered(items) => {
            for (n, i) in items.iter().enumerate() {
                ui.label(RichText::new(format!("{}. {i}", n + 1)).small());
            }
        }
        Block::DecisionBox => {
            egui::Frame::group(ui.style()).show(ui, |ui| {
                ui.set_width(ui.available_width());
                for line in present::decision_box_lines(42, 18) {
                    ui.label(line);
                }
            });
        }
    }
}
