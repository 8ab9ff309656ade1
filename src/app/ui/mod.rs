//! The panels around the tabs, one file each: the menu bar, the top panel (tab bar and the
//! first-run line), the status bar, and the modal windows. Each is a `*_ui` method of
//! [`super::MesoApp`] that draws and emits [`super::Command`]s.

mod menu_bar;
mod modals;
mod status_bar;
mod top_panel;
