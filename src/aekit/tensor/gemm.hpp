#pragma once
// Matrix products, the GEMMs every layer is built on, split over aekit's threads
// (tensor/thread_pool.hpp).
//
// Each product partitions its OUTPUT into column (or row) stripes, one per thread, taken
// dynamically, and runs Eigen's single-threaded GEMM on each stripe; an output too narrow for column stripes
// (fewer than 32 columns, e.g. a probe's [N, 10] class scores) is split by rows. No
// reduction across threads is needed, so results do not depend on timing, and Eigen's
// blocking buffers live on the stack
// (EIGEN_STACK_ALLOCATION_LIMIT), so no product allocates. On the 2-core machines we
// measured this beats Eigen's own threaded GEMM on the small products of a training step.
// A product called from inside a parallel region (the image layers run their samples in
// parallel, tensor/batch_parts.hpp) runs on the calling thread alone.
//
// The naive reference versions (gemm_reference_*) compute the same thing with plain loops
// and exist to test the fast ones.
#include "aekit/tensor/matrix.hpp"

namespace aekit {

// c[N,H] = a[N,K] * b[H,K]^T            (+ c if accumulate)     forward of a dense layer
void gemm_nt(ConstMatrixRef a, ConstMatrixRef b, MatrixRef c, bool accumulate = false);
// c[N,D] = a[N,H] * b[H,D]              (+ c if accumulate)     input gradient
void gemm_nn(ConstMatrixRef a, ConstMatrixRef b, MatrixRef c, bool accumulate = false);
// c[H,D] = a[N,H]^T * b[N,D]            (+ c if accumulate)     weight gradient
void gemm_tn(ConstMatrixRef a, ConstMatrixRef b, MatrixRef c, bool accumulate = false);

void gemm_reference_nt(ConstMatrixRef a, ConstMatrixRef b, MatrixRef c, bool accumulate = false);
void gemm_reference_nn(ConstMatrixRef a, ConstMatrixRef b, MatrixRef c, bool accumulate = false);
void gemm_reference_tn(ConstMatrixRef a, ConstMatrixRef b, MatrixRef c, bool accumulate = false);

}  // namespace aekit
