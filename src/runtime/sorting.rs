//! The one sort of fourd for values compared by 4D rules or by 4D code (a
//! `.sort()` formula, `SORT ARRAY`, `ORDER BY`): a stable bottom-up merge sort
//! that tolerates comparators that are not a total order. The standard library's
//! sort may panic on such a comparator ("does not correctly implement a total
//! order"); this one always ends with a permutation of the input (in some order
//! the comparator's answers allow), after O(n log n) comparisons.

use std::cmp::Ordering;

/// Sorts `v` stably by `cmp`, whatever `cmp` answers.
pub fn sort_by<T>(v: &mut Vec<T>, mut cmp: impl FnMut(&T, &T) -> Ordering) {
    let n = v.len();
    if n < 2 {
        return;
    }
    let mut idx: Vec<usize> = (0..n).collect();
    let mut buf: Vec<usize> = vec![0; n];
    let mut width = 1;
    while width < n {
        let mut start = 0;
        while start < n {
            let mid = (start + width).min(n);
            let end = (start + 2 * width).min(n);
            let (mut a, mut b, mut k) = (start, mid, start);
            while a < mid && b < end {
                // the right element goes first only when strictly less: stable
                if cmp(&v[idx[b]], &v[idx[a]]) == Ordering::Less {
                    buf[k] = idx[b];
                    b += 1;
                } else {
                    buf[k] = idx[a];
                    a += 1;
                }
                k += 1;
            }
            buf[k..k + (mid - a)].copy_from_slice(&idx[a..mid]);
            k += mid - a;
            buf[k..k + (end - b)].copy_from_slice(&idx[b..end]);
            start = end;
        }
        std::mem::swap(&mut idx, &mut buf);
        width *= 2;
    }
    // idx is a permutation of 0..n (each merge moves every index exactly once)
    let mut slots: Vec<Option<T>> = v.drain(..).map(Some).collect();
    v.extend(idx.iter().filter_map(|&i| slots[i].take()));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sorts_stably() {
        let mut v: Vec<(i32, i32)> = (0..50).map(|i| ((i * 7) % 5, i)).collect();
        sort_by(&mut v, |a, b| a.0.cmp(&b.0));
        assert!(v
            .windows(2)
            .all(|w| w[0].0 < w[1].0 || (w[0].0 == w[1].0 && w[0].1 < w[1].1)));
    }

    #[test]
    fn any_comparator_gives_a_permutation() {
        let mut seed = 12345u64;
        for n in [0, 1, 2, 3, 17, 64, 1000] {
            let mut v: Vec<usize> = (0..n).collect();
            sort_by(&mut v, |_, _| {
                seed = seed
                    .wrapping_mul(6364136223846793005)
                    .wrapping_add(1442695040888963407);
                match seed >> 62 {
                    0 => Ordering::Less,
                    1 => Ordering::Greater,
                    _ => Ordering::Equal,
                }
            });
            let mut s = v.clone();
            s.sort();
            assert_eq!(s, (0..n).collect::<Vec<_>>());
        }
    }
}
