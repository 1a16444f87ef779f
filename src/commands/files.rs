//! Files and documents on the real filesystem: `Test path name`,
//! `Temporary folder`, `Document to text`, `TEXT TO DOCUMENT`, and the classic
//! document commands (`Create document`, `Open document`, `Append document`,
//! `CLOSE DOCUMENT`, `SEND PACKET`, `RECEIVE PACKET`, `DELETE DOCUMENT`,
//! `COPY DOCUMENT`, `MOVE DOCUMENT`, `CREATE FOLDER`, `DELETE FOLDER`,
//! `DOCUMENT LIST`, `FOLDER LIST`, `Get document size`).
//!
//! Paths are platform paths (POSIX on Linux and macOS). A relative path is
//! resolved against the folder of the structure (the `Project` folder of a 4D
//! project, the script's folder otherwise), as 4D resolves it against the
//! structure file. A document reference (DocRef) is a Time value.
//! File errors use 4D's file manager codes (-43 file not found, -48 exists...).

use super::{Args, CommandDef};
use crate::cmd;
use crate::runtime::error::{err, RtResult};
use crate::runtime::interp::Interp;
use crate::runtime::value::{text, Value};
use std::cell::RefCell;
use std::collections::HashMap;
use std::io::{Read, Seek, Write};
use std::path::{Path, PathBuf};
use std::rc::Rc;

pub const COMMANDS: &[CommandDef] = &[
    cmd!("Test path name", test_path_name),
    cmd!("Temporary folder", temporary_folder),
    cmd!("Document to text", document_to_text),
    cmd!("TEXT TO DOCUMENT", text_to_document),
    cmd!("Create document", create_document),
    cmd!("Open document", open_document),
    cmd!("Append document", append_document),
    cmd!("CLOSE DOCUMENT", close_document),
    cmd!("SEND PACKET", send_packet),
    cmd!("RECEIVE PACKET", receive_packet, refs = 1 << 1),
    cmd!("DELETE DOCUMENT", delete_document),
    cmd!("COPY DOCUMENT", copy_document),
    cmd!("MOVE DOCUMENT", move_document),
    cmd!("CREATE FOLDER", create_folder),
    cmd!("DELETE FOLDER", delete_folder),
    cmd!("DOCUMENT LIST", document_list, refs = 1 << 1),
    cmd!("FOLDER LIST", folder_list, refs = 1 << 1),
    cmd!("Get document size", get_document_size),
    cmd!("Document to BLOB", document_to_blob, refs = 1 << 1),
    cmd!("BLOB TO DOCUMENT", blob_to_document),
];

const FNF: i32 = -43;
const IO_ERR: i32 = -36;
const EXISTS: i32 = -48;

thread_local! {
    static DOCS: RefCell<(i64, HashMap<i64, std::fs::File>)> = RefCell::new((0, HashMap::new()));
}

/// The folder relative paths are resolved against.
pub fn structure_folder(it: &Interp) -> PathBuf {
    let first = it
        .prog
        .methods
        .first()
        .map(|m| m.path.clone())
        .unwrap_or_default();
    let abs = std::fs::canonicalize(&first).unwrap_or(first);
    for anc in abs.ancestors() {
        if anc.file_name().map(|n| n == "Project").unwrap_or(false) {
            return anc.to_path_buf();
        }
    }
    abs.parent().map(|p| p.to_path_buf()).unwrap_or_default()
}

pub fn resolve(it: &Interp, p: &str) -> PathBuf {
    let path = Path::new(p);
    if path.is_absolute() {
        path.to_path_buf()
    } else {
        structure_folder(it).join(p.trim_start_matches(['/', '\\']))
    }
}

fn io_err<T>(e: std::io::Error, what: &str, p: &Path) -> RtResult<T> {
    let code = match e.kind() {
        std::io::ErrorKind::NotFound => FNF,
        std::io::ErrorKind::AlreadyExists => EXISTS,
        _ => IO_ERR,
    };
    err(code, format!("{}: {} ({})", what, p.display(), e))
}

