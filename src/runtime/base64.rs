//! Base64 and base64url, the one codec of the code base: `BASE64 ENCODE`/`DECODE`,
//! blobs in XML and JSON, HTTP Basic authentication.

const B64: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
const B64URL: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

/// Base64 (with `=` padding) or base64url (no padding).
pub fn encode(data: &[u8], url: bool) -> String {
    let tbl = if url { B64URL } else { B64 };
    let mut out = String::with_capacity(data.len().div_ceil(3) * 4);
    for ch in data.chunks(3) {
        let n = (ch[0] as u32) << 16
            | (*ch.get(1).unwrap_or(&0) as u32) << 8
            | *ch.get(2).unwrap_or(&0) as u32;
        for i in 0..4 {
            if i <= ch.len() {
                out.push(tbl[(n >> (18 - 6 * i) & 63) as usize] as char);
            } else if !url {
                out.push('=');
            }
        }
    }
    out
}

/// Decodes base64 or base64url (both alphabets accepted; padding optional;
/// other characters skipped).
pub fn decode(s: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(s.len() * 3 / 4);
    let (mut acc, mut bits) = (0u32, 0);
    for &c in s {
        let v = match c {
            b'A'..=b'Z' => c - b'A',
            b'a'..=b'z' => c - b'a' + 26,
            b'0'..=b'9' => c - b'0' + 52,
            b'+' | b'-' => 62,
            b'/' | b'_' => 63,
            b'=' => break,
            _ => continue,
        };
        acc = acc << 6 | v as u32;
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            out.push((acc >> bits) as u8);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_both_alphabets_and_skips_what_is_not_base64() {
        let data = b"fourd \xff\x00 base64?";
        assert_eq!(decode(encode(data, false).as_bytes()), data);
        assert_eq!(decode(encode(data, true).as_bytes()), data);
        assert_eq!(encode(b"ab", false), "YWI=");
        assert_eq!(encode(b"ab", true), "YWI");
        assert_eq!(decode(b"YW\nI="), b"ab");
    }
}
