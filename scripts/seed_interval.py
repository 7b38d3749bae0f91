"""The mean of one figure over a search's RNG seeds, with a 95% confidence interval
(Student's t, n - 1 degrees of freedom), as scripts/ablation.sh and scripts/transfer.sh
print it. With three seeds the interval is wide; it says so rather than hiding it."""

T975 = {1: 12.706, 2: 4.303, 3: 3.182, 4: 2.776, 5: 2.571, 6: 2.447, 7: 2.365, 8: 2.306, 9: 2.262}


def interval(values):
    """'+0.026 [-0.044, +0.096]', or the mean alone for one seed."""
    n = len(values)
    mean = sum(values) / n
    if n < 2:
        return f"{mean:+.3f} (one seed: no interval)"
    sd = (sum((v - mean) ** 2 for v in values) / (n - 1)) ** 0.5
    half = T975.get(n - 1, 1.96) * sd / n ** 0.5
    return f"{mean:+.3f} [{mean - half:+.3f}, {mean + half:+.3f}]"