fn with_sep(p: &Path) -> String {
    let mut s = p.to_string_lossy().into_owned();
    if !s.ends_with(std::path::MAIN_SEPARATOR) {
        s.push(std::path::MAIN_SEPARATOR);
    }
    s
}

// docs/commands-legacy/test-path-name.md: 1 document, 0 folder, -43 not found.
fn test_path_name(it: &mut Interp, a: &mut Args) -> RtResult<Value> {
    let p = resolve(it, &a.text(0, "Test path name")?);
    Ok(Value::Int(match std::fs::metadata(&p) {
        Ok(m) if m.is_dir() => 0,
        Ok(_) => 1,
        Err(_) => FNF,
    }))
}

// docs/commands-legacy/temporary-folder.md: ends with a separator.
fn temporary_folder(_: &mut Interp, _: &mut Args) -> RtResult<Value> {
    Ok(text(with_sep(&std::env::temp_dir())))
}

/// Applies a line break mode (0 unchanged, 1 native = LF here, 2 CRLF, 3 CR, 4 LF).
fn breaks(t: &str, mode: i64) -> String {
    let target = match mode {
        1 => {
            if cfg!(windows) {
                "\r\n"
            } else {
                "\n"
            }
        }
        2 => "\r\n",
        3 => "\r",
        4 => "\n",
        _ => return t.to_string(),
    };
    let mut out = String::with_capacity(t.len());
    let mut chars = t.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\r' => {
                if chars.peek() == Some(&'\n') {
                    chars.next();
                }
                out.push_str(target);
            }
            '\n' => out.push_str(target),
            c => out.push(c),
        }
    }
    out
}

fn charset_name(a: &Args, i: usize) -> String {
    match a.get(i) {
        Value::Text(t) => t.to_string(),
        Value::Int(106) => "UTF-8".into(),
        Value::Real(r) if *r == 106.0 => "UTF-8".into(),
        Value::Int(4) => "ISO-8859-1".into(),
        Value::Real(r) if *r == 4.0 => "ISO-8859-1".into(),
        Value::Int(1015) | Value::Int(1014) => "UTF-16LE".into(),
        _ => "UTF-8".into(),
    }
}

// docs/commands-legacy/document-to-text.md: UTF-8 by default (a BOM is used and
// removed when present); breakMode 0 (default) keeps line breaks.
fn document_to_text(it: &mut Interp, a: &mut Args) -> RtResult<Value> {
    let p = resolve(it, &a.text(0, "Document to text")?);
    let bytes = match std::fs::read(&p) {
        Ok(b) => b,
        Err(e) => return io_err(e, "Document to text", &p),
    };
    let cs = charset_name(a, 1);
    let t = if bytes.starts_with(&[0xEF, 0xBB, 0xBF]) {
        String::from_utf8_lossy(&bytes[3..]).into_owned()
    } else if bytes.starts_with(&[0xFF, 0xFE]) {
        let u: Vec<u16> = bytes[2..]
            .chunks(2)
            .map(|c| u16::from_le_bytes([c[0], *c.get(1).unwrap_or(&0)]))
            .collect();
        String::from_utf16_lossy(&u)
    } else {
        let mut args = Args {
            vals: vec![
                Value::Blob(Rc::new(bytes)),
                text(cs.trim_end_matches("-no-bom")),
            ],
            ..Default::default()
        };
        match super::blob::COMMANDS
            .iter()
            .find(|c| c.name == "Convert to text")
        {
            Some(c) => match (c.func)(it, &mut args)? {
                Value::Text(t) => t.to_string(),
                _ => String::new(),
            },
            None => String::new(),
        }
    };
    let mode = a.opt_num(2, "Document to text")?.unwrap_or(0.0) as i64;
    Ok(text(breaks(&t, mode)))
}

