//! Reading a CSV file as a stream of records: constant memory whatever the file's size, with
//! the same rules and exact line numbers as reading it whole ([`super::read`] is this reader
//! collected).

use std::io::{self, Read};
use std::sync::{Arc, Mutex, PoisonError};

use super::{detect_delimiter, restore, ColumnSpec, CsvRow, FileProblem};

/// The text encoding of a file's bytes (FORMATS.md: UTF-8 with or without BOM, else
/// Windows-1252).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Encoding {
    /// Every byte is valid UTF-8.
    Utf8,
    /// Anything else, read as Windows-1252 (never rejected).
    Windows1252,
}

impl Encoding {
    /// The encoding of everything `reader` gives, read once in chunks (constant memory).
    pub fn detect(mut reader: impl Read) -> io::Result<Encoding> {
        let mut buf = vec![0u8; 64 * 1024];
        let mut carried = 0;
        loop {
            let n = reader.read(&mut buf[carried..])?;
            if n == 0 {
                return Ok(if carried == 0 {
                    Encoding::Utf8
                } else {
                    Encoding::Windows1252
                });
            }
            let filled = carried + n;
            match std::str::from_utf8(&buf[..filled]) {
                Ok(_) => carried = 0,
                // A character cut by the chunk's end: keep its first bytes for the next read.
                Err(e) if e.error_len().is_none() => {
                    let valid = e.valid_up_to();
                    buf.copy_within(valid..filled, 0);
                    carried = filled - valid;
                }
                Err(_) => return Ok(Encoding::Windows1252),
            }
        }
    }

    /// The text of `bytes` (a field, or a whole file): as UTF-8 when they are valid UTF-8 and
    /// this is [`Encoding::Utf8`], else as Windows-1252.
    pub(super) fn decode(self, bytes: &[u8]) -> String {
        match (self, std::str::from_utf8(bytes)) {
            (Encoding::Utf8, Ok(text)) => text.to_owned(),
            _ => encoding_rs::WINDOWS_1252
                .decode_without_bom_handling(bytes)
                .0
                .into_owned(),
        }
    }
}

/// The bytes the CSV reader has taken from the file and not yet counted for line numbers.
#[derive(Debug, Default)]
struct Seen {
    /// Bytes from offset `base` on.
    bytes: Vec<u8>,
    base: usize,
    /// Counted up to this offset…
    offset: usize,
    /// …which lies on this physical line.
    line: usize,
}

impl Seen {
    fn byte(&self, offset: usize) -> Option<u8> {
        offset
            .checked_sub(self.base)
            .and_then(|i| self.bytes.get(i))
            .copied()
    }

    /// The line of the first non-line-break byte at or after `offset` (offsets must not
    /// decrease between calls). `\n`, `\r\n` and a lone `\r` each end a line.
    fn line_at(&mut self, offset: usize) -> usize {
        let mut target = offset;
        while matches!(self.byte(target), Some(b'\r' | b'\n')) {
            target += 1;
        }
        while self.offset < target {
            match self.byte(self.offset) {
                Some(b'\n') => self.line += 1,
                Some(b'\r') if self.byte(self.offset + 1) != Some(b'\n') => self.line += 1,
                None => break,
                _ => {}
            }
            self.offset += 1;
        }
        // Forget what is counted, in large steps (not a shift per record).
        let counted = self.offset.saturating_sub(self.base);
        if counted > 64 * 1024 {
            self.bytes.drain(..counted.min(self.bytes.len()));
            self.base += counted;
        }
        self.line
    }
}

/// The file as the CSV reader reads it, keeping a copy of each byte for the line count.
struct Tee<R> {
    inner: R,
    seen: Arc<Mutex<Seen>>,
}

impl<R: Read> Read for Tee<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.seen
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .bytes
            .extend_from_slice(&buf[..n]);
        Ok(n)
    }
}

/// A CSV file read record by record: the header is checked on [`Rows::open`], then each
/// item is a data record (completely empty ones skipped) or the problem of a malformed one.
pub struct Rows<R: Read> {
    reader: csv::Reader<Tee<io::Chain<io::Cursor<Vec<u8>>, R>>>,
    seen: Arc<Mutex<Seen>>,
    columns: Arc<[String]>,
    encoding: Encoding,
    record: csv::ByteRecord,
}

impl<R: Read> std::fmt::Debug for Rows<R> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Rows")
            .field("columns", &self.columns)
            .field("encoding", &self.encoding)
            .finish_non_exhaustive()
    }
}

/// Reads from `reader` up to and including the first line (ended by `\n` or `\r`) that is not
/// blank, after an optional UTF-8 byte-order mark (dropped). Returns the bytes read and that
/// line (empty when the file has none).
fn first_line(reader: &mut impl Read, encoding: Encoding) -> io::Result<(Vec<u8>, String)> {
    let mut read = Vec::new();
    let mut line_start = 0;
    let mut byte = [0u8; 1];
    let mut at_start = true;
    loop {
        let n = reader.read(&mut byte)?;
        if n == 1 {
            read.push(byte[0]);
            if at_start && read.len() == 3 {
                at_start = false;
                if read == b"\xEF\xBB\xBF" {
                    read.clear();
                }
            }
        }
        let ended = n == 0 || matches!(byte[0], b'\n' | b'\r');
        if ended {
            let line = encoding.decode(&read[line_start..]);
            if !line.trim().is_empty() || n == 0 {
                return Ok((read, line));
            }
            line_start = read.len();
        }
    }
}

