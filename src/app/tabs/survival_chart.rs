//! The median-overall-survival chart of the Treatment options tab, drawn row by row with egui's
//! painter: each regimen's name above its bars, so names are never cut off, the legend above the
//! chart, so it never covers a bar, and hover texts as egui tooltips, which stay on screen.
//!
//! A bar is filled only when the core marks the difference significant
//! ([`Difference::Significant`]); a non-significant difference or a historical control is drawn
//! as an outline with its label next to it, so it never looks like a benefit (issue 8, item 11).

use egui::{Color32, CornerRadius, RichText, Sense, Stroke, StrokeKind, Ui, vec2};
use mesocds_core::treatment::{Difference, ListedOption, MedianOs, Setting};

use crate::app::widgets::heading_ui;
use crate::present;

/// Height of one bar, points.
const BAR_HEIGHT: f32 = 14.0;
/// Width kept right of the longest bar for its value, points.
const VALUE_WIDTH: f32 = 90.0;

/// How a bar is drawn.
#[derive(Clone, Copy)]
enum BarStyle {
    /// The option, with a significant randomized difference: filled.
    Significant,
    /// The option, without a significant or randomized difference: outlined.
    NoClaim,
    /// The comparator: filled grey.
    Comparator,
}

fn bar_colors(ui: &Ui, style: BarStyle) -> (Color32, Stroke) {
    let v = ui.visuals();
    match style {
        BarStyle::Significant => (v.selection.bg_fill, Stroke::new(1.0, v.selection.bg_fill)),
        BarStyle::NoClaim => (Color32::TRANSPARENT, Stroke::new(1.5, v.text_color())),
        BarStyle::Comparator => (
            v.widgets.inactive.bg_fill,
            Stroke::new(1.0, v.widgets.inactive.bg_stroke.color),
        ),
    }
}

/// One horizontal bar of `months` out of `max`, with the value after it and `hover` as its
/// tooltip.
fn bar_ui(ui: &mut Ui, months: f64, max: f64, style: BarStyle, hover: &str) {
    let full = (ui.available_width() - VALUE_WIDTH).max(40.0);
    let (rect, response) =
        ui.allocate_exact_size(vec2(ui.available_width(), BAR_HEIGHT), Sense::hover());
    let length = (full as f64 * (months / max).clamp(0.0, 1.0)) as f32;
    let bar = egui::Rect::from_min_size(rect.min, vec2(length.max(1.0), BAR_HEIGHT));
    let (fill, stroke) = bar_colors(ui, style);
    let painter = ui.painter();
    painter.rect(bar, CornerRadius::same(2), fill, stroke, StrokeKind::Inside);
    painter.text(
        bar.right_center() + vec2(6.0, 0.0),
        egui::Align2::LEFT_CENTER,
        format!("{months} months"),
        egui::TextStyle::Small.resolve(ui.style()),
        ui.visuals().text_color(),
    );
    // Screen readers (and tests) read the bar as its hover text.
    response.widget_info(|| egui::WidgetInfo::labeled(egui::accesskit::Role::Image, true, hover));
    response.on_hover_text(hover);
}

/// A legend swatch and its text.
fn swatch_ui(ui: &mut Ui, style: BarStyle, text: &str) {
    let (rect, _) = ui.allocate_exact_size(vec2(22.0, BAR_HEIGHT), Sense::hover());
    let (fill, stroke) = bar_colors(ui, style);
    ui.painter().rect(
        rect,
        CornerRadius::same(2),
        fill,
        stroke,
        StrokeKind::Inside,
    );
    ui.label(text);
}

/// The median overall survival of each listed option against its comparator, as bars on a
/// shared scale, each row labelled with the regimen, the figures and what the difference means.
///
/// When the case has more than one setting, each row sits under its setting's label (so, for a
/// peritoneal case, the regimens tested in pleural-mesothelioma trials say so).
pub fn survival_chart_ui(ui: &mut Ui, options: &[ListedOption<'_>], settings: &[Setting]) {
    let with_os: Vec<(&str, &MedianOs, Setting)> = options
        .iter()
        .filter_map(|o| {
            o.option
                .median_os
                .as_ref()
                .map(|os| (o.option.name.as_str(), os, o.setting))
        })
        .collect();
    if with_os.is_empty() {
        return;
    }
    heading_ui(
        ui,
        "Median overall survival (months), as the PDQ reports it",
    );
    ui.horizontal_wrapped(|ui| {
        swatch_ui(ui, BarStyle::Significant, Difference::Significant.label());
        swatch_ui(
            ui,
            BarStyle::NoClaim,
            "no significant or no randomized difference",
        );
        swatch_ui(ui, BarStyle::Comparator, "comparator");
    });
    let max = with_os
        .iter()
        .map(|(_, os, _)| os.option_months.max(os.comparator_months))
        .fold(1.0_f64, f64::max);
    let mut shown_setting = None;
    for (name, os, setting) in &with_os {
        if settings.len() > 1 && shown_setting != Some(*setting) {
            shown_setting = Some(*setting);
            ui.add_space(6.0);
            ui.add(egui::Label::new(RichText::new(setting.label()).italics()).wrap());
        }
        ui.add_space(6.0);
        let line = present::median_os_line(os);
        // The regimen and what its difference means, on one wrapped line above its bars.
        ui.horizontal_wrapped(|ui| {
            ui.label(RichText::new(*name).strong());
            let text = RichText::new(format!("— {line}"));
            match os.difference {
                Difference::Significant => ui.label(text),
                Difference::NotSignificant | Difference::HistoricalControl => {
                    ui.label(text.strong().color(ui.visuals().warn_fg_color))
                }
            };
        });
        let style = match os.difference {
            Difference::Significant => BarStyle::Significant,
            Difference::NotSignificant | Difference::HistoricalControl => BarStyle::NoClaim,
        };
        bar_ui(ui, os.option_months, max, style, &format!("{name}: {line}"));
        bar_ui(
            ui,
            os.comparator_months,
            max,
            BarStyle::Comparator,
            &format!("{}: {} months", os.comparator, os.comparator_months),
        );
    }
    ui.add(
        egui::Label::new(
            RichText::new(
                "Trials differ in populations, designs, comparators and CI levels; see each card.",
            )
            .weak(),
        )
        .wrap(),
    );
}