fn encode(t: &str, cs: &str) -> Vec<u8> {
    let lower = cs.to_ascii_lowercase();
    let no_bom = lower.ends_with("-no-bom");
    let base = lower.trim_end_matches("-no-bom");
    match base {
        "iso-8859-1" | "latin1" | "windows-1252" | "us-ascii" => t
            .chars()
            .map(|c| {
                if (c as u32) < 256 {
                    c as u32 as u8
                } else {
                    b'?'
                }
            })
            .collect(),
        "utf-16" | "utf-16le" => {
            let mut v = if no_bom { vec![] } else { vec![0xFF, 0xFE] };
            v.extend(t.encode_utf16().flat_map(|u| u.to_le_bytes()));
            v
        }
        _ => t.as_bytes().to_vec(),
    }
}

/// Writes a whole file safely and as the OS would let a plain open for writing:
///
/// - a symbolic link is followed: its target is written, the link stays;
/// - an existing file that a plain open for writing would refuse (read-only, of
///   another owner) is refused with that error, and left untouched;
/// - a new file, or an existing regular file with one name, is written to a
///   temporary file next to it (unique per process and call), given the target's
///   mode and owner, flushed to disk, then renamed over the target: after a crash
///   the target is the old file, the new one, or absent, never a partial write
///   (issue #9);
/// - anything else (a FIFO, a device, a file with several hard links, a file whose
///   owner cannot be given to the temporary file, a folder where no temporary file
///   can be made) is written in place: truncated, written, flushed. A rename would
///   replace it by a plain file of ours (issue #19).
pub(crate) fn write_atomic(p: &Path, data: &[u8]) -> std::io::Result<()> {
    let target = follow_links(p)?;
    let p = target.as_path();
    let existing = match std::fs::metadata(p) {
        Ok(m) => Some(m),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => None,
        Err(e) => return Err(e),
    };
    let Some(meta) = existing else {
        return replace_by_rename(p, data, None);
    };
    // the check a plain open for writing makes (permissions, read-only mounts);
    // opening without truncating changes nothing
    let file = std::fs::OpenOptions::new().write(true).open(p)?;
    if !in_place_needed(&meta) {
        match replace_by_rename(p, data, Some(&meta)) {
            Ok(()) => return Ok(()),
            Err(e) if e.kind() != std::io::ErrorKind::PermissionDenied => return Err(e),
            // no temporary file possible here (folder not writable, owner not
            // transferable): fall back to writing in place
            Err(_) => {}
        }
    }
    write_in_place(file, &meta, data)
}

/// The path a symbolic link leads to (links of links followed, 40 at most, as
/// the OS does); a dangling link gives the path it names, where a new file goes.
fn follow_links(p: &Path) -> std::io::Result<std::path::PathBuf> {
    let mut cur = p.to_path_buf();
    for _ in 0..40 {
        match std::fs::symlink_metadata(&cur) {
            Ok(m) if m.file_type().is_symlink() => {
                let to = std::fs::read_link(&cur)?;
                cur = match cur.parent() {
                    Some(dir) if to.is_relative() => dir.join(to),
                    _ => to,
                };
            }
            _ => return Ok(cur),
        }
    }
    Err(std::io::Error::other(format!(
        "too many levels of symbolic links: {}",
        p.display()
    )))
}

#[cfg(unix)]
fn in_place_needed(meta: &std::fs::Metadata) -> bool {
    use std::os::unix::fs::MetadataExt;
    !meta.file_type().is_file() || meta.nlink() > 1
}

#[cfg(not(unix))]
fn in_place_needed(meta: &std::fs::Metadata) -> bool {
    !meta.file_type().is_file()
}

fn write_in_place(
    mut file: std::fs::File,
    meta: &std::fs::Metadata,
    data: &[u8],
) -> std::io::Result<()> {
    use std::io::Write;
    if meta.file_type().is_file() {
        file.set_len(0)?;
    }
    file.write_all(data)?;
    match file.sync_all() {
        // FIFOs, terminals and some devices cannot be synced: nothing to lose
        Err(e) if !meta.file_type().is_file() && e.kind() == std::io::ErrorKind::InvalidInput => {
            Ok(())
        }
        r => r,
    }
}

