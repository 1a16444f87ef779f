//! A small blocking HTTP/1.1 client for `HTTP Request` / `HTTP Get`: plain `http://`
//! only (no TLS), one connection per request (`Connection: close`), bodies with
//! `Content-Length`, chunked or read to the end, redirects followed per
//! `HTTP SET OPTION`.

use super::HttpClientOptions;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::{TcpStream, ToSocketAddrs};
use std::time::Duration;

#[derive(Debug, Default, Clone)]
pub struct ClientResponse {
    pub status: u16,
    pub headers: Vec<(String, String)>,
    pub body: Vec<u8>,
}

impl ClientResponse {
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }
    /// Every value of a header (e.g. `Set-Cookie`).
    pub fn headers_named(&self, name: &str) -> Vec<&str> {
        self.headers
            .iter()
            .filter(|(k, _)| k.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
            .collect()
    }
    pub fn text(&self) -> String {
        String::from_utf8_lossy(&self.body).into_owned()
    }
}

/// Sends a request; follows redirects when the options say so.
pub fn request(
    method: &str,
    url: &str,
    headers: &[(String, String)],
    body: &[u8],
    opts: &HttpClientOptions,
) -> Result<ClientResponse, String> {
    let mut url = url.to_string();
    let mut method = method.to_string();
    let mut body = body.to_vec();
    let mut redirects = 0;
    loop {
        let r = once(&method, &url, headers, &body, opts, None)?;
        if opts.follow_redirect
            && matches!(r.status, 301 | 302 | 303 | 307 | 308)
            && redirects < opts.max_redirect
        {
            if let Some(loc) = r.header("location") {
                url = join_url(&url, loc);
                if r.status == 303
                    || ((r.status == 301 || r.status == 302) && method != "GET" && method != "HEAD")
                {
                    method = "GET".into();
                    body.clear();
                }
                redirects += 1;
                continue;
            }
        }
        return Ok(r);
    }
}

fn join_url(base: &str, loc: &str) -> String {
    if loc.starts_with("http://") || loc.starts_with("https://") {
        return loc.to_string();
    }
    let (scheme_host, _) = split_url(base).map(|(h, p, _)| (h, p)).unwrap_or_default();
    if loc.starts_with('/') {
        format!("http://{}{}", scheme_host, loc)
    } else {
        format!("http://{}/{}", scheme_host, loc)
    }
}

/// (host:port, path, port)
fn split_url(url: &str) -> Option<(String, String, u16)> {
    let rest = url.strip_prefix("http://")?;
    let (hostport, path) = match rest.find('/') {
        Some(i) => (&rest[..i], &rest[i..]),
        None => (rest, "/"),
    };
    let port = match hostport.rsplit_once(':') {
        Some((_, p)) if !hostport.ends_with(']') => p.parse().ok()?,
        _ => 80,
    };
    Some((hostport.to_string(), path.to_string(), port))
}

