#include "engine/selection/paired_test.h"

#include <cmath>
#include <vector>

#include <catch2/catch.hpp>

using namespace clade::selection;

namespace {

// Child scores parent + d[i] around a parent of 0.5 on every task.
PairedComparison FromDifferences(const std::vector<double>& d, PairedTestKind kind) {
  std::vector<double> child, parent;
  for (double x : d) {
    parent.push_back(0.5);
    child.push_back(0.5 + x);
  }
  return ComparePaired(child, parent, kind);
}

double NormalCdf(double z) {
  return 0.5 * std::erfc(-z / std::sqrt(2.0));
}

}  // namespace

TEST_CASE("PairedTest: names parse and print back") {
  CHECK(ParsePairedTestKind("sign") == PairedTestKind::kSign);
  CHECK(ParsePairedTestKind("wilcoxon") == PairedTestKind::kWilcoxon);
  for (const char* bad : {"", "Sign", "wilcox", "t-test", "sign "}) {
    CHECK_FALSE(ParsePairedTestKind(bad).has_value());
  }
  for (PairedTestKind kind : {PairedTestKind::kSign, PairedTestKind::kWilcoxon}) {
    CHECK(ParsePairedTestKind(PairedTestName(kind)) == kind);
  }
}

TEST_CASE("PairedTest: counts and mean difference") {
  // Differences 1, 0.5, 0, 0, -0.25: two better, two ties, one worse; mean 1.25 / 5 = 0.25.
  const std::vector<double> child{1, 1, 0, 0.5, 0.25};
  const std::vector<double> parent{0, 0.5, 0, 0.5, 0.5};
  const PairedComparison c = ComparePaired(child, parent, PairedTestKind::kSign);
  CHECK(c.tasks == 5);
  CHECK(c.better == 2);
  CHECK(c.worse == 1);
  CHECK(c.ties == 2);
  CHECK(c.mean_difference == Approx(0.25).epsilon(1e-12));
  // A difference within 1e-9 is a tie.
  const PairedComparison tiny = ComparePaired({0.5 + 1e-12}, {0.5}, PairedTestKind::kSign);
  CHECK(tiny.ties == 1);
  CHECK(tiny.better == 0);
}

TEST_CASE("PairedTest: no pairs or only ties give p_worse 1") {
  for (PairedTestKind kind : {PairedTestKind::kSign, PairedTestKind::kWilcoxon}) {
    const PairedComparison empty = ComparePaired({}, {}, kind);
    CHECK(empty.tasks == 0);
    CHECK(empty.mean_difference == 0);
    CHECK(empty.p_worse == 1);
    const PairedComparison ties = ComparePaired({0.3, 1, 0}, {0.3, 1, 0}, kind);
    CHECK(ties.ties == 3);
    CHECK(ties.p_worse == 1);
  }
}

TEST_CASE("PairedTest: sign test exact small cases") {
  // better 0, worse 5: P(X <= 0) for Binomial(5, 1/2) = 1/32.
  CHECK(SignTestPWorse(0, 5) == Approx(1.0 / 32).epsilon(1e-12));
  // better 1, worse 9: (C(10,0) + C(10,1)) / 2^10 = 11/1024.
  CHECK(SignTestPWorse(1, 9) == Approx(11.0 / 1024).epsilon(1e-12));
  // better 3, worse 7: (1 + 10 + 45 + 120) / 1024 = 176/1024.
  CHECK(SignTestPWorse(3, 7) == Approx(176.0 / 1024).epsilon(1e-12));
  CHECK(SignTestPWorse(0, 0) == 1);
  CHECK(SignTestPWorse(4, 0) == 1);
  // Through ComparePaired: ties are dropped, so 1 better, 9 worse, 3 ties is 11/1024.
  std::vector<double> d{0.1};
  for (int i = 0; i < 9; ++i) d.push_back(-0.2);
  for (int i = 0; i < 3; ++i) d.push_back(0);
  const PairedComparison c = FromDifferences(d, PairedTestKind::kSign);
  CHECK(c.better == 1);
  CHECK(c.worse == 9);
  CHECK(c.ties == 3);
  CHECK(c.p_worse == Approx(11.0 / 1024).epsilon(1e-12));
}

TEST_CASE("PairedTest: sign test stays exact for thousands of tasks") {
  // n = 2000, better = 1000: P(X <= 1000) = 1/2 + P(X = 1000) / 2, and
  // P(X = 1000) = C(2000, 1000) / 2^2000 = 0.01783901114585432 (exact rational arithmetic),
  // so p = 0.5089195055729272.
  CHECK(SignTestPWorse(1000, 1000) == Approx(0.5089195055729272).epsilon(1e-9));
  // n = 3000, better = 1400: sum_{k<=1400} C(3000, k) / 2^3000 = 1.3928198051961686e-4.
  CHECK(SignTestPWorse(1400, 1600) == Approx(1.3928198051961686e-4).epsilon(1e-9));
  // n = 60, better = 20: sum_{k<=20} C(60, k) / 2^60 = 0.00674464686559593.
  CHECK(SignTestPWorse(20, 40) == Approx(0.00674464686559593).epsilon(1e-10));
}