/// The temporary file, renamed over `p`; with `like`, it first gets that file's
/// owner (when it differs from ours: PermissionDenied if that is not allowed)
/// and mode (setuid and setgid bits included, set after the owner, which clears
/// them).
fn replace_by_rename(
    p: &Path,
    data: &[u8],
    like: Option<&std::fs::Metadata>,
) -> std::io::Result<()> {
    use std::io::Write;
    use std::sync::atomic::{AtomicU64, Ordering};
    static SEQ: AtomicU64 = AtomicU64::new(0);
    let dir = match p.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    let tmp = dir.join(format!(
        ".{}.fourd-tmp-{}-{}",
        p.file_name()
            .map(|n| n.to_string_lossy())
            .unwrap_or_default(),
        std::process::id(),
        SEQ.fetch_add(1, Ordering::Relaxed)
    ));
    let written = (|| {
        let mut f = std::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&tmp)?;
        if let Some(m) = like {
            take_owner_and_mode(&f, m)?;
        }
        f.write_all(data)?;
        f.sync_all()
    })();
    written
        .and_then(|()| std::fs::rename(&tmp, p))
        .and_then(|()| sync_dir(dir))
        .inspect_err(|_| {
            let _ = std::fs::remove_file(&tmp);
        })
}

#[cfg(unix)]
fn take_owner_and_mode(f: &std::fs::File, m: &std::fs::Metadata) -> std::io::Result<()> {
    use std::os::unix::fs::{MetadataExt, PermissionsExt};
    let mine = f.metadata()?;
    if (mine.uid(), mine.gid()) != (m.uid(), m.gid()) {
        std::os::unix::fs::fchown(f, Some(m.uid()), Some(m.gid())).map_err(|e| {
            std::io::Error::new(std::io::ErrorKind::PermissionDenied, e.to_string())
        })?;
    }
    f.set_permissions(std::fs::Permissions::from_mode(m.mode() & 0o7777))
}

#[cfg(not(unix))]
fn take_owner_and_mode(f: &std::fs::File, m: &std::fs::Metadata) -> std::io::Result<()> {
    f.set_permissions(m.permissions())
}

/// After a rename: the folder's entry is made durable too (best effort).
fn sync_dir(dir: &Path) -> std::io::Result<()> {
    #[cfg(unix)]
    if let Ok(d) = std::fs::File::open(dir) {
        let _ = d.sync_all();
    }
    let _ = dir;
    Ok(())
}

// docs/commands-legacy/text-to-document.md: UTF-8 without BOM by default; line
// breaks in native format (1) by default; written to a temporary file then
// renamed over the target.
fn text_to_document(it: &mut Interp, a: &mut Args) -> RtResult<Value> {
    let p = resolve(it, &a.text(0, "TEXT TO DOCUMENT")?);
    let t = a.text(1, "TEXT TO DOCUMENT")?;
    let cs = match a.get(2) {
        Value::Undefined => "UTF-8".to_string(),
        _ => charset_name(a, 2),
    };
    let mode = a.opt_num(3, "TEXT TO DOCUMENT")?.unwrap_or(1.0) as i64;
    let data = encode(&breaks(&t, mode), &cs);
    let data = if cs.eq_ignore_ascii_case("utf-8") && a.len() > 2 {
        // an explicit "UTF-8" carries a BOM (docs: "If a BOM exists for the
        // character set, 4D inserts it"); the default does not.
        let mut v = vec![0xEF, 0xBB, 0xBF];
        v.extend(data);
        v
    } else {
        data
    };
    match write_atomic(&p, &data) {
        Ok(()) => Ok(Value::Undefined),
        Err(e) => io_err(e, "TEXT TO DOCUMENT", &p),
    }
}

fn register(f: std::fs::File) -> Value {
    DOCS.with(|d| {
        let mut d = d.borrow_mut();
        d.0 += 1;
        let id = d.0;
        d.1.insert(id, f);
        Value::Time(id)
    })
}

