// The first layer's two products on real MNIST batches, written plainly in C with AVX-512 intrinsics,
// to tell how far the engine's Swift products (Sources/TrainKit/Numerics/SparseRows.swift) are from
// what this CPU does with the same algorithm, and what the cache costs them.
//
//   cc -O2 -march=native bench/kernels/sparse-products.c -o sparse-products
//   taskset -c 0 ./sparse-products PATH/train-images-idx3-ubyte
//
// Each line is nanoseconds per nonzero entry (best of 5 passes over the 60,000 digits), the ratio
// to the first line, and the loop. Needs a CPU with AVX-512F.
#include <immintrin.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

enum { ROWS = 60000, WIDTH = 784, UNITS = 50, BATCH = 32 };

static double now(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return t.tv_sec + t.tv_nsec * 1e-9;
}

// One row of 50 sums: three 16-wide vectors and a 4-wide piece ending at column 50 (its first two
// columns overlap the third vector and get the same sums), as SparseRows.accumulate keeps them.
typedef struct {
    __m512 s0, s1, s2;
    __m128 s3;
} Sums;

static inline Sums zero(void) { return (Sums){_mm512_setzero_ps(), _mm512_setzero_ps(), _mm512_setzero_ps(), _mm_setzero_ps()}; }

// sums + value · row
static inline Sums add(Sums sums, float value, const float *row) {
    __m512 v = _mm512_set1_ps(value);
    sums.s0 = _mm512_fmadd_ps(v, _mm512_loadu_ps(row), sums.s0);
    sums.s1 = _mm512_fmadd_ps(v, _mm512_loadu_ps(row + 16), sums.s1);
    sums.s2 = _mm512_fmadd_ps(v, _mm512_loadu_ps(row + 32), sums.s2);
    sums.s3 = _mm_fmadd_ps(_mm512_castps512_ps128(v), _mm_loadu_ps(row + 46), sums.s3);
    return sums;
}

// out = a + b
static inline void store(float *out, Sums a, Sums b) {
    _mm512_storeu_ps(out, _mm512_add_ps(a.s0, b.s0));
    _mm512_storeu_ps(out + 16, _mm512_add_ps(a.s1, b.s1));
    _mm512_storeu_ps(out + 32, _mm512_add_ps(a.s2, b.s2));
    _mm_storeu_ps(out + 46, _mm_add_ps(a.s3, b.s3));
}

static int *rowStart, *columns;
static float *values;
static long entries;

// x · W for every digit in order: one row of sums in registers, entries two at a time into two sets
// of sums (even and odd entries), as SparseRows.accumulate does. `mask`
// folds the columns onto the first mask + 1 kernel rows (a kernel that fits the first-level cache);
// `stride` is the distance between kernel rows (50, or 64 for rows padded to whole cache lines).
static void forward(const float *w, int stride, int mask, float *out) {
    for (int i = 0; i < ROWS; i++) {
        Sums even = zero(), odd = zero();
        int p = rowStart[i], end = rowStart[i + 1];
        for (; p + 1 < end; p += 2) {
            even = add(even, values[p], w + (columns[p] & mask) * stride);
            odd = add(odd, values[p + 1], w + (columns[p + 1] & mask) * stride);
        }
        if (p < end) even = add(even, values[p], w + (columns[p] & mask) * stride);
        store(out + (i % BATCH) * UNITS, even, odd);
    }
}

// x · W for two kernels in one pass over the entries, as two models trained on the same batch could
// share it: each entry's column and value are read once.
static void forwardPair(const float *w, const float *w2, float *out, float *out2) {
    for (int i = 0; i < ROWS; i++) {
        Sums even = zero(), odd = zero(), even2 = zero(), odd2 = zero();
        int p = rowStart[i], end = rowStart[i + 1];
        for (; p + 1 < end; p += 2) {
            even = add(even, values[p], w + columns[p] * UNITS);
            odd = add(odd, values[p + 1], w + columns[p + 1] * UNITS);
            even2 = add(even2, values[p], w2 + columns[p] * UNITS);
            odd2 = add(odd2, values[p + 1], w2 + columns[p + 1] * UNITS);
        }
        if (p < end) {
            even = add(even, values[p], w + columns[p] * UNITS);
            even2 = add(even2, values[p], w2 + columns[p] * UNITS);
        }
        store(out + (i % BATCH) * UNITS, even, odd);
        store(out2 + (i % BATCH) * UNITS, even2, odd2);
    }
}

