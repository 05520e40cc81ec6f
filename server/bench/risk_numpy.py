"""NumPy yardstick for bench/risk.ts: the same stages, sizes and conventions, timed the same way.

Usage: python3 bench/risk_numpy.py --factors 500 --scenarios 10000 --positions 1000 --days 500 --repeats 5
Prints one JSON object on stdout; progress goes to stderr.
"""
import argparse
import json
import statistics
import sys
import time

try:
    import numpy as np
except ImportError:
    print("numpy is not installed for this python3; skipping the NumPy comparison", file=sys.stderr)
    sys.exit(3)


def timed(label, repeats, fn):
    """Median wall time in ms over `repeats` runs after the same warm-up as the TypeScript side."""
    result = fn()
    warm_start = time.perf_counter()
    for i in range(1, 30):
        if i >= 3 and time.perf_counter() - warm_start >= 1.0:
            break
        result = fn()
    samples = []
    for _ in range(repeats):
        start = time.perf_counter()
        result = fn()
        samples.append((time.perf_counter() - start) * 1e3)
    print(f"numpy  {label}: median {statistics.median(samples):.2f} ms, min {min(samples):.2f} ms", file=sys.stderr)
    return (statistics.median(samples), min(samples)), result


def covariance(n, tenors):
    """Commodities x tenors: grouped commodity correlation (x) exponential tenor decay, Samuelson vols."""
    idx = np.arange(n)
    commodity, tenor = idx // tenors, idx % tenors
    group = commodity % 3
    same_group = group[:, None] == group[None, :]
    c_corr = np.where(commodity[:, None] == commodity[None, :], 1.0, np.where(same_group, 0.7, 0.3))
    t_corr = np.exp(-np.abs(tenor[:, None] - tenor[None, :]) / 30.0)
    vols = (1.5 + 0.5 * (commodity % 4)) * (0.4 + 0.6 * np.exp(-tenor / 12.0))
    return c_corr * t_corr * vols[:, None] * vols[None, :]


def tail(pnl, confidence):
    """k-th largest loss and mean of the k largest, k = max(1, floor(N (1 - c)))."""
    losses = -pnl
    k = max(1, int(np.floor(len(losses) * (1 - confidence) + 1e-9)))
    top = np.partition(losses, len(losses) - k)[len(losses) - k:]
    return float(top.min()), float(top.mean())


def history(days, factors):
    """Deterministic pseudo-random daily moves, the same formula as the TypeScript side."""
    t = np.arange(days)[:, None].astype(np.float64)
    j = np.arange(factors)[None, :].astype(np.float64)
    u1 = np.modf(np.abs(np.sin(t * 12.9898 + j * 78.233) * 43758.5453))[0]
    u2 = np.modf(np.abs(np.sin(t * 39.3468 + j * 11.135) * 24634.6345))[0]
    scale = 1.0 + (np.arange(factors) % 5)[None, :]
    return scale * np.sqrt(-2.0 * np.log(1.0 - u1 * 0.999999)) * np.cos(2.0 * np.pi * u2)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--factors", type=int, default=500)
    parser.add_argument("--tenors", type=int, default=50)
    parser.add_argument("--scenarios", type=int, default=10000)
    parser.add_argument("--positions", type=int, default=1000)
    parser.add_argument("--days", type=int, default=500)
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument("--seed", type=int, default=42)
    args = parser.parse_args()
    n, s, r = args.factors, args.scenarios, args.repeats
    stages = {}

    cov = covariance(n, args.tenors)
    weights = 1000.0 * np.sin(np.arange(n) * 0.7 + 0.3)
    (stages["cholesky"], stages["choleskyMin"]), chol = timed("cholesky", r, lambda: np.linalg.cholesky(cov))
    rng = np.random.default_rng(args.seed)
    (stages["normals"], stages["normalsMin"]), z = timed("normals", r, lambda: rng.standard_normal((s, n)))
    (stages["scenarioMatrix"], stages["scenarioMatrixMin"]), _ = timed("scenario matrix Z L^T", r, lambda: z @ chol.T)
    (stages["portfolioPnl"], stages["portfolioPnlMin"]), pnl = timed("P&L Z (L^T w)", r, lambda: z @ (chol.T @ weights))
    (stages["tail"], stages["tailMin"]), (mc_var, mc_es) = timed("VaR/ES", r, lambda: tail(pnl, 0.99))

    def monte_carlo():
        l = np.linalg.cholesky(cov)
        return tail(rng.standard_normal((s, n)) @ (l.T @ weights), 0.99)

    (stages["monteCarloTotal"], stages["monteCarloTotalMin"]), _ = timed("Monte Carlo VaR end to end", r, monte_carlo)

    p = args.positions
    factors = p  # one curve point per position; several books share none, the worst case
    moves = history(args.days, factors)
    position_factor = np.arange(p) % factors
    delta = 500.0 * np.cos(np.arange(p) * 1.3)
    gamma = np.where(np.arange(p) % 10 == 0, -40.0, 0.0)

    def historical():
        d = np.bincount(position_factor, weights=delta, minlength=factors)
        g = np.bincount(position_factor, weights=gamma, minlength=factors)
        gf = np.nonzero(g)[0]
        scenario_pnl = moves @ d + 0.5 * (moves[:, gf] ** 2) @ g[gf]
        return tail(scenario_pnl, 0.99)

    (stages["historicalVar"], stages["historicalVarMin"]), (h_var, h_es) = timed("historical VaR", r, historical)
    print(
        json.dumps(
            {
                "numpy": np.__version__,
                "stages": stages,
                "results": {"mcVar": mc_var, "mcEs": mc_es, "historicalVar": h_var, "historicalEs": h_es},
            }
        )
    )


if __name__ == "__main__":
    main()