fn set_document(it: &mut Interp, p: &Path) {
    if let Some(i) = it
        .prog
        .process_vars
        .iter()
        .position(|v| v.name.eq_ignore_ascii_case("Document"))
    {
        it.process.vars[i] = text(p.to_string_lossy().into_owned());
    }
}

fn open_with(
    it: &mut Interp,
    a: &Args,
    cmd: &str,
    opts: &mut std::fs::OpenOptions,
    end: bool,
) -> RtResult<Value> {
    let name = a.text(0, cmd)?;
    if name.is_empty() {
        // headless: no file dialog; the dialog counts as cancelled
        super::set_ok(it, 0);
        return Ok(Value::Time(0));
    }
    let p = resolve(it, &name);
    match opts.open(&p) {
        Ok(mut f) => {
            if end {
                let _ = f.seek(std::io::SeekFrom::End(0));
            }
            super::set_ok(it, 1);
            set_document(it, &p);
            Ok(register(f))
        }
        Err(e) => {
            super::set_ok(it, 0);
            io_err(e, cmd, &p)
        }
    }
}

// docs/commands-legacy/create-document.md: creates (or replaces) the document.
fn create_document(it: &mut Interp, a: &mut Args) -> RtResult<Value> {
    open_with(
        it,
        a,
        "Create document",
        std::fs::OpenOptions::new()
            .read(true)
            .write(true)
            .create(true)
            .truncate(true),
        false,
    )
}

// docs/commands-legacy/open-document.md: mode Read and write 0 (default),
// Write mode 1, Read mode 2; a missing document is error -43 (OK = 0).
fn open_document(it: &mut Interp, a: &mut Args) -> RtResult<Value> {
    let mode = a.opt_num(2, "Open document")?.unwrap_or(0.0) as i64;
    let mut o = std::fs::OpenOptions::new();
    match mode {
        2 => o.read(true),
        1 => o.write(true),
        _ => o.read(true).write(true),
    };
    open_with(it, a, "Open document", &mut o, false)
}

// docs/commands-legacy/append-document.md: opens for writing at the end.
fn append_document(it: &mut Interp, a: &mut Args) -> RtResult<Value> {
    open_with(
        it,
        a,
        "Append document",
        std::fs::OpenOptions::new().read(true).write(true),
        true,
    )
}

fn docref(a: &Args, cmd: &str) -> RtResult<i64> {
    Ok(a.num(0, cmd)? as i64)
}

fn with_doc<T>(id: i64, cmd: &str, f: impl FnOnce(&mut std::fs::File) -> T) -> RtResult<T> {
    DOCS.with(|d| match d.borrow_mut().1.get_mut(&id) {
        Some(file) => Ok(f(file)),
        None => err(IO_ERR, format!("{}: invalid document reference", cmd)),
    })
}

fn close_document(_: &mut Interp, a: &mut Args) -> RtResult<Value> {
    let id = docref(a, "CLOSE DOCUMENT")?;
    DOCS.with(|d| d.borrow_mut().1.remove(&id));
    Ok(Value::Undefined)
}

// docs/commands-legacy/send-packet.md: a text (written as UTF-8) or a blob.
fn send_packet(_: &mut Interp, a: &mut Args) -> RtResult<Value> {
    let id = docref(a, "SEND PACKET")?;
    let data = match a.get(1) {
        Value::Blob(b) => b.to_vec(),
        v => crate::runtime::format::try_to_text(v)?.into_bytes(),
    };
    match with_doc(id, "SEND PACKET", |f| f.write_all(&data))? {
        Ok(()) => Ok(Value::Undefined),
        Err(e) => err(IO_ERR, format!("SEND PACKET: {}", e)),
    }
}

