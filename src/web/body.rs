//! Answer bodies that are streamed instead of buffered whole (backpressure): a
//! file (static files, `WEB SEND FILE`) is read in 64 KB chunks by a blocking
//! task into a channel of 4 chunks, which the connection drains as the client
//! reads; a client that stops reading stops the reading of the file, so the
//! server holds at most ~320 KB per such answer whatever the file's size.

use bytes::Bytes;
use hyper::body::{Body, Frame, SizeHint};
use std::io::Read;
use std::pin::Pin;
use std::task::{Context, Poll};

pub type Boxed = http_body_util::combinators::BoxBody<Bytes, std::io::Error>;

const CHUNK: usize = 64 * 1024;

pub struct FileBody {
    rx: tokio::sync::mpsc::Receiver<std::io::Result<Bytes>>,
    len: u64,
}

impl Body for FileBody {
    type Data = Bytes;
    type Error = std::io::Error;

    fn poll_frame(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
    ) -> Poll<Option<Result<Frame<Bytes>, std::io::Error>>> {
        self.rx.poll_recv(cx).map(|o| o.map(|r| r.map(Frame::data)))
    }

    fn size_hint(&self) -> SizeHint {
        SizeHint::with_exact(self.len)
    }
}

/// A file's content as a streamed body (must be called inside the tokio runtime).
pub fn file(file: std::fs::File, len: u64) -> FileBody {
    let (tx, rx) = tokio::sync::mpsc::channel(4);
    tokio::task::spawn_blocking(move || {
        let mut f = file;
        let mut left = len;
        while left > 0 {
            let mut buf = vec![0u8; CHUNK.min(left as usize)];
            match f.read(&mut buf) {
                Ok(0) => break,
                Ok(n) => {
                    buf.truncate(n);
                    left -= n as u64;
                    if tx.blocking_send(Ok(Bytes::from(buf))).is_err() {
                        return; // the connection went away
                    }
                }
                Err(e) => {
                    let _ = tx.blocking_send(Err(e));
                    return;
                }
            }
        }
    });
    FileBody { rx, len }
}

pub fn full(b: Vec<u8>) -> Boxed {
    use http_body_util::BodyExt;
    http_body_util::Full::new(Bytes::from(b))
        .map_err(|never| match never {})
        .boxed()
}