// Each batch of 32 shuffled digits sorted by column (made beforehand, outside the time).
static int *columnStart, *rowOfEntry;
static float *valueByColumn;

// xᵀ · δ per batch: one column's sums in registers, over its entries (about 6 per column, 784 columns);
// `oneColumn` runs each batch's entries as a single long column instead, which leaves out the
// per-column work (starting, ending, storing a row of sums).
static void backward(const float *delta, float *gradient, int oneColumn) {
    for (int b = 0; b < ROWS / BATCH; b++) {
        const int *start = columnStart + b * (WIDTH + 1);
        for (int c = 0; c < WIDTH; c++) {
            int p = start[c], end = start[c + 1];
            if (oneColumn) {
                if (c > 0) break;
                end = start[WIDTH];
            }
            Sums even = zero(), odd = zero();
            for (; p + 1 < end; p += 2) {
                even = add(even, valueByColumn[p], delta + rowOfEntry[p] * UNITS);
                odd = add(odd, valueByColumn[p + 1], delta + rowOfEntry[p + 1] * UNITS);
            }
            if (p < end) even = add(even, valueByColumn[p], delta + rowOfEntry[p] * UNITS);
            store(gradient + c * UNITS, even, odd);
        }
    }
}

// xᵀ · δ for two models' δ in one pass over each column's entries.
static void backwardPair(const float *delta, const float *delta2, float *gradient, float *gradient2) {
    for (int b = 0; b < ROWS / BATCH; b++) {
        const int *start = columnStart + b * (WIDTH + 1);
        for (int c = 0; c < WIDTH; c++) {
            int p = start[c], end = start[c + 1];
            Sums even = zero(), odd = zero(), even2 = zero(), odd2 = zero();
            for (; p + 1 < end; p += 2) {
                even = add(even, valueByColumn[p], delta + rowOfEntry[p] * UNITS);
                odd = add(odd, valueByColumn[p + 1], delta + rowOfEntry[p + 1] * UNITS);
                even2 = add(even2, valueByColumn[p], delta2 + rowOfEntry[p] * UNITS);
                odd2 = add(odd2, valueByColumn[p + 1], delta2 + rowOfEntry[p + 1] * UNITS);
            }
            if (p < end) {
                even = add(even, valueByColumn[p], delta + rowOfEntry[p] * UNITS);
                even2 = add(even2, valueByColumn[p], delta2 + rowOfEntry[p] * UNITS);
            }
            store(gradient + c * UNITS, even, odd);
            store(gradient2 + c * UNITS, even2, odd2);
        }
    }
}

static double best;

static void report(const char *what, double seconds) {
    double perEntry = seconds / entries * 1e9;
    if (best == 0) best = perEntry;
    printf("%6.2f ns/entry  %.2f  %s\n", perEntry, perEntry / best, what);
}

#define TIME(what, call)                                   \
    do {                                                   \
        double fastest = 1e9;                              \
        for (int pass = 0; pass < 5; pass++) {             \
            double t = now();                              \
            call;                                          \
            t = now() - t;                                 \
            if (t < fastest) fastest = t;                  \
        }                                                  \
        report(what, fastest);                             \
    } while (0)