// docs/commands-legacy/receive-packet.md: reads up to a stop text or a number
// of characters; at the end of the document OK = 0.
fn receive_packet(it: &mut Interp, a: &mut Args) -> RtResult<Value> {
    let id = docref(a, "RECEIVE PACKET")?;
    let stop = a.get(2).clone();
    let (data, eof) = with_doc(id, "RECEIVE PACKET", |f| {
        let mut out = Vec::new();
        let mut byte = [0u8; 1];
        let mut eof = false;
        match &stop {
            Value::Text(s) => {
                let s = s.as_bytes();
                loop {
                    match f.read(&mut byte) {
                        Ok(1) => {
                            out.push(byte[0]);
                            if !s.is_empty() && out.ends_with(s) {
                                out.truncate(out.len() - s.len());
                                break;
                            }
                        }
                        _ => {
                            eof = true;
                            break;
                        }
                    }
                }
            }
            v => {
                let n = v.as_num().unwrap_or(0.0).max(0.0) as usize;
                let mut chars = 0;
                while chars < n {
                    match f.read(&mut byte) {
                        Ok(1) => {
                            out.push(byte[0]);
                            // count UTF-8 sequences as one character
                            if byte[0] & 0xC0 != 0x80 {
                                chars += 1;
                            }
                        }
                        _ => {
                            eof = true;
                            break;
                        }
                    }
                }
                // finish a partial UTF-8 sequence
                while std::str::from_utf8(&out).is_err() {
                    match f.read(&mut byte) {
                        Ok(1) => out.push(byte[0]),
                        _ => break,
                    }
                }
            }
        }
        (out, eof)
    })?;
    super::set_ok(it, if eof && data.is_empty() { 0 } else { 1 });
    if let Value::Pointer(p) = a.get(1).clone() {
        let v = match it.deref_raw(&p)? {
            Value::Blob(_) => Value::Blob(Rc::new(data)),
            _ => text(String::from_utf8_lossy(&data).into_owned()),
        };
        it.store_ptr(&p, v)?;
    }
    Ok(Value::Undefined)
}

fn delete_document(it: &mut Interp, a: &mut Args) -> RtResult<Value> {
    let p = resolve(it, &a.text(0, "DELETE DOCUMENT")?);
    match std::fs::remove_file(&p) {
        Ok(()) => Ok(Value::Undefined),
        Err(e) => io_err(e, "DELETE DOCUMENT", &p),
    }
}

// docs/commands-legacy/copy-document.md: `*` overwrites an existing target; a
// target ending with a separator is a folder (the name is kept).
fn copy_or_move(it: &mut Interp, a: &Args, cmd: &str, mv: bool) -> RtResult<Value> {
    let src = resolve(it, &a.text(0, cmd)?);
    let dst_text = a.text(1, cmd)?;
    let mut dst = resolve(it, &dst_text);
    if dst_text.ends_with(['/', '\\']) || dst.is_dir() {
        if let Some(n) = src.file_name() {
            dst = dst.join(n);
        }
    }
    if let Value::Text(n) = a.get(2) {
        dst = dst.parent().map(|p| p.join(n.as_str())).unwrap_or(dst);
    }
    if dst.exists() && !a.star && !mv {
        return err(EXISTS, format!("{}: {} already exists", cmd, dst.display()));
    }
    let r = if mv {
        std::fs::rename(&src, &dst)
    } else {
        std::fs::copy(&src, &dst).map(|_| ())
    };
    match r {
        Ok(()) => Ok(Value::Undefined),
        Err(e) => io_err(e, cmd, &src),
    }
}

fn copy_document(it: &mut Interp, a: &mut Args) -> RtResult<Value> {
    copy_or_move(it, a, "COPY DOCUMENT", false)
}

fn move_document(it: &mut Interp, a: &mut Args) -> RtResult<Value> {
    copy_or_move(it, a, "MOVE DOCUMENT", true)
}

// docs/commands-legacy/create-folder.md: creates the missing folders of the path;
// `*` creates the folders of a document path (up to its last separator).
fn create_folder(it: &mut Interp, a: &mut Args) -> RtResult<Value> {
    let t = a.text(0, "CREATE FOLDER")?;
    let t = if a.star {
        match t.rfind(['/', '\\']) {
            Some(i) => t[..i].to_string(),
            None => return Ok(Value::Undefined),
        }
    } else {
        t.to_string()
    };
    let p = resolve(it, &t);
    match std::fs::create_dir_all(&p) {
        Ok(()) => Ok(Value::Undefined),
        Err(e) => io_err(e, "CREATE FOLDER", &p),
    }
}

