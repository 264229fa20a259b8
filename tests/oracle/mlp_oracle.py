#!/usr/bin/python3
"""PyTorch oracle for aekit's MLP autoencoder and its objective (tests/oracle/mlp_oracle_test.cpp).

Usage: /usr/bin/python3 tests/oracle/mlp_oracle.py OUTDIR

For each case below, writes into OUTDIR/<case>/ (all float32, C order):
  initial/<name>.npy  initial value of every parameter, named as aekit names them
                      (encoder.0.weight [out, in], encoder.0.bias [out], ..., decoder.K.bias)
  grad/<name>.npy     d objective / d parameter at the initial values on batch 0
  batches.npy         [STEPS * BATCH, D] clean data: batch t is rows [t * BATCH, (t + 1) * BATCH)
  noisy.npy           denoising cases only: the model's inputs, batches.npy masked here
  loss.npy            [1] the objective on batch 0 at the initial values
  trace.npy           [STEPS] objective on batch t before Adam step t (torch.optim.Adam)
  final/<name>.npy    parameters after the STEPS Adam steps

The model (models/autoencoder.hpp): encoder dims[0] -> ... -> dims[-1], the hidden activation
on every encoder layer but the last, the code activation on the last; the decoder mirrors it
with the hidden activation between layers and a linear last layer giving logits z, output
sigmoid(z). Tied: decoder layer j uses its mirror encoder weight transposed, F.linear(h,
W.t(), c), with its own bias c. The objective (models/objective.hpp), for inputs x~ (x~ = x
unless the case masks) and clean data x, code h[N,K], first encoder layer h1 = f(x~ W^T + b):
  mse = nn.MSELoss()(sigmoid(z), x)   or   bce = nn.BCEWithLogitsLoss()(z, x)
  + l1 sparsity   lambda * (1/N) * sum |h|                          (models/sparsity.hpp)
  + kl sparsity   beta * sum_j KL(rho || mean_n h_nj)   (aekit's floor on the mean is not
                                                         reached here, so it is left out)
  + contractive   lambda * (1/N) * sum_n ||d h1(x~_n) / d x~_n||_F^2, the Jacobian taken by
                  autograd (not aekit's closed form); only the FIRST encoder layer's, as in
                  aekit (models/contractive.hpp), also when the encoder has two layers
Denoising cases draw the mask (x~ = 0 with probability nu, else x) here once, since aekit's
noise stream cannot be reproduced in PyTorch; the C++ side gives the model the same x~.

The reference is computed in float32 like aekit's build, single-threaded; as a guard on the
reference itself, the objective and gradients are recomputed in float64 from the same float32
starting point and must agree to 1e-5 relative.
"""
import os
import sys

try:
    import numpy as np
    import torch
    import torch.nn.functional as F
except ImportError as error:  # pragma: no cover - reported by the C++ test
    sys.stderr.write(
        "mlp_oracle.py needs numpy and torch for /usr/bin/python3 "
        "(Debian packages python3-numpy and python3-torch, see scripts/install-deps): %s\n"
        % error)
    sys.exit(3)

from penalties import sparsity_penalty  # noqa: E402 (after the import check)

BATCH = 16
STEPS = 20
LR = 1e-2
BETAS = (0.9, 0.999)
EPS = 1e-8

# What a case does not say:
#   sparsity     aekit's text for it: "none", "l1:LAMBDA" or "kl:RHO:BETA"
#   contractive  lambda of the contractive penalty (0: off)
#   mask         nu of the masking corruption of the inputs (0: no denoising)
DEFAULTS = dict(dims=[20, 12, 4], hidden="relu", tied=False, sparsity="none", contractive=0.0,
                mask=0.0)