TEST_CASE("PairedTest: Wilcoxon exact small cases") {
  // {-1,-2,-3,-4,-5}: W+ = 0; only the empty subset of ranks {1..5} sums to 0: p = 1/32.
  CHECK(WilcoxonPWorse({-0.1, -0.2, -0.3, -0.4, -0.5}) == Approx(1.0 / 32).epsilon(1e-12));
  // Zero differences are dropped first: the same answer with two zeros added.
  CHECK(WilcoxonPWorse({0, -0.1, -0.2, 0, -0.3, -0.4, -0.5}) == Approx(1.0 / 32).epsilon(1e-12));
  // {-1,-2,-3,+4}: W+ = 4. Subsets of {1,2,3,4} with sum <= 4: {}, {1}, {2}, {3}, {4},
  // {1,2}, {1,3}: 7 of 16.
  CHECK(WilcoxonPWorse({-0.1, -0.2, -0.3, 0.4}) == Approx(7.0 / 16).epsilon(1e-12));
  // {-1,-2,+3}: W+ = 3. Subsets of {1,2,3} with sum <= 3: {}, {1}, {2}, {3}, {1,2}: 5 of 8.
  CHECK(WilcoxonPWorse({-0.1, -0.2, 0.3}) == Approx(5.0 / 8).epsilon(1e-12));
}

TEST_CASE("PairedTest: Wilcoxon exact with tied ranks uses average ranks") {
  // {+1, -1, -2}: |1| and |1| tie for ranks 1 and 2 (1.5 each), |2| has rank 3; W+ = 1.5.
  // Sign assignments of ranks {1.5, 1.5, 3}: W+ in {0, 1.5, 1.5, 3, 3, 4.5, 4.5, 6};
  // three of eight are <= 1.5: p = 3/8.
  CHECK(WilcoxonPWorse({0.1, -0.1, -0.2}) == Approx(3.0 / 8).epsilon(1e-12));
  // Magnitudes that differ only by rounding still tie: 0.7 - 0.4 = 0.29999999999999993 and
  // 0.1 - 0.4 = -0.30000000000000004 share ranks 2 and 3 (2.5 each), 0.7 - 0.5 has rank 1.
  // W+ = 1 + 2.5 = 3.5; W+ over the 8 assignments of {1, 2.5, 2.5}:
  // {0, 1, 2.5, 2.5, 3.5, 3.5, 5, 6}, six <= 3.5: p = 6/8. (Ranked without the tolerance,
  // the positive 0.3 would rank 2, W+ = 3 and p = 5/8.)
  const PairedComparison c =
      ComparePaired({0.7, 0.1, 0.7}, {0.4, 0.4, 0.5}, PairedTestKind::kWilcoxon);
  CHECK(c.p_worse == Approx(6.0 / 8).epsilon(1e-12));
}

TEST_CASE("PairedTest: Wilcoxon exact agrees with brute force over sign assignments") {
  // Magnitudes 1..10, positive at ranks 2, 5, 9: W+ = 16. Count subsets of {1..10} with
  // sum <= 16 directly.
  std::vector<double> d;
  for (int k = 1; k <= 10; ++k) {
    const bool positive = k == 2 || k == 5 || k == 9;
    d.push_back((positive ? 0.03 : -0.03) * k);
  }
  int count = 0;
  for (int mask = 0; mask < (1 << 10); ++mask) {
    int sum = 0;
    for (int k = 1; k <= 10; ++k) {
      if (mask & (1 << (k - 1))) sum += k;
    }
    if (sum <= 16) ++count;
  }
  CHECK(WilcoxonPWorse(d) == Approx(count / 1024.0).epsilon(1e-12));
}

TEST_CASE("PairedTest: Wilcoxon normal approximation above 50 pairs") {
  // 60 distinct magnitudes k/200, k = 1..60; positive for k = 41..60, so
  // W+ = 41 + ... + 60 = 1010. mean = 60*61/4 = 915, variance = 60*61*121/24 = 18452.5,
  // z = (1010 - 915 + 0.5) / sqrt(18452.5) = 0.7030330866553316, Phi(z) = 0.7589824348610836.
  std::vector<double> d;
  for (int k = 1; k <= 60; ++k) d.push_back((k > 40 ? 1.0 : -1.0) * k / 200.0);
  const PairedComparison c = FromDifferences(d, PairedTestKind::kWilcoxon);
  CHECK(c.better == 20);
  CHECK(c.worse == 40);
  CHECK(c.p_worse == Approx(0.7589824348610836).epsilon(1e-9));
}

