//! Output files: JSONL, gzip or zstd, written under a temporary name and
//! renamed into place only once complete, so an interrupted run never
//! leaves a half-written output under the final name.

use std::fs::{self, File};
use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};

/// Output compression.
#[derive(clap::ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum Compress {
    /// Plain JSONL.
    None,
    /// gzip (`.jsonl.gz`).
    Gzip,
    /// zstd (`.jsonl.zst`).
    Zstd,
}

impl Compress {
    /// The compression a file name asks for.
    pub fn from_path(path: &Path) -> Compress {
        match path.extension().and_then(|e| e.to_str()) {
            Some("gz") => Compress::Gzip,
            Some("zst" | "zstd") => Compress::Zstd,
            _ => Compress::None,
        }
    }

    /// The file name extension of an output shard.
    pub fn extension(self) -> &'static str {
        match self {
            Compress::None => "jsonl",
            Compress::Gzip => "jsonl.gz",
            Compress::Zstd => "jsonl.zst",
        }
    }
}

enum Encoder {
    Plain(BufWriter<Box<dyn Write + Send>>),
    Gzip(flate2::write::GzEncoder<BufWriter<Box<dyn Write + Send>>>),
    Zstd(zstd::stream::write::Encoder<'static, BufWriter<Box<dyn Write + Send>>>),
}

/// An output being written.
pub struct Output {
    encoder: Option<Encoder>,
    /// The file, to sync it before the rename; none for stdout.
    file: Option<File>,
    /// Temporary and final names; none for stdout.
    names: Option<(PathBuf, PathBuf)>,
}

/// The temporary name of `dest`: hidden, beside it, so the rename stays on
/// one file system.
pub fn partial_name(dest: &Path) -> PathBuf {
    let name = dest
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    dest.with_file_name(format!(".{name}.partial"))
}

impl Output {
    /// Starts writing `dest` (under its temporary name).
    pub fn create(dest: &Path, compress: Compress) -> io::Result<Output> {
        let tmp = partial_name(dest);
        let file = File::create(&tmp)?;
        let sync = file.try_clone()?;
        let mut out = Output::over(Box::new(file), compress)?;
        out.file = Some(sync);
        out.names = Some((tmp, dest.to_path_buf()));
        Ok(out)
    }

    /// Writes to standard output.
    pub fn stdout(compress: Compress) -> io::Result<Output> {
        Output::over(Box::new(io::stdout()), compress)
    }

    fn over(inner: Box<dyn Write + Send>, compress: Compress) -> io::Result<Output> {
        let w = BufWriter::with_capacity(1 << 20, inner);
        let encoder = match compress {
            Compress::None => Encoder::Plain(w),
            // GzBuilder leaves the header's mtime at 0: outputs stay
            // byte-identical from run to run.
            Compress::Gzip => Encoder::Gzip(flate2::GzBuilder::new().write(w, Default::default())),
            Compress::Zstd => Encoder::Zstd(zstd::stream::write::Encoder::new(w, 3)?),
        };
        Ok(Output {
            encoder: Some(encoder),
            file: None,
            names: None,
        })
    }

    /// Writes bytes.
    pub fn write_all(&mut self, bytes: &[u8]) -> io::Result<()> {
        match self.encoder.as_mut() {
            Some(Encoder::Plain(w)) => w.write_all(bytes),
            Some(Encoder::Gzip(w)) => w.write_all(bytes),
            Some(Encoder::Zstd(w)) => w.write_all(bytes),
            None => Err(io::Error::other("output already finished")),
        }
    }

    /// Finishes the stream, syncs it to disk and renames it into place.
    pub fn finish(mut self) -> io::Result<()> {
        let mut w = match self.encoder.take() {
            Some(Encoder::Plain(w)) => w,
            Some(Encoder::Gzip(w)) => w.finish()?,
            Some(Encoder::Zstd(w)) => w.finish()?,
            None => return Ok(()),
        };
        w.flush()?;
        drop(w);
        if let Some(f) = &self.file {
            f.sync_all()?;
        }
        if let Some((tmp, dest)) = self.names.take()
            && let Err(e) = fs::rename(&tmp, &dest)
        {
            let _ = fs::remove_file(&tmp);
            return Err(e);
        }
        Ok(())
    }
}

impl Drop for Output {
    fn drop(&mut self) {
        // Not finished (an error stopped the run): leave no partial file.
        if let Some((tmp, _)) = &self.names {
            self.encoder = None;
            let _ = fs::remove_file(tmp);
        }
    }
}