impl<R: Read> Rows<R> {
    /// Opens the file `reader` (bytes in `encoding`) against `spec`. Refuses the file when the
    /// header is missing, has a blank, duplicate or unknown column name, or lacks a required
    /// column (one problem).
    pub fn open(
        mut reader: R,
        encoding: Encoding,
        spec: &ColumnSpec,
    ) -> Result<Self, Vec<FileProblem>> {
        let io_problem = |e: io::Error| {
            vec![FileProblem::BadRecord {
                line: 1,
                detail: e.to_string(),
            }]
        };
        let (prefix, header_line) = first_line(&mut reader, encoding).map_err(io_problem)?;
        if header_line.trim().is_empty() {
            return Err(vec![FileProblem::Empty]);
        }
        let seen = Arc::new(Mutex::new(Seen {
            line: 1,
            ..Seen::default()
        }));
        let tee = Tee {
            inner: io::Cursor::new(prefix).chain(reader),
            seen: Arc::clone(&seen),
        };
        let reader = csv::ReaderBuilder::new()
            .delimiter(detect_delimiter(&header_line))
            .has_headers(false)
            .flexible(true)
            .from_reader(tee);
        let mut rows = Rows {
            reader,
            seen,
            columns: Arc::from(Vec::new()),
            encoding,
            record: csv::ByteRecord::new(),
        };
        let headers: Vec<String> = loop {
            match rows.next_fields() {
                None => return Err(vec![FileProblem::Empty]),
                Some(Err(problem)) => return Err(vec![problem]),
                Some(Ok(fields)) if fields.iter().all(|f| f.trim().is_empty()) => continue,
                Some(Ok(fields)) => break fields.iter().map(|h| h.trim().to_owned()).collect(),
            }
        };
        check_header(&headers, spec)?;
        rows.columns = headers.into();
        Ok(rows)
    }

    /// The column names, trimmed, in file order.
    pub fn headers(&self) -> &[String] {
        &self.columns
    }

    /// The next record's fields, decoded, or the problem of a record that cannot be read.
    fn next_fields(&mut self) -> Option<Result<Vec<String>, FileProblem>> {
        match self.reader.read_byte_record(&mut self.record) {
            Ok(false) => None,
            Ok(true) => Some(Ok(self
                .record
                .iter()
                .map(|f| self.encoding.decode(f))
                .collect())),
            Err(error) => {
                let offset = error.position().map_or(0, csv::Position::byte);
                Some(Err(FileProblem::BadRecord {
                    line: self.line_at(offset),
                    detail: error.to_string(),
                }))
            }
        }
    }

    fn line_at(&self, offset: u64) -> usize {
        self.seen
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .line_at(usize::try_from(offset).unwrap_or(usize::MAX))
    }
}

/// The header rules of [`Rows::open`].
fn check_header(headers: &[String], spec: &ColumnSpec) -> Result<(), Vec<FileProblem>> {
    for (i, name) in headers.iter().enumerate() {
        if name.is_empty() {
            return Err(vec![FileProblem::BlankColumnName { position: i + 1 }]);
        }
        if headers[..i].contains(name) {
            return Err(vec![FileProblem::DuplicateColumn {
                column: name.clone(),
            }]);
        }
    }
    if let Some(unknown) = headers.iter().find(|h| !spec.knows(h)) {
        return Err(vec![FileProblem::UnknownColumn {
            column: unknown.clone(),
            allowed: spec.allowed(),
        }]);
    }
    if let Some(missing) = spec
        .required
        .iter()
        .find(|r| !headers.iter().any(|h| h == *r))
    {
        return Err(vec![FileProblem::MissingColumn {
            column: (*missing).to_owned(),
        }]);
    }
    Ok(())
}

impl<R: Read> Iterator for Rows<R> {
    type Item = Result<CsvRow, FileProblem>;

    /// The next data record, skipping completely empty ones; a record with the wrong number of
    /// fields is a [`FileProblem::WrongFieldCount`].
    fn next(&mut self) -> Option<Self::Item> {
        loop {
            let fields = match self.next_fields()? {
                Ok(fields) => fields,
                Err(problem) => return Some(Err(problem)),
            };
            if fields.iter().all(|f| f.trim().is_empty()) {
                continue;
            }
            let offset = self.record.position().map_or(0, csv::Position::byte);
            let line = self.line_at(offset);
            if fields.len() != self.columns.len() {
                return Some(Err(FileProblem::WrongFieldCount {
                    line,
                    expected: self.columns.len(),
                    found: fields.len(),
                }));
            }
            return Some(Ok(CsvRow {
                line,
                columns: Arc::clone(&self.columns),
                fields: fields
                    .into_iter()
                    .map(|f| match restore(&f) {
                        restored if restored.len() == f.len() => f,
                        restored => restored.to_owned(),
                    })
                    .collect(),
            }));
        }
    }
}
