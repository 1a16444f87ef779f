//! A fast hash for short keys (object property names, the parser's phrase table).

/// A fast, zero-sized hasher builder for short keys of fixed tables (the parser's
/// phrase table): the "Fx" hash of rustc, a multiply-rotate per 8 bytes, with a
/// fixed initial state.
pub type FxBuild = std::hash::BuildHasherDefault<FxHasher>;

/// The Fx hash with a per-process random initial state, for maps whose keys come
/// from outside (object properties: JSON parsed from a web request). Keys chosen
/// to collide cannot be computed ahead of time; this is a cheap guard, not a
/// cryptographic one. Zero-sized: the state is read from a process-wide seed.
#[derive(Default, Clone, Copy)]
pub struct SeededFxBuild;

impl std::hash::BuildHasher for SeededFxBuild {
    type Hasher = FxHasher;
    #[inline]
    fn build_hasher(&self) -> FxHasher {
        FxHasher {
            hash: process_seed(),
        }
    }
}

/// A random value drawn once per process (from the OS's random source, through
/// `uuid`).
fn process_seed() -> u64 {
    static SEED: std::sync::OnceLock<u64> = std::sync::OnceLock::new();
    *SEED.get_or_init(|| uuid::Uuid::new_v4().as_u64_pair().0)
}

#[derive(Default, Clone, Copy)]
pub struct FxHasher {
    hash: u64,
}

const FX_SEED: u64 = 0x51_7c_c1_b7_27_22_0a_95;

impl FxHasher {
    #[inline]
    fn add(&mut self, w: u64) {
        self.hash = (self.hash.rotate_left(5) ^ w).wrapping_mul(FX_SEED);
    }
}

impl std::hash::Hasher for FxHasher {
    #[inline]
    fn write(&mut self, bytes: &[u8]) {
        let mut b = bytes;
        while b.len() >= 8 {
            let mut w = [0u8; 8];
            w.copy_from_slice(&b[..8]);
            self.add(u64::from_le_bytes(w));
            b = &b[8..];
        }
        if b.len() >= 4 {
            let mut w = [0u8; 4];
            w.copy_from_slice(&b[..4]);
            self.add(u32::from_le_bytes(w) as u64);
            b = &b[4..];
        }
        for &x in b {
            self.add(x as u64);
        }
    }
    #[inline]
    fn write_u8(&mut self, i: u8) {
        self.add(i as u64);
    }
    #[inline]
    fn write_usize(&mut self, i: usize) {
        self.add(i as u64);
    }
    #[inline]
    fn finish(&self) -> u64 {
        self.hash.rotate_left(26)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::hash::BuildHasher;

    #[test]
    fn seeded_hash_differs_from_fixed_and_is_stable_in_a_process() {
        let fixed = FxBuild::default().hash_one("property");
        let seeded = SeededFxBuild.hash_one("property");
        assert_ne!(fixed, seeded);
        assert_eq!(seeded, SeededFxBuild.hash_one("property"));
    }
}