/// One exchange; `local` binds the client socket (tests of IP validation).
pub fn once(
    method: &str,
    url: &str,
    headers: &[(String, String)],
    body: &[u8],
    opts: &HttpClientOptions,
    local: Option<std::net::IpAddr>,
) -> Result<ClientResponse, String> {
    if url.starts_with("https://") {
        return Err("HTTPS is not supported by fourd's HTTP client".into());
    }
    let (hostport, path, port) = split_url(url).ok_or_else(|| format!("invalid URL: {}", url))?;
    let host = hostport
        .rsplit_once(':')
        .filter(|_| !hostport.ends_with(']'))
        .map(|(h, _)| h)
        .unwrap_or(&hostport)
        .trim_matches(|c| c == '[' || c == ']');
    let timeout = Duration::from_secs_f64(opts.timeout_s.max(0.001));
    let addr = (host, port)
        .to_socket_addrs()
        .map_err(|e| format!("{}: {}", host, e))?
        .next()
        .ok_or_else(|| format!("{}: no address", host))?;
    let mut stream = match local {
        None => {
            TcpStream::connect_timeout(&addr, timeout).map_err(|e| format!("{}: {}", url, e))?
        }
        Some(ip) => {
            let sock = socket_bound(ip, addr).map_err(|e| format!("{}: {}", url, e))?;
            sock
        }
    };
    stream.set_read_timeout(Some(timeout)).ok();
    stream.set_write_timeout(Some(timeout)).ok();
    let mut head = format!(
        "{} {} HTTP/1.1\r\nHost: {}\r\nConnection: close\r\n",
        method, path, hostport
    );
    let mut has_len = false;
    for (k, v) in headers {
        if k.eq_ignore_ascii_case("host") || k.eq_ignore_ascii_case("connection") {
            continue;
        }
        has_len |= k.eq_ignore_ascii_case("content-length");
        head.push_str(&format!("{}: {}\r\n", k, v));
    }
    if !has_len && (!body.is_empty() || matches!(method, "POST" | "PUT" | "PATCH")) {
        head.push_str(&format!("Content-Length: {}\r\n", body.len()));
    }
    head.push_str("\r\n");
    stream
        .write_all(head.as_bytes())
        .map_err(|e| e.to_string())?;
    stream.write_all(body).map_err(|e| e.to_string())?;
    read_response(stream, method == "HEAD")
}

fn socket_bound(ip: std::net::IpAddr, to: std::net::SocketAddr) -> std::io::Result<TcpStream> {
    // std has no bind-before-connect; a tokio socket does it and converts back
    let rt = tokio::runtime::Builder::new_current_thread()
        .enable_io()
        .build()?;
    rt.block_on(async {
        let s = if ip.is_ipv4() {
            tokio::net::TcpSocket::new_v4()?
        } else {
            tokio::net::TcpSocket::new_v6()?
        };
        s.bind(std::net::SocketAddr::new(ip, 0))?;
        let st = s.connect(to).await?;
        let st = st.into_std()?;
        st.set_nonblocking(false)?;
        Ok(st)
    })
}

fn read_response(stream: TcpStream, head_only: bool) -> Result<ClientResponse, String> {
    let mut r = BufReader::new(stream);
    let mut line = String::new();
    r.read_line(&mut line).map_err(|e| e.to_string())?;
    let status: u16 = line
        .split_whitespace()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .ok_or_else(|| format!("invalid HTTP response: {:?}", line.trim_end()))?;
    let mut headers = Vec::new();
    loop {
        let mut l = String::new();
        if r.read_line(&mut l).map_err(|e| e.to_string())? == 0 {
            break;
        }
        let l = l.trim_end_matches(['\r', '\n']);
        if l.is_empty() {
            break;
        }
        if let Some((k, v)) = l.split_once(':') {
            headers.push((k.trim().to_string(), v.trim().to_string()));
        }
    }
    let mut resp = ClientResponse {
        status,
        headers,
        body: Vec::new(),
    };
    if head_only || status == 204 || status == 304 {
        return Ok(resp);
    }
    let chunked = resp
        .header("transfer-encoding")
        .is_some_and(|v| v.to_ascii_lowercase().contains("chunked"));
    if chunked {
        loop {
            let mut size = String::new();
            r.read_line(&mut size).map_err(|e| e.to_string())?;
            let n = usize::from_str_radix(size.trim().split(';').next().unwrap_or("0"), 16)
                .unwrap_or(0);
            if n == 0 {
                break;
            }
            let mut buf = vec![0; n];
            r.read_exact(&mut buf).map_err(|e| e.to_string())?;
            resp.body.extend_from_slice(&buf);
            let mut crlf = String::new();
            r.read_line(&mut crlf).map_err(|e| e.to_string())?;
        }
    } else if let Some(n) = resp
        .header("content-length")
        .and_then(|v| v.parse::<usize>().ok())
    {
        let mut buf = vec![0; n];
        r.read_exact(&mut buf).map_err(|e| e.to_string())?;
        resp.body = buf;
    } else {
        r.read_to_end(&mut resp.body).map_err(|e| e.to_string())?;
    }
    Ok(resp)
}