# name -> the case's settings over DEFAULTS; the C++ test lists the same cases.
CASES = {
    "mse_sigmoid_code": dict(loss="mse", code="sigmoid"),
    "bce_linear_code": dict(loss="bce", code="identity"),
    "mse_tied_tanh_code": dict(loss="mse", code="tanh", tied=True),
    "l1_relu_code": dict(loss="mse", code="relu", sparsity="l1:0.05"),
    "kl_sigmoid_code": dict(loss="bce", code="sigmoid", sparsity="kl:0.1:0.2"),
    "contractive_sigmoid": dict(loss="mse", code="sigmoid", dims=[20, 8], contractive=0.5),
    "contractive_tied_tanh": dict(loss="mse", code="tanh", dims=[20, 8], tied=True,
                                  contractive=0.05),
    "contractive_two_layers": dict(loss="bce", code="sigmoid", dims=[20, 10, 6],
                                   hidden="sigmoid", contractive=0.5),
    "denoising_mask": dict(loss="bce", code="sigmoid", mask=0.3),
}

ACTIVATIONS = {
    "identity": lambda t: t,
    "sigmoid": torch.sigmoid,
    "tanh": torch.tanh,
    "relu": torch.relu,
}


def make_parameters(c, generator):
    """Initial parameters as an ordered list of (aekit name, tensor)."""
    dims = c["dims"]
    params = []
    depth = len(dims) - 1

    def linear(fan_in, fan_out):
        # nn.Linear's default: U(-1/sqrt(fan_in), 1/sqrt(fan_in)) for weight and bias.
        bound = 1.0 / fan_in ** 0.5
        w = (torch.rand(fan_out, fan_in, generator=generator) * 2 - 1) * bound
        b = (torch.rand(fan_out, generator=generator) * 2 - 1) * bound
        return w, b

    for i in range(depth):
        w, b = linear(dims[i], dims[i + 1])
        params += [("encoder.%d.weight" % i, w), ("encoder.%d.bias" % i, b)]
    for j, i in enumerate(reversed(range(depth))):  # decoder layer j mirrors encoder layer i
        if c["tied"]:
            bound = 1.0 / dims[i + 1] ** 0.5
            bias = (torch.rand(dims[i], generator=generator) * 2 - 1) * bound
            params += [("decoder.%d.bias" % j, bias)]
        else:
            w, b = linear(dims[i + 1], dims[i])
            params += [("decoder.%d.weight" % j, w), ("decoder.%d.bias" % j, b)]
    return params


def encoder_layer(p, c, i, x):
    """Encoder layer i of the parameters p (dict name -> tensor): f(x W_i^T + b_i)."""
    last = i + 2 == len(c["dims"])
    f = ACTIVATIONS[c["code"] if last else c["hidden"]]
    return f(F.linear(x, p["encoder.%d.weight" % i], p["encoder.%d.bias" % i]))


def encode(p, c, x):
    for i in range(len(c["dims"]) - 1):
        x = encoder_layer(p, c, i, x)
    return x


def decode_logits(p, c, h):
    depth = len(c["dims"]) - 1
    for j, i in enumerate(reversed(range(depth))):
        w = p["encoder.%d.weight" % i].t() if c["tied"] else p["decoder.%d.weight" % j]
        h = F.linear(h, w, p["decoder.%d.bias" % j])
        if j + 1 < depth:
            h = ACTIVATIONS[c["hidden"]](h)
    return h


def contractive_penalty(p, c, x):
    """lambda/N sum_n ||J(x_n)||_F^2, J(x_n) = d h1(x_n) / d x_n [H, D] by autograd. The rows
    are independent, so the Jacobian of sum_n h1(x)[n] wrt x[N, D] is [H, N, D] and holds every
    J(x_n); create_graph=True lets backward() differentiate it wrt the parameters."""
    jacobian = torch.autograd.functional.jacobian(
        lambda v: encoder_layer(p, c, 0, v).sum(0), x, create_graph=True)
    return c["contractive"] * jacobian.pow(2).sum() / x.shape[0]


