#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
//! Packaging metadata: every file the Debian package installs exists, and the application id is
//! the same in the desktop entry, the AppStream metainfo, the icon names and the app.

use std::path::Path;

const ROOT: &str = env!("CARGO_MANIFEST_DIR");

#[test]
fn every_deb_asset_exists() {
    let manifest = std::fs::read_to_string(Path::new(ROOT).join("Cargo.toml")).unwrap();
    let start = manifest.find("[package.metadata.deb]").unwrap();
    let section = &manifest[start..];
    let assets = &section[section.find("assets = [").unwrap()..];
    let assets = &assets[..assets.find("\n]").unwrap()];
    let sources: Vec<&str> = assets
        .lines()
        .filter_map(|l| l.trim().strip_prefix("[\""))
        .filter_map(|l| l.split('"').next())
        .collect();
    assert!(sources.len() >= 10, "{sources:?}");
    for s in sources {
        if s.starts_with("target/") {
            continue; // built by cargo deb
        }
        assert!(
            Path::new(ROOT).join(s).is_file(),
            "missing packaged file {s}"
        );
    }
}

#[test]
fn the_application_id_is_consistent() {
    let id = mesocds::app::APP_ID;
    let linux = Path::new(ROOT).join("packaging/linux");
    let desktop = std::fs::read_to_string(linux.join(format!("{id}.desktop"))).unwrap();
    assert!(desktop.contains(&format!("Icon={id}\n")));
    assert!(desktop.contains("Exec=mesocds %f"));
    let metainfo = std::fs::read_to_string(linux.join(format!("{id}.metainfo.xml"))).unwrap();
    assert!(metainfo.contains(&format!("<id>{id}</id>")));
    assert!(metainfo.contains(&format!(
        "<launchable type=\"desktop-id\">{id}.desktop</launchable>"
    )));
    assert!(metainfo.contains(mesocds_core::INTENDED_USE));
    let manifest = std::fs::read_to_string(Path::new(ROOT).join("Cargo.toml")).unwrap();
    assert!(manifest.contains(&format!("apps/{id}.png")));
    assert!(manifest.contains(&format!("identifier = \"{id}\"")));
}

#[test]
fn icons_are_real_pngs_of_their_size() {
    for size in [16u32, 32, 48, 64, 128, 256, 512] {
        let bytes =
            std::fs::read(Path::new(ROOT).join(format!("packaging/icons/mesocds-{size}.png")))
                .unwrap();
        assert_eq!(&bytes[..8], b"\x89PNG\r\n\x1a\n");
        // IHDR width and height, big-endian, at bytes 16..24.
        let w = u32::from_be_bytes(bytes[16..20].try_into().unwrap());
        let h = u32::from_be_bytes(bytes[20..24].try_into().unwrap());
        assert_eq!((w, h), (size, size));
    }
    let icns = std::fs::read(Path::new(ROOT).join("packaging/macos/mesocds.icns")).unwrap();
    assert_eq!(&icns[..4], b"icns");
    assert_eq!(
        u32::from_be_bytes(icns[4..8].try_into().unwrap()) as usize,
        icns.len()
    );
    let ico = std::fs::read(Path::new(ROOT).join("packaging/windows/mesocds.ico")).unwrap();
    assert_eq!(&ico[..4], &[0, 0, 1, 0]);
}
