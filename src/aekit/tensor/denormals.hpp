#pragma once
// Denormal floats (|x| < 1.2e-38) are flushed to zero on aekit's threads (the FTZ and DAZ bits
// of x86's MXCSR, as TensorFlow and oneDNN set them). A saturated sigmoid gives such values
// (sigmoid(-88) ~ 6e-39), and every multiply with one takes a slow microcode path: the codes of
// a pre-trained RBM layer made its GEMMs 32% slower, a deep sigmoid autoencoder's epochs 24%
// (docs/results.md 20). Flushing changes only values below 1.2e-38, to 0.
namespace aekit {

// Sets FTZ and DAZ on the calling thread; a no-op on processors without them. The thread
// pool's workers take the floating-point mode of the thread that starts each job
// (tensor/thread_pool.hpp), so they flush whenever their caller does.
void flush_denormals();

}  // namespace aekit