def objective(p, c, inputs, x):
    """aekit's Objective: the reconstruction of x from `inputs`, plus the penalties."""
    h = encode(p, c, inputs)
    z = decode_logits(p, c, h)
    if c["loss"] == "mse":
        value = torch.nn.MSELoss()(torch.sigmoid(z), x)
    else:
        value = torch.nn.BCEWithLogitsLoss()(z, x)
    value = value + sparsity_penalty(c["sparsity"], h)
    if c["contractive"] > 0:
        value = value + contractive_penalty(p, c, inputs)
    return value


def save(path, tensor):
    np.save(path, np.ascontiguousarray(tensor.detach().cpu().numpy().astype(np.float32)))


def save_parameters(folder, names, p):
    os.makedirs(folder, exist_ok=True)
    for pname in names:
        save(os.path.join(folder, pname + ".npy"), p[pname])


def run_case(outdir, name, c, seed):
    generator = torch.Generator().manual_seed(seed)
    initial = make_parameters(c, generator)
    names = [n for n, _ in initial]
    batches = torch.rand(STEPS * BATCH, c["dims"][0], generator=generator)
    inputs = batches
    case_dir = os.path.join(outdir, name)
    os.makedirs(case_dir, exist_ok=True)
    save(os.path.join(case_dir, "batches.npy"), batches)
    if c["mask"] > 0:
        keep = torch.rand(batches.shape, generator=generator) >= c["mask"]
        inputs = batches * keep
        save(os.path.join(case_dir, "noisy.npy"), inputs)
    save_parameters(os.path.join(case_dir, "initial"), names, dict(initial))

    # Objective and gradients at the initial values on batch 0, in float32.
    p = {n: v.clone().requires_grad_(True) for n, v in initial}
    value = objective(p, c, inputs[:BATCH], batches[:BATCH])
    value.backward()
    save(os.path.join(case_dir, "loss.npy"), value.reshape(1))
    save_parameters(os.path.join(case_dir, "grad"), names, {n: p[n].grad for n in names})

    # Guard: the same in float64 must agree (the float32 reference is accurate).
    p64 = {n: v.double().clone().requires_grad_(True) for n, v in initial}
    value64 = objective(p64, c, inputs[:BATCH].double(), batches[:BATCH].double())
    value64.backward()
    worst = abs(value.item() - value64.item()) / abs(value64.item())
    for pname in names:
        g32, g64 = p[pname].grad.double(), p64[pname].grad
        err = ((g32 - g64).abs() - 1e-5 * g64.abs() - 1e-8).max().item()
        if err > 0:
            raise SystemExit("reference check failed: float32 and float64 gradients of %s/%s "
                             "differ by more than 1e-5 relative" % (name, pname))
    if worst > 1e-5:
        raise SystemExit("reference check failed: %s objective float32 %r vs float64 %r"
                         % (name, value.item(), value64.item()))

    # STEPS Adam steps, batch t at step t; the trace holds the objective before each step.
    p = {n: v.clone().requires_grad_(True) for n, v in initial}
    optimizer = torch.optim.Adam([p[n] for n in names], lr=LR, betas=BETAS, eps=EPS)
    trace = []
    for t in range(STEPS):
        rows = slice(t * BATCH, (t + 1) * BATCH)
        optimizer.zero_grad()
        value = objective(p, c, inputs[rows], batches[rows])
        value.backward()
        optimizer.step()
        trace.append(value.item())
    save(os.path.join(case_dir, "trace.npy"), torch.tensor(trace, dtype=torch.float32))
    save_parameters(os.path.join(case_dir, "final"), names, p)
    print("%s: %s objective %.6f -> %.6f after %d Adam steps" % (name, c["loss"], trace[0],
                                                                trace[-1], STEPS))


def main():
    if len(sys.argv) != 2:
        sys.stderr.write("usage: mlp_oracle.py OUTDIR\n")
        return 2
    torch.set_num_threads(1)
    torch.manual_seed(0)
    outdir = sys.argv[1]
    for index, (name, settings) in enumerate(CASES.items()):
        run_case(outdir, name, dict(DEFAULTS, **settings), seed=1000 + index)
    return 0


if __name__ == "__main__":
    sys.exit(main())
