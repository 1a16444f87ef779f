//! A fast hash for short keys (object property names, the parser's phrase table).

/// A fast, zero-sized hasher builder for short keys (property names, interned
/// keys): the "Fx" hash of rustc, a multiply-rotate per 8 bytes. Not resistant to
/// collision attacks (a fixed seed): used for object properties and fixed tables.
pub type FxBuild = std::hash::BuildHasherDefault<FxHasher>;

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