TEST_CASE("PairedTest: Wilcoxon normal approximation corrects the variance for ties") {
  // 60 differences of equal magnitude 0.1: 20 positive, 40 negative. Every rank is 30.5,
  // W+ = 20 * 30.5 = 610, mean 915. Tie correction (60^3 - 60) / 48 = 4498.75, variance
  // 18452.5 - 4498.75 = 13953.75 (= 30.5^2 * 60 / 4, the binomial's, as it must be).
  // z = (610 - 915 + 0.5) / sqrt(13953.75) = -2.577756128787232, Phi(z) = 0.004972207645595713.
  std::vector<double> d;
  for (int i = 0; i < 60; ++i) d.push_back(i < 20 ? 0.1 : -0.1);
  const PairedComparison c = FromDifferences(d, PairedTestKind::kWilcoxon);
  CHECK(c.p_worse == Approx(0.004972207645595713).epsilon(1e-9));
  CHECK(c.p_worse == Approx(NormalCdf(-304.5 / std::sqrt(13953.75))).epsilon(1e-12));
}

TEST_CASE("PairedTest: Wilcoxon exact at 50 pairs is near the normal approximation") {
  // Magnitudes 1..50, positive for ranks 1..25: W+ = 325. Exact: the subsets of {1..50}
  // with sum <= 325, counted by an integer dynamic program (Python), over 2^50:
  // 0.0010612174275452801. The normal approximation (mean 637.5, variance
  // 50*51*101/24 = 10731.25) gives Phi(-312 / sqrt(10731.25)) = 0.0012984200636519513.
  std::vector<double> d;
  for (int k = 1; k <= 50; ++k) d.push_back((k <= 25 ? 1.0 : -1.0) * k / 100.0);
  const double exact = WilcoxonPWorse(d);
  CHECK(exact == Approx(0.0010612174275452801).epsilon(1e-12));
  CHECK(exact == Approx(NormalCdf(-312.0 / std::sqrt(10731.25))).epsilon(0.25));
}

TEST_CASE("PairedTest: swapping child and parent gives the other side") {
  // Sign: 3 better, 7 worse, 2 ties. P(X <= 3) + P(X <= 7) = 1 + P(X = 3), n = 10:
  // 176/1024 + 968/1024 = 1 + 120/1024.
  const std::vector<double> a{1, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0.5, 0.5};
  const std::vector<double> b{0, 0, 0, 1, 1, 1, 1, 1, 1, 1, 0.5, 0.5};
  const double forward = ComparePaired(a, b, PairedTestKind::kSign).p_worse;
  const double backward = ComparePaired(b, a, PairedTestKind::kSign).p_worse;
  CHECK(forward == Approx(176.0 / 1024).epsilon(1e-12));
  CHECK(backward == Approx(968.0 / 1024).epsilon(1e-12));
  // Wilcoxon on {-1,-2,-3,+4}: 7/16; swapped {+1,+2,+3,-4}: W+ = 6, P(W+ <= 6) =
  // 1 - P(W+ <= 3) = 1 - 5/16 = 11/16; the sum is 1 + P(W+ = 4) = 1 + 2/16.
  const std::vector<double> child{0.4, 0.3, 0.2, 0.9};
  const std::vector<double> parent{0.5, 0.5, 0.5, 0.5};
  const double w_forward = ComparePaired(child, parent, PairedTestKind::kWilcoxon).p_worse;
  const double w_backward = ComparePaired(parent, child, PairedTestKind::kWilcoxon).p_worse;
  CHECK(w_forward == Approx(7.0 / 16).epsilon(1e-12));
  CHECK(w_backward == Approx(11.0 / 16).epsilon(1e-12));
}

TEST_CASE("PairedTest: a child better everywhere gets p_worse near 1") {
  std::vector<double> child(20, 1.0), parent(20, 0.0);
  for (PairedTestKind kind : {PairedTestKind::kSign, PairedTestKind::kWilcoxon}) {
    const PairedComparison c = ComparePaired(child, parent, kind);
    CHECK(c.better == 20);
    CHECK(c.mean_difference == Approx(1.0));
    CHECK(c.p_worse == Approx(1.0).epsilon(1e-12));
  }
  // Better on 18 of 20, worse on 2: P(X <= 18) = 1 - (20 + 1) / 2^20.
  child[0] = child[1] = -1.0;
  CHECK(ComparePaired(child, parent, PairedTestKind::kSign).p_worse ==
        Approx(1.0 - 21.0 / 1048576).epsilon(1e-12));
  // 100 pairs all better by distinct amounts (normal approximation): p_worse near 1.
  std::vector<double> d;
  for (int k = 1; k <= 100; ++k) d.push_back(k / 1000.0);
  CHECK(FromDifferences(d, PairedTestKind::kWilcoxon).p_worse > 1 - 1e-12);
}

TEST_CASE("PairedTest: a child worse everywhere gets a small p_worse") {
  std::vector<double> child(20, 0.0), parent(20, 1.0);
  // Sign: 1/2^20. Wilcoxon with all ranks tied (average 10.5): W+ = 0, p = 1/2^20 too.
  CHECK(ComparePaired(child, parent, PairedTestKind::kSign).p_worse ==
        Approx(1.0 / 1048576).epsilon(1e-12));
  CHECK(ComparePaired(child, parent, PairedTestKind::kWilcoxon).p_worse ==
        Approx(1.0 / 1048576).epsilon(1e-12));
}
