//! Reading a case file's bytes safely: only regular files, never more than the size limit.

use std::io::Read as _;
use std::path::Path;

use super::{CaseFileError, CaseFileErrorKind, MAX_FILE_BYTES};

/// What kind of non-regular file `file_type` is, for messages.
fn describe(file_type: std::fs::FileType) -> &'static str {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt as _;
        if file_type.is_fifo() {
            return "a named pipe (FIFO)";
        }
        if file_type.is_char_device() || file_type.is_block_device() {
            return "a device";
        }
        if file_type.is_socket() {
            return "a socket";
        }
    }
    if file_type.is_dir() {
        "a folder"
    } else {
        "not a regular file"
    }
}

/// Reads the bytes of a case file, safely.
///
/// What is not a regular file (a folder, a named pipe, a device) is refused before it is opened,
/// and no more than [`MAX_FILE_BYTES`] + 1 bytes are read, so `/dev/zero` or a growing file cannot
/// exhaust memory and a pipe cannot block.
///
/// # Errors
/// [`CaseFileErrorKind::Io`], [`CaseFileErrorKind::NotAFile`] or [`CaseFileErrorKind::TooLarge`],
/// naming `path`.
pub fn read_file(path: &Path) -> Result<Vec<u8>, CaseFileError> {
    let io = |e: std::io::Error| CaseFileError::new(CaseFileErrorKind::Io(e.to_string())).at(path);
    let not_a_file = |t| CaseFileError::new(CaseFileErrorKind::NotAFile { what: describe(t) });
    // `metadata` follows symlinks: a link to a case file is read, a link to a pipe is not.
    let meta = std::fs::metadata(path).map_err(io)?;
    if !meta.is_file() {
        return Err(not_a_file(meta.file_type()).at(path));
    }
    if meta.len() > MAX_FILE_BYTES {
        return Err(CaseFileError::new(CaseFileErrorKind::TooLarge { bytes: meta.len() }).at(path));
    }
    let file = std::fs::File::open(path).map_err(io)?;
    // The path may have been replaced between the check and the open.
    let opened = file.metadata().map_err(io)?;
    if !opened.is_file() {
        return Err(not_a_file(opened.file_type()).at(path));
    }
    let mut bytes = Vec::new();
    file.take(MAX_FILE_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(io)?;
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(CaseFileError::new(CaseFileErrorKind::TooLarge {
            bytes: bytes.len() as u64,
        })
        .at(path));
    }
    Ok(bytes)
}
