#ifndef CLANES_H
#define CLANES_H

/// Sixteen floats, imported into Swift as `SIMD16<Float>`.
typedef float clanes_float16 __attribute__((ext_vector_type(16)));

/// The square root of each of sixteen floats in one vector instruction, correctly rounded as the
/// scalar one. Swift's `squareRoot()` on a SIMD vector takes the lanes one by one through a C
/// library call that may set errno, so it does not vectorize; this one has no errno to set.
static inline __attribute__((always_inline)) clanes_float16 clanes_sqrt16(clanes_float16 x) {
    return __builtin_elementwise_sqrt(x);
}

/// Asks the CPU to start loading the cache line at `address` (for reading) into the second-level
/// cache, without waiting for it: Swift has no way to say this itself. Not the first level: a
/// batch's lines fetched a step ahead would fill its few miss buffers and be pushed out again by
/// the step's own reads before they are used (bench/README.md).
static inline __attribute__((always_inline)) void clanes_prefetch(const void *address) {
    __builtin_prefetch(address, 0, 2);
}

#endif