int main(int argc, char **argv) {
    if (argc != 2) {
        fprintf(stderr, "usage: %s PATH/train-images-idx3-ubyte\n", argv[0]);
        return 2;
    }
    FILE *file = fopen(argv[1], "rb");
    unsigned char *pixels = malloc((size_t)ROWS * WIDTH);
    if (!file || fseek(file, 16, SEEK_SET) != 0 || fread(pixels, 1, (size_t)ROWS * WIDTH, file) != (size_t)ROWS * WIDTH) {
        fprintf(stderr, "cannot read %s (the MNIST training images: trainbook datasets fetch)\n", argv[1]);
        return 1;
    }
    rowStart = malloc((ROWS + 1) * sizeof(int));
    columns = malloc((size_t)ROWS * WIDTH * sizeof(int));
    values = malloc((size_t)ROWS * WIDTH * sizeof(float));
    for (int i = 0; i < ROWS; i++) {
        rowStart[i] = (int)entries;
        for (int j = 0; j < WIDTH; j++)
            if (pixels[i * WIDTH + j]) {
                columns[entries] = j;
                values[entries++] = pixels[i * WIDTH + j] / 255.0f;
            }
    }
    rowStart[ROWS] = (int)entries;

    // Batches of 32 shuffled digits, each sorted by column (stable), as SparseRows.indexByColumn does.
    int *order = malloc(ROWS * sizeof(int));
    for (int i = 0; i < ROWS; i++) order[i] = i;
    srand(1);
    for (int i = ROWS - 1; i > 0; i--) {
        int j = rand() % (i + 1), t = order[i];
        order[i] = order[j];
        order[j] = t;
    }
    columnStart = malloc((size_t)(ROWS / BATCH) * (WIDTH + 1) * sizeof(int));
    rowOfEntry = malloc(entries * sizeof(int));
    valueByColumn = malloc(entries * sizeof(float));
    int slot = 0;
    for (int b = 0; b < ROWS / BATCH; b++) {
        int *start = columnStart + b * (WIDTH + 1), count[WIDTH] = {0}, next[WIDTH];
        for (int r = 0; r < BATCH; r++)
            for (int p = rowStart[order[b * BATCH + r]]; p < rowStart[order[b * BATCH + r] + 1]; p++) count[columns[p]]++;
        start[0] = slot;
        for (int c = 0; c < WIDTH; c++) start[c + 1] = start[c] + count[c];
        memcpy(next, start, sizeof next);
        for (int r = 0; r < BATCH; r++)
            for (int p = rowStart[order[b * BATCH + r]]; p < rowStart[order[b * BATCH + r] + 1]; p++) {
                int c = columns[p];
                rowOfEntry[next[c]] = r;
                valueByColumn[next[c]++] = values[p];
            }
        slot = start[WIDTH];
    }

    float *kernel = aligned_alloc(64, WIDTH * 64 * sizeof(float));
    float *output = aligned_alloc(64, BATCH * UNITS * sizeof(float) + 64);
    float *delta = aligned_alloc(64, BATCH * UNITS * sizeof(float) + 64);
    float *gradient = aligned_alloc(64, WIDTH * UNITS * sizeof(float) + 64);
    for (int i = 0; i < WIDTH * 64; i++) kernel[i] = rand() / (float)RAND_MAX - 0.5f;
    for (int i = 0; i < BATCH * UNITS; i++) delta[i] = rand() / (float)RAND_MAX - 0.5f;

    printf("%ld nonzero entries in %d digits (%.1f %% of the pixels)\n", entries, ROWS, 100.0 * entries / ((double)ROWS * WIDTH));
    TIME("x · W, the 784 × 50 kernel (157 KB: second-level cache)", forward(kernel, UNITS, 1023, output));
    TIME("x · W, columns folded onto 64 kernel rows (13 KB: first level)", forward(kernel, UNITS, 63, output));
    TIME("x · W, 64 rows padded to 64 floats (aligned, first level)", forward(kernel, 64, 63, output));
    TIME("xᵀ · δ by column, per batch of 32", backward(delta, gradient, 0));
    TIME("xᵀ · δ, each batch's entries as one long column", backward(delta, gradient, 1));

    // Two models on the same batches (two members of a sweep): each loop per model and entry.
    float *kernel2 = aligned_alloc(64, WIDTH * 64 * sizeof(float));
    float *output2 = aligned_alloc(64, BATCH * UNITS * sizeof(float) + 64);
    float *delta2 = aligned_alloc(64, BATCH * UNITS * sizeof(float) + 64);
    float *gradient2 = aligned_alloc(64, WIDTH * UNITS * sizeof(float) + 64);
    for (int i = 0; i < WIDTH * 64; i++) kernel2[i] = rand() / (float)RAND_MAX - 0.5f;
    for (int i = 0; i < BATCH * UNITS; i++) delta2[i] = rand() / (float)RAND_MAX - 0.5f;
    best = 0;
    entries *= 2;
    TIME("x · W of two models, one after the other", (forward(kernel, UNITS, 1023, output), forward(kernel2, UNITS, 1023, output2)));
    TIME("x · W of two models in one pass", forwardPair(kernel, kernel2, output, output2));
    TIME("xᵀ · δ of two models, one after the other", (backward(delta, gradient, 0), backward(delta2, gradient2, 0)));
    TIME("xᵀ · δ of two models in one pass", backwardPair(delta, delta2, gradient, gradient2));
    return output[0] + gradient[0] + output2[0] + gradient2[0] == 12345.0f;  // keep the results alive
}
