//! The median-overall-survival chart of the Treatment options tab (`egui_plot`).

use egui::{RichText, Ui};
use egui_plot::{Bar, BarChart, Legend, Plot};
use mesocds_core::treatment::ListedOption;

use crate::app::widgets::heading_ui;

/// The median overall survival of each listed option against its comparator, as bars, then the
/// same figures as text (wrapped, so nothing is cut off at any zoom).
pub fn survival_chart_ui(ui: &mut Ui, options: &[ListedOption<'_>]) {
    let with_os: Vec<&ListedOption<'_>> = options
        .iter()
        .filter(|o| o.option.median_os.is_some())
        .collect();
    if with_os.is_empty() {
        return;
    }
    heading_ui(
        ui,
        "Median overall survival (months), as the PDQ reports it",
    );
    let mut option_bars = Vec::new();
    let mut comparator_bars = Vec::new();
    for (i, o) in with_os.iter().enumerate() {
        let Some(os) = &o.option.median_os else {
            continue;
        };
        let y = (with_os.len() - i) as f64 * 3.0;
        option_bars.push(
            Bar::new(y + 0.5, os.option_months)
                .width(0.9)
                .name(format!("{}: {} months", o.option.name, os.option_months)),
        );
        comparator_bars.push(
            Bar::new(y - 0.5, os.comparator_months)
                .width(0.9)
                .name(format!(
                    "{}: {} months",
                    os.comparator, os.comparator_months
                )),
        );
    }
    Plot::new("median_os")
        .height(40.0 + 36.0 * with_os.len() as f32)
        .legend(Legend::default())
        .allow_zoom(false)
        .allow_drag(false)
        .allow_scroll(false)
        .show_x(false)
        .show_axes([true, false])
        .x_axis_label("months")
        .show(ui, |plot| {
            plot.bar_chart(BarChart::new("Option", option_bars).horizontal());
            plot.bar_chart(BarChart::new("Comparator", comparator_bars).horizontal());
        });
    // Top to bottom in the same order as the bars; wrapped, so nothing is cut off at any zoom.
    for o in &with_os {
        if let Some(os) = &o.option.median_os {
            ui.horizontal_wrapped(|ui| {
                ui.label(RichText::new(&o.option.name).strong());
                ui.label(format!(
                    "{} months vs {} {} months",
                    os.option_months, os.comparator, os.comparator_months
                ));
            });
        }
    }
    ui.label(
        RichText::new(
            "Trials differ in populations, designs, comparators and CI levels; see each card.",
        )
        .weak(),
    );
}