// docs/commands-legacy/delete-folder.md: Delete only if empty 0 (default),
// Delete with contents 1.
fn delete_folder(it: &mut Interp, a: &mut Args) -> RtResult<Value> {
    let p = resolve(it, &a.text(0, "DELETE FOLDER")?);
    let r = if a.opt_num(1, "DELETE FOLDER")?.unwrap_or(0.0) as i64 == 1 {
        std::fs::remove_dir_all(&p)
    } else {
        std::fs::remove_dir(&p)
    };
    match r {
        Ok(()) => Ok(Value::Undefined),
        Err(e) => io_err(e, "DELETE FOLDER", &p),
    }
}

fn list(it: &mut Interp, a: &Args, cmd: &str, dirs: bool) -> RtResult<Value> {
    let p = resolve(it, &a.text(0, cmd)?);
    let rd = match std::fs::read_dir(&p) {
        Ok(r) => r,
        Err(e) => return io_err(e, cmd, &p),
    };
    let mut names: Vec<String> = rd
        .flatten()
        .filter(|e| e.path().is_dir() == dirs)
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| !n.starts_with('.'))
        .collect();
    names.sort();
    let ptr = a.ptr(1, cmd)?;
    let arr = crate::runtime::interp::as_array(&it.deref_raw(&ptr)?)?;
    let mut ar = arr.borrow_mut();
    ar.elems.truncate(1);
    ar.elems.extend(names.into_iter().map(text));
    Ok(Value::Undefined)
}

// docs/commands-legacy/document-list.md: names sorted; invisible files skipped.
fn document_list(it: &mut Interp, a: &mut Args) -> RtResult<Value> {
    list(it, a, "DOCUMENT LIST", false)
}

fn folder_list(it: &mut Interp, a: &mut Args) -> RtResult<Value> {
    list(it, a, "FOLDER LIST", true)
}

fn get_document_size(it: &mut Interp, a: &mut Args) -> RtResult<Value> {
    if let Value::Time(id) = a.get(0) {
        let id = *id;
        let len = with_doc(id, "Get document size", |f| {
            f.metadata().map(|m| m.len()).unwrap_or(0)
        })?;
        return Ok(Value::Real(len as f64));
    }
    let p = resolve(it, &a.text(0, "Get document size")?);
    match std::fs::metadata(&p) {
        Ok(m) => Ok(Value::Real(m.len() as f64)),
        Err(e) => io_err(e, "Get document size", &p),
    }
}

fn document_to_blob(it: &mut Interp, a: &mut Args) -> RtResult<Value> {
    let p = resolve(it, &a.text(0, "DOCUMENT TO BLOB")?);
    let b = match std::fs::read(&p) {
        Ok(b) => b,
        Err(e) => {
            super::set_ok(it, 0);
            return io_err(e, "DOCUMENT TO BLOB", &p);
        }
    };
    let ptr = a.ptr(1, "DOCUMENT TO BLOB")?;
    it.store_ptr(&ptr, Value::Blob(Rc::new(b)))?;
    super::set_ok(it, 1);
    Ok(Value::Undefined)
}

fn blob_to_document(it: &mut Interp, a: &mut Args) -> RtResult<Value> {
    let p = resolve(it, &a.text(0, "BLOB TO DOCUMENT")?);
    let b = match a.get(1) {
        Value::Blob(b) => b.to_vec(),
        _ => Vec::new(),
    };
    match write_atomic(&p, &b) {
        Ok(()) => {
            super::set_ok(it, 1);
            Ok(Value::Undefined)
        }
        Err(e) => {
            super::set_ok(it, 0);
            io_err(e, "BLOB TO DOCUMENT", &p)
        }
    }
}
